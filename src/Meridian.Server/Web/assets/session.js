// SPDX-License-Identifier: MIT
// Who is signed in, shown in every page's header with Sign in or Sign out; and the anti-forgery token that
// every change the pages make carries (a request with the session cookie but without it is refused).
import { el } from './dom.js';

export const TOKEN_HEADER = 'X-CSRF-Token';

const state = fetch('../api/session', { headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : {}))
  .catch(() => ({}));

/** { signIn: whether this server signs browsers in, user: the caller's name or null, antiforgeryToken }. */
export function currentSession() {
  return state;
}

/** The header that proves a change comes from this server's own pages. */
export async function tokenHeaders() {
  const { antiforgeryToken } = await state;
  return antiforgeryToken ? { [TOKEN_HEADER]: antiforgeryToken } : {};
}

export async function signOut() {
  const response = await fetch('../api/session', { method: 'DELETE', headers: await tokenHeaders() });
  if (!response.ok) throw new Error((await response.text()).trim());
}

function show({ signIn, user }) {
  const nav = document.querySelector('header nav');
  if (!nav || (!signIn && !user)) return;
  const here = location.pathname.split('/').pop() || './';
  const back = `${here}${location.search}`;
  nav.append(user
    ? el('span', { class: 'session', id: 'session' }, 'Signed in as ', el('strong', {}, user), ' ',
      el('button', {
        type: 'button',
        onclick: async () => { await signOut(); location.assign('signin.html'); },
      }, 'Sign out'))
    : el('span', { class: 'session', id: 'session' },
      here === 'signin.html' ? 'Not signed in' : el('a', { href: `signin.html?return=${encodeURIComponent(back)}` }, 'Sign in')));
}

state.then(show);
