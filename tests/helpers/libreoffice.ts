// Opens generated files the way a user's office software would: Debian's LibreOffice converts them to PDF, and
// poppler's pdftotext / pdfinfo / pdftohtml read the result. Each call site converts its files once, together.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Converting takes seconds (LibreOffice starts once per call): tests that convert need a generous timeout. */
export const CONVERSION_TIMEOUT = 180_000;

export interface ConvertedFiles {
  /** The PDF of each input, by the input's name. */
  pdf: (name: string) => string;
  cleanup: () => Promise<void>;
}

/**
 * Writes the files to a temporary directory and converts them all to PDF in one LibreOffice run, with a private
 * profile so parallel test files never share (or lock) one.
 */
export async function convertToPdf(files: Record<string, Buffer>): Promise<ConvertedFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'office-pdf-'));
  const inputs = Object.entries(files).map(([name, bytes]) => ({
    name,
    file: path.join(dir, name),
    bytes,
  }));
  await Promise.all(inputs.map((input) => writeFile(input.file, input.bytes)));
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      path.join(dir, 'pdf'),
      ...inputs.map((input) => input.file),
    ],
    { timeout: CONVERSION_TIMEOUT - 10_000 },
  );
  return {
    pdf: (name) => path.join(dir, 'pdf', `${path.parse(name).name}.pdf`),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The text of a PDF, or of one page of it (1-based), as pdftotext reads it. */
export async function pdfText(pdf: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', [...range, '-enc', 'UTF-8', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Text compared across PDF line breaks: pdftotext wraps lines and spaces out digits (第 25 条). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

/** Every word of every page with its box in points (y grows downwards), from pdftotext -bbox. */
export async function pdfWordBoxes(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(
    (page) => ({
      width: Number(page[1]),
      height: Number(page[2]),
      words: [
        ...page[3]!.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((word) => ({
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
        text: word[5]!,
      })),
    }),
  );
}

export interface OutlineEntry {
  title: string;
  page: number;
  depth: number;
}

/** The PDF's bookmarks (LibreOffice writes them from a document's headings), depth-first. */
export async function pdfOutline(pdf: string): Promise<OutlineEntry[]> {
  const { stdout } = await run('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdf], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const entries: OutlineEntry[] = [];
  let depth = 0;
  for (const token of stdout.matchAll(
    /<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g,
  )) {
    if (token[0] === '<outline>') depth += 1;
    else if (token[0] === '</outline>') depth -= 1;
    else entries.push({ title: token[2]!, page: Number(token[1]), depth });
  }
  return entries;
}
