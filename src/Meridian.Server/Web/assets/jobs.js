// SPDX-License-Identifier: MIT
// The caller's jobs of every service, newest first, filtered by service and phase, in keyset pages
// (GET /api/jobs). Each run shows its label (RUNID), its service's key parameters, how long it ran, and the
// actions that apply. The page on show is read again every few seconds, so phases change without a reload.
import { getJson, post, destroy, jobPage, jobUrl, enc, phaseRules } from './api.js';
import { el, param, replace, time, alertMessage } from './dom.js';
import { runTimeText } from './duration.js';

const REFRESH_MS = 3000;
const PAGE_SIZE = 20;
// The cursors of the pages before the one on show, so that "Newer" walks back the same way.
const cursors = [];
let cursor = null;
let next = null;
// A refresh already under way when the filters or the page change must not overwrite the newer answer.
let generation = 0;
// What the table shows; an answer that changes nothing leaves the rows (and the focus on their buttons) alone.
let shown = '';
const descriptions = new Map();
const rules = await phaseRules();
const allows = (phase, action) => rules[phase]?.actions.includes(action) ?? false;

/** The service's description (its key parameters and their units), read once per service. */
function describe(name) {
  if (!descriptions.has(name)) descriptions.set(name, getJson(`../api/services/${enc(name)}`).catch(() => null));
  return descriptions.get(name);
}

async function show() {
  const content = document.getElementById('content');
  const services = await getJson('../uws').catch(() => []);
  const service = el('select', { id: 'filter-service' },
    el('option', { value: '' }, 'All services'), services.map((s) => el('option', { value: s.name }, s.name)));
  const phase = el('select', { id: 'filter-phase' },
    el('option', { value: '' }, 'Any phase'), Object.keys(rules).map((p) => el('option', { value: p }, p)));
  service.value = param('service');
  phase.value = param('phase');
  const head = el('thead');
  const body = el('tbody');
  const newer = el('button', { type: 'button', disabled: true }, 'Newer');
  const older = el('button', { type: 'button', disabled: true }, 'Older');
  const status = el('p', { class: 'muted', role: 'status' });
  // Runs of one service can be set side by side (compare.html offers its finished jobs to tick).
  const compare = el('a', { id: 'compare-link', hidden: true }, '');

  const load = async () => {
    const query = new URLSearchParams({ last: String(PAGE_SIZE) });
    if (service.value) query.set('service', service.value);
    if (phase.value) query.set('phase', phase.value);
    if (cursor) { query.set('before', cursor.before); query.set('beforeId', cursor.beforeId); }
    const mine = ++generation;
    try {
      const [page, description] = await Promise.all([getJson(`../api/jobs?${query}`), service.value ? describe(service.value) : null]);
      if (mine !== generation) return;
      next = page.next;
      const columns = description ? keyColumns(description) : null;
      const state = JSON.stringify([page.jobs, columns]);
      if (state !== shown) {
        shown = state;
        replace(head, headerRow(columns));
        replace(body, page.jobs.map((job) => row(job, columns, reload)));
      }
      // A running job's duration grows between answers that are otherwise the same.
      for (const cell of body.querySelectorAll('td[data-running]')) cell.textContent = runTimeText(JSON.parse(cell.dataset.running));
      status.textContent = page.jobs.length === 0 ? 'No job matches.' : `${page.jobs.length} jobs shown.`;
      compare.hidden = !service.value;
      compare.href = `compare.html?service=${enc(service.value)}`;
      compare.textContent = `Compare ${service.value} jobs`;
      older.disabled = !next;
      newer.disabled = cursors.length === 0;
      alertMessage(null);
    } catch (error) {
      alertMessage(`The job list could not be read: ${error.message}`);
    }
  };
  const reload = () => { shown = ''; return load(); };
  const restart = () => {
    cursors.length = 0;
    cursor = null;
    const url = new URL(location.href);
    for (const [name, select] of [['service', service], ['phase', phase]]) {
      if (select.value) url.searchParams.set(name, select.value); else url.searchParams.delete(name);
    }
    history.replaceState(null, '', url);
    load();
  };
  service.addEventListener('change', restart);
  phase.addEventListener('change', restart);
  older.addEventListener('click', () => { cursors.push(cursor); cursor = next; load(); });
  newer.addEventListener('click', () => { cursor = cursors.pop() ?? null; load(); });

  replace(content,
    el('form', { class: 'filters', role: 'search', 'aria-label': 'Filter the jobs', onsubmit: (e) => e.preventDefault() },
      el('div', {}, el('label', { for: 'filter-service' }, 'Service'), service),
      el('div', {}, el('label', { for: 'filter-phase' }, 'Phase'), phase)),
    status,
    el('p', {}, compare),
    // No height limit: the page scrolls, every row of the page is in it.
    el('div', { class: 'job-list' }, el('table', { id: 'jobs' }, el('caption', { class: 'muted' }, 'Newest first'), head, body)),
    el('div', { class: 'actions' }, newer, older));
  await load();
  setInterval(() => { if (document.visibilityState === 'visible') load(); }, REFRESH_MS);
}

/** One service's key parameters as columns, titled with their units; null for the list of every service. */
function keyColumns(description) {
  return description.keyParameters.map((name) => {
    const declared = description.parameters.find((p) => p.name === name);
    return { name, title: declared?.unit ? `${name} [${declared.unit}]` : name };
  });
}

function headerRow(columns) {
  const titles = ['Run', ...(columns ? columns.map((c) => c.title) : ['Service', 'Key parameters']), 'Phase', 'Run time', 'Created', 'Actions'];
  return el('tr', {}, titles.map((t) => el('th', { scope: 'col' }, t)));
}

function row(job, columns, reload) {
  // One child a cell, so that a phone's card puts the column's name beside the value however long it is.
  const cell = (label, ...content) => el('td', { 'data-label': label }, el('span', { class: 'value' }, ...content));
  const name = job.runId || `${job.service} ${job.id.slice(0, 8)}…`;
  const given = (value) => (value === null || value === undefined ? el('span', { class: 'muted' }, '—') : value);
  return el('tr', { 'data-job': job.id, 'data-phase': job.phase },
    el('th', { scope: 'row', 'data-label': 'Run' },
      el('a', { href: jobPage(job.service, job.id), title: `job ${job.id}` }, job.runId || el('span', { class: 'mono' }, `${job.id.slice(0, 8)}…`)),
      job.runId ? el('span', { class: 'muted mono job-id' }, ` ${job.id.slice(0, 8)}…`) : null),
    columns ? columns.map((c) => cell(c.title, given(job.parameters[c.name])))
      : [cell('Service', job.service), cell('Key parameters', Object.entries(job.parameters).filter(([, v]) => v !== null)
        .map(([k, v]) => el('span', { class: 'key-value' }, `${k} = ${v}`)))],
    cell('Phase', el('span', { class: `phase phase-${job.phase}` }, job.phase)),
    el('td', { 'data-label': 'Run time', 'data-running': job.phase === 'EXECUTING' ? JSON.stringify(job) : null }, runTimeText(job)),
    cell('Created', time(job.creationTime)),
    el('td', { 'data-label': 'Actions', class: 'row-actions' }, el('span', { class: 'value' }, actions(job, name, reload))));
}

/** Run again (the form, filled from this job), and Abort and Delete where the server takes them. */
function actions(job, name, reload) {
  const button = (label, handler, className) => {
    const b = el('button', { type: 'button', class: className, 'aria-label': `${label}: ${name}` }, label);
    b.addEventListener('click', async () => {
      b.disabled = true;
      try { await handler(); } catch (error) { alertMessage(error.message); } finally { b.disabled = false; }
    });
    return b;
  };
  const url = jobUrl(job.service, job.id);
  return [
    button('Run again', () => location.assign(`form.html?service=${enc(job.service)}&from=${enc(job.id)}`)),
    allows(job.phase, 'ABORT') ? button('Abort', async () => {
      if (!confirm(`Abort ${name}? Its process is stopped and cannot be resumed.`)) return;
      await post(`${url}/phase`, new URLSearchParams({ PHASE: 'ABORT' }));
      await reload();
    }, 'danger') : null,
    button('Delete', async () => {
      if (!confirm(`Delete ${name} and all its files?`)) return;
      await destroy(url);
      await reload();
    }, 'danger'),
  ];
}

show().catch((error) => alertMessage(error.message));
