// SPDX-License-Identifier: MIT
// The caller's jobs of every service, newest first, filtered by service and phase, in keyset pages
// (GET /api/jobs). The page on show is read again every few seconds, so phases change without a reload.
import { getJson, jobPage, phaseRules } from './api.js';
import { el, param, replace, time, alertMessage } from './dom.js';

const REFRESH_MS = 3000;
const PAGE_SIZE = 20;
// The cursors of the pages before the one on show, so that "Newer" walks back the same way.
const cursors = [];
let cursor = null;
let next = null;
// A refresh already under way when the filters or the page change must not overwrite the newer answer.
let generation = 0;

async function show() {
  const content = document.getElementById('content');
  const services = await getJson('../uws').catch(() => []);
  const service = el('select', { id: 'filter-service' },
    el('option', { value: '' }, 'All services'), services.map((s) => el('option', { value: s.name }, s.name)));
  const phase = el('select', { id: 'filter-phase' },
    el('option', { value: '' }, 'Any phase'), Object.keys(await phaseRules()).map((p) => el('option', { value: p }, p)));
  service.value = param('service');
  phase.value = param('phase');
  const body = el('tbody');
  const newer = el('button', { type: 'button', disabled: true }, 'Newer');
  const older = el('button', { type: 'button', disabled: true }, 'Older');
  const status = el('p', { class: 'muted', role: 'status' });

  const load = async () => {
    const query = new URLSearchParams({ last: String(PAGE_SIZE) });
    if (service.value) query.set('service', service.value);
    if (phase.value) query.set('phase', phase.value);
    if (cursor) { query.set('before', cursor.before); query.set('beforeId', cursor.beforeId); }
    const mine = ++generation;
    try {
      const page = await getJson(`../api/jobs?${query}`);
      if (mine !== generation) return;
      next = page.next;
      replace(body, page.jobs.map(row));
      status.textContent = page.jobs.length === 0 ? 'No job matches.' : `${page.jobs.length} jobs shown.`;
      older.disabled = !next;
      newer.disabled = cursors.length === 0;
      alertMessage(null);
    } catch (error) {
      alertMessage(`The job list could not be read: ${error.message}`);
    }
  };
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
    el('div', { class: 'table-wrap' }, el('table', { id: 'jobs' },
      el('caption', { class: 'muted' }, 'Newest first'),
      el('thead', {}, el('tr', {}, ['Created', 'Service', 'Job', 'Phase', 'Run id'].map((h) => el('th', { scope: 'col' }, h)))),
      body)),
    el('div', { class: 'actions' }, newer, older));
  await load();
  setInterval(() => { if (document.visibilityState === 'visible') load(); }, REFRESH_MS);
}

function row(job) {
  return el('tr', { 'data-job': job.id },
    el('td', {}, time(job.creationTime)),
    el('td', {}, job.service),
    el('td', { class: 'mono' }, el('a', { href: jobPage(job.service, job.id) }, job.id)),
    el('td', {}, el('span', { class: `phase phase-${job.phase}` }, job.phase)),
    el('td', {}, job.runId ?? ''));
}

show().catch((error) => alertMessage(error.message));
