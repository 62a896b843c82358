/**
 * The page's number format (web/i18n.js), under node: formatNumberIn gives, for Arabic and
 * English, exactly what Intl.NumberFormat('ar-EG') and Intl.NumberFormat('en') give (the page
 * avoids making one on its way to being ready), on counts, decimals, rounding edges, huge and tiny
 * values, negatives and the non-finite.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';

// As in spans.test.mjs: imported from its source, since node would take web/*.js for CommonJS.
const source = readFileSync(new URL('../../web/i18n.js', import.meta.url), 'utf8');
const {formatNumberIn, STRINGS} = await import(`data:text/javascript,${encodeURIComponent(source)}`);

const INTL = {ar: new Intl.NumberFormat('ar-EG'), en: new Intl.NumberFormat('en')};

function same(n) {
  for (const lang of ['ar', 'en']) {
    assert.equal(formatNumberIn(lang, n), INTL[lang].format(n), `${lang} ${n}`);
  }
}

test('counts and figures as the articles give them', () => {
  for (const n of [0, 1, 7, 12, 999, 1000, 1234, 15000, 120000, 1000000, 45000000, 1e9, 2.5, 0.75,
    40.5, 1945, 2023, 3.14159, 1.5e6, 99.99]) {
    same(n);
  }
  assert.equal(formatNumberIn('ar', 1234567.5), '١٬٢٣٤٬٥٦٧٫٥');
  assert.equal(formatNumberIn('en', 1234567.5), '1,234,567.5');
});

test('rounding to three decimals, half away from zero on the shortest decimal', () => {
  for (const n of [1.0005, 2.0004999, 999.9996, 0.9995, 9.9999, 0.0004, 0.0005, 123.4565, 1e-7,
    5e-4, 1.2345e-3, -1.0005, -0.0004, 0.1 + 0.2]) {
    same(n);
  }
});

test('signs, huge values and the non-finite', () => {
  for (const n of [-1, -1234.5678, -0, 1e21, 123456789012345680000000, 1.7976931348623157e308,
    Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity]) {
    same(n);
  }
});

test('random values of every magnitude', () => {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 5000; ++i) {
    const magnitude = 10 ** Math.floor(random() * 30 - 8);
    const n = (random() - 0.3) * magnitude;
    same(n);
    same(Math.round(n));
  }
});

test('the strings module still has both languages', () => {
  assert.deepEqual(Object.keys(STRINGS).sort(), ['ar', 'en']);
});
