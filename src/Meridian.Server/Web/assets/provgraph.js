// SPDX-License-Identifier: MIT
// A finished job's provenance ({job}/provenance, PROV-JSON) drawn as a small graph in the W3C PROV colours:
// the files it used (ellipses) → the job (a rectangle) → the files it generated, and its agents (the owner
// and the service's code) below. Each node's SVG title (its tooltip) gives the file's SHA-256 and size; the
// same facts follow as a list, for reading aloud and copying.
import { el, svg, size } from './dom.js';

const NODE_W = 190;
const NODE_H = 36;
const ROW = 52;
const COLUMNS = [20, 255, 490];
const WIDTH = COLUMNS[2] + NODE_W + 20;
const MAX_LABEL = 24;

/** The graph and list for a PROV-JSON document, or null when it names no activity. */
export function provenanceGraph(doc, links) {
  const [activityId, activity] = Object.entries(doc.activity ?? {})[0] ?? [];
  if (!activityId) return null;
  const entities = doc.entity ?? {};
  const used = Object.values(doc.used ?? {}).map((u) => [u['prov:entity'], entities[u['prov:entity']], 'used']);
  const generated = Object.values(doc.wasGeneratedBy ?? {}).map((g) => [g['prov:entity'], entities[g['prov:entity']], 'generated']);
  const agents = Object.values(doc.wasAssociatedWith ?? {})
    .map((a) => [a['prov:agent'], (doc.agent ?? {})[a['prov:agent']], a['prov:role']]);

  const rows = Math.max(used.length, generated.length, 1);
  const activityY = 20 + ((rows - 1) * ROW) / 2;
  const agentsY = 20 + rows * ROW + 30;
  const height = agentsY + NODE_H + 20;
  const edges = [];
  const nodes = [];
  const centre = { x: COLUMNS[1], y: activityY };
  used.forEach(([id, entity], i) => {
    const at = { x: COLUMNS[0], y: 20 + i * ROW };
    nodes.push(entityNode(id, entity, at, 'used'));
    edges.push(edge(at, centre, 'used'));
  });
  generated.forEach(([id, entity], i) => {
    const at = { x: COLUMNS[2], y: 20 + i * ROW };
    nodes.push(entityNode(id, entity, at, 'generated'));
    edges.push(edge(centre, at, 'wasGeneratedBy'));
  });
  agents.forEach(([id, agent, role], i) => {
    const spread = agents.length > 1 ? (WIDTH - 40 - NODE_W) / (agents.length - 1) : 0;
    const at = { x: agents.length === 1 ? COLUMNS[1] : 20 + i * spread, y: agentsY };
    nodes.push(agentNode(id, agent, role, at));
    edges.push(edge(centre, at, `wasAssociatedWith (${role})`, true));
  });
  nodes.push(activityNode(activityId, activity, centre));

  const picture = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'group', 'aria-labelledby': 'provenance-caption',
  },
  svg('defs', {}, svg('marker', { id: 'prov-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#57606a' }))),
  edges, nodes);

  return el('figure', { class: 'provenance' },
    el('div', { class: 'prov-graph' }, picture),
    el('figcaption', { id: 'provenance-caption', class: 'muted' },
      `The job used ${count(used.length, 'file')} and generated ${count(generated.length, 'file')}; `,
      'hover over a file for its SHA-256. Download as ', el('a', { href: links.json }, 'PROV-JSON'), ' or ', el('a', { href: links.provn }, 'PROV-N'), '.'),
    el('details', {}, el('summary', {}, 'Files and their SHA-256'),
      el('ul', { class: 'prov-list' }, [...used, ...generated].map(([id, entity, how]) =>
        el('li', { 'data-prov-entity': id }, `${how}: `, el('strong', {}, label(entity, id)), ` (${size(entity?.['meridian:size'])}) `,
          el('span', { class: 'mono' }, `sha256:${entity?.['meridian:sha256'] ?? '?'}`))))));
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function label(thing, fallback) {
  return thing?.['prov:label'] ?? fallback;
}

function short(text) {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

function entityNode(id, entity, at, how) {
  const name = label(entity, id);
  return svg('g', { class: 'prov-node prov-entity', 'data-prov-entity': id, tabindex: 0, role: 'img', 'aria-label': `${how}: ${name}, sha256 ${entity?.['meridian:sha256']}` },
    svg('title', {}, `${name}\n${how === 'used' ? 'used (upload)' : 'generated (result)'}\nsha256: ${entity?.['meridian:sha256'] ?? '?'}\nsize: ${size(entity?.['meridian:size'])}`),
    svg('ellipse', { cx: at.x + NODE_W / 2, cy: at.y + NODE_H / 2, rx: NODE_W / 2, ry: NODE_H / 2, fill: '#fffc87', stroke: '#808080' }),
    svg('text', { x: at.x + NODE_W / 2, y: at.y + NODE_H / 2 + 5, 'text-anchor': 'middle' }, short(name)));
}

function activityNode(id, activity, at) {
  const name = label(activity, id);
  const times = `${activity?.['prov:startTime'] ?? '?'} → ${activity?.['prov:endTime'] ?? '?'}`;
  return svg('g', { class: 'prov-node prov-activity', 'data-prov-activity': id, tabindex: 0, role: 'img', 'aria-label': `the job: ${name}, ${activity?.['meridian:phase'] ?? ''}` },
    svg('title', {}, `${name}\nphase: ${activity?.['meridian:phase'] ?? '?'}\n${times}`),
    svg('rect', { x: at.x, y: at.y, width: NODE_W, height: NODE_H, fill: '#9fb1fc', stroke: '#0000ff' }),
    svg('text', { x: at.x + NODE_W / 2, y: at.y + NODE_H / 2 + 5, 'text-anchor': 'middle' }, short(name)));
}

function agentNode(id, agent, role, at) {
  const name = label(agent, id);
  const { x, y } = at;
  const house = `${x},${y + 10} ${x + NODE_W / 2},${y} ${x + NODE_W},${y + 10} ${x + NODE_W},${y + NODE_H} ${x},${y + NODE_H}`;
  return svg('g', { class: 'prov-node prov-agent', 'data-prov-agent': id, tabindex: 0, role: 'img', 'aria-label': `${role}: ${name}` },
    svg('title', {}, `${name}\n${role} (${agent?.['prov:type']?.$ ?? 'agent'})`),
    svg('polygon', { points: house, fill: '#fed37f', stroke: '#808080' }),
    svg('text', { x: x + NODE_W / 2, y: y + NODE_H / 2 + 8, 'text-anchor': 'middle' }, short(`${role}: ${name}`)));
}

/** A straight arrow from one node's side to the other's, labelled with the PROV relation. */
function edge(from, to, relation, down = false) {
  const [x1, y1, x2, y2] = down
    ? [from.x + NODE_W / 2, from.y + NODE_H, to.x + NODE_W / 2, to.y]
    : [from.x + NODE_W, from.y + NODE_H / 2, to.x, to.y + NODE_H / 2];
  return svg('g', { class: 'prov-edge' },
    svg('title', {}, relation),
    svg('line', { x1, y1, x2, y2, stroke: '#57606a', 'marker-end': 'url(#prov-arrow)' }));
}
