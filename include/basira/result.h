// The analysis of one request, as plain values. The JSON writer (basira/json.h) writes exactly
// this structure; docs/schema.json documents it.
//
// Offsets: every Span is [start, end) in UTF-16 code units into the ORIGINAL text of the input
// named by `input` (what JavaScript's String.prototype.slice uses), so that
//   inputs[input].text.slice(span.start, span.end) == the text the span claims.
// No stage ever reports an offset into a normalized or otherwise rewritten copy of the text.
#ifndef BASIRA_RESULT_H_
#define BASIRA_RESULT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace basira {

struct Span {
  int32_t start = 0;
  int32_t end = 0;
  int32_t length() const { return end - start; }
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

// One text given to Analyze, in the order given (the CLI's FILE arguments, the page's texts).
struct InputInfo {
  std::string name;    // a file name, "-" for standard input, or what the caller chose
  int64_t bytes = 0;   // UTF-8 length
  int32_t length = 0;  // UTF-16 length: every span of this input lies within [0, length]
};

// What a block (a line or paragraph of an article) is, as a reader would cut the article.
enum class BlockKind {
  kHeadline,     // the article's title
  kSubheadline,  // a second title line right after the headline
  kSection,      // a rubric above the headline (سياسة دولية)
  kByline,       // author / outlet / translator line (المواطن - ترجمة: ...)
  kDateline,     // the publication date (and time) line
  kCaption,      // an image caption, usually ending with a credit: (أ ف ب), - جيتي
  kHeading,      // a short intertitle inside the body
  kParagraph,    // body text
};
const char* BlockKindName(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Span span;
};

// The publication date and time an article's dateline gives (Gregorian).
struct Dateline {
  Span span;
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = -1;  // -1 when the dateline has no time
};

// One article. An input holding several (explicit separators, a trailing unrelated article)
// gives several documents; related-links blocks between them are noise, not documents.
struct Document {
  int32_t input = 0;
  Span span;
  std::vector<Block> blocks;  // in order, within span; noise lines are not blocks
  bool has_dateline = false;
  Dateline dateline;
};

// Web noise: flagged, never deleted, so later stages skip it and the page can grey it out.
enum class NoiseKind {
  kDuplicate,  // a line repeating an earlier one (captions and headlines the page template repeats)
  kInterface,  // interface strings: اظهار أخبار متعلقة، التعليقات (0)، شارك، TT
  kRelated,    // a related-links block: its heading and every teaser up to the next article
  kSeparator,  // an explicit article separator line (---)
};
const char* NoiseKindName(NoiseKind kind);

struct Noise {
  int32_t input = 0;
  NoiseKind kind = NoiseKind::kInterface;
  Span span;
  Span original;  // for kDuplicate: the earlier line it repeats; else empty
};

struct Sentence {
  int32_t input = 0;
  int32_t document = 0;  // index into Result::documents
  Span span;             // trimmed: never starts or ends with whitespace; within one block
  BlockKind block = BlockKind::kParagraph;  // the kind of block it lies in
};

enum class TokenKind { kWord, kNumber, kPunctuation, kSymbol };
const char* TokenKindName(TokenKind kind);

struct Token {
  int32_t input = 0;
  int32_t sentence = 0;  // index into Result::sentences
  Span span;
  TokenKind kind = TokenKind::kWord;
  // Clitic segmentation of Arabic words: the stem and the clitics around it tile `span`.
  Span stem;                     // equals span when nothing was split off
  std::vector<Span> proclitics;  // و ف ب ل ك س ال ... before the stem, in order
  std::vector<Span> enclitics;   // ه ها هم ... after the stem
};

// PER people; LOC places (countries, cities, regions, sites); ORG organizations (state bodies,
// armed forces, parties, agencies, outlets, companies); MISC other names (events, works,
// products, weapons systems, laws).
enum class EntityType { kPerson, kLocation, kOrganization, kMisc };
const char* EntityTypeName(EntityType type);  // "PER", "LOC", "ORG", "MISC"

enum class MentionKind {
  kName,  // the entity's name or a variant of it (فلاديمير بوتين, بوتين in a lexicon)
  kAlias,  // a short form the text itself licenses: a surname once the full name was seen
  kTitle,  // a title that names the entity in this story (الرئيس الروسي, once the text says
           // الرئيس الروسي فلاديمير بوتين)
};
const char* MentionKindName(MentionKind kind);

struct Mention {
  int32_t input = 0;
  int32_t sentence = 0;  // index into Result::sentences
  Span span;             // never includes a proclitic (لروسيا -> روسيا)
  MentionKind kind = MentionKind::kName;
};

// One referent across all inputs of a request.
struct Entity {
  EntityType type = EntityType::kPerson;
  std::string name;     // canonical Arabic name (lexicon canonical, else the fullest mention)
  std::string latin;    // lexicon English/Latin name, else a readable romanization
  double salience = 0;  // in (0, 1]: 1 for the most salient entity of the request
  std::vector<Mention> mentions;  // in text order
};

// Who said what (src/quotes).
enum class QuoteKind {
  kDirect,    // the speaker's own words, in quotation marks or after a colon
  kIndirect,  // reported speech: قال فلان إن ...
};
const char* QuoteKindName(QuoteKind kind);  // "direct", "indirect"

struct Quote {
  int32_t input = 0;
  int32_t sentence = 0;  // the sentence the quote starts in
  Span span;             // the quoted words, without quotation marks, colon or final stop
  QuoteKind kind = QuoteKind::kDirect;
  int32_t speaker = -1;    // index into Result::entities; -1 when the speaker is no entity
  Span speaker_span;       // the words naming the speaker (a mention, or a description such as
                           // مسؤول روسي, for an inherited described speaker the words that
                           // described them first); empty when the text names no one there
  Span verb;               // the reporting verb (قال، أضاف ...); empty when there is none
  bool inherited = false;  // the speaker carried over from the previous quote (وأضاف: «...»)
};

// One place where a text cites an entity as its source.
struct Citation {
  int32_t input = 0;
  int32_t sentence = 0;
  Span span;  // the entity's mention
};

// An entity the texts cite (بحسب وكالة ...، قالت صحيفة ...), with every citation.
struct Source {
  int32_t entity = 0;               // index into Result::entities
  std::vector<Citation> citations;  // in input and text order
};

// One sentence of an extractive summary: a sentence of Result::sentences, as it stands.
struct SummarySentence {
  int32_t sentence = 0;  // index into Result::sentences
  int32_t input = 0;
  Span span;         // the sentence's span
  double score = 0;  // in [0, 1], rounded to 4 decimals
};

// A key phrase of a document: one to three adjacent content words, or an entity's name.
struct Keyphrase {
  std::string key;    // normalized: the words' clitic stems as match keys, space-joined
  double score = 0;   // in (0, 1], 1 for the document's best phrase; rounded to 4 decimals
  int32_t count = 0;  // occurrences in the document
  int32_t input = 0;
  Span span;            // the first occurrence, without proclitics (و، ب، ل ...)
  int32_t entity = -1;  // index into Result::entities when the phrase is an entity's name
};

// The summary and key phrases of one document.
struct DocumentSummary {
  int32_t document = 0;  // index into Result::documents
  int32_t input = 0;
  std::vector<SummarySentence> sentences;  // in text order
  std::vector<Keyphrase> keyphrases;       // best first
};

// A sentence of the story summary, with every sentence of other documents that says the same.
struct StorySentence {
  int32_t sentence = 0;  // the group's representative, index into Result::sentences
  int32_t input = 0;
  int32_t document = 0;
  Span span;
  double score = 0;                // rounded to 4 decimals
  std::vector<int32_t> support;    // the inputs that say it, ascending
  std::vector<int32_t> documents;  // the documents that say it, ascending
  std::vector<int32_t> sentences;  // every sentence of the group, ascending
  // Only one document (near duplicates counted once) says it: one of at most
  // kMaxSingleSource entries appended after the shared ones, for what one outlet alone reports.
  bool single_source = false;
};

// A document that nearly repeats an earlier one (the same wire story in two outlets).
struct DuplicateDocument {
  int32_t document = 0;  // the later document
  int32_t input = 0;
  int32_t duplicate_of = 0;  // the earlier document it repeats
  int32_t duplicate_of_input = 0;
  double similarity = 0;  // Jaccard of word 5-shingles, rounded to 4 decimals
};

// What a date expression is: a point or period in time (DATE), a clock time with or without its
// day (TIME), or a length of time (DURATION).
enum class DateType { kDate, kTime, kDuration };
const char* DateTypeName(DateType type);  // "DATE", "TIME", "DURATION"

// One date, time or duration in the text (data: src/facts).
struct DateMention {
  int32_t input = 0;
  int32_t sentence = 0;  // index into Result::sentences
  Span span;             // never includes a proclitic (وأمس -> أمس)
  DateType type = DateType::kDate;
  // ISO 8601 at the expression's granularity: "2023" (year), "2023-09" (month), "2023-W36"
  // (week), "2023-09-13" (day), "2023-09-13T23:38" (date and time), "T23:38" (a time alone);
  // "XXXX-09-13" when the year is unknown; durations "P18M", "PT2H", "P4Y". Empty when a relative
  // expression could not be resolved (no dateline).
  std::string value;
  bool hijri = false;       // the text gives a Hijri date (value is converted, Umm al-Qura)
  std::string hijri_value;  // the Hijri date as given: "1445-03-01", "1445-03", "1445"
  bool relative = false;    // resolved (or to be resolved) against the article's date
  std::string anchor;       // for resolved relative dates: the dateline value they used
  std::string relation;     // for relative dates: "day-1", "week+0", "year-4", "tuesday-last"
};

// What a number counts.
enum class NumberKind { kCardinal, kOrdinal, kMoney, kPercent, kMeasure, kDuration };
const char* NumberKindName(NumberKind kind);

// One number or quantity in the text (data: src/facts).
struct NumberMention {
  int32_t input = 0;
  int32_t sentence = 0;
  Span span;  // the number with its currency, percent sign or unit; never the counted noun
  NumberKind kind = NumberKind::kCardinal;
  double value = 0;
  std::string unit;  // the currency, unit or counted noun as written (قذيفة, دولار, ملم)
  std::string currency;  // ISO 4217 code for money when known (USD, EUR, RUB)
  std::string qualifier;  // نحو، أكثر من، حوالي ... as written, when the text hedges the number
};

// One dated event of the timeline (src/story): a date with an absolute ISO value and the sentence
// that holds it, with every sentence of the request that reports the same event on that date.
struct TimelineEvent {
  std::string value;        // the date's ISO value ("2023-09-13", "2023-09", "2023-W36", "2023")
  std::string granularity;  // "year", "month", "week", "day" or "minute"
  int32_t date = 0;         // index into Result::dates: the representative's date mention
  int32_t sentence = 0;     // the representative (the earliest report), index into sentences
  int32_t input = 0;
  int32_t document = 0;
  Span span;                       // the sentence's span
  Span date_span;                  // the date mention's span
  std::vector<int32_t> support;    // the inputs that report it, ascending
  std::vector<int32_t> documents;  // the documents that report it, ascending
  std::vector<int32_t> sentences;  // every sentence reporting it, ascending
  // Dates (indices into Result::dates, ascending) in the event's sentences that do not give its
  // value: how the other reports date it, when they differ (الأسبوع الماضي against هذا الشهر).
  std::vector<int32_t> other_dates;
};

// One document's value of a compared figure.
struct FigureValue {
  int32_t number = 0;  // index into Result::numbers
  int32_t input = 0;
  int32_t document = 0;
  int32_t sentence = 0;
  Span span;  // the number's span
  double value = 0;
  std::string qualifier;         // the hedge as written (نحو، أكثر من), when there is one
  std::vector<int32_t> sources;  // entities the sentence cites or quotes, ascending
};

// The same counted thing given by several documents with different values (or the same value on
// different sources): what outlets disagree on.
struct Figure {
  std::string key;  // what is counted: the counted noun's or unit's match key, singular
  NumberKind kind = NumberKind::kCardinal;
  std::string unit;                 // the unit or counted noun as first written
  std::string currency;             // for money, when known
  bool agree = false;               // every value is the same (then the sources differ)
  std::vector<FigureValue> values;  // in document and text order
};

struct Story {
  std::vector<StorySentence> summary;  // best first; empty for fewer than two documents
  std::vector<DuplicateDocument> duplicates;
  std::vector<TimelineEvent> timeline;  // chronological; for one document too
  std::vector<Figure> figures;          // by key; empty for fewer than two documents
};

struct Stats {
  int64_t words = 0;   // tokens of kind word or number
  int64_t tokens = 0;  // all tokens, whether or not Result::tokens was filled
};

struct Result {
  std::vector<InputInfo> inputs;
  std::vector<Document> documents;
  std::vector<Noise> noise;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;               // filled only when Options::tokens is set
  std::vector<Entity> entities;            // by salience, most salient first
  std::vector<DateMention> dates;          // in text order
  std::vector<NumberMention> numbers;      // in text order
  std::vector<Quote> quotes;               // in input and text order
  std::vector<Source> sources;             // most cited first
  std::vector<DocumentSummary> summaries;  // one per document, in document order
  Story story;
  Stats stats;
};

}  // namespace basira

#endif  // BASIRA_RESULT_H_
