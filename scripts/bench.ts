/**
 * npm run bench [section…] — measures speed; never part of the tests (timings are not asserted).
 * Sections: foundation, rules, wizard, pdf, durability, load, veranstaltungen, instances, umsetzung, suche, search-repo, netzwerk, routes. Without arguments all sections run.
 * Needs a build (npm run build), except search-repo alone (`npx tsx scripts/bench.ts search-repo`).
 */
import { existsSync } from 'node:fs';
import { benchDurability } from './bench/durability';
import { benchFoundation } from './bench/foundation';
import { benchInstances } from './bench/instances';
import { benchPdf } from './bench/pdf';
import { benchRoutes } from './bench/routes';
import { benchRules } from './bench/rules';
import { benchSearch } from './bench/suche';
import { benchSearchRepo } from './bench/search-repo';
import { benchUmsetzung } from './bench/umsetzung';
import { benchNetzwerk } from './bench/netzwerk';
import { benchLoad } from './bench/users';
import { benchWizard } from './bench/wizard';
import { benchEvents } from './bench/veranstaltungen';

const sections: Record<string, () => Promise<void>> = {
  foundation: benchFoundation,
  rules: benchRules,
  wizard: benchWizard,
  pdf: benchPdf,
  durability: benchDurability,
  load: benchLoad,
  veranstaltungen: benchEvents,
  instances: benchInstances,
  umsetzung: benchUmsetzung,
  suche: benchSearch,
  'search-repo': benchSearchRepo,
  netzwerk: benchNetzwerk,
  routes: benchRoutes,
};
/** Sections that call repository functions directly, without the built server. */
const withoutBuild = new Set(['search-repo']);

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (!existsSync('build/index.js') && !(wanted.length > 0 && wanted.every((name) => withoutBuild.has(name)))) {
  console.error('Bitte zuerst "npm run build" ausführen.');
  process.exit(1);
}
for (const name of wanted.length ? wanted : Object.keys(sections)) {
  const run = sections[name];
  if (!run) {
    console.error(`Unbekannter Abschnitt "${name}". Verfügbar: ${Object.keys(sections).join(', ')}`);
    process.exit(1);
  }
  await run();
}
