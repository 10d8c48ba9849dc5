// SPDX-License-Identifier: MIT
// Inline previews of results: text and logs (the first part), CSV/TSV as a sortable table with a plot,
// PNG/JPEG/SVG as images, FITS files with their HDUs and images. An SVG is shown through <img>, where any script it holds does not run.
import { el } from './dom.js';
import { parseDelimited, sortableTable, MAX_ROWS } from './table.js';
import { plotPicker } from './plot.js';
import { fitsPreview } from './fitsview.js';
import { parseVotable } from './votable.js';

const TEXT_BYTES = 65536;
const TABLE_BYTES = 4 * 1024 * 1024;
// A VOTable is parsed whole (BINARY streams cannot be cut): larger than this, it is a download only.
const VOTABLE_BYTES = 48 * 1024 * 1024;
const IMAGES = ['image/png', 'image/jpeg', 'image/svg+xml', 'image/gif'];
const FITS = ['application/fits', 'image/fits', 'application/x-fits'];
const VOTABLE = ['application/x-votable+xml', 'text/xml', 'application/x-votable'];

export function canPreview(result) {
  const type = baseType(result.mimeType);
  return IMAGES.includes(type) || FITS.includes(type) || VOTABLE.includes(type) || type.startsWith('text/') || type === 'application/json';
}

/** columns: the service's declared columns of this result ({ name, unit }), for the plot's axis titles. */
export async function preview(result, columns = []) {
  const type = baseType(result.mimeType);
  if (IMAGES.includes(type)) {
    return el('div', { class: 'preview' }, el('img', { src: result.href, alt: `The result ${result.id}`, loading: 'lazy' }));
  }
  if (result.size === 0) return el('p', { class: 'muted' }, 'Empty.');
  if (FITS.includes(type)) return fitsPreview(result);
  if (VOTABLE.includes(type) && (result.size ?? 0) <= VOTABLE_BYTES) return votablePreview(result);
  const delimiter = type === 'text/csv' ? ',' : type === 'text/tab-separated-values' ? '\t' : null;
  const limit = delimiter ? TABLE_BYTES : TEXT_BYTES;
  // A range request: a large log or table costs its first part only.
  const response = await fetch(result.href, { headers: { Range: `bytes=0-${limit - 1}` } });
  if (!response.ok) return el('p', { class: 'error' }, `The result could not be read (${response.status}).`);
  const text = await response.text();
  const cut = (result.size ?? 0) > limit;
  if (delimiter) {
    const [header, ...rows] = parseDelimited(text, delimiter);
    if (!header) return el('p', { class: 'muted' }, 'The table is empty.');
    const complete = cut ? rows.slice(0, -1) : rows;
    const caption = `${complete.length} rows${complete.length > MAX_ROWS ? `, the first ${MAX_ROWS} shown` : ''}${cut ? ' (the start of the file)' : ''}; select a column name to sort`;
    return el('div', { class: 'preview' }, sortableTable(header, complete, caption),
      plotPicker(header, complete, `plot-${result.id}`, { units: Object.fromEntries(columns.filter((c) => c.unit).map((c) => [c.name, c.unit])) }));
  }
  return el('div', { class: 'preview' },
    el('pre', { tabindex: 0, 'aria-label': `The result ${result.id}` }, text),
    cut ? el('p', { class: 'muted' }, `The first ${TEXT_BYTES / 1024} KB are shown; download the result for the rest.`) : null);
}

// A VOTable's first table: the columns with their units and UCDs, sortable, with the quick plot.
async function votablePreview(result) {
  const response = await fetch(result.href);
  if (!response.ok) return el('p', { class: 'error' }, `The result could not be read (${response.status}).`);
  let table;
  try {
    table = parseVotable(await response.text());
  } catch (error) {
    return el('p', { class: 'error' }, error.message);
  }
  const header = table.fields.map((f) => (f.unit ? `${f.name} [${f.unit}]` : f.name));
  const caption = `${table.name ? `${table.name}: ` : ''}${table.rows.length} rows (VOTable ${table.serialization})${table.rows.length > MAX_ROWS ? `, the first ${MAX_ROWS} shown` : ''}; select a column name to sort`;
  return el('div', { class: 'preview', 'data-drawn': performance.now() },
    el('dl', { class: 'votable-fields' }, table.fields.map((f) => [el('dt', {}, f.name), el('dd', {}, [f.datatype, f.unit, f.ucd].filter(Boolean).join(' · '))])),
    sortableTable(header, table.rows, caption), plotPicker(header, table.rows, `plot-${result.id}`));
}

/** A media type without its parameters, lower-cased: "Text/CSV; charset=utf-8" is "text/csv". */
export function baseType(mimeType) {
  return (mimeType ?? '').split(';')[0].trim().toLowerCase();
}

/** Whether a result is a FITS file, by its media type. */
export function isFits(result) {
  return FITS.includes(baseType(result.mimeType));
}
