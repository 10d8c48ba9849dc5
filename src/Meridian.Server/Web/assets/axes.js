// SPDX-License-Identifier: MIT
// Axis ticks for the quick plots: "nice" values (1, 2 or 5 times a power of ten) on a linear axis, decades (and
// 2 and 5 within them when the range is short) on a logarithmic one, and labels short enough to read.

/** About `count` round values covering [lo, hi] on a linear axis. */
export function linearTicks(lo, hi, count = 6) {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

/** Powers of ten within [lo, hi] (both positive), with 2 and 5 between them when fewer than three decades show. */
export function logTicks(lo, hi) {
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const multiples = last - first <= 2 ? [1, 2, 5] : [1];
  const ticks = [];
  for (let e = first; e <= last; e++) {
    for (const m of multiples) {
      const v = m * 10 ** e;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(Number(v.toPrecision(12)));
    }
  }
  return ticks;
}

/** A tick label: plain digits for ordinary magnitudes, an exponent for very large or very small ones. */
export function tickLabel(value, ticks) {
  if (value === 0) return '0';
  const magnitude = Math.max(...ticks.map((t) => Math.abs(t)));
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(Math.min(4, significantDecimals(value))).replace('e+', 'e');
  return Number(value.toPrecision(6)).toString();
}

function significantDecimals(value) {
  const mantissa = Number(value.toExponential(6).split('e')[0]);
  for (let d = 0; d <= 6; d++) if (Math.abs(Number(mantissa.toFixed(d)) - mantissa) < 1e-9) return d;
  return 6;
}
