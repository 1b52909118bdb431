import { load, printLoad } from './load';
import { startBenchServer } from './server';

/** Issue 2: the round trip of a rendered page against a bare resource route on the same server. */
export async function benchFoundation(): Promise<void> {
  const server = await startBenchServer();
  try {
    const results = [];
    for (const connections of [1, 16]) {
      results.push(await load({ label: 'Ressource /healthz', url: `${server.baseUrl}/healthz`, connections }));
      results.push(await load({ label: 'Seite / (gerendert)', url: `${server.baseUrl}/`, connections }));
    }
    console.log('\n## Grundgerüst: gerenderte Seite gegen reine Ressource');
    printLoad(results);
    for (const connections of [1, 16]) {
      const bare = results.find((r) => r.connections === connections && r.label.startsWith('Ressource'))!;
      const page = results.find((r) => r.connections === connections && r.label.startsWith('Seite'))!;
      console.log(
        `Verhältnis Seite/Ressource bei ${connections} Verbindung(en): Median ${(page.medianMs / bare.medianMs).toFixed(2)}×, p95 ${(page.p95Ms / bare.p95Ms).toFixed(2)}×, Durchsatz ${(bare.requestsPerSecond / page.requestsPerSecond).toFixed(2)}× weniger`,
      );
    }
  } finally {
    await server.stop();
  }
}
