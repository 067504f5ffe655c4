import { describe, expect, it } from 'vitest';
import { splitCompoundSources } from '../../core/split-compound.ts';

const reads = (word: string, text: string) =>
  splitCompoundSources(word).some((source) => new RegExp(source, 'u').test(text));

describe('splitCompoundSources: a compound written with a qualifier inside it', () => {
  it('reads the compound with up to four characters between its parts, within one clause', () => {
    expect(reads('固态电池', '依托储能电站、固态储能电池等项目')).toBe(true);
    expect(reads('京蒙合作', '深化京蒙教育合作')).toBe(true);
    expect(reads('食品安全', '提升食品药品安全现代化治理水平')).toBe(true);
    expect(reads('京蒙合作', '京蒙,加强合作')).toBe(false);
    expect(reads('京蒙合作', '京蒙之间的长期深入合作')).toBe(false);
  });

  it('has nothing to read for a word too short to be a compound, or not all Chinese', () => {
    expect(splitCompoundSources('养老')).toEqual([]);
    expect(splitCompoundSources('bdo项目')).toEqual([]);
    expect(splitCompoundSources('三化改造')).toHaveLength(1);
  });
});
