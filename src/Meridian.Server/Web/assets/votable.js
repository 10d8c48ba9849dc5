// SPDX-License-Identifier: MIT
// A VOTable (1.1 to 1.5) read in the page: its first table's fields (name, datatype, unit, UCD) and rows, from
// TABLEDATA, BINARY or BINARY2 (base64 streams, big-endian, BINARY2 with a null flag per field).
const SIZES = { boolean: 1, bit: 1, unsignedByte: 1, short: 2, int: 4, long: 8, char: 1, unicodeChar: 2, float: 4, double: 8, floatComplex: 8, doubleComplex: 16 };

export function parseVotable(text) {
  // TABLEDATA is scanned as text: a DOM of 100,000 rows costs seconds and its size in memory many times over.
  // The rest of the document (fields, the other tables) is parsed as XML with the TABLEDATA emptied.
  const open = /<((?:[A-Za-z_][\w.-]*:)?)TABLEDATA\b[^>]*?(\/?)>/.exec(text);
  let scanned = null;
  if (open && open[2] !== '/') {
    const start = open.index + open[0].length;
    const end = text.indexOf(`</${open[1]}TABLEDATA`, start);
    if (end > 0) {
      scanned = tabledataRows(text.slice(start, end));
      text = text.slice(0, start) + text.slice(end);
    }
  }
  const document = new DOMParser().parseFromString(text, 'application/xml');
  if (document.querySelector('parsererror')) throw new Error('The VOTable is not well-formed XML.');
  const table = document.getElementsByTagNameNS('*', 'TABLE')[0];
  if (!table) throw new Error('The VOTable holds no TABLE.');
  const fields = [...table.getElementsByTagNameNS('*', 'FIELD')].map((f) => ({
    name: f.getAttribute('name') ?? '', datatype: f.getAttribute('datatype') ?? 'char', arraysize: f.getAttribute('arraysize'),
    unit: f.getAttribute('unit'), ucd: f.getAttribute('ucd'),
  }));
  const data = table.getElementsByTagNameNS('*', 'DATA')[0];
  const serialization = data?.firstElementChild?.localName;
  let rows = [];
  if (serialization === 'TABLEDATA') {
    // The first TABLEDATA in the text is the first table's when that table has one.
    rows = scanned !== null && !data.firstElementChild.firstElementChild ? scanned
      : [...data.firstElementChild.getElementsByTagNameNS('*', 'TR')].map((tr) => [...tr.getElementsByTagNameNS('*', 'TD')].map((td) => td.textContent.trim()));
  } else if (serialization === 'BINARY' || serialization === 'BINARY2') {
    const stream = data.firstElementChild.getElementsByTagNameNS('*', 'STREAM')[0];
    rows = binaryRows(base64(stream?.textContent ?? ''), fields, serialization === 'BINARY2');
  }
  return { name: table.getAttribute('name') ?? '', fields, rows, serialization: serialization ?? 'none' };
}

// TR and TD elements (any namespace prefix, TD possibly empty as <TD/>), cells with XML's character references
// and CDATA sections decoded, as the DOM would give them.
function tabledataRows(section) {
  const rows = [];
  const tags = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(TR|TD)\b[^>]*?(\/?)>/g;
  let row = null;
  let cellStart = -1;
  for (let match = tags.exec(section); match; match = tags.exec(section)) {
    const [, closing, name, empty] = match;
    if (name === 'TR') {
      if (!closing) { row = []; rows.push(row); }
    } else if (closing) {
      if (row && cellStart >= 0) row.push(decode(section.slice(cellStart, match.index)).trim());
      cellStart = -1;
    } else if (empty) {
      row?.push('');
    } else {
      cellStart = match.index + match[0].length;
    }
  }
  return rows;
}

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text) {
  if (text.indexOf('&') < 0 && text.indexOf('<') < 0) return text;
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, cdata, entity) => {
    if (cdata !== undefined) return cdata;
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return ENTITIES[entity];
  });
}

function base64(text) {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new DataView(bytes.buffer);
}

function binaryRows(view, fields, nullFlags) {
  const rows = [];
  let at = 0;
  const flagBytes = nullFlags ? Math.ceil(fields.length / 8) : 0;
  while (at < view.byteLength) {
    const flags = [];
    for (let i = 0; i < flagBytes; i++) flags.push(view.getUint8(at + i));
    at += flagBytes;
    const row = [];
    fields.forEach((field, index) => {
      let count = 1;
      if (field.arraysize) {
        if (field.arraysize.endsWith('*')) { count = view.getInt32(at); at += 4; } else count = field.arraysize.split('x').reduce((a, b) => a * Number(b), 1);
      }
      const size = SIZES[field.datatype] ?? 1;
      const isNull = nullFlags && (flags[index >> 3] & (0x80 >> (index & 7))) !== 0;
      const text = isNull ? '' : value(view, at, field.datatype, count);
      at += field.datatype === 'bit' ? Math.ceil(count / 8) : size * count;
      row.push(text);
    });
    rows.push(row);
  }
  return rows;
}

function value(view, at, type, count) {
  if (type === 'char') return String.fromCharCode(...new Uint8Array(view.buffer, at, count)).replace(/\0.*$/, '');
  if (type === 'unicodeChar') return Array.from({ length: count }, (_, i) => String.fromCharCode(view.getUint16(at + 2 * i))).join('').replace(/\0.*$/, '');
  const one = (offset) => {
    switch (type) {
      case 'boolean': return { 84: 'true', 116: 'true', 49: 'true', 70: 'false', 102: 'false', 48: 'false' }[view.getUint8(offset)] ?? '';
      case 'unsignedByte': return String(view.getUint8(offset));
      case 'short': return String(view.getInt16(offset));
      case 'int': return String(view.getInt32(offset));
      case 'long': return String(view.getBigInt64(offset));
      case 'float': return fmt(view.getFloat32(offset));
      case 'double': return fmt(view.getFloat64(offset));
      default: return '';
    }
  };
  const size = SIZES[type] ?? 1;
  return count === 1 ? one(at) : Array.from({ length: count }, (_, i) => one(at + i * size)).join(' ');
}

function fmt(number) {
  return Number.isNaN(number) ? '' : String(number);
}
