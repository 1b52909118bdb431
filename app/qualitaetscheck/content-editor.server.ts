import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from '@remix-run/node';
import { countChecksByContentVersion, listContentVersions, publishContentVersion } from '../../db/repositories/quality-checks';
import { contentEditorSchema } from '../../machines/qualitaetscheck/form';
import { parseQualityCheckContent, suggestionKindLabel } from '../../machines/qualitaetscheck/schema';
import {
  currentOf,
  describeContentChange,
  nextVersionLabel,
  perspectiveList,
  publishProblems,
  questionCounts,
} from '../../machines/qualitaetscheck/versions';
import { formatDate, formatDateTime } from '../../machines/shared/format';
import { getDb } from '../db.server';
import { contentArchive, forgetContentArchive } from './quality-check.server';
import { todayInSaxony } from '../rules.server';
import type { CurrentUser } from '../session.server';

/** New versions of the QualitätsCheck's criteria and statements (/qualitaetscheck/inhalte, ADR 0016). */

/** EBBS advisors and ministry staff maintain the content. */
export const contentEditors = ['advisor', 'ministry'] as const;

/** The editor for `url` (its `veroeffentlicht` notice); the caller has checked the role. */
export async function contentEditorPage(url: URL) {
  const db = await getDb();
  const [archive, stored, usage] = await Promise.all([contentArchive(), listContentVersions(db), countChecksByContentVersion(db)]);
  const current = currentOf(archive);
  const storedByVersion = new Map(stored.map((s) => [s.version, s]));
  const next = nextVersionLabel(
    archive.map((c) => c.version),
    todayInSaxony(),
  );
  return {
    current: {
      version: current.version,
      publishedOn: formatDate(current.publishedOn),
      counts: questionCounts(current),
      criteria: current.criteria.map((c) => ({
        id: c.id,
        title: c.title,
        explanation: c.explanation,
        questions: c.questions.map((q) => ({ id: q.id, text: q.text, perspectives: perspectiveList(q.perspectives) })),
        suggestions: c.suggestions.map((s) => ({ id: s.id, kind: suggestionKindLabel[s.kind], text: s.text })),
      })),
    },
    versions: [...archive].reverse().map((c) => {
      const row = storedByVersion.get(c.version);
      return {
        version: c.version,
        publishedAt: row ? formatDateTime(row.published_at) : formatDate(c.publishedOn),
        by: row ? (row.published_by_name ?? 'unbekannt') : 'im Programm enthalten',
        note: row?.note ?? 'Erste Fassung',
        checks: usage[c.version] ?? 0,
      };
    }),
    // The starting point for a new version: the current one with the next label.
    draft: JSON.stringify({ ...current, version: next, publishedOn: todayInSaxony() }, null, 2),
    nextVersion: next,
    published: url.searchParams.get('veroeffentlicht'),
  };
}

export async function publishContent(user: CurrentUser, formData: FormData) {
  const submission = parseWithZod(formData, { schema: contentEditorSchema });
  if (submission.status !== 'success') return data({ result: submission.reply(), change: null }, { status: 400 });
  const parsed = parseQualityCheckContent(submission.value.content);
  const archive = await contentArchive();
  const problems = parsed.ok ? publishProblems(parsed.content, archive) : parsed.errors;
  if (!parsed.ok || problems.length) {
    return data({ result: submission.reply({ fieldErrors: { content: problems } }), change: null }, { status: 400 });
  }
  if (formData.get('intent') !== 'veroeffentlichen') {
    return { result: submission.reply(), change: describeContentChange(currentOf(archive), parsed.content) };
  }
  const published = await publishContentVersion(await getDb(), { json: parsed.content, note: submission.value.note, userId: user.id });
  if (!published.ok)
    return data({ result: submission.reply({ fieldErrors: { content: published.errors } }), change: null }, { status: 400 });
  forgetContentArchive();
  return redirect(`/qualitaetscheck/inhalte?veroeffentlicht=${encodeURIComponent(published.content.version)}`);
}
