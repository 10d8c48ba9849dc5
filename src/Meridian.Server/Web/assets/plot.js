// SPDX-License-Identifier: MIT
// A quick scatter-and-line plot of two numeric columns, drawn as SVG (no library, no canvas to describe): ticks on
// both axes, each axis linear or logarithmic, titled with its column's unit where the table gives one.
// A table is plotted at once only when it looks like a function sampled in rows (see `looksSampled`); otherwise,
// a statistics or summary table, the plot is drawn on request.
import { el, svg, replace } from './dom.js';
import { isNumber } from './table.js';
import { linearTicks, logTicks, tickLabel } from './axes.js';

// The picture's size in its own units: the screen's width up to 640, so that its text stays at its size on a phone.
const MAX_W = 640;
const MIN_W = 300;
const TOP = 20;
const RIGHT = 20;
const BOTTOM = 56;
// An average digit of the 12-pixel tick font; the left margin is made to fit the longest y label.
const CHAR_W = 7.2;
// More points than a 640-pixel plot can show apart cost the page seconds: every k-th is drawn beyond this.
const MAX_POINTS = 4000;
// Fewer rows than this are a summary (one row per column, per statistic), not a curve.
export const MIN_PLOTTED_ROWS = 3;

/**
 * Whether a table is plotted without being asked: at least MIN_PLOTTED_ROWS rows, and a first column of numbers
 * (the abscissa of a sampled function). A table of statistics names its rows in the first column, so it is not.
 */
export function looksSampled(rows) {
  return rows.length >= MIN_PLOTTED_ROWS && rows.every((r) => isNumber(r[0] ?? ''));
}

/**
 * The column pickers, log-scale switches and the plot; null when fewer than two columns hold numbers.
 * options.units maps a column name to its unit, shown in the axis titles.
 */
export function plotPicker(header, rows, idPrefix, options = {}) {
  const numeric = header.map((_, i) => i).filter((i) => rows.length > 0 && rows.every((r) => isNumber(r[i] ?? '')));
  if (numeric.length < 2) return null;
  const units = options.units ?? {};
  const title = (i) => (units[header[i]] && !header[i].includes(`[${units[header[i]]}]`) ? `${header[i]} [${units[header[i]]}]` : header[i]);
  const picker = (id, label, selected) => el('div', {},
    el('label', { for: id }, label),
    el('select', { id }, numeric.map((i) => el('option', { value: i, selected: i === selected }, header[i]))));
  const toggle = (id, label) => el('div', { class: 'check' }, el('input', { type: 'checkbox', id }), el('label', { for: id }, label));
  const x = picker(`${idPrefix}-x`, 'X axis', numeric[0]);
  const y = picker(`${idPrefix}-y`, 'Y axis', numeric[numeric.length - 1]);
  const logX = toggle(`${idPrefix}-logx`, 'Log x');
  const logY = toggle(`${idPrefix}-logy`, 'Log y');
  const figure = el('figure', { class: 'plot' });
  const draw = () => {
    const xi = Number(x.querySelector('select').value);
    const yi = Number(y.querySelector('select').value);
    // A logarithmic axis needs positive values: the switch is off and disabled, and says why, for any other column.
    for (const [box, column] of [[logX, xi], [logY, yi]]) {
      const input = box.querySelector('input');
      const positive = rows.every((r) => Number(r[column]) > 0);
      input.disabled = !positive;
      if (!positive) input.checked = false;
      box.title = positive ? '' : `${header[column]} has values ≤ 0: no logarithmic scale`;
    }
    const scales = { x: logX.querySelector('input').checked, y: logY.querySelector('input').checked };
    const step = Math.ceil(rows.length / MAX_POINTS);
    replace(figure, plot(rows, xi, yi, title, step, scales), el('figcaption', { class: 'muted' },
      `${header[yi]} against ${header[xi]}${step > 1 ? ` (every ${step}th of ${rows.length} rows, in order of ${header[xi]})` : ''}`));
  };
  for (const control of [x, y, logX, logY]) control.addEventListener('change', draw);
  const controls = el('div', { class: 'filters plot-controls' }, x, y, logX, logY);
  const open = () => { draw(); return el('div', { class: 'plot-box' }, controls, figure); };
  if (options.automatic ?? looksSampled(rows)) return open();
  // A summary table: the plot only on request, in place of the button.
  const holder = el('div', { class: 'plot-box' });
  const button = el('button', { type: 'button', onclick: () => replace(holder, [...open().childNodes]) }, 'Plot two columns');
  holder.append(button);
  return holder;
}

function plot(rows, xi, yi, title, step, scales) {
  const W = Math.round(Math.min(MAX_W, Math.max(MIN_W, document.documentElement.clientWidth - 40)));
  const H = Math.round(Math.max(240, W * 0.5625));
  const all = rows.map((r) => [Number(r[xi]), Number(r[yi])]).sort((a, b) => a[0] - b[0]);
  const points = step > 1 ? all.filter((_, i) => i % step === 0) : all;
  const xAxis = axis(all.map((p) => p[0]), scales.x);
  const yAxis = axis(all.map((p) => p[1]), scales.y);
  const yLabels = yAxis.ticks.map((t) => tickLabel(t, yAxis.ticks));
  const left = 30 + Math.ceil(Math.max(...yLabels.map((l) => l.length)) * CHAR_W) + 8;
  const sx = (v) => left + xAxis.fraction(v) * (W - left - RIGHT);
  const sy = (v) => H - BOTTOM - yAxis.fraction(v) * (H - TOP - BOTTOM);
  const text = (attributes, content) => svg('text', { 'font-size': 12, ...attributes }, content);
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Plot of ${title(yi)} against ${title(xi)}`, 'data-log-x': String(scales.x), 'data-log-y': String(scales.y) },
    svg('rect', { class: 'plot-frame', x: left, y: TOP, width: W - left - RIGHT, height: H - TOP - BOTTOM, fill: 'none' }),
    xAxis.ticks.map((t) => svg('g', { class: 'tick tick-x' },
      svg('line', { x1: sx(t), x2: sx(t), y1: H - BOTTOM, y2: H - BOTTOM + 5 }),
      text({ x: sx(t), y: H - BOTTOM + 18, 'text-anchor': 'middle' }, tickLabel(t, xAxis.ticks)))),
    yAxis.ticks.map((t, i) => svg('g', { class: 'tick tick-y' },
      svg('line', { x1: left - 5, x2: left, y1: sy(t), y2: sy(t) }),
      text({ x: left - 8, y: sy(t) + 4, 'text-anchor': 'end' }, yLabels[i]))),
    svg('polyline', { class: 'plot-line', points: points.map((p) => `${sx(p[0])},${sy(p[1])}`).join(' '), fill: 'none', 'stroke-width': 1.5 }),
    points.map((p) => svg('circle', { class: 'plot-point', cx: sx(p[0]), cy: sy(p[1]), r: 2.5 })),
    text({ class: 'axis-title', x: (left + W - RIGHT) / 2, y: H - 12, 'text-anchor': 'middle', 'font-size': 13 }, title(xi)),
    text({ class: 'axis-title', x: -(TOP + (H - BOTTOM)) / 2, y: 16, transform: 'rotate(-90)', 'text-anchor': 'middle', 'font-size': 13 }, title(yi)));
}

/** An axis over the values: its ticks and where a value falls on it, from 0 to 1. */
function axis(values, logarithmic) {
  // A loop, as spreading 100,000 values into Math.min overflows the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (logarithmic) {
    if (lo === hi) { lo /= 10; hi *= 10; }
    const [a, b] = [Math.log10(lo), Math.log10(hi)];
    const ticks = logTicks(lo, hi);
    return { ticks: ticks.length >= 2 ? ticks : linearTicks(lo, hi), fraction: (v) => (Math.log10(v) - a) / (b - a) };
  }
  if (lo === hi) { lo -= 1; hi += 1; }
  return { ticks: linearTicks(lo, hi), fraction: (v) => (v - lo) / (hi - lo) };
}
