// SPDX-License-Identifier: MIT
// The server's checks, repeated in the page with the server's words (ParameterDefinition.TryCanonicalize,
// ParameterBinder and its relationships), so that most mistakes are shown before anything is sent. The
// server checks everything again; its answer is shown the same way.
import { describeWhen } from './fields.js';
import { size } from './dom.js';

const INTEGER = /^[+-]?\d+$/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const shorten = (text) => (text.length <= 40 ? text : `${text.slice(0, 40)}…`);

/** The canonical value of one scalar, or { error }. */
export function checkScalar(parameter, raw) {
  const type = parameter.type === 'list' ? parameter.itemType : parameter.type;
  const text = type === 'string' ? raw : raw.trim();
  switch (type) {
    case 'integer':
    case 'real': {
      const number = Number(text);
      if (!(type === 'integer' ? INTEGER : REAL).test(text) || !Number.isFinite(number)) {
        return { error: `'${shorten(raw)}' is not ${type === 'integer' ? 'an integer' : 'a real number'}` };
      }
      if (parameter.min !== null && number < parameter.min) return { error: `${number} is below the minimum ${parameter.min}` };
      if (parameter.max !== null && number > parameter.max) return { error: `${number} is above the maximum ${parameter.max}` };
      return { value: String(number) };
    }
    case 'boolean':
      return { value: text };
    case 'enum': {
      const match = parameter.values.find((v) => v.toLowerCase() === text.toLowerCase());
      return match === undefined ? { error: `'${shorten(raw)}' is not one of: ${parameter.values.join(', ')}` } : { value: match };
    }
    default:
      if (raw.length > parameter.maxLength) return { error: `the value is ${raw.length} characters long; at most ${parameter.maxLength} are accepted` };
      if (parameter.pattern) {
        // Anchored as the server anchors it (ParameterDefinition.CompilePattern).
        const anchored = `^(?:${parameter.pattern})$`;
        let pattern = null;
        try { pattern = new RegExp(anchored); } catch { pattern = null; } // a .NET-only construct: the server judges
        if (pattern && !pattern.test(raw)) return { error: patternRefusal(parameter, raw) };
      }
      return { value: raw };
  }
}

/** In the server's words (ParameterDefinition.PatternRefusal): the definition's hint, else its default as an example. */
function patternRefusal(parameter, raw) {
  if (parameter.patternHint) return `'${shorten(raw)}' must be ${parameter.patternHint}`;
  if (parameter.default?.length) return `'${shorten(raw)}' must look like '${shorten(parameter.default[0])}'`;
  return `'${shorten(raw)}' does not match the pattern ${parameter.pattern}`;
}

/** Checks one field's own values; returns the message or null. */
export function checkField(parameter, values) {
  if (parameter.type === 'file') {
    const file = values[0];
    if (file instanceof File && parameter.maxSize && file.size > parameter.maxSize) {
      return `the file is ${size(file.size)} (${file.size} bytes); at most ${size(parameter.maxSize)} are accepted`;
    }
    return null;
  }
  if (parameter.type === 'list' && (values.length < parameter.minItems || values.length > parameter.maxItems)) {
    if (values.length > 0 || parameter.required) {
      return `${values.length} values given; between ${parameter.minItems} and ${parameter.maxItems} are accepted`;
    }
  }
  for (const value of values) {
    const { error } = checkScalar(parameter, value);
    if (error) return error;
  }
  return null;
}

/**
 * Checks a whole form: fields maps each parameter name to { parameter, values, applies, check? }. Returns a map of
 * parameter name to message; relationships are judged on the values the server would bind (a default
 * counts where nothing is given), as ParameterBinder does.
 */
export function checkForm(fields) {
  const errors = new Map();
  const effective = (name) => {
    const field = fields.get(name);
    if (!field || !field.applies) return null;
    if (field.values.length > 0) return field.values;
    return field.parameter.default?.length ? field.parameter.default : null;
  };
  for (const [name, field] of fields) {
    if (!field.applies) continue;
    // A record or a table checks its own cells (structured.js); the server checks them again.
    const own = field.check ? field.check() : checkField(field.parameter, field.values);
    if (own) { errors.set(name, own); continue; }
    const missing = field.values.length === 0 && !(field.parameter.default?.length);
    if (field.parameter.required && missing) {
      const when = Object.keys(field.parameter.when ?? {}).length ? ` when ${describeWhen(field.parameter)}` : '';
      errors.set(name, `${field.parameter.type === 'file' ? 'a file is required' : 'required'}${when}`);
      continue;
    }
    for (const other of field.parameter.excludes ?? []) {
      if (field.values.length > 0 && fields.get(other)?.applies && fields.get(other).values.length > 0 && !errors.has(other)) {
        errors.set(name, `cannot be given together with ${other}`);
      }
    }
    for (const [bound, below] of [[field.parameter.lessThan, true], [field.parameter.greaterThan, false]]) {
      const mine = effective(name);
      const theirs = bound ? effective(bound) : null;
      if (!bound || !mine || !theirs || errors.has(name)) continue;
      const [a, b] = [Number(mine[0]), Number(theirs[0])];
      if (below ? a >= b : a <= b) errors.set(name, `${mine[0]} must be ${below ? 'less' : 'greater'} than ${bound} (${theirs[0]})`);
    }
  }
  return errors;
}

/** Whether a parameter applies, given the current value of each other parameter (its default when empty). */
export function applies(parameter, valueOf) {
  return Object.entries(parameter.when ?? {}).every(([name, accepted]) => {
    const value = valueOf(name);
    return value !== null && accepted.some((a) => a.toLowerCase() === String(value).toLowerCase());
  });
}
