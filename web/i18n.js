/**
 * The interface's words in Arabic (the default) and English, and the switch between them.
 *
 * Static elements name their string with data-i18n="key" (text) or data-i18n-attr="attr:key,...";
 * scripts call t(key, ...args). A string may be a function of its arguments. The choice is kept
 * in localStorage. Only the interface changes language: the articles' text keeps its own
 * direction.
 */

/** Where the chosen language is remembered. */
const STORAGE_KEY = 'basira.lang';

export const STRINGS = {
  ar: {
    'title': 'بصيرة — قراءة الأخبار العربية',
    'lang.switch': 'English',
    'lang.switch.label': 'Switch the interface to English',
    'tagline': 'حلّل الأخبار العربية في متصفحك: لا يغادر النص جهازك.',
    'engine.loading': 'جارٍ تحميل المحلّل…',
    'engine.ready': 'المحلّل جاهز',
    'engine.restarting': 'جارٍ إعادة تشغيل المحلّل…',
    'engine.failed': 'تعذّر تحميل المحلّل',
    'input.title': 'النص',
    'input.hint.before': 'الصق مقالاً أو أكثر (افصل بين المقالات بسطر فيه',
    'input.hint.after': ')',
    'input.placeholder': 'الصق هنا نص الخبر…',
    'files.open': 'افتح ملفات نصية أو صفحات ويب',
    'files.hint': 'أو أفلتها هنا؛ كل ملف مقال مستقل، ومن صفحة الويب يؤخذ نص المقال وحده.',
    'files.remove': 'إزالة',
    'files.remove.label': (name) => `إزالة ${name}`,
    'files.binary': (name, at) => `«${name}» ملف ثنائي وليس نصاً (بايت صفري عند الموضع ${at}).`,
    'files.not_utf8': (name) => `«${name}» ليس نصاً بترميز UTF-8؛ احفظه بترميز UTF-8 وأعد المحاولة.`,
    'files.not_charset': (name, charset) => `«${name}» ليس نصاً صالحاً بالترميز الذي تعلنه الصفحة (${charset}).`,
    'files.empty': (name) => `«${name}» فارغ.`,
    'files.no_article': (name) => `لم يُعثر على مقال في «${name}»: الصفحة لا تحوي نصاً يمكن قراءته.`,
    'input.name': (n) => `نص ${n}`,
    'analyze': 'حلّل',
    'demo': 'جرّب مقالاً تجريبياً',
    'cancel': 'إلغاء',
    'progress': 'تقدّم التحليل',
    'error.no_text': 'لا يوجد نص للتحليل: الصق مقالاً أو افتح ملفاً أولاً.',
    'error.surrogate': (n) => `النص ${n} يحوي محارف غير صالحة (نصف زوج بديل في UTF-16)؛ لا يمكن تحليله.`,
    'error.cancelled': 'أُلغي التحليل.',
    'error.worker': (why) => `توقف المحلّل عن العمل (${why}). أُعيد تشغيله؛ نصك محفوظ، فأعد التحليل.`,
    'error.unknown': 'خطأ غير معروف',
    'error.title': 'خطأ',
    'error.invalid_utf8': 'النص ليس بترميز UTF-8 صالح',
    'error.binary_data': 'هذا ملف ثنائي وليس نصاً',
    'error.empty_input': 'النص فارغ',
    'error.input_too_large': 'النص أكبر من الحد المسموح',
    'error.invalid_argument': 'طلب غير صالح',
    'error.cancelled.code': 'أُلغي التحليل',
    'error.internal': 'خطأ داخلي في المحلّل',
    'error.unsupported': 'لا يستطيع هذا المتصفح تشغيل المحلّل: يلزمه WebAssembly مع تعليمات SIMD ذات 128 بتاً (كروم وإيدج 91، فايرفوكس 89، سفاري 16.4 أو أحدث)',
    'result.title': 'النتيجة',
    'stat.documents': 'المقالات',
    'stat.sentences': 'الجمل',
    'stat.words': 'الكلمات',
    'stat.tokens': 'الرموز',
    'stat.time': 'الزمن',
    'stat.ms': (n) => `${n} ملّي ثانية`,
    'export.title': 'تنزيل النتيجة',
    'export.csv': 'CSV (الكيانات)',
    'summary.title': 'الملخص',
    'quotes.title': 'من قال ماذا',
    'quotes.unknown': 'متحدث غير معروف',
    'sources.title': 'المصادر المذكورة',
    'timeline.title': 'الخط الزمني',
    'figures.title': 'أرقام تختلف بين المصادر',
    'type.DATE': 'تاريخ',
    'type.TIME': 'وقت',
    'type.NUM': 'رقم',
    'type.QUOTE': 'اقتباس',
    'quote.by': (speaker) => `اقتباس، قائله: ${speaker}`,
    'legend.title': 'أظهر في النص:',
    'tabs.label': 'المقالات والقصة',
    'tabs.story': 'القصة من كل المصادر',
    'story.duplicate': (a, b) => `${a} يكاد يكرر ${b}`,
    'list.separator': '؛ ',
    'list.comma': '، ',
    'story.title': 'ملخص القصة من كل المصادر',
    'entities.title': 'الكيانات',
    'entities.hint': 'اختر كياناً لتمييز كل مواضع ذكره في النص.',
    'text.title': 'النص وكياناته',
    'documents.title': 'المقالات',
    'documents.untitled': 'مقال دون عنوان',
    'sentences.title': 'الجمل',
    'noise.title': 'ضجيج الصفحة المُستبعَد',
    'more': (n) => `اعرض المزيد (بقي ${n})`,
    'footer': 'يعمل دون اتصال بالشبكة؛ التحليل كله داخل المتصفح عبر WebAssembly.',
    'type.PER': 'شخص', 'type.LOC': 'مكان', 'type.ORG': 'منظمة', 'type.MISC': 'أخرى',
    'block.headline': 'عنوان', 'block.subheadline': 'عنوان فرعي', 'block.section': 'قسم',
    'block.byline': 'الكاتب أو المصدر', 'block.dateline': 'تاريخ النشر',
    'block.caption': 'تعليق صورة', 'block.heading': 'عنوان داخلي', 'block.paragraph': 'فقرة',
    'noise.duplicate': 'سطر مكرر', 'noise.interface': 'عنصر واجهة',
    'noise.related': 'روابط ذات صلة', 'noise.separator': 'فاصل',
  },
  en: {
    'title': 'basira — reading Arabic news',
    'lang.switch': 'العربية',
    'lang.switch.label': 'اعرض الواجهة بالعربية',
    'tagline': 'Analyze Arabic news in your browser: the text never leaves your device.',
    'engine.loading': 'Loading the analyzer…',
    'engine.ready': 'Analyzer ready',
    'engine.restarting': 'Restarting the analyzer…',
    'engine.failed': 'The analyzer could not be loaded',
    'input.title': 'Text',
    'input.hint.before': 'Paste one article or more (separate articles with a line holding',
    'input.hint.after': ')',
    'input.placeholder': 'Paste the article here…',
    'files.open': 'Open text files or web pages',
    'files.hint': 'or drop them here; each file is an article of its own, and from a web page only the article’s text is taken.',
    'files.remove': 'Remove',
    'files.remove.label': (name) => `Remove ${name}`,
    'files.binary': (name, at) => `“${name}” is a binary file, not text (zero byte at ${at}).`,
    'files.not_utf8': (name) => `“${name}” is not UTF-8 text; save it as UTF-8 and try again.`,
    'files.not_charset': (name, charset) => `“${name}” is not valid text in the encoding the page declares (${charset}).`,
    'files.empty': (name) => `“${name}” is empty.`,
    'files.no_article': (name) => `No article was found in “${name}”: the page holds no text that can be read.`,
    'input.name': (n) => `Text ${n}`,
    'analyze': 'Analyze',
    'demo': 'Try a demo article',
    'cancel': 'Cancel',
    'progress': 'Analysis progress',
    'error.no_text': 'There is no text to analyze: paste an article or open a file first.',
    'error.surrogate': (n) => `Text ${n} holds invalid characters (a lone UTF-16 surrogate); it cannot be analyzed.`,
    'error.cancelled': 'The analysis was cancelled.',
    'error.worker': (why) => `The analyzer stopped (${why}). It was restarted; your text is kept: analyze again.`,
    'error.unknown': 'unknown error',
    'error.title': 'Error',
    'error.invalid_utf8': 'The text is not valid UTF-8',
    'error.binary_data': 'This is a binary file, not text',
    'error.empty_input': 'The text is empty',
    'error.input_too_large': 'The text is larger than the limit',
    'error.invalid_argument': 'Invalid request',
    'error.cancelled.code': 'The analysis was cancelled',
    'error.internal': 'Internal error in the analyzer',
    'error.unsupported': 'This browser cannot run the analyzer: it needs WebAssembly with 128-bit SIMD (Chrome and Edge 91, Firefox 89, Safari 16.4 or later)',
    'result.title': 'Result',
    'stat.documents': 'Articles',
    'stat.sentences': 'Sentences',
    'stat.words': 'Words',
    'stat.tokens': 'Tokens',
    'stat.time': 'Time',
    'stat.ms': (n) => `${n} ms`,
    'export.title': 'Download',
    'export.csv': 'CSV (entities)',
    'summary.title': 'Summary',
    'quotes.title': 'Who said what',
    'quotes.unknown': 'unknown speaker',
    'sources.title': 'Sources cited',
    'timeline.title': 'Timeline',
    'figures.title': 'Figures the sources give differently',
    'type.DATE': 'date',
    'type.TIME': 'time',
    'type.NUM': 'number',
    'type.QUOTE': 'quote',
    'quote.by': (speaker) => `Quote, said by ${speaker}`,
    'legend.title': 'Show in the text:',
    'tabs.label': 'Articles and the story',
    'tabs.story': 'The story across sources',
    'story.duplicate': (a, b) => `${a} nearly repeats ${b}`,
    'list.separator': '; ',
    'list.comma': ', ',
    'story.title': 'The story across all sources',
    'entities.title': 'Entities',
    'entities.hint': 'Choose an entity to mark every mention of it in the text.',
    'text.title': 'Text with entities',
    'documents.title': 'Articles',
    'documents.untitled': 'Untitled article',
    'sentences.title': 'Sentences',
    'noise.title': 'Web page noise set aside',
    'more': (n) => `Show more (${n} left)`,
    'footer': 'Works offline; all the analysis runs in your browser with WebAssembly.',
    'type.PER': 'person', 'type.LOC': 'place', 'type.ORG': 'organization', 'type.MISC': 'other',
    'block.headline': 'headline', 'block.subheadline': 'subheadline', 'block.section': 'section',
    'block.byline': 'byline or source', 'block.dateline': 'dateline',
    'block.caption': 'caption', 'block.heading': 'intertitle', 'block.paragraph': 'paragraph',
    'noise.duplicate': 'repeated line', 'noise.interface': 'interface element',
    'noise.related': 'related links', 'noise.separator': 'separator',
  },
};

let current = 'ar';

/** The interface language: 'ar' or 'en'. */
export function language() {
  return current;
}

/** The string for key in the interface language (a function's result for its args). */
export function t(key, ...args) {
  const value = STRINGS[current][key] ?? STRINGS.ar[key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

/**
 * The digits, separators and minus sign of the interface languages' number formats (ar-EG: the
 * Arabic-Indic digits, U+066C between thousands, U+066B before decimals, a minus after U+061C).
 */
const NUMBER_SYMBOLS = {
  ar: {digits: '٠١٢٣٤٥٦٧٨٩', group: '\u066C', decimal: '\u066B', minus: '\u061C-', nan: 'ليس\u00A0رقمًا'},
  en: {digits: '0123456789', group: ',', decimal: '.', minus: '-', nan: 'NaN'},
};

/**
 * The integer and fraction digits of x >= 0 as the shortest decimal that reads back as x (what
 * String(x) gives, with its exponent written out).
 */
function decimalDigits(x) {
  const s = String(x);
  const e = s.indexOf('e');
  if (e < 0) {
    const [int, frac = ''] = s.split('.');
    return [int, frac];
  }
  const [lead, rest = ''] = s.slice(0, e).split('.');
  const digits = lead + rest;
  const point = lead.length + Number(s.slice(e + 1));
  if (point <= 0) return ['0', '0'.repeat(-point) + digits];
  if (point >= digits.length) return [digits + '0'.repeat(point - digits.length), ''];
  return [digits.slice(0, point), digits.slice(point)];
}

/**
 * Formats n as Intl.NumberFormat does for ar-EG and en with its defaults (grouped thousands, at
 * most three decimals rounded half away from zero on the shortest decimal of n, no trailing
 * zeros; tests/browser/i18n.test.mjs compares the two), without making an Intl.NumberFormat: the
 * first one a page makes costs it tens of milliseconds, on the way to being ready.
 */
export function formatNumberIn(lang, n) {
  const sym = NUMBER_SYMBOLS[lang === 'en' ? 'en' : 'ar'];
  if (Number.isNaN(n)) return sym.nan;
  const sign = n < 0 || Object.is(n, -0) ? sym.minus : '';
  if (!Number.isFinite(n)) return sign + '∞';
  let [int, frac] = decimalDigits(Math.abs(n));
  if (frac.length > 3) {
    const up = frac[3] >= '5';
    let kept = int + frac.slice(0, 3);
    if (up) {
      const d = kept.split('');
      let i = d.length - 1;
      for (; i >= 0 && d[i] === '9'; --i) d[i] = '0';
      if (i >= 0) d[i] = String(Number(d[i]) + 1);
      kept = (i < 0 ? '1' : '') + d.join('');
    }
    int = kept.slice(0, -3);
    frac = kept.slice(-3);
  }
  frac = frac.replace(/0+$/, '');
  let grouped = '';
  for (let i = 0; i < int.length; ++i) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += sym.group;
    grouped += int[i];
  }
  const text = grouped + (frac ? sym.decimal + frac : '');
  return sign + text.replace(/[0-9]/g, (d) => sym.digits[d]);
}

/** Formats a number with the interface language's digits and separators. */
export function formatNumber(n) {
  return formatNumberIn(current, n);
}

/** Sets el's text from key and remembers the key, so a language switch redraws it. */
export function setText(el, key, ...args) {
  if (args.length) delete el.dataset.i18n; else el.dataset.i18n = key;
  el.textContent = t(key, ...args);
}

/** Redraws every element marked with data-i18n / data-i18n-attr under root. */
export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(',')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  }
}

/** Switches the interface (html lang and dir, every marked string) and remembers the choice. */
export function setLanguage(lang, {remember = true} = {}) {
  current = lang === 'en' ? 'en' : 'ar';
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
  document.title = t('title');
  translate();
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, current); } catch { /* storage may be off */ }
  }
}

/** The language chosen before, or Arabic. */
export function savedLanguage() {
  try { return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar'; } catch { return 'ar'; }
}
