import { stepInfo, type EditableStep } from '../../../machines/frl/application/steps';
import type { CommentFormError, ThreadView } from '../../beratung/comments.server';
import { CommentThreads, NewCommentForm } from './comments';

/** The comment threads under one section of the draft on the advisor's page, and the form for a new one. */
export function CommentSection({
  step,
  threads,
  assigned,
  anchors,
  error,
}: {
  step: EditableStep;
  threads: ThreadView[];
  assigned: boolean;
  anchors: Array<{ value: string; label: string }>;
  error: CommentFormError['commentError'] | null;
}) {
  const open = threads.filter((t) => !t.resolved).length;
  return (
    <div className="comments">
      <h4 className="heading-small">
        Kommentare zu „{stepInfo[step].title}“{threads.length ? ` (${open} offen)` : ''}
      </h4>
      {threads.length ? (
        <CommentThreads threads={threads} formId={null} placeHref={() => null} mayReply={assigned} error={error} headingLevel={4} />
      ) : null}
      {assigned ? (
        <details key={threads.length} className="details" open={error?.form === `neu-${step}` || undefined}>
          <summary>
            Kommentar schreiben<span className="visually-hidden"> zu {stepInfo[step].title}</span>
          </summary>
          <NewCommentForm step={step} anchors={anchors} error={error} advisor idPrefix="beratung" />
        </details>
      ) : null}
    </div>
  );
}
