/**
 * The seat traffic light (issue 18 Nr. 2): green while seats are free, yellow when few are left,
 * red when full (the waitlist is open). "Few" is a threshold the organiser sets as a share of free
 * seats; default yellow below 20 % free. Held seats (double opt-in pending, or offered to someone
 * from the waitlist) count as taken: they are promised to someone.
 */

export const defaultYellowBelowPercent = 20;

export type SeatLevel = 'gruen' | 'gelb' | 'rot';

export interface SeatCounts {
  capacity: number;
  confirmed: number;
  /** Unexpired holds and offers to people promoted from the waitlist. */
  held: number;
}

export interface SeatLight {
  level: SeatLevel;
  free: number;
  /** Short text next to the light, never colour alone. */
  label: string;
  /** A sentence with the numbers. */
  detail: string;
}

export const seatLevelLabel: Record<SeatLevel, string> = {
  gruen: 'Plätze frei',
  gelb: 'Nur noch wenige Plätze',
  rot: 'Ausgebucht – Warteliste offen',
};

export function freeSeats(counts: SeatCounts): number {
  return Math.max(0, counts.capacity - counts.confirmed - counts.held);
}

/**
 * Yellow when the free seats are fewer than `yellowBelowPercent` of the capacity (integer
 * arithmetic: 4 free of 20 is exactly 20 % and still green; 3 of 20 is yellow).
 */
export function seatLevel(counts: SeatCounts, yellowBelowPercent = defaultYellowBelowPercent): SeatLevel {
  const free = freeSeats(counts);
  if (free === 0) return 'rot';
  if (free * 100 < yellowBelowPercent * counts.capacity) return 'gelb';
  return 'gruen';
}

export function seatLight(counts: SeatCounts, yellowBelowPercent = defaultYellowBelowPercent): SeatLight {
  const level = seatLevel(counts, yellowBelowPercent);
  const free = freeSeats(counts);
  const detail =
    level === 'rot'
      ? `Alle ${counts.capacity} Plätze sind vergeben. Sie können sich auf die Warteliste setzen lassen.`
      : `${free === 1 ? 'Noch 1 Platz' : `Noch ${free} Plätze`} von ${counts.capacity} frei.`;
  return { level, free, label: seatLevelLabel[level], detail };
}
