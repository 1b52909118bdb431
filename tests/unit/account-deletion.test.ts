import { parseWithZod } from '@conform-to/zod/v4';
import { describe, expect, it } from 'vitest';
import { accountDeletionSchema, deletionRefusal, formerAccountEmail } from '../../machines/shared/account-deletion';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return parseWithZod(data, { schema: accountDeletionSchema });
};

describe('deleting one’s own account (ADR 0074)', () => {
  it('lets an applicant go whose organisation has no applications, or has colleagues to keep them', () => {
    expect(deletionRefusal({ role: 'applicant', organisationApplications: 0, otherActiveMembers: 0 })).toBeNull();
    expect(deletionRefusal({ role: 'applicant', organisationApplications: 3, otherActiveMembers: 1 })).toBeNull();
  });

  it('refuses the last person of an organisation with applications, naming what would be lost and what to do', () => {
    const one = deletionRefusal({ role: 'applicant', organisationApplications: 1, otherActiveMembers: 0 });
    expect(one).toMatch(/einzige Person Ihrer Organisation/);
    expect(one).toMatch(/einen Antrag/);
    expect(one).toMatch(/Kollegin oder einen Kollegen/);
    expect(deletionRefusal({ role: 'applicant', organisationApplications: 2, otherActiveMembers: 0 })).toMatch(/2 Anträge/);
  });

  it('sends staff accounts to the administration', () => {
    for (const role of ['advisor', 'ministry', 'admin'] as const)
      expect(deletionRefusal({ role, organisationApplications: 0, otherActiveMembers: 5 })).toMatch(/Administration/);
  });

  it('asks for the password and the ticked confirmation, in German', () => {
    const empty = form({});
    expect(empty.status).toBe('error');
    expect(empty.reply().error?.password).toEqual(['Bitte geben Sie Ihr Passwort ein, um die Löschung zu bestätigen.']);
    expect(empty.reply().error?.confirm).toEqual(['Bitte bestätigen Sie, dass Ihr Konto endgültig gelöscht werden soll.']);
    expect(form({ password: 'geheim', confirm: 'ja' }).status).toBe('error');
    expect(form({ password: 'geheim', confirm: 'on' }).status).toBe('success');
  });

  it('gives the anonymised row an address that can never receive mail', () => {
    expect(formerAccountEmail(42)).toBe('geloescht-42@konto.invalid');
  });
});
