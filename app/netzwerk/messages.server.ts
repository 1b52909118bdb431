import type { Member } from '../../db/repositories/netzwerk';
import { blockBetween } from '../../db/repositories/netzwerk-blocks';
import {
  type ConversationSummary,
  conversation,
  conversations,
  markRead,
  sentSince,
  storeMessage,
} from '../../db/repositories/netzwerk-messages';
import { notify } from '../../db/repositories/advice';
import type { NetworkMessageRow } from '../../db/schema';
import { refuseBlockedMessage } from '../../machines/netzwerk/blocks';
import { rateLimitMessage } from '../../machines/netzwerk/messages';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { absoluteLink } from '../notification-texts';

/**
 * Direct messages between members (issue 20 Nr. 4; personal blocks ADR 0074): the list of
 * conversations, one conversation (opening it marks it read) and sending, which tells the addressee.
 */

/** A member's conversations, the latest first. */
export async function conversationsOf(memberId: number): Promise<ConversationSummary[]> {
  return conversations(await getDb(), memberId);
}

/** The messages between two members; the other's messages count as read from now on. */
export async function openConversation(self: Member, other: Member): Promise<NetworkMessageRow[]> {
  const db = await getDb();
  const messages = await conversation(db, self.id, other.id);
  await markRead(db, self.id, other.id);
  return messages;
}

/** Why a message may not be sent now: a personal block (403, nothing reaches the blocker), or null. */
export async function blockedMessage(self: Member, other: Member): Promise<string | null> {
  return refuseBlockedMessage(await blockBetween(await getDb(), self.id, other.id));
}

/** The flood limit: a refusal when the member sent too many messages in the last hour, or null. */
export async function messageFlood(self: Member): Promise<string | null> {
  return rateLimitMessage(await sentSince(await getDb(), self.id, new Date(Date.now() - 3_600_000)));
}

/** Stores a message and tells the addressee (notification and e-mail), in one transaction. */
export async function sendMessage(self: Member, other: Member, body: string): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    await storeMessage(trx, self.id, other.id, body);
    const link = `/netzwerk/nachrichten/${self.id}`;
    await notify(trx, {
      userIds: [other.userId],
      applicationId: null,
      kind: 'netzwerk.nachricht',
      text: `Neue Nachricht im EBBS-Netzwerk von ${self.displayName}`,
      link,
      email: {
        subject: `Neue Nachricht im EBBS-Netzwerk von ${self.displayName}`,
        body: `Guten Tag,\n\n${self.displayName} hat Ihnen im EBBS-Netzwerk geschrieben. Die Nachricht lesen und beantworten Sie hier:\n${absoluteLink(config.publicUrl, link)}\n\nFörderlotse Bürgerbeteiligung`,
      },
    });
  });
}
