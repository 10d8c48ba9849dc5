// SPDX-License-Identifier: MIT
// Several jobs of one service side by side: their parameters and what their results report (FITS keywords,
// OIFITS reconstruction output, one-row CSV summaries) in one table with the differences marked, the same
// table result plotted on one set of axes, and the same image result on one colour scale. Opened with
// ?service=…&id=…&id=…, or ?service=…&sweep=… for the jobs of a sweep, followed until they have all ended; with
// neither it offers the service's finished jobs to choose from.
import { getJson, enc, jobUrl, jobPage, phaseRules } from './api.js';
import { el, replace, alertMessage } from './dom.js';
import { resultKeywords, differs } from './comparekeys.js';
import { overlayPlot } from './compareplot.js';
import { sideBySide } from './compareimages.js';
import { baseType, isFits } from './preview.js';

const MAX_JOBS = 8;
const WAIT_SECONDS = 10;
const query = new URLSearchParams(location.search);
const service = query.get('service') ?? '';
const sweep = query.get('sweep');
let ids = [...new Set(query.getAll('id'))].slice(0, MAX_JOBS);
const content = document.getElementById('content');

const label = (job) => job.runId || job.jobId.slice(0, 8);

async function show() {
  replace(document.querySelector('h1'), sweep ? `A sweep of ${service} jobs` : `Compare ${service} jobs`);
  if (sweep && !(await followSweep())) return;
  if (ids.length < 2) {
    await chooser();
    return;
  }
  let jobs;
  try {
    jobs = await Promise.all(ids.map((id) => getJson(jobUrl(service, id))));
  } catch (error) {
    replace(content);
    alertMessage(error.message);
    return;
  }
  const keywords = await Promise.all(jobs.map(resultKeywords));
  replace(content,
    el('p', { class: 'muted' }, `${jobs.length} jobs; rows whose values differ are marked “differs”.`),
    comparisonTable('Parameters', 'parameters', jobs, parameterRows(jobs)),
    comparisonTable('Result keywords', 'keywords', jobs, keywordRows(keywords)),
    el('section', { id: 'plots', 'aria-labelledby': 'plots-title' }, el('h2', { id: 'plots-title' }, 'Plots and images')));
  await figures(jobs);
}

function parameterRows(jobs) {
  const names = [...new Set(jobs.flatMap((job) => (job.parameters ?? []).map((p) => p.id)))];
  // A file is named by its URL, which differs from job to job: it is shown as a link, compared by that URL.
  return names.map((name) => [name, jobs.map((job) => {
    const given = (job.parameters ?? []).filter((p) => p.id === name);
    if (given.length === 0) return undefined;
    return given.some((p) => p.byReference) ? { href: given[0].value } : given.map((p) => p.value).join(', ');
  })]);
}

function keywordRows(keywords) {
  const names = [...new Set(keywords.flatMap((map) => [...map.keys()]))];
  return names.map((name) => [name, keywords.map((map) => map.get(name))]);
}

/** A table with one row per name and one column per job; a row whose values differ is marked, in words too. */
function comparisonTable(title, id, jobs, rows) {
  const section = el('section', { id, 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title` }, title));
  if (rows.length === 0) {
    section.append(el('p', { class: 'muted' }, 'None.'));
    return section;
  }
  const differing = rows.filter(([, values]) => differs(values)).length;
  section.append(
    el('p', { class: 'muted' }, `${differing} of ${rows.length} differ.`),
    el('div', { class: 'table-scroll' }, el('table', { class: 'compare' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'),
        jobs.map((job) => el('th', { scope: 'col' }, el('a', { href: jobPage(service, job.jobId) }, label(job)), ' ', el('span', { class: `phase phase-${job.phase}` }, job.phase))))),
      el('tbody', {}, rows.map(([name, values]) => {
        const marked = differs(values);
        return el('tr', { class: marked ? 'differs' : null, 'data-name': name },
          el('th', { scope: 'row' }, name, marked ? el('span', { class: 'differs-mark' }, ' differs') : null),
          values.map((value) => el('td', { class: 'mono' }, value === undefined ? '—'
            : value?.href ? el('a', { href: value.href }, 'uploaded file') : String(value))));
      })))));
  return section;
}

/** For each result name the jobs share: an overlaid plot (CSV) or images side by side (FITS). */
async function figures(jobs) {
  const plots = document.getElementById('plots');
  const names = [...new Set(jobs.flatMap((job) => (job.results ?? []).map((r) => r.id)))];
  let drawn = 0;
  for (const name of names) {
    const entries = jobs.map((job) => ({ label: label(job), result: (job.results ?? []).find((r) => r.id === name) })).filter((e) => e.result);
    if (entries.length < 2) continue;
    const first = entries[0].result;
    const figure = baseType(first.mimeType) === 'text/csv' ? await overlayPlot(name, entries)
      : isFits(first) ? await sideBySide(name, entries) : null;
    if (figure) { plots.append(figure); drawn++; }
  }
  if (drawn === 0) plots.append(el('p', { class: 'muted' }, 'The jobs have no table or image result in common.'));
  plots.setAttribute('data-ready', 'true');
}

/** Shows the sweep's jobs and their phases until every one has ended; false when the sweep cannot be read. */
async function followSweep() {
  const rules = await phaseRules();
  const status = el('div', { id: 'sweep-status', role: 'status', 'aria-live': 'polite' });
  replace(content, status);
  for (;;) {
    let set;
    try {
      set = await getJson(`../api/sweeps/${enc(service)}/${enc(sweep)}`);
    } catch (error) {
      replace(content);
      alertMessage(error.message);
      return false;
    }
    const waiting = set.jobs.filter((job) => rules[job.phase]?.unfinished);
    replace(status, el('p', {}, `${set.jobs.length - waiting.length} of ${set.jobs.length} jobs have ended.`),
      el('ul', { class: 'sweep-jobs' }, set.jobs.map((job) => el('li', {},
        el('a', { href: jobPage(service, job.id) }, job.runId || job.id), ' ', el('span', { class: `phase phase-${job.phase}` }, job.phase)))));
    if (waiting.length === 0) {
      ids = set.jobs.map((job) => job.id);
      return true;
    }
    // WAIT on the first job still running: the request returns as soon as its phase changes.
    try {
      await getJson(`${jobUrl(service, waiting[0].id)}?WAIT=${WAIT_SECONDS}&PHASE=${waiting[0].phase}`);
    } catch {
      // A job destroyed meanwhile: the next reading of the sweep no longer lists it.
    }
  }
}

/** The service's finished jobs, to tick two or more of. */
async function chooser() {
  const rules = await phaseRules();
  let list;
  try {
    list = await getJson(`../api/jobs?service=${enc(service)}&last=200`);
  } catch (error) {
    replace(content);
    alertMessage(error.message);
    return;
  }
  const finished = list.jobs.filter((job) => !rules[job.phase]?.unfinished);
  if (finished.length < 2) {
    replace(content, el('p', {}, `You have ${finished.length} finished ${service} job${finished.length === 1 ? '' : 's'}; two are needed to compare.`));
    return;
  }
  const form = el('form', { method: 'get', action: 'compare.html', 'aria-label': 'Jobs to compare' },
    el('input', { type: 'hidden', name: 'service', value: service }),
    el('fieldset', { class: 'field' }, el('legend', {}, `Choose 2 to ${MAX_JOBS} jobs`),
      finished.map((job) => el('div', { class: 'row' },
        el('input', { type: 'checkbox', name: 'id', value: job.id, id: `pick-${job.id}` }),
        el('label', { for: `pick-${job.id}` }, job.runId || job.id, ' ', el('span', { class: 'muted' }, `${job.phase}, ${job.creationTime}`))))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Compare')));
  replace(content, form);
}

show();
