/**
 * The FRL domain's public entry: the concepts of the directive that other domains may name (the
 * methods catalogue tags examples with a Förderweg and typical cost categories). Other
 * machines/<domain>/ folders import the FRL only from here; everything else in machines/frl/ is
 * internal (docs/decisions/0083; checked by tests/unit/architecture.test.ts). Re-exports only.
 */
export { costCategories, costLineKindLabel, type CostCategory } from './catalogues';
export { fundingRoutes, routeInfo, type FundingRoute, type RouteInfo } from './routes';
