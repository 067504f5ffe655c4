/** The one template engine: answer templates ({name}), study templates and prompts ({{name}}) all fill through it. */

/** `{name}` placeholders, as in data/answer-templates.json and data/study-templates.json. */
export const SINGLE_BRACES = /\{(\w+)\}/g;
/** `{{name}}` placeholders, as in prompts/*.md (single braces stay literal there). */
export const DOUBLE_BRACES = /\{\{(\w+)\}\}/g;

export interface FillOptions {
  /** Placeholder syntax; single braces unless given. */
  syntax?: RegExp;
  /** Names the template in errors (a data-file key or a prompt file). */
  name?: string;
  /** When given, a value that is not declared is an error too, not only a missing one. */
  declared?: readonly string[];
  /** Rewrites a value before it is inserted (titles nest their quotation marks). */
  transform?: (variable: string, value: string) => string;
}

export class TemplateError extends Error {}

/** The placeholders a template uses, in order of first use. */
export function templateVariables(template: string, syntax: RegExp = SINGLE_BRACES): string[] {
  return [
    ...new Set(
      [...template.matchAll(new RegExp(syntax.source, 'g'))].map((match) => match[1] ?? ''),
    ),
  ];
}

/** Fills every placeholder; a missing (or, with `declared`, an unknown) variable throws instead of leaving a blank. */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | number>>,
  options: FillOptions = {},
): string {
  const syntax = options.syntax ?? SINGLE_BRACES;
  const label = options.name ? `template ${options.name}` : 'template';
  if (options.declared) {
    const undeclared = templateVariables(template, syntax).filter(
      (variable) => !options.declared!.includes(variable),
    );
    if (undeclared.length > 0)
      throw new TemplateError(`${label}: uses undeclared variables ${undeclared.join(', ')}`);
    const missing = options.declared.filter((variable) => !(variable in values));
    if (missing.length > 0)
      throw new TemplateError(`${label}: missing variables ${missing.join(', ')}`);
    const unknown = Object.keys(values).filter((variable) => !options.declared!.includes(variable));
    if (unknown.length > 0)
      throw new TemplateError(`${label}: unknown variables ${unknown.join(', ')}`);
  }
  // A global pattern is used as it is: replace() starts it at 0 and leaves it at 0, so sharing it is safe.
  const pattern = syntax.global ? syntax : new RegExp(syntax.source, 'g');
  return template.replace(pattern, (_whole, variable: string) => {
    if (!(variable in values)) throw new TemplateError(`${label} needs {${variable}}`);
    const value = String(values[variable]);
    return options.transform ? options.transform(variable, value) : value;
  });
}
