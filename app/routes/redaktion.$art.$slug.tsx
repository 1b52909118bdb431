import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  addRow,
  contentToFormValues,
  type ExternalOptions,
  type FormValues,
  formDataToValues,
  formFields,
  formSections,
  formValuesToContent,
  labelOf,
  problemsAtFields,
  withEmptyRows,
} from '../../machines/methoden/content-form';
import {
  checkContent,
  type ContentKind,
  describePath,
  fieldLabels,
  kindInfo,
  readContentYaml,
} from '../../machines/methoden/content-kinds';
import { NOTE_MAX_LENGTH, NOTE_MIN_LENGTH, type EditorialEvent } from '../../machines/methoden/editorial';
import { MAX_EXAMPLE_IMAGES } from '../../machines/methoden/examples';
import { ContentFormFields, fieldOrder } from '../components/content-form';
import { MessageSummary } from '../components/fields';
import { DefaultSubmit, PostForm } from '../components/forms';
import { ScrollTable } from '../components/scroll-table';
import { FORM_ERROR, PlainText, plainId, summaryOf } from '../components/umsetzung/plain-fields';
import { MAX_IMAGE_BYTES, storeContentImage } from '../methoden/content-images.server';
import { assertCsrf, assertFormSize, readProtectedForm, withLineFeeds } from '../csrf.server';
import { currentContent } from '../qualitaetscheck/quality-check.server';
import {
  catalogue,
  editorRoles,
  loadEntry,
  parseKind,
  performEditorialEvent,
  possibleActions,
  type LoadedEntry,
} from '../methoden/redaktion.server';
import { requireRole } from '../session.server';
import { PartTooLargeError, readMultipartForm } from '../utils/multipart.server';

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.title ?? 'Eintrag'} – Redaktion – Förderlotse Bürgerbeteiligung` },
];

const FORM = 'inhalt';

async function entryOf(params: LoaderFunctionArgs['params']): Promise<LoadedEntry> {
  const kind = parseKind(params.art);
  if (!kind || !params.slug) throw new Response('Nicht gefunden', { status: 404 });
  return loadEntry(kind, params.slug);
}

type ImageRef = { id: number; alt: string };
const imagesOf = (content: unknown): ImageRef[] => {
  const images = (content as { images?: unknown } | null)?.images;
  return Array.isArray(images) ? images.filter((i): i is ImageRef => typeof i?.id === 'number' && typeof i?.alt === 'string') : [];
};

/** The lists of choices that come from other areas: the QualitätsCheck's criteria, the catalogue's methods. */
async function externalOptions(kind: ContentKind): Promise<ExternalOptions> {
  if (kind === 'beispiel') return { methods: (await catalogue()).methods.map((m) => ({ value: m.slug, label: m.name })) };
  return { qualityCriteria: (await currentContent()).criteria.map((c) => ({ value: c.id, label: c.title })) };
}

/** One entry: the workflow's buttons, the draft as a form (or as YAML), the difference to the published version, versions and pictures. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, editorRoles);
  const entry = await entryOf(params);
  const checked = entry.draft ? checkContent(entry.kind, entry.draftContent) : null;
  const view = new URL(request.url).searchParams.get('ansicht') === 'yaml' ? 'yaml' : 'formular';
  const content = entry.draftContent ?? entry.publishedContent ?? { slug: entry.slug };
  const fieldProblems = checked && !checked.ok ? problemsAtFields(entry.kind, entry.draftContent) : {};
  return {
    view,
    formValues: withEmptyRows(entry.kind, contentToFormValues(entry.kind, content)),
    fieldProblems,
    problemLinks: Object.entries(fieldProblems).map(([name, message]) => ({
      href: `#${plainId(FORM, name)}`,
      message: `${describePath(
        entry.kind,
        name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      )}: ${message}`,
    })),
    external: await externalOptions(entry.kind),
    kind: entry.kind,
    kindLabel: kindInfo[entry.kind].singular,
    slug: entry.slug,
    title: entry.title,
    version: entry.row.version,
    status: entry.status,
    statusLabel: entry.statusLabel,
    public: entry.public,
    publicPath: entry.publicPath,
    yaml: entry.yaml,
    draft: entry.draft ? { ...entry.draft, lastEditorId: undefined } : null,
    openProblems: checked && !checked.ok ? checked.errors : [],
    difference: entry.difference,
    newEntry: entry.row.published_version === null,
    versions: entry.versions,
    images: imagesOf(entry.draftContent ?? entry.publishedContent),
    fields: Object.entries(fieldLabels[entry.kind]).map(([key, label]) => ({ key, label })),
    actions: possibleActions(entry, user),
    notice: new URL(request.url).searchParams.get('hinweis'),
  };
}

type ActionResult = { errors: Record<string, string>; values: Record<string, string>; form?: FormValues };

const refuse = (errors: Record<string, string>, values: Record<string, string>, status: number, form?: FormValues) =>
  data<ActionResult>({ errors, values, ...(form ? { form } : {}) }, { status });

/** The posted content fields of the form editor, without the workflow's own fields. */
function postedContent(kind: ContentKind, form: FormData): FormValues {
  const values = formDataToValues(kind, form);
  for (const own of ['csrf', 'intent', 'version', 'note', 'reason']) delete values[own];
  return values;
}

const intents = ['speichern', 'einreichen', 'zurueckgeben', 'veroeffentlichen', 'verwerfen', 'archivieren', 'wiederherstellen'] as const;
const eventOf: Record<(typeof intents)[number], EditorialEvent['type']> = {
  speichern: 'bearbeiten',
  einreichen: 'einreichen',
  zurueckgeben: 'zurueckgeben',
  veroeffentlichen: 'veroeffentlichen',
  verwerfen: 'verwerfen',
  archivieren: 'archivieren',
  wiederherstellen: 'wiederherstellen',
};
const done: Record<(typeof intents)[number], string> = {
  speichern: 'gespeichert',
  einreichen: 'eingereicht',
  zurueckgeben: 'zurueckgegeben',
  veroeffentlichen: 'veroeffentlicht',
  verwerfen: 'verworfen',
  archivieren: 'archiviert',
  wiederherstellen: 'wiederhergestellt',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, editorRoles);
  const entry = await entryOf(params);
  const page = `/redaktion/${entry.kind}/${entry.slug}`;
  let form: FormData;
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    // The picture form; any other form sent this way is read the same and handled below.
    try {
      form = await readMultipartForm(request, { maxPartBytes: MAX_IMAGE_BYTES });
    } catch (error) {
      const tooBig = error instanceof PartTooLargeError;
      const message = tooBig
        ? 'Das Bild ist größer als 8 MB. Bitte verkleinern Sie es.'
        : 'Die Datei konnte nicht gelesen werden. Bitte versuchen Sie es erneut.';
      return refuse({ file: message }, { alt: '' }, tooBig ? 413 : 400);
    }
    await assertCsrf(request, form);
    assertFormSize(form);
    form = withLineFeeds(form);
  } else form = await readProtectedForm(request);
  if (form.get('intent') === 'bild') return uploadImage(form, entry, user, page);
  if (form.get('intent') === 'bild-entfernen') return removeImage(form, entry, user, page);
  const intent = intents.find((i) => i === form.get('intent'));
  // The YAML only when its form was posted: a refused "Zur Prüfung geben" keeps the editor's text as stored.
  const values: Record<string, string> = {
    ...(form.has('yaml') ? { yaml: String(form.get('yaml')) } : {}),
    note: String(form.get('note') ?? ''),
    reason: String(form.get('reason') ?? ''),
  };
  const rowFor = /^zeile:([A-Za-z]+)$/.exec(String(form.get('intent') ?? ''))?.[1];
  if (rowFor) {
    // "Weitere Zeile": the form again with everything typed and one more empty row; nothing saved.
    const posted = postedContent(entry.kind, form);
    return data<ActionResult>({ errors: {}, values, form: addRow(entry.kind, posted, rowFor) });
  }
  if (!intent) return refuse({ [FORM_ERROR]: 'Diese Aktion gibt es nicht. Bitte laden Sie die Seite neu.' }, values, 400);
  const expected = Number(form.get('version'));
  let content: unknown;
  let posted: FormValues | undefined;
  if (intent === 'speichern' && form.has('yaml')) {
    const read = readContentYaml(entry.kind, values.yaml ?? '', entry.slug);
    if (!read.ok) return refuse({ yaml: read.errors.join(' · ') }, values, 400);
    content = read.value;
  } else if (intent === 'speichern') {
    // The form editor: the same content object as the YAML, checked by the same schema when loaded.
    posted = postedContent(entry.kind, form);
    const read = formValuesToContent(entry.kind, posted, entry.slug, entry.draftContent ?? entry.publishedContent);
    if (Object.keys(read.errors).length) return refuse(read.errors, values, 400, posted);
    content = read.content;
  }
  const note = (intent === 'zurueckgeben' ? values.reason : values.note) ?? '';
  const outcome = await performEditorialEvent(user, entry, expected, eventOf[intent], { note, content });
  if (!outcome.ok) {
    const field = intent === 'einreichen' && outcome.status === 409 && note.trim().length < NOTE_MIN_LENGTH ? 'note' : null;
    const at = intent === 'zurueckgeben' && note.trim().length < NOTE_MIN_LENGTH ? 'reason' : field;
    return refuse({ [at ?? FORM_ERROR]: outcome.message }, values, outcome.status, posted);
  }
  const view = form.has('yaml') ? '&ansicht=yaml' : '';
  return redirect(`${page}?hinweis=${done[intent]}${view}`);
}

async function uploadImage(form: FormData, entry: LoadedEntry, user: Awaited<ReturnType<typeof requireRole>>, page: string) {
  const values: Record<string, string> = { alt: '' };
  if (entry.kind !== 'beispiel') return refuse({ [FORM_ERROR]: 'Bilder gibt es nur bei guten Beispielen.' }, values, 400);
  values.alt = String(form.get('alt') ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const errors: Record<string, string> = {};
  if (values.alt.length < 5 || values.alt.length > 300)
    errors.alt =
      'Bitte beschreiben Sie, was auf dem Bild zu sehen ist (5 bis 300 Zeichen); Menschen, die das Bild nicht sehen, lesen diesen Text.';
  const file = form.get('file');
  if (!(file instanceof Blob) || file.size === 0) errors.file = 'Bitte wählen Sie ein Bild aus.';
  const current = (entry.draftContent ?? entry.publishedContent ?? {}) as Record<string, unknown>;
  const images = imagesOf(current);
  if (images.length >= MAX_EXAMPLE_IMAGES)
    errors.file = `Ein Beispiel hat höchstens ${MAX_EXAMPLE_IMAGES} Bilder. Bitte entfernen Sie zuerst eines.`;
  if (Object.keys(errors).length) return refuse(errors, values, 400);
  const stored = await storeContentImage(entry.row.id, user.id, new Uint8Array(await (file as Blob).arrayBuffer()));
  if (!stored.ok) return refuse({ file: stored.message }, values, 400);
  const outcome = await performEditorialEvent(user, entry, Number(form.get('version')), 'bearbeiten', {
    content: { ...current, images: [...images, { id: stored.id, alt: values.alt }] },
  });
  if (!outcome.ok) return refuse({ [FORM_ERROR]: outcome.message }, values, outcome.status);
  return redirect(`${page}?hinweis=bild#bilder`);
}

/** "Bild entfernen": the picture leaves the draft; published versions that show it keep it. */
async function removeImage(form: FormData, entry: LoadedEntry, user: Awaited<ReturnType<typeof requireRole>>, page: string) {
  const values: Record<string, string> = { alt: '' };
  const current = (entry.draftContent ?? entry.publishedContent ?? {}) as Record<string, unknown>;
  const images = imagesOf(current);
  const id = Number(form.get('bild'));
  if (!images.some((image) => image.id === id))
    return refuse({ [FORM_ERROR]: 'Dieses Bild gehört nicht mehr zum Entwurf. Bitte laden Sie die Seite neu.' }, values, 409);
  const outcome = await performEditorialEvent(user, entry, Number(form.get('version')), 'bearbeiten', {
    content: { ...current, images: images.filter((image) => image.id !== id) },
  });
  if (!outcome.ok) return refuse({ [FORM_ERROR]: outcome.message }, values, outcome.status);
  return redirect(`${page}?hinweis=bild-entfernt#bilder`);
}

const notices: Record<string, string> = {
  angelegt:
    'Der Entwurf ist angelegt. Ergänzen Sie die Felder und speichern Sie; öffentlich wird er erst nach Prüfung und Veröffentlichung.',
  gespeichert: 'Der Entwurf ist gespeichert. Öffentlich bleibt die bisher veröffentlichte Fassung, bis eine neue veröffentlicht ist.',
  eingereicht: 'Der Entwurf liegt zur Prüfung. Die anderen Redakteurinnen und Redakteure wurden benachrichtigt.',
  zurueckgegeben: 'Der Entwurf ist mit Ihrer Begründung zurückgegeben.',
  veroeffentlicht: 'Die neue Fassung ist veröffentlicht.',
  verworfen: 'Der Entwurf ist verworfen; die veröffentlichte Fassung gilt unverändert.',
  archiviert: 'Der Eintrag ist archiviert und nicht mehr öffentlich. Alle Fassungen bleiben erhalten.',
  wiederhergestellt: 'Der Eintrag ist wieder öffentlich.',
  bild: 'Das Bild ist dem Entwurf hinzugefügt (verkleinert, ohne Metadaten wie Ort und Kamera).',
  'bild-entfernt':
    'Das Bild ist aus dem Entwurf entfernt. Veröffentlichte Fassungen, die es zeigen, bleiben unverändert, bis eine neue Fassung veröffentlicht ist.',
};

export default function EditorialEntry() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const a = d.actions;
  const fields = formFields(d.kind, d.external);
  const formValues = result?.form ?? d.formValues;
  // At the fields: what the form could not read (after a refused save), else what the schema still misses.
  const fieldErrors = result?.form ? (result.errors ?? {}) : d.fieldProblems;
  const order = ['yaml', ...fieldOrder(fields, formValues), 'note', 'reason', 'alt', 'file'];
  return (
    <>
      <p className="caption">
        <Link to="/redaktion">Redaktion</Link> · {d.kindLabel}
      </p>
      <h1>{d.title}</h1>
      <p>
        Stand: <strong>{d.statusLabel}</strong>.{' '}
        {d.public ? (
          <>
            Öffentlich unter <Link to={d.publicPath}>{d.publicPath}</Link>
            {d.draft ? ' (in der veröffentlichten Fassung)' : ''}.
          </>
        ) : (
          'Nicht öffentlich.'
        )}
      </p>
      {d.notice && d.notice in notices && !result ? (
        <div className="notice notice--success" role="status">
          <p>{notices[d.notice]}</p>
        </div>
      ) : null}
      <MessageSummary id={`${FORM}-summary`} errors={summaryOf(FORM, errors, order)} />

      {d.draft ? (
        <section aria-labelledby="aenderungen">
          <h2 id="aenderungen">{d.newEntry ? 'Inhalt des Entwurfs' : 'Änderungen gegenüber der veröffentlichten Fassung'}</h2>
          <p>
            Entwurf (Fassung {d.draft.number}), zuletzt bearbeitet von {d.draft.updatedBy ?? 'unbekannt'} am {d.draft.updatedAt}.
            {d.draft.note ? (
              <>
                {' '}
                {d.status === 'pruefung' ? 'Was sich geändert hat' : 'Hinweis aus der Prüfung'}: „{d.draft.note}“
              </>
            ) : null}
          </p>
          {d.difference.length ? (
            <ScrollTable caption="Geänderte Felder" captionHidden label="Änderungen am Eintrag">
              <thead>
                <tr>
                  <th scope="col">Feld</th>
                  <th scope="col">Änderung (entfernt durchgestrichen, neu unterstrichen)</th>
                </tr>
              </thead>
              <tbody>
                {d.difference.map((f) => (
                  <tr key={f.field}>
                    <th scope="row">{f.label}</th>
                    <td className="diff">
                      {f.parts.map((p, i) =>
                        p.change === 'added' ? (
                          <ins key={i}>{p.text}</ins>
                        ) : p.change === 'removed' ? (
                          <del key={i}>{p.text}</del>
                        ) : (
                          <span key={i}>{p.text}</span>
                        ),
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : (
            <p>Der Entwurf unterscheidet sich (noch) nicht von der veröffentlichten Fassung.</p>
          )}
          {d.openProblems.length ? (
            <div className="notice notice--warning">
              <p>Vor dem Einreichen noch zu klären:</p>
              <ul>
                {d.view === 'formular' && d.problemLinks.length && a.edit && d.status !== 'pruefung'
                  ? d.problemLinks.map((p) => (
                      <li key={p.href}>
                        <a href={p.href}>{p.message}</a>
                      </li>
                    ))
                  : d.openProblems.map((p) => <li key={p}>{p}</li>)}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}

      {a.publish || a.returnDraft || a.publishBlockedByFourEyes ? (
        <PostForm id={`${FORM}-pruefen`} noValidate>
          <input type="hidden" name="version" value={d.version} />
          <h2>Prüfen und veröffentlichen</h2>
          {a.publishBlockedByFourEyes ? (
            <p>
              Sie haben diesen Entwurf zuletzt bearbeitet; veröffentlichen muss eine zweite Person aus der Redaktion (Vier-Augen-Prinzip).
            </p>
          ) : (
            <p>
              Bitte lesen Sie die Änderungen oben. Mit „Veröffentlichen“ ersetzt diese Fassung die bisherige auf der öffentlichen Seite.
            </p>
          )}
          {a.returnDraft ? (
            <PlainText
              form={FORM}
              name="reason"
              label="Begründung beim Zurückgeben"
              hint={`Was ist noch zu ändern? ${NOTE_MIN_LENGTH} bis ${NOTE_MAX_LENGTH.toLocaleString('de-DE')} Zeichen; die Person, die den Entwurf zuletzt bearbeitet hat, wird benachrichtigt.`}
              value={result?.values.reason}
              error={errors?.reason}
              optional
              multiline
            />
          ) : null}
          <div className="button-row">
            {a.publish ? (
              <button type="submit" name="intent" value="veroeffentlichen" className="button">
                Veröffentlichen
              </button>
            ) : null}
            {a.returnDraft ? (
              <button type="submit" name="intent" value="zurueckgeben" className="button button--secondary">
                Zurückgeben
              </button>
            ) : null}
          </div>
        </PostForm>
      ) : null}

      {a.edit && d.status !== 'pruefung' ? (
        <PostForm id={FORM} noValidate>
          <input type="hidden" name="version" value={d.version} />
          <h2>{d.draft ? 'Entwurf bearbeiten' : 'Neue Fassung beginnen'}</h2>
          <nav aria-label="Ansicht des Entwurfs" className="subnav">
            <ul>
              <li>
                <Link to={`/redaktion/${d.kind}/${d.slug}`} aria-current={d.view === 'formular' ? 'page' : undefined}>
                  Formular
                </Link>
              </li>
              <li>
                <Link to={`/redaktion/${d.kind}/${d.slug}?ansicht=yaml`} aria-current={d.view === 'yaml' ? 'page' : undefined}>
                  Experten-Ansicht (YAML)
                </Link>
              </li>
            </ul>
          </nav>
          {d.view === 'yaml' ? (
            <>
              <div className={`field${errors?.yaml ? ' field--error' : ''}`}>
                <label htmlFor={plainId(FORM, 'yaml')} className="field__label">
                  Inhalt (YAML)
                </label>
                <div id={`${plainId(FORM, 'yaml')}-hint`} className="field__hint">
                  Ein Feld je Zeile in der Form „name: Wert“, Listen mit „- “ eingerückt. Die Adresse (slug) bleibt gleich. Speichern
                  veröffentlicht nichts; ein unvollständiger Entwurf wird gespeichert, eingereicht werden kann er erst vollständig.
                </div>
                {errors?.yaml ? (
                  <p id={`${plainId(FORM, 'yaml')}-error`} className="field__error">
                    <span className="visually-hidden">Fehler: </span>
                    {errors.yaml}
                  </p>
                ) : null}
                <textarea
                  id={plainId(FORM, 'yaml')}
                  name="yaml"
                  className="textarea textarea--code"
                  rows={28}
                  spellCheck={false}
                  aria-describedby={`${plainId(FORM, 'yaml')}-hint${errors?.yaml ? ` ${plainId(FORM, 'yaml')}-error` : ''}`}
                  defaultValue={result?.values.yaml ?? d.yaml}
                />
              </div>
              <details>
                <summary>Welche Felder gibt es?</summary>
                <dl className="summary-list">
                  {d.fields.map((f) => (
                    <div key={f.key}>
                      <dt>
                        <code>{f.key}</code>
                      </dt>
                      <dd>{f.label}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            </>
          ) : (
            <>
              <DefaultSubmit intent="speichern" label="Entwurf speichern" />
              <p className="hint">
                Speichern veröffentlicht nichts. Ein unvollständiger Entwurf wird gespeichert; was noch fehlt, steht am Feld, und
                eingereicht werden kann er erst vollständig. Leere Zeilen werden nicht gespeichert.
              </p>
              <ContentFormFields
                form={FORM}
                fields={fields}
                sections={formSections(d.kind, fields)}
                labelOf={(f) => labelOf(d.kind, f)}
                values={formValues}
                errors={fieldErrors}
              />
            </>
          )}
          <div className="button-row" id={`${FORM}-speichern`}>
            <button type="submit" name="intent" value="speichern" className="button">
              Entwurf speichern
            </button>
          </div>
        </PostForm>
      ) : null}

      {a.submit || a.discard ? (
        <PostForm id={`${FORM}-einreichen`} noValidate>
          <input type="hidden" name="version" value={d.version} />
          <h2>Zur Prüfung geben</h2>
          {a.submit ? (
            <PlainText
              form={FORM}
              name="note"
              label="Was hat sich geändert, und warum?"
              hint={`${NOTE_MIN_LENGTH} bis ${NOTE_MAX_LENGTH.toLocaleString('de-DE')} Zeichen; das liest, wer prüft, und es steht in der Versionsgeschichte.`}
              value={result?.values.note}
              error={errors?.note}
              multiline
            />
          ) : null}
          <div className="button-row">
            {a.submit ? (
              <button type="submit" name="intent" value="einreichen" className="button">
                Zur Prüfung geben
              </button>
            ) : null}
            {a.discard ? (
              <button type="submit" name="intent" value="verwerfen" className="button button--secondary">
                Entwurf verwerfen
              </button>
            ) : null}
          </div>
        </PostForm>
      ) : null}

      {d.kind === 'beispiel' ? (
        <section aria-labelledby="bilder">
          <h2 id="bilder">Bilder</h2>
          {d.images.length ? (
            <ul className="image-list">
              {d.images.map((img) => (
                <li key={img.id}>
                  <img src={`/inhalte/bilder/${img.id}`} alt={img.alt} width={240} loading="lazy" />
                  <p className="caption">Alternativtext: {img.alt}</p>
                  {a.edit && d.status !== 'pruefung' ? (
                    <PostForm id={`${FORM}-bild-${img.id}`}>
                      <input type="hidden" name="version" value={d.version} />
                      <input type="hidden" name="bild" value={img.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="bild-entfernen"
                        className="button button--secondary"
                        aria-label={`Bild entfernen: ${img.alt}`}
                      >
                        Bild entfernen
                      </button>
                    </PostForm>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>Noch keine Bilder.</p>
          )}
          {a.edit && d.status !== 'pruefung' ? (
            <PostForm encType="multipart/form-data" reloadDocument id={`${FORM}-bild`} noValidate>
              <input type="hidden" name="version" value={d.version} />
              <PlainText
                form={FORM}
                name="alt"
                label="Was ist auf dem Bild zu sehen? (Alternativtext)"
                hint="Pflicht: Menschen, die das Bild nicht sehen, lesen diesen Text. Zum Beispiel „Jugendliche bauen ein Modell des Marktplatzes“."
                value={result?.values.alt}
                error={errors?.alt}
              />
              <div className={`field${errors?.file ? ' field--error' : ''}`}>
                <label htmlFor={plainId(FORM, 'file')} className="field__label">
                  Bild (JPEG, PNG oder WebP, höchstens 8 MB)
                </label>
                <div id={`${plainId(FORM, 'file')}-hint`} className="field__hint">
                  Wir verkleinern es auf höchstens 1.600 Pixel Breite und entfernen Metadaten wie Aufnahmeort und Kamera. Zeigen Sie
                  Personen nur mit deren Einwilligung.
                </div>
                {errors?.file ? (
                  <p id={`${plainId(FORM, 'file')}-error`} className="field__error">
                    <span className="visually-hidden">Fehler: </span>
                    {errors.file}
                  </p>
                ) : null}
                <input
                  type="file"
                  id={plainId(FORM, 'file')}
                  name="file"
                  accept="image/jpeg,image/png,image/webp"
                  aria-describedby={`${plainId(FORM, 'file')}-hint${errors?.file ? ` ${plainId(FORM, 'file')}-error` : ''}`}
                />
              </div>
              <div className="button-row">
                <button type="submit" name="intent" value="bild" className="button button--secondary">
                  Bild zum Entwurf hinzufügen
                </button>
              </div>
            </PostForm>
          ) : null}
          <p className="hint">
            Ein Bild entfernen Sie mit „Bild entfernen“ unter dem Bild. Es verschwindet damit aus dem Entwurf; veröffentlichte Fassungen,
            die es zeigen, bleiben unverändert.
          </p>
        </section>
      ) : null}

      {a.archive || a.restore ? (
        <PostForm id={`${FORM}-archiv`}>
          <input type="hidden" name="version" value={d.version} />
          <h2>{a.archive ? 'Archivieren' : 'Wiederherstellen'}</h2>
          <p>
            {a.archive
              ? 'Ein archivierter Eintrag ist nicht mehr öffentlich; alle Fassungen bleiben erhalten, und Sie können ihn wiederherstellen.'
              : 'Der Eintrag ist archiviert. Wiederhergestellt ist die zuletzt veröffentlichte Fassung wieder öffentlich.'}
          </p>
          <div className="button-row">
            <button type="submit" name="intent" value={a.archive ? 'archivieren' : 'wiederherstellen'} className="button button--secondary">
              {a.archive ? 'Archivieren' : 'Wiederherstellen'}
            </button>
          </div>
        </PostForm>
      ) : null}

      <h2>Fassungen</h2>
      <ScrollTable caption="Fassungen, neueste zuerst" captionHidden label="Fassungen des Eintrags">
        <thead>
          <tr>
            <th scope="col">Fassung</th>
            <th scope="col">Stand</th>
            <th scope="col">Angelegt von</th>
            <th scope="col">Veröffentlicht</th>
            <th scope="col">Hinweis</th>
          </tr>
        </thead>
        <tbody>
          {d.versions.map((v) => (
            <tr key={v.number}>
              <td>{v.number}</td>
              <td>{v.state}</td>
              <td>{v.createdBy}</td>
              <td>{v.publishedAt ? `${v.publishedAt}${v.publishedBy ? `, ${v.publishedBy}` : ''}` : '–'}</td>
              <td>{v.note ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}
