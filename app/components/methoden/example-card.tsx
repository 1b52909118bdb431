import { Link } from '@remix-run/react';
import type { ExampleCard as Card } from '../../methoden/methoden.server';

export function ExampleCard({ example, headingLevel = 2 }: { example: Card; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card">
      <Heading>
        <Link to={`/beispiele/${example.slug}`}>{example.title}</Link>
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
