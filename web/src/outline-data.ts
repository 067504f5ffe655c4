// The document outline once loaded, shared by the outline nav and the article
// panel (which uses it for an instant dialog label and 上一条/下一条).
import { toChineseNumeral } from '../../core/numerals.ts';
import { partLabel } from './strings';
import type { Outline, OutlinePart } from './types';

export class OutlineData {
  private parts: OutlinePart[] = [];
  private order: number[] = [];
  private titles = new Map<number, string>();
  private partOfArticle = new Map<number, OutlinePart>();
  private readonly listeners: Array<() => void> = [];

  /** Called after every set(), e.g. when the outline finally loads. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  set(outline: Outline): void {
    this.parts = Array.isArray(outline.parts) ? outline.parts : [];
    this.order = [];
    this.titles.clear();
    this.partOfArticle.clear();
    for (const part of this.parts) {
      for (const a of part.articles) {
        this.order.push(a.article);
        this.titles.set(a.article, a.title);
        this.partOfArticle.set(a.article, part);
      }
    }
    for (const listener of this.listeners) listener();
  }

  get allParts(): readonly OutlinePart[] {
    return this.parts;
  }

  titleOf(article: number): string | undefined {
    return this.titles.get(article);
  }

  partOf(article: number): OutlinePart | undefined {
    return this.partOfArticle.get(article);
  }

  neighbour(article: number, step: -1 | 1): number | undefined {
    const i = this.order.indexOf(article);
    return i === -1 ? undefined : this.order[i + step];
  }
}

/** "第四部分" for 4. */
export function partName(part: number): string {
  return partLabel(toChineseNumeral(part));
}

/** Part titles may arrive as "四、加快绿色转型…"; the breadcrumb adds its own numbering. */
export function stripPartPrefix(title: string): string {
  return title.replace(/^\s*(?:第?[一二三四五六七八九十]+(?:部分)?[、.．\s]+)/, '');
}
