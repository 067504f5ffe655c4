import { describe, expect, it } from 'vitest';
import {
  DOUBLE_BRACES,
  fillTemplate,
  templateVariables,
  TemplateError,
} from '../../core/fill-template.ts';

describe('fillTemplate', () => {
  it('fills every placeholder, numbers included, and repeated ones each time', () => {
    expect(
      fillTemplate('第{article}条“{title}”（第{article}条）', {
        article: 12,
        title: '优化能源消费结构',
      }),
    ).toBe('第12条“优化能源消费结构”（第12条）');
  });

  it('throws instead of leaving a blank when a value is missing, naming the template and the variable', () => {
    expect(() =>
      fillTemplate('第{article}条“{title}”', { article: 12 }, { name: 'staff.lead' }),
    ).toThrow(TemplateError);
    expect(() =>
      fillTemplate('第{article}条“{title}”', { article: 12 }, { name: 'staff.lead' }),
    ).toThrow(/staff\.lead.*\{title\}/);
  });

  it('inserts values literally: no $-patterns, no second pass over inserted text', () => {
    expect(fillTemplate('“{quote}”', { quote: '$& and $1' })).toBe('“$& and $1”');
    expect(fillTemplate('{a}|{b}', { a: '{b}', b: 'x' })).toBe('{b}|x');
  });

  it('with declared variables, rejects a template using an undeclared one', () => {
    expect(() =>
      fillTemplate(
        '{article}{secret}',
        { article: 1, secret: 'x' },
        { declared: ['article'], name: 'prompt.md' },
      ),
    ).toThrow(/prompt\.md: uses undeclared variables secret/);
  });

  it('with declared variables, rejects a missing value even when the template does not use it', () => {
    expect(() =>
      fillTemplate('{article}', { article: 1 }, { declared: ['article', 'title'] }),
    ).toThrow(/missing variables title/);
  });

  it('with declared variables, rejects values that are not declared', () => {
    expect(() =>
      fillTemplate('{article}', { article: 1, extra: 2 }, { declared: ['article'] }),
    ).toThrow(/unknown variables extra/);
    expect(fillTemplate('{article}', { article: 1 }, { declared: ['article'] })).toBe('1');
  });

  it('DOUBLE_BRACES fills {{name}} and leaves single braces literal', () => {
    const prompt = '问题：{{question}}\n格式：{article}';
    expect(fillTemplate(prompt, { question: '养老怎么办' }, { syntax: DOUBLE_BRACES })).toBe(
      '问题：养老怎么办\n格式：{article}',
    );
    expect(() => fillTemplate('{{question}}', {}, { syntax: DOUBLE_BRACES })).toThrow(
      TemplateError,
    );
  });

  it('transform rewrites values per variable before insertion', () => {
    const transform = (variable: string, value: string) =>
      variable === 'title' ? value.replace(/“/g, '‘').replace(/”/g, '’') : value;
    expect(
      fillTemplate('“{title}”{quote}', { title: '实施“河湖长制”', quote: '“原文”' }, { transform }),
    ).toBe('“实施‘河湖长制’”“原文”');
  });
});

describe('templateVariables', () => {
  it('lists placeholders once, in order of first use, for either syntax', () => {
    expect(templateVariables('{b}{a}{b}')).toEqual(['b', 'a']);
    expect(templateVariables('{{q}} {x} {{h}}', DOUBLE_BRACES)).toEqual(['q', 'h']);
  });
});
