/**
 * The page in a real browser: Debian's Chromium, headless, driven by playwright-core, against
 * the built site served by tools/serve.mjs on 127.0.0.1.
 *
 * Checks that pasted Arabic is analyzed in the worker and shown (counts, sentences cut by span),
 * that the page asks nothing of any origin but its own, that user text never becomes markup,
 * that errors are shown clearly, and it leaves screenshots in build/screenshots for people to
 * look at.
 */
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {startServer} from '../../tools/serve.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const site = process.env.BASIRA_SITE || join(root, 'build/wasm/site');
const shots = join(root, 'build/screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--no-first-run',
  '--disable-sync'];

const ARTICLE = `اجتماع طارئ لوزراء الزراعة العرب في تونس

تونس — بصيرة

بحث وزراء الزراعة العرب اليوم خطة لمواجهة الجفاف. وقال الأمين العام للمنظمة: "نحتاج إلى تمويل عاجل".
هل تكفي الخطة؟ يقول خبراء إنها بداية فقط!`;

let server;
let url;
let browser;
/** Every URL the browser asked for, across all tests. */
const requests = [];

before(async () => {
  assert.ok(existsSync(join(site, 'basira.wasm')), `build the wasm preset first (${site})`);
  ({server, url} = await startServer({root: site, port: 0}));
  browser = await chromium.launch({executablePath: CHROMIUM, args: CHROMIUM_ARGS});
  mkdirSync(shots, {recursive: true});
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage(viewport = {width: 1280, height: 900}) {
  const context = await browser.newContext({viewport});
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', {timeout: 20000});
  return {page, context, errors};
}

test('pasted Arabic is analyzed in the worker and shown', async () => {
  const {page, context, errors} = await openPage();
  await page.screenshot({path: join(shots, 'ready.png')});
  await page.getByTestId('input').fill(ARTICLE);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('#result:not([hidden])');
  const value = async (id) => Number(await page.getByTestId(id).getAttribute('data-value'));
  assert.equal(await value('stat-documents'), 1);
  assert.equal(await value('stat-sentences'), 6);
  assert.equal(await value('stat-words'), 33);
  assert.equal(await value('stat-tokens'), 41);
  const sentences = await page.getByTestId('sentences').locator('li').allTextContents();
  assert.equal(sentences[0], 'اجتماع طارئ لوزراء الزراعة العرب في تونس');
  assert.equal(sentences[2], 'بحث وزراء الزراعة العرب اليوم خطة لمواجهة الجفاف.');
  assert.equal(sentences.at(-1), 'يقول خبراء إنها بداية فقط!');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  // The text view's parts are painted only near the viewport (content-visibility: auto); bring
  // it into view first, or the full-page screenshot shows an empty box where the text is.
  await page.getByTestId('text-view').scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({path: join(shots, 'result-desktop.png'), fullPage: true});
  assert.deepEqual(errors, []);
  await context.close();
});

test('several articles separated by --- become several inputs', async () => {
  const {page, context} = await openPage({width: 390, height: 844});
  await page.getByTestId('input').fill(`${ARTICLE}\n---\nخبر ثانٍ قصير. فيه جملتان.`);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('#result:not([hidden])');
  assert.equal(await page.getByTestId('stat-documents').getAttribute('data-value'), '2');
  // One tab per input and the story's; each article's tab lists its own sentences.
  const inputsShown = () => page.locator('#sentences li').evaluateAll(
      (lis) => [...new Set(lis.map((li) => Number(li.dataset.input)))]);
  assert.equal(await page.getByRole('tab').count(), 3);
  assert.deepEqual(await inputsShown(), [0]);
  await page.getByRole('tab').nth(1).click();
  await page.waitForSelector('body[data-rendered="true"]');
  assert.deepEqual(await inputsShown(), [1]);
  await page.screenshot({path: join(shots, 'result-phone.png'), fullPage: true});
  await context.close();
});

test('articles are listed with their headline and date; web noise is set apart', async () => {
  const {page, context} = await openPage();
  const text = 'سوق الكتب المستعملة تعود إلى الحياة\n\nالخميس ٤ نيسان/أبريل ٢٠٢٤\n\n' +
      'عادت سوق الكتب المستعملة إلى الازدحام بعد ترميم الشارع القديم، وقال باعة إن الإقبال ' +
      'تضاعف خلال الأسبوع الأول من الافتتاح.\nشارك\nالتعليقات (2)\n';
  await page.getByTestId('input').fill(text);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('#result:not([hidden])');
  const doc = await page.getByTestId('documents').locator('li').first().textContent();
  assert.ok(doc.startsWith('سوق الكتب المستعملة تعود إلى الحياة'), doc);
  assert.ok(doc.includes('2024-04-04'), doc);
  const noise = await page.getByTestId('noise').locator('li').allTextContents();
  assert.equal(noise.length, 2);
  assert.ok(noise[0].includes('شارك'));
  const kinds = await page.locator('#sentences li').evaluateAll((lis) => lis.map((li) => li.dataset.block));
  assert.deepEqual(kinds, ['headline', 'dateline', 'paragraph']);
  await page.locator('#noise-box summary').click();
  await page.screenshot({path: join(shots, 'structure.png'), fullPage: true});
  await context.close();
});

test('picked files become inputs; a file that is not UTF-8 text is refused by name', async () => {
  const {page, context} = await openPage();
  const utf8 = (text) => Buffer.from(text, 'utf8');
  await page.getByTestId('files').setInputFiles([
    {name: 'أول.txt', mimeType: 'text/plain', buffer: utf8('خبر أول عن افتتاح مكتبة عامة. فيه جملتان.')},
    {name: 'ثان.txt', mimeType: 'text/plain', buffer: utf8('خبر ثان عن سباق للدراجات.')},
    {name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from([0x61, 0xC0, 0xAF, 0x62])},
    {name: 'image.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x00, 0x47])},
  ]);
  await page.waitForSelector('#error:not([hidden])');
  const error = await page.locator('#error').textContent();
  assert.match(error, /«bad.txt» ليس نصاً بترميز UTF-8/);
  assert.match(error, /«image.txt» ملف ثنائي/);
  assert.deepEqual(await page.getByTestId('file-list').locator('li > span').allTextContents(),
                   ['أول.txt', 'ثان.txt']);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('#result:not([hidden])');
  assert.equal(await page.getByTestId('stat-documents').getAttribute('data-value'), '2');
  assert.equal(await page.getByTestId('stat-sentences').getAttribute('data-value'), '3');
  await page.screenshot({path: join(shots, 'files.png'), fullPage: true});
  await context.close();
});

test('entities are highlighted in the text and listed; a click marks every mention', async () => {
  const {page, context} = await openPage();
  await page.getByTestId('input').fill(
      'قمة في موسكو\n\nاستقبل الرئيس الروسي فلاديمير بوتين ضيفه في موسكو. وقال بوتين إن ' +
      'العلاقات مع الصين جيدة. وأضاف الرئيس الروسي أن الزيارة ناجحة.\nشارك\n');
  await page.getByTestId('analyze').click();
  await page.waitForSelector('#result:not([hidden])');
  const marks = await page.locator('#text-view mark').evaluateAll((els) =>
      els.map((el) => `${el.dataset.type}:${el.textContent}`));
  assert.deepEqual(marks, ['LOC:موسكو', 'PER:فلاديمير بوتين', 'LOC:موسكو', 'PER:بوتين',
                           'LOC:الصين', 'PER:الرئيس الروسي']);
  assert.equal(await page.locator('#text-view .noise-text').textContent(), 'شارك');
  const putin = page.locator('.entity[data-type="PER"]');
  assert.match(await putin.textContent(), /فلاديمير بوتين.*Vladimir Putin/);
  await putin.click();
  assert.equal(await page.locator('#text-view mark.selected').count(), 3);
  await page.screenshot({path: join(shots, 'entities.png'), fullPage: true});
  await context.close();
});

test('summaries: each article\'s own sentences and key phrases; a story across two texts', async () => {
  const {page, context} = await openPage();
  const shared = 'وقررت البلدية إغلاق السوق القديم ثلاثة أيام لإصلاح شبكة الكهرباء.';
  await page.getByTestId('input').fill(
      'إغلاق السوق القديم للصيانة\n\nأعلنت البلدية أمس خطة لصيانة السوق القديم في وسط المدينة. ' +
      shared + ' ويقول التجار إن الإغلاق يأتي في موسم هادئ.\n---\n' +
      'تجار السوق القديم يستعدون للإغلاق\n\nبدأ تجار السوق القديم نقل بضائعهم إلى المخازن. ' +
      shared + ' وتأمل غرفة التجارة أن تنتهي الأشغال قبل العيد.\n');
  await page.getByTestId('analyze').click();
  await page.waitForSelector('#result:not([hidden])');
  const chosen = await page.locator('#summaries li').allTextContents();
  const sentences = await page.locator('#sentences li').allTextContents();
  assert.ok(chosen.length >= 2);
  for (const c of chosen) {
    assert.ok(sentences.some((s) => s.includes(c)), `a summary sentence is a sentence: ${c}`);
    assert.ok(!c.startsWith('إغلاق السوق') && !c.startsWith('تجار السوق'), 'never a headline');
  }
  assert.ok(await page.locator('#summaries .keyphrase').count() >= 1);
  // The story across the two texts is in the story's tab.
  assert.ok(await page.locator('#story-box').isHidden());
  await page.getByRole('tab', {name: 'القصة من كل المصادر'}).click();
  await page.waitForSelector('body[data-rendered="true"]');
  assert.ok(!(await page.locator('#story-box').isHidden()));
  const top = page.locator('#story li').first();
  assert.equal(await top.locator('span[dir="auto"]').textContent(), shared);
  assert.equal(await top.locator('.meta').getAttribute('data-support'), '2');
  await page.screenshot({path: join(shots, 'summary.png'), fullPage: true});
  await context.close();
});

test('user text never becomes markup, and nothing runs from it', async () => {
  const {page, context} = await openPage();
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' +
      ' نص عربي <b>عريض</b>. <iframe src="http://example.com/"></iframe>';
  await page.getByTestId('input').fill(hostile);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('#result:not([hidden])');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#result img, #result script, #result iframe, #result b').count(), 0);
  const text = (await page.getByTestId('sentences').textContent()) || '';
  assert.ok(text.includes('<img src=x'), 'the markup is shown as text');
  await context.close();
});

test('empty input gives a clear message, and the page keeps working', async () => {
  const {page, context} = await openPage();
  await page.getByTestId('input').fill('   \n  ');
  await page.getByTestId('analyze').click();
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.locator('#error').textContent(), /لا يوجد نص/);
  await page.getByTestId('input').fill('جملة واحدة.');
  await page.getByTestId('analyze').click();
  await page.waitForSelector('#result:not([hidden])');
  assert.equal(await page.getByTestId('stat-sentences').getAttribute('data-value'), '1');
  await page.screenshot({path: join(shots, 'after-error.png')});
  await context.close();
});

/** Opens the page with a wasm that cannot compile; `noSimd` also makes the worker's engine
 * refuse SIMD, as a browser older than the page needs would. Returns the error shown. */
async function errorWithBrokenWasm(noSimd) {
  const context = await browser.newContext({serviceWorkers: 'block'});
  const page = await context.newPage();
  await page.route('**/basira.wasm', (route) => route.fulfill(
      {status: 200, contentType: 'application/wasm', body: Buffer.from('not a module')}));
  if (noSimd) {
    await page.route('**/worker.js', async (route) => {
      const response = await route.fetch();
      const body = 'WebAssembly.validate = () => false;\n' + await response.text();
      await route.fulfill({response, body});
    });
  }
  await page.goto(url);
  await page.waitForSelector('#error:not([hidden])', {timeout: 20000});
  assert.equal(await page.locator('#engine').textContent(), 'تعذّر تحميل المحلّل');
  const text = await page.locator('#error').textContent();
  // The page's own font is there all the same (web/app.js loads it when the analyzer fails).
  await page.waitForFunction(() => [...document.fonts].some((f) =>
    f.family.replace(/"/g, '') === 'Noto Naskh Arabic' && f.status === 'loaded'), null, {timeout: 10000});
  await page.screenshot({path: join(shots, noSimd ? 'no-simd.png' : 'broken-wasm.png')});
  await context.close();
  return text;
}

test('a browser without WebAssembly SIMD is told so; another load failure is an internal error', async () => {
  const unsupported = await errorWithBrokenWasm(true);
  assert.match(unsupported, /لا يستطيع هذا المتصفح تشغيل المحلّل/);
  assert.match(unsupported, /SIMD/);
  // Chromium has SIMD: the page's own check passes, and a wasm that does not compile is an
  // internal error.
  const internal = await errorWithBrokenWasm(false);
  assert.match(internal, /خطأ داخلي في المحلّل/);
  assert.doesNotMatch(internal, /SIMD/);
});

test('every request stayed on 127.0.0.1', () => {
  assert.ok(requests.length > 0);
  const outside = requests.filter((u) => new URL(u).hostname !== '127.0.0.1');
  assert.deepEqual(outside, []);
  assert.ok(requests.some((u) => u.endsWith('/basira.wasm')), 'the wasm was loaded');
});

test('facts: dates and numbers marked in the text; quotes with their speaker; the timeline', async () => {
  const {page, context} = await openPage();
  await page.getByTestId('input').fill(
      'وزيرة النقل تفتتح خط القطار الجديد\n\n' +
      'افتتحت الحكومة في 3 مارس 2025 خط قطار يربط المدينتين بطول 120 كيلومتر. ' +
      'وقال فلاديمير بوتين: «هذا الخط سيخدم مليون مسافر كل عام».\n' +
      'وأضاف: «سنبني خطاً ثانياً قبل نهاية العقد».\n');
  await page.getByTestId('analyze').click();
  await page.waitForSelector('body[data-rendered]');
  const dates = await page.locator('#text-view mark[data-type="DATE"]').allTextContents();
  assert.ok(dates.includes('3 مارس 2025'), `dates: ${dates}`);
  assert.ok((await page.locator('#text-view mark[data-type="NUM"]').count()) >= 1);
  const quotes = page.locator('[data-testid="quotes"] li');
  assert.equal(await quotes.count(), 2);
  assert.equal(await quotes.nth(0).locator('.speaker').textContent(), 'فلاديمير بوتين');
  assert.match(await quotes.nth(1).locator('.speaker').textContent(), /^فلاديمير بوتين/);
  assert.equal(await quotes.nth(1).locator('.words').textContent(), '«سنبني خطاً ثانياً قبل نهاية العقد»');
  const timeline = await page.locator('[data-testid="timeline"] li').first().getAttribute('data-value');
  assert.equal(timeline, '2025-03-03');
  await page.screenshot({path: join(shots, 'facts.png'), fullPage: true});
  await context.close();
});
