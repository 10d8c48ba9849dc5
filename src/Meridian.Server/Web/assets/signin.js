// SPDX-License-Identifier: MIT
// The sign-in form: a name and password checked against the server's users file, which starts a session
// (a cookie the pages' requests carry); then back to the page that asked, or the services.
import { el, param, replace, alertMessage } from './dom.js';
import { currentSession, tokenHeaders } from './session.js';

/** Only a page of this client, named relatively, so that a link cannot send the user elsewhere after signing in. */
function returnPage() {
  const target = param('return');
  return /^[a-z]+\.html(\?[^#]*)?$/.test(target) ? target : './';
}

async function show() {
  const content = document.getElementById('content');
  const session = await currentSession();
  if (!session.signIn) {
    replace(content, el('p', {}, 'This server does not sign browsers in: it has no users file.'));
    return;
  }
  if (session.user) {
    replace(content, el('p', {}, 'You are signed in as ', el('strong', {}, session.user), '. ', el('a', { href: returnPage() }, 'Continue')));
    return;
  }
  const name = el('input', { type: 'text', id: 'name', name: 'name', autocomplete: 'username', required: true });
  const password = el('input', { type: 'password', id: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = el('form', { 'aria-label': 'Sign in' },
    el('div', { class: 'field' }, el('label', { for: 'name' }, 'Name'), name),
    el('div', { class: 'field' }, el('label', { for: 'password' }, 'Password'), password),
    el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alertMessage(null);
    submit.disabled = true;
    const response = await fetch('../api/session', {
      method: 'POST',
      body: new URLSearchParams({ name: name.value, password: password.value }),
      headers: await tokenHeaders(),
    });
    if (response.ok) {
      location.assign(returnPage());
      return;
    }
    alertMessage((await response.text()).trim());
    submit.disabled = false;
    password.focus();
  });
  replace(content, form);
  name.focus();
}

show();
