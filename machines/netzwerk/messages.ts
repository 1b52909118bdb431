import { z } from 'zod';
import { longText } from '../shared/fields';

/*
 * Direct messages between network members (issue 20 Nr. 4). Pure rules; storage in
 * db/repositories/netzwerk-messages.ts, pages in app/routes/netzwerk.nachrichten*.
 */

export const maxMessageLength = 4000;

export const messageSchema = z.object({
  body: longText('Ihre Nachricht', maxMessageLength, 'Bitte schreiben Sie eine Nachricht.'),
});

/**
 * Posting floods are refused per member: at most this many messages within an hour. Assumption (no
 * source sets a number): generous for a real conversation, small enough to stop a script.
 */
export const messagesPerHour = 30;

export function rateLimitMessage(sentLastHour: number): string | null {
  return sentLastHour >= messagesPerHour
    ? `Sie haben in der letzten Stunde ${messagesPerHour} Nachrichten geschrieben. Bitte warten Sie etwas, bevor Sie die nächste senden; Ihr Text bleibt hier stehen.`
    : null;
}

export interface Party {
  id: number;
  blocked: boolean;
}

/** Why a member may not write to another, or null when they may. */
export function refuseMessage(from: Party, to: Party | null): string | null {
  if (!to || to.blocked) return 'Dieses Mitglied gibt es im Netzwerk nicht (mehr).';
  if (from.blocked) return 'Ihr Zugang zum EBBS-Netzwerk ist gesperrt.';
  if (from.id === to.id) return 'Sie können sich nicht selbst schreiben.';
  return null;
}
