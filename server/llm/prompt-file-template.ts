import { BaseStringPromptTemplate } from '@langchain/core/prompts';
import type { InputValues, PartialValues } from '@langchain/core/utils/types';
import { loadPrompt, renderPrompt, type PromptName } from './render-prompt.ts';

/**
 * A LangChain string prompt read from prompts/<name>.md: its input variables are the file's declared ones, and it
 * formats through renderPrompt (core/fill-template.ts), so a missing or unknown variable throws, as everywhere else.
 */
export class PromptFileTemplate extends BaseStringPromptTemplate {
  static override lc_name(): string {
    return 'PromptFileTemplate';
  }

  readonly promptName: PromptName;
  private readonly dir: string | undefined;

  constructor(name: PromptName, options: { dir?: string; partialVariables?: PartialValues } = {}) {
    const declared = loadPrompt(name, options.dir).variables;
    const partial = options.partialVariables ?? {};
    super({
      inputVariables: declared.filter((variable) => !(variable in partial)),
      partialVariables: partial,
    });
    this.promptName = name;
    this.dir = options.dir;
  }

  _getPromptType(): 'prompt' {
    return 'prompt';
  }

  async format(values: InputValues): Promise<string> {
    const merged = await this.mergePartialAndUserVariables(values);
    const text = Object.fromEntries(
      Object.entries(merged).map(([variable, value]) => [
        variable,
        typeof value === 'string' ? value : String(value),
      ]),
    );
    return renderPrompt(this.promptName, text, this.dir);
  }

  async partial(values: PartialValues): Promise<PromptFileTemplate> {
    return new PromptFileTemplate(this.promptName, {
      dir: this.dir,
      partialVariables: { ...this.partialVariables, ...values },
    });
  }
}
