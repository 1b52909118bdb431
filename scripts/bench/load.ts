import autocannon from 'autocannon';

export interface LoadResult {
  label: string;
  connections: number;
  requests: number;
  medianMs: number;
  p95Ms: number;
  requestsPerSecond: number;
  non2xx: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/**
 * Runs autocannon against one URL and computes the median and p95 from every response time
 * (autocannon's own summary has no p95).
 */
export async function load(options: {
  label: string;
  url: string;
  connections: number;
  seconds?: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  expectStatus?: number;
  /** Paths asked in turn instead of the url's own (same host), e.g. different search words. */
  paths?: readonly string[];
}): Promise<LoadResult> {
  let turn = 0;
  const paths = options.paths;
  const times: number[] = [];
  let unexpected = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds ?? 5,
        headers: options.headers,
        method: options.method ?? 'GET',
        body: options.body,
        ...(paths?.length
          ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths[turn++ % paths.length] }) }] }
          : {}),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      if (statusCode !== (options.expectStatus ?? 200)) unexpected += 1;
    });
  });
  times.sort((a, b) => a - b);
  return {
    label: options.label,
    connections: options.connections,
    requests: times.length,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    requestsPerSecond: result.requests.average,
    non2xx: unexpected,
  };
}

export function printLoad(results: LoadResult[]) {
  console.table(
    results.map((r) => ({
      Messung: r.label,
      Verbindungen: r.connections,
      Anfragen: r.requests,
      'Median ms': r.medianMs.toFixed(2),
      'p95 ms': r.p95Ms.toFixed(2),
      'Anfragen/s': r.requestsPerSecond.toFixed(0),
      'unerwartete Status': r.non2xx,
    })),
  );
}

/**
 * Prints each measurement's p95 as a multiple of the reference measurement at the same concurrency
 * (the rendered start page in the search benchmarks, whose goals are stated as such multiples).
 */
export function printRatios(results: LoadResult[], isReference: (r: LoadResult) => boolean, referenceName: string) {
  for (const connections of [...new Set(results.map((r) => r.connections))]) {
    const reference = results.find((r) => r.connections === connections && isReference(r));
    if (!reference) continue;
    for (const r of results.filter((x) => x.connections === connections && x !== reference))
      console.log(`${r.label} bei ${connections} Verbindung(en): p95 ${(r.p95Ms / reference.p95Ms).toFixed(2)}× ${referenceName}`);
  }
}
