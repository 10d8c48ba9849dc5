// SPDX-License-Identifier: MIT
// One job: its phase followed live with UWS WAIT (the request returns as soon as the phase changes), its
// progress, times, parameters, error and stderr, results with previews, and the actions that apply.
import { getJson, post, destroy, jobUrl, jobPage, formPage, rerunPage, editPage, phaseRules, ApiError } from './api.js';
import { el, param, replace, time, size, alertMessage } from './dom.js';
import { canPreview, preview } from './preview.js';
import { provenanceGraph } from './provgraph.js';
import { sendButton } from './sendto.js';
import { showNotice } from './notice.js';
import { reproduceSection } from './reproduce.js';

const service = param('service');
const id = param('id');
const url = jobUrl(service, id);
const rules = await phaseRules();
const unfinished = (phase) => rules[phase]?.unfinished ?? false;
const allows = (phase, action) => rules[phase]?.actions.includes(action) ?? false;
// While executing, a short WAIT also refreshes the progress, which changes without a change of phase.
const WAIT_EXECUTING = 2;
const WAIT_OTHERWISE = 30;
const seen = [];
const sections = {
  phase: el('p', { role: 'status', 'aria-live': 'polite', id: 'phase' }),
  history: el('p', { class: 'muted', id: 'phase-history' }),
  progress: el('div', { id: 'progress' }),
  actions: el('div', { class: 'actions', id: 'actions' }),
  times: el('section', { 'aria-labelledby': 'times-title' }),
  parameters: el('section', { 'aria-labelledby': 'parameters-title' }),
  error: el('section', { id: 'error' }),
  results: el('section', { 'aria-labelledby': 'results-title', id: 'results' }),
  provenance: el('section', { 'aria-labelledby': 'provenance-title', id: 'provenance' }),
  reproduce: el('div', { id: 'reproduce-box' }),
};
let shownPhase = null;
// Each action starts a new follower; an older one stops at its next turn.
let follower = 0;

async function start() {
  replace(document.querySelector('h1'), `${service} job `, el('span', { class: 'mono' }, id));
  replace(document.getElementById('content'), Object.values(sections));
  let job;
  try {
    job = await getJson(url);
  } catch (error) {
    replace(document.getElementById('content'));
    alertMessage(error.message);
    return;
  }
  showNotice(id);
  render(job);
  reproduceSection(service, id, job).then((section) => replace(sections.reproduce, section), () => {});
  follow(job);
}

async function follow(job) {
  const me = ++follower;
  while (unfinished(job.phase) && me === follower) {
    const wait = job.phase === 'EXECUTING' ? WAIT_EXECUTING : WAIT_OTHERWISE;
    try {
      const fresh = await getJson(`${url}?WAIT=${wait}&PHASE=${job.phase}`);
      if (me !== follower) return;
      job = fresh;
      render(job);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) { alertMessage('The job no longer exists.'); return; }
      alertMessage(`Lost touch with the server (${error.message}); trying again.`);
      await new Promise((resolve) => { setTimeout(resolve, 3000); });
    }
  }
}

function render(job) {
  if (seen[seen.length - 1] !== job.phase) seen.push(job.phase);
  document.title = `${service} job ${job.phase} · Meridian`;
  replace(sections.phase, 'Phase: ', el('span', { class: `phase phase-${job.phase}` }, job.phase));
  replace(sections.history, `Phases seen: ${seen.join(' → ')}`);
  renderProgress(job);
  replace(sections.times, el('h2', { id: 'times-title' }, 'Times'), el('dl', { class: 'times' },
    [['Created', time(job.creationTime)], ['Started', time(job.startTime)], ['Ended', time(job.endTime)],
      ['Expected end', time(job.quote)], ['Execution duration', `${job.executionDuration} s`],
      ['Destruction', time(job.destruction)], ['Run id', job.runId ?? '—']]
      .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
  if (job.phase !== shownPhase) {
    shownPhase = job.phase;
    renderActions(job);
    renderParameters(job);
    renderError(job);
    renderResults(job);
    renderProvenance(job);
  }
}

/** Once the job has ended: what it used and generated, drawn from {job}/provenance. */
async function renderProvenance(job) {
  replace(sections.provenance);
  if (unfinished(job.phase)) return;
  let doc;
  try {
    doc = await getJson(`${url}/provenance`);
  } catch (error) {
    replace(sections.provenance, el('h2', { id: 'provenance-title' }, 'Provenance'), el('p', { class: 'muted' }, error.message));
    return;
  }
  replace(sections.provenance, el('h2', { id: 'provenance-title' }, 'Provenance'),
    provenanceGraph(doc, { json: `${url}/provenance?format=json`, provn: `${url}/provenance?format=provn` }));
}

function renderProgress(job) {
  const progress = job.jobInfo?.progress;
  if (!progress) { replace(sections.progress); return; }
  const percent = Math.round(progress.fraction * 100);
  replace(sections.progress,
    el('label', { for: 'progress-bar' }, `Progress: ${percent}%`, progress.message ? ` — ${progress.message}` : ''),
    el('progress', { id: 'progress-bar', max: 1, value: progress.fraction }, `${percent}%`));
}

function renderParameters(job) {
  replace(sections.parameters, el('h2', { id: 'parameters-title' }, 'Parameters'),
    job.parameters.length === 0 ? el('p', { class: 'muted' }, 'None.') : el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Value'))),
      el('tbody', {}, job.parameters.map((p) => el('tr', {}, el('td', {}, p.id),
        el('td', { class: 'mono' }, p.byReference ? el('a', { href: p.value }, 'uploaded file') : p.value)))))));
}

async function renderError(job) {
  if (!job.errorSummary) { replace(sections.error); return; }
  replace(sections.error, el('h2', {}, 'Error'), el('p', { class: 'error' }, job.errorSummary.message));
  // {job}/error: the summary followed by the job's whole stderr, shown as text whatever it holds.
  const response = await fetch(`${url}/error`);
  if (response.ok) sections.error.append(el('h3', {}, 'Error summary and stderr'), el('pre', { id: 'stderr', tabindex: 0 }, await response.text()));
}

function renderResults(job) {
  replace(sections.results, el('h2', { id: 'results-title' }, 'Results'));
  if (job.results.length === 0) {
    sections.results.append(el('p', { class: 'muted' }, unfinished(job.phase) ? 'Results appear when the job ends.' : 'None.'));
    return;
  }
  for (const result of job.results) {
    const box = el('div', { class: 'result', 'data-result': result.id },
      el('h3', {}, result.id),
      el('p', {}, el('a', { href: result.href, download: '' }, `Download ${result.id}`), ` ${result.mimeType ?? ''} ${size(result.size)}`));
    sections.results.append(box);
    const send = sendButton(result, url, id);
    if (send) box.append(send);
    // stdout is often long and rarely the point; it is previewed on request, everything else at once.
    if (!canPreview(result)) continue;
    const show = async () => { box.append(await preview(result)); };
    if (result.id === 'stdout') {
      const button = el('button', { type: 'button', onclick: async () => { button.remove(); await show(); } }, 'Show stdout');
      box.append(button);
    } else {
      show();
    }
  }
}

function renderActions(job) {
  const act = (label, handler, className) => el('button', { type: 'button', class: className, onclick: guarded(handler) }, label);
  replace(sections.actions,
    allows(job.phase, 'RUN') ? act('Run', () => control('RUN'), 'primary') : null,
    allows(job.phase, 'ABORT') ? act('Abort', async () => {
      if (confirm('Abort this job? Its process is stopped and cannot be resumed.')) await control('ABORT');
    }, 'danger') : null,
    act('Run again', () => runAgain(job)),
    el('a', { href: rerunPage(service, id) }, 'Edit and run again'),
    job.phase === 'PENDING' ? el('a', { href: editPage(service, id), id: 'edit-parameters' }, 'Edit parameters') : null,
    act('Delete', async () => {
      if (!confirm('Delete this job and all its files?')) return;
      await destroy(url);
      location.assign(`jobs.html?service=${encodeURIComponent(service)}`);
    }, 'danger'),
    el('a', { href: formPage(service) }, 'New job'));
}

function guarded(handler) {
  return async () => {
    try { await handler(); } catch (error) { alertMessage(error.message); }
  };
}

async function control(phase) {
  const body = new URLSearchParams({ PHASE: phase });
  const job = await post(`${url}/phase`, body);
  render(job);
  follow(job);
}

/**
 * A new job with the same parameters and execution duration, run at once. An uploaded file is sent as its URL:
 * the server copies it from this job, under the name it was uploaded with, and nothing is uploaded again.
 */
async function runAgain(job) {
  const data = new FormData();
  for (const p of job.parameters) data.append(p.id, p.value);
  if (job.runId) data.append('RUNID', job.runId);
  data.append('EXECUTIONDURATION', String(job.executionDuration));
  data.append('PHASE', 'RUN');
  const copy = await post(`../uws/${encodeURIComponent(service)}`, data);
  location.assign(jobPage(service, copy.jobId));
}

start();
