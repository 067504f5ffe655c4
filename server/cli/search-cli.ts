import { parseArgs } from 'node:util';
import { loadAnswerPolicy } from '../policy/load-answer-policy.ts';
import { createInterface } from 'node:readline';
import { loadConfig } from '../config.ts';
import { openRetriever } from '../retrieval/open-retriever.ts';
import { toSearchResponse } from '../retrieval/search-response.ts';

const USAGE = 'usage: npm run search -- "问题" [-k N] [--json] | npm run search -- --stdin [-k N]';

/** `npm run search`: the top articles for a question, as a table or as JSON (one line per query with --stdin). */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      k: { type: 'string', short: 'k', default: '5' },
      json: { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const k = Number(values.k);
  if (
    values.help ||
    !Number.isInteger(k) ||
    k < 1 ||
    k > 50 ||
    (!values.stdin && positionals.length === 0)
  ) {
    console.error(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const { retriever } = openRetriever(loadConfig());
  const run = async (query: string) => toSearchResponse(await retriever.search(query, { k }), k);

  if (values.stdin) {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim() === '') continue;
      process.stdout.write(`${JSON.stringify(await run(line.trim()))}\n`);
    }
    return;
  }
  const response = await run(positionals.join(' '));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(response)}\n`);
    return;
  }
  const { fill, articleLabel } = loadAnswerPolicy().templates;
  if (response.results.length === 0) console.log(fill('cli.noResults'));
  for (const [rank, result] of response.results.entries()) {
    const label =
      result.article === null ? result.title : `${articleLabel(result.article)} ${result.title}`;
    console.log(
      `${rank + 1}. ${label}  (第${result.part ?? '-'}部分, score ${result.score.toFixed(3)})\n   ${result.snippet}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
