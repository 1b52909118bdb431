import { data as json, redirect } from '@remix-run/node';
import { createHash, randomBytes } from 'node:crypto';
import {
  addAttachment,
  findAttachment,
  listAttachments,
  recordApplicationEvent,
  removeAttachment,
} from '../../db/repositories/applications';
import type { StoredAttachment } from '../../machines/frl/application/enclosures';
import { attachmentTypes, isAttachmentRequired } from '../../machines/frl/catalogues';
import { formatDateTime } from '../../machines/shared/format';
import { commit, completeSteps, stepContextFor, type LoadedApplication } from './application.server';
import type { ApplicationAccess } from '../access.server';
import { config } from '../config.server';
import { assertCsrf, readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { rulesOptions } from '../rules.server';
import type { CurrentUser } from '../session.server';
import { safeFileName } from '../utils/file-names.server';
import { PartTooLargeError, readMultipartForm, UnreadableFormError } from '../utils/multipart.server';
import { RETURN_PARAM, returnTarget } from '../utils/return-to';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const allowedFileTypes = [
  { id: 'pdf', label: 'PDF', mime: 'application/pdf', extension: 'pdf' },
  { id: 'jpeg', label: 'JPEG', mime: 'image/jpeg', extension: 'jpg' },
  { id: 'png', label: 'PNG', mime: 'image/png', extension: 'png' },
  { id: 'docx', label: 'DOCX', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  { id: 'odt', label: 'ODT', mime: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
] as const;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The file type by content (magic numbers), never by name or the browser's claim. */
export function detectFileType(bytes: Uint8Array): (typeof allowedFileTypes)[number] | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return allowedFileTypes[0];
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return allowedFileTypes[1];
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return allowedFileTypes[2];
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const text = Buffer.from(bytes).toString('latin1');
    if (text.slice(0, 200).includes('mimetypeapplication/vnd.oasis.opendocument.text')) return allowedFileTypes[4];
    if (text.includes('word/document.xml') && text.includes('[Content_Types].xml')) return allowedFileTypes[3];
  }
  return null;
}

export async function attachmentsLoader(loaded: LoadedApplication, request: Request) {
  const list = await listAttachments(await getDb(), loaded.row.id);
  const route = loaded.data.project.route;
  const verbund = loaded.data.applicant.isVerbund === true;
  const url = new URL(request.url);
  return {
    notice: url.searchParams.get('hinweis'),
    routeChosen: route !== undefined,
    maxMegabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
    fileTypes: allowedFileTypes.map((t) => t.label),
    accept: allowedFileTypes.map((t) => `.${t.extension},${t.mime}`).join(','),
    types: attachmentTypes.map((t) => ({
      id: t.id,
      label: t.label,
      hint: t.hint,
      required: isAttachmentRequired(t, route, verbund),
      present: list.some((a) => a.doc_type === t.id),
    })),
    files: list.map((a) => ({
      id: a.id,
      type: attachmentTypes.find((t) => t.id === a.doc_type)?.label ?? a.doc_type,
      name: a.file_name,
      sizeKb: Math.max(1, Math.round(a.size_bytes / 1024)),
      uploadedAt: formatDateTime(a.uploaded_at),
      uploadedBy: a.uploaded_by_name,
    })),
  };
}

type UploadError = { field: 'file' | 'docType'; message: string };

/** A refused upload: the messages, and the chosen kind of document so the form keeps it. */
function refuse(uploadErrors: UploadError[], docType: string | null, status: number) {
  return json({ uploadErrors, docType: docType && attachmentTypes.some((t) => t.id === docType) ? docType : null }, { status });
}

async function refreshAfterAttachmentChange(user: CurrentUser, loaded: LoadedApplication, type: string, details: Record<string, unknown>) {
  const db = await getDb();
  const rules = await rulesOptions();
  const context = await stepContextFor(db, loaded.row.id, rules);
  const data = loaded.snapshot.context.data;
  const complete = completeSteps(data, context, Object.keys(loaded.snapshot.context.pending) as never);
  await commit({ ...loaded, context, rules }, loaded.row.version, [{ type: 'data.refresh', data, complete }], {
    userId: user.id,
    type,
    step: 'anlagen',
    details,
  });
}

/**
 * Uploads and removals of the attachments step. `other` answers a form meant for something else
 * (a comment form sent as multipart): it gets the parsed form first and returns null when it is not its own.
 */
export async function attachmentsAction<Other = never>(
  user: CurrentUser,
  loaded: LoadedApplication,
  request: Request,
  other: (form: FormData) => Promise<Other> | null = () => null,
) {
  const db = await getDb();
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    const form = await readProtectedForm(request);
    const id = Number(form.get('attachmentId'));
    const existing = Number.isInteger(id) ? await findAttachment(db, loaded.row.id, id) : undefined;
    if (form.get('intent') === 'remove' && existing && (await removeAttachment(db, loaded.row.id, id))) {
      await refreshAfterAttachmentChange(user, loaded, 'attachment.removed', {
        attachmentId: id,
        docType: existing.doc_type,
        fileName: existing.file_name,
      });
      return redirect(`/antraege/${loaded.row.id}/anlagen?hinweis=entfernt${returnSuffix(request)}`);
    }
    throw new Response('Diese Anlage gibt es nicht (mehr).', { status: 404 });
  }
  let form: FormData;
  try {
    form = await readMultipartForm(request, { maxPartBytes: MAX_ATTACHMENT_BYTES });
  } catch (error) {
    // The kind of document comes before the file in the form: it is kept even when the file behind
    // it is refused for its size.
    const kept = error instanceof PartTooLargeError || error instanceof UnreadableFormError ? error.partial.get('docType') : null;
    const chosenType = typeof kept === 'string' ? kept : null;
    if (error instanceof PartTooLargeError) {
      return refuse(
        [
          {
            field: 'file',
            message:
              'Die Datei ist größer als 10 MB. Bitte verkleinern Sie sie (zum Beispiel als PDF mit geringerer Auflösung) und laden Sie sie erneut hoch.',
          },
        ],
        chosenType,
        413,
      );
    }
    return refuse([{ field: 'file', message: 'Die Datei konnte nicht gelesen werden. Bitte versuchen Sie es erneut.' }], chosenType, 400);
  }
  await assertCsrf(request, form);
  const answered = other(form);
  if (answered) return answered;
  const errors: UploadError[] = [];
  const docType = String(form.get('docType') ?? '');
  if (!attachmentTypes.some((t) => t.id === docType))
    errors.push({ field: 'docType', message: 'Bitte wählen Sie, um welche Unterlage es sich handelt.' });
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) {
    errors.push({ field: 'file', message: 'Bitte wählen Sie eine Datei aus.' });
    return refuse(errors, docType, 400);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectFileType(bytes);
  if (!type) {
    errors.push({
      field: 'file',
      message: `„${file.name}“ ist keine PDF-, JPEG-, PNG-, DOCX- oder ODT-Datei (geprüft wird der Inhalt, nicht nur die Endung). Bitte speichern Sie die Unterlage in einem dieser Formate.`,
    });
  }
  if (errors.length || !type) return refuse(errors, docType, 400);
  const storageKey = randomBytes(24).toString('base64url');
  const files = config.fileStore;
  let row: Awaited<ReturnType<typeof addAttachment>>;
  try {
    await files.put(storageKey, bytes);
    row = await addAttachment(db, {
      application_id: loaded.row.id,
      doc_type: docType,
      file_name: safeFileName(file.name, type.extension),
      mime_type: type.mime,
      size_bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storage_key: storageKey,
      uploaded_by: user.id,
    });
  } catch (error) {
    // A full disk can stop the file half-way or the row after it: leave no file nothing points to.
    await files.remove(storageKey).catch(() => undefined);
    throw error;
  }
  await refreshAfterAttachmentChange(user, loaded, 'attachment.uploaded', {
    attachmentId: row.id,
    docType,
    fileName: row.file_name,
    sizeBytes: row.size_bytes,
  });
  return redirect(`/antraege/${loaded.row.id}/anlagen?hinweis=hochgeladen${returnSuffix(request)}`);
}

/** Keeps "back to Angaben prüfen" (from the form's address) on the page shown after the change. */
function returnSuffix(request: Request): string {
  const target = returnTarget(new URL(request.url).searchParams.get(RETURN_PARAM), ['pruefen'] as const);
  return target ? `&${RETURN_PARAM}=${target}` : '';
}

/** The stored documents of an application as the export and the PDF list them (no file contents). */
export async function storedAttachmentsOf(applicationId: number): Promise<StoredAttachment[]> {
  const rows = await listAttachments(await getDb(), applicationId);
  return rows.map((a) => ({ type: a.doc_type, fileName: a.file_name, sizeBytes: a.size_bytes, sha256: a.sha256 }));
}

async function readAttachmentFile(storageKey: string): Promise<Uint8Array> {
  return config.fileStore.get(storageKey);
}

/**
 * One attachment's file for download by a reader of the application, logged as downloaded;
 * 404 when the application has no such attachment.
 */
export async function downloadAttachment(
  access: Pick<ApplicationAccess, 'user' | 'as' | 'loaded'>,
  attachmentId: number,
): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array }> {
  const { loaded, user, as } = access;
  const db = await getDb();
  const attachment = await findAttachment(db, loaded.row.id, attachmentId);
  if (!attachment) throw new Response('Nicht gefunden', { status: 404 });
  const bytes = await readAttachmentFile(attachment.storage_key);
  await recordApplicationEvent(db, loaded.row.id, loaded.row.version, {
    userId: user.id,
    type: 'attachment.downloaded',
    step: 'anlagen',
    details: { attachmentId: attachment.id, fileName: attachment.file_name, as },
  });
  return { fileName: attachment.file_name, mimeType: attachment.mime_type, bytes };
}
