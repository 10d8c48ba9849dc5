// SPDX-License-Identifier: MIT
// A quick scatter-and-line plot of two numeric columns, drawn as SVG (no library, no canvas to describe).
import { el, svg, replace } from './dom.js';
import { isNumber } from './table.js';

const W = 640;
const H = 360;
const M = { left: 70, right: 20, top: 28, bottom: 50 };
// More points than a 640-pixel plot can show apart cost the page seconds: every k-th is drawn beyond this.
const MAX_POINTS = 4000;

export function plotPicker(header, rows, idPrefix) {
  const numeric = header.map((_, i) => i).filter((i) => rows.length > 0 && rows.every((r) => isNumber(r[i] ?? '')));
  if (numeric.length < 2) return null;
  const picker = (id, label, selected) => el('div', {},
    el('label', { for: id }, label),
    el('select', { id }, numeric.map((i) => el('option', { value: i, selected: i === selected }, header[i]))));
  const x = picker(`${idPrefix}-x`, 'X axis', numeric[0]);
  const y = picker(`${idPrefix}-y`, 'Y axis', numeric[numeric.length - 1]);
  const figure = el('figure', { class: 'plot' });
  const draw = () => {
    const xi = Number(x.querySelector('select').value);
    const yi = Number(y.querySelector('select').value);
    const step = Math.ceil(rows.length / MAX_POINTS);
    replace(figure, plot(rows, xi, yi, header, step), el('figcaption', { class: 'muted' },
      `${header[yi]} against ${header[xi]}${step > 1 ? ` (every ${step}th of ${rows.length} rows, in order of ${header[xi]})` : ''}`));
  };
  x.addEventListener('change', draw);
  y.addEventListener('change', draw);
  draw();
  return el('div', {}, el('div', { class: 'filters' }, x, y), figure);
}

function plot(rows, xi, yi, header, step) {
  const all = rows.map((r) => [Number(r[xi]), Number(r[yi])]).sort((a, b) => a[0] - b[0]);
  const points = step > 1 ? all.filter((_, i) => i % step === 0) : all;
  // The axes span every row, drawn or not; a loop, as spreading 100,000 values into Math.min overflows the stack.
  const range = (values) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
    return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  };
  const [x0, x1] = range(all.map((p) => p[0]));
  const [y0, y1] = range(all.map((p) => p[1]));
  const sx = (v) => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const label = (x, y, text, anchor) => svg('text', { x, y, 'text-anchor': anchor, 'font-size': 13, fill: '#1b1f24' }, text);
  const fmt = (v) => Number(v.toPrecision(4)).toString();
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Plot of ${header[yi]} against ${header[xi]}` },
    svg('rect', { x: M.left, y: M.top, width: W - M.left - M.right, height: H - M.top - M.bottom, fill: 'none', stroke: '#8c959f' }),
    svg('polyline', { points: points.map((p) => `${sx(p[0])},${sy(p[1])}`).join(' '), fill: 'none', stroke: '#0a58ca', 'stroke-width': 1.5 }),
    points.map((p) => svg('circle', { cx: sx(p[0]), cy: sy(p[1]), r: 2.5, fill: '#0a58ca' })),
    label(M.left, H - M.bottom + 18, fmt(x0), 'start'),
    label(W - M.right, H - M.bottom + 18, fmt(x1), 'end'),
    label((M.left + W - M.right) / 2, H - 10, header[xi], 'middle'),
    label(M.left - 6, H - M.bottom, fmt(y0), 'end'),
    label(M.left - 6, M.top + 12, fmt(y1), 'end'),
    label(M.left, M.top - 6, header[yi], 'start'));
}
