/**
 * Web pages as input: a picked or dropped .html/.htm file is parsed by DOMParser (never shown,
 * nothing in it runs or loads) and Mozilla's Readability, self-hosted, finds the article; its
 * title, byline and paragraphs become the input, the page's menus, links and footer do not.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {openPage, root, setUp, shots} from './harness.mjs';

const env = setUp();

/** Our own news page (tests/browser/fixtures): a script, an onerror image, menus and an article. */
const PAGE = readFileSync(join(root, 'tests/browser/fixtures/news-page.html'), 'utf8');

const HEADLINE = 'افتتاح جسر المشاة الجديد فوق نهر المدينة';
const PARAGRAPHS = [
  'افتتحت بلدية المدينة صباح اليوم جسراً جديداً للمشاة فوق النهر،',
  'ويبلغ طول الجسر نحو مئة وثمانين متراً،',
  'وقال رئيس البلدية سامي العلوي للصحفيين: «هذا الجسر يختصر على السكان نصف ساعة من المشي كل يوم».',
  'ورحّب أصحاب المحلات في السوق المركزي بالمشروع،',
];
/** The page's noise: menus, sharing links, the related links, the footer, the site's name. */
const NOISE = ['قائمة السياسة', 'تسجيل الدخول', 'شارك على الشبكات', 'اطبع الصفحة', 'رابط جانبي',
  'اقرأ أيضاً', 'جميع الحقوق محفوظة', 'صحيفة المساء', 'hacked', 'ran'];

/**
 * Opens the page recording every request and every console error but the CSP's refusals of the
 * parsed page's inline handlers (Chromium reports them for a DOMParser document too; that they
 * are refused is the point).
 */
async function open() {
  const requests = [];
  const {page, context, errors} = await openPage(env);
  page.on('request', (r) => requests.push(r.url()));
  const own = () => errors.filter((e) => !/inline event handler violates the following Content Security Policy/.test(e));
  const before = await page.evaluate(() => ({scripts: document.scripts.length,
    elements: document.querySelectorAll('*').length, title: document.title}));
  return {page, context, requests, own, before};
}

/** Checks that the analyzed input is the article alone and that nothing of the page ran or loaded. */
async function checkArticle(page, requests, before) {
  const text = await page.locator('#text-view .doc').textContent();
  assert.ok(text.startsWith(`${HEADLINE}\n\nكتبت: هالة منصور\n\n`), `title and byline first: ${text.slice(0, 80)}`);
  for (const p of PARAGRAPHS) assert.ok(text.includes(p), `the article's paragraph: ${p}`);
  // Paragraphs stay apart: a blank line between them, none inside one.
  assert.equal(text.split('\n\n').length, 6, JSON.stringify(text));
  for (const n of NOISE) assert.ok(!text.includes(n), `no page noise in the input: ${n}`);
  // The analysis sees an article: its headline, the quote and its speaker.
  assert.equal(await page.locator('#documents li strong').first().textContent(), HEADLINE);
  assert.equal(await page.locator('#text-view mark[data-type="QUOTE"]').textContent(),
               'هذا الجسر يختصر على السكان نصف ساعة من المشي كل يوم');
  // Nothing ran, nothing was added to the page, nothing was fetched for it.
  const after = await page.evaluate(() => ({pwned: window.__pwned, title: document.title,
    scripts: [...document.scripts].filter((s) => !/\/vendor\/Readability\.js$/.test(s.src)).length,
    foreign: document.querySelectorAll('img, iframe, link[href*="example"], nav, article.post, .menu, aside, [onerror], [onload]').length}));
  assert.equal(after.pwned, undefined);
  assert.equal(after.title, before.title);
  assert.equal(after.scripts, before.scripts);
  assert.equal(after.foreign, 0);
  // Readability.js is loaded (from this origin) the first time a web page is read.
  const pageOwn = ['/basira.wasm', '/basira.js', '/worker.js', '/app.js', '/vendor/Readability.js'];
  assert.deepEqual(requests.filter((u) => new URL(u).hostname !== '127.0.0.1' ||
                                    !pageOwn.includes(new URL(u).pathname)), []);
}

test('html: a picked .html file gives its article, not its menus; nothing in it runs', async () => {
  const {page, context, requests, own, before} = await open();
  await page.getByTestId('files').setInputFiles({name: 'جسر.html', mimeType: 'text/html', buffer: Buffer.from(PAGE, 'utf8')});
  await page.waitForSelector('[data-testid="file-list"] li');
  assert.equal(await page.locator('#error').isHidden(), true);
  assert.deepEqual(await page.getByTestId('file-list').locator('li > span').allTextContents(), ['جسر.html']);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('body[data-rendered="true"]:not([data-busy])');
  await checkArticle(page, requests, before);
  await page.screenshot({path: join(shots, 'html-file.png'), fullPage: true});
  assert.deepEqual(own(), []);
  await context.close();
});

test('html: a dropped .htm file too; a page with no article is refused by name', async () => {
  const {page, context, requests, own, before} = await open();
  const drop = (files) => page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, {type: f.type}));
    document.getElementById('drop-zone').dispatchEvent(
        new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
  }, files);
  const empty = '<!doctype html><html><head><title>x</title><script>window.__pwned = 1;</script></head>' +
      '<body><img src="x" onerror="window.__pwned = 2"><nav><a href="/">   </a></nav></body></html>';
  await drop([{name: 'page.htm', type: 'text/html', text: PAGE}, {name: 'فارغة.html', type: 'text/html', text: empty}]);
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await page.locator('#error').textContent(),
               'لم يُعثر على مقال في «فارغة.html»: الصفحة لا تحوي نصاً يمكن قراءته.');
  assert.deepEqual(await page.getByTestId('file-list').locator('li > span').allTextContents(), ['page.htm']);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('body[data-rendered="true"]:not([data-busy])');
  await checkArticle(page, requests, before);
  assert.deepEqual(own(), []);
  // The same refusal in English.
  await page.getByTestId('lang').click();
  await drop([{name: 'empty.html', type: 'text/html', text: empty}]);
  await page.waitForFunction(() => document.getElementById('error').textContent.startsWith('No article'));
  assert.equal(await page.locator('#error').textContent(),
               'No article was found in “empty.html”: the page holds no text that can be read.');
  assert.equal(await page.locator('label[for="files"]').textContent(), 'Open text files or web pages');
  await context.close();
});

/** text in windows-1256 (the encoding of many older Arabic sites); throws on a character it lacks. */
function windows1256(text) {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((c) => {
    if (!table.has(c)) throw new Error(`not in windows-1256: ${c}`);
    return table.get(c);
  }));
}

test('html: a page saved in the encoding it declares (windows-1256) is read in it', async () => {
  const {page, context, requests, own, before} = await open();
  const legacy = PAGE.replace('<meta charset="utf-8">',
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">').replace('٢٠٢٤', '2024');
  assert.notEqual(legacy, PAGE);
  const bytes = windows1256(legacy);
  assert.throws(() => new TextDecoder('utf-8', {fatal: true}).decode(bytes), 'not UTF-8');
  await page.getByTestId('files').setInputFiles({name: 'قديم.htm', mimeType: 'text/html', buffer: bytes});
  await page.waitForSelector('[data-testid="file-list"] li');
  assert.equal(await page.locator('#error').isHidden(), true);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('body[data-rendered="true"]:not([data-busy])');
  await checkArticle(page, requests, before);
  // The same bytes as a .txt file are refused: text files are UTF-8.
  await page.getByTestId('files').setInputFiles({name: 'قديم.txt', mimeType: 'text/plain', buffer: bytes});
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.locator('#error').textContent(), /«قديم.txt» ليس نصاً بترميز UTF-8/);
  assert.deepEqual(own(), []);
  await context.close();
});

test('html: Readability is served from the page\'s own origin, with its licence, and loaded only when needed', async () => {
  const {page, context} = await open();
  const ok = await page.evaluate(async () => {
    const before = typeof window.Readability;
    const [js, licence] = await Promise.all([fetch('vendor/Readability.js'), fetch('vendor/Readability.LICENSE.md')]);
    return {js: js.ok && (await js.text()).includes('function Readability('), licence: licence.ok,
      before};
  });
  assert.deepEqual(ok, {js: true, licence: true, before: 'undefined'});
  await context.close();
});
