import { programmePartOf, type ProgrammePart } from '../../shared/organisation';
import { routeInfo } from '../routes';
import type { ApplicationData } from './schema';

/** The programme part of an application: its funding route's, else its organisation kind's (null while neither is known). */
export const partOf = (data: ApplicationData): ProgrammePart | null =>
  data.project.route
    ? routeInfo[data.project.route].part
    : data.applicant.organisation
      ? programmePartOf(data.applicant.organisation.kind)
      : null;
