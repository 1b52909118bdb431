import { Link } from '@remix-run/react';
import { Section } from '../antrag/common';

export interface CostSuggestionView {
  key: string;
  methodName: string;
  methodSlug: string;
  label: string;
  categoryLabel: string;
  why: string;
}

/**
 * Cost lines the chosen methods typically need. Each button posts `suggest:lines:<key>` with the
 * whole step form, so what was typed is kept; the new line has no amount – that stays the applicant's.
 */
export function CostSuggestions({ suggestions }: { suggestions: CostSuggestionView[] }) {
  if (suggestions.length === 0) return null;
  return (
    <Section
      id="vorschlaege"
      title="Vorschläge aus Ihren Beteiligungsformaten"
      hint="Diese Ausgaben fallen bei den gewählten Methoden häufig an. Übernehmen Sie nur, was Sie wirklich brauchen; den Betrag tragen Sie selbst ein."
    >
      <ul className="plain-list">
        {suggestions.map((s) => (
          <li key={s.key} className="card">
            <p>
              <strong>{s.label}</strong> ({s.categoryLabel}) – aus <Link to={`/methoden/${s.methodSlug}`}>{s.methodName}</Link>
            </p>
            <p className="hint">{s.why}</p>
            <button
              type="submit"
              name="intent"
              value={`suggest:lines:${s.key}`}
              className="button button--secondary button--small"
              formNoValidate
            >
              Als Ausgabe übernehmen<span className="visually-hidden">: {s.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
