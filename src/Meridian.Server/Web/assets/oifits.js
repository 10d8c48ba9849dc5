// SPDX-License-Identifier: MIT
// OIFITS (1 and 2) measurements read from a FITS file's binary tables: each non-flagged squared visibility
// and closure phase with its error, its spatial frequency (baseline / wavelength, in cycles per radian) and
// wavelength, and its target (OI_TARGET); wavelengths from the OI_WAVELENGTH table of the same INSNAME.
import { readRows } from './fitstable.js';

export function isOifits(hdus) {
  return hdus.some((h) => h.isTable && ['OI_VIS2', 'OI_T3', 'OI_VIS'].includes(h.name));
}

export async function readOifits(url, hdus) {
  const all = async (hdu, names) => (await readRows(url, hdu, 0, hdu.axes[1] ?? 0, names)).rows;
  const targets = new Map();
  for (const hdu of hdus.filter((h) => h.name === 'OI_TARGET')) {
    for (const [id, name] of await all(hdu, ['TARGET_ID', 'TARGET'])) targets.set(id, name);
  }
  const wavelengths = new Map();
  for (const hdu of hdus.filter((h) => h.name === 'OI_WAVELENGTH')) {
    wavelengths.set(String(hdu.keys.get('INSNAME') ?? ''), (await all(hdu, ['EFF_WAVE'])).map((r) => r[0]));
  }
  const channels = (hdu) => {
    const lambda = wavelengths.get(String(hdu.keys.get('INSNAME') ?? ''));
    if (!lambda) throw new Error(`${hdu.name} names INSNAME '${hdu.keys.get('INSNAME')}', for which the file has no OI_WAVELENGTH table.`);
    return lambda;
  };
  const list = (v) => (Array.isArray(v) ? v : [v]);
  const vis2 = [];
  for (const hdu of hdus.filter((h) => h.name === 'OI_VIS2')) {
    const lambda = channels(hdu);
    for (const [target, data, error, u, v, flag] of await all(hdu, ['TARGET_ID', 'VIS2DATA', 'VIS2ERR', 'UCOORD', 'VCOORD', 'FLAG'])) {
      list(data).forEach((value, c) => {
        if (list(flag)[c] === true || !Number.isFinite(value)) return;
        vis2.push({ target, value, error: list(error)[c], wavelength: lambda[c], u: u / lambda[c], v: v / lambda[c], frequency: Math.hypot(u, v) / lambda[c] });
      });
    }
  }
  const t3 = [];
  for (const hdu of hdus.filter((h) => h.name === 'OI_T3')) {
    const lambda = channels(hdu);
    for (const [target, phi, error, u1, v1, u2, v2, flag] of await all(hdu, ['TARGET_ID', 'T3PHI', 'T3PHIERR', 'U1COORD', 'V1COORD', 'U2COORD', 'V2COORD', 'FLAG'])) {
      // The triangle's third side closes it: AC = AB + BC.
      const longest = Math.max(Math.hypot(u1, v1), Math.hypot(u2, v2), Math.hypot(u1 + u2, v1 + v2));
      list(phi).forEach((value, c) => {
        if (list(flag)[c] === true || !Number.isFinite(value)) return;
        t3.push({ target, value, error: list(error)[c], wavelength: lambda[c], frequency: longest / lambda[c] });
      });
    }
  }
  const ids = [...new Set([...vis2, ...t3].map((p) => p.target))].sort((a, b) => a - b);
  return {
    targets: ids.map((id) => ({ id, name: String(targets.get(id) ?? `target ${id}`) })),
    vis2, t3,
  };
}
