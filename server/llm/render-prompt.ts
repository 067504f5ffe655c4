import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOUBLE_BRACES, fillTemplate, templateVariables } from '../../core/fill-template.ts';
import { PROMPTS_DIR } from '../../ingest/project-paths.ts';

export type PromptName =
  | 'system'
  | 'audience-staff'
  | 'audience-citizen'
  | 'audience-trainer'
  | 'condense-followup'
  | 'user-question';

interface PromptTemplate {
  variables: string[];
  body: string;
}

const cache = new Map<PromptName, PromptTemplate>();

/** Reads prompts/<name>.md: a `variables: [a, b]` front matter, then the text with {{a}} placeholders. */
export function loadPrompt(name: PromptName, dir: string = PROMPTS_DIR): PromptTemplate {
  const cached = dir === PROMPTS_DIR ? cache.get(name) : undefined;
  if (cached) return cached;
  const raw = readFileSync(path.join(dir, `${name}.md`), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!match)
    throw new Error(`prompt ${name}: missing the front matter that declares its variables`);
  const declared = /variables:\s*\[([^\]]*)\]/.exec(match[1] ?? '');
  if (!declared) throw new Error(`prompt ${name}: the front matter has no variables list`);
  const variables = (declared[1] ?? '')
    .split(',')
    .map((variable) => variable.trim())
    .filter(Boolean);
  const template = { variables, body: (match[2] ?? '').trim() };
  const undeclared = templateVariables(template.body, DOUBLE_BRACES).filter(
    (variable) => !variables.includes(variable),
  );
  if (undeclared.length > 0)
    throw new Error(`prompt ${name}: uses undeclared variables ${undeclared.join(', ')}`);
  if (dir === PROMPTS_DIR) cache.set(name, template);
  return template;
}

/**
 * Fills a prompt's declared {{variables}} through core/fill-template.ts; a missing or unknown variable is an error
 * (TemplateError), never a silent blank. Values are inserted literally: a {{x}} inside a value is not expanded.
 */
export function renderPrompt(
  name: PromptName,
  values: Record<string, string>,
  dir?: string,
): string {
  const template = loadPrompt(name, dir);
  return fillTemplate(template.body, values, {
    syntax: DOUBLE_BRACES,
    name: `prompt ${name}`,
    declared: template.variables,
  });
}
