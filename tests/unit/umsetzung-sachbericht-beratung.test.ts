import { describe, expect, it } from 'vitest';
import {
  applyProofReviewEvent,
  commentsFromForm,
  proofReviewRefusal,
  proofReviewStatusOf,
  restoreProofReview,
  type ProofReviewActor,
  type ProofReviewEvent,
  type ProofReviewSnapshot,
} from '../../machines/umsetzung/sachbericht-beratung';

const member: ProofReviewActor = { role: 'applicant', userId: 10, member: true };
const stranger: ProofReviewActor = { role: 'applicant', userId: 11, member: false };
const advisorA: ProofReviewActor = { role: 'advisor', userId: 20, member: false };
const advisorB: ProofReviewActor = { role: 'advisor', userId: 21, member: false };
const ministry: ProofReviewActor = { role: 'ministry', userId: 30, member: false };
const at = '2026-12-05T08:00:00.000Z';

function run(events: ProofReviewEvent[]): ProofReviewSnapshot {
  let s = restoreProofReview(null);
  for (const e of events) {
    const r = applyProofReviewEvent(s, e);
    if (!r.accepted) throw new Error(`refused: ${e.type}`);
    // Every step goes through the stored form, as on the server.
    s = restoreProofReview(JSON.stringify(r.persisted));
  }
  return s;
}

const ask = (actor = member, message = ''): ProofReviewEvent => ({ type: 'anfragen', actor, at, message });
const take = (actor = advisorA): ProofReviewEvent => ({ type: 'uebernehmen', actor, at });
const answer = (actor = advisorA, note = 'Bitte ergänzen Sie die Zahlen.', comments = {}): ProofReviewEvent => ({
  type: 'rueckmelden',
  actor,
  at,
  note,
  comments,
});

describe('EBBS review of a Sachbericht (issue 19 Nr. 5)', () => {
  it('runs ask → take → answer → ask again, keeping the feedback', () => {
    const s = run([ask(member, 'Frage 5?'), take(), answer(advisorA, 'Schlüssig, aber ohne Zahlen.', { bewertung: 'Rücklaufquote?' })]);
    expect(proofReviewStatusOf(s)).toBe('rueckmeldung');
    expect(s.context.feedback).toMatchObject({
      advisorId: 20,
      note: 'Schlüssig, aber ohne Zahlen.',
      comments: { bewertung: 'Rücklaufquote?' },
    });
    const again = run([ask(), take(), answer(), ask(member, 'Überarbeitet')]);
    expect(proofReviewStatusOf(again)).toBe('angefragt');
    expect(again.context.feedback?.note).toBe('Bitte ergänzen Sie die Zahlen.');
    expect(again.context.message).toBe('Überarbeitet');
    expect(again.context.history.map((h) => h.to)).toEqual(['angefragt', 'in_beratung', 'rueckmeldung', 'angefragt']);
  });

  it('lets only members ask and withdraw, only advisors take, only the one who took it answer', () => {
    const fresh = restoreProofReview(null);
    expect(applyProofReviewEvent(fresh, ask(stranger)).accepted).toBe(false);
    expect(applyProofReviewEvent(fresh, ask(advisorA)).accepted).toBe(false);
    const asked = run([ask()]);
    expect(applyProofReviewEvent(asked, take(ministry)).accepted).toBe(false);
    expect(applyProofReviewEvent(asked, take(member)).accepted).toBe(false);
    expect(applyProofReviewEvent(asked, answer()).accepted).toBe(false); // not taken yet
    const taken = run([ask(), take(advisorA)]);
    expect(applyProofReviewEvent(taken, take(advisorB)).accepted).toBe(false);
    expect(proofReviewRefusal(taken, take(advisorB))).toContain('inzwischen eine andere Beraterin');
    expect(applyProofReviewEvent(taken, answer(advisorB)).accepted).toBe(false);
    expect(applyProofReviewEvent(taken, { type: 'zuruecknehmen', actor: stranger, at }).accepted).toBe(false);
    const withdrawn = run([ask(), take(), { type: 'zuruecknehmen', actor: member, at }]);
    expect(proofReviewStatusOf(withdrawn)).toBe('keine');
    expect(withdrawn.context.advisorId).toBeNull();
  });

  it('refuses a note under 10 characters and remarks on unknown questions or over 2.000 characters', () => {
    const taken = run([ask(), take()]);
    expect(applyProofReviewEvent(taken, answer(advisorA, '  kurz    ')).accepted).toBe(false);
    expect(proofReviewRefusal(taken, answer(advisorA, 'kurz'))).toContain('mindestens 10');
    expect(applyProofReviewEvent(taken, answer(advisorA, '1234567890')).accepted).toBe(true);
    expect(applyProofReviewEvent(taken, answer(advisorA, 'Gut lesbar, danke.', { unbekannt: 'x' })).accepted).toBe(false);
    expect(applyProofReviewEvent(taken, answer(advisorA, 'Gut lesbar, danke.', { ziele: 'x'.repeat(2000) })).accepted).toBe(true);
    expect(applyProofReviewEvent(taken, answer(advisorA, 'Gut lesbar, danke.', { ziele: 'x'.repeat(2001) })).accepted).toBe(false);
  });

  it('refuses a message over 1.000 characters when asking', () => {
    const fresh = restoreProofReview(null);
    expect(applyProofReviewEvent(fresh, ask(member, 'x'.repeat(1000))).accepted).toBe(true);
    expect(applyProofReviewEvent(fresh, ask(member, 'x'.repeat(1001))).accepted).toBe(false);
    expect(proofReviewRefusal(fresh, ask(member, 'x'.repeat(1001)))).toContain('höchstens 1.000 Zeichen');
  });

  it('starts afresh from an unreadable stored snapshot', () => {
    expect(proofReviewStatusOf(restoreProofReview('{"value":"gibt-es-nicht","context":{}}'))).toBe('keine');
    expect(proofReviewStatusOf(restoreProofReview('kein json'))).toBe('keine');
  });

  it('reads remarks per question from the form, leaving empty ones out', () => {
    const form: Record<string, string> = { 'comment.ziele': '  Klar. ', 'comment.bewertung': '   ', 'comment.fremd': 'nein' };
    expect(commentsFromForm((n) => form[n] ?? '')).toEqual({ ziele: 'Klar.' });
  });
});
