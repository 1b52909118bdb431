import { Link } from '@remix-run/react';
import type { ApprovalView, ParameterChangeView } from '../../regelwerk/change-preview.server';
import { formatDate } from '../../../machines/shared/format';
import { changeStatusLabel } from './changes';

/** What a parameter change sets, who proposed it and who decided it. */
export function ParameterChangeSummary({ change: c, approval }: { change: ParameterChangeView; approval: ApprovalView }) {
  return (
    <dl className="summary-list">
      <div>
        <dt>Status</dt>
        <dd>
          {changeStatusLabel(c.status)}
          {c.publication ? ` (Veröffentlichung Nr. ${c.publication})` : ''}
          {approval.pending && approval.fourEyes ? ' – wartet auf Freigabe durch eine zweite Person des Ministeriums' : ''}
        </dd>
      </div>
      <div>
        <dt>Parameter</dt>
        <dd>
          {c.label} <code>{c.parameterId}</code>
        </dd>
      </div>
      {c.before ? (
        <div>
          <dt>Bisher an diesem Tag</dt>
          <dd>
            {c.before.value} ({c.before.reference}, gültig ab {formatDate(c.before.from)})
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Neuer Wert</dt>
        <dd>{c.value}</dd>
      </div>
      <div>
        <dt>Gilt ab</dt>
        <dd>{formatDate(c.from)}</dd>
      </div>
      <div>
        <dt>Fundstelle</dt>
        <dd>{c.reference}</dd>
      </div>
      {c.note ? (
        <div>
          <dt>Bemerkung</dt>
          <dd>{c.note}</dd>
        </div>
      ) : null}
      {c.assumption ? (
        <div>
          <dt>Annahme</dt>
          <dd>
            <span className="tag tag--blue">Annahme</span> {c.assumption}
          </dd>
        </div>
      ) : null}
      {c.rollsBack ? (
        <div>
          <dt>Nimmt zurück</dt>
          <dd>
            <Link to={`/regelwerk/parameter/${c.rollsBack}`}>Änderung Nr. {c.rollsBack}</Link>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Angelegt</dt>
        <dd>
          {c.createdAt} von {c.createdBy}
        </dd>
      </div>
      {c.decidedAt ? (
        <div>
          <dt>{c.status === 'veroeffentlicht' ? 'Veröffentlicht' : 'Verworfen'}</dt>
          <dd>
            {c.decidedAt} von {c.decidedBy ?? 'unbekannt'}
            {approval.mode ? `, ${approval.mode}` : ''}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Who may publish this proposal, in a sentence for the person looking at it. */
export function ApprovalNote({ approval }: { approval: ApprovalView }) {
  if (!approval.pending) return null;
  if (approval.refusal) {
    return (
      <div className="notice" role="note">
        <p>
          {approval.refusal} Die Kolleginnen und Kollegen des Ministeriums wurden benachrichtigt. Verwerfen können Sie die Änderung selbst.
        </p>
      </div>
    );
  }
  if (!approval.fourEyes) {
    return (
      <p>
        In dieser Installation ist das Vier-Augen-Prinzip abgeschaltet: Sie veröffentlichen allein, nachdem Sie die Auswirkungen auf der
        Bestätigungsseite noch einmal gesehen haben.
      </p>
    );
  }
  return (
    <p>
      Angelegt von {approval.proposer}. Nach dem Vier-Augen-Prinzip geben Sie als zweite Person die Änderung frei; auf der Bestätigungsseite
      sehen Sie die Auswirkungen noch einmal, bevor sie veröffentlicht wird.
    </p>
  );
}
