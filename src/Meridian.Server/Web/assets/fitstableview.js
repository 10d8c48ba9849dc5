// SPDX-License-Identifier: MIT
// A FITS binary table shown a page of rows at a time (each page one range request): the columns with their
// TFORM, type, unit and TDIM, the cells as physical values, arrays in brackets.
import { el, replace } from './dom.js';
import { columns, readRows, cellText } from './fitstable.js';

const PAGE_ROWS = 50;

export async function tableViewer(result, hdu) {
  const total = hdu.axes[1] ?? 0;
  let cols;
  try {
    cols = columns(hdu);
  } catch (error) {
    return el('p', { class: 'error' }, error.message);
  }
  const box = el('div', { class: 'fits-table', 'data-rows': total });
  const body = el('tbody');
  const status = el('p', { class: 'muted', 'aria-live': 'polite' });
  let from = 0;
  const previous = el('button', { type: 'button', onclick: () => show(from - PAGE_ROWS) }, 'Previous rows');
  const next = el('button', { type: 'button', onclick: () => show(from + PAGE_ROWS) }, 'Next rows');

  async function show(start) {
    from = Math.max(0, Math.min(start, Math.floor((total - 1) / PAGE_ROWS) * PAGE_ROWS));
    let page;
    try {
      page = await readRows(result.href, hdu, from, PAGE_ROWS);
    } catch (error) {
      replace(status, el('span', { class: 'error' }, error.message));
      return;
    }
    replace(body, page.rows.map((row, r) => el('tr', {}, el('th', { scope: 'row' }, String(from + r + 1)), row.map((v) => el('td', { class: 'mono' }, cellText(v))))));
    replace(status, `Rows ${from + 1} to ${from + page.rows.length} of ${total}`);
    previous.disabled = from === 0;
    next.disabled = from + PAGE_ROWS >= total;
  }

  const head = el('tr', {}, el('th', { scope: 'col' }, 'row'), cols.map((c) => el('th', { scope: 'col', title: c.form },
    c.name, el('br'), el('span', { class: 'muted' }, [c.form, c.type, c.unit, c.dims ? `(${c.dims.join('×')})` : null,
      c.scale !== 1 || c.zero !== 0 ? `× ${c.scale} + ${c.zero}` : null].filter(Boolean).join(' · ')))));
  await show(0);
  box.append(el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, head), body)), el('div', { class: 'actions' }, previous, next), status);
  return box;
}
