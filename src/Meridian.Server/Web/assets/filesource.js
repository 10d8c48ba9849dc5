// SPDX-License-Identifier: MIT
// Where a file parameter's file comes from: a new upload, or a file already on the server (the upload of the job
// being run again, or one of its results, as OImaging's "continue from the last image"), sent as its URL. The
// server copies a referenced file from that job itself (it fetches nothing else), so nothing is uploaded twice.
import { el, replace, size } from './dom.js';

const UPLOAD = '';

export function fileSource(parameter, id, describedBy) {
  const input = el('input', { type: 'file', id, name: parameter.name, 'aria-describedby': describedBy, required: parameter.required });
  const select = el('select', { id: `${id}-source`, 'aria-label': `Which file for ${parameter.name}`, hidden: true },
    el('option', { value: UPLOAD }, 'Upload a file'));
  const chosen = el('p', { class: 'help', id: `${id}-chosen`, hidden: true });
  let choices = [];
  const update = () => {
    const choice = choices.find((c) => c.reference === select.value);
    input.hidden = Boolean(choice);
    chosen.hidden = !choice;
    replace(chosen, choice ? choice.detail : '');
  };
  select.addEventListener('change', update);

  return {
    controls: [select, input, chosen],
    focusable: () => (select.hidden ? input : select),
    read: () => {
      if (select.value !== UPLOAD) return [{ reference: select.value, name: choices.find((c) => c.reference === select.value)?.label ?? select.value }];
      return input.files.length > 0 ? [input.files[0]] : [];
    },
    /** [{ label, reference, detail }]: each a choice beside "Upload a file". */
    offer(offered) {
      choices = offered;
      replace(select, el('option', { value: UPLOAD }, 'Upload a file'),
        offered.map((c) => el('option', { value: c.reference }, c.label)));
      select.hidden = offered.length === 0;
      update();
    },
    /** Picks the choice whose reference is the job's value (its upload's URL). */
    fill([reference]) {
      select.value = choices.some((c) => c.reference === reference) ? reference : UPLOAD;
      update();
    },
  };
}

/** The choices a job offers: its upload of this parameter (kept as it is), then each of its results. */
export function choicesFrom(job, uploads, parameterName) {
  const own = uploads.filter((u) => u.parameter === parameterName).map((u) => ({
    label: `Keep ${u.fileName} (${size(u.size)}, uploaded to job ${job.jobId})`,
    reference: u.href,
    detail: `The file ${u.fileName} stays on the server and is copied into the new job; nothing is uploaded again.`,
  }));
  const results = job.results.filter((r) => r.id !== 'stdout' && r.id !== 'stderr').map((r) => ({
    label: `Result ${r.id} of job ${job.jobId}${r.size ? ` (${size(r.size)})` : ''}`,
    reference: r.href,
    detail: `The result ${r.id} of job ${job.jobId} is used as this file, straight from the server.`,
  }));
  return [...own, ...results];
}
