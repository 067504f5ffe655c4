// Content-Disposition for downloads with Chinese file names (RFC 6266 with RFC 5987 encoding), and its parser, in one
// module so the server that names a file and the page that saves it can never disagree about the format.

/** Characters RFC 5987 allows unencoded in an ext-value (attr-char); everything else is percent-encoded UTF-8. */
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/** Characters no file name should carry on Windows, macOS or Linux, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

function encodeExtValue(text: string): string {
  let encoded = '';
  for (const char of text) {
    if (ATTR_CHAR.test(char)) encoded += char;
    else
      for (const byte of new TextEncoder().encode(char))
        encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** A file name safe to save: no path separators, reserved or control characters, at most `maxLength` characters. */
export function safeFileName(name: string, maxLength = 80): string {
  const cleaned = name.replace(UNSAFE_IN_FILE_NAME, '').replace(/\s+/g, ' ').trim();
  return [...cleaned].slice(0, maxLength).join('');
}

/**
 * `attachment; filename="<ascii fallback>"; filename*=UTF-8''<percent-encoded name>`: browsers and curl use the UTF-8
 * name (第三部分学习辅导材料.docx); the quoted ASCII name is for clients that predate RFC 5987.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(safeFileName(fileName, 200))}`;
}

/** The file name a Content-Disposition header gives: the UTF-8 `filename*` when present, else `filename`; or null. */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(header);
  if (extended) {
    try {
      return safeFileName(decodeURIComponent(extended[1]!), 200) || null;
    } catch {
      // A malformed percent sequence: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  const name = plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2] ?? '') : '';
  return safeFileName(name, 200) || null;
}
