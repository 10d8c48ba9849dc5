// SPDX-License-Identifier: MIT
// A VOTable (1.1 to 1.5) read in the page: its first table's fields (name, datatype, unit, UCD) and rows, from
// TABLEDATA, BINARY or BINARY2 (base64 streams, big-endian, BINARY2 with a null flag per field).
const SIZES = { boolean: 1, bit: 1, unsignedByte: 1, short: 2, int: 4, long: 8, char: 1, unicodeChar: 2, float: 4, double: 8, floatComplex: 8, doubleComplex: 16 };

export function parseVotable(text) {
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
    rows = [...data.firstElementChild.getElementsByTagNameNS('*', 'TR')].map((tr) => [...tr.getElementsByTagNameNS('*', 'TD')].map((td) => td.textContent.trim()));
  } else if (serialization === 'BINARY' || serialization === 'BINARY2') {
    const stream = data.firstElementChild.getElementsByTagNameNS('*', 'STREAM')[0];
    rows = binaryRows(base64(stream?.textContent ?? ''), fields, serialization === 'BINARY2');
  }
  return { name: table.getAttribute('name') ?? '', fields, rows, serialization: serialization ?? 'none' };
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
