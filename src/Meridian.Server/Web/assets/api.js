// SPDX-License-Identifier: MIT
// The server's API as the pages use it: the UWS job resources (asked for as JSON) and the two browser reads.

export class ApiError extends Error {
  constructor(status, message) {
    super(message || `The server answered ${status}.`);
    this.status = status;
  }
}

async function check(response) {
  if (!response.ok) throw new ApiError(response.status, (await response.text()).trim());
  return response;
}

export async function getJson(url, options = {}) {
  const response = await check(await fetch(url, { ...options, headers: { Accept: 'application/json' } }));
  return response.json();
}

/** POSTs a form to a UWS resource; the 303 it answers is followed to the job, read as JSON. */
export async function post(url, body) {
  const response = await check(await fetch(url, { method: 'POST', body, headers: { Accept: 'application/json' } }));
  return response.json();
}

export async function destroy(url) {
  await check(await fetch(url, { method: 'DELETE', headers: { Accept: 'application/json' } }));
}

export const enc = encodeURIComponent;
export const jobListUrl = (service) => `/uws/${enc(service)}`;
export const jobUrl = (service, id) => `/uws/${enc(service)}/${enc(id)}`;
export const jobPage = (service, id) => `job.html?service=${enc(service)}&id=${enc(id)}`;
export const formPage = (service) => `form.html?service=${enc(service)}`;

/** The phases in which a job still moves by itself or can be started. */
export const ACTIVE_PHASES = ['PENDING', 'QUEUED', 'EXECUTING', 'HELD', 'SUSPENDED'];
export const PHASES = ['PENDING', 'QUEUED', 'EXECUTING', 'COMPLETED', 'ERROR', 'ABORTED', 'UNKNOWN', 'HELD', 'SUSPENDED', 'ARCHIVED'];
