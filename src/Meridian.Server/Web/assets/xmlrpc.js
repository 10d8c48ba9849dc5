// SPDX-License-Identifier: MIT
// XML-RPC, the wire of SAMP's Web Profile: a call's parameters (strings, numbers, lists, maps) written as an XML
// document built node by node (so no value is ever parsed as markup), and the answer or fault read back.
export class XmlRpcFault extends Error {}

export async function call(url, method, params) {
  const doc = document.implementation.createDocument(null, 'methodCall', null);
  const root = doc.documentElement;
  const add = (parent, name, text) => {
    const node = doc.createElement(name);
    if (text !== undefined) node.textContent = text;
    parent.append(node);
    return node;
  };
  add(root, 'methodName', method);
  const list = add(root, 'params');
  const write = (parent, value) => {
    const holder = add(parent, 'value');
    if (Array.isArray(value)) {
      const data = add(add(holder, 'array'), 'data');
      value.forEach((v) => write(data, v));
    } else if (value !== null && typeof value === 'object') {
      const struct = add(holder, 'struct');
      for (const [key, v] of Object.entries(value)) {
        const member = add(struct, 'member');
        add(member, 'name', key);
        write(member, v);
      }
    } else {
      // SAMP sends every scalar as a string (SAMP 1.3 §3.3).
      add(holder, 'string', String(value));
    }
  };
  params.forEach((p) => write(add(list, 'param'), p));
  const response = await fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: `<?xml version="1.0"?>${new XMLSerializer().serializeToString(doc)}`,
  });
  if (!response.ok) throw new Error(`The SAMP hub answered ${response.status}.`);
  const answer = new DOMParser().parseFromString(await response.text(), 'text/xml');
  const fault = answer.querySelector('methodResponse > fault > value');
  if (fault) throw new XmlRpcFault(String(read(fault)['faultString'] ?? 'The SAMP hub refused.'));
  const value = answer.querySelector('methodResponse > params > param > value');
  return value ? read(value) : null;
}

function read(value) {
  const node = value.firstElementChild;
  if (!node) return value.textContent;
  switch (node.localName) {
    case 'struct': return Object.fromEntries([...node.children].map((m) => [m.querySelector('name').textContent, read(m.querySelector('value'))]));
    case 'array': return [...(node.querySelector('data')?.children ?? [])].map(read);
    case 'int': case 'i4': case 'double': return Number(node.textContent);
    case 'boolean': return node.textContent.trim() === '1';
    default: return node.textContent;
  }
}
