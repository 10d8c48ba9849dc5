// SPDX-License-Identifier: MIT
// The OIFITS preview: for the chosen target, squared visibility against spatial frequency with error bars,
// closure phase against the longest baseline of its triangle, and the (u, v) coverage, each point coloured by
// its wavelength. Drawn as SVG, one circle a measurement (non-flagged ones only).
import { el, svg, replace } from './dom.js';
import { lookupTable } from './colormaps.js';

const W = 420;
const H = 320;
const M = { left: 58, right: 14, top: 24, bottom: 44 };
const MEGA = 1e6;

export function oifitsPlots(data, idPrefix) {
  const lambdas = [...data.vis2, ...data.t3].map((p) => p.wavelength);
  const [l0, l1] = extremes(lambdas);
  const table = lookupTable('viridis');
  const colour = (lambda) => {
    const i = l1 > l0 ? Math.round(200 * (lambda - l0) / (l1 - l0)) : 100;
    return `rgb(${table[i * 3]},${table[i * 3 + 1]},${table[i * 3 + 2]})`;
  };
  const figures = el('div', { class: 'oi-plots' });
  const draw = (target) => {
    const vis2 = data.vis2.filter((p) => p.target === target);
    const t3 = data.t3.filter((p) => p.target === target);
    replace(figures,
      vis2.length ? figure('oi-vis2', 'Squared visibility against spatial frequency',
        scatter(vis2, 'oi-vis2', (p) => p.frequency / MEGA, (p) => p.value, (p) => p.error, colour, 'spatial frequency (Mλ)', 'V²')) : null,
      t3.length ? figure('oi-t3', 'Closure phase against the longest baseline of the triangle',
        scatter(t3, 'oi-t3', (p) => p.frequency / MEGA, (p) => p.value, (p) => p.error, colour, 'largest spatial frequency (Mλ)', 'closure phase (deg)')) : null,
      vis2.length ? figure('oi-uv', '(u, v) coverage', coverage(vis2, colour)) : null,
      el('p', { class: 'muted oi-legend' }, `Colour: wavelength from ${(l0 * MEGA).toPrecision(4)} µm (dark) to ${(l1 * MEGA).toPrecision(4)} µm (light); ${vis2.length} V² and ${t3.length} closure-phase points.`));
  };
  const id = `${idPrefix}-target`;
  const picker = data.targets.length > 1
    ? el('label', { for: id }, 'Target ', el('select', { id, onchange: (e) => draw(Number(e.target.value)) },
      data.targets.map((t) => el('option', { value: t.id }, t.name))))
    : el('p', {}, `Target: ${data.targets[0]?.name ?? 'none'}`);
  if (data.targets.length) draw(data.targets[0].id);
  return el('div', { class: 'oifits-preview' }, el('h4', {}, 'Interferometric data (OIFITS)'), picker, figures);
}

function figure(kind, caption, drawing) {
  return el('figure', { class: `plot ${kind}` }, drawing, el('figcaption', { class: 'muted' }, caption));
}

// A loop, not Math.min(...values): a large file's hundred thousand points would overflow the call stack.
function extremes(values) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
  return [lo, hi];
}

function range(values, include = []) {
  const all = [...values, ...include].filter(Number.isFinite);
  const [lo, hi] = extremes(all);
  return lo === hi ? [lo - 1, hi + 1] : [lo - (hi - lo) * 0.04, hi + (hi - lo) * 0.04];
}

function frame(x0, x1, y0, y1, xLabel, yLabel, label) {
  const fmt = (v) => Number(v.toPrecision(3)).toString();
  const text = (x, y, t, anchor) => svg('text', { x, y, 'text-anchor': anchor, 'font-size': 12, fill: '#1b1f24' }, t);
  return [
    svg('rect', { x: M.left, y: M.top, width: W - M.left - M.right, height: H - M.top - M.bottom, fill: 'none', stroke: '#8c959f' }),
    text(M.left, H - M.bottom + 16, fmt(x0), 'start'), text(W - M.right, H - M.bottom + 16, fmt(x1), 'end'),
    text((M.left + W - M.right) / 2, H - 8, xLabel, 'middle'),
    text(M.left - 4, H - M.bottom, fmt(y0), 'end'), text(M.left - 4, M.top + 10, fmt(y1), 'end'),
    text(M.left, M.top - 8, yLabel, 'start'),
    svg('title', {}, label),
  ];
}

function scatter(points, kind, x, y, error, colour, xLabel, yLabel) {
  const [x0, x1] = range(points.map(x), [0]);
  const [y0, y1] = range(points.flatMap((p) => [y(p) - (error(p) || 0), y(p) + (error(p) || 0)]));
  const sx = (v) => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const marks = points.map((p) => {
    const c = colour(p.wavelength);
    const e = Number.isFinite(error(p)) ? error(p) : 0;
    return [svg('line', { x1: sx(x(p)), x2: sx(x(p)), y1: sy(y(p) - e), y2: sy(y(p) + e), stroke: c, 'stroke-width': 1, class: 'oi-error' }),
      svg('circle', { cx: sx(x(p)), cy: sy(y(p)), r: 2.2, fill: c, class: 'oi-point' })];
  });
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: kind, 'data-points': points.length, 'aria-label': `${yLabel} against ${xLabel}, ${points.length} points` },
    frame(x0, x1, y0, y1, xLabel, yLabel, `${yLabel} against ${xLabel}`), marks);
}

// Each baseline is measured at (u, v) and, the sky brightness being real, also gives (−u, −v).
function coverage(points, colour) {
  const extent = extremes(points.map((p) => Math.max(Math.abs(p.u), Math.abs(p.v))))[1] / MEGA * 1.05 || 1;
  const side = H - M.top - M.bottom;
  const sx = (v) => M.left + ((v + extent) / (2 * extent)) * side;
  const sy = (v) => H - M.bottom - ((v + extent) / (2 * extent)) * side;
  const marks = points.flatMap((p) => [
    svg('circle', { cx: sx(-p.u / MEGA), cy: sy(p.v / MEGA), r: 2, fill: colour(p.wavelength), class: 'oi-point' }),
    svg('circle', { cx: sx(p.u / MEGA), cy: sy(-p.v / MEGA), r: 2, fill: 'none', stroke: colour(p.wavelength), class: 'oi-mirror' }),
  ]);
  // East is to the left on the sky, so u grows leftwards.
  const width = M.left + side + M.right;
  const text = (x, y, t, anchor) => svg('text', { x, y, 'text-anchor': anchor, 'font-size': 12, fill: '#1b1f24' }, t);
  return svg('svg', { viewBox: `0 0 ${width} ${H}`, role: 'img', class: 'oi-uv', 'data-points': points.length, 'aria-label': `(u, v) coverage, ${points.length} points and their mirrors` },
    svg('rect', { x: M.left, y: M.top, width: side, height: side, fill: 'none', stroke: '#8c959f' }),
    svg('line', { x1: M.left, x2: M.left + side, y1: M.top + side / 2, y2: M.top + side / 2, stroke: '#d0d7de' }),
    svg('line', { x1: M.left + side / 2, x2: M.left + side / 2, y1: M.top, y2: M.top + side, stroke: '#d0d7de' }),
    text(M.left, H - M.bottom + 16, (extent).toPrecision(3), 'start'), text(M.left + side, H - M.bottom + 16, (-extent).toPrecision(3), 'end'),
    text(M.left + side / 2, H - 8, 'u (Mλ, east to the left)', 'middle'),
    text(M.left - 4, M.top + 10, extent.toPrecision(3), 'end'), text(M.left - 4, H - M.bottom, (-extent).toPrecision(3), 'end'),
    text(M.left, M.top - 8, 'v (Mλ)', 'start'), svg('title', {}, '(u, v) coverage'), marks);
}
