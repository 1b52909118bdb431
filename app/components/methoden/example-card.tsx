import type { ExampleCard as Card } from '../../methoden/methoden.server';

/**
 * Shown on document pages only (ADR 0056), which React never hydrates: a plain link is what the
 * browser gets either way, without the router's work per card on the server (ADR 0111).
 */
export function ExampleCard({ example, headingLevel = 2 }: { example: Card; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card">
      <Heading>
        <a href={`/beispiele/${example.slug}`}>{example.title}</a>
      </Heading>
      {example.fictional ? (
        <p>
          <span className="tag tag--yellow">Erfundenes Demo-Beispiel</span>
        </p>
      ) : null}
      <p>{example.summary}</p>
      <p className="hint">
        {example.place} · {example.organisation} · {example.year} · {example.budget}
      </p>
    </li>
  );
}
