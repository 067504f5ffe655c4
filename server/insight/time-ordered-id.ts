import { randomFillSync } from 'node:crypto';

/** Random bytes drawn in bulk: one randomFillSync per 400 ids instead of one per id (it costs microseconds). */
const pool = Buffer.alloc(4000);
let poolOffset = pool.length;

/**
 * A UUID version 7: 48 bits of milliseconds, then 74 random bits. Answers logged one after another get ids that
 * sort after one another, so the log's inserts append to its index instead of touching random pages; the random
 * part keeps an id impossible to guess.
 */
export function timeOrderedId(now: number): string {
  if (poolOffset + 10 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(now, 0, 6);
  pool.copy(bytes, 6, poolOffset, poolOffset + 10);
  poolOffset += 10;
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
