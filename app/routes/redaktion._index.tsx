import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { contentKinds, kindInfo, newEntryContent, slugBase, type ContentKind } from '../../machines/methoden/content-kinds';
import { MessageSummary } from '../components/fields';
import { PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { PlainText, summaryOf } from '../components/umsetzung/plain-fields';
import { readProtectedForm } from '../csrf.server';
import { createDraftEntry, editorList, editorRoles, parseKind } from '../methoden/redaktion.server';
import { requireRole } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Redaktion: Methoden und gute Beispiele – Förderlotse Bürgerbeteiligung' }];

/**
 * The editors' desk (issue 17 Nr. 4, ADR 0073): every method and good example with its state, the
 * drafts waiting for review first, and a new entry started from its title.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, editorRoles);
  const [methoden, beispiele] = await Promise.all([editorList('methode'), editorList('beispiel')]);
  return { lists: { methode: methoden, beispiel: beispiele } };
}

type ActionResult = { kind: ContentKind; title: string; errors: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, editorRoles);
  const form = await readProtectedForm(request);
  const kind = parseKind(String(form.get('kind') ?? ''));
  if (!kind) throw new Response('Diese Art von Inhalt gibt es nicht.', { status: 400 });
  const title = String(form.get('title') ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const field = 'title';
  const slug = slugBase(title);
  if (title.length < 3 || title.length > 200 || !slug)
    return data<ActionResult>(
      {
        kind,
        title,
        errors: { [field]: 'Bitte geben Sie einen Namen mit 3 bis 200 Zeichen an, darin mindestens ein Buchstabe oder eine Ziffer.' },
      },
      { status: 400 },
    );
  const created = await createDraftEntry(user, kind, slug, newEntryContent(kind, slug, title));
  if (!created.ok) return data<ActionResult>({ kind, title, errors: { [field]: created.message } }, { status: created.status });
  return redirect(`/redaktion/${kind}/${slug}?hinweis=angelegt`);
}

export default function EditorialDesk() {
  const { lists } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Redaktion: Methoden und gute Beispiele</h1>
      <p>
        Hier pflegen die EBBS-Beratung und das Ministerium die öffentlichen Inhalte. Ein Entwurf wird erst öffentlich, wenn eine zweite
        Person aus der Redaktion ihn geprüft und veröffentlicht hat (Vier-Augen-Prinzip); jede Fassung bleibt erhalten. Vorschläge
        geförderter Vorhaben prüfen Sie unter <Link to="/beispiele/redaktion">Vorschläge für gute Beispiele</Link>.
      </p>
      {contentKinds.map((kind) => {
        const items = lists[kind];
        const waiting = items.filter((i) => i.status === 'pruefung').length;
        const formId = `neu-${kind}`;
        const errors = result?.kind === kind ? result.errors : undefined;
        return (
          <section key={kind} aria-labelledby={`${kind}-heading`}>
            <h2 id={`${kind}-heading`}>{kindInfo[kind].plural}</h2>
            <p>
              {items.length} Einträge;{' '}
              {waiting === 0 ? 'keiner wartet auf Prüfung.' : waiting === 1 ? '1 wartet auf Prüfung.' : `${waiting} warten auf Prüfung.`}
            </p>
            <ScrollTable caption={`${kindInfo[kind].plural}, zu prüfende zuerst`} captionHidden>
              <thead>
                <tr>
                  <th scope="col">Eintrag</th>
                  <th scope="col">Stand</th>
                  <th scope="col">Öffentlich</th>
                  <th scope="col">Herkunft</th>
                  <th scope="col">Zuletzt geändert</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.slug}>
                    <td>
                      <Link to={`/redaktion/${kind}/${i.slug}`}>{i.title}</Link>
                    </td>
                    <td>
                      {i.statusLabel}
                      {i.hasDraft && i.public ? ' (veröffentlichte Fassung bleibt sichtbar)' : ''}
                    </td>
                    <td>{i.public ? 'ja' : 'nein'}</td>
                    <td>{i.origin}</td>
                    <td>{i.changedAt}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            <PostForm id={formId} noValidate>
              <input type="hidden" name="kind" value={kind} />
              <h3>{kind === 'methode' ? 'Neue Methode anlegen' : 'Neues gutes Beispiel anlegen'}</h3>
              <MessageSummary id={`${formId}-summary`} errors={summaryOf(formId, errors, ['title'])} />
              <PlainText
                form={formId}
                name="title"
                label={kind === 'methode' ? 'Name der neuen Methode' : 'Titel des neuen Beispiels'}
                hint="Daraus entsteht die Adresse der Seite; sie bleibt danach gleich."
                value={result?.kind === kind ? result.title : undefined}
                error={errors?.title}
              />
              <div className="button-row">
                <button type="submit" className="button button--secondary">
                  Entwurf anlegen
                </button>
              </div>
            </PostForm>
          </section>
        );
      })}
    </>
  );
}
