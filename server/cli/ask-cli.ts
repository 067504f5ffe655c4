import { createInterface } from 'node:readline';
import type { AnswerTemplates } from '../policy/answer-templates.ts';
import { parseArgs } from 'node:util';
import { AUDIENCES, type Audience, type ChatResponse } from '../../core/wire/chat-wire.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../create-logger.ts';
import { createServices } from '../create-services.ts';

const USAGE =
  'usage: npm run ask -- "问题" [--mode staff|citizen|trainer] [--json] | npm run ask -- --stdin [--mode …]';

/** `npm run ask`: answers a question from the command line, through the same chat service as /api/chat. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'staff' },
      json: { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const mode = values.mode as Audience;
  if (values.help || !AUDIENCES.includes(mode) || (!values.stdin && positionals.length === 0)) {
    console.error(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const loaded = loadConfig();
  // Questions asked on the command line are not residents' questions: the CLI opens no question log.
  const config = { ...loaded, insight: { ...loaded.insight, questionLog: false } };
  const { chat, policy } = await createServices(
    config,
    createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  );
  const ask = (message: string) =>
    chat.respond({ message: message.slice(0, 1000), history: [], mode });

  if (values.stdin) {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim() !== '') process.stdout.write(`${JSON.stringify(await ask(line.trim()))}\n`);
    }
    return;
  }
  const response = await ask(positionals.join(' '));
  process.stdout.write(
    values.json ? `${JSON.stringify(response)}\n` : formatForTerminal(response, policy.templates),
  );
}

function formatForTerminal(
  response: ChatResponse,
  { fill, articleLabel }: AnswerTemplates,
): string {
  const lines = [response.answer, ''];
  if (response.notice) lines.push(`※ ${response.notice}`, '');
  response.citations.forEach((citation, index) =>
    lines.push(
      `[${index + 1}] ${articleLabel(citation.article)} ${citation.title}（${fill('partLabel', { part: citation.part })}）\n    “${citation.quote}”`,
    ),
  );
  if (response.related.length > 0)
    lines.push(
      '',
      `${fill('cli.related')}: ${response.related.map((item) => `${articleLabel(item.article)} ${item.title}`).join('；')}`,
    );
  lines.push(
    '',
    `(${response.answered ? 'answered' : 'not covered by the document'} · ${response.mode} · ${response.provider})`,
  );
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
