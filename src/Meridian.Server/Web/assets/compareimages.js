// SPDX-License-Identifier: MIT
// The images of the same FITS result of several jobs, side by side on one colour scale: the display limits span
// every image (the central 99.5 % of each, widened to hold them all), so that equal values look equal.
import { el } from './dom.js';
import { readHdus, readPlane } from './fits.js';
import { lookupTable } from './colormaps.js';
import { limits } from './cuts.js';

// An image larger than this is not drawn here: its own job page shows it.
const MAX_PIXELS = 2048 * 2048;

export async function sideBySide(name, entries) {
  const images = [];
  for (const { label, result } of entries) {
    try {
      const hdu = (await readHdus(result.href, result.size)).find((h) => h.isImage);
      if (!hdu || hdu.axes[0] * hdu.axes[1] > MAX_PIXELS) continue;
      images.push({ label, hdu, values: await readPlane(result.href, hdu, 0) });
    } catch {
      // Not a readable image: left out, as on its own page.
    }
  }
  if (images.length < 2) return null;
  const cuts = images.map((image) => limits(image.values, '99.5%'));
  const low = Math.min(...cuts.map((c) => c[0]));
  const high = Math.max(...cuts.map((c) => c[1]));
  const fmt = (v) => Number(v.toPrecision(4)).toString();
  return el('section', { class: 'compare-images', 'data-result': name, 'data-low': low, 'data-high': high },
    el('h3', {}, name),
    el('p', { class: 'muted' }, `One grey scale for all: black at ${fmt(low)}, white at ${fmt(high)}.`),
    el('div', { class: 'image-row' }, images.map((image) => el('figure', {},
      draw(image, low, high), el('figcaption', {}, `${image.label} (${image.hdu.axes[0]} × ${image.hdu.axes[1]})`)))));
}

function draw({ label, hdu, values }, low, high) {
  const [width, height] = hdu.axes;
  const canvas = el('canvas', { width, height, class: 'compare-canvas', role: 'img', 'aria-label': `${label}: the image` });
  const context = canvas.getContext('2d');
  const picture = context.createImageData(width, height);
  const grey = lookupTable('grey');
  const span = high - low || 1;
  for (let y = 0; y < height; y++) {
    // FITS puts row 0 at the bottom.
    const row = (height - 1 - y) * width;
    for (let x = 0; x < width; x++) {
      const v = values[row + x];
      const level = Number.isFinite(v) ? Math.round(255 * Math.min(1, Math.max(0, (v - low) / span))) : 0;
      const at = (y * width + x) * 4;
      picture.data[at] = grey[level * 3];
      picture.data[at + 1] = grey[level * 3 + 1];
      picture.data[at + 2] = grey[level * 3 + 2];
      picture.data[at + 3] = 255;
    }
  }
  context.putImageData(picture, 0, 0);
  return canvas;
}
