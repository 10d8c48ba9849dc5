// SPDX-License-Identifier: MIT
// The spectrum of a cube at one pixel: the values along NAXIS3 against the third axis's world coordinate
// (CRVAL3 + CDELT3 × (k − CRPIX3), CTYPE3 and CUNIT3 as given), or the plane number without one.
import { el, svg } from './dom.js';

const W = 560;
const H = 220;
const M = { left: 64, right: 14, top: 22, bottom: 40 };

export function spectrumPlot(hdu, values, x, y) {
  const k = hdu.keys;
  const linear = k.has('CRVAL3');
  const axis = (i) => (linear ? (k.get('CRVAL3') ?? 0) + ((k.get('CDELT3') ?? k.get('CD3_3') ?? 1) * (i + 1 - (k.get('CRPIX3') ?? 1))) : i + 1);
  const xs = values.map((_, i) => axis(i));
  const xLabel = linear ? `${k.get('CTYPE3') ?? 'axis 3'}${k.get('CUNIT3') ? ` (${k.get('CUNIT3')})` : ''}` : 'plane';
  const yLabel = `value${k.get('BUNIT') ? ` (${k.get('BUNIT')})` : ''}`;
  const finite = values.filter(Number.isFinite);
  const [x0, x1] = bounds(xs);
  const [y0, y1] = bounds(finite.length ? finite : [0]);
  const sx = (v) => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (v) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const fmt = (v) => Number(v.toPrecision(4)).toString();
  const text = (tx, ty, t, anchor) => svg('text', { x: tx, y: ty, 'text-anchor': anchor, 'font-size': 12, fill: '#1b1f24' }, t);
  // A blank value breaks the line rather than joining its neighbours.
  const segments = [];
  let current = [];
  values.forEach((v, i) => {
    if (Number.isFinite(v)) current.push(`${sx(xs[i])},${sy(v)}`);
    else if (current.length) { segments.push(current); current = []; }
  });
  if (current.length) segments.push(current);
  return el('figure', { class: 'plot' },
    svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'fits-spectrum-plot', 'data-x': x, 'data-y': y, 'data-values': values.map(String).join(','), 'aria-label': `Spectrum at pixel (${x}, ${y})` },
      svg('rect', { x: M.left, y: M.top, width: W - M.left - M.right, height: H - M.top - M.bottom, fill: 'none', stroke: '#8c959f' }),
      segments.map((s) => svg('polyline', { points: s.join(' '), fill: 'none', stroke: '#0a58ca', 'stroke-width': 1.5 })),
      values.map((v, i) => (Number.isFinite(v) ? svg('circle', { cx: sx(xs[i]), cy: sy(v), r: 2.5, fill: '#0a58ca' }) : null)),
      text(M.left, H - M.bottom + 16, fmt(x0), 'start'), text(W - M.right, H - M.bottom + 16, fmt(x1), 'end'),
      text((M.left + W - M.right) / 2, H - 6, xLabel, 'middle'),
      text(M.left - 4, H - M.bottom, fmt(y0), 'end'), text(M.left - 4, M.top + 10, fmt(y1), 'end'),
      text(M.left, M.top - 8, yLabel, 'start')),
    el('figcaption', { class: 'muted' }, `Spectrum along the third axis at pixel (${x}, ${y})`));
}

function bounds(values) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}
