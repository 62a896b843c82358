#include "segment/segment.h"

#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>

#include "icu/icu_data.h"

namespace basira::segment {
namespace {

// White space and the invisible marks that may pad a sentence (bidi marks, ZWNJ, BOM); not
// ZWJ or variation selectors, which belong to the emoji they follow.
bool IsSpaceLike(UChar32 c) {
  if (u_isUWhiteSpace(c)) return true;
  if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) return false;
  return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

TokenKind KindOf(const icu::UnicodeString& text, Span span, int32_t rule_status) {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) {
    return TokenKind::kNumber;
  }
  if (rule_status >= UBRK_WORD_LETTER) return TokenKind::kWord;
  const UChar32 c = text.char32At(span.start);
  return u_ispunct(c) ? TokenKind::kPunctuation : TokenKind::kSymbol;
}

// The break iterator over text[range]: a read-only alias, no copy.
void SetRange(icu::BreakIterator* it, const icu::UnicodeString& text, Span range, UText* utext) {
  UErrorCode status = U_ZERO_ERROR;
  utext_openUChars(utext, text.getBuffer() + range.start, range.length(), &status);
  it->setText(utext, status);
}

bool IsLetter(UChar32 c) { return u_isalpha(c); }

// Arabic rules on top of ICU's sentence breaks: no sentence ends inside parentheses, so agency
// marks such as (أ.ف.ب) stay inside their sentence, and none ends after a one-letter initial
// with a dot (د. ، و.أ.م).
bool ShouldJoin(const icu::UnicodeString& text, Span previous) {
  // An unclosed parenthesis opened near the end: (أ.ف.ب), (و.أ.م). Far-away unclosed ones are
  // typos and must not swallow the rest of the paragraph. Only the last kMarkLength units are
  // read (from the end back), so a sentence that keeps growing is never read again whole.
  constexpr int32_t kMarkLength = 24;
  int closes = 0;
  for (int32_t i = previous.end; i-- > std::max(previous.start, previous.end - kMarkLength);) {
    if (text[i] == u')') ++closes;
    if (text[i] == u'(' && closes-- == 0) return true;
  }
  // A short Latin abbreviation (Ltd. Inc. Dr.), possibly inside closing marks: ICU would only
  // continue before a lowercase letter, which Arabic text never has.
  {
    int32_t end = previous.end;
    while (end > previous.start && (text[end - 1] == u')' || text[end - 1] == 0x00BB ||
                                    text[end - 1] == u'"' || text[end - 1] == 0x201D)) {
      --end;
    }
    if (end - 1 > previous.start && text[end - 1] == u'.') {
      int32_t k = end - 1;
      while (k > previous.start && end - 1 - k < 4 &&
             ((text[k - 1] >= u'a' && text[k - 1] <= u'z') ||
              (text[k - 1] >= u'A' && text[k - 1] <= u'Z'))) {
        --k;
      }
      const int32_t letters = end - 1 - k;
      if (letters >= 2 && letters <= 3 && text[k] >= u'A' && text[k] <= u'Z' &&
          (k == previous.start || !u_isalpha(text.char32At(k - 1)))) {
        return true;
      }
    }
  }
  if (previous.length() >= 2 && text[previous.end - 1] == u'.') {
    const UChar32 before = text.char32At(previous.end - 2);
    const int32_t at = previous.end - 1 - U16_LENGTH(before);  // where `before` starts
    if (!IsLetter(before) || (at > previous.start && IsLetter(text.char32At(at - 1)))) {
      return false;
    }
    // "1950 م." and "1445 هـ." end sentences: an era letter after a number is no initial.
    int32_t k = at - 1;
    while (k > previous.start && text[k] == u' ') --k;
    return !(k >= previous.start && u_isdigit(text.char32At(k)));
  }
  return false;
}

// Whether a single line break (and spaces; not a blank line) lies between two sentences and the
// first ends with no sentence-final mark (inside closing quotes or brackets or not): the line break
// is a hard wrap inside one paragraph (the structure stage gives a hard-wrapped paragraph as one
// block), not the end of a sentence.
bool WrappedLine(const icu::UnicodeString& text, Span previous, Span next) {
  int32_t end = previous.end;
  while (end > previous.start &&
         (text[end - 1] == u'"' || text[end - 1] == 0x201D || text[end - 1] == 0x00BB ||
          text[end - 1] == u')' || text[end - 1] == u'\'' || text[end - 1] == 0x2019)) {
    --end;
  }
  if (end == previous.start) return false;
  const char16_t last = text[end - 1];
  if (last == u'.' || last == u'!' || last == u'?' || last == 0x061F || last == 0x2026) {
    return false;
  }
  int breaks = 0;
  for (int32_t i = previous.end; i < next.start; ++i) {
    const char16_t c = text[i];
    const bool crlf = c == u'\r' && i + 1 < next.start && text[i + 1] == u'\n';
    if (c == u'\n' || (c == u'\r' && !crlf) || c == 0x2028 || c == 0x0085) ++breaks;
    if (c == 0x2029) breaks += 2;  // a paragraph separator is never a wrap
  }
  return breaks == 1;
}

// Whether `next` starts with a one-letter initial and its dot (the م. of ق.م.): the break before
// it cut an abbreviation in two.
bool StartsWithInitial(const icu::UnicodeString& text, Span next) {
  if (next.length() < 2) return false;
  const UChar32 c = text.char32At(next.start);
  const int32_t after = next.start + U16_LENGTH(c);
  return IsLetter(c) && after < next.end && text[after] == u'.';
}

// The Arabic names of Latin letters that spell an abbreviation with dots (بي. بي. سي، سي. إن.
// إن، كي. جي. بي.), without the ones that are also common words (في، أو، إن، ال ...).
bool LetterName(std::u16string_view word) {
  static const char16_t* const kNames[] = {u"بي",  u"سي",  u"دي",  u"إف",  u"اف",  u"جي", u"إتش",
                                           u"اتش", u"جيه", u"كيه", u"كي",  u"إل",  u"إم", u"ام",
                                           u"كيو", u"آر",  u"إس",  u"اس",  u"تي",  u"يو", u"إكس",
                                           u"اكس", u"واي", u"زد",  u"إيه", u"ايه", u"إي"};
  for (const char16_t* name : kNames) {
    if (word == name) return true;
  }
  return false;
}

// The word of `text` that ends at `end` (letters only), or "" when text[end - 1] is no letter.
std::u16string_view WordBefore(const icu::UnicodeString& text, int32_t from, int32_t end) {
  int32_t k = end;
  while (k > from && u_isalpha(text[k - 1])) --k;
  return std::u16string_view(reinterpret_cast<const char16_t*>(text.getBuffer()) + k, end - k);
}

// The letter names that are also common words (إن "that", أو "or", في "in"): letters only when a
// dot follows them.
bool AmbiguousLetterName(std::u16string_view word) {
  return word == u"إن" || word == u"ان" || word == u"أو" || word == u"او" || word == u"في" ||
         word == u"آي" || word == u"اي";
}

// Whether the break between `previous` and `next` falls inside an abbreviation spelled with
// Arabic letter names and dots (بي. بي. سي، الكي. جي. بي.، سي. إن. إن.): `previous` ends in a
// letter name (with the article or not) and its dot, and `next` starts with another letter name,
// followed by a dot when it is also a common word.
bool InsideSpelledAbbreviation(const icu::UnicodeString& text, Span previous, Span next) {
  if (previous.length() < 3 || text[previous.end - 1] != u'.') return false;
  std::u16string_view last = WordBefore(text, previous.start, previous.end - 1);
  if (last.size() > 2 && last.substr(0, 2) == u"ال") last.remove_prefix(2);
  if (!LetterName(last) && !AmbiguousLetterName(last)) return false;
  int32_t k = next.start;
  while (k < next.end && u_isalpha(text[k])) ++k;
  const std::u16string_view first(reinterpret_cast<const char16_t*>(text.getBuffer()) + next.start,
                                  k - next.start);
  return LetterName(first) || (AmbiguousLetterName(first) && k < next.end && text[k] == u'.');
}

}  // namespace

Span Trim(const icu::UnicodeString& text, Span span) {
  while (span.start < span.end) {
    const UChar32 c = text.char32At(span.start);
    if (!IsSpaceLike(c)) break;
    span.start += U16_LENGTH(c);
  }
  while (span.end > span.start) {
    const UChar32 c = text.char32At(span.end - 1);
    if (!IsSpaceLike(c)) break;
    span.end -= U16_LENGTH(c);
  }
  return span;
}

Status Segmenter::Create(std::unique_ptr<Segmenter>* segmenter) {
  Status loaded = icu_data::Load();
  if (!loaded.ok()) return loaded;
  std::unique_ptr<Segmenter> s(new Segmenter());
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale arabic("ar");
  s->sentences_.reset(icu::BreakIterator::createSentenceInstance(arabic, status));
  s->words_.reset(icu::BreakIterator::createWordInstance(arabic, status));
  if (U_FAILURE(status) || !s->sentences_ || !s->words_) {
    return Status(ErrorCode::kInternal,
                  std::string("cannot load ICU break rules: ") + u_errorName(status));
  }
  *segmenter = std::move(s);
  return Status::Ok();
}

Segmenter::Session::Session(const Segmenter& segmenter)
    : sentences_(segmenter.sentences_->clone()), words_(segmenter.words_->clone()) {}

void Segmenter::Session::Sentences(const icu::UnicodeString& text, Span range,
                                   std::vector<Span>* out) {
  UText utext = UTEXT_INITIALIZER;
  const size_t first = out->size();
  SetRange(sentences_.get(), text, range, &utext);
  int32_t start = sentences_->first();
  for (int32_t end = sentences_->next(); end != icu::BreakIterator::DONE;
       start = end, end = sentences_->next()) {
    const Span s = Trim(text, Span{range.start + start, range.start + end});
    if (s.length() == 0) continue;
    if (!out->empty() && out->size() > first &&
        (ShouldJoin(text, out->back()) || StartsWithInitial(text, s) ||
         InsideSpelledAbbreviation(text, out->back(), s) || WrappedLine(text, out->back(), s))) {
      out->back().end = s.end;
    } else {
      out->push_back(s);
    }
  }
  utext_close(&utext);
}

void Segmenter::Session::Tokens(const icu::UnicodeString& text, Span range,
                                std::vector<TokenSpan>* out) {
  UText utext = UTEXT_INITIALIZER;
  SetRange(words_.get(), text, range, &utext);
  int32_t start = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       start = end, end = words_->next()) {
    // ICU gives runs of spaces, single punctuation marks and whole emoji sequences (with ZWJ,
    // modifiers, flags) as one break each, and keeps invisible format marks (bidi controls, BOM)
    // with the word before them: whatever is left after trimming those is one token.
    const Span s = Trim(text, Span{range.start + start, range.start + end});
    if (s.length() > 0) out->push_back({s, KindOf(text, s, words_->getRuleStatus())});
  }
  utext_close(&utext);
}

}  // namespace basira::segment
