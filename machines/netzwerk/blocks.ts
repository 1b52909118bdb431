/*
 * Personal blocks between network members (issue 20 Nr. 4 and "bad input and abuse", ADR 0074).
 * Not the moderators' site-wide block (`Member.blocked`): a member stops hearing from one other
 * member. Pure rules; storage in db/repositories/netzwerk-blocks.ts.
 */

/** Which way a block stands between the writer and the addressee of a message. */
export interface BlockBetween {
  /** The addressee has blocked the writer. */
  blockedByThem: boolean;
  /** The writer has blocked the addressee (they could not answer, so the writer may not write either). */
  blockedByMe: boolean;
}

/**
 * Why a message may not be sent because of a personal block, or null. The blocked member learns only
 * that this member takes no messages from them: not since when, nor anything else (ADR 0074).
 */
export function refuseBlockedMessage(between: BlockBetween): string | null {
  if (between.blockedByMe)
    return 'Sie haben dieses Mitglied blockiert. Heben Sie die Blockierung im Profil des Mitglieds auf, wenn Sie ihm schreiben möchten.';
  if (between.blockedByThem) return 'Dieses Mitglied möchte keine Nachrichten von Ihnen erhalten. Ihre Nachricht wurde nicht gesendet.';
  return null;
}

/** Why a member may not block another, or null when they may. */
export function refuseBlock(selfId: number, otherId: number): string | null {
  return selfId === otherId ? 'Sie können sich nicht selbst blockieren.' : null;
}

/** The mentioned members who hear of it: those who blocked the author are left out (ADR 0074). */
export function withoutBlockers<T extends { id: number }>(mentioned: readonly T[], blockersOfAuthor: ReadonlySet<number>): T[] {
  return mentioned.filter((m) => !blockersOfAuthor.has(m.id));
}
