// SPDX-License-Identifier: MIT
// A finished job's provenance ({job}/provenance, PROV-JSON) drawn as a small graph in the W3C PROV colours:
// the files it used (ellipses) → the job (a rectangle) → the files it generated, and its agents (the owner
// and the service's code) below. Each file is a link: a result to its preview on the page, an upload to its
// download. Each node's SVG title (its tooltip) gives the file's SHA-256 and size; the same facts follow as a
// list, for reading aloud and copying. On a phone the graph is drawn in two columns at its natural size
// rather than shrunk until its labels cannot be read.
import { el, svg, size } from './dom.js';

const NODE_H = 36;
const ROW = 52;
const WIDE = { nodeW: 190, maxLabel: 24, columns: [20, 255, 490] };
const NARROW = { nodeW: 150, maxLabel: 19, columns: [10, 188] };

/**
 * The graph and list for a PROV-JSON document, or null when it names no activity. links: json and provn (the
 * document's downloads), and result(name), the address on the page of a result, or null.
 */
export function provenanceGraph(doc, links) {
  const [activityId, activity] = Object.entries(doc.activity ?? {})[0] ?? [];
  if (!activityId) return null;
  const entities = doc.entity ?? {};
  const used = Object.values(doc.used ?? {}).map((u) => [u['prov:entity'], entities[u['prov:entity']], 'used']);
  const generated = Object.values(doc.wasGeneratedBy ?? {}).map((g) => [g['prov:entity'], entities[g['prov:entity']], 'generated']);
  const agents = Object.values(doc.wasAssociatedWith ?? {})
    .map((a) => [a['prov:agent'], (doc.agent ?? {})[a['prov:agent']], a['prov:role']]);
  const narrow = window.matchMedia('(max-width: 40rem)').matches;
  const layout = narrow ? narrowLayout(used.length, generated.length, agents.length) : wideLayout(used.length, generated.length, agents.length);
  const w = layout.nodeW;
  const href = (id, entity, how) => (how === 'generated' ? links.result?.(label(entity, id)) : null) ?? entity?.['prov:location'] ?? null;

  const edges = [];
  const nodes = [];
  used.forEach(([id, entity, how], i) => {
    nodes.push(entityNode(id, entity, layout.used[i], how, href(id, entity, how), layout));
    edges.push(edge(layout.used[i], layout.activity, 'used', w, layout.usedEdge));
  });
  generated.forEach(([id, entity, how], i) => {
    nodes.push(entityNode(id, entity, layout.generated[i], how, href(id, entity, how), layout));
    edges.push(edge(layout.activity, layout.generated[i], 'wasGeneratedBy', w, layout.generatedEdge));
  });
  agents.forEach(([id, agent, role], i) => {
    nodes.push(agentNode(id, agent, role, layout.agents[i], layout));
    edges.push(edge(layout.activity, layout.agents[i], `wasAssociatedWith (${role})`, w, 'down'));
  });
  nodes.push(activityNode(activityId, activity, layout.activity, layout));

  const picture = svg('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height, role: 'group',
    'aria-labelledby': 'provenance-caption', 'data-layout': narrow ? 'narrow' : 'wide',
  },
  svg('defs', {}, svg('marker', { id: 'prov-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    svg('path', { class: 'prov-arrowhead', d: 'M 0 0 L 10 5 L 0 10 z' }))),
  edges, nodes);

  return el('figure', { class: 'provenance' },
    el('div', { class: 'prov-graph' }, picture),
    el('figcaption', { id: 'provenance-caption', class: 'muted' },
      `The job used ${count(used.length, 'file')} and generated ${count(generated.length, 'file')}; `,
      'select a file to open it, or hover over it for its SHA-256. Download as ', el('a', { href: links.json }, 'PROV-JSON'), ' or ', el('a', { href: links.provn }, 'PROV-N'), '.'),
    el('details', {}, el('summary', {}, 'Files and their SHA-256'),
      el('ul', { class: 'prov-list' }, [...used, ...generated].map(([id, entity, how]) => {
        const target = href(id, entity, how);
        const name = el('strong', {}, label(entity, id));
        return el('li', { 'data-prov-entity': id }, `${how}: `, target ? el('a', { href: target }, name) : name, ` (${size(entity?.['meridian:size'])}) `,
          el('span', { class: 'mono' }, `sha256:${entity?.['meridian:sha256'] ?? '?'}`));
      }))));
}

// Three columns: used files, the job, generated files; the agents in a row below.
function wideLayout(usedCount, generatedCount, agentCount) {
  const { nodeW, columns } = WIDE;
  const width = columns[2] + nodeW + 20;
  const rows = Math.max(usedCount, generatedCount, 1);
  const agentsY = 20 + rows * ROW + 30;
  const spread = agentCount > 1 ? (width - 40 - nodeW) / (agentCount - 1) : 0;
  return {
    ...WIDE, width, height: agentsY + NODE_H + 20, usedEdge: 'right', generatedEdge: 'right',
    used: range(usedCount).map((i) => ({ x: columns[0], y: 20 + i * ROW })),
    generated: range(generatedCount).map((i) => ({ x: columns[2], y: 20 + i * ROW })),
    activity: { x: columns[1], y: 20 + ((rows - 1) * ROW) / 2 },
    agents: range(agentCount).map((i) => ({ x: agentCount === 1 ? columns[1] : 20 + i * spread, y: agentsY })),
  };
}

// Two columns: the files on the left (used above, generated below), the job beside them; the agents below, two a row.
function narrowLayout(usedCount, generatedCount, agentCount) {
  const { nodeW, columns } = NARROW;
  const files = usedCount + generatedCount;
  const filesEnd = 10 + Math.max(files, 1) * ROW;
  const activity = { x: columns[1], y: 10 + ((Math.max(files, 1) - 1) * ROW) / 2 };
  const agentsY = Math.max(filesEnd, activity.y + NODE_H + 20) + 20;
  return {
    ...NARROW, width: columns[1] + nodeW + 10, height: agentsY + Math.ceil(agentCount / 2) * ROW, usedEdge: 'right', generatedEdge: 'left',
    used: range(usedCount).map((i) => ({ x: columns[0], y: 10 + i * ROW })),
    generated: range(generatedCount).map((i) => ({ x: columns[0], y: 10 + (usedCount + i) * ROW })),
    activity,
    agents: range(agentCount).map((i) => ({ x: columns[i % 2], y: agentsY + Math.floor(i / 2) * ROW })),
  };
}

function range(n) {
  return Array.from({ length: n }, (_, i) => i);
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function label(thing, fallback) {
  return thing?.['prov:label'] ?? fallback;
}

function short(text, layout) {
  return text.length > layout.maxLabel ? `${text.slice(0, layout.maxLabel - 1)}…` : text;
}

function entityNode(id, entity, at, how, href, layout) {
  const name = label(entity, id);
  const w = layout.nodeW;
  const node = svg('g', { class: 'prov-node prov-entity', 'data-prov-entity': id },
    svg('title', {}, `${name}\n${how === 'used' ? 'used (upload)' : 'generated (result)'}\nsha256: ${entity?.['meridian:sha256'] ?? '?'}\nsize: ${size(entity?.['meridian:size'])}`),
    svg('ellipse', { cx: at.x + w / 2, cy: at.y + NODE_H / 2, rx: w / 2, ry: NODE_H / 2, fill: '#fffc87', stroke: '#808080' }),
    svg('text', { x: at.x + w / 2, y: at.y + NODE_H / 2 + 5, 'text-anchor': 'middle', fill: '#1b1f24' }, short(name, layout)));
  const description = `${how}: ${name}, sha256 ${entity?.['meridian:sha256']}`;
  if (!href) return svg('g', { tabindex: 0, role: 'img', 'aria-label': description }, node);
  return svg('a', { href, class: 'prov-link', 'aria-label': `${how === 'used' ? 'Download' : 'Open'} ${name} (${how})` }, node);
}

function activityNode(id, activity, at, layout) {
  const name = label(activity, id);
  const w = layout.nodeW;
  const times = `${activity?.['prov:startTime'] ?? '?'} → ${activity?.['prov:endTime'] ?? '?'}`;
  return svg('g', { class: 'prov-node prov-activity', 'data-prov-activity': id, tabindex: 0, role: 'img', 'aria-label': `the job: ${name}, ${activity?.['meridian:phase'] ?? ''}` },
    svg('title', {}, `${name}\nphase: ${activity?.['meridian:phase'] ?? '?'}\n${times}`),
    svg('rect', { x: at.x, y: at.y, width: w, height: NODE_H, fill: '#9fb1fc', stroke: '#0000ff' }),
    svg('text', { x: at.x + w / 2, y: at.y + NODE_H / 2 + 5, 'text-anchor': 'middle', fill: '#1b1f24' }, short(name, layout)));
}

function agentNode(id, agent, role, at, layout) {
  const name = label(agent, id);
  const w = layout.nodeW;
  const { x, y } = at;
  const house = `${x},${y + 10} ${x + w / 2},${y} ${x + w},${y + 10} ${x + w},${y + NODE_H} ${x},${y + NODE_H}`;
  return svg('g', { class: 'prov-node prov-agent', 'data-prov-agent': id, tabindex: 0, role: 'img', 'aria-label': `${role}: ${name}` },
    svg('title', {}, `${name}\n${role} (${agent?.['prov:type']?.$ ?? 'agent'})`),
    svg('polygon', { points: house, fill: '#fed37f', stroke: '#808080' }),
    svg('text', { x: x + w / 2, y: y + NODE_H / 2 + 8, 'text-anchor': 'middle', fill: '#1b1f24' }, short(`${role}: ${name}`, layout)));
}

/**
 * A straight arrow between two nodes, labelled with the PROV relation: from the first's right side to the
 * second's left ('right'), from the first's left side to the second's right ('left'), or downwards ('down').
 */
function edge(from, to, relation, w, side) {
  const [x1, y1, x2, y2] = side === 'down' ? [from.x + w / 2, from.y + NODE_H, to.x + w / 2, to.y]
    : side === 'left' ? [from.x, from.y + NODE_H / 2, to.x + w, to.y + NODE_H / 2]
      : [from.x + w, from.y + NODE_H / 2, to.x, to.y + NODE_H / 2];
  return svg('g', { class: 'prov-edge' },
    svg('title', {}, relation),
    svg('line', { x1, y1, x2, y2, 'marker-end': 'url(#prov-arrow)' }));
}
