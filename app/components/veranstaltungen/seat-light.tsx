import type { SeatLevel } from '../../../machines/veranstaltungen/seats';
import type { SelectionPhase } from '../../../machines/veranstaltungen/selection';

type Level = SeatLevel | SelectionPhase;

/**
 * The seat light: colour, a shape of its own per level (circle, triangle, square; for events with
 * selection a diamond while applications run, an hourglass while the organisers choose, a tick
 * when done) and text, so nobody depends on telling colours apart (WCAG 1.4.1).
 */
const shapes: Record<Level, JSX.Element> = {
  gruen: <circle cx="8" cy="8" r="7" />,
  gelb: <polygon points="8,1 15,15 1,15" />,
  rot: <rect x="1.5" y="1.5" width="13" height="13" />,
  bewerbung: <polygon points="8,0.5 15.5,8 8,15.5 0.5,8" />,
  auswahl: <polygon points="2,1 14,1 8,8 14,15 2,15 8,8" />,
  abgeschlossen: <polygon points="1,8.5 3.5,6 6.5,9 12.5,2.5 15,5 6.5,14" />,
};

function Icon({ level }: { level: Level }) {
  return (
    <svg className="seat-light__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {shapes[level]}
    </svg>
  );
}

export function SeatLightBadge({ level, label, detail, cancelled }: { level: Level; label: string; detail?: string; cancelled?: boolean }) {
  if (cancelled) {
    return (
      <p className="seat-light seat-light--abgesagt">
        <strong>Abgesagt</strong>
      </p>
    );
  }
  return (
    <p className={`seat-light seat-light--${level}`}>
      <Icon level={level} />
      <span>
        <strong>{label}</strong>
        {detail ? <> – {detail}</> : null}
      </span>
    </p>
  );
}
