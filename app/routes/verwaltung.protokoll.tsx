import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint } from '@conform-to/zod/v4';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { auditAreas } from '../components/admin/audit-labels';
import { ErrorSummary, SelectField, TextField } from '../components/fields';
import { Pagination } from '../components/pagination';
import { ScrollTable } from '../components/scroll-table';
import { requireRole } from '../session.server';
import { filterSchema } from '../verwaltung/audit-filter';
import { auditLogPage } from '../verwaltung/audit-log.server';

/**
 * The administration's audit view: every recorded action (sign-ins, accounts, organisations,
 * Regelwerk), filterable by area, person and period, newest first, 50 to a page. Filters travel in
 * the address (a GET form), so a filtered page can be bookmarked and works without JavaScript.
 */

export const meta: MetaFunction = () => [{ title: 'Protokoll – Verwaltung – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['admin']);
  return auditLogPage(new URL(request.url));
}

/** The address of another page with the same filters. */
function pageLink(search: string, page: number): string {
  const params = new URLSearchParams(search);
  params.set('seite', String(page));
  return `/verwaltung/protokoll?${params.toString()}`;
}

export default function AdministrationAudit() {
  const d = useLoaderData<typeof loader>();
  const [form, fields] = useForm<Record<'bereich' | 'person' | 'konto' | 'von' | 'bis' | 'seite', string>>({
    id: 'protokoll-filter',
    lastResult: d.result,
    constraint: getZodConstraint(filterSchema),
    shouldValidate: 'onSubmit',
  });
  const search = new URLSearchParams(
    Object.entries(d.result.initialValue ?? {}).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '' && e[0] !== 'seite',
    ),
  ).toString();
  return (
    <>
      <p className="caption">
        <Link to="/verwaltung">Verwaltung</Link> · Protokoll
      </p>
      <h1>Protokoll</h1>
      <p className="lead">
        Wer wann was getan hat: Anmeldungen, Konten, Organisationen und Änderungen am Regelwerk. Passwörter und Inhalte von Anträgen stehen
        hier nie.
      </p>
      <ErrorSummary form={form} />
      <Form method="get" {...getFormProps(form)} noValidate className="filter-form">
        {d.concerning ? (
          <p>
            Nur Einträge von und zu <strong>{d.concerning}</strong>. <Link to="/verwaltung/protokoll">Alle Konten zeigen</Link>
            <input type="hidden" name="konto" value={d.concerningId ?? ''} />
          </p>
        ) : null}
        <SelectField
          field={fields.bereich}
          label="Bereich"
          placeholder="Alle Bereiche"
          options={Object.entries(auditAreas).map(([value, a]) => ({ value, label: a.label }))}
        />
        <SelectField field={fields.person} label="Person, die gehandelt hat" placeholder="Alle Personen" options={d.people} />
        <TextField field={fields.von} optional label="Von" width="short" hint="TT.MM.JJJJ" />
        <TextField field={fields.bis} optional label="Bis (einschließlich)" width="short" hint="TT.MM.JJJJ" />
        <button type="submit" className="button">
          Filtern
        </button>
      </Form>

      <p role="status">
        {d.total === 0
          ? 'Keine Einträge für diese Auswahl.'
          : `${d.total.toLocaleString('de-DE')} ${d.total === 1 ? 'Eintrag' : 'Einträge'}, Seite ${d.page} von ${d.pages}.`}
      </p>
      {d.entries.length ? (
        <ScrollTable caption="Protokolleinträge, neueste zuerst" label="Protokoll">
          <thead>
            <tr>
              <th scope="col">Zeitpunkt</th>
              <th scope="col">Person</th>
              <th scope="col">Aktion</th>
              <th scope="col">Betrifft</th>
              <th scope="col">Einzelheiten</th>
            </tr>
          </thead>
          <tbody>
            {d.entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at}</td>
                <td>{e.actor}</td>
                <td>{e.action ?? <code>{e.code}</code>}</td>
                <td>{e.subject.link ? <Link to={e.subject.link}>{e.subject.text}</Link> : e.subject.text}</td>
                <td>{e.summary ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
      <Pagination
        label="Seiten des Protokolls"
        pager={{
          page: d.page,
          pages: d.pages,
          total: d.total,
          prev: d.page > 1 ? pageLink(search, d.page - 1) : null,
          next: d.page < d.pages ? pageLink(search, d.page + 1) : null,
        }}
      />
    </>
  );
}
