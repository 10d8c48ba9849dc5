// SPDX-License-Identifier: MIT
// The services page: every service with its title, description and a link to its form.
import { getJson, formPage, enc } from './api.js';
import { el, replace, alertMessage } from './dom.js';

async function show() {
  const content = document.getElementById('content');
  try {
    const services = await getJson('../uws');
    replace(content, services.length === 0
      ? el('p', {}, 'No service is offered.')
      : services.map((s) => el('section', { class: 'card', 'aria-labelledby': `service-${s.name}` },
        el('h2', { id: `service-${s.name}` }, s.title),
        el('p', { class: 'description' }, s.description),
        el('p', {},
          el('a', { href: formPage(s.name) }, `New ${s.name} job`), ' · ',
          el('a', { href: `jobs.html?service=${enc(s.name)}` }, `My ${s.name} jobs`)))));
  } catch (error) {
    replace(content);
    alertMessage(`The services could not be read: ${error.message}`);
  }
}

show();
