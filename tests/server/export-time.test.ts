import { describe, expect, it } from 'vitest';
import { exportTime } from '../../server/conversation/export-time.ts';

describe('exportTime', () => {
  it('gives the time in the document’s time zone, for people and for file names', () => {
    expect(exportTime(new Date('2025-12-08T01:30:00Z'), 'Asia/Shanghai')).toEqual({
      display: '2025-12-08 09:30',
      stamp: '20251208-0930',
    });
  });

  it('writes midnight as 00, on the new day', () => {
    expect(exportTime(new Date('2025-12-07T16:05:00Z'), 'Asia/Shanghai')).toEqual({
      display: '2025-12-08 00:05',
      stamp: '20251208-0005',
    });
  });
});
