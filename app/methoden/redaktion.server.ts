import { recordAudit } from '../../db/repositories/audit';
import {
  contentStamp,
  countEntries,
  createEntry,
  discardDraft,
  findEntry,
  insertProgramEntry,
  listEntries,
  listPublicContent,
  listVersions,
  publicContentOf,
  moveDraft,
  publishDraft,
  saveDraft,
  setArchived,
} from '../../db/repositories/content';
import { notify } from '../../db/repositories/advice';
import { listUsers } from '../../db/repositories/users';
import type { ContentEntryRow } from '../../db/schema';
import { methods as programMethods } from '../../machines/methoden/catalogue';
import {
  checkContent,
  contentDifference,
  contentKinds,
  contentToYaml,
  kindInfo,
  titleOf,
  type ContentKind,
} from '../../machines/methoden/content-kinds';
import {
  editorialRefusal,
  entryStatus,
  entryStatusLabel,
  resolveEditorial,
  type EditorialActor,
  type EditorialEvent,
  type EditorialState,
} from '../../machines/methoden/editorial';
import { demoExamples, type GoodExample } from '../../machines/methoden/examples';
import type { Method } from '../../machines/methoden/schema';
import { formatDateTime } from '../../machines/shared/format';
import { config } from '../config.server';
import { getDb } from '../db.server';
import type { CurrentUser } from '../session.server';
import { log } from '../utils/log.server';

/**
 * The hub's editorial content in the app (ADR 0073): the published catalogue every public page and
 * the wizard read, and the editors' workflow (draft → review → published → archived) with audit.
 */

// ---- what the public sees --------------------------------------------------------------------------

export interface Catalogue {
  methods: readonly Method[];
  /** Editorial and demo examples (the grantees' published offers are added by methoden.server.ts). */
  examples: readonly GoodExample[];
  methodBySlug: (slug: string) => Method | undefined;
  methodForFormat: (formatId: string) => Method | undefined;
  /** The state of the stored content this catalogue was read from (search documents follow it, ADR 0077). */
  stamp: string;
}

function catalogueOf(methods: Method[], examples: GoodExample[], stamp: string): Catalogue {
  const sorted = methods.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const bySlug = new Map(sorted.map((m) => [m.slug, m]));
  return {
    methods: sorted,
    examples,
    stamp,
    methodBySlug: (slug) => bySlug.get(slug),
    methodForFormat: (formatId) => sorted.find((m) => m.formatId === formatId),
  };
}

/** The release's own content as a catalogue, without the database (tests, and what the baseline holds). */
export const programCatalogue = (): Catalogue => catalogueOf([...programMethods], [...demoExamples], 'program');

/**
 * The release's own methods and demo examples become entries once (published version 1); from then
 * on the database is the source, and editors change them through the workflow. Idempotent and safe
 * with several instances starting at once (unique kind + slug).
 */
let baseline: Promise<void> | null = null;
function ensureProgramContent(): Promise<void> {
  baseline ??= (async () => {
    const db = await getDb();
    const wanted: Array<[ContentKind, readonly { slug: string }[]]> = [
      ['methode', programMethods],
      ['beispiel', demoExamples],
    ];
    for (const [kind, items] of wanted) {
      if ((await countEntries(db, kind)) >= items.length) continue;
      await db.transaction().execute(async (trx) => {
        for (const item of items) await insertProgramEntry(trx, { kind, slug: item.slug, content: item });
      });
    }
  })().catch((error) => {
    baseline = null;
    throw error;
  });
  return baseline;
}

// Kept per process, checked against the stored entries on every use (one small query): a change
// published through another instance is seen at once (ADR 0036).
let cached: { stamp: string; catalogue: Promise<Catalogue> } | null = null;

async function loadCatalogue(stamp: string): Promise<Catalogue> {
  const db = await getDb();
  const parse = <K extends ContentKind>(kind: K, rows: Array<{ slug: string; content: unknown }>) =>
    rows.flatMap((row) => {
      const checked = checkContent(kind, row.content);
      if (checked.ok) return [checked.content];
      log('warn', 'redaktion.content_skipped', { kind, slug: row.slug, errors: checked.ok ? [] : checked.errors.slice(0, 3) });
      return [];
    });
  const [methodRows, exampleRows] = await Promise.all([listPublicContent(db, 'methode'), listPublicContent(db, 'beispiel')]);
  return catalogueOf(parse('methode', methodRows) as Method[], parse('beispiel', exampleRows) as GoodExample[], stamp);
}

/** The published methods and examples, as the public pages and the wizard use them. */
export async function catalogue(): Promise<Catalogue> {
  await ensureProgramContent();
  const stamp = await contentStamp(await getDb());
  if (cached?.stamp !== stamp) {
    const next = loadCatalogue(stamp);
    cached = { stamp, catalogue: next };
    next.catch(() => {
      if (cached?.catalogue === next) cached = null;
    });
  }
  return cached.catalogue;
}

// ---- the editors' view ----------------------------------------------------------------------------

export const editorRoles = ['advisor', 'ministry'] as const;

export function parseKind(value: string | undefined): ContentKind | null {
  return contentKinds.find((k) => k === value) ?? null;
}

const stateOf = (row: ContentEntryRow): EditorialState =>
  row.draft_state === 'pruefung' ? 'pruefung' : row.draft_state === 'entwurf' ? 'entwurf' : 'ohne_entwurf';

export function statusOfRow(row: ContentEntryRow) {
  const status = entryStatus(stateOf(row), { published: row.published_version, archived: row.archived_at !== null });
  return { status, label: entryStatusLabel[status], public: row.published_version !== null && row.archived_at === null };
}

/** Every entry of a kind, entries waiting for review first, then drafts, then by title. */
export async function editorList(kind: ContentKind) {
  const rows = await listEntries(await getDb(), kind);
  const order = { pruefung: 0, entwurf: 1, veroeffentlicht: 2, archiviert: 3 } as const;
  return rows
    .map((row) => {
      const s = statusOfRow(row);
      const content = row.draft_content ?? row.published_content;
      return {
        slug: row.slug,
        title: titleOf(kind, content) || row.slug,
        status: s.status,
        statusLabel: s.label,
        hasDraft: row.draft_version !== null,
        public: s.public,
        origin: row.origin === 'programm' ? 'Mit dem Programm geliefert' : 'Redaktion',
        changedAt: formatDateTime(String(row.updated_at)),
      };
    })
    .sort((a, b) => order[a.status] - order[b.status] || a.title.localeCompare(b.title, 'de'));
}

export async function countWaitingForReview(): Promise<number> {
  const db = await getDb();
  let n = 0;
  for (const kind of contentKinds) n += (await listEntries(db, kind)).filter((r) => r.draft_state === 'pruefung').length;
  return n;
}

const notFound = () => new Response('Nicht gefunden', { status: 404 });

/** One entry with its versions, the YAML of the open draft (or the published version) and the difference. */
export async function loadEntry(kind: ContentKind, slug: string) {
  await ensureProgramContent();
  const db = await getDb();
  const row = await findEntry(db, kind, slug);
  if (!row) throw notFound();
  const versions = await listVersions(db, row.id);
  const published = versions.find((v) => v.number === row.published_version) ?? null;
  const draft = versions.find((v) => v.number === row.draft_version) ?? null;
  const publishedContent = published?.content ?? null;
  const draftContent = draft?.content ?? null;
  const s = statusOfRow(row);
  return {
    row,
    kind,
    slug,
    title: titleOf(kind, draftContent ?? publishedContent) || slug,
    status: s.status,
    statusLabel: s.label,
    public: s.public,
    publicPath: `${kindInfo[kind].publicPath}/${slug}`,
    yaml: contentToYaml(draftContent ?? publishedContent ?? { slug }),
    draftContent,
    publishedContent,
    draft: draft
      ? {
          number: draft.number,
          note: draft.note,
          submittedBy: draft.submitted_by_name,
          submittedAt: draft.submitted_at ? formatDateTime(String(draft.submitted_at)) : null,
          updatedBy: draft.updated_by_name,
          updatedAt: formatDateTime(String(draft.updated_at)),
          lastEditorId: draft.updated_by,
        }
      : null,
    difference: draft ? contentDifference(kind, publishedContent, draftContent) : [],
    versions: versions.map((v) => ({
      number: v.number,
      state:
        v.number === row.draft_version
          ? row.draft_state === 'pruefung'
            ? 'Zur Prüfung'
            : 'Entwurf'
          : v.number === row.published_version
            ? row.archived_at
              ? 'Veröffentlicht, archiviert'
              : 'Veröffentlicht'
            : 'Früher veröffentlicht',
      createdBy: v.created_by_name ?? (row.origin === 'programm' && v.number === 1 ? 'Programm' : 'unbekannt'),
      publishedBy: v.published_by_name,
      publishedAt: v.published_at ? formatDateTime(String(v.published_at)) : null,
      note: v.note,
    })),
  };
}
export type LoadedEntry = Awaited<ReturnType<typeof loadEntry>>;

function snapshotOf(entry: LoadedEntry) {
  return resolveEditorial(stateOf(entry.row), {
    published: entry.row.published_version,
    archived: entry.row.archived_at !== null,
    lastEditor: entry.draft?.lastEditorId ?? null,
  });
}

/** Which workflow actions the signed-in editor has on this entry (the buttons shown). */
export function possibleActions(entry: LoadedEntry, user: CurrentUser) {
  const snapshot = snapshotOf(entry);
  const actor = actorOf(user);
  const can = (event: EditorialEvent) => snapshot.can(event);
  const longNote = 'x'.repeat(20);
  return {
    edit: can({ type: 'bearbeiten', actor }),
    submit: can({ type: 'einreichen', actor, note: longNote }),
    returnDraft: can({ type: 'zurueckgeben', actor, note: longNote }),
    publish: can({ type: 'veroeffentlichen', actor }),
    /** In review, but the signed-in editor changed it last: someone else publishes. */
    publishBlockedByFourEyes: entry.status === 'pruefung' && !can({ type: 'veroeffentlichen', actor }),
    discard: can({ type: 'verwerfen', actor }),
    archive: can({ type: 'archivieren', actor }),
    restore: can({ type: 'wiederherstellen', actor }),
  };
}

const actorOf = (user: CurrentUser): EditorialActor => ({ userId: user.id, role: user.role as EditorialActor['role'] });

export type Outcome = { ok: true } | { ok: false; message: string; status: 400 | 409 };

const conflict: Outcome = {
  ok: false,
  status: 409,
  message:
    'Nicht gespeichert: Jemand anderes hat diesen Eintrag gerade geändert. Bitte laden Sie die Seite neu und prüfen Sie den aktuellen Stand.',
};

/**
 * One workflow step on an entry, guarded by the machine (who may, in which state) and by the
 * entry's version as the editor read it (two editors at once: one wins, the other is told).
 */
export async function performEditorialEvent(
  user: CurrentUser,
  entry: LoadedEntry,
  expectedVersion: number,
  event: EditorialEvent['type'],
  input: { note?: string; content?: unknown } = {},
): Promise<Outcome> {
  const actor = actorOf(user);
  const note = (input.note ?? '').trim();
  const ev: EditorialEvent =
    event === 'einreichen' || event === 'zurueckgeben' ? { type: event, actor, note } : ({ type: event, actor } as EditorialEvent);
  const snapshot = snapshotOf(entry);
  if (expectedVersion !== entry.row.version) return conflict;
  if (!snapshot.can(ev)) return { ok: false, status: 409, message: editorialRefusal(snapshot, ev) };
  // A draft may be incomplete while it is written; review and publishing need the whole entry.
  if (ev.type === 'einreichen' || ev.type === 'veroeffentlichen') {
    const checked = checkContent(entry.kind, entry.draftContent);
    if (!checked.ok)
      return {
        ok: false,
        status: 400,
        message: `Der Entwurf ist noch nicht vollständig: ${checked.errors.slice(0, 5).join(' · ')}${checked.errors.length > 5 ? ' …' : ''}`,
      };
  }
  const db = await getDb();
  const row = entry.row;
  // Read before the transaction: on SQLite the transaction holds the only connection.
  const editors = ev.type === 'einreichen' ? await editorIds() : [];
  const done = await db.transaction().execute(async (trx) => {
    let ok: boolean;
    switch (ev.type) {
      case 'bearbeiten':
        ok = await saveDraft(trx, { entry: row, expectedVersion, content: input.content, userId: user.id });
        break;
      case 'einreichen':
        ok = await moveDraft(trx, { entry: row, expectedVersion, to: 'pruefung', note, userId: user.id });
        break;
      case 'zurueckgeben':
        ok = await moveDraft(trx, { entry: row, expectedVersion, to: 'entwurf', note, userId: user.id });
        break;
      case 'veroeffentlichen':
        ok = await publishDraft(trx, { entry: row, expectedVersion, userId: user.id });
        break;
      case 'verwerfen':
        ok = await discardDraft(trx, { entry: row, expectedVersion });
        break;
      case 'archivieren':
      case 'wiederherstellen':
        ok = await setArchived(trx, { entry: row, expectedVersion, archived: ev.type === 'archivieren', userId: user.id });
        break;
    }
    if (!ok) return false;
    const link = `/redaktion/${entry.kind}/${entry.slug}`;
    const others = editors.filter((id) => id !== user.id);
    const author = ev.type === 'zurueckgeben' && entry.draft?.lastEditorId ? [entry.draft.lastEditorId] : [];
    if (others.length || author.length) {
      const text =
        ev.type === 'einreichen'
          ? `Zur Prüfung: ${kindInfo[entry.kind].singular} „${entry.title}“`
          : `Zurückgegeben: „${entry.title}“ – ${note}`;
      await notify(trx, {
        userIds: ev.type === 'einreichen' ? others : author,
        applicationId: null,
        kind: `inhalt.${ev.type}`,
        text: text.length > 300 ? `${text.slice(0, 299)}…` : text,
        link,
        email: {
          subject: ev.type === 'einreichen' ? `Zur Prüfung: „${entry.title}“` : `Entwurf zurückgegeben: „${entry.title}“`,
          body: `${ev.type === 'einreichen' ? 'Ein Entwurf wartet auf Ihre Prüfung' : 'Ihr Entwurf wurde zurückgegeben'}: „${entry.title}“.\n\n${note}\n\nZur Redaktion: ${config.publicUrl}${link}\n\nFörderlotse Bürgerbeteiligung`,
        },
      });
    }
    await recordAudit(trx, {
      actorUserId: user.id,
      action: `inhalt.${ev.type}`,
      subjectType: 'content_entry',
      subjectId: row.id,
      details: {
        kind: entry.kind,
        slug: entry.slug,
        ...(ev.type === 'veroeffentlichen' ? { version: row.draft_version } : {}),
        ...(note ? { note } : {}),
      },
    });
    return true;
  });
  if (done) cached = null;
  return done ? { ok: true } : conflict;
}

/** A new entry by an editor: a draft only; the slug is derived from the title and must be free. */
export async function createDraftEntry(user: CurrentUser, kind: ContentKind, slug: string, content: unknown): Promise<Outcome> {
  const db = await getDb();
  const created = await db.transaction().execute(async (trx) => {
    const id = await createEntry(trx, { kind, slug, content, userId: user.id });
    if (id === null) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'inhalt.angelegt',
      subjectType: 'content_entry',
      subjectId: id,
      details: { kind, slug },
    });
    return true;
  });
  return created
    ? { ok: true }
    : {
        ok: false,
        status: 409,
        message: `Die Adresse „${slug}“ ist schon vergeben. Bitte wählen Sie einen anderen Titel oder eine andere Adresse.`,
      };
}

/** Editors to tell when a draft waits for review. */
export async function editorIds(): Promise<number[]> {
  const users = await listUsers(await getDb());
  return users.filter((u) => (editorRoles as readonly string[]).includes(u.role) && !u.disabled_at).map((u) => u.id);
}

/** Whether the public may see a stored picture: it belongs to the published version of a public example. */
export async function imageIsPublic(entryId: number, imageId: number): Promise<boolean> {
  const content = await publicContentOf(await getDb(), entryId);
  const images = (content as { images?: Array<{ id: unknown }> } | null | undefined)?.images;
  return Array.isArray(images) && images.some((i) => i?.id === imageId);
}
