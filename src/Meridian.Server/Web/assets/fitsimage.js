// SPDX-License-Identifier: MIT
// One image HDU drawn on a canvas: colour map, scaling and cuts, zoom, a plane slider for a cube, and under the
// pointer the pixel value, the world coordinates and, for a cube, the spectrum along the third axis.
import { el, replace } from './dom.js';
import { readPlane, readSpectrum, world } from './fits.js';
import { COLORMAPS, SCALES, lookupTable, stretch } from './colormaps.js';
import { CUTS, limits } from './cuts.js';
import { spectrumPlot } from './spectrum.js';

const ZOOMS = [0.25, 0.5, 1, 2, 4, 8];
const LEVELS = 4096;
const SPECTRUM_DELAY_MS = 120;
// Beyond this many pixels the first picture samples every n-th pixel and row (it is on screen at once);
// the full-resolution one follows in the next task.
const FIRST_PICTURE_PIXELS = 1 << 20;

export async function imageViewer(result, images) {
  const id = `fits-${result.id}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const state = { hdu: images[0], plane: 0, values: null, colormap: 'grey', scale: 'linear', cut: '99.5%', zoom: 1 };
  const canvas = el('canvas', { class: 'fits-canvas', id: `${id}-canvas`, 'aria-label': `Image of ${result.id}` });
  const readout = el('output', { class: 'fits-readout mono', id: `${id}-readout`, 'aria-live': 'polite' }, 'Point at the image for the pixel value.');
  const spectrum = el('div', { class: 'fits-spectrum', id: `${id}-spectrum` });
  const select = (name, options, value, onchange) => el('label', {}, `${name} `,
    el('select', { id: `${id}-${name}`, onchange: (e) => onchange(e.target.value) }, options.map((o) => el('option', { value: String(o), selected: String(o) === String(value) }, String(o)))));
  const planeBox = el('span', {});
  const controls = el('div', { class: 'fits-controls' },
    images.length > 1 ? select('image', images.map((h) => h.name), state.hdu.name, async (name) => { state.hdu = images.find((h) => h.name === name); state.plane = 0; await load(); }) : null,
    select('colours', COLORMAPS, state.colormap, (v) => { state.colormap = v; draw(); }),
    select('scale', SCALES, state.scale, (v) => { state.scale = v; draw(); }),
    select('cut', CUTS, state.cut, (v) => { state.cut = v; draw(); }),
    select('zoom', ZOOMS, state.zoom, (v) => { state.zoom = Number(v); size(); }),
    planeBox);
  const frame = el('div', { class: 'fits-frame' }, canvas);

  function size() {
    const [width, height] = state.hdu.axes;
    canvas.style.width = `${width * state.zoom}px`;
    canvas.style.height = `${height * state.zoom}px`;
  }

  // One pass over the plane with 32-bit pixel writes; the stretch is a table of LEVELS steps, not a call a pixel.
  function draw(step = 1) {
    const [width, height] = state.hdu.axes;
    const [low, high] = limits(state.values, state.cut);
    const shownWidth = Math.ceil(width / step);
    const shownHeight = Math.ceil(height / step);
    canvas.width = shownWidth;
    canvas.height = shownHeight;
    const rgb = lookupTable(state.colormap);
    const colours = new Uint32Array(LEVELS);
    for (let i = 0; i < LEVELS; i++) {
      const level = Math.round(255 * stretch(state.scale, i / (LEVELS - 1)));
      colours[i] = (255 << 24 | rgb[level * 3 + 2] << 16 | rgb[level * 3 + 1] << 8 | rgb[level * 3]) >>> 0;
    }
    const blank = (255 << 24 | 255 << 16 | 0 << 8 | 255) >>> 0;
    const context = canvas.getContext('2d');
    const image = context.createImageData(shownWidth, shownHeight);
    const pixels = new Uint32Array(image.data.buffer);
    const factor = (LEVELS - 1) / (high - low || 1);
    const values = state.values;
    for (let y = 0; y < shownHeight; y++) {
      // FITS rows go upwards: row 0 is drawn at the bottom.
      const from = y * step * width;
      const to = (shownHeight - 1 - y) * shownWidth;
      for (let x = 0; x < shownWidth; x++) {
        const v = values[from + x * step];
        if (v !== v || v === Infinity || v === -Infinity) { pixels[to + x] = blank; continue; }
        const t = (v - low) * factor;
        pixels[to + x] = colours[t <= 0 ? 0 : t >= LEVELS - 1 ? LEVELS - 1 : t | 0];
      }
    }
    context.putImageData(image, 0, 0);
    canvas.dataset.low = String(low);
    canvas.dataset.high = String(high);
  }

  async function load() {
    const [width, height, depth = 1] = state.hdu.axes;
    replace(planeBox, depth > 1 ? el('label', {}, 'plane ',
      el('input', { type: 'range', id: `${id}-plane`, min: 0, max: depth - 1, value: state.plane, onchange: async (e) => { state.plane = Number(e.target.value); await load(); } }),
      el('span', { class: 'mono' }, ` ${state.plane + 1} / ${depth}`)) : null);
    replace(spectrum, depth > 1 ? el('p', { class: 'muted' }, 'Point at the image for the spectrum along the third axis.') : null);
    state.values = await readPlane(result.href, state.hdu, state.plane);
    size();
    const step = Math.ceil(Math.sqrt(width * height / FIRST_PICTURE_PIXELS));
    draw(step);
    canvas.dataset.drawn = String(performance.now());
    if (step > 1) {
      const values = state.values;
      setTimeout(() => {
        if (state.values !== values) return;
        draw();
        canvas.dataset.full = String(performance.now());
      }, 0);
    } else {
      canvas.dataset.full = canvas.dataset.drawn;
    }
  }

  let pending = null;
  let shownSpectrum = '';
  function showSpectrum(x, y) {
    const hdu = state.hdu;
    if ((hdu.axes[2] ?? 1) <= 1) return;
    clearTimeout(pending);
    // A spectrum costs one range request per plane: only once the pointer rests.
    pending = setTimeout(async () => {
      const key = `${hdu.index}:${x}:${y}`;
      if (key === shownSpectrum) return;
      shownSpectrum = key;
      const values = await readSpectrum(result.href, hdu, x, y);
      if (shownSpectrum === key) replace(spectrum, spectrumPlot(hdu, values, x + 1, y + 1));
    }, SPECTRUM_DELAY_MS);
  }

  canvas.addEventListener('mousemove', (event) => {
    const [width, height] = state.hdu.axes;
    const rect = canvas.getBoundingClientRect();
    const x = Math.floor((event.clientX - rect.left) / rect.width * width);
    const y = height - 1 - Math.floor((event.clientY - rect.top) / rect.height * height);
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const value = state.values[y * width + x];
    const coordinates = world(state.hdu, x + 1, y + 1);
    const unit = state.hdu.keys.get('BUNIT');
    canvas.dataset.x = String(x + 1);
    canvas.dataset.y = String(y + 1);
    canvas.dataset.value = String(value);
    canvas.dataset.world = coordinates ? coordinates.map((c) => c.value).join(',') : '';
    readout.textContent = `pixel (${x + 1}, ${y + 1}) = ${Number.isFinite(value) ? value.toPrecision(7) : 'blank'}${unit ? ` ${unit}` : ''}`
      + (coordinates ? ` · ${coordinates.map((c) => `${c.type} ${c.value.toPrecision(9)}${c.unit ? ` ${c.unit}` : ''}`).join(', ')}` : '');
    showSpectrum(x, y);
  });

  await load();
  return el('div', { class: 'fits-image' }, controls, frame, readout, spectrum);
}
