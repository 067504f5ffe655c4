// The page parses citation markers in the format data/answer-templates.json configures: web/build.ts injects the
// template into the bundle, so changing the data file changes what the page turns into chips.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_TEMPLATES_FILE, webDefines } from '../../web/build.ts';
import type * as CitationMarkers from '../../web/src/citation-markers.ts';

const SOURCE = fileURLToPath(new URL('../../web/src/citation-markers.ts', import.meta.url));

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'web-marker-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Bundles the page's marker module as web/build.ts would with this marker template, and loads it. */
async function bundledWith(marker: string): Promise<typeof CitationMarkers> {
  const templatesFile = path.join(dir, `templates-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(templatesFile, JSON.stringify({ marker }), 'utf8');
  const outfile = templatesFile.replace(/\.json$/, '.mjs');
  await build({
    entryPoints: [SOURCE],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    define: await webDefines(templatesFile),
    logLevel: 'silent',
  });
  return (await import(pathToFileURL(outfile).href)) as typeof CitationMarkers;
}

describe('the marker template from the data file', () => {
  it('is the one the build injects', async () => {
    const { marker } = JSON.parse(await readFile(ANSWER_TEMPLATES_FILE, 'utf8')) as {
      marker: string;
    };
    expect(await webDefines()).toEqual({ __CITATION_MARKER_TEMPLATE__: JSON.stringify(marker) });
  });

  it('changes which markers the bundled page turns into chips', async () => {
    const page = await bundledWith('（见第{article}条）');
    expect(page.parseAnswer('扩大规模（见第12条）。')).toEqual([
      { kind: 'text', text: '扩大规模' },
      { kind: 'cite', raw: '（见第12条）', articles: [12] },
      { kind: 'text', text: '。' },
    ]);
    expect(page.stableLength('扩大规模（见第1')).toBe(4);

    const standard = await bundledWith('〔第{article}条〕');
    expect(standard.parseAnswer('扩大规模（见第12条）。')).toEqual([
      { kind: 'text', text: '扩大规模（见第12条）。' },
    ]);
    expect(standard.parseAnswer('扩大规模〔第12条〕').map((segment) => segment.kind)).toEqual([
      'text',
      'cite',
    ]);
  });

  it('fails the build, not the page, when it is malformed', async () => {
    const templatesFile = path.join(dir, 'bad.json');
    await writeFile(templatesFile, JSON.stringify({ marker: '〔第条〕' }), 'utf8');
    await expect(webDefines(templatesFile)).rejects.toThrow(/\{article\}/);
    await writeFile(templatesFile, JSON.stringify({ quote: '“{quote}”' }), 'utf8');
    await expect(webDefines(templatesFile)).rejects.toThrow(/marker/);
  });
});
