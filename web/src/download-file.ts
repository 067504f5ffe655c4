// Saves text the page already holds, or a file the server generated, through a
// Blob URL, so no server-side file or second request is needed.

export function downloadText(
  text: string,
  fileName: string,
  type = 'text/markdown;charset=utf-8',
): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Saves bytes as they came (a .docx or .pptx from the server; a CSV keeps its byte-order mark, which text decoding would drop) under the given name. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 20250101-0930 style local time stamp for file names. */
export function fileStamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}
