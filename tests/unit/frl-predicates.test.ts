import { describe, expect, it } from 'vitest';
import {
  calendarYearsCovered,
  capFor,
  earlyStartAllowed,
  floorToEuro,
  inKindWithinShare,
  isEligibleKind,
  isGebietskoerperschaft,
  isSeatedInSaxony,
  isWithinRate,
  isZivilgesellschaftlicherTraeger,
  lastDayOfMonths,
  lastsAtMostMonths,
  maxGrantByRate,
  maxInKind,
  monthsSpanned,
  proposedGrant,
  rateBasisPoints,
  routeFitsApplicant,
} from '../../machines/frl/predicates';

describe('applicant predicates (FRL Teil 2 A III, B III)', () => {
  it('tells Gebietskörperschaften, gemeinnützige Träger and ineligible kinds apart', () => {
    expect(isGebietskoerperschaft('landkreis')).toBe(true);
    expect(isGebietskoerperschaft('verwaltungsverband')).toBe(false);
    expect(isZivilgesellschaftlicherTraeger('ggmbh')).toBe(true);
    expect(isZivilgesellschaftlicherTraeger('unternehmen')).toBe(false);
    expect(isEligibleKind('ortschaft')).toBe(false);
    expect(isEligibleKind('stiftung')).toBe(true);
  });
  it('lets Kommunen use routes 1.1–1.3 and associations only route B', () => {
    expect(routeFitsApplicant('A1.3', 'kreisfreie_stadt')).toBe(true);
    expect(routeFitsApplicant('B', 'gemeinde')).toBe(false);
    expect(routeFitsApplicant('B', 'verein')).toBe(true);
    expect(routeFitsApplicant('A1.1', 'verein')).toBe(false);
  });
  it('knows seats outside Saxony', () => {
    expect(isSeatedInSaxony('Görlitz')).toBe(true);
    expect(isSeatedInSaxony('außerhalb Sachsens')).toBe(false);
  });
});

describe('durations (FRL Teil 2 A V Nr. 4, B V Nr. 3)', () => {
  it('counts every calendar year a period touches', () => {
    expect(calendarYearsCovered('2027-01-01', '2029-12-31')).toBe(3);
    expect(calendarYearsCovered('2027-06-01', '2030-01-31')).toBe(4);
    expect(calendarYearsCovered('2026-12-15', '2027-01-10')).toBe(2);
    expect(calendarYearsCovered('2027-05-01', '2027-05-01')).toBe(1);
  });
  it('ends a period of months the day before the same date (§ 188 BGB)', () => {
    expect(lastDayOfMonths('2027-03-01', 12)).toBe('2028-02-29');
    expect(lastDayOfMonths('2026-03-01', 12)).toBe('2027-02-28');
    expect(lastDayOfMonths('2026-01-15', 12)).toBe('2027-01-14');
    expect(lastDayOfMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
  it('decides 12 against 13 months', () => {
    expect(lastsAtMostMonths('2027-03-01', '2028-02-29', 12)).toBe(true);
    expect(lastsAtMostMonths('2027-03-01', '2028-03-01', 12)).toBe(false);
    expect(monthsSpanned('2027-03-01', '2028-03-31')).toBe(13);
    expect(monthsSpanned('2027-03-01', '2027-03-31')).toBe(1);
  });
});

describe('money (integer cents, basis points)', () => {
  it('allows exactly 90 % and refuses 90.01 %', () => {
    expect(isWithinRate(900_000, 1_000_000, 9000)).toBe(true);
    expect(isWithinRate(900_100, 1_000_000, 9000)).toBe(false);
    expect(isWithinRate(900_001, 1_000_000, 9000)).toBe(false);
    expect(rateBasisPoints(900_100, 1_000_000)).toBe(9001);
  });
  it('proposes min(90 % of eligible, cap), rounded down to full euros', () => {
    expect(maxGrantByRate(1_111_111, 9000)).toBe(999_900);
    expect(proposedGrant(1_111_111, 9000, 1_000_000)).toBe(999_900);
    expect(proposedGrant(5_000_000, 9000, 1_000_000)).toBe(1_000_000);
    expect(floorToEuro(12_399)).toBe(12_300);
  });
  it('multiplies yearly caps by calendar years, but not the Einzelvorhaben cap', () => {
    expect(capFor('A1.2', 3_500_000, 3)).toBe(10_500_000);
    expect(capFor('B', 8_000_000, 2)).toBe(16_000_000);
    expect(capFor('A1.1', 1_000_000, 2)).toBe(1_000_000);
  });
  it('allows in-kind up to exactly half of the own share (FRL Teil 2 B V Nr. 5)', () => {
    expect(inKindWithinShare(100_000, 200_000, 5000)).toBe(true);
    expect(inKindWithinShare(100_001, 200_000, 5000)).toBe(false);
    expect(maxInKind(200_001, 5000)).toBe(100_000);
  });
  it('allows a start after application below the thresholds only (VVK Nr. 1.3, VwV Nr. 1.4)', () => {
    expect(earlyStartAllowed(99_999_999, 100_000_000)).toBe(true);
    expect(earlyStartAllowed(100_000_000, 100_000_000)).toBe(false);
  });
});
