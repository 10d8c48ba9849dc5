// SPDX-License-Identifier: MIT
// The FITS preview of a result: its HDUs with their headers, image HDUs drawn with a colour map, a scaling and
// cuts, zoomed and panned, a plane slider for cubes, and the pixel value and world coordinates under the
// pointer. For an IMAGE-OI reconstruction, the image named by LAST_IMG comes first.
import { el, replace } from './dom.js';
import { readHdus, readPlane, world } from './fits.js';
import { COLORMAPS, SCALES, lookupTable, stretch } from './colormaps.js';
import { CUTS, limits } from './cuts.js';

const ZOOMS = [0.25, 0.5, 1, 2, 4, 8];

export async function fitsPreview(result) {
  let hdus;
  try {
    hdus = await readHdus(result.href, result.size);
  } catch (error) {
    return el('p', { class: 'error' }, error.message);
  }
  const images = orderImages(hdus);
  const box = el('div', { class: 'preview fits-preview' });
  if (images.length > 0) box.append(await imageViewer(result, images));
  box.append(el('h4', {}, `${hdus.length} HDU${hdus.length === 1 ? '' : 's'}`),
    el('ol', { class: 'fits-hdus', start: 0 }, hdus.map((hdu) => el('li', {},
      el('details', {}, el('summary', {}, describe(hdu)), el('pre', { tabindex: 0 }, hdu.cards.map((c) => c.card.trimEnd()).join('\n')))))));
  return box;
}

function describe(hdu) {
  const shape = hdu.axes.length ? hdu.axes.join(' × ') : 'no data';
  const kind = hdu.isTable ? `binary table, ${hdu.keys.get('TFIELDS') ?? 0} columns, ${hdu.axes[1] ?? 0} rows` : `${hdu.extension.toLowerCase()} ${shape}, BITPIX ${hdu.bitpix}`;
  return `${hdu.name}: ${kind}`;
}

// LAST_IMG of an IMAGE-OI OUTPUT PARAM table names the final image: it is shown first.
function orderImages(hdus) {
  const images = hdus.filter((h) => h.isImage);
  const output = hdus.find((h) => h.name === 'IMAGE-OI OUTPUT PARAM');
  const last = output?.keys.get('LAST_IMG');
  const first = images.find((h) => h.keys.get('HDUNAME') === last || h.keys.get('EXTNAME') === last);
  return first ? [first, ...images.filter((h) => h !== first)] : images;
}

async function imageViewer(result, images) {
  const id = `fits-${result.id}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const state = { hdu: images[0], plane: 0, values: null, colormap: 'grey', scale: 'linear', cut: '99.5%', zoom: 1 };
  const canvas = el('canvas', { class: 'fits-canvas', id: `${id}-canvas`, 'aria-label': `Image of ${result.id}` });
  const readout = el('output', { class: 'fits-readout mono', id: `${id}-readout`, 'aria-live': 'polite' }, 'Point at the image for the pixel value.');
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

  function draw() {
    const [width, height] = state.hdu.axes;
    const [low, high] = limits(state.values, state.cut);
    const table = lookupTable(state.colormap);
    const context = canvas.getContext('2d');
    const image = context.createImageData(width, height);
    const span = high - low || 1;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = state.values[y * width + x];
        // FITS rows go upwards: row 0 is drawn at the bottom.
        const o = ((height - 1 - y) * width + x) * 4;
        if (!Number.isFinite(v)) { image.data.set([255, 0, 255, 255], o); continue; }
        const level = Math.round(255 * stretch(state.scale, Math.min(1, Math.max(0, (v - low) / span))));
        image.data.set([table[level * 3], table[level * 3 + 1], table[level * 3 + 2], 255], o);
      }
    }
    context.putImageData(image, 0, 0);
    canvas.dataset.low = String(low);
    canvas.dataset.high = String(high);
  }

  async function load() {
    const [width, height, depth = 1] = state.hdu.axes;
    canvas.width = width;
    canvas.height = height;
    replace(planeBox, depth > 1 ? el('label', {}, 'plane ',
      el('input', { type: 'range', id: `${id}-plane`, min: 0, max: depth - 1, value: state.plane, onchange: async (e) => { state.plane = Number(e.target.value); await load(); } }),
      el('span', { class: 'mono' }, ` ${state.plane + 1} / ${depth}`)) : null);
    state.values = await readPlane(result.href, state.hdu, state.plane);
    size();
    draw();
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
  });

  await load();
  return el('div', { class: 'fits-image' }, controls, frame, readout);
}
