// SPDX-License-Identifier: MIT
// The job a form starts from (?from= to run it again, ?edit= to change a PENDING job in place): its document and
// its uploads' names, and the form's fields set to its values.
import { getJson, jobUrl, enc } from './api.js';
import { choicesFrom } from './filesource.js';

export async function loadJob(service, id) {
  const [job, uploads] = await Promise.all([
    getJson(jobUrl(service, id)),
    getJson(`../api/jobs/${enc(service)}/${enc(id)}/uploads`),
  ]);
  return { job, uploads };
}

/** Sets each field to the job's value (a list as its rows, a file as "keep the upload"); the rest keep their defaults. */
export function fillFrom(fields, { job, uploads }) {
  const values = new Map();
  for (const p of job.parameters) values.set(p.id, [...(values.get(p.id) ?? []), p.value]);
  for (const field of fields) {
    const name = field.parameter.name;
    if (field.parameter.type === 'file') field.offer(choicesFrom(job, uploads, name));
    if (values.has(name)) field.fill(values.get(name));
  }
}
