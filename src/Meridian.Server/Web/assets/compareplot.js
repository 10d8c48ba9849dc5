// SPDX-License-Identifier: MIT
// The same table result of several jobs drawn on one set of axes: one line per job, told apart by colour and
// by dash pattern (so that they differ without colour too), with a legend naming each job.
import { el, svg, replace } from './dom.js';
import { isNumber, parseDelimited } from './table.js';
import { linearTicks, tickLabel } from './axes.js';

const W = 720;
const H = 380;
const M = { left: 80, right: 20, top: 20, bottom: 52 };
const COLOURS = ['#0a58ca', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#475569'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '12 4', '1 2', '4 4', '10 2 2 2'];
const TABLE_BYTES = 4 * 1024 * 1024;

/** Overlaid plots of result `name`, a CSV result of every job in `jobs` ([{ label, result }]). */
export async function overlayPlot(name, entries) {
  const tables = [];
  for (const { label, result } of entries) {
    const response = await fetch(result.href, { headers: { Range: `bytes=0-${TABLE_BYTES - 1}` } });
    if (!response.ok) continue;
    const [header, ...rows] = parseDelimited(await response.text(), ',');
    if (header && rows.length >= 2) tables.push({ label, header, rows });
  }
  if (tables.length < 2) return null;
  // The columns every table has, numeric in all of them.
  const common = tables[0].header.filter((column) => tables.every((t) => {
    const i = t.header.indexOf(column);
    return i >= 0 && t.rows.every((r) => isNumber(r[i] ?? ''));
  }));
  if (common.length < 2) return null;
  const id = `overlay-${name}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const picker = (axis, selected) => el('div', {}, el('label', { for: `${id}-${axis}` }, `${axis.toUpperCase()} axis`),
    el('select', { id: `${id}-${axis}` }, common.map((c) => el('option', { value: c, selected: c === selected }, c))));
  const x = picker('x', common[0]);
  const y = picker('y', common[common.length - 1]);
  const figure = el('figure', { class: 'plot overlay' });
  const draw = () => {
    const xc = x.querySelector('select').value;
    const yc = y.querySelector('select').value;
    replace(figure, drawing(tables, xc, yc), legend(tables), el('figcaption', { class: 'muted' }, `${yc} against ${xc}, one line per job`));
  };
  x.addEventListener('change', draw);
  y.addEventListener('change', draw);
  draw();
  return el('section', { class: 'compare-plot', 'data-result': name }, el('h3', {}, name), el('div', { class: 'filters' }, x, y), figure);
}

function drawing(tables, xc, yc) {
  const series = tables.map((t) => {
    const xi = t.header.indexOf(xc);
    const yi = t.header.indexOf(yc);
    return t.rows.map((r) => [Number(r[xi]), Number(r[yi])]).sort((a, b) => a[0] - b[0]);
  });
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const points of series) {
    for (const [px, py] of points) {
      x0 = Math.min(x0, px); x1 = Math.max(x1, px); y0 = Math.min(y0, py); y1 = Math.max(y1, py);
    }
  }
  if (x0 === x1) { x0 -= 1; x1 += 1; }
  if (y0 === y1) { y0 -= 1; y1 += 1; }
  const sx = (v) => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const text = (px, py, value, anchor) => svg('text', { x: px, y: py, 'text-anchor': anchor, class: 'plot-text' }, value);
  const xTicks = linearTicks(x0, x1);
  const yTicks = linearTicks(y0, y1);
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${yc} against ${xc} for ${tables.map((t) => t.label).join(', ')}` },
    svg('rect', { x: M.left, y: M.top, width: W - M.left - M.right, height: H - M.top - M.bottom, class: 'plot-frame' }),
    xTicks.map((v) => [
      svg('line', { x1: sx(v), x2: sx(v), y1: H - M.bottom, y2: H - M.bottom + 5, class: 'plot-tick' }),
      text(sx(v), H - M.bottom + 18, tickLabel(v, xTicks), 'middle'),
    ]),
    yTicks.map((v) => [
      svg('line', { x1: M.left - 5, x2: M.left, y1: sy(v), y2: sy(v), class: 'plot-tick' }),
      text(M.left - 8, sy(v) + 4, tickLabel(v, yTicks), 'end'),
    ]),
    text((M.left + W - M.right) / 2, H - 10, xc, 'middle'),
    text(M.left, M.top - 6, yc, 'start'),
    series.map((points, i) => svg('polyline', {
      points: points.map(([px, py]) => `${sx(px)},${sy(py)}`).join(' '), fill: 'none', stroke: COLOURS[i % COLOURS.length],
      'stroke-width': 2, 'stroke-dasharray': DASHES[i % DASHES.length] || null, 'data-job': tables[i].label,
    })));
}

function legend(tables) {
  return el('ul', { class: 'legend' }, tables.map((t, i) => el('li', {},
    svg('svg', { width: 36, height: 10, 'aria-hidden': 'true' },
      svg('line', { x1: 0, x2: 36, y1: 5, y2: 5, stroke: COLOURS[i % COLOURS.length], 'stroke-width': 2, 'stroke-dasharray': DASHES[i % DASHES.length] || null })),
    ` ${t.label}`)));
}
