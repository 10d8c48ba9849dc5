// SPDX-License-Identifier: MIT
// The job form of one service, generated from GET /api/services/{service}. Submitting creates the job and
// runs it (PHASE=RUN) in one request, then opens the job's page. Opened with ?from={job} it starts from that
// job's values (run again: its uploads kept on the server, its results offered as files); with ?edit={job} it
// changes a PENDING job in place (POST {job}, which takes parameters, the time limit and PHASE=RUN).
import { getJson, post, jobListUrl, jobUrl, jobPage, rerunPage, enc } from './api.js';
import { el, param, replace, alertMessage } from './dom.js';
import { createField } from './fields.js';
import { applies, checkForm } from './validation.js';
import { loadJob, fillFrom } from './jobsource.js';
import { leaveNotice, durationNotice } from './notice.js';
import { sweepControls } from './sweepform.js';

const editing = param('edit');
const sourceId = editing || param('from');

async function show() {
  const content = document.getElementById('content');
  let service;
  let source = null;
  try {
    service = await getJson(`../api/services/${enc(param('service'))}`);
    if (sourceId) source = await loadJob(service.name, sourceId);
  } catch (error) {
    replace(content);
    alertMessage(error.message);
    return;
  }
  if (editing && source.job.phase !== 'PENDING') {
    replace(content, el('p', {}, `Job ${editing} is ${source.job.phase}: only a PENDING job's parameters can change. `,
      el('a', { href: rerunPage(service.name, editing) }, 'Run it again with changes'), ' instead.'));
    return;
  }
  document.title = `${editing ? 'Edit' : 'New'} ${service.name} job · Meridian`;
  replace(document.querySelector('h1'), editing ? `Edit ${service.title} job` : service.title);

  // A default stays a placeholder where filling it in would make an exclusive pair look given twice.
  const exclusive = new Set(service.parameters.flatMap((p) => (p.excludes.length ? [p.name, ...p.excludes] : [])));
  const fields = service.parameters.map((p) => createField(p, !exclusive.has(p.name)));
  const limits = jobLimits(service);
  const runId = el('input', { type: 'text', id: 'runid', maxlength: 256, autocomplete: 'off', 'aria-describedby': 'runid-help', disabled: Boolean(editing) });
  if (source) {
    fillFrom(fields, source);
    runId.value = source.job.runId ?? '';
    limits.duration.value = String(source.job.executionDuration);
    limits.check();
  }
  const run = el('button', { type: 'submit', class: 'primary', value: 'run' }, editing ? 'Save and run' : 'Run job');
  const save = editing ? el('button', { type: 'submit', value: 'save' }, 'Save changes') : null;
  const sweep = editing ? null : sweepControls(service);
  const form = el('form', { novalidate: true, 'aria-label': `${editing ? 'Edit' : 'New'} ${service.name} job` },
    fields.map((f) => f.container),
    el('div', { class: 'field' },
      el('div', { class: 'caption' }, el('label', { for: 'runid' }, 'Label (RUNID)'), el('span', { class: 'optional-mark' }, 'optional')),
      runId,
      el('p', { class: 'help', id: 'runid-help' }, editing
        ? 'Set when the job was created; UWS does not let it change.'
        : 'A name of your own for this run, shown in your job list (at most 256 characters).')),
    limits.element,
    sweep?.element,
    el('div', { class: 'actions' }, run, save));

  const refresh = () => updateApplicability(fields);
  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alertMessage(null);
    const swept = sweep?.swept() ?? new Set();
    if (!showErrors(fields, checkForm(current(fields, swept)))) return;
    const running = !editing || event.submitter?.value === 'run';
    const buttons = [run, save].filter(Boolean);
    buttons.forEach((b) => { b.disabled = true; });
    const asked = limits.duration.value.trim();
    try {
      const data = formData(fields, asked, source, running, swept);
      if (!editing && runId.value.trim()) data.append('RUNID', runId.value.trim());
      if (sweep?.active()) {
        sweep.fields().forEach(([name, value]) => data.append(name, value));
        const set = await post(`../api/sweeps/${enc(service.name)}`, data);
        location.assign(`compare.html?service=${enc(service.name)}&sweep=${enc(set.id)}`);
        return;
      }
      const job = await post(editing ? jobUrl(service.name, editing) : jobListUrl(service.name), data);
      const notice = durationNotice(service, asked, job);
      if (notice) leaveNotice(job.jobId, notice);
      location.assign(jobPage(service.name, job.jobId));
    } catch (error) {
      showServerErrors(fields, error.message);
      buttons.forEach((b) => { b.disabled = false; });
    }
  });

  replace(content, source ? el('p', { class: 'notice', id: 'source' }, editing
    ? `Changing job ${editing} in place: it stays PENDING until you run it.`
    : ['Filled from job ', el('a', { href: jobPage(service.name, sourceId) }, sourceId), '; its files stay on the server unless you upload new ones.']) : null,
  el('p', { class: 'description' }, service.description), form);
  refresh();
}

/** The time limit: a number of seconds, with a word when it is over what the service allows. */
function jobLimits(service) {
  const max = service.executionDuration.max;
  const duration = el('input', {
    type: 'number', id: 'executionduration', min: 1, max: max || null, step: 1,
    placeholder: `default ${service.executionDuration.default}`, 'aria-describedby': 'executionduration-help executionduration-clamp',
  });
  const clamp = el('p', { class: 'notice', id: 'executionduration-clamp', hidden: true });
  const check = () => {
    const asked = Number(duration.value);
    const over = max > 0 && duration.value.trim() !== '' && (asked > max || asked === 0);
    replace(clamp, over ? `${service.name} allows at most ${max} s: the job will get ${max} s, not ${asked === 0 ? 'unlimited' : `${asked} s`}.` : '');
    clamp.hidden = !over;
  };
  duration.addEventListener('input', check);
  const element = el('details', { open: Boolean(sourceId) },
    el('summary', {}, 'Job limits'),
    el('div', { class: 'field' },
      el('label', { for: 'executionduration' }, 'Time limit (execution duration, s)'),
      duration,
      el('p', { class: 'help', id: 'executionduration-help' },
        `The job is aborted after this long; at most ${max || 'unlimited'} s, ${service.executionDuration.default} s when left empty.`),
      clamp));
  return { element, duration, check };
}

/** Each field's values and whether it applies, as checkForm wants them (a swept one is not the form's to send). */
function current(fields, swept = new Set()) {
  return new Map(fields.map((f) => [f.parameter.name,
    { parameter: f.parameter, values: f.read(), applies: !f.container.hidden && !swept.has(f.parameter.name), check: f.check }]));
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
  alertMessage(`The server refused the ${editing ? 'change' : 'job'}: ${unplaced.length ? unplaced.join('; ') : 'see the fields marked below.'}`);
}

/**
 * The request's fields. A file already on the server goes as its URL, which the server resolves; when editing,
 * the job's own upload left as it is is not sent at all (a POST changes only what it names).
 */
function formData(fields, duration, source, running, swept = new Set()) {
  const data = new FormData();
  const own = new Set((source?.uploads ?? []).map((u) => u.href));
  for (const field of fields) {
    if (field.container.hidden || swept.has(field.parameter.name)) continue;
    for (const value of field.read()) {
      if (value instanceof File) data.append(field.parameter.name, value, value.name);
      else if (value.reference) {
        if (!(editing && own.has(value.reference))) data.append(field.parameter.name, value.reference);
      } else data.append(field.parameter.name, value);
    }
  }
  if (duration) data.append('EXECUTIONDURATION', duration);
  if (running) data.append('PHASE', 'RUN');
  return data;
}

show();
