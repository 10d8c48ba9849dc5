// SPDX-License-Identifier: MIT
// What each result of a job says about the run, as keyword = value pairs to set side by side: the cards of a
// FITS file's primary header and of its IMAGE-OI OUTPUT PARAM table (what an OIFITS reconstruction reports:
// chi², iterations, the regularisation used), and the cells of a one-row CSV summary.
import { readHdus } from './fits.js';
import { parseDelimited } from './table.js';
import { baseType, isFits } from './preview.js';

// The cards that describe the file's layout rather than the run.
const STRUCTURAL = /^(SIMPLE|BITPIX|NAXIS\d*|EXTEND|XTENSION|PCOUNT|GCOUNT|TFIELDS|T(TYPE|FORM|UNIT|DIM|NULL|SCAL|ZERO)\d+|CHECKSUM|DATASUM|COMMENT|HISTORY|END|)$/;
const OUTPUT_PARAM = 'IMAGE-OI OUTPUT PARAM';
const CSV_BYTES = 65536;

/** The keywords of one job's results: a Map of "result · HDU · KEYWORD" (or "result · column") to its value. */
export async function resultKeywords(job) {
  const keywords = new Map();
  for (const result of job.results ?? []) {
    try {
      if (isFits(result) && result.size) await fitsKeywords(result, keywords);
      else if (baseType(result.mimeType) === 'text/csv' && result.size && result.size <= CSV_BYTES) await csvKeywords(result, keywords);
    } catch {
      // A result that cannot be read has no keywords here; its own page says why.
    }
  }
  return keywords;
}

async function fitsKeywords(result, keywords) {
  const hdus = await readHdus(result.href, result.size);
  for (const hdu of hdus.filter((h) => h.index === 0 || h.name.toUpperCase() === OUTPUT_PARAM)) {
    for (const card of hdu.cards) {
      if (card.value === null || STRUCTURAL.test(card.keyword)) continue;
      keywords.set(`${result.id} · ${hdu.name} · ${card.keyword}`, card.value);
    }
  }
}

async function csvKeywords(result, keywords) {
  const response = await fetch(result.href);
  if (!response.ok) return;
  const [header, ...rows] = parseDelimited(await response.text(), ',');
  if (!header) return;
  if (rows.length === 1) {
    header.forEach((name, i) => keywords.set(`${result.id} · ${name}`, rows[0][i] ?? ''));
  } else {
    keywords.set(`${result.id} · rows`, rows.length);
  }
}

/** Whether the values of a row differ between jobs (a value missing in one job is a difference). */
export function differs(values) {
  const spelled = values.map((v) => (v === undefined || v === null ? '\u0000' : v.href ?? String(v)));
  return new Set(spelled).size > 1;
}
