import { describe, expect, it } from 'vitest';
import { topSelfTime, type CpuProfile } from '../../evals/bench/cpu-profile-summary.ts';

const file = 'file:///repo/server/query/colloquial-expansion.ts';

/** root → expandColloquial → (anonymous), with samples of 1 ms each. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2] },
    { id: 2, callFrame: { functionName: 'expandColloquial', url: file }, children: [3] },
    { id: 3, callFrame: { functionName: '', url: file } },
  ],
  samples: [2, 3, 3, 3, 1],
  timeDeltas: [0, 1000, 1000, 1000, 1000],
};

describe('the profile summary', () => {
  it('sums self time per function, most first, and names a closure after its caller', () => {
    expect(topSelfTime(profile, 10)).toEqual([
      {
        name: 'expandColloquial › (anonymous) server/query/colloquial-expansion.ts',
        selfMs: 3,
        share: 0.75,
      },
      { name: 'expandColloquial server/query/colloquial-expansion.ts', selfMs: 1, share: 0.25 },
      { name: '(root)', selfMs: 0, share: 0 },
    ]);
  });

  it('keeps only the first entries', () => {
    expect(topSelfTime(profile, 1)).toHaveLength(1);
  });
});
