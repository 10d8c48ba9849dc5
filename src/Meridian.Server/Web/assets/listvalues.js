// SPDX-License-Identifier: MIT
// Several values of a list field typed or pasted at once: "1, 2, 3" (commas, spaces or new lines) or a range
// start:stop:step, stop included ("1:10:2" is 1, 3, 5, 7, 9; "0:1:0.25" is 0, 0.25, 0.5, 0.75, 1).

export const LIST_HINT = 'paste several values separated by commas or spaces, or a range start:stop:step (1:9:2 gives 1, 3, 5, 7, 9)';
const RANGE = /^\s*([+-]?[\d.eE+-]+)\s*:\s*([+-]?[\d.eE+-]+)\s*(?::\s*([+-]?[\d.eE+-]+)\s*)?$/;
const MAX_RANGE = 10000;

/** Whether the text holds more than one value (or a range), so that it is to be split into rows. */
export function holdsSeveral(text, itemType) {
  if (itemType === 'string') return /\n/.test(text.trim());
  return RANGE.test(text) || /[,\s]/.test(text.trim());
}

/** The values the text stands for, as strings, or { error } in words. */
export function expandValues(text, itemType) {
  if (itemType === 'string') return { values: text.split(/\r?\n/).filter((v) => v.trim() !== '') };
  const range = NUMERIC(itemType) ? text.match(RANGE) : null;
  if (range) return expandRange(range, itemType);
  return { values: text.split(/[,\s]+/).map((v) => v.trim()).filter((v) => v !== '') };
}

const NUMERIC = (type) => type === 'integer' || type === 'real';

function expandRange([, a, b, c], itemType) {
  const [start, stop, step] = [Number(a), Number(b), c === undefined ? 1 : Number(c)];
  if (![start, stop, step].every(Number.isFinite)) return { error: `'${a}:${b}${c === undefined ? '' : `:${c}`}' is not a range start:stop:step of numbers` };
  if (step <= 0) return { error: `the step of a range must be above 0, not ${step}` };
  if (stop < start) return { error: `a range goes up: ${stop} is below its start ${start}` };
  if (itemType === 'integer' && ![start, stop, step].every(Number.isInteger)) return { error: 'a range of integers takes whole numbers' };
  const count = Math.floor((stop - start) / step + 1e-9) + 1;
  if (count > MAX_RANGE) return { error: `that range holds ${count} values; at most ${MAX_RANGE} at once` };
  // Each value computed from the start (not by adding steps), and rounded, so 0.1 steps give 0.3 and not 0.30000000000000004.
  const values = Array.from({ length: count }, (_, i) => String(Number((start + i * step).toPrecision(12))));
  return { values };
}
