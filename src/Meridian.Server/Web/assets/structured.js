// SPDX-License-Identifier: MIT
// The fields of a record (one input per declared field) and of a table (rows of inputs, one per column, with
// rows added, removed or pasted from CSV). Either is sent as one JSON value, which the server checks cell by
// cell; each cell is checked here first with the server's words.
import { el, replace } from './dom.js';
import { checkScalar } from './validation.js';

const NUMBER_TYPES = ['integer', 'real'];

/** The field of a record or table parameter, with the interface of every other field. */
export function createStructuredField(parameter) {
  const id = `p-${parameter.name}`;
  const error = el('p', { id: `${id}-error`, class: 'error', hidden: true });
  const help = el('p', { id: `${id}-help`, class: 'help' }, hint(parameter));
  const isTable = parameter.type === 'table';
  const editor = isTable ? tableEditor(parameter, id) : recordEditor(parameter, id);
  const label = [parameter.title ? `${parameter.title} (${parameter.name})` : parameter.name,
    parameter.required ? [el('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'), ' (required)'] : [' ', el('span', { class: 'optional-mark' }, 'optional')]];
  const container = el('fieldset', { class: `field structured ${parameter.type}`, 'data-parameter': parameter.name, id, 'aria-describedby': `${id}-help ${id}-error` },
    el('legend', {}, label), help, editor.element, error);

  return {
    parameter,
    container,
    read: () => {
      const value = editor.value();
      return value === null ? [] : [JSON.stringify(value)];
    },
    /** Puts a job's value (its canonical JSON, as the job document gives it) back into the inputs: run again, edit in place. */
    fill: ([json]) => editor.fill(JSON.parse(json)),
    /** The first cell that breaks its column's rules, in the server's words, or null. */
    check: () => editor.check(),
    focus: () => container.querySelector('input, select, textarea')?.focus(),
    setError(message) {
      replace(error, message ?? '');
      error.hidden = !message;
      container.setAttribute('aria-invalid', message ? 'true' : 'false');
    },
    setApplicable(applies) {
      container.hidden = !applies;
      container.querySelectorAll('input, select, button, textarea').forEach((input) => { input.disabled = !applies; });
      if (!applies) this.setError(null);
    },
  };
}

function recordEditor(parameter, id) {
  const inputs = parameter.fields.map((field) => {
    const input = cellInput(field, `${id}-${field.name}`, field.default?.[0] ?? '');
    return { field, input };
  });
  inputs.forEach(({ field, input }) => { if (field.description) input.setAttribute('aria-describedby', `${input.id}-help`); });
  const element = el('div', { class: 'record-fields' }, inputs.map(({ field, input }) => el('div', { class: 'record-field' },
    el('label', { for: input.id }, field.title ?? field.name, field.required ? el('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *') : null),
    el('div', { class: 'row' }, input, field.unit ? el('span', { class: 'unit' }, field.unit) : null),
    field.description ? el('p', { class: 'help', id: `${input.id}-help` }, field.description) : null)));
  return {
    element,
    value: () => {
      const entries = inputs.map(({ field, input }) => [field.name, cellValue(field, input)]).filter(([, v]) => v !== null);
      return entries.length === 0 && !parameter.required ? null : Object.fromEntries(entries);
    },
    fill: (record) => inputs.forEach(({ field, input }) => setCell(field, input, record[field.name])),
    check: () => firstProblem(inputs.map(({ field, input }) => ({ field, input, where: '' }))),
  };
}

function tableEditor(parameter, id) {
  const body = el('tbody');
  let added = 0; // never reused, so that ids stay unique after a removal
  const rows = [];
  const count = el('p', { class: 'help', 'aria-live': 'polite' });
  const recount = () => {
    replace(count, `${rows.length} ${rows.length === 1 ? 'row' : 'rows'} (${parameter.minRows}–${parameter.maxRows} accepted)`);
    rows.forEach((row, index) => row.cells.forEach(({ field, input }) => input.setAttribute('aria-label', `${field.name} in row ${index + 1}`)));
  };
  const addRow = (values = {}) => {
    const n = added++;
    const cells = parameter.fields.map((field) => ({ field, input: cellInput(field, `${id}-r${n}-${field.name}`, '') }));
    cells.forEach(({ field, input }) => setCell(field, input, values[field.name] ?? null));
    const row = { cells };
    row.element = el('tr', {}, cells.map(({ input }) => el('td', {}, input)),
      el('td', {}, el('button', { type: 'button', class: 'remove', onclick: () => {
        row.element.remove();
        rows.splice(rows.indexOf(row), 1);
        recount();
      } }, 'Remove')));
    rows.push(row);
    body.append(row.element);
    recount();
    return row;
  };
  const clear = () => { rows.splice(0).forEach((row) => row.element.remove()); };

  const paste = el('textarea', { id: `${id}-csv`, rows: 4, spellcheck: 'false', placeholder: parameter.fields.map((f) => f.name).join(',') });
  const pasteError = el('p', { class: 'error', hidden: true, id: `${id}-csv-error` });
  const usePaste = () => {
    const parsed = parseCsv(paste.value, parameter.fields);
    replace(pasteError, parsed.error ?? '');
    pasteError.hidden = !parsed.error;
    if (parsed.error) return;
    clear();
    parsed.rows.forEach((values) => addRow(values));
    paste.value = '';
    body.querySelector('input, select')?.focus();
  };
  const head = el('thead', {}, el('tr', {}, parameter.fields.map((field) => el('th', { scope: 'col' }, field.title ?? field.name,
    field.unit ? el('span', { class: 'unit' }, ` (${field.unit})`) : null,
    field.required ? el('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *') : null)), el('th', {}, el('span', { class: 'visually-hidden' }, 'Actions'))));
  const element = el('div', {},
    el('div', { class: 'table-scroll' }, el('table', { class: 'table-editor' }, head, body)),
    count,
    el('div', { class: 'row' }, el('button', { type: 'button', onclick: () => addRow().cells[0]?.input.focus() }, 'Add a row')),
    el('details', { class: 'paste' }, el('summary', {}, 'Paste CSV'),
      el('label', { for: paste.id }, `CSV with a header row naming the columns (${parameter.fields.map((f) => f.name).join(', ')}); it replaces the rows above`),
      paste, pasteError, el('button', { type: 'button', onclick: usePaste }, 'Use this CSV')));
  if (parameter.required) addRow();
  recount();

  return {
    element,
    value: () => {
      const filled = rows.filter(isFilled);
      if (filled.length === 0 && !parameter.required) return null;
      return filled.map((row) => Object.fromEntries(row.cells.map(({ field, input }) => [field.name, cellValue(field, input)]).filter(([, v]) => v !== null)));
    },
    fill: (table) => { clear(); table.forEach((values) => addRow(values)); recount(); },
    // Rows left empty are not sent, so they are not judged; a row is named by its place in the table as shown.
    check: () => {
      const filled = rows.filter(isFilled).length;
      if ((filled > 0 || parameter.required) && (filled < parameter.minRows || filled > parameter.maxRows)) {
        return `${filled} rows given; between ${parameter.minRows} and ${parameter.maxRows} are accepted`;
      }
      return firstProblem(rows.flatMap((row, index) => (isFilled(row) ? row.cells.map((cell) => ({ ...cell, where: `row ${index + 1}, ` })) : [])));
    },
  };
}

/** A row with a value in a cell other than a checkbox (which always has one). */
function isFilled(row) {
  return row.cells.some(({ field, input }) => field.type !== 'boolean' && cellValue(field, input) !== null);
}

function cellInput(field, id, value) {
  if (field.type === 'boolean') return el('input', { type: 'checkbox', id, checked: value === 'true' });
  if (field.type === 'enum') {
    const select = el('select', { id }, el('option', { value: '' }, '—'), field.values.map((v) => el('option', { value: v }, v)));
    select.value = value;
    return select;
  }
  if (NUMBER_TYPES.includes(field.type)) {
    return el('input', { type: 'text', inputmode: field.type === 'integer' ? 'numeric' : 'decimal', id, value, autocomplete: 'off', size: 10 });
  }
  return el('input', { type: 'text', id, value, maxlength: field.maxLength, autocomplete: 'off', size: 12 });
}

/** A cell's value as the JSON the server reads (numbers stay text: the server canonicalizes them), or null when empty. */
function cellValue(field, input) {
  if (field.type === 'boolean') return input.checked;
  const text = field.type === 'string' ? input.value : input.value.trim();
  return text === '' ? null : text;
}

function setCell(field, input, value) {
  if (field.type === 'boolean') input.checked = value === true || value === 'true';
  else input.value = value === null || value === undefined ? '' : String(value);
}

function firstProblem(cells) {
  for (const { field, input, where } of cells) {
    const value = cellValue(field, input);
    if (value === null) {
      if (field.required && field.type !== 'boolean' && (field.default ?? []).length === 0) return `${where}${field.name}: required`;
    } else if (field.type !== 'boolean') {
      const { error } = checkScalar(field, value);
      if (error) return `${where}${field.name}: ${error}`;
    }
  }
  return null;
}

/** RFC 4180 CSV with a header row naming the columns, in any order and any case. */
export function parseCsv(text, fields) {
  const records = [];
  let record = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  const take = () => { record.push(wasQuoted ? cell : cell.trim()); cell = ''; wasQuoted = false; };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell.trim() === '') { cell = ''; quoted = true; wasQuoted = true; } else if (c === ',') take();
    else if (c === '\n' || c === '\r') {
      take();
      records.push(record);
      record = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else cell += c;
  }
  if (quoted) return { error: 'a quoted cell is not closed' };
  if (cell !== '' || wasQuoted || record.length) { take(); records.push(record); }
  const kept = records.filter((r) => r.some((v) => v.trim() !== ''));
  if (kept.length === 0) return { error: `the CSV needs a header row naming the columns (${fields.map((f) => f.name).join(', ')})` };
  const header = kept[0].map((name) => name.trim());
  const unknown = header.find((name) => !fields.some((f) => f.name.toLowerCase() === name.toLowerCase()));
  if (unknown !== undefined) return { error: `'${unknown}' is not one of the columns: ${fields.map((f) => f.name).join(', ')}` };
  const rows = [];
  for (let r = 1; r < kept.length; r++) {
    if (kept[r].length !== header.length) return { error: `CSV row ${r} has ${kept[r].length} cells; the header has ${header.length}` };
    const values = {};
    header.forEach((name, c) => {
      const field = fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
      if (kept[r][c] !== '') values[field.name] = kept[r][c];
    });
    rows.push(values);
  }
  return { rows };
}

function hint(parameter) {
  const description = parameter.description ? `${parameter.description}. ` : '';
  return parameter.type === 'table'
    ? `${description}Add rows, or paste CSV with a header row.`
    : description.trim();
}
