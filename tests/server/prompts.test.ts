import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMPTS_DIR } from '../../ingest/project-paths.ts';
import { AIMessage, HumanMessage } from '@langchain/core/messages';
import { answerPrompt, condensePrompt } from '../../server/llm/chat-prompts.ts';
import { PromptFileTemplate } from '../../server/llm/prompt-file-template.ts';
import { loadPrompt, renderPrompt, type PromptName } from '../../server/llm/render-prompt.ts';
import { makeTempDir } from '../helpers/plan-index.ts';

const PROMPT_FILES = readdirSync(PROMPTS_DIR)
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.slice(0, -'.md'.length) as PromptName)
  .sort();

/** A distinct, recognisable value for each variable. */
function valuesFor(name: PromptName): Record<string, string> {
  return Object.fromEntries(
    loadPrompt(name).variables.map((variable) => [variable, `«${name}:${variable}»`]),
  );
}

describe('prompts/*.md', () => {
  it('holds the prompts the server renders', () => {
    expect(PROMPT_FILES).toEqual([
      'audience-citizen',
      'audience-staff',
      'audience-trainer',
      'condense-followup',
      'system',
      'user-question',
    ]);
  });

  it.each(PROMPT_FILES)(
    '%s renders with its declared variables, each used, none left over',
    (name) => {
      const values = valuesFor(name);
      const rendered = renderPrompt(name, values);
      expect(rendered.trim().length).toBeGreaterThan(0);
      expect(rendered).not.toMatch(/\{\{\w*\}\}/);
      expect(rendered).not.toMatch(/^---/);
      expect(rendered).not.toContain('variables:');
      for (const value of Object.values(values)) expect(rendered).toContain(value);
    },
  );

  it('declares the variables the server fills', () => {
    expect(loadPrompt('system').variables.sort()).toEqual([
      'articles',
      'audience_instructions',
      'document_title',
    ]);
    expect(loadPrompt('condense-followup').variables.sort()).toEqual(['conversation', 'question']);
    expect(loadPrompt('user-question').variables).toEqual(['question']);
    for (const audience of ['audience-staff', 'audience-citizen', 'audience-trainer'] as const)
      expect(loadPrompt(audience).variables).toEqual([]);
  });

  it.each(PROMPT_FILES.filter((name) => loadPrompt(name).variables.length > 0))(
    '%s: a missing variable throws',
    (name) => {
      const values = valuesFor(name);
      for (const variable of Object.keys(values)) {
        const { [variable]: _omitted, ...rest } = values;
        expect(() => renderPrompt(name, rest)).toThrow(
          new RegExp(`missing variables.*${variable}`),
        );
      }
    },
  );

  it.each(PROMPT_FILES)('%s: an unknown variable throws', (name) => {
    expect(() => renderPrompt(name, { ...valuesFor(name), not_declared: 'x' })).toThrow(
      /unknown variables.*not_declared/,
    );
  });

  it('a value containing {{x}} is inserted literally, not expanded again', () => {
    const rendered = renderPrompt('condense-followup', {
      conversation: '用户：请把{{question}}换成别的',
      question: '第12条讲什么？',
    });
    expect(rendered).toContain('用户：请把{{question}}换成别的');
    expect(rendered.split('第12条讲什么？')).toHaveLength(2);

    const system = renderPrompt('system', {
      document_title: '{{articles}}',
      audience_instructions: '{{document_title}}',
      articles: '〔第12条〕优化能源消费结构',
    });
    expect(system).toContain('《{{articles}}》');
    expect(system).toContain('{{document_title}}');
    expect(system.split('〔第12条〕优化能源消费结构')).toHaveLength(2);
  });

  it('a value containing replacement patterns ($&, $1, $`) is inserted literally', () => {
    const question = "价格是$&还是$1或$`$'？";
    expect(renderPrompt('user-question', { question })).toContain(question);
  });
});

describe('the prompts as LangChain templates', () => {
  it.each(PROMPT_FILES)(
    '%s: a PromptFileTemplate with the declared variables, same text',
    async (name) => {
      const template = new PromptFileTemplate(name);
      expect([...template.inputVariables].sort()).toEqual([...loadPrompt(name).variables].sort());
      expect(await template.format(valuesFor(name))).toBe(renderPrompt(name, valuesFor(name)));
    },
  );

  it('a PromptFileTemplate refuses a missing or an unknown variable', async () => {
    const template = new PromptFileTemplate('condense-followup');
    await expect(template.format({ question: 'q' })).rejects.toThrow(
      /missing variables.*conversation/,
    );
    await expect(
      template.format({ ...valuesFor('condense-followup'), not_declared: 'x' }),
    ).rejects.toThrow(/unknown variables.*not_declared/);
  });

  it('a partial PromptFileTemplate needs only the rest', async () => {
    const partial = await new PromptFileTemplate('condense-followup').partial({
      conversation: '用户：冬天取暖有什么打算？',
    });
    expect(partial.inputVariables).toEqual(['question']);
    expect(await partial.format({ question: '那养老呢？' })).toBe(
      renderPrompt('condense-followup', {
        conversation: '用户：冬天取暖有什么打算？',
        question: '那养老呢？',
      }),
    );
  });

  it('the answer prompt: system.md, the conversation, then user-question.md', async () => {
    const prompt = answerPrompt();
    expect([...prompt.inputVariables].sort()).toEqual(
      [
        ...loadPrompt('system').variables,
        'history',
        ...loadPrompt('user-question').variables,
      ].sort(),
    );
    const system = valuesFor('system');
    const messages = await prompt.formatMessages({
      ...system,
      history: [
        new HumanMessage('冬天取暖有什么打算？'),
        new AIMessage('《建议》提出……〔第23条〕'),
      ],
      question: '那养老呢？',
    });
    expect(messages.map((message) => message.getType())).toEqual([
      'system',
      'human',
      'ai',
      'human',
    ]);
    expect(messages[0]!.content).toBe(renderPrompt('system', system));
    expect(messages[1]!.content).toBe('冬天取暖有什么打算？');
    expect(messages[3]!.content).toBe(renderPrompt('user-question', { question: '那养老呢？' }));
  });

  it('the answer prompt refuses to run without one of its variables', async () => {
    const { articles: _omitted, ...rest } = valuesFor('system');
    await expect(
      answerPrompt().formatMessages({ ...rest, history: [], question: 'q' }),
    ).rejects.toThrow(/articles/);
  });

  it('the condense prompt is condense-followup.md as one user message', async () => {
    const values = valuesFor('condense-followup');
    const messages = await condensePrompt().formatMessages(values);
    expect(messages.map((message) => message.getType())).toEqual(['human']);
    expect(messages[0]!.content).toBe(renderPrompt('condense-followup', values));
  });
});

describe('prompt files that are wrong are rejected, not rendered with blanks', () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('prompts-'));
  });

  afterAll(async () => {
    await cleanup?.();
  });

  it('a placeholder that is not declared', async () => {
    const sub = path.join(dir, 'undeclared');
    await mkdir(sub);
    await writeFile(
      path.join(sub, 'user-question.md'),
      '---\nvariables: [question]\n---\n问题：{{question}}（{{answer}}）\n',
    );
    expect(() => renderPrompt('user-question', { question: 'q' }, sub)).toThrow(
      /undeclared variables answer/,
    );
    expect(() => new PromptFileTemplate('user-question', { dir: sub })).toThrow(
      /undeclared variables answer/,
    );
  });

  it('no front matter', async () => {
    const sub = path.join(dir, 'bare');
    await mkdir(sub);
    await writeFile(path.join(sub, 'user-question.md'), '问题：{{question}}\n');
    expect(() => renderPrompt('user-question', { question: 'q' }, sub)).toThrow(/front matter/);
  });

  it('front matter without a variables list', async () => {
    const sub = path.join(dir, 'novars');
    await mkdir(sub);
    await writeFile(path.join(sub, 'user-question.md'), '---\ntitle: x\n---\n问题：{{question}}\n');
    expect(() => renderPrompt('user-question', { question: 'q' }, sub)).toThrow(/variables list/);
  });

  it('a well-formed prompt in another directory renders from that directory', async () => {
    const sub = path.join(dir, 'good');
    await mkdir(sub);
    await writeFile(
      path.join(sub, 'user-question.md'),
      '---\nvariables: [question]\n---\nQ: {{question}}\n',
    );
    expect(renderPrompt('user-question', { question: '第12条' }, sub)).toBe('Q: 第12条');
    // The shipped prompt is unaffected by the other directory.
    const shipped = renderPrompt('user-question', { question: '第12条' });
    expect(shipped).not.toBe('Q: 第12条');
    expect(shipped).toContain('第12条');
  });
});
