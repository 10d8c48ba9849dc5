// SPDX-License-Identifier: MIT
// The display limits of an image: its extremes, the central 99.5 % of its pixels, or IRAF's zscale.
export const CUTS = ['minmax', '99.5%', 'zscale'];

function finiteSorted(values, most = 100000) {
  const step = Math.max(1, Math.floor(values.length / most));
  const sample = [];
  for (let i = 0; i < values.length; i += step) if (Number.isFinite(values[i])) sample.push(values[i]);
  return sample.sort((a, b) => a - b);
}

export function limits(values, cut) {
  const sorted = finiteSorted(values, cut === 'zscale' ? 1000 : 100000);
  if (sorted.length === 0) return [0, 1];
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  if (cut === '99.5%') return [at(0.0025), at(0.9975)];
  if (cut === 'zscale') return zscale(sorted);
  return [sorted[0], sorted[sorted.length - 1]];
}

// zscale (IRAF): a line fitted to the sorted sample's middle; the limits span the median ± the line's range
// over the sample, divided by the contrast (0.25).
function zscale(sorted) {
  const n = sorted.length;
  const median = sorted[Math.floor(n / 2)];
  const from = Math.floor(n * 0.25);
  const to = Math.max(from + 2, Math.ceil(n * 0.75));
  let sx = 0; let sy = 0; let sxx = 0; let sxy = 0; let m = 0;
  for (let i = from; i < to && i < n; i++) { sx += i; sy += sorted[i]; sxx += i * i; sxy += i * sorted[i]; m++; }
  const slope = m > 1 ? (m * sxy - sx * sy) / (m * sxx - sx * sx || 1) : 0;
  const contrast = 0.25;
  const z1 = Math.max(sorted[0], median - (n / 2) * slope / contrast);
  const z2 = Math.min(sorted[n - 1], median + (n / 2) * slope / contrast);
  return z1 < z2 ? [z1, z2] : [sorted[0], sorted[n - 1]];
}
