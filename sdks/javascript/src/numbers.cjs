'use strict';
// Canonical numbers (wire-format.md section 5). JavaScript has one number type: an integer within
// ±(2^53 − 1) that is not −0 is an integer; any other number a 64-bit float, written as String(x) writes it
// (shortest round-trip digits, ECMAScript's layout) with ".0" when there is neither "." nor "e", and "-0.0"
// for −0. A BigInt is an exact integer.
const { WireRangeError } = require('./errors.cjs');

const MAX_DIGITS = 1000;

function nonFinite(x) {
  if (Number.isNaN(x)) return 'NaN is not valid JSON';
  if (x === Infinity) return 'Infinity is not valid JSON';
  if (x === -Infinity) return '-Infinity is not valid JSON';
  return null;
}

function isInteger(x) {
  return Number.isSafeInteger(x) && !Object.is(x, -0);
}

function number(path, x) {
  const problem = nonFinite(x);
  if (problem !== null) {
    throw new WireRangeError(path, problem);
  }
  if (isInteger(x)) {
    return String(x);
  }
  if (x === 0) {
    return '-0.0'; // +0 is an integer
  }
  const text = String(x);
  return text.includes('.') || text.includes('e') ? text : text + '.0';
}

function bigint(path, b) {
  const text = b.toString();
  const digits = text.length - (b < 0n ? 1 : 0);
  if (digits > MAX_DIGITS) {
    throw new WireRangeError(path, `number written with ${digits} digits is longer than the ${MAX_DIGITS} digits Kestra reads`);
  }
  return text;
}

/** Whether a BigInt reads back as a finite double (about 1.8e308 and beyond does not). */
function fitsDouble(b) {
  return Number.isFinite(Number(b));
}

/** An exact number of nanoseconds (a BigInt) as decimal seconds in the layout of 5.3: 1.5, 90.0, 1e-9. */
function exactSeconds(nanos) {
  if (nanos === 0n) return '0.0';
  const text = nanos.toString();
  const s = text.replace(/0+$/, '');
  const n = text.length - 9; // the value is 0.s × 10^n
  const k = s.length;
  if (k <= n && n <= 21) return s + '0'.repeat(n - k) + '.0';
  if (0 < n && n <= 21) return s.slice(0, n) + '.' + s.slice(n);
  if (-6 < n && n <= 0) return '0.' + '0'.repeat(-n) + s;
  const e = n - 1;
  return s[0] + (k > 1 ? '.' + s.slice(1) : '') + (e < 0 ? 'e-' : 'e+') + Math.abs(e);
}

module.exports = { number, bigint, nonFinite, isInteger, fitsDouble, exactSeconds, MAX_DIGITS };
