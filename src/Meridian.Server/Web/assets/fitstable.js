// SPDX-License-Identifier: MIT
// FITS binary tables (BINTABLE) read in the page: the columns from TFORMn/TTYPEn/TUNITn/TDIMn, and rows read
// by range request, only those asked for. Values are physical (TZERO + TSCAL × stored; TNULL as null); an
// array cell is an array; a variable-length (P/Q) cell is read from the heap.
const TYPES = {
  L: 1, X: 1, B: 1, I: 2, J: 4, K: 8, A: 1, E: 4, D: 8, C: 8, M: 16, P: 8, Q: 16,
};
const NAMES = {
  L: 'logical', X: 'bits', B: 'uint8', I: 'int16', J: 'int32', K: 'int64', A: 'char', E: 'float32', D: 'float64',
  C: 'complex64', M: 'complex128',
};

async function bytes(url, from, count) {
  if (count <= 0) return new Uint8Array(0);
  const response = await fetch(url, { headers: { Range: `bytes=${from}-${from + count - 1}` } });
  if (!response.ok) throw new Error(`The file could not be read (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The columns of a BINTABLE HDU: name, type code, repeat, unit, scaling, null value, byte offset in the row. */
export function columns(hdu) {
  const k = hdu.keys;
  const list = [];
  let offset = 0;
  for (let n = 1; n <= (k.get('TFIELDS') ?? 0); n++) {
    const form = String(k.get(`TFORM${n}`) ?? '').trim();
    const match = /^(\d*)([LXBIJKAEDCMPQ])(?:([LXBIJKAEDCM])\(?(\d*)\)?)?/.exec(form);
    if (!match) throw new Error(`Column ${n} has TFORM${n} = '${form}', which is not a FITS binary-table type.`);
    const repeat = match[1] === '' ? 1 : Number(match[1]);
    const code = match[2];
    const width = code === 'X' ? Math.ceil(repeat / 8) : TYPES[code] * repeat;
    const dims = k.get(`TDIM${n}`);
    list.push({
      index: n, name: String(k.get(`TTYPE${n}`) ?? `col${n}`), form, code, repeat, offset, width,
      element: match[3] ?? null, unit: k.get(`TUNIT${n}`) ?? '',
      scale: k.get(`TSCAL${n}`) ?? 1, zero: k.get(`TZERO${n}`) ?? 0, nullValue: k.get(`TNULL${n}`),
      dims: typeof dims === 'string' ? dims.replace(/[()\s]/g, '').split(',').map(Number) : null,
      type: code === 'P' || code === 'Q' ? `variable ${NAMES[match[3]] ?? match[3]}` : NAMES[code],
    });
    offset += width;
  }
  return list;
}

/** Rows [from, from + count) of a BINTABLE HDU as arrays of cells, each cell a value or an array of values. */
export async function readRows(url, hdu, from, count, wanted = null) {
  const cols = columns(hdu);
  const rowBytes = hdu.axes[0];
  const total = hdu.axes[1] ?? 0;
  const last = Math.min(total, from + count);
  if (last <= from) return { columns: cols, rows: [] };
  const raw = await bytes(url, hdu.dataOffset + from * rowBytes, (last - from) * rowBytes);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const chosen = wanted ? wanted.map((name) => {
    const column = cols.find((c) => c.name.toUpperCase() === name);
    if (!column) throw new Error(`${hdu.name} has no column ${name}.`);
    return column;
  }) : cols;
  const heap = hdu.dataOffset + (hdu.keys.get('THEAP') ?? rowBytes * total);
  const rows = [];
  for (let r = 0; r < last - from; r++) {
    const row = [];
    for (const column of chosen) {
      const at = r * rowBytes + column.offset;
      if (column.code === 'P' || column.code === 'Q') {
        const [n, offset] = column.code === 'P' ? [view.getInt32(at), view.getInt32(at + 4)]
          : [Number(view.getBigInt64(at)), Number(view.getBigInt64(at + 8))];
        row.push({ heapOffset: heap + offset, length: n, column });
      } else {
        row.push(cell(view, at, column.code, column.repeat, column));
      }
    }
    rows.push(row);
  }
  // Variable-length arrays: one range per shown cell, in the heap after the rows.
  await Promise.all(rows.flatMap((row) => row.map(async (value, i) => {
    if (value && value.heapOffset !== undefined) {
      const element = value.column.element;
      const data = await bytes(url, value.heapOffset, value.length * (TYPES[element] ?? 1));
      row[i] = cell(new DataView(data.buffer, data.byteOffset, data.byteLength), 0, element, value.length, value.column, true);
    }
  })));
  return { columns: chosen, rows };
}

function cell(view, at, code, repeat, column, always = false) {
  if (code === 'A') {
    return String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + at, repeat)).replace(/[\0 ]+$/, '');
  }
  if (code === 'X') {
    return Array.from({ length: repeat }, (_, i) => (view.getUint8(at + (i >> 3)) >> (7 - (i & 7))) & 1);
  }
  const size = TYPES[code];
  const one = (o) => {
    let stored;
    switch (code) {
      case 'L': { const c = view.getUint8(o); return c === 84 ? true : c === 70 ? false : null; }
      case 'B': stored = view.getUint8(o); break;
      case 'I': stored = view.getInt16(o); break;
      case 'J': stored = view.getInt32(o); break;
      case 'K': stored = Number(view.getBigInt64(o)); break;
      case 'E': return scaled(view.getFloat32(o), column);
      case 'D': return scaled(view.getFloat64(o), column);
      case 'C': return [view.getFloat32(o), view.getFloat32(o + 4)];
      case 'M': return [view.getFloat64(o), view.getFloat64(o + 8)];
      default: return null;
    }
    return column.nullValue !== undefined && stored === column.nullValue ? null : scaled(stored, column);
  };
  if (repeat === 1 && !always) return one(at);
  return Array.from({ length: repeat }, (_, i) => one(at + i * size));
}

function scaled(stored, column) {
  return column.zero + column.scale * stored;
}

/** A cell as text: numbers as JavaScript writes them, arrays in brackets (long ones cut). */
export function cellText(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const shown = value.slice(0, 16).map(cellText).join(', ');
    return `[${shown}${value.length > 16 ? `, … (${value.length})` : ''}]`;
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  return String(value);
}
