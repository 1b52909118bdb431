import type { QuestionId } from '../../../machines/frl/foerdercheck/questions';

/**
 * The "Zwischenstand" beside a Förder-Check question. The server renders it hidden; with JavaScript,
 * public/js/enhance.js shows it and fills it as the user answers, from /foerdercheck/vorschau (the
 * same machine and rules as "Weiter", nothing saved). Without JavaScript it stays hidden: "Weiter"
 * is the way, and the server stays the authority.
 */
export function LivePreview({ formId, question }: { formId: string; question: QuestionId }) {
  return (
    <aside
      className="live-preview"
      aria-labelledby="live-preview-title"
      hidden
      data-live-preview={formId}
      data-question={question}
      data-endpoint="/foerdercheck/vorschau"
    >
      <h2 id="live-preview-title" className="heading-small">
        Zwischenstand
      </h2>
      <div aria-live="polite">
        <p>Sobald Sie die Frage beantwortet haben, sehen Sie hier, was Ihre Antwort bedeutet.</p>
      </div>
    </aside>
  );
}
