import type { MethodCard as Card } from '../../methoden/methoden.server';

const fundingTag: Record<string, string> = {
  foerderfaehig: 'tag tag--green',
  'nur-verfahren': 'tag tag--yellow',
  'mit-begruendung': 'tag tag--yellow',
  ausgeschlossen: 'tag tag--red',
};

/**
 * Shown on document pages only (ADR 0056), which React never hydrates: a plain link is what the
 * browser gets either way, without the router's work per card on the server (ADR 0111).
 */
export function MethodCard({
  method,
  headingLevel = 2,
  extra,
  query = '',
}: {
  method: Card;
  headingLevel?: 2 | 3;
  extra?: React.ReactNode;
  query?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card method-card">
      <Heading>
        <a href={`/methoden/${method.slug}${query}`}>{method.name}</a>
      </Heading>
      <p>{method.summary}</p>
      <p>
        <span className={fundingTag[method.funding]}>{method.fundingLabel}</span> <span className="tag tag--blue">{method.level}</span>
      </p>
      <dl className="method-card__facts">
        <div>
          <dt>Form</dt>
          <dd>{method.modes}</dd>
        </div>
        <div>
          <dt>Gruppe</dt>
          <dd>{method.groupSize}</dd>
        </div>
        <div>
          <dt>Treffen</dt>
          <dd>{method.meetings}</dd>
        </div>
        <div>
          <dt>Typische Kosten</dt>
          <dd>{method.cost}</dd>
        </div>
      </dl>
      {extra}
    </li>
  );
}
