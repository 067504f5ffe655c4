import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
  total: number;
}

/** One request of a load: a method, a path and (for POST) a JSON body. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/**
 * Loopback load with autocannon: the requests in rotation over `connections` connections, for `duration` seconds or
 * `amount` requests.
 */
export async function load(
  origin: string,
  requests: LoadRequest[],
  options: { connections: number; duration?: number; amount?: number },
): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: origin,
    connections: options.connections,
    ...(options.amount !== undefined
      ? { amount: options.amount }
      : { duration: options.duration ?? 10 }),
    requests: [
      {
        setupRequest: (request) => {
          const chosen = requests[next++ % requests.length]!;
          return {
            ...request,
            method: chosen.method,
            path: chosen.path,
            ...(chosen.body === undefined
              ? {}
              : { body: chosen.body, headers: { 'content-type': 'application/json' } }),
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}
