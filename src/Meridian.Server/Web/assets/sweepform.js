// SPDX-License-Identifier: MIT
// The form's sweep: up to two parameters, each with a list of values or a range, which make one job per value
// (or per pair) in one submission (POST /api/sweeps/{service}); the set is then followed and compared.
import { el, replace } from './dom.js';

const MAX_JOBS = 100;
const sweepable = (p) => !['file', 'list', 'record', 'table'].includes(p.type);

export function sweepControls(service) {
  const candidates = service.parameters.filter(sweepable);
  const rows = [0, 1].map((n) => {
    const select = el('select', { id: `sweep-${n}-name` }, el('option', { value: '' }, '—'), candidates.map((p) => el('option', { value: p.name }, p.name)));
    const values = el('input', { type: 'text', id: `sweep-${n}-values`, autocomplete: 'off', 'aria-describedby': 'sweep-help', placeholder: '1, 2, 4 or 1:10:2' });
    return { select, values, element: el('div', { class: 'row sweep-row' },
      el('label', { for: select.id }, n === 0 ? 'Sweep' : 'and'), select,
      el('label', { for: values.id }, 'over'), values) };
  });
  const count = el('p', { class: 'help', id: 'sweep-count', 'aria-live': 'polite' });
  const chosen = () => rows.filter((r) => r.select.value && r.values.value.trim());
  const jobs = () => chosen().reduce((product, r) => product * valueCount(r.values.value), 1);
  const update = () => {
    const active = chosen().length > 0;
    replace(count, active ? `${jobs()} jobs, one per ${chosen().length === 2 ? 'pair of values' : 'value'}${jobs() > MAX_JOBS ? ` (at most ${MAX_JOBS})` : ''}` : '');
  };
  rows.forEach((r) => { r.select.addEventListener('change', update); r.values.addEventListener('input', update); });
  const element = el('details', { class: 'sweep', id: 'sweep' },
    el('summary', {}, 'Sweep: a set of jobs over one or two parameters'),
    rows.map((r) => r.element),
    el('p', { class: 'help', id: 'sweep-help' }, 'Values as a list (1, 2, 4) or, for a number, a range start:stop:step (1:10:2 is 1, 3, 5, 7, 9). Two parameters make a grid. The form\'s own value of a swept parameter is not used.'),
    count);
  return {
    element,
    active: () => chosen().length > 0,
    swept: () => new Set(chosen().map((r) => r.select.value)),
    fields: () => chosen().map((r) => ['SWEEP', `${r.select.value}=${r.values.value.trim()}`]),
  };
}

/** How many values a list or a range gives, as the server counts them. */
export function valueCount(text) {
  const range = text.split(':').map((part) => Number(part.trim()));
  if (range.length === 3 && range.every(Number.isFinite) && range[2] > 0 && range[1] >= range[0]) {
    return Math.floor((range[1] - range[0]) / range[2] + 1e-9) + 1;
  }
  return new Set(text.split(',').map((v) => v.trim()).filter(Boolean)).size;
}
