// Reads the text of a .docx or .pptx the way the file stores it: a zip of XML parts, one <w:p>/<a:p> per paragraph.
// Enough of the zip format for files written by docx/pptxgenjs (JSZip): the central directory, stored or deflated.
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip archive, by name. */
export function zipEntries(archive: Buffer): Map<string, Buffer> {
  const endOfDirectory = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('not a zip archive');
  const count = archive.readUInt16LE(endOfDirectory + 10);
  let offset = archive.readUInt32LE(endOfDirectory + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    if (archive.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central directory');
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localHeader = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart =
      localHeader +
      30 +
      archive.readUInt16LE(localHeader + 26) +
      archive.readUInt16LE(localHeader + 28);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&amp;/g, '&');
}

/** The text of each paragraph of an XML part, runs joined: `<w:p>…<w:t>a</w:t>…<w:t>b</w:t></w:p>` → "ab". */
function paragraphsOf(xml: string, prefix: 'w' | 'a'): string[] {
  const paragraph = new RegExp(`<${prefix}:p[ >][\\s\\S]*?</${prefix}:p>`, 'g');
  const text = new RegExp(`<${prefix}:t(?: [^>]*)?>([^<]*)</${prefix}:t>`, 'g');
  return [...xml.matchAll(paragraph)].map((match) =>
    [...match[0].matchAll(text)].map((run) => decodeXml(run[1] ?? '')).join(''),
  );
}

/** The paragraphs of a Word document's body, in order. */
export function docxParagraphs(file: Buffer): string[] {
  const xml = zipEntries(file).get('word/document.xml');
  if (!xml) throw new Error('no word/document.xml');
  return paragraphsOf(xml.toString('utf8'), 'w');
}

/** The paragraphs of each slide of a PowerPoint deck, slides in order. */
export function pptxSlides(file: Buffer): string[][] {
  const entries = zipEntries(file);
  const slideNumber = (name: string) => Number(/slide(\d+)\.xml$/.exec(name)?.[1]);
  return [...entries.keys()]
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((left, right) => slideNumber(left) - slideNumber(right))
    .map((name) => paragraphsOf(entries.get(name)!.toString('utf8'), 'a'));
}
