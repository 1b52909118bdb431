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

interface LoadOptions {
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
}

/** What the slices of one measurement collected: every response time, the answers not as expected, the time spent. */
interface Tally {
  times: number[];
  unexpected: number;
  seconds: number;
  /** The next of `paths` to ask: a later slice goes on where the one before stopped (fresh words stay fresh). */
  turn: number;
}

/** One autocannon run of `seconds` against one measurement, adding to its tally. */
async function runInto(options: LoadOptions, tally: Tally, seconds: number): Promise<void> {
  const paths = options.paths;
  const begun = performance.now();
  await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: seconds,
        headers: options.headers,
        method: options.method ?? 'GET',
        body: options.body,
        ...(paths?.length
          ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths[tally.turn++ % paths.length] }) }] }
          : {}),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      tally.times.push(responseTime);
      if (statusCode !== (options.expectStatus ?? 200)) tally.unexpected += 1;
    });
  });
  tally.seconds += (performance.now() - begun) / 1000;
}

function resultOf(options: LoadOptions, tally: Tally): LoadResult {
  const times = [...tally.times].sort((a, b) => a - b);
  return {
    label: options.label,
    connections: options.connections,
    requests: times.length,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    requestsPerSecond: times.length / tally.seconds,
    non2xx: tally.unexpected,
  };
}

/**
 * Runs autocannon against one URL and computes the median and p95 from every response time
 * (autocannon's own summary has no p95).
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const tally: Tally = { times: [], unexpected: 0, seconds: 0, turn: 0 };
  await runInto(options, tally, options.seconds ?? 5);
  return resultOf(options, tally);
}

/**
 * Measurements meant to be compared with each other, in one-second slices taking turns (`slices`
 * of each), so that a machine whose pace drifts while the bench runs (other work beside it) slows
 * all of them alike and their ratios stay comparable within one run. As `load`, per measurement.
 */
export async function loadInTurns(measurements: readonly LoadOptions[], slices = 5): Promise<LoadResult[]> {
  const tallies = measurements.map((): Tally => ({ times: [], unexpected: 0, seconds: 0, turn: 0 }));
  for (let round = 0; round < slices; round += 1) {
    for (const [index, options] of measurements.entries()) await runInto(options, tallies[index]!, 1);
  }
  return measurements.map((options, index) => resultOf(options, tallies[index]!));
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
