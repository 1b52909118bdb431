import type { LoaderFunctionArgs } from '@remix-run/node';
import { config } from '../config.server';
import { absoluteLink } from '../notification-texts';
import { requireApplicant } from '../session.server';
import { organisationDeadlines } from '../umsetzung.server';
import { projectsToIcs } from '../umsetzung-ics';

/** The due dates of all the organisation's projects in implementation in one calendar file (issue 19 Nr. 6). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const projects = await organisationDeadlines(user);
  const body = projectsToIcs(
    projects.map((p) => ({
      deadlines: p.deadlines,
      applicationId: p.applicationId,
      projectTitle: p.projectTitle,
      url: absoluteLink(config.publicUrl, `/antraege/${p.applicationId}/umsetzung`),
    })),
    {
      name: 'Fristen der geförderten Vorhaben',
      host: new URL(config.publicUrl).host,
      stamp:
        projects
          .map((p) => p.updatedAt)
          .sort()
          .at(-1) ?? new Date().toISOString(),
    },
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="fristen-alle-vorhaben.ics"',
      'Cache-Control': 'no-store',
    },
  });
}
