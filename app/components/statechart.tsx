import type { DiagramLayout, EdgeLabel, Point } from '../diagram/layout';

/**
 * Draws a statechart layout (computed on the server from the machine definition) as SVG. The
 * picture is one image for assistive technology; the table beside it carries the same content.
 */

const pathOf = (points: Point[]) => points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');

function Label({ label }: { label: EdgeLabel }) {
  return (
    <text x={label.x} y={label.y} className="statechart__edge-label">
      {label.lines.map((line, i) => (
        <tspan key={i} x={label.x} dy={i === 0 ? 0 : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function Statechart({ id, title, summary, layout }: { id: string; title: string; summary: string; layout: DiagramLayout }) {
  const marker = `${id}-pfeil`;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-titel ${id}-text`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      className="statechart"
    >
      <title id={`${id}-titel`}>{title}</title>
      <desc id={`${id}-text`}>{summary}</desc>
      <defs>
        <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="statechart__arrow" />
        </marker>
      </defs>
      {layout.bus ? (
        <g>
          <rect {...layout.bus.box} rx="15" className="statechart__any" />
          <text x={layout.bus.box.x + 10} y={layout.bus.box.y + 19} className="statechart__node-label">
            {layout.bus.box.label}
          </text>
          {layout.bus.stay ? <Label label={layout.bus.stay.label} /> : null}
          <line
            x1={layout.bus.line.x}
            x2={layout.bus.line.x}
            y1={layout.bus.line.top}
            y2={layout.bus.line.bottom}
            className="statechart__bus"
          />
          {layout.bus.branches.map((b) => (
            <g key={b.target}>
              <path d={pathOf(b.points)} className="statechart__bus" markerEnd={`url(#${marker})`} />
              <Label label={b.label} />
            </g>
          ))}
        </g>
      ) : null}
      {layout.edges.map((e) => (
        <g key={e.key}>
          <path
            d={pathOf(e.points)}
            className={e.back ? 'statechart__edge statechart__edge--back' : 'statechart__edge'}
            markerEnd={`url(#${marker})`}
          />
          <Label label={e.label} />
        </g>
      ))}
      {layout.loops.map((l) => (
        <g key={l.state}>
          <path d={l.path} className="statechart__edge" markerEnd={`url(#${marker})`} />
          <Label label={l.label} />
        </g>
      ))}
      {layout.initialMarker ? (
        <g>
          <circle cx={layout.initialMarker.cx} cy={layout.initialMarker.cy} r="5" className="statechart__initial" />
          <path
            d={pathOf([{ x: layout.initialMarker.cx, y: layout.initialMarker.cy + 5 }, layout.initialMarker.to])}
            className="statechart__edge"
            markerEnd={`url(#${marker})`}
          />
        </g>
      ) : null}
      {layout.nodes.map((n) => (
        <g key={n.id}>
          <rect
            x={n.x}
            y={n.y}
            width={n.width}
            height={n.height}
            rx={n.kind === 'decision' ? 2 : 8}
            className={`statechart__node statechart__node--${n.kind}`}
          />
          {n.kind === 'final' ? (
            <rect
              x={n.x + 3}
              y={n.y + 3}
              width={n.width - 6}
              height={n.height - 6}
              rx="6"
              className="statechart__node statechart__node--inner"
            />
          ) : null}
          {n.label ? (
            <text x={n.x + n.width / 2} y={n.y + 18} textAnchor="middle" className="statechart__node-label">
              {n.label}
            </text>
          ) : null}
          <text x={n.x + n.width / 2} y={n.y + (n.label ? 35 : 19)} textAnchor="middle" className="statechart__node-id">
            {n.id}
          </text>
        </g>
      ))}
    </svg>
  );
}
