/**
 * The interface around the analysis: Arabic by default with an English switch that is
 * remembered, keyboard use of entities and marks, no serious accessibility violations (axe-core),
 * and a worker that is restarted when it dies.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {analyzeText, DEMO_TEXT, openPage, root, setUp, shots} from './harness.mjs';

const env = setUp();

test('language: Arabic by default; the English switch changes the interface and is remembered', async () => {
  const {page, context, errors} = await openPage(env);
  const html = page.locator('html');
  assert.equal(await html.getAttribute('lang'), 'ar');
  assert.equal(await html.getAttribute('dir'), 'rtl');
  assert.equal(await page.getByTestId('analyze').textContent(), 'حلّل');
  await analyzeText(page, DEMO_TEXT);

  await page.getByTestId('lang').click();
  assert.equal(await html.getAttribute('lang'), 'en');
  assert.equal(await html.getAttribute('dir'), 'ltr');
  assert.equal(await page.getByTestId('analyze').textContent(), 'Analyze');
  assert.equal(await page.locator('#result-title').textContent(), 'Result');
  assert.equal(await page.getByTestId('input').getAttribute('placeholder'), 'Paste the article here…');
  assert.equal(await page.title(), 'basira — reading Arabic news');
  await page.waitForSelector('body[data-rendered="true"]');
  // The articles keep their own direction; the numbers are in Western digits.
  assert.equal(await page.locator('#text-view .doc').first().getAttribute('dir'), 'rtl');
  assert.match(await page.getByTestId('stat-sentences').textContent(), /^[0-9]+$/);
  assert.ok(await page.locator('#text-view mark').count() > 0);
  await page.screenshot({path: join(shots, 'english.png'), fullPage: true});

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await html.getAttribute('lang'), 'en');
  assert.equal(await page.getByTestId('analyze').textContent(), 'Analyze');
  assert.equal(await page.locator('#engine').textContent(), 'Analyzer ready');
  await page.getByTestId('lang').click();
  assert.equal(await html.getAttribute('lang'), 'ar');
  assert.equal(await html.getAttribute('dir'), 'rtl');
  assert.equal(await page.evaluate(() => localStorage.getItem('basira.lang')), 'ar');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: Tab reaches the entities and the marks; Enter and Space mark the mentions', async () => {
  const {page, context} = await openPage(env);
  await analyzeText(page, DEMO_TEXT);
  // The legend's switches come before the entities, each reached with Tab.
  await page.getByTestId('export-txt').focus();
  const legend = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    legend.push(await page.evaluate(() => document.activeElement.closest('#legend') && document.activeElement.dataset.type));
  }
  assert.deepEqual(legend, ['PER', 'LOC', 'ORG', 'MISC', 'DATE', 'TIME', 'NUM', 'QUOTE']);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.closest('.entity')?.dataset.entity);
  assert.ok(first !== undefined, 'Tab after the legend lands on the first entity');
  await page.keyboard.press('Enter');
  const selected = await page.locator(`#text-view mark[data-entity="${first}"].selected`).count();
  assert.ok(selected > 0, 'Enter on an entity marks its mentions');
  assert.equal(await page.locator(`.entity[data-entity="${first}"]`).getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#text-view mark.selected').count(), 0, 'Enter again unmarks');

  let mark = null;
  for (let i = 0; i < 60 && !mark; i++) {
    await page.keyboard.press('Tab');
    mark = await page.evaluate(() => {
      const el = document.activeElement;
      return el.tagName === 'MARK' ? {entity: el.dataset.entity} : null;
    });
  }
  assert.ok(mark, 'Tab reaches a mark in the text');
  await page.keyboard.press('Space');
  const all = await page.locator(`#text-view mark[data-entity="${mark.entity}"]`).count();
  assert.equal(await page.locator(`#text-view mark[data-entity="${mark.entity}"].selected`).count(), all);
  assert.equal(await page.locator(`.entity[data-entity="${mark.entity}"]`).getAttribute('aria-pressed'), 'true');
  await context.close();
});

/** Runs axe-core in the page; returns its violations of at least `least` impact. */
async function axe(page, least = 'serious') {
  const source = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // The page's CSP refuses inline scripts (addScriptTag): the test evaluates the source instead.
  await page.evaluate(source);
  const found = await page.evaluate(async () => {
    const out = await window.axe.run(document, {resultTypes: ['violations']});
    return out.violations.map((v) => ({id: v.id, impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}));
  });
  const levels = ['minor', 'moderate', 'serious', 'critical'];
  return found.filter((v) => levels.indexOf(v.impact) >= levels.indexOf(least));
}

test('accessibility: axe-core finds no serious or critical violation, before and after analysis', async () => {
  const {page, context} = await openPage(env);
  assert.deepEqual(await axe(page), [], 'initial state');
  await analyzeText(page, DEMO_TEXT);
  await page.locator('.entity').first().click();
  assert.deepEqual(await axe(page), [], 'after an analysis');
  await page.getByTestId('lang').click();
  assert.deepEqual(await axe(page), [], 'in English');
  await context.close();
  // Dark colours too (contrast), and nothing even of moderate impact there.
  const dark = await openPage(env, {contextOptions: {colorScheme: 'dark'}});
  await analyzeText(dark.page, DEMO_TEXT);
  assert.deepEqual(await axe(dark.page, 'moderate'), [], 'dark, after an analysis');
  await dark.context.close();
});

test('accessibility with several articles: the tabs, an article\'s tab and the story\'s, light and dark', async () => {
  const articles = ['مكتبة جديدة في الحي الشرقي\n\nافتتحت البلدية أمس مكتبة عامة تضم 20 ألف كتاب. ' +
      'وقالت مديرة المكتبة ليلى حداد: «نريد أن يقرأ كل طفل في الحي».\n',
  'الحي الشرقي يستقبل مكتبته الأولى\n\nافتتحت البلدية أمس مكتبة عامة تضم 25 ألف كتاب في الحي الشرقي. ' +
      'ويأمل السكان أن تفتح أبوابها مساءً أيضاً.\n'].join('---\n');
  for (const colorScheme of ['light', 'dark']) {
    const {page, context} = await openPage(env, {contextOptions: {colorScheme}});
    await analyzeText(page, articles);
    assert.equal(await page.getByRole('tab').count(), 3);
    assert.deepEqual(await axe(page, 'moderate'), [], `${colorScheme}, an article's tab`);
    await page.getByRole('tab').last().click();
    await page.waitForSelector('body[data-rendered="true"]');
    assert.ok(await page.locator('#story-box').isVisible());
    assert.deepEqual(await axe(page, 'moderate'), [], `${colorScheme}, the story's tab`);
    await context.close();
  }
});

/** WCAG contrast ratio of two computed colours 'rgb(r, g, b)'. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('contrast: the filled button (Analyze) is readable in light and dark (axe-core let white on light green pass)', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const {page, context} = await openPage(env, {contextOptions: {colorScheme}});
    const [fg, bg] = await page.getByTestId('analyze').evaluate((el) => {
      const s = getComputedStyle(el);
      return [s.color, s.backgroundColor];
    });
    assert.ok(contrast(fg, bg) >= 4.5, `${colorScheme}: Analyze ${fg} on ${bg}: ${contrast(fg, bg).toFixed(2)}`);
    await context.close();
  }
});

test('cancel: a long analysis stops at once, a new worker is ready without fetching the wasm again, the text stays', async () => {
  const {page, context} = await openPage(env, {contextOptions: {serviceWorkers: 'block'}});
  const wasmFetches = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('.wasm')) wasmFetches.push(request.url());
  });
  // About 2 MB of our own sentence: seconds of analysis, cancelled long before its end.
  const long = 'وقال المتحدث باسم البلدية إن أعمال الصيانة تستمر حتى نهاية الشهر.\n'.repeat(24000);
  await page.evaluate((text) => { document.querySelector('#text').value = text; }, long);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('#cancel:not([hidden])');
  await page.click('#cancel');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.locator('#error').textContent(), /أُلغي التحليل/);
  await page.waitForSelector('body[data-ready="true"]', {timeout: 20000});
  assert.equal((await page.getByTestId('input').inputValue()).length, long.length);
  await analyzeText(page, DEMO_TEXT);
  assert.ok(await page.locator('#text-view mark').count() > 0);
  assert.deepEqual(wasmFetches, []);
  await context.close();
});

test('worker death: the page says so, restarts the worker, keeps the text, and analyzes again', async () => {
  const {page, context} = await openPage(env, {contextOptions: {serviceWorkers: 'block'}});
  // The new worker is handed the module the page compiled while loading (web/boot.js): nothing
  // is downloaded or compiled again for it.
  const wasmFetches = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('.wasm')) wasmFetches.push(request.url());
  });
  await analyzeText(page, DEMO_TEXT);
  await page.evaluate(() => window.dispatchEvent(new Event('basira:crash-worker')));
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.locator('#error').textContent(), /توقف المحلّل عن العمل.*crash requested.*أُعيد تشغيله/);
  await page.waitForSelector('body[data-ready="true"]', {timeout: 20000});
  assert.equal(await page.getByTestId('input').inputValue(), DEMO_TEXT);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('body[data-rendered="true"]:not([data-busy])');
  assert.ok(await page.locator('#text-view mark').count() > 0);
  assert.equal(await page.locator('#error').isHidden(), true);
  assert.deepEqual(wasmFetches, []);
  await context.close();
});
