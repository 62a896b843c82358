/**
 * How the result is shown: direct quotes marked in the text with their speaker, around the marks
 * that fall in them; the legend's switches; tabs for several articles (one per article and one
 * for the story), with the keyboard; the new strings in English too.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {analyzeText, openPage, root, setUp, shots} from './harness.mjs';

const env = setUp();

const QUOTED = 'جسر جديد فوق النهر\n\n' +
    'افتتحت البلدية في 3 مارس 2025 جسراً طوله 180 متراً. ' +
    'وقال فلاديمير بوتين: «سنزور القاهرة في 5 أبريل 2025 مع 120 خبيراً من روسيا». ' +
    'وأضاف: «الجسر يخدم مليون مسافر كل عام».\n';

/** Three reports of one story (our own writing), each with its headline and date. */
const STORY = [
  'حريق في سوق الأقمشة القديم\n\nالأحد 7 يوليو 2024\n\n' +
  'اندلع حريق كبير فجر الأحد في سوق الأقمشة القديم وسط المدينة، وأصيب 12 شخصاً بجروح طفيفة. ' +
  'وقال مدير الدفاع المدني كريم الهاشمي: «سيطرنا على النيران خلال ثلاث ساعات». ' +
  'وأعلنت البلدية أن السوق سيبقى مغلقاً حتى 15 يوليو 2024 لتقييم الأضرار.\n',
  'النيران تلتهم عشرات المحلات في سوق الأقمشة\n\nالأحد 7 يوليو 2024\n\n' +
  'أتى حريق فجر الأحد على عشرات المحلات في سوق الأقمشة القديم، وأصيب 15 شخصاً وفق مصادر طبية. ' +
  'وأعلنت البلدية أن السوق سيبقى مغلقاً حتى 15 يوليو 2024 لتقييم الأضرار. ' +
  'ويطالب التجار بتعويضات عاجلة عن البضائع التي احترقت.\n',
  'تجار سوق الأقمشة يحصون خسائرهم\n\nالاثنين 8 يوليو 2024\n\n' +
  'بدأ تجار سوق الأقمشة القديم إحصاء خسائرهم بعد الحريق الذي اندلع فجر الأحد وأصيب فيه 12 شخصاً. ' +
  'وقالت رئيسة غرفة التجارة سلمى يوسف إن الخسائر تتجاوز مليوني دولار، ' +
  'وأعلنت البلدية أن السوق سيبقى مغلقاً حتى 15 يوليو 2024 لتقييم الأضرار.\n',
];
const HEADLINES = STORY.map((a) => a.split('\n')[0]);

/** Every mark of the text view: its type, text, and the type of the mark around it (or null). */
function marksIn(page) {
  return page.locator('#text-view mark').evaluateAll((els) => els.map((el) => ({
    type: el.dataset.type, text: el.textContent,
    parent: el.parentElement.closest('mark')?.dataset.type ?? null})));
}

test('quotes: each direct quote is a mark naming its speaker, around the marks inside it', async () => {
  const {page, context, errors} = await openPage(env);
  await analyzeText(page, QUOTED);
  const marks = await marksIn(page);
  assert.deepEqual(marks.filter((m) => m.type === 'QUOTE').map((m) => m.text),
                   ['سنزور القاهرة في 5 أبريل 2025 مع 120 خبيراً من روسيا', 'الجسر يخدم مليون مسافر كل عام']);
  // Inside the first quote: Cairo, the date, the number and Russia; outside: the speaker, the
  // first date and length. A quote is never inside another mark, nor an entity inside an entity.
  const inside = marks.filter((m) => m.parent === 'QUOTE').map((m) => `${m.type}:${m.text}`);
  assert.deepEqual(inside, ['LOC:القاهرة', 'DATE:5 أبريل 2025', 'NUM:120', 'LOC:روسيا', 'NUM:مليون']);
  const outside = marks.filter((m) => m.parent === null && m.type !== 'QUOTE').map((m) => `${m.type}:${m.text}`);
  assert.deepEqual(outside, ['DATE:3 مارس 2025', 'NUM:180 متراً', 'PER:فلاديمير بوتين']);
  assert.ok(marks.every((m) => m.parent === null || m.parent === 'QUOTE'));
  // The speaker in the tooltip and for assistive technology; the second quote inherits him.
  const quotes = page.locator('#text-view mark[data-type="QUOTE"]');
  for (const i of [0, 1]) {
    assert.equal(await quotes.nth(i).getAttribute('title'), 'اقتباس، قائله: فلاديمير بوتين');
    assert.equal(await quotes.nth(i).getAttribute('aria-description'), 'اقتباس، قائله: فلاديمير بوتين');
  }
  // The text is whole: the marks hold it, they neither drop nor repeat any of it.
  assert.equal(await page.locator('#text-view .doc').textContent(), QUOTED);
  // The entity inside a quote is still a working mark.
  await page.locator('#text-view mark[data-type="QUOTE"] mark[data-type="LOC"]').first().click();
  assert.equal(await page.locator('#text-view mark.selected').textContent(), 'القاهرة');
  await page.screenshot({path: join(shots, 'quotes.png'), fullPage: true});
  assert.deepEqual(errors, []);
  await context.close();
});

test('quotes: a quote longer than a part of the text view goes on in the next part', async () => {
  const {page, context, errors} = await openPage(env);
  const line = 'يسير القطار بين المدينتين كل صباح دون توقف طويل في المحطات';
  const words = Array.from({length: 200}, () => line).join(' و');
  const text = `خبر طويل\n\nوقال فلاديمير بوتين: «${words}». وغادر القاعة.\n`;
  assert.ok(words.length > 6000 * 1.25, 'past a part and the line end it may stretch to');
  await analyzeText(page, text);
  const quoteMarks = () => page.locator('#text-view mark[data-type="QUOTE"]').evaluateAll((els) =>
      els.map((el) => ({continued: el.classList.contains('continued'), title: el.title,
        part: [...el.closest('.doc').children].indexOf(el.closest('.part')), length: el.textContent.length})));
  const first = await quoteMarks();
  assert.equal(first.length, 1);
  assert.equal(first[0].continued, false);
  await page.locator('#text-view .more-button').click();
  const both = await quoteMarks();
  assert.equal(both.length, 2);
  assert.deepEqual(both.map((m) => [m.continued, m.part]), [[false, 0], [true, 1]]);
  assert.equal(both[1].title, both[0].title);
  assert.match(both[0].title, /فلاديمير بوتين/);
  assert.ok(both[0].length + both[1].length >= words.length);
  assert.equal(await page.locator('#text-view .doc').textContent(), text);
  assert.deepEqual(errors, []);
  await context.close();
});

test('legend: each switch hides and shows one type of mark; quotes keep the entity colours', async () => {
  const {page, context} = await openPage(env);
  await analyzeText(page, QUOTED);
  const quote = page.locator('#text-view mark[data-type="QUOTE"]').first();
  const cairo = page.locator('#text-view mark[data-type="LOC"]').first();
  const style = (loc) => loc.evaluate((el) => {
    const s = getComputedStyle(el);
    return {line: s.textDecorationLine, bar: s.borderInlineStartWidth, background: s.backgroundColor};
  });
  const shown = await style(quote);
  assert.equal(shown.line, 'underline');
  assert.equal(shown.bar, '3px');
  assert.equal(shown.background, 'rgba(0, 0, 0, 0)', 'a quote has no background of its own');
  const cairoColour = (await style(cairo)).background;
  assert.notEqual(cairoColour, 'rgba(0, 0, 0, 0)', 'Cairo inside the quote keeps its colour');

  const toggle = page.locator('#legend button[data-type="QUOTE"]');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.deepEqual(await style(quote), {line: 'none', bar: '0px', background: 'rgba(0, 0, 0, 0)'});
  assert.equal((await style(cairo)).background, cairoColour, 'hiding quotes leaves the entities');
  await toggle.click();
  assert.deepEqual(await style(quote), shown);

  const places = page.locator('#legend button[data-type="LOC"]');
  await places.press('Enter');
  assert.equal(await places.getAttribute('aria-pressed'), 'false');
  assert.equal((await style(cairo)).background, 'rgba(0, 0, 0, 0)');
  assert.equal((await style(quote)).line, 'underline', 'hiding places leaves the quotes');
  await places.press('Space');
  assert.equal((await style(cairo)).background, cairoColour);
  await context.close();
});

/** The tabs: their names, which is selected, and what the panel shows. */
async function tabsState(page) {
  return page.evaluate(() => {
    const tabs = [...document.querySelectorAll('#tabs [role="tab"]')];
    const panel = document.getElementById('tab-panel');
    const visible = (id) => document.getElementById(id).checkVisibility();
    return {
      names: tabs.map((t) => t.textContent),
      selected: tabs.findIndex((t) => t.getAttribute('aria-selected') === 'true'),
      tabIndex: tabs.map((t) => t.tabIndex),
      focused: tabs.indexOf(document.activeElement),
      labelledBy: panel.getAttribute('aria-labelledby'),
      selectedId: tabs.find((t) => t.getAttribute('aria-selected') === 'true')?.id,
      docs: [...document.querySelectorAll('#text-view .doc')].map((d) => d.textContent),
      text: visible('text-view'), story: visible('story-box'), figures: visible('figures-box'),
      timeline: visible('timeline-box'),
      entities: [...document.querySelectorAll('#entities .entity > span:first-child')].map((s) => s.textContent),
    };
  });
}

test('tabs: one per article named by its headline, and the story; arrows, Home and End', async () => {
  const {page, context, errors} = await openPage(env);
  await analyzeText(page, STORY.join('---\n'));
  const tablist = page.getByRole('tablist');
  assert.equal(await tablist.getAttribute('aria-label'), 'المقالات والقصة');
  assert.equal(await page.locator('#tab-panel').getAttribute('role'), 'tabpanel');
  for (const tab of await page.getByRole('tab').all()) assert.equal(await tab.getAttribute('aria-controls'), 'tab-panel');
  let s = await tabsState(page);
  assert.deepEqual(s.names, [...HEADLINES, 'القصة من كل المصادر']);
  assert.equal(s.selected, 0);
  assert.deepEqual(s.tabIndex, [0, -1, -1, -1], 'only the selected tab is in the Tab order');
  assert.equal(s.labelledBy, s.selectedId);
  assert.equal(s.docs.length, 1);
  assert.deepEqual(s.docs, [STORY[0]], 'the first article alone');
  assert.ok(s.text && !s.story && !s.figures);
  assert.ok(s.entities.includes('كريم الهاشمي') && !s.entities.includes('يوسف'), `its entities: ${s.entities}`);
  assert.equal(await page.locator('#text-view mark[data-type="QUOTE"]').getAttribute('title'),
               'اقتباس، قائله: كريم الهاشمي');
  await page.screenshot({path: join(shots, 'tabs-article.png'), fullPage: true});

  // Right to left: the left arrow goes to the next tab, the right one back; focus follows.
  await page.getByRole('tab').first().focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('body[data-rendered="true"]');
  s = await tabsState(page);
  assert.deepEqual([s.selected, s.focused], [1, 1]);
  assert.deepEqual(s.tabIndex, [-1, 0, -1, -1]);
  assert.deepEqual(s.docs, [STORY[1]], 'the second article, from its first line');
  assert.deepEqual(await page.locator('#sentences li').evaluateAll((lis) => [...new Set(lis.map((li) => li.dataset.input))]), ['1']);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('body[data-rendered="true"]');
  s = await tabsState(page);
  assert.deepEqual([s.selected, s.focused], [3, 3], 'from the first, back round to the last');

  // The story: its summary, timeline and the figures that differ; no article text.
  assert.ok(!s.text && s.story && s.figures && s.timeline, JSON.stringify(s));
  assert.equal(s.labelledBy, 'tab-3');
  const figure = await page.locator('#figures li').first().textContent();
  assert.ok(figure.includes('12') && figure.includes('15'), figure);
  assert.deepEqual(await page.locator('#timeline li').evaluateAll((lis) => lis.map((li) => li.dataset.value)),
                   ['2024-07-07', '2024-07-15']);
  assert.equal(await page.locator('#story li .meta').first().getAttribute('data-support'), '3');
  await page.screenshot({path: join(shots, 'tabs-story.png'), fullPage: true});

  await page.keyboard.press('Home');
  await page.waitForSelector('body[data-rendered="true"]');
  assert.equal((await tabsState(page)).selected, 0);
  await page.keyboard.press('End');
  await page.waitForSelector('body[data-rendered="true"]');
  assert.equal((await tabsState(page)).selected, 3);
  // A click selects a tab too: the third article's entities, not the first's.
  await page.getByRole('tab').nth(2).click();
  await page.waitForSelector('body[data-rendered="true"]');
  s = await tabsState(page);
  assert.ok(s.entities.some((e) => e.includes('يوسف')) && !s.entities.includes('كريم الهاشمي'),
            `its entities: ${s.entities}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('tabs: none for one article', async () => {
  const {page, context} = await openPage(env);
  await analyzeText(page, STORY[0]);
  assert.equal(await page.getByRole('tablist').count(), 0);
  assert.equal(await page.locator('#tabs').isHidden(), true);
  assert.equal(await page.locator('#tab-panel').getAttribute('role'), null);
  assert.equal(await page.locator('#text-view .doc').textContent(), STORY[0]);
  await context.close();
});

test('phone: the result fits the width (no sideways scrolling of the page); the tabs scroll in their row', async () => {
  const {page, context} = await openPage(env, {viewport: {width: 390, height: 844}});
  await analyzeText(page, STORY.join('---\n'));
  const widths = () => page.evaluate(() => ({page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth, tabs: document.getElementById('tabs').getBoundingClientRect().width}));
  let w = await widths();
  assert.equal(w.page, w.view, JSON.stringify(w));
  assert.ok(w.tabs <= w.view, JSON.stringify(w));
  // The tabs stay in one row; the last one is scrolled to when chosen.
  const tops = await page.getByRole('tab').evaluateAll((tabs) => new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size);
  assert.equal(tops, 1);
  await page.getByRole('tab').first().focus();
  await page.keyboard.press('End');
  await page.waitForSelector('body[data-rendered="true"]');
  const story = await page.getByRole('tab').last().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.right <= document.documentElement.clientWidth;
  });
  assert.ok(story, 'the chosen tab is in sight');
  w = await widths();
  assert.equal(w.page, w.view, JSON.stringify(w));
  await page.screenshot({path: join(shots, 'tabs-phone.png'), fullPage: true});
  await context.close();
});

test('English: the tabs, the legend and the quote marks in the other language; left to right arrows', async () => {
  const {page, context, errors} = await openPage(env);
  await page.getByTestId('lang').click();
  await analyzeText(page, STORY.join('\n---\n'));
  assert.equal(await page.getByRole('tablist').getAttribute('aria-label'), 'Articles and the story');
  assert.equal(await page.getByRole('tab').last().textContent(), 'The story across sources');
  assert.equal(await page.locator('#legend-title').textContent(), 'Show in the text:');
  assert.equal(await page.locator('#legend button[data-type="QUOTE"]').textContent(), 'quote');
  assert.equal(await page.locator('#text-view mark[data-type="QUOTE"]').getAttribute('title'), 'Quote, said by كريم الهاشمي');
  // Left to right: the right arrow goes to the next tab.
  await page.getByRole('tab').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('body[data-rendered="true"]');
  assert.equal((await tabsState(page)).selected, 1);
  // Switching back keeps the tab and redraws its strings.
  await page.getByTestId('lang').click();
  await page.waitForSelector('body[data-rendered="true"]');
  const s = await tabsState(page);
  assert.equal(s.selected, 1);
  assert.equal(s.names.at(-1), 'القصة من كل المصادر');
  // Pasted texts are named in the interface's language, whichever it was at the analysis.
  assert.equal(await page.locator('#timeline li .meta').first().textContent(), 'نص 1، نص 2، نص 3');
  assert.equal(await page.getByRole('tab').nth(1).getAttribute('title'), `${HEADLINES[1]} (نص 2)`);
  await page.screenshot({path: join(shots, 'tabs-english.png'), fullPage: true});
  assert.deepEqual(errors, []);
  await context.close();
});

test('every interface string has its English and its Arabic', async () => {
  const source = readFileSync(join(root, 'web/i18n.js'), 'utf8');
  const {STRINGS} = await import(`data:text/javascript,${encodeURIComponent(source)}`);
  assert.deepEqual(Object.keys(STRINGS.en).sort(), Object.keys(STRINGS.ar).sort());
  // Every key the page names (data-i18n in the HTML, t('...') in the scripts) is defined.
  const html = readFileSync(join(root, 'web/index.html'), 'utf8');
  const app = readFileSync(join(root, 'web/app.js'), 'utf8');
  const used = new Set([...html.matchAll(/data-i18n="([^"]+)"/g)].map((m) => m[1])
    .concat([...html.matchAll(/data-i18n-attr="[^":]+:([^"]+)"/g)].map((m) => m[1]))
    .concat([...app.matchAll(/\bt\('([^']+)'/g)].map((m) => m[1])));
  for (const key of used) assert.ok(key in STRINGS.en && key in STRINGS.ar, `${key} is defined`);
  assert.ok(used.has('tabs.story') && used.has('quote.by') && used.has('files.no_article'));
});
