import { z } from 'zod';
import { attachmentTypes, isAttachmentRequired } from '../catalogues';
import type { ApplicationData } from './schema';

/**
 * The enclosures of an application (Anlagenverzeichnis): the form's own annexes, the documents
 * stored with the draft, and the documents the directive asks for that are not there yet. The
 * application PDF lists them and refers to them by number where the form speaks of a document.
 */

/** A stored attachment as the export and the PDF know it: metadata only, never the file. */
export const storedAttachmentSchema = z.strictObject({
  type: z.string().min(1).max(60),
  fileName: z.string().min(1).max(200),
  sizeBytes: z
    .number()
    .int()
    .nonnegative()
    .max(100 * 1024 * 1024),
  /** SHA-256 of the file, hex: lets the Bewilligungsbehörde check that a file is the one listed. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type StoredAttachment = z.output<typeof storedAttachmentSchema>;

export interface Enclosure {
  /** "Anlage 4"; null for a required document that is missing. */
  number: number | null;
  title: string;
  /** File name, type and size, or why the document is needed. */
  detail: string;
  /** The attachment type (catalogue id) for uploaded and missing documents. */
  type: string | null;
}

/** The annexes the form itself carries, in their fixed order (Anlage 1–3). */
export const formAnnexes = [
  { title: 'Vorhabenbeschreibung', detail: 'Teil dieses Antrags' },
  { title: 'Ausgaben- und Finanzierungsplan', detail: 'Teil dieses Antrags' },
  { title: 'Ergebnis der Förderprüfung (Förderlotse)', detail: 'Teil dieses Antrags; unverbindliche Selbstprüfung' },
] as const;

const fileKind = (name: string) => (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? 'Datei').toUpperCase();
const sizeText = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`;
const typeLabel = (type: string) => attachmentTypes.find((t) => t.id === type)?.label ?? type;

export interface EnclosureOptions {
  /** QualitätsCheck profiles appended to the PDF (one annex). */
  qualityChecks: number;
}

/**
 * Numbers the enclosures: the form's annexes 1–3, then the stored documents in the catalogue's
 * order (then in upload order), then the QualitätsCheck annex; required documents that are
 * missing follow without a number.
 */
export function enclosuresOf(data: ApplicationData, attachments: readonly StoredAttachment[], options: EnclosureOptions): Enclosure[] {
  const list: Enclosure[] = formAnnexes.map((annex, i) => ({ number: i + 1, title: annex.title, detail: annex.detail, type: null }));
  const rank = (type: string) => {
    const index = attachmentTypes.findIndex((t) => t.id === type);
    return index < 0 ? attachmentTypes.length : index;
  };
  const stored = attachments.map((a, order) => ({ a, order })).sort((x, y) => rank(x.a.type) - rank(y.a.type) || x.order - y.order);
  for (const { a } of stored) {
    list.push({
      number: list.length + 1,
      title: typeLabel(a.type),
      detail: `${a.fileName} (${fileKind(a.fileName)}, ${sizeText(a.sizeBytes)}; SHA-256 ${a.sha256.slice(0, 16)}…)`,
      type: a.type,
    });
  }
  if (options.qualityChecks > 0) {
    list.push({
      number: list.length + 1,
      title: 'QualitätsCheck Beteiligung (Selbsteinschätzung)',
      detail: 'Teil dieses Dokuments, gemeinsames Profil',
      type: null,
    });
  }
  // As the Anlagen step of the wizard decides what is required.
  const route = data.project.route;
  const verbund = data.applicant.isVerbund === true;
  for (const type of attachmentTypes) {
    if (!isAttachmentRequired(type, route, verbund) || attachments.some((a) => a.type === type.id)) continue;
    list.push({ number: null, title: type.label, detail: `noch nicht beigefügt – ${type.hint}`, type: type.id });
  }
  return list;
}

/** "Anlage 5" for the first enclosure of a type, or null when none is attached. */
export function enclosureReference(enclosures: readonly Enclosure[], type: string): string | null {
  const found = enclosures.find((e) => e.type === type && e.number !== null);
  return found ? `Anlage ${found.number}` : null;
}
