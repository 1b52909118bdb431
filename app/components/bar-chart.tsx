/**
 * Characters that fit on one line of the chart: 600 units wide at 15 px, where an average character
 * of the sans-serif font takes about 8,5 units (kept on the safe side).
 */
export const chartLineChars = 64;

/**
 * A bar's label line, "label: value". SVG text does not wrap, and the image cuts off what is wider
 * than its 600 units (a long funding call's name): a label that would not fit is shortened with
 * "…" and the value always stays whole. The full labels are in the chart's description and in the
 * table beside it.
 */
export function chartLine(label: string, value: string): string {
  // Counted in characters, not UTF-16 units, so the cut never splits an emoji.
  const chars = Array.from(label);
  const valueChars = Array.from(value).length;
  if (chars.length + 2 + valueChars <= chartLineChars) return `${label}: ${value}`;
  const room = Math.max(8, chartLineChars - valueChars - 3);
  return `${chars.slice(0, room).join('').trimEnd()}…: ${value}`;
}

/**
 * Horizontal bar chart as SVG: one bar per entry, labelled with name and value, so it reads
 * without colour and at 400 % zoom. Screen readers get the table beside it (the chart itself is
 * one image with a summary).
 */
export function BarChart({
  id,
  title,
  items,
  format,
  total,
}: {
  id: string;
  title: string;
  items: Array<{ label: string; value: number }>;
  format: (value: number) => string;
  /** Sentence after the list in the summary, e.g. "Summe 12.000,00 €". */
  total?: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const rowHeight = 44;
  const height = items.length * rowHeight + 8;
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-titel ${id}-text`}
        viewBox={`0 0 600 ${height}`}
        className="chart__svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-titel`}>{title}</title>
        <desc id={`${id}-text`}>
          {items.map((i) => `${i.label}: ${format(i.value)}`).join('; ')}.{total ? ` ${total}.` : ''}
        </desc>
        {items.map((item, index) => {
          const y = index * rowHeight + 4;
          const width = Math.max(2, Math.round((item.value / max) * 580));
          return (
            <g key={item.label}>
              <text x="0" y={y + 14} className="chart__label">
                {chartLine(item.label, format(item.value))}
              </text>
              <rect x="0" y={y + 20} width={width} height="16" rx="2" className={`chart__bar chart__bar--${index % 6}`} />
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{title} (die Zahlen stehen auch in der Tabelle)</figcaption>
    </figure>
  );
}
