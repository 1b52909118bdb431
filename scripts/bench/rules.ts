import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../../machines/frl/engine';
import { caseFactsSchema } from '../../machines/frl/facts';
import { parseSuiteFile, runCase } from '../../machines/frl/suite';

/** Issue 3: full evaluations with trace per second (one core) and the time of the YAML suite. */
export async function benchRules(): Promise<void> {
  const facts = caseFactsSchema.parse({
    applicant: {
      kind: 'verein',
      landkreis: 'Görlitz',
      nonprofit: true,
      locallyRooted: true,
      vatDeductible: false,
      mainlyPubliclyFunded: false,
    },
    project: {
      route: 'B',
      location: 'sachsen',
      municipalLevel: true,
      againstFinalDecision: false,
      usesBeteiligungsportal: true,
      softwareProcurement: false,
      start: '2027-03-01',
      end: '2028-10-31',
      alreadyStarted: false,
      municipalityCooperation: true,
      supportLetter: true,
      federalOrEuFunding: 'keine',
    },
    declarations: { ebbsAndEvaluation: true, portalIdeas: true, fdgo: true, subsidyRelevantFacts: true, dataProtection: true },
    budget: { totalExpenditure: 20000, requestedGrant: 18000, ownCash: 1000, inKind: 1000 },
  });
  for (let i = 0; i < 2000; i += 1) evaluate('2026-11-22', facts); // warm-up
  const rounds = 5;
  const rates: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < 1000) {
      for (let i = 0; i < 200; i += 1) evaluate('2026-11-22', facts);
      n += 200;
    }
    rates.push(n / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  const files = readdirSync('tests/cases').filter((f) => f.endsWith('.yaml'));
  const texts = files.map((f) => [f, readFileSync(join('tests/cases', f), 'utf8')] as const);
  const suiteTimes: number[] = [];
  let cases = 0;
  for (let r = 0; r < 10; r += 1) {
    const started = performance.now();
    cases = 0;
    for (const [file, text] of texts)
      for (const parsed of parseSuiteFile(text, file)) {
        runCase(parsed);
        cases += 1;
      }
    suiteTimes.push(performance.now() - started);
  }
  suiteTimes.sort((a, b) => a - b);
  console.log('\n## Förderregeln');
  console.log(
    `Vollständige Prüfungen mit Trace: Median ${Math.round(rates[2]!).toLocaleString('de-DE')} je Sekunde (ein Kern, ${rounds} Runden, Ziel ≥ 50.000)`,
  );
  console.log(
    `YAML-Suite (${cases} Fälle, ${files.length} Dateien, mit Einlesen): Median ${suiteTimes[5]!.toFixed(1)} ms, bester Lauf ${suiteTimes[0]!.toFixed(1)} ms`,
  );
}
