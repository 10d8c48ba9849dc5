// SPDX-License-Identifier: MIT
// One form control per parameter type, from the service description alone. Each field reads its values as
// the server will receive them and shows its own error next to itself.
import { el, replace, size } from './dom.js';
import { createStructuredField } from './structured.js';

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
  if (parameter.type === 'list') {
    const rows = el('div', { class: 'list', id });
    let added = 0; // never reused, so that ids stay unique after a removal
    const add = (value) => {
      const input = scalarInput(parameter, type, `${id}-${added++}`, describedBy, value, true);
      input.setAttribute('aria-label', `${parameter.name} value`);
      const row = el('div', { class: 'row' }, input,
        el('button', { type: 'button', 'aria-label': `Remove this ${parameter.name} value`, onclick: () => { row.remove(); } }, 'Remove'));
      rows.append(row);
      return input;
    };
    (prefill && defaults.length > 0 ? defaults : ['']).forEach((value) => add(value));
    controls = [rows, el('button', { type: 'button', onclick: () => add('').focus() }, `Add a value`)];
    read = () => [...rows.querySelectorAll('input, select')]
      .map((input) => (type === 'string' ? input.value : input.value.trim())).filter((v) => v.trim() !== '');
    focusable = () => rows.querySelector('input, select');
  } else if (type === 'file') {
    const input = el('input', { type: 'file', id, name: parameter.name, 'aria-describedby': describedBy, required: parameter.required });
    controls = [input];
    read = () => (input.files.length > 0 ? [input.files[0]] : []);
    focusable = () => input;
  } else if (type === 'boolean') {
    const input = el('input', { type: 'checkbox', id, name: parameter.name, 'aria-describedby': describedBy, checked: defaults[0] === 'true' });
    controls = [input];
    read = () => [input.checked ? 'true' : 'false'];
    focusable = () => input;
  } else {
    const input = scalarInput(parameter, type, id, describedBy, prefill ? defaults[0] ?? '' : '', prefill);
    controls = [input, parameter.unit && NUMBER_TYPES.includes(type) ? el('span', { class: 'unit' }, parameter.unit) : null];
    read = () => (input.value.trim() === '' ? [] : [type === 'string' ? input.value : input.value.trim()]);
    focusable = () => input;
  }

  const label = [parameter.title ? `${parameter.title} (${parameter.name})` : parameter.name,
    parameter.required ? [el('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'), ' (required)'] : null];
  const caption = parameter.type === 'list' ? el('legend', {}, label) : el('label', { for: id }, label);
  const container = el(parameter.type === 'list' ? 'fieldset' : 'div', { class: 'field', 'data-parameter': parameter.name },
    caption, parameter.type === 'list' ? controls : el('div', { class: 'row' }, controls), help, error);

  return {
    parameter,
    container,
    read,
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
  if (parameter.pattern) rules.push(`matching ${parameter.pattern}`);
  if (parameter.maxSize) rules.push(`at most ${size(parameter.maxSize)}`);
  if (parameter.type === 'list') rules.push(`${parameter.minItems}–${parameter.maxItems} values`);
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
