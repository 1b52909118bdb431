import { participationFormats } from '../../shared/participation';
import { routeInfo } from '../routes';
import type { ApplicationData } from './schema';
import { stepInfo, type StepId } from './steps';

/**
 * What of a draft may travel with a question to the EBBS network (issue 20 Nr. 6, ADR 0075): only
 * values taken from our own catalogues – the step's title, the funding route's label and clause,
 * the labels of the participation formats chosen. Nothing the applicant typed (titles, names,
 * descriptions, places), no amounts, dates, organisation or contact data: those may identify an
 * organisation or a person, so they are never read here.
 */
export interface NonPersonalContext {
  step: StepId;
  stepTitle: string;
  /** "Einzelvorhaben zur Bürgerbeteiligung (FRL Teil 2 A II Nr. 1.1)", or null before a route is chosen. */
  routeLabel: string | null;
  /** Labels of the chosen participation formats, each once, in catalogue order. */
  formats: string[];
}

export function nonPersonalContext(data: ApplicationData, step: StepId): NonPersonalContext {
  const route = data.project.route;
  const chosen = new Set(data.project.formats.map((f) => f.format));
  return {
    step,
    stepTitle: stepInfo[step].title,
    routeLabel: route && route in routeInfo ? `${routeInfo[route].label} (${routeInfo[route].clause})` : null,
    formats: participationFormats.filter((f) => chosen.has(f.id)).map((f) => f.label),
  };
}
