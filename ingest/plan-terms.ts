import { readFileSync } from 'node:fs';
import { dataFile } from './project-paths.ts';

/** A group of the plan's own terms under one heading of data/dict/plan-terms.txt (生态环境, 能源, …). */
export interface TermGroup {
  group: string;
  terms: string[];
}

let cached: TermGroup[] | undefined;

/** The plan terms by group: a comment line directly followed by terms is the group's heading. */
export function loadPlanTermGroups(): TermGroup[] {
  if (cached) return cached;
  const groups: TermGroup[] = [];
  let heading: string | null = null;
  for (const raw of readFileSync(dataFile('dict', 'plan-terms.txt'), 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      heading = null;
    } else if (line.startsWith('#')) {
      heading = line.slice(1).trim();
    } else {
      const current = groups.at(-1);
      if (current && (heading === null || current.group === heading)) current.terms.push(line);
      else groups.push({ group: heading ?? '其他', terms: [line] });
      heading = groups.at(-1)!.group;
    }
  }
  cached = groups;
  return groups;
}
