import { Router } from 'express';
import type { IndexManifest } from '../../ingest/indexing/index-manifest.ts';

/** GET /healthz: liveness plus what the server is serving, and (`runtime`) which worker answered and what it shares. */
export function healthRoute(
  manifest: IndexManifest,
  provider: string,
  runtime: () => object = () => ({}),
): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({
      ok: true,
      index: {
        articles: manifest.counts.articles,
        chunks: manifest.counts.chunks,
        embedder: manifest.embedder.id,
        createdAt: manifest.createdAt,
      },
      provider,
      ...runtime(),
    });
  });
  return router;
}
