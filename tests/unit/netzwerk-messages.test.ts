import { describe, expect, it } from 'vitest';
import { messageSchema, messagesPerHour, rateLimitMessage, refuseMessage } from '../../machines/netzwerk/messages';

describe('direct messages in the network (issue 20 Nr. 4)', () => {
  it('refuses writing to oneself, to a missing or blocked member, and from a blocked member', () => {
    const me = { id: 1, blocked: false };
    expect(refuseMessage(me, { id: 2, blocked: false })).toBeNull();
    expect(refuseMessage(me, me)).toBe('Sie können sich nicht selbst schreiben.');
    expect(refuseMessage(me, null)).toBe('Dieses Mitglied gibt es im Netzwerk nicht (mehr).');
    expect(refuseMessage(me, { id: 2, blocked: true })).toBe('Dieses Mitglied gibt es im Netzwerk nicht (mehr).');
    expect(refuseMessage({ id: 1, blocked: true }, { id: 2, blocked: false })).toBe('Ihr Zugang zum EBBS-Netzwerk ist gesperrt.');
  });

  it('limits a member to a number of messages per hour, with a German message', () => {
    expect(rateLimitMessage(messagesPerHour - 1)).toBeNull();
    expect(rateLimitMessage(messagesPerHour)).toMatch(/^Sie haben in der letzten Stunde 30 Nachrichten geschrieben/);
  });

  it('needs a text of at most 4.000 characters; line breaks are kept', () => {
    const ok = messageSchema.safeParse({ body: 'Hallo,\n\nwie war Ihr Bürgerrat?' });
    expect(ok.success && ok.data.body).toBe('Hallo,\n\nwie war Ihr Bürgerrat?');
    const empty = messageSchema.safeParse({ body: '   ' });
    expect(empty.success ? [] : empty.error.issues.map((i) => i.message)).toEqual(['Bitte schreiben Sie eine Nachricht.']);
    const long = messageSchema.safeParse({ body: 'x'.repeat(4001) });
    expect(long.success ? [] : long.error.issues.map((i) => i.message)).toEqual([
      'Bitte kürzen Sie Ihre Nachricht auf höchstens 4.000 Zeichen (eingegeben: 4.001).',
    ]);
  });
});
