import { hintsOf, questionsFromApplication } from '../../db/repositories/netzwerk-context';
import { getDb } from '../db.server';

/**
 * A draft's links to the EBBS network (issue 20 Nr. 6, ADR 0075), as the applicant's pages show
 * them: the questions a member asked from it, and the advisors' pointers to threads.
 */

/** The questions the member asked from this draft. */
export async function networkQuestionsOf(applicationId: number, memberId: number) {
  return questionsFromApplication(await getDb(), applicationId, memberId);
}

/** The advisors' pointers from this draft to network threads. */
export async function threadHintsOf(applicationId: number) {
  return hintsOf(await getDb(), applicationId);
}
