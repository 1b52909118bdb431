import { describe, expect, it } from 'vitest';
import { refuseBlock, refuseBlockedMessage, withoutBlockers } from '../../machines/netzwerk/blocks';

describe('personal blocks between members (ADR 0074)', () => {
  it('lets a message through when nobody blocked anyone', () => {
    expect(refuseBlockedMessage({ blockedByMe: false, blockedByThem: false })).toBeNull();
  });

  it('refuses a message to a member who blocked the writer, without saying more than that', () => {
    const message = refuseBlockedMessage({ blockedByMe: false, blockedByThem: true });
    expect(message).toBe('Dieses Mitglied möchte keine Nachrichten von Ihnen erhalten. Ihre Nachricht wurde nicht gesendet.');
  });

  it('refuses a message to a member the writer blocked, pointing to where the block is lifted', () => {
    expect(refuseBlockedMessage({ blockedByMe: true, blockedByThem: false })).toMatch(/Heben Sie die Blockierung im Profil/);
    expect(refuseBlockedMessage({ blockedByMe: true, blockedByThem: true })).toMatch(/Sie haben dieses Mitglied blockiert/);
  });

  it('does not let a member block themselves', () => {
    expect(refuseBlock(3, 3)).toBe('Sie können sich nicht selbst blockieren.');
    expect(refuseBlock(3, 4)).toBeNull();
  });

  it('leaves members who blocked the author out of a mention, keeping the others in order', () => {
    const mentioned = [
      { id: 1, userId: 11 },
      { id: 2, userId: 12 },
      { id: 3, userId: 13 },
    ];
    expect(withoutBlockers(mentioned, new Set([2]))).toEqual([
      { id: 1, userId: 11 },
      { id: 3, userId: 13 },
    ]);
    expect(withoutBlockers(mentioned, new Set())).toEqual(mentioned);
  });
});
