// SPDX-License-Identifier: MIT
// The FITS preview of a result: its images first (for an IMAGE-OI reconstruction, the one LAST_IMG names), the
// OIFITS plots when it holds interferometric data, and its HDUs with their headers, binary tables as tables.
import { el } from './dom.js';
import { readHdus } from './fits.js';
import { imageViewer } from './fitsimage.js';
import { tableViewer } from './fitstableview.js';
import { isOifits, readOifits } from './oifits.js';
import { oifitsPlots } from './oiplot.js';

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
  if (isOifits(hdus)) {
    try {
      box.append(oifitsPlots(await readOifits(result.href, hdus), `oi-${result.id}`.replace(/[^A-Za-z0-9_-]/g, '-')));
    } catch (error) {
      box.append(el('p', { class: 'error' }, `The OIFITS tables could not be read: ${error.message}`));
    }
  }
  box.append(el('h4', {}, `${hdus.length} HDU${hdus.length === 1 ? '' : 's'}`),
    el('ol', { class: 'fits-hdus', start: 0 }, hdus.map((hdu) => el('li', {}, hduDetails(result, hdu)))));
  return box;
}

// A table's rows are read when its details are opened, and then only the page shown.
function hduDetails(result, hdu) {
  const header = el('pre', { tabindex: 0 }, hdu.cards.map((c) => c.card.trimEnd()).join('\n'));
  const details = el('details', { 'data-hdu': hdu.index }, el('summary', {}, describe(hdu)), header);
  if (hdu.isTable && (hdu.axes[1] ?? 0) > 0) {
    let shown = false;
    details.addEventListener('toggle', async () => {
      if (!details.open || shown) return;
      shown = true;
      details.insertBefore(await tableViewer(result, hdu), header);
    });
  }
  return details;
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
