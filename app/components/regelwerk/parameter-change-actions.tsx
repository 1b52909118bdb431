import { Link } from '@remix-run/react';
import { formatDate } from '../../../machines/shared/format';
import type { StoredEffectsView } from '../../regelwerk/parameter-change.server';
import { PostForm } from '../forms';
import { DraftTable } from './change-preview';
import type { ApprovalView } from '../../regelwerk/change-preview.server';
import { ApprovalNote } from './parameter-change-summary';

/** The parts of a parameter change's page: its publish-or-discard buttons, what its publication found, and its rollback. */

export const drafts = (n: number) => (n === 1 ? '1 Entwurf' : `${n} Entwürfe`);

/** A draft's way on: to the approval page, or discarded. */
export function PublishOrDiscard({ id, approval }: { id: number; approval: ApprovalView }) {
  return (
    <>
      <h2>Veröffentlichen oder verwerfen</h2>
      <ApprovalNote approval={approval} />
      <div className="button-row">
        {approval.mayApprove ? (
          <Link to={`/regelwerk/parameter/${id}/freigabe`} className="button">
            {approval.fourEyes ? 'Prüfen und freigeben' : 'Veröffentlichen'}
          </Link>
        ) : null}
        <PostForm>
          <button type="submit" name="intent" value="verwerfen" className="button button--secondary">
            Verwerfen
          </button>
        </PostForm>
      </div>
    </>
  );
}

/** What was found when the change was published. */
export function PublishedEffects({ effects }: { effects: StoredEffectsView }) {
  return (
    <>
      <h2>Was bei der Veröffentlichung festgestellt wurde</h2>
      <p>
        Testsuite: {effects.suite.cases} Fälle, vorher {effects.suite.failedBefore} und nachher {effects.suite.failedAfter} fehlgeschlagen.{' '}
        {drafts(effects.checkedDrafts)} geprüft.
        {effects.unreadableNote ? <> {effects.unreadableNote}</> : null}
      </p>
      <DraftTable caption="Entwürfe, deren Ergebnis sich mit dieser Veröffentlichung ändert" drafts={effects.drafts} />
    </>
  );
}

/** The rollback of a published change, proposed as a new draft. */
export function RollbackForm({ from }: { from: string }) {
  return (
    <>
      <h2>Zurücknehmen</h2>
      <p>
        Eine Rücknahme legt den Wert, der vorher galt, als neuen Entwurf an – ab {formatDate(from)} oder, wenn dieser Tag vorbei ist, ab
        heute. Sie prüfen seine Auswirkungen und veröffentlichen ihn wie jede Änderung.
      </p>
      <PostForm>
        <button type="submit" name="intent" value="zuruecknehmen" className="button button--secondary">
          Rücknahme als Entwurf anlegen
        </button>
      </PostForm>
    </>
  );
}
