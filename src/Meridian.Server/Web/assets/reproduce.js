// SPDX-License-Identifier: MIT
// Commands that recreate a job from a terminal: curl, a pyvo script and the `meridian` client, each with the
// job's parameters, label and time limit, its uploads as local files of the names they were uploaded under,
// and PHASE=RUN. Values are quoted for a POSIX shell (single quotes, a quote written '\''), and for Python as
// JSON strings, which Python reads as the same text; nothing in a value can become part of a command.
import { getJson, jobListUrl, enc } from './api.js';
import { el } from './dom.js';
import { currentSession } from './session.js';

/** A word for a POSIX shell: the text exactly, whatever it holds. */
export function shellQuote(text) {
  return `'${String(text).replaceAll("'", "'\\''")}'`;
}

/** The job's fields in order: [name, value, fileName or null]; a file goes as the name it was uploaded under. */
function fieldsOf(job, uploads) {
  const names = new Map(uploads.map((u) => [u.parameter, u.fileName || u.parameter]));
  const fields = job.parameters.map((p) => [p.id, p.value, p.byReference ? names.get(p.id) ?? p.id : null]);
  if (job.runId) fields.push(['RUNID', job.runId, null]);
  fields.push(['EXECUTIONDURATION', String(job.executionDuration), null]);
  return fields;
}

export function curlCommand(url, job, uploads, user) {
  // --form-string sends a value as it is (with -F a value starting with @ or < would name a file).
  const lines = fieldsOf(job, uploads).map(([name, value, file]) => (file
    ? `-F ${shellQuote(`${name}=@${curlFileName(file)}`)}`
    : `--form-string ${shellQuote(`${name}=${value}`)}`));
  lines.push(`--form-string ${shellQuote('PHASE=RUN')}`);
  const auth = user ? [`-u ${shellQuote(user)}`] : [];
  return ['curl -sS -o /dev/null -w \'%{redirect_url}\\n\'', ...auth, ...lines, shellQuote(url)].join(' \\\n  ');
}

/** curl -F reads ';' and ',' after a file name as options: such a name goes in double quotes, as curl's manual says. */
function curlFileName(file) {
  return /[;,"\\]/.test(file) ? `"${file.replace(/["\\]/g, '\\$&')}"` : file;
}

export function cliCommand(url, job, uploads, user) {
  const words = fieldsOf(job, uploads).map(([name, value, file]) => shellQuote(`${name}=${file ? `@${file}` : value}`));
  const auth = user ? ['--token "$MERIDIAN_TOKEN"'] : [];
  const unsafe = job.parameters.some((p) => !p.byReference && p.value.startsWith('@'));
  return [unsafe ? '# A value starting with @ would be read as a file by meridian submit: use curl for this job.' : null,
    ['meridian submit', shellQuote(url), ...words, ...auth, '--run'].join(' \\\n  ')].filter(Boolean).join('\n');
}

export function pyvoScript(url, job, uploads, user) {
  const data = new Map();
  const files = [];
  for (const [name, value, file] of fieldsOf(job, uploads)) {
    if (file) files.push([name, file]);
    else data.set(name, [...(data.get(name) ?? []), value]);
  }
  const py = (text) => JSON.stringify(text);
  const entries = [...data].map(([name, values]) => `    ${py(name)}: ${values.length === 1 ? py(values[0]) : `[${values.map(py).join(', ')}]`},`);
  return [
    'import requests',
    'from pyvo.dal.tap import AsyncTAPJob',
    user ? 'import getpass' : null,
    '',
    'session = requests.Session()',
    user ? `session.auth = (${py(user)}, getpass.getpass())` : null,
    'data = {', ...entries, '}',
    `files = {${files.map(([name, file]) => `${py(name)}: (${py(file)}, open(${py(file)}, "rb"))`).join(', ')}}`,
    `created = session.post(${py(url)}, data=data, files=files or None, allow_redirects=False)`,
    'created.raise_for_status()',
    'job = AsyncTAPJob(created.headers["Location"], session=session)',
    'job.run()',
    'print(job.url)',
  ].filter((line) => line !== null).join('\n');
}

/** The section of a job's page: the three commands, each with a Copy button. */
export async function reproduceSection(service, id, job) {
  const [uploads, session] = await Promise.all([
    getJson(`../api/jobs/${enc(service)}/${enc(id)}/uploads`),
    currentSession(),
  ]);
  const url = new URL(jobListUrl(service), location.href).href;
  const user = session.user ?? null;
  const files = uploads.map((u) => u.fileName);
  const block = (key, title, text) => {
    const code = el('pre', { id: `reproduce-${key}`, tabindex: 0 }, el('code', {}, text));
    const status = el('span', { class: 'muted', role: 'status' });
    const copy = el('button', {
      type: 'button',
      'aria-label': `Copy the ${title} command`,
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(text);
          status.textContent = 'Copied.';
        } catch {
          getSelection()?.selectAllChildren(code);
          status.textContent = 'Selected: press Ctrl+C to copy.';
        }
      },
    }, 'Copy');
    return el('div', { class: 'command', 'data-command': key }, el('h3', {}, title), code, el('div', { class: 'row' }, copy, status));
  };
  return el('section', { 'aria-labelledby': 'reproduce-title', id: 'reproduce' },
    el('h2', { id: 'reproduce-title' }, 'Reproduce'),
    el('p', { class: 'muted' }, 'Each command creates and runs a new job with these parameters.',
      files.length ? ` Run it in a folder holding ${files.join(', ')} (download from the parameters above).` : '',
      user ? ' curl asks for your password; meridian reads an API token from $MERIDIAN_TOKEN.' : ''),
    block('curl', 'curl', curlCommand(url, job, uploads, user)),
    block('pyvo', 'Python (pyvo)', pyvoScript(url, job, uploads, user)),
    block('cli', 'meridian', cliCommand(url, job, uploads, user)));
}
