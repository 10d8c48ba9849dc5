// SPDX-License-Identifier: MIT
// A SAMP Web Profile client (SAMP 1.3 §5): the page registers with the hub on the reader's machine (which asks
// the reader, or its policy, whether to accept this page's origin), lists the clients that take a message type,
// and sends them a notification. The page takes no messages itself.
import { call } from './xmlrpc.js';

const HUBS = ['http://127.0.0.1:21012/', 'http://localhost:21012/'];
let connection = null;

async function register() {
  let lastError;
  for (const hub of HUBS) {
    try {
      const answer = await call(hub, 'samp.webhub.register', [{ 'samp.name': 'Meridian' }]);
      const key = answer['samp.private-key'];
      await call(hub, 'samp.webhub.declareMetadata', [key, {
        'samp.name': 'Meridian', 'samp.description.text': 'Results of UWS jobs run by a Meridian server', 'meridian.page': location.origin,
      }]);
      addEventListener('pagehide', () => { call(hub, 'samp.webhub.unregister', [key]).catch(() => {}); });
      return { hub, key };
    } catch (error) {
      lastError = error;
      if (error.name !== 'TypeError') throw error;
    }
  }
  throw new Error(`No SAMP hub with the Web Profile answers on this machine (${lastError?.message ?? 'no answer'}): start TOPCAT, Aladin or another hub, then try again.`);
}

async function connected() {
  if (!connection) connection = register().catch((error) => { connection = null; throw error; });
  return connection;
}

/** The clients subscribed to mtype: [{ id, name }], by name. */
export async function clientsFor(mtype) {
  const { hub, key } = await connected();
  const subscribed = await call(hub, 'samp.webhub.getSubscribedClients', [key, mtype]);
  const clients = await Promise.all(Object.keys(subscribed ?? {}).map(async (id) => {
    const metadata = await call(hub, 'samp.webhub.getMetadata', [key, id]).catch(() => ({}));
    return { id, name: String(metadata?.['samp.name'] ?? id) };
  }));
  return clients.sort((a, b) => a.name.localeCompare(b.name));
}

/** Sends mtype with params to one client (id) or, with id null, to every client subscribed to it. */
export async function send(id, mtype, params) {
  const { hub, key } = await connected();
  const message = { 'samp.mtype': mtype, 'samp.params': params };
  if (id === null) await call(hub, 'samp.webhub.notifyAll', [key, message]);
  else await call(hub, 'samp.webhub.notify', [key, id, message]);
}
