import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { searchAudit } from '../../db/repositories/audit';
import { listOrganisations } from '../../db/repositories/organisations';
import { listUsers } from '../../db/repositories/users';
import { startOfDayInBerlin } from '../../machines/shared/dates';
import { optionalDateField } from '../../machines/shared/fields';
import { formatDateTime } from '../../machines/shared/format';
import { auditActionLabel, auditAreas, type AuditArea } from '../components/admin/audit-labels';
import { auditSummary } from '../components/regelwerk/audit';
import { ErrorSummary, SelectField, TextField } from '../components/fields';
import { Pagination } from '../components/pagination';
import { ScrollTable } from '../components/scroll-table';
import { getDb } from '../db.server';
import { requireRole } from '../session.server';

/**
 * The administration's audit view: every recorded action (sign-ins, accounts, organisations,
 * Regelwerk), filterable by area, person and period, newest first, 50 to a page. Filters travel in
 * the address (a GET form), so a filtered page can be bookmarked and works without JavaScript.
 */

export const meta: MetaFunction = () => [{ title: 'Protokoll – Verwaltung – Förderlotse Bürgerbeteiligung' }];

const pageSize = 50;

const filterSchema = z
  .object({
    bereich: z
      .enum(Object.keys(auditAreas) as [AuditArea, ...AuditArea[]], { error: 'Bitte wählen Sie einen Bereich aus der Liste.' })
      .optional(),
    person: z.coerce.number().int().positive().optional(),
    konto: z.coerce.number().int().positive().optional(),
    von: optionalDateField('den Beginn des Zeitraums'),
    bis: optionalDateField('das Ende des Zeitraums'),
    seite: z.coerce.number().int().positive().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.von && value.bis && value.bis < value.von) {
      ctx.addIssue({ code: 'custom', path: ['bis'], message: 'Das Ende des Zeitraums liegt vor seinem Beginn.' });
    }
  });

const nextDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['admin']);
  const url = new URL(request.url);
  const submission = parseWithZod(url.searchParams, { schema: filterSchema });
  // With an invalid filter the list is not filtered; the message stands at the field, the input stays.
  const filter: z.output<typeof filterSchema> = submission.status === 'success' ? submission.value : { von: undefined, bis: undefined };
  const db = await getDb();
  const [users, organisations] = await Promise.all([listUsers(db), listOrganisations(db)]);
  const search = {
    actionPrefix: filter.bereich ? auditAreas[filter.bereich].prefix : undefined,
    actorId: filter.person,
    concerningUserId: filter.konto,
    from: filter.von ? startOfDayInBerlin(filter.von) : undefined,
    until: filter.bis ? startOfDayInBerlin(nextDay(filter.bis)) : undefined,
  };
  const pages = (total: number) => Math.max(1, Math.ceil(total / pageSize));
  let page = filter.seite ?? 1;
  let found = await searchAudit(db, search, { limit: pageSize, offset: (page - 1) * pageSize });
  if (page > pages(found.total)) {
    page = pages(found.total);
    found = await searchAudit(db, search, { limit: pageSize, offset: (page - 1) * pageSize });
  }
  const userById = new Map(users.map((u) => [String(u.id), u]));
  const organisationById = new Map(organisations.map((o) => [String(o.id), o]));
  const subjectOf = (type: string, id: string | null): { text: string; link: string | null } => {
    if (id === null) return { text: '–', link: null };
    if (type === 'user') {
      const user = userById.get(id);
      return { text: user ? `${user.name} (${user.email})` : `Konto Nr. ${id} (gelöscht)`, link: user ? `/verwaltung/konten/${id}` : null };
    }
    if (type === 'organisation') return { text: organisationById.get(id)?.name ?? `Organisation Nr. ${id}`, link: null };
    if (type === 'parameter_change') return { text: `Parameteränderung Nr. ${id}`, link: `/regelwerk/parameter/${id}` };
    if (type === 'funding_call') return { text: `Förderaufruf ${id}`, link: `/regelwerk/aufrufe/${encodeURIComponent(id)}` };
    return { text: `${type} ${id}`, link: null };
  };
  const concerning = filter.konto ? userById.get(String(filter.konto)) : undefined;
  return data(
    {
      result: submission.reply(),
      page,
      pages: pages(found.total),
      total: found.total,
      concerning: concerning ? `${concerning.name} (${concerning.email})` : null,
      concerningId: concerning ? String(concerning.id) : null,
      people: users.map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` })),
      entries: found.rows.map((r) => {
        const summary = auditSummary(r.action, r.details);
        return {
          id: r.id,
          at: formatDateTime(r.at),
          actor: r.actor_name ? `${r.actor_name} (${r.actor_email})` : 'ohne Anmeldung',
          action: auditActionLabel(r.action),
          code: r.action,
          subject: subjectOf(r.subject_type, r.subject_id),
          summary: summary === r.action ? null : summary,
        };
      }),
    },
    { status: submission.status === 'error' ? 400 : 200 },
  );
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
