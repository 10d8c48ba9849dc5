// SPDX-License-Identifier: MIT
// The job form of one service, generated from GET /api/services/{service}. Submitting creates the job and
// runs it (PHASE=RUN) in one request, then opens the job's page.
import { getJson, post, jobListUrl, jobPage, enc } from './api.js';
import { el, param, replace, alertMessage } from './dom.js';
import { createField } from './fields.js';
import { applies, checkForm } from './validation.js';
import { sweepControls } from './sweepform.js';

async function show() {
  const content = document.getElementById('content');
  let service;
  try {
    service = await getJson(`../api/services/${enc(param('service'))}`);
  } catch (error) {
    replace(content);
    alertMessage(error.message);
    return;
  }
  document.title = `New ${service.name} job · Meridian`;
  replace(document.querySelector('h1'), service.title);

  // A default stays a placeholder where filling it in would make an exclusive pair look given twice.
  const exclusive = new Set(service.parameters.flatMap((p) => (p.excludes.length ? [p.name, ...p.excludes] : [])));
  const fields = service.parameters.map((p) => createField(p, !exclusive.has(p.name)));
  const duration = el('input', {
    type: 'number', id: 'executionduration', min: 1, max: service.executionDuration.max || null, step: 1,
    placeholder: `default ${service.executionDuration.default}`, 'aria-describedby': 'executionduration-help',
  });
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Run job');
  const sweep = sweepControls(service);
  const form = el('form', { novalidate: true, 'aria-label': `New ${service.name} job` },
    fields.map((f) => f.container),
    el('details', {},
      el('summary', {}, 'Job limits'),
      el('div', { class: 'field' },
        el('label', { for: 'executionduration' }, 'Execution duration (s)'),
        duration,
        el('p', { class: 'help', id: 'executionduration-help' },
          `The job is aborted after this long; at most ${service.executionDuration.max || 'unlimited'} s.`))),
    sweep.element,
    el('div', { class: 'actions' }, submit));

  const refresh = () => updateApplicability(fields);
  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alertMessage(null);
    if (!showErrors(fields, checkForm(current(fields, sweep.swept())))) return;
    submit.disabled = true;
    try {
      if (sweep.active()) {
        const data = formData(fields, duration.value.trim(), sweep.swept());
        sweep.fields().forEach(([name, value]) => data.append(name, value));
        const set = await post(`../api/sweeps/${enc(service.name)}`, data);
        location.assign(`compare.html?service=${enc(service.name)}&sweep=${enc(set.id)}`);
        return;
      }
      const job = await post(jobListUrl(service.name), formData(fields, duration.value.trim()));
      location.assign(jobPage(service.name, job.jobId));
    } catch (error) {
      showServerErrors(fields, error.message);
      submit.disabled = false;
    }
  });

  replace(content, el('p', { class: 'description' }, service.description), form);
  refresh();
}

/** Each field's values and whether it applies, as checkForm wants them (a swept one is not the form's to send). */
function current(fields, swept = new Set()) {
  return new Map(fields.map((f) => [f.parameter.name, { parameter: f.parameter, values: f.read(), applies: !f.container.hidden && !swept.has(f.parameter.name), check: f.check }]));
}

function updateApplicability(fields) {
  const byName = new Map(fields.map((f) => [f.parameter.name, f]));
  const valueOf = (name) => {
    const field = byName.get(name);
    if (!field || field.container.hidden) return null;
    const [value] = field.read();
    return value ?? field.parameter.default?.[0] ?? null;
  };
  // In declaration order, as the server settles them: a condition names an earlier parameter.
  for (const field of fields) field.setApplicable(applies(field.parameter, valueOf));
}

/** Shows each message next to its field; returns true when there is none. */
function showErrors(fields, errors) {
  for (const field of fields) field.setError(errors.get(field.parameter.name) ?? null);
  const first = fields.find((f) => errors.has(f.parameter.name));
  first?.focus();
  return !first;
}

/** The server's 400 is one line, "name: reason; name: reason"; each reason goes next to its field. */
function showServerErrors(fields, message) {
  const errors = new Map();
  const unplaced = [];
  for (const part of message.split('; ')) {
    const colon = part.indexOf(': ');
    const field = colon > 0 && fields.find((f) => f.parameter.name.toLowerCase() === part.slice(0, colon).toLowerCase());
    if (field) errors.set(field.parameter.name, part.slice(colon + 2));
    else unplaced.push(part);
  }
  showErrors(fields, errors);
  alertMessage(`The server refused the job: ${unplaced.length ? unplaced.join('; ') : 'see the fields marked below.'}`);
}

function formData(fields, duration, swept = new Set()) {
  const data = new FormData();
  for (const field of fields) {
    if (field.container.hidden || swept.has(field.parameter.name)) continue;
    for (const value of field.read()) {
      if (value instanceof File) data.append(field.parameter.name, value, value.name);
      else data.append(field.parameter.name, value);
    }
  }
  if (duration) data.append('EXECUTIONDURATION', duration);
  data.append('PHASE', 'RUN');
  return data;
}

show();
