// SPDX-License-Identifier: MIT
// One form control per parameter type, from the service description alone. Each field reads its values as
// the server will receive them and shows its own error next to itself.
import { el, replace, size } from './dom.js';
import { createStructuredField } from './structured.js';
import { LIST_HINT, expandValues, holdsSeveral } from './listvalues.js';
import { fileSource } from './filesource.js';

const NUMBER_TYPES = ['integer', 'real'];

/** Builds the field of one parameter; `prefill` is false when the default must stay a placeholder. */
export function createField(parameter, prefill) {
  if (parameter.type === 'record' || parameter.type === 'table') return createStructuredField(parameter);
  const id = `p-${parameter.name}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const error = el('p', { id: errorId, class: 'error', hidden: true });
  const help = el('p', { id: helpId, class: 'help' }, hint(parameter));
  const describedBy = `${helpId} ${errorId}`;
  const type = parameter.type === 'list' ? parameter.itemType : parameter.type;
  const defaults = parameter.default ?? [];

  let controls;
  let read;
  let focusable;
  let fill; // sets the field to a job's values (a run again, an edit)
  let source = null; // a file field's choice of where its file comes from
  if (parameter.type === 'list') {
    const rows = el('div', { class: 'list', id });
    const pasteError = el('p', { class: 'error', id: `${id}-paste-error`, hidden: true });
    let added = 0; // never reused, so that ids stay unique after a removal
    const add = (value) => {
      const input = scalarInput(parameter, type, `${id}-${added++}`, describedBy, value, true);
      input.setAttribute('aria-label', `${parameter.name} value`);
      // A list or a range pasted into one row becomes one row per value.
      input.addEventListener('paste', (event) => {
        const text = event.clipboardData?.getData('text') ?? '';
        if (!holdsSeveral(text, type)) return;
        event.preventDefault();
        spread(text, input.closest('.row'));
      });
      const row = el('div', { class: 'row' }, input,
        el('button', { type: 'button', 'aria-label': `Remove this ${parameter.name} value`, onclick: () => { row.remove(); } }, 'Remove'));
      rows.append(row);
      return input;
    };
    const clear = () => rows.replaceChildren();
    // Replaces the given row (or appends) with the values the text stands for; an empty row left over goes.
    const spread = (text, row) => {
      const { values, error } = expandValues(text, type);
      replace(pasteError, error ?? '');
      pasteError.hidden = !error;
      if (error) return;
      const kept = [...rows.querySelectorAll('.row')].filter((r) => r !== row && r.querySelector('input, select').value.trim() !== '')
        .map((r) => r.querySelector('input, select').value);
      clear();
      [...kept, ...values].forEach((v) => add(v));
      rows.dispatchEvent(new Event('input', { bubbles: true }));
    };
    (prefill && defaults.length > 0 ? defaults : ['']).forEach((value) => add(value));
    const pasteId = `${id}-paste`;
    const paste = el('input', { type: 'text', id: pasteId, autocomplete: 'off', placeholder: type === 'string' ? 'one value a line' : 'e.g. 1, 2, 5 or 1:10:2',
      'aria-describedby': `${helpId} ${id}-paste-error` });
    controls = [rows, el('div', { class: 'row' }, el('button', { type: 'button', onclick: () => add('').focus() }, 'Add a value')),
      el('div', { class: 'row paste' }, el('label', { for: pasteId }, 'Values at once'), paste,
        el('button', { type: 'button', onclick: () => { if (paste.value.trim()) { spread(paste.value, null); paste.value = ''; } } }, 'Add these')),
      pasteError];
    read = () => [...rows.querySelectorAll('input, select')]
      .map((input) => (type === 'string' ? input.value : input.value.trim())).filter((v) => v.trim() !== '');
    focusable = () => rows.querySelector('input, select');
    fill = (values) => { clear(); (values.length ? values : ['']).forEach((v) => add(v)); };
  } else if (type === 'file') {
    source = fileSource(parameter, id, describedBy);
    controls = source.controls;
    ({ read, fill } = source);
    focusable = source.focusable;
  } else if (type === 'boolean') {
    const input = el('input', { type: 'checkbox', id, name: parameter.name, 'aria-describedby': describedBy, checked: defaults[0] === 'true' });
    controls = [input];
    read = () => [input.checked ? 'true' : 'false'];
    focusable = () => input;
    fill = ([value]) => { input.checked = value === 'true'; };
  } else {
    const input = scalarInput(parameter, type, id, describedBy, prefill ? defaults[0] ?? '' : '', prefill);
    controls = [input, parameter.unit && NUMBER_TYPES.includes(type) ? el('span', { class: 'unit' }, parameter.unit) : null];
    read = () => (input.value.trim() === '' ? [] : [type === 'string' ? input.value : input.value.trim()]);
    focusable = () => input;
    fill = ([value]) => { input.value = value ?? ''; };
  }

  const label = [parameter.title ? `${parameter.title} (${parameter.name})` : parameter.name,
    parameter.required ? [el('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'), ' (required)'] : null];
  // "optional" sits beside the label, not in it: the field keeps its parameter's name as its accessible name.
  const optional = parameter.required ? null : el('span', { class: 'optional-mark' }, 'optional');
  const grouped = parameter.type === 'list';
  const caption = grouped ? el('legend', {}, label, optional ? [' ', optional] : null)
    : el('div', { class: 'caption' }, el('label', { for: id }, label), optional);
  const container = el(grouped ? 'fieldset' : 'div', { class: 'field', 'data-parameter': parameter.name },
    caption, grouped ? controls : el('div', { class: type === 'file' ? 'file-source' : 'row' }, controls), help, error);

  return {
    parameter,
    container,
    read,
    fill,
    /** A file field: offers the files of another job (its uploads, its results) instead of a new upload. */
    offer: (choices) => source?.offer(choices),
    focus: () => focusable()?.focus(),
    setError(message) {
      replace(error, message ?? '');
      error.hidden = !message;
      container.querySelectorAll('input, select').forEach((input) => input.setAttribute('aria-invalid', message ? 'true' : 'false'));
    },
    setApplicable(applies) {
      // A field that does not apply is hidden and disabled: it is neither seen, nor reached by Tab, nor sent.
      container.hidden = !applies;
      container.querySelectorAll('input, select, button').forEach((input) => { input.disabled = !applies; });
      if (applies) container.dispatchEvent(new Event('applies'));
      if (!applies) this.setError(null);
    },
  };
}

function scalarInput(parameter, type, id, describedBy, value, prefill) {
  const common = { id, name: parameter.name, 'aria-describedby': describedBy };
  if (type === 'enum') {
    const select = el('select', common,
      !parameter.required || (parameter.default ?? []).length === 0 ? el('option', { value: '' }, '—') : null,
      parameter.values.map((v) => el('option', { value: v, selected: v === value }, v)));
    if (value !== '') select.value = value;
    return select;
  }
  if (NUMBER_TYPES.includes(type)) {
    return el('input', {
      ...common, type: 'number', inputmode: type === 'integer' ? 'numeric' : 'decimal', step: type === 'integer' ? '1' : 'any',
      min: parameter.min, max: parameter.max, value,
      placeholder: !prefill && (parameter.default ?? []).length > 0 ? `default ${parameter.default.join(', ')}` : null,
    });
  }
  return el('input', {
    ...common, type: 'text', value, maxlength: parameter.maxLength, autocomplete: 'off',
    placeholder: !prefill && (parameter.default ?? []).length > 0 ? `default ${parameter.default.join(', ')}` : null,
  });
}

/** The help under a field: its description, then its rules in words (range, unit, pattern, size, count). */
function hint(parameter) {
  const rules = [];
  if (parameter.min !== null && parameter.max !== null) rules.push(`from ${parameter.min} to ${parameter.max}`);
  else if (parameter.min !== null) rules.push(`at least ${parameter.min}`);
  else if (parameter.max !== null) rules.push(`at most ${parameter.max}`);
  if (parameter.unit) rules.push(`in ${parameter.unit}`);
  if (parameter.pattern) rules.push(patternRule(parameter));
  if (parameter.maxSize) rules.push(`at most ${size(parameter.maxSize)}`);
  if (parameter.type === 'list') rules.push(`${parameter.minItems}–${parameter.maxItems} values; ${LIST_HINT}`);
  if (parameter.lessThan) rules.push(`less than ${parameter.lessThan}`);
  if (parameter.greaterThan) rules.push(`greater than ${parameter.greaterThan}`);
  if (parameter.excludes?.length) rules.push(`not together with ${parameter.excludes.join(', ')}`);
  const when = Object.entries(parameter.when ?? {});
  if (when.length) rules.push(`applies when ${describeWhen(parameter)}`);
  const description = parameter.description ? `${parameter.description}. ` : '';
  return `${description}${rules.length ? rules.join('; ') : ''}`.trim();
}

/** The same words as the server's "applies only when …". */
export function describeWhen(parameter) {
  return Object.entries(parameter.when ?? {})
    .map(([name, values]) => (values.length === 1 ? `${name} is ${values[0]}` : `${name} is one of ${values.join(', ')}`))
    .join(' and ');
}

/** A pattern in words, as the server words its refusal: the definition's hint, else its default as an example. */
export function patternRule(parameter) {
  if (parameter.patternHint) return `must be ${parameter.patternHint}`;
  if (parameter.default?.length) return `must look like ${parameter.default[0]}`;
  return `matching ${parameter.pattern}`;
}
