import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../machines/umsetzung/deadlines';
import { reminderText, remindersDue } from '../../machines/umsetzung/reminders';

const deadline = (key: Deadline['key'], on: string, done = false): Deadline => ({
  key,
  on,
  title: key === 'nachweis' ? 'Verwendungsnachweis fällig' : 'Frist',
  description: '',
  clause: 'ANBest-P Nr. 6.1',
  done,
});

/** Which kind of reminder is due for a deadline on 2027-05-31, seen from each day. */
const kindOn = (today: string, d = deadline('nachweis', '2027-05-31')) => remindersDue([d], today).map((r) => r.kind);

describe('reminders of due dates (issue 19 Nr. 6)', () => {
  it('reminds two weeks before (not earlier, not the last day before), on the day, and for a week after', () => {
    expect(kindOn('2027-05-16')).toEqual([]); // 15 days before
    expect(kindOn('2027-05-17')).toEqual(['vorher']); // 14 days before
    expect(kindOn('2027-05-29')).toEqual(['vorher']); // 2 days before: a late job still sends it
    expect(kindOn('2027-05-30')).toEqual([]); // the day before: the day's own reminder follows
    expect(kindOn('2027-05-31')).toEqual(['am-tag']);
    expect(kindOn('2027-06-01')).toEqual(['danach']);
    expect(kindOn('2027-06-07')).toEqual(['danach']);
    expect(kindOn('2027-06-08')).toEqual([]); // no nagging for ever
  });

  it('says nothing for a duty done, or for dates that ask for no action', () => {
    expect(kindOn('2027-05-31', deadline('nachweis', '2027-05-31', true))).toEqual([]);
    expect(kindOn('2027-05-31', deadline('bestandskraft', '2027-05-31'))).toEqual([]);
    expect(kindOn('2027-05-31', deadline('aufbewahrung', '2027-05-31'))).toEqual([]);
    expect(kindOn('2027-05-31', deadline('beginn', '2027-05-31'))).toEqual(['am-tag']);
    expect(kindOn('2027-05-31', deadline('ende', '2027-05-31'))).toEqual(['am-tag']);
  });

  it('names the project, the days left, the date in de-DE and the clause', () => {
    const d = deadline('nachweis', '2027-05-31');
    expect(reminderText({ deadline: d, kind: 'vorher' }, 'Foren Nord', '2027-05-20')).toBe(
      '„Foren Nord“: Verwendungsnachweis fällig (ANBest-P Nr. 6.1) in 11 Tagen, am 31.05.2027',
    );
    expect(reminderText({ deadline: d, kind: 'am-tag' }, 'Foren Nord', '2027-05-31')).toContain('ist heute, am 31.05.2027');
    expect(reminderText({ deadline: d, kind: 'danach' }, 'Foren Nord', '2027-06-02')).toContain(
      'war am 31.05.2027 und ist noch nicht erledigt',
    );
  });
});
