import { createHash, randomBytes } from 'node:crypto';
import { asFileStore, type FileStore } from '../file-store';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { requiredAttachments } from '../../machines/frl/application/codecs/anlagen';
import { knownCalls } from '../../machines/frl/calls';
import { evaluateData, freshSnapshot, metaFor, persistedSnapshot } from '../../machines/frl/application/snapshot';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { shippedParameters } from '../../machines/frl/parameters';
import { applyAdviceEvent, startAdvice, statusOf, type Actor, type AdviceEvent } from '../../machines/frl/advice/machine';
import type { DB } from '../client';
import { addAttachment, createApplication, recordApplicationEvent } from '../repositories/applications';
import { addComment, saveAdviceStatus } from '../repositories/advice';
import { findUserByEmail } from '../repositories/users';
import { addDays, addMonths } from '../../machines/umsetzung/calendar';
import { sampleGemeindeApplication, sampleVereinApplication } from './applications';
import { seedDemoImplementation } from './implementation';

/**
 * Demo drafts, so a first look at the app shows real work: the Gemeinde's complete application in
 * advice with comments, and the Verein's complete draft. Added only to organisations that have no
 * application yet, so running the seed again changes nothing.
 */
export async function seedDemoApplications(db: DB, uploadDir: FileStore | string, now = new Date()): Promise<string[]> {
  const created: string[] = [];
  const date = now.toISOString().slice(0, 10);
  const kommune = await findUserByEmail(db, 'kommune@demo.example');
  const verein = await findUserByEmail(db, 'verein@demo.example');
  const advisor = await findUserByEmail(db, 'beratung@demo.example');
  if (!kommune?.organisation_id || !verein?.organisation_id || !advisor) return created;

  if (!(await hasApplications(db, kommune.organisation_id))) {
    const row = await insert(db, uploadDir, kommune.organisation_id, kommune.id, sampleGemeindeApplication(), date, now);
    const member: Actor = { role: 'applicant', userId: kommune.id, member: true };
    const adviser: Actor = { role: 'advisor', userId: advisor.id, member: false };
    const requestedAt = new Date(now.getTime() - 3 * 86_400_000).toISOString();
    const takenAt = new Date(now.getTime() - 2 * 86_400_000).toISOString();
    await applyReviewEvents(db, row, [
      {
        type: 'beratung.anfragen',
        advisorId: null,
        note: 'Wir möchten im Februar einreichen. Passt der Finanzierungsplan so?',
        actor: member,
        at: requestedAt,
      },
      { type: 'beratung.uebernehmen', actor: adviser, at: takenAt },
    ]);
    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
    const comment = async (input: Parameters<typeof addComment>[1], when: Date) => {
      const created = await addComment(db, input, when);
      await recordApplicationEvent(
        db,
        row.id,
        row.version,
        {
          userId: input.author_id,
          type: input.parent_id ? 'comment.replied' : 'comment.added',
          step: input.step,
          details: { commentId: created.id, internal: input.internal === 1 },
        },
        when,
      );
      return created;
    };
    const line = await comment(
      {
        application_id: row.id,
        parent_id: null,
        author_id: advisor.id,
        step: 'kosten',
        field: 'lines[id=c6]',
        body: 'Bitte erläutern Sie, wie Sie die 80 Stunden für die Projektkoordination geschätzt haben, und legen Sie die Berechnung als Anlage bei. Die SAB fragt bei Personalausgaben erfahrungsgemäß nach.',
        internal: 0,
        version: row.version,
      },
      at(30),
    );
    await comment(
      {
        application_id: row.id,
        parent_id: line.id,
        author_id: kommune.id,
        step: 'kosten',
        field: 'lines[id=c6]',
        body: 'Danke! Die Stundenaufstellung reichen wir nach.',
        internal: 0,
        version: row.version,
      },
      at(20),
    );
    await comment(
      {
        application_id: row.id,
        parent_id: null,
        author_id: advisor.id,
        step: 'vorhaben',
        field: 'whyFunding',
        body: 'Sehr klar begründet. Ergänzen Sie gern, wie die Ergebnisse des Bürgerrats nach Projektende weitergetragen werden.',
        internal: 0,
        version: row.version,
      },
      at(29),
    );
    await comment(
      {
        application_id: row.id,
        parent_id: null,
        author_id: advisor.id,
        step: 'vorhaben',
        field: null,
        body: 'Interne Notiz: Losverfahren ist gut geplant; beim Verbund nach der Vereinbarung mit Lindenau und Bergheide fragen.',
        internal: 1,
        version: row.version,
      },
      at(28),
    );
    created.push(`Antrag „${row.title}“ (in Beratung)`);
  }

  if (!(await hasApplications(db, verein.organisation_id))) {
    // An earlier application, approved and now in implementation (issue 19): Bescheid, Belegliste,
    // payouts and a Verwendungsnachweis begun.
    const earlier = sampleVereinApplication();
    earlier.project.title = 'Nachbarschaftsforen Görlitz-Nord – erste Runde';
    const approved = await insert(db, uploadDir, verein.organisation_id, verein.id, earlier, date, now);
    const member: Actor = { role: 'applicant', userId: verein.id, member: true };
    const periodStart = addMonths(`${date.slice(0, 8)}01`, -8);
    const submittedOn = addDays(periodStart, -60);
    const decisionDate = addDays(periodStart, -20);
    await applyReviewEvents(db, approved, [
      { type: 'einreichung.erfassen', date: submittedOn, reference: 'SAB-2026-0412', actor: member, at: `${submittedOn}T09:00:00.000Z` },
      { type: 'bewilligung.erfassen', date: decisionDate, actor: member, at: `${decisionDate}T09:00:00.000Z` },
    ]);
    await seedDemoImplementation(
      db,
      { applicationId: approved.id, organisationId: verein.organisation_id, userId: verein.id, decisionDate },
      now,
    );
    created.push(`Antrag „${approved.title}“ (bewilligt, in Umsetzung)`);
    const row = await insert(db, uploadDir, verein.organisation_id, verein.id, sampleVereinApplication(), date, now);
    created.push(`Antrag „${row.title}“ (Entwurf)`);
  }
  return created;
}

/** Applies advice events to a fresh demo application and stores each status change as the app does. */
async function applyReviewEvents(db: DB, row: { id: number; version: number }, events: AdviceEvent[]): Promise<void> {
  let advice = startAdvice();
  let reviewVersion = 0;
  for (const event of events) {
    const from = statusOf(advice);
    const step = applyAdviceEvent(advice, event);
    if (!step.accepted) throw new Error(`Demo-Daten: Ereignis ${event.type} wurde abgelehnt`);
    advice = step.snapshot;
    await saveAdviceStatus(
      db,
      {
        applicationId: row.id,
        expectedReviewVersion: reviewVersion++,
        applicationVersion: row.version,
        status: statusOf(advice),
        snapshot: step.persisted,
        requestedAt: advice.context.requestedAt,
        requestedAdvisorId: advice.context.requestedAdvisor,
        advisors: advice.context.advisors,
        userId: event.actor.userId,
        eventType: `status.${event.type}`,
        details: { from, to: statusOf(advice) },
      },
      new Date(event.at),
    );
  }
}

async function hasApplications(db: DB, organisationId: number): Promise<boolean> {
  return (await db.selectFrom('applications').select('id').where('organisation_id', '=', organisationId).executeTakeFirst()) !== undefined;
}

async function insert(
  db: DB,
  uploadDir: FileStore | string,
  organisationId: number,
  userId: number,
  data: ApplicationData,
  date: string,
  now: Date,
) {
  // The required annexes are there, so the demo drafts are complete and their PDF is not marked "Entwurf".
  const annexes = requiredAttachments(data);
  const context = { table: shippedParameters, date, attachmentTypes: annexes.map((t) => t.id) };
  const snapshot = freshSnapshot(data, context);
  const result = evaluateData(data, context, { parameters: shippedParameters, calls: knownCalls });
  const createdAt = new Date(now.getTime() - 5 * 86_400_000);
  const row = await createApplication(
    db,
    { organisationId, userId, snapshot: persistedSnapshot(snapshot), meta: metaFor(snapshot, result, context) },
    createdAt,
  );
  for (const annex of annexes) {
    const bytes = await placeholderPdf(`${annex.label} (Beispiel)`, data.project.title ?? '');
    const storageKey = randomBytes(24).toString('base64url');
    await asFileStore(uploadDir).put(storageKey, bytes);
    const fileName = `${annex.id}-beispiel.pdf`;
    const attachment = await addAttachment(
      db,
      {
        application_id: row.id,
        doc_type: annex.id,
        file_name: fileName,
        mime_type: 'application/pdf',
        size_bytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storage_key: storageKey,
        uploaded_by: userId,
      },
      createdAt,
    );
    await recordApplicationEvent(
      db,
      row.id,
      row.version,
      {
        userId,
        type: 'attachment.uploaded',
        step: 'anlagen',
        details: { attachmentId: attachment.id, docType: annex.id, fileName, sizeBytes: bytes.byteLength },
      },
      createdAt,
    );
  }
  return row;
}

/** A one-page PDF that says what it stands in for. */
async function placeholderPdf(title: string, project: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setLanguage('de-DE');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText('Beispielanlage der Demo-Daten', { x: 56, y: 770, size: 10, font });
  page.drawText(title, { x: 56, y: 740, size: 16, font });
  // WinAnsi covers the German letters of the demo titles.
  page.drawText(project.slice(0, 90), { x: 56, y: 715, size: 11, font });
  return pdf.save();
}
