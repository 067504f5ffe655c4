/**
 * A read-only map from words to numbers for large word lists (jieba's 349,000 words, its 259,000 IDF values), kept
 * compact: the words stay inside the text they were read from, and an open-addressing hash table of typed arrays
 * finds them. A Map of as many strings costs several times the memory and gives the garbage collector hundreds of
 * thousands of objects to trace on every full collection. A word can be looked up as a span of another text, without
 * cutting it out first.
 */
export class WordTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private distinct = 0;

  private constructor(
    /** The text the words are spans of. */
    private readonly source: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly values: Float64Array,
  ) {
    let capacity = 1;
    while (capacity < starts.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /**
   * A table of the spans [start, end) of `source` with their values (the arrays are kept, not copied); a word given
   * twice keeps its last value (as Map.set does).
   */
  static fromSpans(
    source: string,
    spans: { starts: Int32Array; ends: Int32Array; values: Float64Array },
  ): WordTable {
    const table = new WordTable(source, spans.starts, spans.ends, spans.values);
    for (let entry = 0; entry < spans.starts.length; entry += 1) table.insert(entry);
    return table;
  }

  /** The number of distinct words. */
  get size(): number {
    return this.distinct;
  }

  get(word: string): number | undefined {
    return this.getSpan(word, 0, word.length);
  }

  has(word: string): boolean {
    return this.getSpan(word, 0, word.length) !== undefined;
  }

  /** The value of the word text[start, end), if the table holds it. */
  getSpan(text: string, start: number, end: number): number | undefined {
    const entry = this.find(text, start, end);
    return entry < 0 ? undefined : this.values[entry];
  }

  private insert(entry: number): void {
    const start = this.starts[entry]!;
    const end = this.ends[entry]!;
    for (let slot = hash(this.source, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      const occupant = this.slots[slot]! - 1;
      if (occupant < 0 || this.sameWord(occupant, this.source, start, end)) {
        if (occupant < 0) this.distinct += 1;
        this.slots[slot] = entry + 1;
        return;
      }
    }
  }

  private find(text: string, start: number, end: number): number {
    for (let slot = hash(text, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      const occupant = this.slots[slot]! - 1;
      if (occupant < 0) return -1;
      if (this.sameWord(occupant, text, start, end)) return occupant;
    }
  }

  private sameWord(entry: number, text: string, start: number, end: number): boolean {
    const entryStart = this.starts[entry]!;
    if (this.ends[entry]! - entryStart !== end - start) return false;
    for (let offset = 0; offset < end - start; offset += 1)
      if (this.source.charCodeAt(entryStart + offset) !== text.charCodeAt(start + offset))
        return false;
    return true;
  }
}

/** 32-bit FNV-1a over UTF-16 code units. */
function hash(text: string, start: number, end: number): number {
  let value = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** Typed arrays for up to `capacity` spans, filled by `add`; `spans()` returns the filled part. */
export class SpanList {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly values: Float64Array;
  private count = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  add(start: number, end: number, value: number): void {
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.values[this.count] = value;
    this.count += 1;
  }

  startAt(index: number): number {
    return this.starts[index]!;
  }

  endAt(index: number): number {
    return this.ends[index]!;
  }

  valueAt(index: number): number {
    return this.values[index]!;
  }

  setValue(index: number, value: number): void {
    this.values[index] = value;
  }

  spans(): { starts: Int32Array; ends: Int32Array; values: Float64Array } {
    return {
      starts: this.starts.subarray(0, this.count),
      ends: this.ends.subarray(0, this.count),
      values: this.values.subarray(0, this.count),
    };
  }
}

/** How many lines a text has (an upper bound on its entries). */
export function lineCount(text: string): number {
  let count = 1;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
    count += 1;
  return count;
}
