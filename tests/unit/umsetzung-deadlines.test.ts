import { describe, expect, it } from 'vitest';
import { deadlinesToIcs } from '../../app/umsetzung/deadlines-ics';
import { bescheidSchema } from '../../machines/umsetzung/bescheid';
import { implementationDeadlines } from '../../machines/umsetzung/deadlines';
import { implementationParameters } from '../../machines/umsetzung/parameters';
import { storedBescheid } from '../support/umsetzung';

// Issue 19 Nr. 6: the due dates after the Bescheid, with their clauses, and as a calendar file.
// The fixture's Bescheid: received 10.03.2026, approval period 01.04.2026–31.03.2027.

const facts = (part: 'A' | 'B', extra: Partial<Parameters<typeof implementationDeadlines>[0]> = {}) => ({
  bescheid: bescheidSchema.parse(storedBescheid(part)),
  today: '2026-06-01',
  startedOn: null,
  purposeFulfilledOn: null,
  proofSubmittedOn: null,
  ...extra,
});

describe('deadlines of a grant', () => {
  it('a municipality: final a month after receipt, start within a year, proof a year after the period (ANBest-K)', () => {
    const d = implementationDeadlines(facts('A'), implementationParameters);
    expect(d.map((x) => [x.key, x.on, x.clause.split(' (')[0], x.done])).toEqual([
      // 10.04.2026 (one month) is a Friday, a working day: final from the day after.
      ['bestandskraft', '2026-04-11', '§ 70 VwGO, § 74 VwGO', true],
      ['beginn', '2027-03-10', 'ANBest-K Nr. 1.4', false],
      ['ende', '2027-03-31', 'Zuwendungsbescheid', false],
      ['nachweis', '2028-03-31', 'ANBest-K Nr. 6.1', false],
    ]);
  });

  it('an association: proof by the end of the sixth month after the period, records kept five years after it (ANBest-P)', () => {
    const d = implementationDeadlines(
      facts('B', { startedOn: '2026-04-15', proofSubmittedOn: '2027-08-20', today: '2027-08-21' }),
      implementationParameters,
    );
    expect(d.map((x) => [x.key, x.on, x.done])).toEqual([
      ['bestandskraft', '2026-04-11', true],
      ['beginn', '2027-03-10', true],
      ['ende', '2027-03-31', true],
      ['nachweis', '2027-09-30', true],
      ['aufbewahrung', '2032-08-20', false],
    ]);
    expect(d.find((x) => x.key === 'nachweis')!.clause).toBe('ANBest-P Nr. 6.1');
    expect(d.find((x) => x.key === 'aufbewahrung')!.clause).toBe('ANBest-P Nr. 6.8');
  });

  it('an earlier fulfilment of the purpose brings the proof forward', () => {
    const d = implementationDeadlines(facts('A', { purposeFulfilledOn: '2026-12-15' }), implementationParameters);
    expect(d.find((x) => x.key === 'nachweis')!.on).toBe('2027-12-15');
  });
});

describe('the calendar file', () => {
  it('has one all-day entry per deadline with its clause, stable ids, and reminders only for what is still open', () => {
    const deadlines = implementationDeadlines(facts('A'), implementationParameters);
    const ics = deadlinesToIcs(deadlines, {
      applicationId: 7,
      projectTitle: 'Wiesenbach redet mit',
      host: 'foerderlotse.example',
      url: 'https://foerderlotse.example/antraege/7/umsetzung',
      stamp: '2026-05-01T10:00:00.000Z',
    });
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(unfolded).toContain('UID:frist-nachweis-7@foerderlotse.example');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20280331');
    expect(unfolded).toContain('SUMMARY:Verwendungsnachweis fällig – Wiesenbach redet mit');
    expect(unfolded).toContain('Grundlage: ANBest-K Nr. 6.1');
    // Three open deadlines, two reminders each; the final Bescheid (passed) has none.
    expect(unfolded.match(/BEGIN:VALARM/g)).toHaveLength(6);
    expect(unfolded).toContain('TRIGGER:-P7D');
    expect(unfolded).toContain('TRIGGER;RELATED=START:PT8H');
  });
});
