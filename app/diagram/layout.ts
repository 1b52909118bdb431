import { anyState, eventless, type DiagramTransition, type MachineModel, type StateKind } from '../../machines/shared/statechart-model';

/**
 * A small layered ("Sugiyama") layout for statecharts, top to bottom, with no dependency: the
 * charts here have at most a few dozen states, and a layout we own stays readable and testable.
 * Steps: break cycles (edges back up are drawn upwards), rank states by longest path, put a
 * placeholder on every rank an edge crosses (the first one carries the edge's label, so labels
 * never sit on a state), order each rank to reduce crossings, then place each rank centred under
 * its neighbours. Transitions declared on the machine itself ("from any state") run along a bus
 * on the left instead of one line per state. Everything is plain numbers, for an SVG renderer.
 */

export interface Point {
  x: number;
  y: number;
}

export interface NodeBox {
  id: string;
  label: string;
  kind: StateKind;
  initial: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EdgeLabel {
  lines: string[];
  x: number;
  y: number;
  width: number;
}

export interface EdgePath {
  key: string;
  transitionIds: string[];
  points: Point[];
  label: EdgeLabel;
  /** Drawn upwards (a cycle back to an earlier state). */
  back: boolean;
}

export interface SelfLoop {
  state: string;
  transitionIds: string[];
  /** Path data for an SVG path. */
  path: string;
  label: EdgeLabel;
}

export interface BusBranch {
  target: string;
  transitionIds: string[];
  points: Point[];
  label: EdgeLabel;
}

export interface Bus {
  box: { x: number; y: number; width: number; height: number; label: string };
  line: { x: number; top: number; bottom: number };
  branches: BusBranch[];
  /** Machine-level transitions without a target (the state stays). */
  stay: { transitionIds: string[]; label: EdgeLabel } | null;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: NodeBox[];
  edges: EdgePath[];
  loops: SelfLoop[];
  bus: Bus | null;
  initialMarker: { cx: number; cy: number; to: Point } | null;
}

const nodeFont = 13;
const smallFont = 11;
const lineHeight = 14;
const nodeSep = 28;
const rankGap = 14;
const margin = 12;

/** Width of a text in px, estimated generously (no font metrics on the server). */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil([...text].length * fontSize * 0.62);
}

/** How states, events and guards are named in the picture; by default their technical names. */
export interface DiagramText {
  state(stateId: string): string;
  event(event: string): string;
  guard(t: DiagramTransition): string | null;
}

const technical: DiagramText = { state: () => '', event: (e) => e, guard: (t) => t.guard };

/** "answer [answersQuestion(art)]", "[isBuergerkommune]", "sonst" for an eventless default. */
export function transitionLabel(t: DiagramTransition, text: DiagramText = technical): string {
  return transitionLines(t, text).join(' ');
}

/** The label in lines: the event, then its guard in brackets (keeps the diagram narrow). */
export function transitionLines(t: DiagramTransition, text: DiagramText = technical): string[] {
  const guard = t.guard === null ? null : text.guard(t);
  if (t.event === eventless) return [guard ? `[${guard}]` : 'sonst'];
  return guard ? [text.event(t.event), `[${guard}]`] : [text.event(t.event)];
}

function labelBlock(lines: string[]): { lines: string[]; width: number; height: number } {
  return { lines, width: Math.max(...lines.map((l) => textWidth(l, smallFont))) + 8, height: lines.length * lineHeight + 4 };
}

interface Item {
  id: string;
  rank: number;
  /** Width taken in the rank (a node with a self-loop also needs room for the loop and its label). */
  width: number;
  height: number;
  x: number;
}

export function layoutMachine(model: MachineModel, text: DiagramText = technical): DiagramLayout {
  const labelOf = text.state;
  const lines = (t: DiagramTransition) => transitionLines(t, text);
  const stateIds = model.states.map((s) => s.id);
  const known = new Set(stateIds);
  const local = model.transitions.filter((t) => t.source !== anyState);
  const global = model.transitions.filter((t) => t.source === anyState);

  // ---- group transitions into drawn elements ----
  const edgeGroups = new Map<string, { source: string; target: string; transitions: DiagramTransition[] }>();
  const loopGroups = new Map<string, DiagramTransition[]>();
  for (const t of local) {
    if (t.target === null || t.target === t.source || !known.has(t.target)) {
      loopGroups.set(t.source, [...(loopGroups.get(t.source) ?? []), t]);
      continue;
    }
    const key = `${t.source}->${t.target}`;
    const group = edgeGroups.get(key) ?? { source: t.source, target: t.target, transitions: [] };
    group.transitions.push(t);
    edgeGroups.set(key, group);
  }

  // ---- node sizes ----
  const boxes = new Map<string, NodeBox>();
  for (const s of model.states) {
    const label = labelOf(s.id);
    const decision = s.kind === 'decision';
    const width = Math.max(decision ? 90 : 130, textWidth(label, nodeFont) + 24, textWidth(s.id, smallFont) + 24);
    boxes.set(s.id, { id: s.id, label, kind: s.kind, initial: s.initial, x: 0, y: 0, width, height: label ? 44 : 30 });
  }
  const loopLabels = new Map([...loopGroups].map(([state, ts]) => [state, labelBlock(ts.flatMap(lines))]));

  // ---- break cycles: depth-first from the initial state, edges to an open state are back edges ----
  const outgoing = new Map<string, string[]>(stateIds.map((id) => [id, []]));
  for (const g of edgeGroups.values()) outgoing.get(g.source)!.push(g.target);
  const back = new Set<string>();
  const seen = new Set<string>();
  const open = new Set<string>();
  const dfs = (id: string) => {
    seen.add(id);
    open.add(id);
    for (const next of outgoing.get(id)!) {
      if (open.has(next)) back.add(`${id}->${next}`);
      else if (!seen.has(next)) dfs(next);
    }
    open.delete(id);
  };
  for (const id of [...model.states.filter((s) => s.initial).map((s) => s.id), ...stateIds]) if (!seen.has(id)) dfs(id);
  const dag = [...edgeGroups.entries()].map(([key, g]) =>
    back.has(key) ? { key, from: g.target, to: g.source, reversed: true } : { key, from: g.source, to: g.target, reversed: false },
  );

  // ---- layers by longest path; states without any edge get a layer of their own, in order ----
  const layer = new Map<string, number>();
  const indegree = new Map<string, number>(stateIds.map((id) => [id, 0]));
  for (const e of dag) indegree.set(e.to, indegree.get(e.to)! + 1);
  const connected = new Set(dag.flatMap((e) => [e.from, e.to]));
  const queue = stateIds.filter((id) => connected.has(id) && indegree.get(id) === 0);
  for (const id of queue) layer.set(id, 0);
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of dag.filter((d) => d.from === id)) {
      layer.set(e.to, Math.max(layer.get(e.to) ?? 0, layer.get(id)! + 1));
      indegree.set(e.to, indegree.get(e.to)! - 1);
      if (indegree.get(e.to) === 0) queue.push(e.to);
    }
  }
  let nextFree = connected.size ? Math.max(...[...layer.values()]) + 1 : 0;
  for (const id of stateIds) if (!layer.has(id)) layer.set(id, nextFree++);

  // ---- items per rank: states on even ranks, placeholders in between ----
  const items = new Map<string, Item>();
  const addItem = (item: Item) => items.set(item.id, item);
  for (const id of stateIds) {
    const box = boxes.get(id)!;
    const loop = loopLabels.get(id);
    addItem({
      id,
      rank: layer.get(id)! * 2,
      width: box.width + (loop ? 26 + loop.width : 0),
      height: Math.max(box.height, loop?.height ?? 0),
      x: 0,
    });
  }
  const chains = new Map<string, string[]>();
  const labelHolders = new Set<string>();
  const edgeLabels = new Map<string, ReturnType<typeof labelBlock>>();
  for (const e of dag) {
    const label = labelBlock(edgeGroups.get(e.key)!.transitions.flatMap(lines));
    edgeLabels.set(e.key, label);
    const chain = [e.from];
    for (let rank = items.get(e.from)!.rank + 1; rank < items.get(e.to)!.rank; rank += 1) {
      const id = `${e.key}#${rank}`;
      const first = chain.length === 1;
      if (first) labelHolders.add(id);
      addItem({ id, rank, width: first ? label.width + 8 : 4, height: first ? label.height : 0, x: 0 });
      chain.push(id);
    }
    chain.push(e.to);
    chains.set(e.key, chain);
  }
  const links: Array<[string, string]> = [...chains.values()].flatMap((chain) =>
    chain.slice(1).map((id, i) => [chain[i]!, id] as [string, string]),
  );
  const maxRank = Math.max(0, ...[...items.values()].map((i) => i.rank));
  const ranks: string[][] = Array.from({ length: maxRank + 1 }, () => []);
  // Initial order: depth-first along the links, so chains start out side by side.
  const placed = new Set<string>();
  const place = (id: string) => {
    if (placed.has(id)) return;
    placed.add(id);
    ranks[items.get(id)!.rank]!.push(id);
    for (const [from, to] of links) if (from === id) place(to);
  };
  for (const id of [...model.states.filter((s) => s.initial).map((s) => s.id), ...stateIds]) place(id);
  for (const id of items.keys()) place(id);

  // ---- order ranks by barycentre, keep the order with the fewest crossings ----
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>();
  for (const [from, to] of links) {
    succs.set(from, [...(succs.get(from) ?? []), to]);
    preds.set(to, [...(preds.get(to) ?? []), from]);
  }
  const crossings = (order: string[][]) => {
    let count = 0;
    for (let r = 0; r < order.length - 1; r += 1) {
      const pos = new Map(order[r + 1]!.map((id, i) => [id, i]));
      const segs = order[r]!.flatMap((id, i) => (succs.get(id) ?? []).filter((t) => pos.has(t)).map((t) => [i, pos.get(t)!] as const));
      for (let a = 0; a < segs.length; a += 1) {
        for (let b = a + 1; b < segs.length; b += 1) {
          if ((segs[a]![0] - segs[b]![0]) * (segs[a]![1] - segs[b]![1]) < 0) count += 1;
        }
      }
    }
    return count;
  };
  let best = ranks.map((r) => [...r]);
  let bestCrossings = crossings(best);
  const sweep = (order: string[][], down: boolean) => {
    const range = down
      ? order.map((_, r) => r).slice(1)
      : order
          .map((_, r) => r)
          .slice(0, -1)
          .reverse();
    for (const r of range) {
      const neighbourRank = order[down ? r - 1 : r + 1]!;
      const pos = new Map(neighbourRank.map((id, i) => [id, i]));
      const current = order[r]!;
      const weight = (id: string, index: number) => {
        const ns = ((down ? preds : succs).get(id) ?? []).filter((n) => pos.has(n));
        return ns.length ? ns.reduce((s, n) => s + pos.get(n)!, 0) / ns.length : index;
      };
      const keyed = current.map((id, index) => ({ id, key: weight(id, index), index }));
      keyed.sort((a, b) => a.key - b.key || a.index - b.index);
      order[r] = keyed.map((k) => k.id);
    }
  };
  const working = ranks.map((r) => [...r]);
  for (let i = 0; i < 8; i += 1) {
    sweep(working, i % 2 === 0);
    const c = crossings(working);
    if (c < bestCrossings) {
      best = working.map((r) => [...r]);
      bestCrossings = c;
    }
  }

  // ---- x: centre each item under its neighbours, then settle overlaps both ways and average ----
  const centre = (id: string) => items.get(id)!.x + centreOffset(id);
  // Where lines attach: a state's middle, the left side of a label holder, a placeholder's middle.
  const centreOffset = (id: string) => (boxes.has(id) ? boxes.get(id)!.width / 2 : labelHolders.has(id) ? 2 : items.get(id)!.width / 2);
  for (const rank of best) {
    let x = 0;
    for (const id of rank) {
      items.get(id)!.x = x;
      x += items.get(id)!.width + nodeSep;
    }
  }
  const settle = (rank: string[], desired: Map<string, number>) => {
    const fromLeft: number[] = [];
    rank.forEach((id, i) => {
      const want = desired.get(id)!;
      fromLeft[i] = i === 0 ? want : Math.max(want, fromLeft[i - 1]! + items.get(rank[i - 1]!)!.width + nodeSep);
    });
    const fromRight: number[] = [];
    for (let i = rank.length - 1; i >= 0; i -= 1) {
      const want = desired.get(rank[i]!)!;
      fromRight[i] = i === rank.length - 1 ? want : Math.min(want, fromRight[i + 1]! - items.get(rank[i]!)!.width - nodeSep);
    }
    // Both placements keep the order without overlap; so does their mean.
    rank.forEach((id, i) => (items.get(id)!.x = (fromLeft[i]! + fromRight[i]!) / 2));
  };
  for (let pass = 0; pass < 12; pass += 1) {
    const down = pass % 2 === 0;
    const order = down ? best : [...best].reverse();
    for (const rank of order) {
      const desired = new Map<string, number>();
      for (const id of rank) {
        const ns = [...((down ? preds : succs).get(id) ?? []), ...(pass > 6 ? ((down ? succs : preds).get(id) ?? []) : [])];
        const target = ns.length ? ns.reduce((s, n) => s + centre(n), 0) / ns.length : centre(id);
        desired.set(id, target - centreOffset(id));
      }
      settle(rank, desired);
    }
  }

  // ---- y per rank, then shift everything into view ----
  const hasBus = global.length > 0;
  const busWidth = hasBus ? 36 : 0;
  const top = margin + (hasBus ? 44 : 0) + 24;
  const gap = hasBus ? rankGap + 14 : rankGap;
  const rankY: number[] = [];
  const rankHeight = best.map((rank) => Math.max(0, ...rank.map((id) => items.get(id)!.height)));
  let y = top;
  for (let r = 0; r < best.length; r += 1) {
    rankY[r] = y;
    y += rankHeight[r]! + (rankHeight[r]! > 0 || r % 2 === 0 ? gap : 0);
  }
  const minX = Math.min(...[...items.values()].map((i) => i.x));
  for (const item of items.values()) item.x += margin + busWidth - minX;
  const yOf = (id: string) => rankY[items.get(id)!.rank]! + (rankHeight[items.get(id)!.rank]! - items.get(id)!.height) / 2;
  for (const box of boxes.values()) {
    box.x = items.get(box.id)!.x;
    box.y = yOf(box.id) + (items.get(box.id)!.height - box.height) / 2;
  }

  // ---- edges through their placeholders; ends spread along the side they attach to ----
  const ends = new Map<string, { out: string[]; in: string[] }>();
  const endsOf = (id: string) => {
    let found = ends.get(id);
    if (!found) {
      found = { out: [], in: [] };
      ends.set(id, found);
    }
    return found;
  };
  for (const e of dag) {
    // Forward edges leave at the bottom and arrive at the top; back edges the other way round.
    endsOf(e.from).out.push(e.key);
    endsOf(e.to).in.push(e.key);
  }
  for (const side of ends.values()) {
    const byX = (key: string, end: 'from' | 'to') => {
      const chain = chains.get(key)!;
      return centre(end === 'from' ? chain[1]! : chain[chain.length - 2]!);
    };
    side.out.sort((a, b) => byX(a, 'from') - byX(b, 'from'));
    side.in.sort((a, b) => byX(a, 'to') - byX(b, 'to'));
  }
  const spread = (id: string, list: string[], key: string) => {
    const box = boxes.get(id)!;
    const n = list.length;
    const step = Math.min(16, box.width / (n + 1));
    return box.x + box.width / 2 + (list.indexOf(key) - (n - 1) / 2) * step;
  };
  const edges: EdgePath[] = dag.map((e) => {
    const chain = chains.get(e.key)!;
    const from = boxes.get(e.from)!;
    const to = boxes.get(e.to)!;
    const points: Point[] = [{ x: spread(e.from, endsOf(e.from).out, e.key), y: from.y + from.height }];
    // The line passes the label on its left, so it never runs through the text.
    chain.slice(1, -1).forEach((id) => {
      const item = items.get(id)!;
      if (labelHolders.has(id)) {
        points.push({ x: centre(id), y: yOf(id) }, { x: centre(id), y: yOf(id) + item.height });
      } else {
        points.push({ x: centre(id), y: yOf(id) + item.height / 2 });
      }
    });
    points.push({ x: spread(e.to, endsOf(e.to).in, e.key), y: to.y });
    const labelItem = items.get(chain[1]!)!;
    const block = edgeLabels.get(e.key)!;
    const group = edgeGroups.get(e.key)!;
    return {
      key: e.key,
      transitionIds: group.transitions.map((t) => t.id),
      points: e.reversed ? points.reverse() : points,
      label: { lines: block.lines, x: labelItem.x + 8, y: yOf(labelItem.id) + lineHeight - 2, width: block.width },
      back: e.reversed,
    };
  });

  const loops: SelfLoop[] = [...loopGroups].map(([state, ts]) => {
    const box = boxes.get(state)!;
    const right = box.x + box.width;
    const y1 = box.y + box.height * 0.3;
    const y2 = box.y + box.height * 0.7;
    const block = loopLabels.get(state)!;
    return {
      state,
      transitionIds: ts.map((t) => t.id),
      path: `M ${right} ${y1} C ${right + 24} ${y1 - 10}, ${right + 24} ${y2 + 10}, ${right} ${y2}`,
      label: {
        lines: block.lines,
        x: right + 24,
        y: box.y + box.height / 2 - (block.lines.length * lineHeight) / 2 + lineHeight - 3,
        width: block.width,
      },
    };
  });

  // ---- the bus for transitions from any state ----
  let bus: Bus | null = null;
  if (hasBus) {
    const busX = margin + 12;
    const boxLabel = 'jeder Zustand';
    const byTarget = new Map<string, DiagramTransition[]>();
    const stay: DiagramTransition[] = [];
    for (const t of global) {
      if (t.target === null || !known.has(t.target)) stay.push(t);
      else byTarget.set(t.target, [...(byTarget.get(t.target) ?? []), t]);
    }
    const branches: BusBranch[] = [...byTarget].map(([target, ts]) => {
      const box = boxes.get(target)!;
      const attachX = box.x + Math.min(18, box.width / 4);
      const yc = box.y - 10;
      const events = [...new Set(ts.map((t) => text.event(t.event)))];
      return {
        target,
        transitionIds: ts.map((t) => t.id),
        points: [
          { x: busX, y: yc },
          { x: attachX, y: yc },
          { x: attachX, y: box.y },
        ],
        label: { lines: [events.join(' · ')], x: attachX + 6, y: yc - 3, width: textWidth(events.join(' · '), smallFont) },
      };
    });
    const stayBlock = stay.length
      ? labelBlock([`ohne Zustandswechsel: ${[...new Set(stay.map((t) => text.event(t.event)))].join(', ')}`])
      : null;
    const boxWidth = textWidth(boxLabel, nodeFont) + 20;
    bus = {
      box: { x: margin, y: margin, width: boxWidth, height: 30, label: boxLabel },
      line: { x: busX, top: margin + 30, bottom: Math.max(margin + 30, ...branches.map((b) => b.points[0]!.y)) },
      branches,
      stay: stayBlock
        ? {
            transitionIds: stay.map((t) => t.id),
            label: { lines: stayBlock.lines, x: margin + boxWidth + 10, y: margin + 19, width: stayBlock.width },
          }
        : null,
    };
  }

  const initialBox = [...boxes.values()].find((b) => b.initial);
  const initialMarker = initialBox
    ? // At the right end of the top side, clear of the bus labels that start at the left.
      { cx: initialBox.x + initialBox.width - 14, cy: initialBox.y - 20, to: { x: initialBox.x + initialBox.width - 14, y: initialBox.y } }
    : null;

  const right = Math.max(
    ...[...items.values()].map((i) => i.x + i.width),
    ...edges.map((e) => e.label.x + e.label.width),
    ...loops.map((l) => l.label.x + l.label.width),
    ...(bus
      ? [
          bus.box.x + bus.box.width,
          ...(bus.stay ? [bus.stay.label.x + bus.stay.label.width] : []),
          ...bus.branches.map((b) => b.label.x + b.label.width),
        ]
      : []),
  );
  return {
    width: Math.ceil(right + margin),
    height: Math.ceil(y + margin),
    nodes: stateIds.map((id) => boxes.get(id)!),
    edges,
    loops,
    bus,
    initialMarker,
  };
}
