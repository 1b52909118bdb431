import type { SeatLevel } from '../../../machines/veranstaltungen/seats';

/**
 * The seat light: colour, a shape of its own per level (circle, triangle, square) and text, so
 * nobody depends on telling colours apart (WCAG 1.4.1).
 */
function Icon({ level }: { level: SeatLevel }) {
  return (
    <svg className="seat-light__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {level === 'gruen' ? (
        <circle cx="8" cy="8" r="7" />
      ) : level === 'gelb' ? (
        <polygon points="8,1 15,15 1,15" />
      ) : (
        <rect x="1.5" y="1.5" width="13" height="13" />
      )}
    </svg>
  );
}

export function SeatLightBadge({
  level,
  label,
  detail,
  cancelled,
}: {
  level: SeatLevel;
  label: string;
  detail?: string;
  cancelled?: boolean;
}) {
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
