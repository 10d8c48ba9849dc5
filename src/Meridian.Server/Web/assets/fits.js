// SPDX-License-Identifier: MIT
// A FITS 4.0 reader for the page: the HDUs' headers, read block by block with range requests, and one plane
// of an image HDU at a time, so that a large file costs only what is shown. Values are physical
// (BZERO + BSCALE × stored), with BLANK and NaN as NaN.
const BLOCK = 2880;
const CARD = 80;
const HEADER_BLOCKS_AT_ONCE = 4;

async function bytes(url, from, count) {
  const response = await fetch(url, { headers: { Range: `bytes=${from}-${from + count - 1}` } });
  if (!response.ok) throw new Error(`The file could not be read (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** One header card: its keyword, value (string, number, boolean or null) and the card as written. */
export function parseCard(text) {
  const keyword = text.slice(0, 8).trim();
  if (text.slice(8, 10) !== '= ') return { keyword, value: null, card: text };
  const rest = text.slice(10).trim();
  if (rest.startsWith("'")) {
    let value = '';
    let i = 1;
    for (; i < rest.length; i++) {
      if (rest[i] === "'") {
        if (rest[i + 1] === "'") { value += "'"; i++; } else break;
      } else value += rest[i];
    }
    return { keyword, value: value.replace(/\s+$/, ''), card: text };
  }
  const raw = rest.split('/')[0].trim();
  if (raw === 'T' || raw === 'F') return { keyword, value: raw === 'T', card: text };
  const number = Number(raw.replace(/[dD]/, 'e'));
  return { keyword, value: raw.length && Number.isFinite(number) ? number : raw || null, card: text };
}

/** The HDUs of the file at url (size bytes long): each with its cards, keyword map, offsets and kind. */
export async function readHdus(url, size) {
  const hdus = [];
  let offset = 0;
  while (offset < size && hdus.length < 100) {
    const cards = [];
    let headerBytes = 0;
    let ended = false;
    while (!ended) {
      const chunk = await bytes(url, offset + headerBytes, Math.min(BLOCK * HEADER_BLOCKS_AT_ONCE, size - offset - headerBytes));
      if (chunk.length < BLOCK) throw new Error('The file ends inside a header: it is not a complete FITS file.');
      const blocks = Math.floor(chunk.length / BLOCK);
      for (let b = 0; b < blocks && !ended; b++) {
        for (let c = 0; c < BLOCK / CARD; c++) {
          const text = String.fromCharCode(...chunk.subarray(b * BLOCK + c * CARD, b * BLOCK + (c + 1) * CARD));
          const card = parseCard(text);
          if (card.keyword === 'END') { ended = true; break; }
          cards.push(card);
        }
        headerBytes += BLOCK;
      }
    }
    const keys = new Map(cards.filter((c) => c.value !== null).map((c) => [c.keyword, c.value]));
    if (hdus.length === 0 && keys.get('SIMPLE') !== true) throw new Error('This is not a FITS file (no SIMPLE = T).');
    const naxis = keys.get('NAXIS') ?? 0;
    const axes = Array.from({ length: naxis }, (_, i) => keys.get(`NAXIS${i + 1}`) ?? 0);
    const bitpix = keys.get('BITPIX') ?? 8;
    const elements = naxis === 0 ? 0 : axes.reduce((a, b) => a * b, 1);
    const dataBytes = (Math.abs(bitpix) / 8) * (keys.get('GCOUNT') ?? 1) * ((keys.get('PCOUNT') ?? 0) + elements);
    const extension = hdus.length === 0 ? 'PRIMARY' : String(keys.get('XTENSION') ?? '');
    const name = String(keys.get('EXTNAME') ?? keys.get('HDUNAME') ?? (hdus.length === 0 ? 'PRIMARY' : `HDU ${hdus.length}`));
    hdus.push({
      index: hdus.length, name, extension, cards, keys, bitpix, axes,
      dataOffset: offset + headerBytes, dataBytes,
      isImage: (extension === 'PRIMARY' || extension === 'IMAGE') && naxis >= 2 && axes[0] > 0 && axes[1] > 0,
      isTable: extension === 'BINTABLE',
    });
    offset += headerBytes + Math.ceil(dataBytes / BLOCK) * BLOCK;
  }
  return hdus;
}

/**
 * Plane `plane` (0-based, along NAXIS3) of an image HDU as physical values, row 0 at the bottom as FITS has it.
 * Typed-array loops (a byte swap, then one pass for scaling and BLANK): a 4096 × 4096 plane is 16 M values.
 */
export async function readPlane(url, hdu, plane = 0) {
  const [width, height] = hdu.axes;
  const size = Math.abs(hdu.bitpix) / 8;
  const raw = await bytes(url, hdu.dataOffset + plane * width * height * size, width * height * size);
  return physical(raw, hdu);
}

/** Big-endian stored values (raw bytes, a whole number of elements) as physical values. */
export function physical(raw, hdu) {
  const size = Math.abs(hdu.bitpix) / 8;
  const Stored = { 8: Uint8Array, 16: Int16Array, 32: Int32Array, 64: BigInt64Array, '-32': Float32Array, '-64': Float64Array }[hdu.bitpix];
  if (!Stored) throw new Error(`BITPIX ${hdu.bitpix} is not a FITS pixel type.`);
  const stored = new Stored(littleEndian(raw, size));
  const scale = hdu.keys.get('BSCALE') ?? 1;
  const zero = hdu.keys.get('BZERO') ?? 0;
  // Unscaled floats are already physical values: no copy, half the memory of a Float64Array.
  if (hdu.bitpix < 0 && scale === 1 && zero === 0) return stored;
  const count = stored.length;
  const blank = hdu.keys.get('BLANK');
  const values = new Float64Array(count);
  if (hdu.bitpix === 64) {
    const big = blank === undefined ? undefined : BigInt(blank);
    for (let i = 0; i < count; i++) values[i] = stored[i] === big ? NaN : zero + scale * Number(stored[i]);
  } else if (hdu.bitpix > 0 && blank !== undefined) {
    for (let i = 0; i < count; i++) values[i] = stored[i] === blank ? NaN : zero + scale * stored[i];
  } else {
    for (let i = 0; i < count; i++) values[i] = zero + scale * stored[i];
  }
  return values;
}

// FITS is big-endian, the machines that run browsers little-endian: swapped a 16- or 32-bit word at a time
// (16 M pixels in tens of milliseconds, where a byte loop takes most of a second).
function littleEndian(raw, size) {
  // A response's own buffer is swapped in place; a view into a larger one is copied first.
  const copy = raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength ? raw : new Uint8Array(raw);
  if (size === 2) {
    const words = new Uint16Array(copy.buffer);
    for (let i = 0; i < words.length; i++) { const w = words[i]; words[i] = (w << 8) | (w >>> 8); }
  } else if (size >= 4) {
    const words = new Uint32Array(copy.buffer);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      words[i] = (w << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24);
    }
    // A 64-bit value is two swapped words that also change places.
    if (size === 8) for (let i = 0; i < words.length; i += 2) { const w = words[i]; words[i] = words[i + 1]; words[i + 1] = w; }
  }
  return copy.buffer;
}

/** The values along NAXIS3 at the 0-based pixel (x, y) of a cube: one small range read per plane. */
export async function readSpectrum(url, hdu, x, y) {
  const [width, height, depth] = hdu.axes;
  const size = Math.abs(hdu.bitpix) / 8;
  const planes = await Promise.all(Array.from({ length: depth }, (_, z) => bytes(url, hdu.dataOffset + ((z * height + y) * width + x) * size, size)));
  const raw = new Uint8Array(depth * size);
  planes.forEach((p, z) => raw.set(p, z * size));
  return Array.from(physical(raw, hdu));
}

/**
 * World coordinates of a 1-based pixel (x, y): CD or CDELT (with PC) from CRPIX to intermediate coordinates, then
 * the gnomonic (TAN) projection for celestial axes, otherwise linear; CTYPE and CUNIT as given.
 */
export function world(hdu, x, y) {
  const k = hdu.keys;
  if (!k.has('CRVAL1') || !k.has('CRVAL2')) return null;
  const dx = x - (k.get('CRPIX1') ?? 0);
  const dy = y - (k.get('CRPIX2') ?? 0);
  const cd = k.has('CD1_1')
    ? [k.get('CD1_1') ?? 0, k.get('CD1_2') ?? 0, k.get('CD2_1') ?? 0, k.get('CD2_2') ?? 0]
    : [(k.get('PC1_1') ?? 1) * (k.get('CDELT1') ?? 1), (k.get('PC1_2') ?? 0) * (k.get('CDELT1') ?? 1),
      (k.get('PC2_1') ?? 0) * (k.get('CDELT2') ?? 1), (k.get('PC2_2') ?? 1) * (k.get('CDELT2') ?? 1)];
  const ix = cd[0] * dx + cd[1] * dy;
  const iy = cd[2] * dx + cd[3] * dy;
  const types = [String(k.get('CTYPE1') ?? 'axis 1'), String(k.get('CTYPE2') ?? 'axis 2')];
  const units = [String(k.get('CUNIT1') ?? ''), String(k.get('CUNIT2') ?? '')];
  let values = [k.get('CRVAL1') + ix, k.get('CRVAL2') + iy];
  if (types[0].endsWith('-TAN') && types[1].endsWith('-TAN')) {
    const r = Math.PI / 180;
    const [a0, d0] = [k.get('CRVAL1') * r, k.get('CRVAL2') * r];
    const [xi, eta] = [ix * r, iy * r];
    const denominator = Math.cos(d0) - eta * Math.sin(d0);
    const alpha = a0 + Math.atan2(xi, denominator);
    const delta = Math.atan2(Math.sin(d0) + eta * Math.cos(d0), Math.hypot(xi, denominator));
    values = [(((alpha / r) % 360) + 360) % 360, delta / r];
  }
  return values.map((value, i) => ({ type: types[i], unit: units[i], value }));
}
