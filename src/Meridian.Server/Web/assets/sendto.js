// SPDX-License-Identifier: MIT
// "Send to…" on a result: the SAMP message its format calls for (a FITS image as image.load.fits, a FITS table
// or OIFITS file as table.load.fits, a VOTable, or a CSV/TSV table as its VOTable, as table.load.votable), sent to
// a client of the reader's SAMP hub chosen from a list. The link sent is signed by this server for that one
// result and expires, so the desktop tool downloads it without the browser's session.
import { el, replace } from './dom.js';
import { post } from './api.js';
import { readHdus } from './fits.js';
import { isOifits } from './oifits.js';
import { clientsFor, send } from './samp.js';

const FITS = ['application/fits', 'image/fits', 'application/x-fits'];
const VOTABLE = ['application/x-votable+xml', 'application/x-votable', 'text/xml'];
const TABLES = ['text/csv', 'text/tab-separated-values'];

export function canSend(result) {
  const type = baseType(result.mimeType);
  return FITS.includes(type) || VOTABLE.includes(type) || TABLES.includes(type);
}

export function sendButton(result, jobUrl, jobId) {
  if (!canSend(result)) return null;
  const id = `send-${result.id}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const list = el('ul', { class: 'samp-clients', id: `${id}-clients` });
  const status = el('p', { class: 'samp-status', role: 'status', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', 'aria-controls': list.id, onclick: () => choose() }, 'Send to…');

  async function choose() {
    replace(status, 'Asking the SAMP hub for its clients…');
    replace(list);
    try {
      const message = await messageFor(result);
      const clients = await clientsFor(message.mtype);
      if (clients.length === 0) { replace(status, `No client of the SAMP hub takes ${message.mtype}.`); return; }
      replace(status, `Clients that take ${message.mtype}:`);
      replace(list, clients.map((c) => el('li', {}, el('button', { type: 'button', onclick: () => deliver(c, message) }, `Send to ${c.name}`))),
        clients.length > 1 ? el('li', {}, el('button', { type: 'button', onclick: () => deliver(null, message) }, 'Send to all')) : null);
    } catch (error) {
      replace(status, el('span', { class: 'error' }, error.message));
    }
  }

  async function deliver(client, message) {
    try {
      const body = new URLSearchParams({ result: result.id });
      if (message.format) body.set('format', message.format);
      const { url } = await post(`${jobUrl}/signed-urls`, body);
      const key = message.mtype.startsWith('image.') ? 'image-id' : 'table-id';
      await send(client?.id ?? null, message.mtype, { url, name: `${jobId} ${result.id}`, [key]: `${jobId}/${result.id}` });
      replace(status, `Sent ${result.id} to ${client ? client.name : 'every client'} (${message.mtype}).`);
    } catch (error) {
      replace(status, el('span', { class: 'error' }, error.message));
    }
  }

  return el('div', { class: 'samp-send' }, button, status, list);
}

// A FITS file's headers (a few range reads) say whether it is an image or a table; OIFITS goes as a table.
async function messageFor(result) {
  const type = baseType(result.mimeType);
  if (TABLES.includes(type)) return { mtype: 'table.load.votable', format: 'votable' };
  if (VOTABLE.includes(type)) return { mtype: 'table.load.votable' };
  const hdus = await readHdus(result.href, result.size);
  if (isOifits(hdus) || !hdus.some((h) => h.isImage)) return { mtype: 'table.load.fits' };
  return { mtype: 'image.load.fits' };
}

function baseType(mimeType) {
  return (mimeType ?? '').split(';')[0].trim().toLowerCase();
}
