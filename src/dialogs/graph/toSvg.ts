// The flow graph as a standalone SVG: a layered layout from the start, no network, no library.
import { START, type FlowGraph } from '../../../machines/flowGraph.js';

const BOX_W = 190;
const BOX_H = 46;
const GAP_X = 40;
const GAP_Y = 56;
const MARGIN = 24;

interface Placed {
  id: string;
  label: string;
  sub: string;
  description?: string;
  x: number;
  y: number;
  kind: 'start' | 'state' | 'final' | 'group';
}

export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Layers by shortest distance from the start; a group ("any state in …") sits beside its first state. */
function layers(graph: FlowGraph): Map<string, number> {
  const layer = new Map<string, number>([[START, 0]]);
  const queue = [START];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const edge of graph.edges.filter((e) => e.from === from)) {
      if (layer.has(edge.to)) continue;
      layer.set(edge.to, layer.get(from)! + 1);
      queue.push(edge.to);
    }
  }
  let deepest = Math.max(...layer.values());
  for (const node of graph.nodes) if (!layer.has(node.id)) layer.set(node.id, ++deepest);
  for (const group of graph.groups.filter((g) => g.hasTransitions)) {
    const inside = graph.nodes.filter((n) => n.id.startsWith(`${group.id}.`)).map((n) => layer.get(n.id)!);
    layer.set(group.id, Math.min(...inside, deepest));
  }
  return layer;
}

export function toSvg(graph: FlowGraph, name = 'negotiation flow'): string {
  const layer = layers(graph);
  const rows = new Map<number, Placed[]>();
  const place = (id: string, label: string, sub: string, kind: Placed['kind'], description?: string) => {
    const row = rows.get(layer.get(id)!) ?? [];
    row.push({ id, label, sub, kind, x: 0, y: 0, ...(description ? { description } : {}) });
    rows.set(layer.get(id)!, row);
  };
  place(START, 'start', '', 'start');
  for (const node of graph.nodes) place(node.id, node.label, node.parent ?? '', node.final ? 'final' : 'state', node.description);
  for (const group of graph.groups.filter((g) => g.hasTransitions)) place(group.id, `any state in ${group.label}`, group.parent ?? '', 'group', group.description);
  const widest = Math.max(...[...rows.values()].map((row) => row.length));
  const width = MARGIN * 2 + widest * (BOX_W + GAP_X);
  const placed = new Map<string, Placed>();
  for (const [index, row] of [...rows.entries()].sort(([a], [b]) => a - b)) {
    const rowWidth = row.length * (BOX_W + GAP_X) - GAP_X;
    row.forEach((item, i) => {
      item.x = (width - rowWidth) / 2 + i * (BOX_W + GAP_X);
      item.y = MARGIN + index * (BOX_H + GAP_Y);
      placed.set(item.id, item);
    });
  }
  const height = MARGIN * 2 + rows.size * (BOX_H + GAP_Y);
  const edges = graph.edges.map((edge) => {
    const a = placed.get(edge.from);
    const b = placed.get(edge.to);
    if (!a || !b) return '';
    const down = b.y > a.y;
    const [x1, y1] = [a.x + BOX_W / 2, down ? a.y + BOX_H : a.y + BOX_H / 2];
    const [x2, y2] = [b.x + BOX_W / 2, down ? b.y : b.y + BOX_H / 2];
    const bend = down ? '' : ` C ${x1 + BOX_W * 0.9} ${y1}, ${x2 + BOX_W * 0.9} ${y2},`;
    const d = down ? `M ${x1} ${y1} C ${x1} ${y1 + GAP_Y / 2}, ${x2} ${y2 - GAP_Y / 2}, ${x2} ${y2}` : `M ${a.x + BOX_W} ${y1}${bend} ${b.x + BOX_W} ${y2}`;
    const label = edge.events.filter((e) => e !== 'start' && e !== 'always').join(', ');
    const dashed = a.kind === 'group' ? ' stroke-dasharray="5 4"' : '';
    // The arrow's count (filled in by the page): halfway along a downward arrow, beside the bend of a backward one.
    const [cx, cy] = down ? [(x1 + x2) / 2, (y1 + y2) / 2 + 4] : [Math.max(a.x, b.x) + BOX_W * 1.05, (y1 + y2) / 2];
    const count = `<text class="edge-count" data-edge-count="${escapeXml(`${edge.from}>${edge.to}`)}" x="${cx}" y="${cy}" text-anchor="middle" font-size="12" font-weight="600" fill="#1e3a8a" stroke="#ffffff" stroke-width="3" paint-order="stroke"></text>`;
    return `<g class="edge" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}"><title>${escapeXml(`${edge.from} → ${edge.to}${label ? `: ${label}` : ''}`)}</title><path d="${d}" fill="none" stroke="#6b7280" stroke-width="1.3" marker-end="url(#arrow)"${dashed}/>${count}</g>`;
  });
  const boxes = [...placed.values()].map((item) => {
    const fill = { start: '#1f2937', state: '#eef4ff', final: '#e8f7ee', group: '#fff7e6' }[item.kind];
    const text = item.kind === 'start' ? '#ffffff' : '#1f2937';
    // Counts contrast at least 7:1 with their box (the start box is dark, the others light).
    const countFill = item.kind === 'start' ? '#fef3c7' : '#7c2d12';
    const title = item.description ? `${item.description} (${item.id})` : item.id;
    const rx = item.kind === 'start' ? BOX_H / 2 : 8;
    return [
      `<g class="state ${item.kind}" data-state="${escapeXml(item.id)}"><title>${escapeXml(title)}</title>`,
      `<rect x="${item.x}" y="${item.y}" width="${BOX_W}" height="${BOX_H}" rx="${rx}" fill="${fill}" stroke="#4b5563" stroke-width="${item.kind === 'final' ? 2.5 : 1}"/>`,
      `<text x="${item.x + BOX_W / 2}" y="${item.y + 19}" text-anchor="middle" font-size="13" font-weight="600" fill="${text}">${escapeXml(item.label)}</text>`,
      `<text class="count" data-count-for="${escapeXml(item.id)}" x="${item.x + BOX_W / 2}" y="${item.y + 37}" text-anchor="middle" font-size="12" font-weight="600" fill="${countFill}">${escapeXml(item.sub)}</text>`,
      '</g>',
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width + BOX_W} ${height}" width="${width + BOX_W}" height="${height}" font-family="system-ui, sans-serif" role="img" aria-label="${escapeXml(name)}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7280"/></marker></defs>',
    ...edges,
    ...boxes,
    '</svg>',
  ].join('\n');
}
