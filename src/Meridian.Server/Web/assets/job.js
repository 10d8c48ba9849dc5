// SPDX-License-Identifier: MIT
// One job, ordered by outcome: its phase (followed live with UWS WAIT, which returns as soon as the phase changes),
// progress and run time; what went wrong; its results with previews; its logs (followed while it runs); then its
// parameters, times and provenance, and the actions that apply.
import { getJson, post, destroy, enc, jobUrl, jobPage, formPage, rerunPage, editPage, phaseRules, ApiError } from './api.js';
import { el, param, replace, time, size, alertMessage } from './dom.js';
import { runTimeText } from './duration.js';
import { logSection, logView, readLog } from './joblogs.js';
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
// While executing, a short WAIT also refreshes the progress and the logs, which change without a change of phase.
const WAIT_EXECUTING = 2;
const WAIT_OTHERWISE = 30;
// The job's own streams are shown among the logs, not again among the results.
const STREAMS = ['stdout', 'stderr'];
const seen = [];
const logs = logSection(url);
const sections = {
  phase: el('p', { role: 'status', 'aria-live': 'polite', id: 'phase' }),
  history: el('p', { class: 'muted', id: 'phase-history' }),
  progress: el('div', { id: 'progress' }),
  runTime: el('p', { id: 'run-time' }),
  actions: el('div', { class: 'actions', id: 'actions' }),
  error: el('section', { id: 'error' }),
  // Parameters and times come first in the document, as a reader of the page's text meets them, and are shown
  // after the results and logs (style.css orders the sections of #content.job-sections).
  parameters: el('section', { 'aria-labelledby': 'parameters-title', id: 'parameters' }),
  times: el('section', { 'aria-labelledby': 'times-title', id: 'times' }),
  results: el('section', { 'aria-labelledby': 'results-title', id: 'results' }),
  logs: logs.section,
  provenance: el('section', { 'aria-labelledby': 'provenance-title', id: 'provenance' }),
  reproduce: el('div', { id: 'reproduce-box' }),
};
// The service's declared result columns (their units label the plots); the page works without them.
const description = getJson(`../api/services/${enc(service)}`).catch(() => null);
let shownPhase = null;
// Each action starts a new follower; an older one stops at its next turn.
let follower = 0;

async function start() {
  replace(document.querySelector('h1'), `${service} job `, el('span', { class: 'mono' }, id));
  const content = document.getElementById('content');
  content.classList.add('job-sections');
  replace(content, Object.values(sections));
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
  replace(sections.runTime, 'Run time: ', el('strong', {}, job.startTime ? runTimeText(job) : 'not started'),
    el('span', { class: 'muted' }, ` (time limit ${limit(job.executionDuration)})`));
  renderTimes(job);
  const changed = job.phase !== shownPhase;
  if (changed) {
    shownPhase = job.phase;
    renderActions(job);
    renderParameters(job);
    renderError(job);
    renderResults(job);
    renderProvenance(job);
  }
  if (changed || job.phase === 'EXECUTING') {
    logs.update(job, {
      waiting: !job.startTime && unfinished(job.phase),
      running: job.phase === 'EXECUTING',
      elsewhere: job.errorSummary ? { stream: 'stderr', href: '#error', title: 'What went wrong' } : null,
    });
  }
}

const limit = (seconds) => (seconds > 0 ? `${seconds} s` : 'none');

function renderTimes(job) {
  replace(sections.times, el('h2', { id: 'times-title' }, 'Times'), el('dl', { class: 'times' },
    [['Created', time(job.creationTime)], ['Started', time(job.startTime)], ['Ended', time(job.endTime)],
      ['Run time', runTimeText(job)], ['Time limit', limit(job.executionDuration)],
      ['Expected end', time(job.quote)], ['Destruction', time(job.destruction)], ['Label (run id)', job.runId ?? '—']]
      .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
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
    provenanceGraph(doc, {
      json: `${url}/provenance?format=json`,
      provn: `${url}/provenance?format=provn`,
      // A generated file leads to its preview on this page, an upload to its download.
      result: (name) => (STREAMS.includes(name) ? '#logs' : job.results.some((r) => r.id === name) ? `#result-${encodeURIComponent(name)}` : null),
    }));
}

function renderProgress(job) {
  const progress = job.jobInfo?.progress;
  if (!progress) { replace(sections.progress); return; }
  const percent = Math.round(progress.fraction * 100);
  replace(sections.progress,
    el('label', { for: 'progress-bar' }, `Progress: ${percent}%`, progress.message ? ` — ${progress.message}` : ''),
    el('progress', { id: 'progress-bar', max: 1, value: progress.fraction }, `${percent}%`));
}

/** One row a parameter: a list's values (UWS repeats the parameter for each) joined on one line. */
function renderParameters(job) {
  const grouped = new Map();
  for (const p of job.parameters) {
    const entry = grouped.get(p.id) ?? { values: [], byReference: p.byReference };
    entry.values.push(p.value);
    grouped.set(p.id, entry);
  }
  replace(sections.parameters, el('h2', { id: 'parameters-title' }, 'Parameters'),
    grouped.size === 0 ? el('p', { class: 'muted' }, 'None.') : el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Value'))),
      el('tbody', {}, [...grouped].map(([name, p]) => el('tr', { 'data-parameter': name }, el('th', { scope: 'row' }, name),
        el('td', { class: 'mono' }, p.byReference ? p.values.map((v) => el('a', { href: v }, 'uploaded file')) : p.values.join(' '))))))));
}

// The summary ends with the last lines of stderr (JobOutcomes.StderrTail); the page shows stderr itself instead.
const STDERR_LINES = /\r?\nLast lines of stderr:[\s\S]*$/;

/** What went wrong, once: the error summary, then the end of the job's stderr, which says why (not repeated under Logs). */
async function renderError(job) {
  if (!job.errorSummary) { replace(sections.error); return; }
  replace(sections.error, el('h2', {}, 'What went wrong'), el('p', { class: 'error' }, job.errorSummary.message.replace(STDERR_LINES, '')));
  const tail = await readLog(url, 'stderr');
  if (shownPhase !== job.phase) return;
  sections.error.append(el('h3', {}, 'stderr'), ...logView('stderr', tail, job.results.find((r) => r.id === 'stderr')).filter(Boolean));
}

let resultsTurn = 0;

async function renderResults(job) {
  const turn = ++resultsTurn;
  const results = job.results.filter((r) => !STREAMS.includes(r.id));
  replace(sections.results, el('h2', { id: 'results-title' }, 'Results'));
  if (job.results.length > 0) {
    sections.results.append(el('p', {}, el('a', { href: `${url}/results.zip`, download: '', id: 'results-zip' },
      `Download all ${job.results.length} results as one zip`)));
  }
  if (results.length === 0) {
    sections.results.append(el('p', { class: 'muted' }, unfinished(job.phase) ? 'Results appear when the job ends.' : 'None besides the logs.'));
    return;
  }
  const declared = (await description)?.results ?? [];
  if (turn !== resultsTurn) return;
  for (const result of results) {
    const box = el('div', { class: 'result', 'data-result': result.id, id: `result-${result.id}` },
      el('h3', {}, result.id),
      el('p', {}, el('a', { href: result.href, download: '' }, `Download ${result.id}`), ` ${result.mimeType ?? ''} ${size(result.size)}`));
    sections.results.append(box);
    const send = sendButton(result, url, id);
    if (send) box.append(send);
    if (canPreview(result)) preview(result, declared.find((d) => d.name === result.id)?.columns ?? []).then((shown) => box.append(shown));
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
