// SPDX-License-Identifier: MIT
// A CSV or TSV result as a table whose columns sort by a click (numbers as numbers), and the parsing it needs.
import { el, replace } from './dom.js';

export const MAX_ROWS = 2000;

/** Splits delimited text into rows of fields; a field may be double-quoted (with "" for a quote) on one line. */
export function parseDelimited(text, delimiter) {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#')).map((line) => {
    const fields = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
      } else if (c === '"' && field === '') quoted = true;
      else if (c === delimiter) { fields.push(field); field = ''; } else field += c;
    }
    fields.push(field);
    return fields.map((f) => f.trim());
  });
}

export function isNumber(text) {
  return text !== '' && Number.isFinite(Number(text));
}

export function sortableTable(header, rows, caption) {
  const body = el('tbody');
  const buttons = [];
  let sorted = { column: -1, ascending: true };
  const cells = header.map((name, column) => {
    const button = el('button', { type: 'button', onclick: () => sortBy(column) }, name);
    buttons.push(button);
    return el('th', { scope: 'col', 'aria-sort': 'none' }, button);
  });
  const render = (list) => replace(body, list.slice(0, MAX_ROWS).map((r) => el('tr', {}, r.map((v) => el('td', {}, v)))));
  const sortBy = (column) => {
    const ascending = sorted.column === column ? !sorted.ascending : true;
    sorted = { column, ascending };
    const numeric = rows.every((r) => isNumber(r[column] ?? ''));
    const copy = [...rows].sort((a, b) => {
      const order = numeric ? Number(a[column]) - Number(b[column]) : String(a[column]).localeCompare(String(b[column]));
      return ascending ? order : -order;
    });
    cells.forEach((th, i) => th.setAttribute('aria-sort', i === column ? (ascending ? 'ascending' : 'descending') : 'none'));
    render(copy);
  };
  render(rows);
  return el('div', { class: 'table-wrap' },
    el('table', {}, el('caption', { class: 'muted' }, caption), el('thead', {}, el('tr', {}, cells)), body));
}
