import { berlinToUtc } from '../../machines/veranstaltungen/time';
import { createEvent } from '../../db/repositories/events';
import { startBenchServer } from './server';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/**
 * Issue 18: registrations per second at 16 concurrent clients and their p95, against an event with
 * 50 seats (so most requests take the waitlist path, each a transaction under the event's lock).
 */
export async function benchEvents(): Promise<void> {
  let eventId = 0;
  const server = await startBenchServer(async (db) => {
    const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const start = berlinToUtc(date, '10:00');
    const end = berlinToUtc(date, '12:00');
    if (!start.ok || !end.ok) throw new Error('bench event time');
    eventId = await createEvent(
      db,
      {
        title: 'Bench',
        description: 'Bench',
        topic: 'methoden',
        audience: 'Bench',
        format: 'online',
        venue: null,
        address: null,
        landkreis: null,
        onlineLink: 'https://konferenz.example/bench',
        technicalRequirements: '',
        organiser: 'Bench',
        language: 'Deutsch',
        venueAccessibility: '',
        capacity: 50,
        yellowBelowPercent: 20,
        admission: 'reihenfolge',
        startsAt: start.iso,
        endsAt: end.iso,
        registrationClosesAt: start.iso,
      },
      null,
    );
  });
  try {
    const page = await fetch(`${server.baseUrl}/veranstaltungen/${eventId}`);
    const cookie = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const total = 1_000;
    const connections = 16;
    const times: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < total) {
          const i = next++;
          const body = new URLSearchParams({ csrf, name: `Person ${i}`, email: `bench-${i}@bench.example`, privacyConsent: 'on' });
          const t0 = performance.now();
          const response = await fetch(`${server.baseUrl}/veranstaltungen/${eventId}`, {
            method: 'POST',
            body,
            redirect: 'manual',
            headers: { cookie, origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
          });
          await response.arrayBuffer();
          times.push(performance.now() - t0);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    console.log('\n## Veranstaltungen: Anmeldungen (50 Plätze, danach Warteliste)');
    console.table([
      {
        Verbindungen: connections,
        Anmeldungen: total,
        'Anmeldungen/s': (total / seconds).toFixed(0),
        'Median ms': percentile(times, 50).toFixed(2),
        'p95 ms': percentile(times, 95).toFixed(2),
        Status: [...statuses].map(([s, n]) => `${s}×${n}`).join(', '),
      },
    ]);
  } finally {
    await server.stop();
  }
}
