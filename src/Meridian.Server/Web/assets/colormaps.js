// SPDX-License-Identifier: MIT
// Colour maps and intensity scalings for images: value in [0, 1] to RGB.
const STOPS = {
  grey: [[0, 0, 0, 0], [1, 255, 255, 255]],
  heat: [[0, 0, 0, 0], [0.35, 200, 30, 0], [0.7, 255, 200, 0], [1, 255, 255, 255]],
  // Perceptually uniform (viridis, sampled at nine points).
  viridis: [[0, 68, 1, 84], [0.125, 71, 44, 122], [0.25, 59, 81, 139], [0.375, 44, 113, 142], [0.5, 33, 144, 141],
    [0.625, 39, 173, 129], [0.75, 92, 200, 99], [0.875, 170, 220, 50], [1, 253, 231, 37]],
};

export const COLORMAPS = Object.keys(STOPS);
export const SCALES = ['linear', 'sqrt', 'log', 'asinh'];

/** A 256-entry RGB table of a colour map. */
export function lookupTable(name) {
  const stops = STOPS[name] ?? STOPS.grey;
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    let s = 0;
    while (s < stops.length - 2 && t > stops[s + 1][0]) s++;
    const [t0, ...a] = stops[s];
    const [t1, ...b] = stops[s + 1];
    const f = t1 === t0 ? 0 : (t - t0) / (t1 - t0);
    for (let c = 0; c < 3; c++) table[i * 3 + c] = a[c] + (b[c] - a[c]) * f;
  }
  return table;
}

/** The stretch of a normalised value t in [0, 1]. */
export function stretch(scale, t) {
  switch (scale) {
    case 'sqrt': return Math.sqrt(t);
    case 'log': return Math.log10(1 + 999 * t) / 3;
    case 'asinh': return Math.asinh(10 * t) / Math.asinh(10);
    default: return t;
  }
}
