/**
 * glibc's malloc keeps freed memory mapped until the free space at the top of the heap passes its trim threshold,
 * which it raises on its own as large blocks come and go; loading jieba's dictionaries frees tens of megabytes that
 * then stay resident. A fixed threshold of 128 KiB gives them back (measured: a server's RSS after 30 answers 263 →
 * 251 MB). glibc reads the setting only when a process starts, so it is set for the workers this primary forks, and
 * documented for a single-process start (README: Performance).
 */
export const MALLOC_TRIM_THRESHOLD = '131072';

/** The environment a worker adds to its primary's: the trim threshold on Linux, unless the deployer set one. Pure. */
export function workerEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  platform: string,
): Record<string, string> {
  if (platform !== 'linux' || env.MALLOC_TRIM_THRESHOLD_ !== undefined) return {};
  return { MALLOC_TRIM_THRESHOLD_: MALLOC_TRIM_THRESHOLD };
}
