import { Link } from '@remix-run/react';
import type { Perspective } from '../../../machines/qualitaetscheck/schema';
import type { CombinedProfile } from '../../../machines/qualitaetscheck/scoring';
import { formatDate } from '../../../machines/shared/format';
import { CombinedProfileView } from './combined-profile';

/** What a reader of a draft needs about one attached QualitätsCheck (JSON-safe, for loaders). */
export interface AttachedQualityCheck {
  id: string;
  /** The project's name as given when the check was started; may be empty. */
  title: string;
  contentVersion: string;
  /** Where the whole check can be read (advisors: read-only). */
  link: string;
  attachedAt: string;
  attachedByName: string | null;
  /** "2 Personen: Verwaltung 1, Zivilgesellschaft 1" */
  respondentsText: string;
  respondents: Array<{ perspective: Perspective; perspectiveLabel: string; answered: number; total: number }>;
  combined: CombinedProfile;
}

/**
 * A compact view of an attached check: who answered, the combined profile as chart and table,
 * where perspectives differ, and a link to the whole check. `id` must be unique on the page.
 */
export function AttachedQualityCheckSummary({ check, headingLevel = 3 }: { check: AttachedQualityCheck; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = `qc-${check.id}`;
  return (
    <section className="qc-attached" aria-labelledby={`${id}-titel`}>
      <Heading id={`${id}-titel`}>QualitätsCheck{check.title ? `: ${check.title}` : ''}</Heading>
      <p className="hint">
        Fassung {check.contentVersion} · {check.respondentsText} · beigefügt am {formatDate(check.attachedAt)}
        {check.attachedByName ? ` von ${check.attachedByName}` : ''}
      </p>
      {check.combined.respondents > 0 ? (
        <CombinedProfileView combined={check.combined} id={id} headingLevel={headingLevel === 2 ? 3 : 4} />
      ) : (
        <p>Es liegen noch keine Antworten vor.</p>
      )}
      <p>
        <Link to={check.link}>QualitätsCheck{check.title ? ` „${check.title}“` : ''} vollständig ansehen</Link>
      </p>
    </section>
  );
}
