/**
 * A large paste stays responsive: analyzing about 1 MB of text never blocks the page's main
 * thread for more than 50 ms at a time (PerformanceObserver 'longtask' entries).
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {DEMO_TEXT, openPage, setUp, shots} from './harness.mjs';
import {join} from 'node:path';

const env = setUp();

/** About `bytes` of UTF-8: the demo article again and again, each line numbered. */
function bigText(bytes) {
  const lines = DEMO_TEXT.split('\n').filter((l) => l.trim() !== '');
  const out = [];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const line = `${n}. ${lines[n % lines.length]}`;
    out.push(line);
    size += Buffer.byteLength(line, 'utf8') + 2;
  }
  return out.join('\n\n');
}

test('long tasks: analyzing 1 MB blocks the main thread for no more than 50 ms at a time', async () => {
  const {page, context, errors} = await openPage(env);
  const text = bigText(1 << 20);
  // As a paste would: the value at once (fill() would take long to send 1 MB).
  await page.getByTestId('input').evaluate((el, value) => { el.value = value; }, text);
  // Let the page settle after the paste (layout of the text area) before measuring.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({type: 'longtask'});
  });
  const started = Date.now();
  await page.getByTestId('analyze').click();
  await page.waitForSelector('body[data-rendered="true"]:not([data-busy])', {timeout: 120000});
  const ms = Date.now() - started;
  // One more frame so a task that ended with the rendering is reported.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
  const sentences = Number(await page.getByTestId('stat-sentences').getAttribute('data-value'));
  console.log(`# 1 MB: ${text.length} UTF-16 units, ${sentences} sentences, ${ms} ms`);
  assert.ok(sentences > 1000);
  // The text view shows the start of the text; "show more" adds the next part, also in no long task.
  const shown = await page.locator('#text-view .doc').evaluate((el) => el.textContent.length);
  assert.ok(shown < text.length / 4, `the text view shows part of the text (${shown})`);
  await page.locator('#text-view .more-button').click();
  const more = await page.locator('#text-view .doc').evaluate((el) => el.textContent.length);
  assert.ok(more > shown, `show more adds text (${shown} -> ${more})`);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
  await page.screenshot({path: join(shots, 'large.png')});
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`# long tasks (ms): ${JSON.stringify(longTasks)}`);
  assert.deepEqual(longTasks.filter((d) => d > 50), []);
  assert.deepEqual(errors, []);
  await context.close();
});
