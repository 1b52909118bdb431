import { expect } from '@playwright/test';
import type { Client } from './http';

export const versionOf = async (client: Client, path: string) =>
  /name="version"[^>]*value="(\d+)"/.exec(await (await client.get(path)).text())![1]!;

/** A Verein application whose Vorhaben and Zeitplan are complete, so the budget step opens. */
export async function applicationWithBudgetStep(client: Client): Promise<string> {
  const created = await client.post('/antraege/neu', {});
  const app = /\/antraege\/\d+/.exec(created.headers().location!)![0];
  const project = {
    title: 'Nachbarschaftsgespräche Görlitz',
    route: 'B',
    summary: 'Gespräche in drei Stadtteilen.',
    goals: 'Mehr Menschen beteiligen sich.',
    'parts[0].id': 'p1',
    'parts[0].title': 'Gesprächsrunden',
    'formats[0].id': 'f1',
    'formats[0].format': 'nachbarschaftsgespraeche',
    'formats[0].level': 'konsultation',
    targetGroups: 'alle',
    placeDescription: 'Görlitz-Innenstadt',
    location: 'sachsen',
    municipalLevel: 'ja',
    affectedMunicipality: 'Stadt Görlitz',
    againstFinalDecision: 'nein',
    usesBeteiligungsportal: 'nein',
    softwareProcurement: 'nein',
    cooperation: 'ja',
    cooperationDescription: 'Die Stadt stellt Räume.',
    federalOrEuFunding: 'keine',
    whyProject: 'Bedarf.',
    whyFunding: 'Kein Geld.',
  };
  expect(
    (
      await client.post(`${app}/vorhaben`, { ...project, version: await versionOf(client, `${app}/vorhaben`), intent: 'speichern' })
    ).status(),
  ).toBe(302);
  const schedule = { start: '01.03.2027', end: '31.12.2028', alreadyStarted: 'nein' };
  expect(
    (
      await client.post(`${app}/zeitplan`, { ...schedule, version: await versionOf(client, `${app}/zeitplan`), intent: 'speichern' })
    ).status(),
  ).toBe(302);
  return app;
}
