// `npm start`, first step: bundles server/main.ts and the project's modules it imports into .build/server/main.js with
// esbuild, so that the server runs on plain node. Packages in node_modules stay external, and modules the server
// imports on demand stay chunks of their own, loaded only when asked for (LangChain only with a model, the office
// file writers with the first download). Running the sources through tsx instead keeps a TypeScript loader (a
// second V8 isolate) resident: about 70 MB more memory and a slower start. Bundling takes well under a second and
// runs on every start, so the server never runs stale code.
//
// `node server/bundle-server.mjs --entry evals/bench/bench-server.ts --outdir DIR` bundles another entry the same
// way (npm run bench measures its server as npm start runs it): DIR/bench-server.js. DIR must be inside the project,
// where node finds node_modules.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    entry: { type: 'string', default: path.join('server', 'main.ts') },
    outdir: { type: 'string', default: path.join('.build', 'server') },
  },
});
const outdir = path.resolve(root, values.outdir);

// No chunk of an older build is left behind.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.resolve(root, values.entry)],
  entryNames: '[name]',
  outdir,
  bundle: true,
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
