// SPDX-License-Identifier: MIT
// The server's API as the pages use it: the UWS job resources (asked for as JSON) and the two browser reads.
// Every change carries the session's anti-forgery token.
import { tokenHeaders } from './session.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message || `The server answered ${status}.`);
    this.status = status;
  }
}

async function check(response) {
  if (response.status === 401) throw new ApiError(401, 'You are not signed in: use Sign in at the top of the page.');
  if (!response.ok) throw new ApiError(response.status, (await response.text()).trim());
  return response;
}

export async function getJson(url, options = {}) {
  const response = await check(await fetch(url, { ...options, headers: { Accept: 'application/json' } }));
  return response.json();
}

/** POSTs a form to a UWS resource; the 303 it answers is followed to the job, read as JSON. */
export async function post(url, body) {
  const headers = { Accept: 'application/json', ...(await tokenHeaders()) };
  const response = await check(await fetch(url, { method: 'POST', body, headers }));
  return response.json();
}

export async function destroy(url) {
  await check(await fetch(url, { method: 'DELETE', headers: { Accept: 'application/json', ...(await tokenHeaders()) } }));
}

export const enc = encodeURIComponent;
export const jobListUrl = (service) => `../uws/${enc(service)}`;
export const jobUrl = (service, id) => `../uws/${enc(service)}/${enc(id)}`;
export const jobPage = (service, id) => `job.html?service=${enc(service)}&id=${enc(id)}`;
export const formPage = (service) => `form.html?service=${enc(service)}`;
/** The form filled from a job, to run it again with changes. */
export const rerunPage = (service, id) => `form.html?service=${enc(service)}&from=${enc(id)}`;
/** The form changing a PENDING job's parameters in place. */
export const editPage = (service, id) => `form.html?service=${enc(service)}&edit=${enc(id)}`;

let rules = null;

/**
 * The server's rules for each phase, read once: { PENDING: { unfinished: true, actions: ['RUN', 'ABORT'] }, ... }.
 * The pages offer only the actions the server takes, and follow a job while it is unfinished.
 */
export function phaseRules() {
  rules ??= getJson('../api/phases');
  return rules;
}
