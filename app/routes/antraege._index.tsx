import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { findOrganisation, organisationToData } from '../../db/repositories/organisations';
import { organisationSchema } from '../../machines/shared/organisation';
import { getDb } from '../db.server';
import { requireApplicant } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Meine Anträge – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const organisation = await findOrganisation(await getDb(), user.organisation_id);
  if (!organisation) throw new Response('Nicht gefunden', { status: 404 });
  return {
    organisationName: organisation.name,
    masterDataComplete: organisationSchema.safeParse(organisationToData(organisation)).success,
  };
}

export default function Applications() {
  const { organisationName, masterDataComplete } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Meine Anträge</h1>
      <p className="lead">Anträge von {organisationName}</p>
      {!masterDataComplete ? (
        <div className="notice">
          <p>
            Bevor Sie einen Antrag beginnen: <Link to="/organisation">Vervollständigen Sie die Stammdaten Ihrer Organisation</Link>.
          </p>
        </div>
      ) : null}
      <p>Sie haben noch keine Anträge angelegt.</p>
    </>
  );
}
