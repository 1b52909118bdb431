/**
 * Quality profiles as horizontal SVG bar charts (0–100 points): one group per criterion, one bar
 * per series (the respondent, or each perspective). Every bar is labelled with its series and
 * number, so the chart reads without colour and at 400 % zoom; screen readers get one image with
 * a summary, and the same numbers stand in a table beside it.
 */

export interface ChartGroup {
  title: string;
  bars: Array<{ series: string; value: number | null; seriesIndex: number; marker?: string }>;
}

const width = 600;
const labelHeight = 20;
const barRow = 30;

const valueText = (value: number | null) => (value === null ? 'keine Wertung' : `${value} Punkte`);

export function ProfileChart({ id, title, groups }: { id: string; title: string; groups: readonly ChartGroup[] }) {
  const heights = groups.map((g) => labelHeight + g.bars.length * barRow + 8);
  const height = heights.reduce((a, b) => a + b, 0) + 4;
  let y = 4;
  const summary = groups
    .map((g) => `${g.title}: ${g.bars.map((b) => `${b.series} ${valueText(b.value)}${b.marker ? ` (${b.marker})` : ''}`).join(', ')}`)
    .join('; ');
  return (
    <figure className="chart qc-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-titel ${id}-text`}
        viewBox={`0 0 ${width} ${height}`}
        className="chart__svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-titel`}>{title}</title>
        <desc id={`${id}-text`}>{summary}.</desc>
        {groups.map((group, g) => {
          const top = y;
          y += heights[g]!;
          return (
            <g key={group.title}>
              <text x="0" y={top + 14} className="chart__label qc-chart__group">
                {group.title}
              </text>
              {group.bars.map((bar, b) => {
                const rowTop = top + labelHeight + b * barRow;
                return (
                  <g key={bar.series}>
                    <text x="0" y={rowTop + 11} className="chart__label">
                      {bar.series}: {valueText(bar.value)}
                      {bar.marker ? ` – ${bar.marker}` : ''}
                    </text>
                    <rect x="0" y={rowTop + 15} width={width} height="10" rx="2" className="qc-chart__track" />
                    {bar.value === null ? null : (
                      <rect
                        x="0"
                        y={rowTop + 15}
                        width={Math.max(2, Math.round((bar.value / 100) * width))}
                        height="10"
                        rx="2"
                        className={`chart__bar chart__bar--${bar.seriesIndex % 6}`}
                      />
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{title} (0 bis 100 Punkte; die Zahlen stehen auch in der Tabelle)</figcaption>
    </figure>
  );
}
