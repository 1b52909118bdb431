import { describe, expect, it } from 'vitest';
import { absoluteLink, qualityCheckInvitation, ruleChangeMessages } from '../../app/notification-texts';

const publicUrl = 'https://foerderlotse.example';

const change = {
  applicationId: 42,
  title: 'Bürgerrat Dorfplatz',
  label: 'Höchstbetrag Einzelvorhaben',
  valueText: '5.000 €',
  effectiveFrom: '2027-01-01',
  reference: 'Änderungsrichtlinie',
  verdictBefore: 'Förderfähig',
  verdictAfter: 'Nicht förderfähig',
  reasons: ['Finanzierungsplan ausgeglichen (FRL Teil 1 V): erfüllt → nicht erfüllt'],
};

/** Every link in a text, with the position where it starts. */
const links = (text: string) => [...text.matchAll(/(?:https?:\/\/\S+|(?<![\w/])\/[a-z]\S*)/g)].map((m) => m[0]);

describe('notices of a changed rule', () => {
  it('tell the members about their application, linking to it', () => {
    const { members } = ruleChangeMessages(change, publicUrl);
    expect(members.text).toBe(
      'Ab 01.01.2027 gilt „Höchstbetrag Einzelvorhaben“: 5.000 € (Änderungsrichtlinie). Ihr Antrag „Bürgerrat Dorfplatz“ wäre dann „Nicht förderfähig“ statt „Förderfähig“. Finanzierungsplan ausgeglichen (FRL Teil 1 V): erfüllt → nicht erfüllt',
    );
    expect(members.link).toBe('/antraege/42');
    expect(members.email.body).toContain('Bitte prüfen Sie Ihren Antrag im Förderlotsen: https://foerderlotse.example/antraege/42');
  });

  it('tell advisors in their own words about the application they advise, linking to its advice page', () => {
    const { advisors } = ruleChangeMessages(change, publicUrl);
    expect(advisors.text).toContain(
      'Der Antrag „Bürgerrat Dorfplatz“, den Sie beraten, wäre dann „Nicht förderfähig“ statt „Förderfähig“.',
    );
    expect(advisors.text).not.toContain('Ihr Antrag');
    expect(advisors.link).toBe('/beratung/42');
    expect(advisors.email.subject).toBe('Geänderte Förderregeln betreffen den Antrag „Bürgerrat Dorfplatz“, den Sie beraten');
    expect(advisors.email.body).toContain('Zum Antrag in der Beratung: https://foerderlotse.example/beratung/42');
    expect(advisors.email.body).not.toContain('Ihr Antrag');
  });

  it('every link in their e-mails is absolute', () => {
    const { members, advisors } = ruleChangeMessages(change, `${publicUrl}/`);
    for (const body of [members.email.body, advisors.email.body]) {
      expect(links(body).length).toBeGreaterThan(0);
      for (const link of links(body)) expect(link.startsWith(`${publicUrl}/`), link).toBe(true);
      expect(body).not.toContain('example//');
    }
  });

  it('end without a stray space when no criterion is named', () => {
    expect(ruleChangeMessages({ ...change, reasons: [] }, publicUrl).members.text).toMatch(/statt „Förderfähig“\.$/);
  });
});

describe('the QualitätsCheck invitation', () => {
  it('links to the check with the public address in the e-mail and with a path in the app', () => {
    const invitation = qualityCheckInvitation(
      { inviter: 'Sabine Krause', title: '„Bürgerrat“', path: '/qualitaetscheck/abc123' },
      publicUrl,
    );
    expect(invitation.text).toBe('Sabine Krause lädt Sie zum QualitätsCheck „Bürgerrat“ ein.');
    expect(invitation.link).toBe('/qualitaetscheck/abc123');
    expect(invitation.email.body).toContain('Zum QualitätsCheck: https://foerderlotse.example/qualitaetscheck/abc123');
    expect(links(invitation.email.body)).toEqual(['https://foerderlotse.example/qualitaetscheck/abc123']);
  });

  it('absolute links do not double the slash of a public address that ends with one', () => {
    expect(absoluteLink('https://foerderlotse.example/', '/beratung/1')).toBe('https://foerderlotse.example/beratung/1');
  });
});
