// SPDX-License-Identifier: MIT
// A job's stdout and stderr, the end of each ({job}/log/{stream}), read again while the job runs so that the
// page shows what the code writes as it writes it. Shown as text, whatever it holds.
import { getJson } from './api.js';
import { el, replace, size } from './dom.js';

const STREAMS = ['stdout', 'stderr'];

/** The end of one stream: { size, truncated, text }, or null when it cannot be read. */
export function readLog(url, stream) {
  return getJson(`${url}/log/${stream}`).catch(() => null);
}

/** A stream's text (pre#stdout or pre#stderr), what part of it is shown, and its download when it is a result. */
export function logView(stream, tail, result) {
  const text = !tail ? el('p', { class: 'muted' }, 'Could not be read.')
    : tail.size === 0 ? el('p', { class: 'muted' }, 'Nothing written.')
      : el('pre', { id: stream, tabindex: 0, 'aria-label': `The job's ${stream}` }, tail.text);
  return [text,
    tail?.truncated ? el('p', { class: 'muted' }, `The end of its ${size(tail.size)} is shown.`) : null,
    result ? el('p', {}, el('a', { href: result.href, download: '' }, `Download ${stream}`)) : null];
}

/**
 * A section that shows both logs; update(job, state) reads them again (one read at a time). state.elsewhere
 * names a stream shown elsewhere on the page (a failed job's stderr, under what went wrong), linked to, not repeated.
 */
export function logSection(url) {
  const section = el('section', { 'aria-labelledby': 'logs-title', id: 'logs' });
  const boxes = Object.fromEntries(STREAMS.map((stream) => [stream, el('div', { class: 'log', 'data-log': stream })]));
  const note = el('p', { class: 'muted' });
  replace(section, el('h2', { id: 'logs-title' }, 'Logs'), note, Object.values(boxes));
  let busy = false;
  let again = null;

  const update = async (job, state) => {
    if (busy) { again = [job, state]; return; }
    busy = true;
    try {
      note.textContent = state.waiting ? 'The logs appear when the job runs.' : state.running ? 'Followed while the job runs.' : '';
      if (state.waiting) { Object.values(boxes).forEach((box) => replace(box)); return; }
      const shown = STREAMS.filter((stream) => stream !== state.elsewhere?.stream);
      const tails = await Promise.all(shown.map((stream) => readLog(url, stream)));
      shown.forEach((stream, i) => {
        const view = logView(stream, tails[i], job.results.find((r) => r.id === stream));
        replace(boxes[stream], el('h3', {}, stream), view);
        // The newest lines are the ones to see.
        if (view[0].tagName === 'PRE') view[0].scrollTop = view[0].scrollHeight;
      });
      if (state.elsewhere) {
        replace(boxes[state.elsewhere.stream], el('h3', {}, state.elsewhere.stream),
          el('p', {}, 'Shown above, under ', el('a', { href: state.elsewhere.href }, state.elsewhere.title), '.'));
      }
    } finally {
      busy = false;
      if (again) { const [later, next] = again; again = null; update(later, next); }
    }
  };
  return { section, update };
}
