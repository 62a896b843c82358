#include "structure/structure.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <string_view>

#include "normalize/normalize.h"

// Defined by the generated basira_interface_strings.cc (data/structure/interface.txt).
extern "C" const unsigned char basira_interface_strings[];
extern "C" const size_t basira_interface_strings_size;

namespace basira::structure {
namespace {

// How far (in non-blank lines) a page template repeats a headline or caption.
constexpr int kRepeatWindow = 8;
// Long paragraphs that must follow a repeated headline for it to open a new article.
constexpr int kBodyParagraphsForNewArticle = 3;
constexpr int kHeadlineMaxWords = 25;
constexpr int kLongParagraphWords = 15;

struct Line {
  Span span;               // trimmed, original offsets
  std::u16string key;      // match key
  std::u16string letters;  // letters only (no digits, spaces, punctuation): interface matching
  std::u16string compact;  // letters and digits: duplicate matching
  int words = 0;
  char16_t last = 0;  // last code unit of the key (its final punctuation, if any)
};

bool IsSpace(char16_t c) { return c == u' ' || c == u'\t' || c == 0x00A0 || c == 0x3000; }

Line MakeLine(const icu::UnicodeString& text, Span span) {
  Line line;
  line.span = span;
  line.key = normalize::Key(std::u16string_view(text.getBuffer() + span.start, span.length()));
  bool in_word = false;
  for (size_t i = 0; i < line.key.size();) {
    UChar32 c;
    U16_NEXT(line.key.data(), i, line.key.size(), c);
    const bool letter =
        u_isalpha(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK;
    const bool digit = u_isdigit(c);
    if (letter) {
      if (c < 0x10000) line.letters.push_back(static_cast<char16_t>(c));
    }
    if (letter || digit) {
      if (c < 0x10000) line.compact.push_back(static_cast<char16_t>(c));
      if (!in_word) ++line.words;
      in_word = true;
    } else if (IsSpace(static_cast<char16_t>(c)) || u_isUWhiteSpace(c) || c == u'-' ||
               c == 0x2013 || c == 0x2014) {
      in_word = false;
    }
  }
  if (!line.key.empty()) line.last = line.key.back();
  return line;
}

bool EndsSentence(char16_t c) {
  return c == u'.' || c == u'!' || c == u'?' || c == 0x061F || c == 0x2026 || c == u'"' ||
         c == 0x201D || c == 0x00BB || c == u')';
}

bool IsSeparator(const Line& line) {
  if (line.key.size() < 3) return false;
  for (char16_t c : line.key) {
    if (!(c == u'-' || c == u'=' || c == u'*' || c == u'_' || c == u'~' || c == 0x2014 ||
          c == 0x2013 || IsSpace(c))) {
      return false;
    }
  }
  return true;
}

// Hard-wrapped text (e-mail, plain-text wires, copies from PDF) breaks every paragraph into
// lines of nearly one width. `goes_on[i]`: line i is followed by the next after a single line
// break (not a blank line). Returns the wrap width in UTF-16 units, or 0 when the lines are not
// hard-wrapped. Two in five lines at least must go on, and only those are looked at (a
// paragraph's last line is as short as it happens to be): the width is the longest of them but the
// longest tenth (a URL may overflow it), 40 to 160 units; at least three of them, and seven in ten
// of those over half the width, reach within WrapSlack of it (natural one-line paragraphs vary far
// more in length).
constexpr int32_t kMinWrapWidth = 40;
constexpr int32_t kMaxWrapWidth = 160;
int32_t WrapSlack(int32_t width) { return std::max<int32_t>(12, width / 6); }

int32_t WrapWidth(const std::vector<Line>& lines, const std::vector<bool>& goes_on) {
  std::vector<int32_t> lengths;
  for (size_t i = 0; i < lines.size(); ++i) {
    // A line the page template repeats at once (a caption twice) is no evidence of wrapping.
    if (goes_on[i] && lines[i].compact != lines[i + 1].compact) {
      lengths.push_back(lines[i].span.length());
    }
  }
  // Most lines of hard-wrapped text go on (all but the last of each paragraph).
  if (lengths.size() < 3 || lengths.size() * 5 < lines.size() * 2) return 0;
  std::sort(lengths.begin(), lengths.end());
  const int32_t width = lengths[lengths.size() - 1 - lengths.size() / 10];
  if (width < kMinWrapWidth || width > kMaxWrapWidth) return 0;
  int full = 0, long_lines = 0;
  for (int32_t length : lengths) {
    if (length * 2 < width) continue;
    ++long_lines;
    if (length >= width - WrapSlack(width) && length <= width) ++full;
  }
  return full >= 3 && full * 10 >= long_lines * 7 ? width : 0;
}

// Whether a line ends a sentence: . ! ? ؟ … at its end, possibly inside closing quotes or
// brackets (a line that ends with a quoted or bracketed word ends no sentence by that alone).
bool LineEndsSentence(const std::u16string& key) {
  size_t end = key.size();
  while (end > 0 && (key[end - 1] == u'"' || key[end - 1] == 0x201D || key[end - 1] == 0x00BB ||
                     key[end - 1] == u')' || key[end - 1] == u'\'' || key[end - 1] == 0x2019)) {
    --end;
  }
  if (end == 0) return false;
  const char16_t c = key[end - 1];
  return c == u'.' || c == u'!' || c == u'?' || c == 0x061F || c == 0x2026;
}

// Whether the first word of line `next` would have fit at the end of `line` within `width`. A
// wrapper fills each line before it starts the next, so then `line` ended where its writer ended
// it (a headline followed by its first paragraph after a single line break), not at the wrap.
bool NextWordFits(const icu::UnicodeString& text, const Line& line, const Line& next,
                  int32_t width) {
  int32_t end = next.span.start;
  while (end < next.span.end && !u_isUWhiteSpace(text.char32At(end))) {
    end += U16_LENGTH(text.char32At(end));
  }
  return line.span.length() + 1 + (end - next.span.start) <= width;
}

// Whether a line starts a list item ("- ", "• ", "* ", "1. ", "2) "): never the rest of a
// wrapped paragraph.
bool StartsListItem(const std::u16string& key) {
  if (key.size() >= 2 &&
      (key[0] == u'-' || key[0] == 0x2022 || key[0] == u'*' || key[0] == 0x2013 ||
       key[0] == 0x2014) &&
      IsSpace(key[1])) {
    return true;
  }
  size_t i = 0;
  while (i < key.size() && i < 3 && u_isdigit(key[i])) ++i;
  return i > 0 && i + 1 < key.size() && (key[i] == u'.' || key[i] == u')' || key[i] == u'-') &&
         IsSpace(key[i + 1]);
}

// Whether a sentence ends inside the line: . ! ? ؟ followed by a space and more text (".." and
// "..." in headlines are not sentence ends).
bool HasInnerSentenceEnd(const std::u16string& key) {
  for (size_t i = 1; i + 1 < key.size(); ++i) {
    const char16_t c = key[i];
    if ((c == u'.' || c == u'!' || c == u'?' || c == 0x061F) && key[i + 1] == u' ' &&
        key[i - 1] != u'.' && !(c == u'.' && i + 1 < key.size() && key[i + 1] == u'.')) {
      return true;
    }
  }
  return false;
}

// A short line without a final full stop and holding one sentence at most: a headline,
// subheadline, intertitle or caption.
bool IsHeadlineLike(const Line& line) {
  return line.words > 0 && line.words <= kHeadlineMaxWords && line.last != u'.' &&
         line.last != u':' && line.last != 0x061B && !HasInnerSentenceEnd(line.key);
}

bool HasCredit(const Line& line);

bool IsLongParagraph(const Line& line) {
  return line.words >= kLongParagraphWords && EndsSentence(line.last) && !HasCredit(line);
}

// The words of the key after its last occurrence of `open` (or npos).
size_t LastIndexOf(const std::u16string& s, char16_t c) { return s.rfind(c); }

int CountWords(std::u16string_view s) {
  int words = 0;
  bool in_word = false;
  for (char16_t c : s) {
    const bool space = IsSpace(c) || c == u'-' || c == 0x2013 || c == 0x2014;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Ends with a photo credit: "(أ ف ب)", "(رويترز)", "- جيتي".
bool HasCredit(const Line& line) {
  const std::u16string& k = line.key;
  if (k.empty()) return false;
  if (k.back() == u')') {
    const size_t open = LastIndexOf(k, u'(');
    if (open == std::u16string::npos || open == 0) return false;
    return CountWords(std::u16string_view(k).substr(open + 1, k.size() - open - 2)) <= 3;
  }
  for (char16_t dash : {u'-', char16_t{0x2013}, char16_t{0x2014}}) {
    const size_t at = LastIndexOf(k, dash);
    if (at != std::u16string::npos && at > 0 &&
        CountWords(std::u16string_view(k).substr(at + 1)) <= 2 &&
        CountWords(std::u16string_view(k).substr(0, at)) >= 4) {
      return true;
    }
  }
  return false;
}

bool ContainsAny(const std::u16string& key, std::initializer_list<std::u16string_view> words) {
  for (std::u16string_view w : words) {
    if (key.find(w) != std::u16string::npos) return true;
  }
  return false;
}

// The longest byline in UTF-16 units: eight words of a long name and title fit well within it; a
// line past it is never a byline, whatever word it holds (a line of 1 MB without a space is one
// "word").
constexpr int32_t kMaxBylineLength = 160;

bool IsByline(const Line& line) {
  if (line.words == 0 || line.words > 8 || EndsSentence(line.last)) return false;
  if (line.span.length() > kMaxBylineLength) return false;
  if (ContainsAny(line.key, {u"ترجمه", u"بقلم", u"كتب:", u"كتبت:", u"اعداد", u"مراسل", u"خاص"})) {
    return true;
  }
  // "outlet - author": a dash between short name groups.
  return ContainsAny(line.key, {u" - ", u" – ", u" — "}) && line.words <= 6;
}

}  // namespace

Status Structurer::Create(std::unique_ptr<Structurer>* structurer) {
  std::unique_ptr<Structurer> s(new Structurer());
  Status status = facts::Extractor::Create(&s->facts_);
  if (!status.ok()) return status;
  std::string_view data(reinterpret_cast<const char*>(basira_interface_strings),
                        basira_interface_strings_size);
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    const size_t bar = line.find('|');
    if (bar == std::string_view::npos) continue;
    std::string_view kind = line.substr(0, bar);
    while (!kind.empty() && kind.back() == ' ') kind.remove_suffix(1);
    const std::string_view text = line.substr(bar + 1);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const Line l = MakeLine(u, Span{0, u.length()});
    if (kind == "interface") {
      s->interface_[l.letters] = NoiseKind::kInterface;
    } else if (kind == "related") {
      s->interface_[l.letters] = NoiseKind::kRelated;
    } else {
      return Status(ErrorCode::kInternal, "data/structure/interface.txt: unknown kind");
    }
  }
  *structurer = std::move(s);
  return Status::Ok();
}

Structure Structurer::Analyze(const icu::UnicodeString& text) const {
  // 1. Non-blank lines, trimmed.
  std::vector<Line> lines;
  const int32_t n = text.length();
  for (int32_t start = 0; start < n;) {
    int32_t end = start;
    while (end < n && text[end] != u'\n' && text[end] != u'\r' && text[end] != 0x2028 &&
           text[end] != 0x2029) {
      ++end;
    }
    int32_t s = start, e = end;
    while (s < e) {
      const UChar32 c = text.char32At(s);
      if (!u_isUWhiteSpace(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) break;
      s += U16_LENGTH(c);
    }
    while (e > s) {
      const UChar32 c = text.char32At(e - 1);
      if (!u_isUWhiteSpace(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) break;
      e -= U16_LENGTH(c);
    }
    if (e > s) lines.push_back(MakeLine(text, Span{s, e}));
    start = end + 1;
  }

  // 1b. In hard-wrapped text, a line filled to the width that ends no sentence goes on in the
  // next line (when no blank line, separator or list item comes between): they are one line,
  // whose span holds the line break, as one paragraph of the article. A line that opens a block
  // (the first, or one after a blank line or a separator) whose next line's first word would
  // have fit after it is not joined: a headline as wide as the wrap stays a headline.
  std::vector<bool> goes_on(lines.size(), false);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    int breaks = 0;
    for (int32_t k = lines[i].span.end; k < lines[i + 1].span.start; ++k) {
      const char16_t c = text[k];
      const bool crlf = c == u'\r' && k + 1 < n && text[k + 1] == u'\n';
      if (c == u'\n' || (c == u'\r' && !crlf) || c == 0x2028 || c == 0x2029) ++breaks;
    }
    goes_on[i] = breaks == 1;
  }
  if (const int32_t width = WrapWidth(lines, goes_on); width > 0) {
    std::vector<Line> joined;
    for (size_t i = 0; i < lines.size();) {
      size_t j = i;
      const bool opens = i == 0 || !goes_on[i - 1] || IsSeparator(lines[i - 1]);
      if (opens && goes_on[i] && NextWordFits(text, lines[i], lines[i + 1], width)) {
        joined.push_back(std::move(lines[i]));
        ++i;
        continue;
      }
      while (goes_on[j] && lines[j].span.length() >= width - WrapSlack(width) &&
             !LineEndsSentence(lines[j].key) && !IsSeparator(lines[j]) &&
             !IsSeparator(lines[j + 1]) && !StartsListItem(lines[j + 1].key)) {
        ++j;
      }
      joined.push_back(j == i ? std::move(lines[i])
                              : MakeLine(text, Span{lines[i].span.start, lines[j].span.end}));
      i = j + 1;
    }
    lines = std::move(joined);
  }

  // 2. Repeats: the first earlier line with the same letters and digits.
  const int count = static_cast<int>(lines.size());
  std::vector<int> repeats(count, -1);
  {
    std::unordered_map<std::u16string, int> first;
    for (int i = 0; i < count; ++i) {
      if (lines[i].compact.size() < 8) continue;
      auto [it, inserted] = first.emplace(lines[i].compact, i);
      if (!inserted) repeats[i] = it->second;
    }
  }
  auto noise_kind = [&](int i, NoiseKind* kind) {
    if (lines[i].words > 6) return false;
    auto it = interface_.find(lines[i].letters);
    if (it == interface_.end()) return false;
    *kind = it->second;
    return true;
  };
  // A new article starts at line i when its headline is repeated a few lines later (the page
  // template shows it twice) and body paragraphs follow the repeat.
  auto opens_article = [&](int i) {
    if (!IsHeadlineLike(lines[i]) || HasCredit(lines[i]) || repeats[i] >= 0) return false;
    for (int j = i + 2; j < count && j <= i + kRepeatWindow; ++j) {
      if (repeats[j] != i) continue;
      // Body paragraphs must follow before the next headline-like line: a related-links block
      // repeats its teasers' headlines too, but gives one paragraph each.
      int long_paragraphs = 0;
      for (int k = j + 1; k < count && long_paragraphs < kBodyParagraphsForNewArticle; ++k) {
        if (IsLongParagraph(lines[k])) {
          ++long_paragraphs;
        } else if (repeats[k] < 0 && !HasCredit(lines[k]) && IsHeadlineLike(lines[k])) {
          break;
        }
      }
      return long_paragraphs >= kBodyParagraphsForNewArticle;
    }
    return false;
  };

  // A run of body paragraphs (three long ones in a row, captions and repeats aside) is an
  // article, never related-links teasers, which come one paragraph at a time.
  auto opens_body = [&](int i) {
    int run = 0;
    for (int k = i; k < count && run < kBodyParagraphsForNewArticle; ++k) {
      if (IsLongParagraph(lines[k])) {
        ++run;
      } else if (repeats[k] < 0 && !HasCredit(lines[k])) {
        break;
      }
    }
    return run >= kBodyParagraphsForNewArticle && IsLongParagraph(lines[i]);
  };

  // 3. Documents and noise, in one pass.
  Structure out;
  std::vector<std::vector<int>> doc_lines;
  bool in_related = false;
  int related_start = -1;
  int paragraphs_in_doc = 0;
  auto close_doc = [&] { paragraphs_in_doc = 0; };
  for (int i = 0; i < count; ++i) {
    const Line& line = lines[i];
    NoiseKind kind;
    if (IsSeparator(line)) {
      out.noise.push_back(Noise{0, NoiseKind::kSeparator, line.span, Span{}});
      in_related = false;
      close_doc();
      doc_lines.emplace_back();
      continue;
    }
    if (in_related) {
      const bool body = opens_body(i);
      if (!opens_article(i) && !body) {
        out.noise.back().span.end = line.span.end;
        continue;
      }
      // An article starts here; when it is a run of body paragraphs, a headline-like line right
      // before it is its headline, taken back from the related block.
      in_related = false;
      close_doc();
      doc_lines.emplace_back();
      if (body && i - 1 > related_start && IsHeadlineLike(lines[i - 1]) &&
          !HasCredit(lines[i - 1]) && repeats[i - 1] < 0) {
        out.noise.back().span.end = lines[i - 2].span.end;
        doc_lines.back().push_back(i - 1);
      }
    } else if (noise_kind(i, &kind)) {
      if (kind == NoiseKind::kRelated) {
        in_related = true;
        related_start = i;
        close_doc();
        doc_lines.emplace_back();
      }
      out.noise.push_back(Noise{0, kind, line.span, Span{}});
      continue;
    } else if (repeats[i] >= 0) {
      out.noise.push_back(Noise{0, NoiseKind::kDuplicate, line.span, lines[repeats[i]].span});
      continue;
    } else if (paragraphs_in_doc >= kBodyParagraphsForNewArticle && opens_article(i)) {
      close_doc();
      doc_lines.emplace_back();
    }
    if (doc_lines.empty()) doc_lines.emplace_back();
    doc_lines.back().push_back(i);
    if (IsLongParagraph(line)) ++paragraphs_in_doc;
  }

  // 4. Block kinds within each document.
  for (const std::vector<int>& members : doc_lines) {
    if (members.empty()) continue;
    Document doc;
    doc.span = Span{lines[members.front()].span.start, lines[members.back()].span.end};
    const int m = static_cast<int>(members.size());
    std::vector<BlockKind> kinds(m, BlockKind::kParagraph);
    std::vector<bool> decided(m, false);
    // The head of the article: the blocks before its first long paragraph (at most 8).
    int head = 0;
    while (head < m && head < 8 && !IsLongParagraph(lines[members[head]])) ++head;
    for (int b = 0; b < head; ++b) {
      const Line& line = lines[members[b]];
      if (!doc.has_dateline && ParseDateline(line.key, &doc.dateline)) {
        doc.has_dateline = true;
        doc.dateline.span = line.span;
        kinds[b] = BlockKind::kDateline;
        decided[b] = true;
      } else if (IsByline(line)) {
        kinds[b] = BlockKind::kByline;
        decided[b] = true;
      }
    }
    for (int b = 0; b < m; ++b) {
      if (!decided[b] && HasCredit(lines[members[b]]) && lines[members[b]].words <= 30) {
        kinds[b] = BlockKind::kCaption;
        decided[b] = true;
      }
    }
    int headline = -1;
    for (int b = 0; b < std::min(m, 6); ++b) {
      if (decided[b]) continue;
      if (!IsHeadlineLike(lines[members[b]])) break;
      headline = b;
      break;
    }
    if (headline >= 0) {
      // A very short line just above the headline is a rubric.
      if (headline + 1 < m && !decided[headline + 1] && lines[members[headline]].words <= 3 &&
          IsHeadlineLike(lines[members[headline + 1]]) && lines[members[headline + 1]].words > 3) {
        kinds[headline] = BlockKind::kSection;
        decided[headline] = true;
        ++headline;
      }
      kinds[headline] = BlockKind::kHeadline;
      decided[headline] = true;
      const int next = headline + 1;
      if (next < m && !decided[next] && IsHeadlineLike(lines[members[next]]) &&
          lines[members[next]].words >= 4) {
        kinds[next] = BlockKind::kSubheadline;
        decided[next] = true;
      }
    }
    for (int b = 0; b < m; ++b) {
      if (decided[b]) continue;
      const Line& line = lines[members[b]];
      if (IsHeadlineLike(line) && line.words <= 10 && !EndsSentence(line.last)) {
        kinds[b] = BlockKind::kHeading;
      }
    }
    for (int b = 0; b < m; ++b) doc.blocks.push_back(Block{kinds[b], lines[members[b]].span});
    out.documents.push_back(std::move(doc));
  }
  return out;
}

}  // namespace basira::structure
