import { describe, expect, it } from 'vitest';
import { locateVerbatim, locateVerbatimRange } from '../../core/locate-verbatim.ts';

// The document writes half-width commas and brackets; models and readers write full-width ones.
const TEXT = '强化人才支撑。实施“乌海英才”计划,引进高层次人才100名(含团队)。完善人才服务保障体系。';

describe('locateVerbatim', () => {
  it('returns an exact quote as it is, with its offsets', () => {
    const range = locateVerbatimRange(TEXT, '完善人才服务保障体系');
    expect(range).not.toBeNull();
    expect(TEXT.slice(range!.start, range!.end)).toBe('完善人才服务保障体系');
  });

  it('maps width and punctuation variants back to the document’s own characters', () => {
    expect(locateVerbatim(TEXT, '实施“乌海英才”计划，引进高层次人才１００名（含团队）')).toBe(
      '实施“乌海英才”计划,引进高层次人才100名(含团队)',
    );
  });

  it('tolerates whitespace the quote adds', () => {
    expect(locateVerbatim(TEXT, '引进 高层次人才 100 名')).toBe('引进高层次人才100名');
  });

  it('rejects a quote whose words differ', () => {
    expect(locateVerbatim(TEXT, '引进高层次人才200名')).toBeNull();
    expect(locateVerbatim(TEXT, '实施“草原英才”计划')).toBeNull();
  });

  it('rejects empty and one-character non-exact quotes', () => {
    expect(locateVerbatimRange(TEXT, '')).toBeNull();
    expect(locateVerbatimRange(TEXT, '，')).toBeNull();
  });
});
