import { describe, expect, it } from 'vitest';
import { eventsToIcs } from '../../app/veranstaltungen/ics';

const event = (id: number, startsAt: string, endsAt: string, cancelled = false) => ({
  id,
  title: 'Antragswerkstatt; Teil 1, mit Komma',
  description: 'Zeile eins\nZeile zwei',
  startsAt,
  endsAt,
  location: 'Rathaus, Am Markt 1',
  organiser: 'EBBS',
  cancelled,
  updatedAt: '2026-02-01T12:00:00.000Z',
  url: `https://foerderlotse.example/veranstaltungen/${id}`,
});

describe('calendar files (RFC 5545, ADR 0051)', () => {
  const ics = eventsToIcs(
    [
      event(1, '2026-03-29T08:00:00.000Z', '2026-03-29T10:30:00.000Z'),
      event(2, '2026-03-28T09:00:00.000Z', '2026-03-28T11:30:00.000Z', true),
    ],
    { name: 'Veranstaltungen', host: 'foerderlotse.example' },
  );
  const lines = ics.split('\r\n');

  it('writes wall-clock times in Europe/Berlin with a VTIMEZONE, on both sides of the change to summer time', () => {
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Berlin');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    // 08:00 UTC on 29.03.2026 (summer time) is 10:00 in Saxony; 09:00 UTC the day before (winter time) too.
    expect(lines).toContain('DTSTART;TZID=Europe/Berlin:20260329T100000');
    expect(lines).toContain('DTEND;TZID=Europe/Berlin:20260329T123000');
    expect(lines).toContain('DTSTART;TZID=Europe/Berlin:20260328T100000');
  });

  it('keeps DTSTAMP in UTC, gives stable UIDs, escapes text and marks cancelled events', () => {
    expect(lines).toContain('DTSTAMP:20260201T120000Z');
    expect(lines).toContain('UID:veranstaltung-1@foerderlotse.example');
    expect(lines).toContain('SUMMARY:Antragswerkstatt\\; Teil 1\\, mit Komma');
    expect(lines).toContain('SUMMARY:Abgesagt: Antragswerkstatt\\; Teil 1\\, mit Komma');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
  });
});
