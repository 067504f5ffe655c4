/** A supertest `.parse()` that keeps a response body as bytes (a .docx or .pptx download). */
export function binaryBody(
  response: unknown,
  done: (error: Error | null, body: Buffer) => void,
): void {
  // At parse time superagent hands over the Node response stream.
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
