// SPDX-License-Identifier: MIT
// A word from one page to the next about a job (the form that created it tells its page that a value was cut to
// the service's limit), kept in the tab's session storage until that job's page shows it once.
import { el } from './dom.js';

const key = (jobId) => `meridian-notice-${jobId}`;

export function leaveNotice(jobId, text) {
  try { sessionStorage.setItem(key(jobId), text); } catch { /* storage refused: the page simply says nothing */ }
}

/** Shows the notice left for this job, if any, above the page's content. */
export function showNotice(jobId) {
  let text = null;
  try { text = sessionStorage.getItem(key(jobId)); sessionStorage.removeItem(key(jobId)); } catch { text = null; }
  if (!text) return;
  document.getElementById('content')?.before(el('p', { class: 'notice', id: 'notice', role: 'status' }, text));
}

/** What the server kept of the execution duration asked for, in words, or null when it kept it as it was. */
export function durationNotice(service, asked, job) {
  if (!asked || Number(asked) === job.executionDuration) return null;
  return `Time limit: you asked for ${asked} s; ${service.name} allows at most ${service.executionDuration.max} s, so the job has ${job.executionDuration} s.`;
}
