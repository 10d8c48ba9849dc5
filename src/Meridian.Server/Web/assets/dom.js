// SPDX-License-Identifier: MIT
// Element builders. Every value reaches the page as a text node or an attribute, never through HTML
// parsing, so parameters, file names and stderr are shown exactly as they are and can run nothing.

export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The query-string value of the page's URL, or ''. */
export function param(name) {
  return new URLSearchParams(location.search).get(name) ?? '';
}

/** Replaces a container's children. */
export function replace(container, ...children) {
  container.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

/** An instant as the UWS document gives it, shown in UTC to the second (the same on every machine). */
export function time(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—';
}

/** A size in decimal units, as definitions write limits (10MB is 10 000 000 bytes): a 10MB limit reads 10 MB. */
export function size(bytes) {
  if (bytes === null || bytes === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit++; }
  return `${unit === 0 ? value : Number(value.toFixed(1))} ${units[unit]}`;
}

/** A message in the page's shared alert area (an error the user must see, not tied to one field). */
export function alertMessage(text) {
  const area = document.getElementById('alert');
  if (area) replace(area, text ? el('p', { class: 'error' }, text) : null);
}
