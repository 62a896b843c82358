#include "resolve/resolve.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "table/table.h"

namespace basira::resolve {
namespace {

constexpr int kHeadlineWeight = 3;
constexpr int kLeadWeight = 2;
constexpr int kLeadSentences = 2;  // the first paragraph sentences of a document that count as lead
constexpr int kTypes = 4;          // EntityType's values
// How many sentences from a mention of a person by name a word alone may be that person's
// surname, in an input that names the person: an article's length. Beyond it, in a long input of
// many articles, the word is as often another's name or a common word (الأسد "the lion", an
// article about animals far after one about Bashar al-Assad).
constexpr int32_t kSurnameReach = 30;

struct Proto {
  EntityType type = EntityType::kPerson;
  int32_t entry = -1;
  std::u16string key;  // the fullest name key seen
  std::vector<Mention> mentions;
  int merged_into = -1;
};

std::u16string LastWord(const std::u16string& key) {
  const size_t space = key.rfind(u' ');
  return space == std::u16string::npos ? key : key.substr(space + 1);
}

std::u16string EntityKey(const recognize::Candidate& c) {
  if (c.entry >= 0)
    return u"E" + std::u16string(1, static_cast<char16_t>(c.entry & 0xFFFF)) +
           std::u16string(1, static_cast<char16_t>(c.entry >> 16));
  return std::u16string(1, static_cast<char16_t>(u'0' + static_cast<int>(c.type))) + u":" + c.key;
}

// The text of a name as one line: each run of white space (a line break where a hard-wrapped
// line cut the name, a double space) is one space.
std::string NameText(const icu::UnicodeString& text, Span s) {
  icu::UnicodeString name;
  bool space = false;
  for (int32_t i = s.start; i < s.end;) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      space = true;
      continue;
    }
    if (space && !name.isEmpty()) name.append(u' ');
    space = false;
    name.append(c);
  }
  std::string out;
  name.toUTF8String(out);
  return out;
}

// Arabic letter -> Latin, for names no lexicon spells: consonants plainly, long vowels as vowels.
const char* Latin(UChar32 c, bool word_start, UChar32 previous) {
  switch (c) {
    case 0x0627:
    case 0x0623:
    case 0x0622:
    case 0x0671:
      return "a";
    case 0x0625:
      return "i";
    case 0x0628:
      return "b";
    case 0x062A:
      return "t";
    case 0x062B:
      return "th";
    case 0x062C:
      return "j";
    case 0x062D:
      return "h";
    case 0x062E:
      return "kh";
    case 0x062F:
      return "d";
    case 0x0630:
      return "dh";
    case 0x0631:
      return "r";
    case 0x0632:
      return "z";
    case 0x0633:
      return "s";
    case 0x0634:
      return "sh";
    case 0x0635:
      return "s";
    case 0x0636:
      return "d";
    case 0x0637:
      return "t";
    case 0x0638:
      return "z";
    case 0x0639:
      return "'";
    case 0x063A:
      return "gh";
    case 0x0641:
      return "f";
    case 0x0642:
      return "q";
    case 0x0643:
      return "k";
    case 0x0644:
      return "l";
    case 0x0645:
      return "m";
    case 0x0646:
      return "n";
    case 0x0647:
      return "h";
    case 0x0629:
      return "a";
    case 0x0649:
      return "a";
    case 0x0621:
    case 0x0624:
    case 0x0626:
      return "'";
    case 0x0648:
      return (word_start || previous == 0x0627) ? "w" : "u";
    case 0x064A:
      return (word_start || previous == 0x0627) ? "y" : "i";
    default:
      return nullptr;
  }
}

// The words of a name (NameText: one space between them).
std::vector<std::string_view> Words(const std::string& name) {
  std::vector<std::string_view> words;
  for (size_t at = 0; at < name.size();) {
    size_t space = name.find(' ', at);
    if (space == std::string::npos) space = name.size();
    if (space > at) words.push_back(std::string_view(name).substr(at, space - at));
    at = space + 1;
  }
  return words;
}

// The Latin of a Korean name by its shape (جو تشون ريونغ -> Jo Chun Ryong), from the spellings
// of data/lexicon/korean_names.txt; empty when `name` is not one.
std::string KoreanLatin(const recognize::Recognizer& recognizer, const std::string& name) {
  const std::vector<std::string_view> words = Words(name);
  if (words.size() != 3) return "";
  std::string latin;
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string* part = recognizer.KoreanLatin(recognize::NameKey(words[k]), k == 0);
    if (part == nullptr) return "";
    latin += (k ? " " : "") + *part;
  }
  return latin;
}

// The Latin of a name the lexicons do not list as a whole, from the Latin the lexicons give its
// parts (روسيا 1 -> Russia 1: a channel named after a country), the longest part first, when
// its Arabic words are all in such parts; other words (numbers, in ASCII digits, and Latin) are
// kept. Empty when a part is missing: a half-translated name (Tiran Gulf for طيران الخليج) reads
// worse than the romanization.
std::string LatinWithParts(const recognize::Recognizer& recognizer, const std::string& name) {
  constexpr size_t kMostWords = 4;
  const std::vector<std::string_view> words = Words(name);
  std::string latin;
  bool any = false;
  // The entry words [i, i + len) name together, or -1.
  auto part = [&](size_t i, size_t len) {
    const char* from = words[i].data();
    const char* to = words[i + len - 1].data() + words[i + len - 1].size();
    return recognizer.FindName(recognize::NameKey(std::string_view(from, to - from)));
  };
  for (size_t i = 0; i < words.size();) {
    size_t len = std::min(kMostWords, words.size() - i);
    int32_t entry = -1;
    while (len > 0 && (entry = part(i, len)) < 0) --len;
    if (!latin.empty()) latin += ' ';
    if (entry >= 0) {
      latin += recognizer.entry(entry).latin;
      any = true;
      i += len;
      continue;
    }
    // Kept: Latin letters and digits, Arabic-Indic digits as ASCII ones (روسيا ٢٤ -> Russia 24).
    const icu::UnicodeString word = icu::UnicodeString::fromUTF8(words[i]);
    for (int32_t k = 0; k < word.length(); ++k) {
      const char16_t c = word[k];
      if (c < 0x80) {
        latin += static_cast<char>(c);
      } else if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) {
        latin += static_cast<char>('0' + (c & 0xF));
      } else {
        return "";  // an Arabic word the lexicons do not name: no Latin of parts
      }
    }
    ++i;
  }
  return any ? latin : "";
}

// The English of an organization's name no lexicon lists, from the words organizations' names
// are made of (data/lexicon/org_words.txt): a head, a noun it governs, adjectives, then ل and a
// noun with its adjectives (and more after و), or ل and a noun in construct with a listed name.
// English puts the adjectives first, the last one outermost: المنتدى الاقتصادي الشرقي ->
// Eastern Economic Forum, وكالة الفضاء الروسية -> Russian Space Agency, المنتدى الاقتصادي العربي
// الياباني -> Arab-Japanese Economic Forum, المركز الأوكراني للتواصل
// والحوار -> Ukrainian Center for Communication and Dialogue, المعهد العالمي لدراسات كوريا
// الشمالية -> World Institute for North Korea Studies. Empty unless every word is accounted for.
std::string OrgLatin(const recognize::Recognizer& recognizer, const std::string& name) {
  using Kind = recognize::Recognizer::OrgWord;
  const std::vector<std::string_view> words = Words(name);
  const size_t n = words.size();
  if (n == 0) return "";
  // Each word's key from after a prefix of its text (the article ال, لل, ل, وال; tested on the
  // text: in a key أ is ا, and ألماني would start with an article), or empty when it has none.
  auto key_after = [&](size_t i, std::string_view prefix) {
    const std::string_view w = words[i];
    if (w.rfind(prefix, 0) != 0 || w.size() < prefix.size() + 4) return std::u16string();
    return recognize::NameKey(w.substr(prefix.size()));
  };
  std::vector<std::u16string> bare;  // without the article
  for (size_t i = 0; i < n; ++i) {
    std::u16string key = key_after(i, "ال");
    bare.push_back(key.empty() ? recognize::NameKey(words[i]) : std::move(key));
    if (bare.back().find(u' ') != std::u16string::npos) return "";  // a hyphenated word
  }
  // The English of words [i, i + len) of `kind`, the first word's key being `first`, or null.
  auto look = [&](Kind kind, size_t i, size_t len, const std::u16string& first) {
    if (first.empty() || i + len > n) return static_cast<const std::string*>(nullptr);
    std::u16string key = first;
    for (size_t k = i + 1; k < i + len; ++k) key += u' ' + bare[k];
    return recognizer.OrgWordLatin(kind, key);
  };
  // The longest word of `kind` at i (two words, then one): its English, and i moved past it.
  auto take = [&](Kind kind, size_t* i, const std::u16string& first) {
    for (size_t len : {2, 1}) {
      if (const std::string* latin = look(kind, *i, len, first)) {
        *i += len;
        return latin;
      }
    }
    return static_cast<const std::string*>(nullptr);
  };
  // Adjectives from i on, in English order (the last one first); nationalities in a row are one
  // adjective that keeps their order (العربي الياباني: Arab-Japanese).
  auto adjectives = [&](size_t* i) {
    std::string out;
    while (*i < n) {
      std::string adj;
      while (*i < n) {
        const std::string* nation = take(Kind::kNation, i, bare[*i]);
        if (nation == nullptr) break;
        adj += (adj.empty() ? "" : "-") + *nation;
      }
      if (adj.empty()) {
        const std::string* other = take(Kind::kAdjective, i, bare[*i]);
        if (other == nullptr) break;
        adj = *other;
      }
      out = out.empty() ? adj : adj + " " + out;
    }
    return out;
  };
  auto join = [](const std::string& a, const std::string& b) {
    return a.empty() ? b : b.empty() ? a : a + " " + b;
  };

  size_t i = 0;
  const std::string* head = take(Kind::kHead, &i, bare[0]);
  if (head == nullptr) return "";
  // A noun the head governs (وكالة الفضاء: Space Agency). A word that is also an adjective's
  // feminine is the adjective (الحركة الديمقراطية: Democratic Movement), except after وزارة
  // (وزارة المالية: Finance Ministry).
  std::string governed;
  if (i < n && !key_after(i, "ال").empty()) {
    static const std::u16string ministry = recognize::NameKey("وزارة");
    const bool adjective = look(Kind::kAdjective, i, 1, bare[i]) != nullptr ||
                           look(Kind::kNation, i, 1, bare[i]) != nullptr;
    if (!adjective || bare[0] == ministry) {
      if (const std::string* noun = take(Kind::kNoun, &i, bare[i])) governed = *noun;
    }
  }
  std::string latin = join(join(adjectives(&i), governed), *head);
  if (i == n) return latin;
  // ل and what the name is for.
  std::string purpose;
  std::u16string first = key_after(i, "لل");
  if (!first.empty()) {
    // للتواصل والحوار: nouns with the article, each with its adjectives.
    while (true) {
      const std::string* noun = take(Kind::kNoun, &i, first);
      if (noun == nullptr) return "";
      purpose = join(purpose.empty() ? purpose : purpose + " and", join(adjectives(&i), *noun));
      if (i >= n || (first = key_after(i, "وال")).empty()) break;
    }
  } else if (!(first = key_after(i, "ل")).empty()) {
    // لدراسات كوريا الشمالية: a noun in construct with a listed name (or a noun of two words,
    // لحقوق الإنسان).
    if (const std::string* noun = look(Kind::kNoun, i, 2, first)) {
      purpose = *noun;
      i += 2;
    } else if (const std::string* noun = look(Kind::kNoun, i, 1, first); noun && i + 1 < n) {
      const char* from = words[i + 1].data();
      const int32_t entry = recognizer.FindName(
          recognize::NameKey(std::string_view(from, name.data() + name.size() - from)));
      if (entry < 0) return "";
      purpose = recognizer.entry(entry).latin + " " + *noun;
      i = n;
    } else {
      return "";
    }
  }
  return i == n && !purpose.empty() ? latin + " for " + purpose : "";
}

// The Latin of a person's name no lexicon lists whole: its given names as data/lexicon/
// given_names.txt spells them (هالة عبدالرحمن Hala Abdulrahman; عبد الرحمن as two words too),
// the particles of a nasab (بن bin, أبو Abu ...), its family names as family_names.txt spells
// them (شادية سرحان Shadia Sarhan, سامر الخطيب Samer Al-Khatib), its other words romanized.
std::string PersonLatin(const recognize::Recognizer& recognizer, const std::string& name) {
  // The particles by their keys (أبو and ابو alike), keyed once.
  static const std::vector<std::pair<std::u16string, const char*>> kParticles = [] {
    std::vector<std::pair<std::u16string, const char*>> particles;
    for (const auto& [arabic, latin] : {std::pair<const char*, const char*>{"بن", "bin"},
                                        {"بنت", "bint"},
                                        {"ابن", "Ibn"},
                                        {"آل", "Al"},
                                        {"أبو", "Abu"}}) {
      particles.emplace_back(recognize::NameKey(arabic), latin);
    }
    return particles;
  }();
  const std::vector<std::string_view> words = Words(name);
  std::string latin;
  for (size_t i = 0; i < words.size();) {
    if (!latin.empty()) latin += ' ';
    // A given name of two words (عبد الرحمن) first, then of one.
    const std::string* given = nullptr;
    size_t len = std::min<size_t>(2, words.size() - i);
    for (; len > 0; --len) {
      const char* to = words[i + len - 1].data() + words[i + len - 1].size();
      given = recognizer.GivenLatin(
          recognize::NameKey(std::string_view(words[i].data(), to - words[i].data())));
      if (given != nullptr) break;
    }
    if (given != nullptr) {
      latin += *given;
      i += len;
      continue;
    }
    const std::u16string key = recognize::NameKey(words[i]);
    const auto particle = std::find_if(kParticles.begin(), kParticles.end(),
                                       [&key](const auto& p) { return p.first == key; });
    // A family name as data/lexicon/family_names.txt spells it, with its article (الخطيب); or
    // a given name with the article (الأحمد، العلي: Al-Ahmed, Al-Ali).
    const bool article = key.size() > 4 && key.compare(0, 2, u"ال") == 0;
    const std::u16string_view bare = article ? std::u16string_view(key).substr(2) : key;
    const std::string* family = recognizer.FamilyLatin(bare);
    if (family == nullptr && article) family = recognizer.GivenLatin(bare);
    if (particle != kParticles.end() && i > 0) {
      latin += particle->second;
    } else if (family != nullptr) {
      latin += (article ? "Al-" : "") + *family;
    } else {
      latin += Romanize(std::string(words[i]));
    }
    ++i;
  }
  return latin;
}

}  // namespace

std::string Romanize(const std::string& utf8) {
  // The letters, without marks and tatweel.
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::vector<UChar32> cps;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if ((c >= 0x064B && c <= 0x0652) || c == 0x0640) continue;
    cps.push_back(c);
  }
  auto letter = [&cps](size_t k) { return k < cps.size() && Latin(cps[k], false, 0) != nullptr; };
  auto is = [&cps](size_t k, UChar32 c) { return k < cps.size() && cps[k] == c; };
  constexpr UChar32 kAlef = 0x0627, kLam = 0x0644, kAin = 0x0639, kTeh = 0x062A, kSheen = 0x0634,
                    kNoon = 0x0646, kGhain = 0x063A, kBeh = 0x0628, kDal = 0x062F, kHeh = 0x0647,
                    kAlefHamza = 0x0623, kWaw = 0x0648, kYeh = 0x064A, kFeh = 0x0641,
                    kSeen = 0x0633, kKaf = 0x0643;
  std::string out;
  bool word_start = true;  // the next letter starts a word (or follows its article)
  UChar32 previous = 0;
  bool after_article = false;  // word_start after the word's article
  size_t word_begin = 0;       // where the word's letters begin (after its article)
  bool after_kunya = false;    // word_start after أبو (whose word's article may be short)
  auto emit = [&](std::string part) {
    if (word_start && !part.empty() && part[0] >= 'a' && part[0] <= 'z') part[0] -= 32;
    out += part;
    word_start = false;
    after_article = false;
    after_kunya = false;
  };
  for (size_t i = 0; i < cps.size(); ++i) {
    const UChar32 c = cps[i];
    if (word_start) word_begin = i;
    if (Latin(c, false, 0) == nullptr) {
      icu::UnicodeString(c).toUTF8String(out);
      word_start = c == ' ' || c == '-';
      after_article = false;
      previous = c;
      continue;
    }
    // عبدال... (عبدالرحمن، عبدالله): Abdul.
    if (word_start && c == kAin && is(i + 1, kBeh) && is(i + 2, kDal) && is(i + 3, kAlef) &&
        is(i + 4, kLam) && letter(i + 5)) {
      const bool allah = is(i + 5, kLam) && is(i + 6, kHeh) && !letter(i + 7);
      emit(allah ? "Abdullah" : "Abdul");
      i += allah ? 6 : 4;
      previous = cps[i];
      word_begin = i + 1;  // the name after عبدال is a word of its own for the endings below
      continue;
    }
    // The article of a word of three letters or more: Al-, and the word goes on capitalized.
    if (word_start && !after_article && c == kAlef && is(i + 1, kLam) && letter(i + 2) &&
        letter(i + 3) && (letter(i + 4) || after_kunya)) {
      emit("al-");
      word_start = true;
      after_article = true;  // once: الالتزام is Al-Altzam
      ++i;
      previous = cps[i];
      continue;
    }
    // A word's first أبو before three letters or more is the kunya Abu, the rest a word of its
    // own (أبوالرب Abu Al-Rb; أبولو stays).
    if (word_start && !after_article && (c == kAlef || c == kAlefHamza) && is(i + 1, kBeh) &&
        is(i + 2, kWaw) && letter(i + 3) && letter(i + 4) && letter(i + 5)) {
      emit("abu ");
      word_start = true;
      after_kunya = true;
      i += 2;
      previous = 0;
      continue;
    }
    // The endings of Russian and Ukrainian names as their usual Latin spellings: ...وف -ov,
    // ...يف -ev (مانتوروف Manturov, ميدفيديف Mdfidev), ...سكي -sky, ...ينكو -enko, ...يتش -ich.
    // Only in longer words (after the article): معروف، شريف، مسكي stay Arabic.
    if (!word_start && i >= word_begin + 2) {
      const char* ending = nullptr;
      size_t letters = 0;
      if ((c == kWaw || c == kYeh) && is(i + 1, kFeh) && !letter(i + 2) && i >= word_begin + 4) {
        ending = c == kWaw ? "ov" : "ev", letters = 2;
      } else if (c == kSeen && is(i + 1, kKaf) && is(i + 2, kYeh) && !letter(i + 3)) {
        ending = "sky", letters = 3;
      } else if (c == kYeh && is(i + 1, kNoon) && is(i + 2, kKaf) && is(i + 3, kWaw) &&
                 !letter(i + 4)) {
        ending = "enko", letters = 4;
      } else if (c == kYeh && is(i + 1, kTeh) && is(i + 2, kSheen) && !letter(i + 3)) {
        ending = "ich", letters = 3;
      }
      if (ending != nullptr) {
        emit(ending);
        i += letters - 1;
        previous = cps[i];
        continue;
      }
    }
    // A word's first ع is heard as its vowel (عمر Omar, عالم Alem): A, with a long ا after it.
    if (word_start && c == kAin) {
      emit("a");
      if (is(i + 1, kAlef)) ++i;
      previous = cps[i];
      continue;
    }
    // A word's تش is how Arabic spells ch (تشانغ، تشيلي; inside a word it is t and sh:
    // مستشفى), and a final نغ is ng (يانغ، بيونغ).
    if (word_start && c == kTeh && is(i + 1, kSheen)) {
      emit("ch");
      ++i;
      previous = cps[i];
      continue;
    }
    if (c == kGhain && previous == kNoon && !letter(i + 1)) {
      emit("g");
      previous = c;
      continue;
    }
    std::string part = Latin(c, word_start, previous);
    if (word_start && part == "'") part.clear();
    if (!part.empty()) emit(part);
    previous = c;
  }
  return out;
}

namespace {

// The key of word w as the first word of a name: without its proclitics, with its article
// (القاهرة in وبالقاهرة and in القاهرة alike); '+' marks a cut enclitic.
std::u16string BareKey(const recognize::Word& w) {
  std::u16string k = w.article >= 0 ? w.article_key : w.stem_key;
  if (w.enclitic) k += u'+';
  return k;
}

// The key the words [first, end) of a name are matched on across sentences: the first word's
// BareKey (or `first_key`, another of its forms), the others whole.
std::u16string NameWordsKey(const std::vector<recognize::Word>& words, int32_t first, int32_t end,
                            const std::u16string* first_key = nullptr) {
  std::u16string k = first_key != nullptr ? *first_key : BareKey(words[first]);
  for (int32_t w = first + 1; w < end; ++w) {
    k += u' ';
    k += words[w].key;
  }
  return k;
}

// The key of word w from `start` on (one of its match forms), or empty.
std::u16string KeyFrom(const recognize::Word& w, int32_t start) {
  if (start == w.span.start) return w.key;
  if (start == w.after_conjunction) return w.conjunct_key;
  if (start == w.article && !w.article_key.empty()) return w.article_key;
  if (start == w.stem.start) return w.stem_key;
  return u"";
}

// Where a name starts in word w when another mention of it started at a form of key `from`: at
// the same form when w has it (a name's first letter the clitic analysis took for a preposition
// stays in), else after w's proclitics, keeping its article.
int32_t StartLike(const recognize::Word& w, const std::u16string& from) {
  for (int32_t start : {w.span.start, w.after_conjunction, w.article, w.stem.start}) {
    if (start >= 0 && !from.empty() && KeyFrom(w, start) == from) return start;
  }
  return w.article >= 0 ? w.article : w.stem.start;
}

// Whether the word at `w` is written as a preposition whose match key is a name's (على is
// "on", علي the name Ali: keys fold ى into ي), after a conjunction or not (وعلى).
bool WrittenAsPreposition(const icu::UnicodeString& text, const recognize::Word& w) {
  const int32_t from = w.after_conjunction >= 0 ? w.after_conjunction : w.span.start;
  std::u16string letters;
  for (int32_t k = from; k < w.span.end; ++k) {
    const char16_t c = text[k];
    if (u_charType(c) != U_NON_SPACING_MARK && c != u'\u0640') letters += c;  // tatweel
  }
  // A lone و or ف before it is a conjunction the clitic stage leaves in the word's span (وعلى).
  if (letters.size() > 3 && (letters[0] == u'و' || letters[0] == u'ف')) letters.erase(0, 1);
  return letters == u"على" || letters == u"إلى" || letters == u"الى" || letters == u"لدى";
}

// Whether a word is an ordinal (الأول، الثانية): after a month (كانون الأول) or a noun, never the
// الأول of عبد الله الأول alone.
bool OrdinalWord(const recognize::Word& w) {
  static const table::KeySet* const kOrdinals =
      recognize::KeySetOf({"أول", "أولى", "ثاني", "ثانية", "ثالث", "ثالثة", "رابع", "رابعة", "خامس",
                           "خامسة", "سادس", "سابع", "ثامن", "تاسع", "عاشر"});
  return kOrdinals->Contains(w.stem_key);
}

// Whether words[i] alone is a common word whatever else the input calls a name spelled so: a
// stop or function word (لو، الآن), a title, a nationality, a trigger head (منظمة، الجزيرة), a
// word listed in not_names, a single letter, the first word of a common phrase (حسن الجوار), or
// an ordinal.
bool CommonWord(const recognize::Recognizer& recognizer, const std::vector<recognize::Word>& words,
                size_t i) {
  using Phrase = recognize::Recognizer::Phrase;
  const recognize::Word& w = words[i];
  if (BareKey(w).size() < 2 || recognizer.NotName(w.key) || recognizer.NotName(w.stem_key) ||
      recognizer.FunctionWord(w.key) || recognizer.FunctionWord(w.stem_key) || OrdinalWord(w)) {
    return true;
  }
  for (Phrase kind :
       {Phrase::kStop, Phrase::kTitle, Phrase::kOccupation, Phrase::kNationality, Phrase::kOrg,
        Phrase::kOrgName, Phrase::kOrgCommon, Phrase::kLoc, Phrase::kLocQuoted}) {
    if (recognizer.MatchPhrase(kind, words, i, nullptr) == 1) return true;
  }
  return recognizer.MatchPhrase(Phrase::kCommon, words, i, nullptr) > 0;
}

}  // namespace

void Propagate(const recognize::Recognizer& recognizer,
               const std::vector<icu::UnicodeString>& texts, const std::vector<Sentence>& info,
               std::vector<SentenceMentions>* sentences) {
  using recognize::Candidate;
  // The sentences of each document (datelines aside: never a name).
  std::map<std::pair<int32_t, int32_t>, std::vector<size_t>> documents;
  for (size_t i = 0; i < sentences->size(); ++i) {
    const SentenceMentions& s = (*sentences)[i];
    const Sentence& sentence = info[s.sentence];
    if (sentence.block == BlockKind::kDateline) continue;
    documents[{s.input, sentence.document}].push_back(i);
  }
  auto confident_outside = [](const SentenceMentions& s, int32_t first, int32_t end) {
    return recognize::ConfidentOutside(s.words, first, end);
  };
  // What the document says of one name key.
  struct Evidence {
    int count[kTypes] = {};       // its mentions of each type
    int32_t entry[kTypes] = {};   // the first mention's of each type
    std::u16string key[kTypes];   // the same
    std::u16string from[kTypes];  // its first word's key from where it starts
    int outside = 0;              // occurrences left unlabeled where the tagger is confident of O
    int shorter[kTypes] = {};     // occurrences where only shorter names, of each type, were
                                  // found inside it
    int type = -1;                // the type its other occurrences get; -1: none
  };
  // An occurrence of a name no candidate marks, or only shorter candidates inside it.
  struct Occurrence {
    size_t sentence;
    int32_t first, end;
    Evidence* evidence;
    std::vector<size_t> inner;  // the shorter candidates it replaces
  };
  for (const auto& [document, members] : documents) {
    std::unordered_map<std::u16string, Evidence> names;
    std::unordered_map<std::u16string, int> firsts;  // a name's first word key -> most words
    for (size_t si : members) {
      const SentenceMentions& s = (*sentences)[si];
      for (const Candidate& c : s.candidates) {
        Evidence& e = names[NameWordsKey(s.words, c.first_word, c.end_word)];
        const int t = static_cast<int>(c.type);
        if (e.count[t]++ == 0) {
          e.entry[t] = c.entry;
          e.key[t] = c.key;
          e.from[t] = KeyFrom(s.words[c.first_word], c.span.start);
        }
        int& most = firsts[BareKey(s.words[c.first_word])];
        most = std::max(most, c.end_word - c.first_word);
      }
    }
    // A name a lexicon lists names its entry's other forms of as many words or fewer too (حزب
    // الليكود: الليكود alone is the party; never a longer form, which would take in a head the
    // text leaves out: قطاع غزة for غزة): each form is evidence of the entry's type, once for
    // each mention found.
    std::unordered_map<std::u16string, Evidence> forms;
    for (size_t si : members) {
      const SentenceMentions& s = (*sentences)[si];
      for (const Candidate& c : s.candidates) {
        const int32_t entry =
            c.entry >= 0
                ? c.entry
                : recognizer.FindName(recognize::NameKey(NameText(texts[s.input], c.span)));
        if (entry < 0 || recognizer.entry(entry).type != c.type) continue;
        const int t = static_cast<int>(c.type);
        const auto words = static_cast<size_t>(c.end_word - c.first_word);
        for (const std::u16string& form : recognizer.entry(entry).keys) {
          const auto form_words =
              static_cast<size_t>(std::count(form.begin(), form.end(), u' ')) + 1;
          if (form_words >= words || names.count(form) != 0) continue;
          std::u16string first_word = form.substr(0, form.find(u' '));
          int& most = firsts[first_word];
          most = std::max(most, static_cast<int>(form_words));
          Evidence& e = forms[form];
          if (e.count[t]++ == 0) {
            e.entry[t] = entry;
            e.key[t] = c.key;
            e.from[t] = std::move(first_word);
          }
        }
      }
    }
    names.merge(forms);
    if (names.empty()) continue;

    // The occurrences, longest first at each word.
    std::vector<Occurrence> occurrences;
    for (size_t si : members) {
      const SentenceMentions& s = (*sentences)[si];
      const icu::UnicodeString& text = texts[s.input];
      const size_t n = s.words.size();
      std::vector<int> owner(n, -1);  // the candidate covering each word
      for (size_t c = 0; c < s.candidates.size(); ++c) {
        std::fill(owner.begin() + s.candidates[c].first_word,
                  owner.begin() + s.candidates[c].end_word, static_cast<int>(c));
      }
      // Whether word k may be in a name starting at word i: no candidate covers it, or one
      // starting at or after i (a longer name may replace shorter ones inside it).
      auto open = [&](size_t k, size_t i) {
        return owner[k] < 0 || s.candidates[owner[k]].first_word >= static_cast<int32_t>(i);
      };
      for (size_t i = 0; i < n; ++i) {
        // The word's key without its proclitics, else whole or after its conjunction: a lexicon
        // form's first letter may be one the clitic stage cuts (ليفربول).
        const recognize::Word& w = s.words[i];
        const std::u16string bare = BareKey(w);
        std::u16string first_key;
        auto f = firsts.end();
        if (open(i, i)) {
          for (const std::u16string* k : {&bare, &w.key, &w.conjunct_key}) {
            if (k->empty() || (k != &bare && *k == bare)) continue;
            f = firsts.find(*k);
            if (f != firsts.end()) {
              first_key = *k;
              break;
            }
          }
        }
        size_t most = 0;
        if (f != firsts.end()) {
          most = 1;
          while (most < static_cast<size_t>(f->second) && i + most < n && open(i + most, i) &&
                 recognize::Recognizer::Adjacent(text, s.words, i + most - 1)) {
            ++most;
          }
        }
        bool found = false;
        for (size_t len = most; len >= 1 && !found; --len) {
          const auto first = static_cast<int32_t>(i), end = static_cast<int32_t>(i + len);
          std::vector<size_t> inner;
          bool fits = true;
          for (size_t k = i; k < i + len; ++k) {
            if (owner[k] < 0) continue;
            const Candidate& c = s.candidates[owner[k]];
            fits = fits && c.end_word <= end && c.end_word - c.first_word < end - first;
            if (inner.empty() || inner.back() != static_cast<size_t>(owner[k])) {
              inner.push_back(static_cast<size_t>(owner[k]));
            }
          }
          if (!fits) continue;
          auto it = names.find(NameWordsKey(s.words, first, end, &first_key));
          if (it == names.end()) continue;
          if (inner.empty() && confident_outside(s, first, end)) ++it->second.outside;
          bool of_type[kTypes] = {};
          for (size_t k : inner) of_type[static_cast<int>(s.candidates[k].type)] = true;
          for (int t = 0; t < kTypes; ++t) it->second.shorter[t] += of_type[t] ? 1 : 0;
          occurrences.push_back(Occurrence{si, first, end, &it->second, std::move(inner)});
          i = end - 1;
          found = true;
        }
        if (!found && owner[i] >= 0) i = static_cast<size_t>(s.candidates[owner[i]].end_word - 1);
      }
    }

    // A name's type: the one most of its mentions have (none on a tie), unless the tagger is
    // confident of O at as many of its other occurrences (a word used commonly here: دين).
    for (auto& [key, e] : names) {
      int best = 0, total = 0;
      for (int t = 0; t < kTypes; ++t) {
        total += e.count[t];
        if (e.count[t] > e.count[best]) best = t;
      }
      bool tie = false;
      for (int t = 0; t < kTypes; ++t) {
        tie = tie || (t != best && e.count[t] == e.count[best]);
      }
      if (!tie && e.outside < total) e.type = best;
    }

    std::map<size_t, std::vector<bool>> replaced;  // sentence -> its candidates replaced
    for (const Occurrence& o : occurrences) {
      const Evidence& e = *o.evidence;
      if (e.type < 0) continue;
      // A longer name replaces shorter ones of its own type found inside its words only where
      // it was found whole at least as often as they were (مكة alone, listed, in «مكة المكرمة»
      // wherever the tagger did not take the epithet in); a name of another type inside it is
      // part of another referent's name (أبيدجان in the club أسيك أبيدجان).
      if (!o.inner.empty() && e.shorter[e.type] > std::accumulate(e.count, e.count + kTypes, 0)) {
        continue;
      }
      SentenceMentions& s = (*sentences)[o.sentence];
      if (confident_outside(s, o.first, o.end)) continue;
      // A club named by a common word (النصر، الهلال) is the club alone only in a sentence about
      // sport, as where the recognizer finds it.
      if (o.end - o.first == 1 && e.type == static_cast<int>(EntityType::kOrganization) &&
          recognizer.MatchPhrase(recognize::Recognizer::Phrase::kClub, s.words, o.first, nullptr) ==
              1 &&
          recognizer.SportWords(s.words, 1) == 0) {
        continue;
      }
      bool tanween = false;
      for (int32_t k = o.first; k < o.end; ++k) tanween = tanween || s.words[k].tanween;
      if (tanween ||
          (o.end - o.first == 1 && (CommonWord(recognizer, s.words, o.first) ||
                                    WrittenAsPreposition(texts[s.input], s.words[o.first])))) {
        continue;
      }
      Candidate c;
      c.source = recognize::Source::kConsistency;
      c.type = static_cast<EntityType>(e.type);
      c.entry = e.entry[e.type];
      c.key = e.key[e.type];
      c.first_word = o.first;
      c.end_word = o.end;
      c.span = Span{StartLike(s.words[o.first], e.from[e.type]), s.words[o.end - 1].span.end};
      std::vector<bool>& r = replaced[o.sentence];
      r.resize(s.candidates.size(), false);
      for (size_t k : o.inner) r[k] = true;
      s.candidates.push_back(std::move(c));
    }
    for (auto& [si, r] : replaced) {
      std::vector<Candidate>& candidates = (*sentences)[si].candidates;
      std::vector<Candidate> kept;
      for (size_t k = 0; k < candidates.size(); ++k) {
        if (k >= r.size() || !r[k]) kept.push_back(std::move(candidates[k]));
      }
      std::sort(kept.begin(), kept.end(),
                [](const Candidate& a, const Candidate& b) { return a.span.start < b.span.start; });
      candidates = std::move(kept);
    }
  }
}

void Resolve(const recognize::Recognizer& recognizer, const std::vector<icu::UnicodeString>& texts,
             const std::vector<SentenceMentions>& sentences, Result* result) {
  std::vector<Proto> protos;
  std::unordered_map<std::u16string, int> by_key;
  // Per input: title key -> proto (-1 once two people share it).
  std::vector<std::unordered_map<std::u16string, int>> titles(texts.size());
  // A candidate's key (without a lexicon entry) -> the entry a lexicon lists its text under, or -1.
  std::unordered_map<std::u16string, int32_t> listed_entries;

  // A homograph told apart by its diacritics (عمّان Amman, not عُمان Oman): the entry they name;
  // written without them, the entry the input's last mention with them named (-1: none).
  auto written = [&](const SentenceMentions& s, const recognize::Candidate& c) {
    return c.entry < 0 ? -1 : recognizer.SpelledEntry(c.entry, texts[s.input], c.span);
  };
  std::map<std::pair<int32_t, int32_t>, int32_t> spelled;  // (input, entry) -> entry
  for (const SentenceMentions& s : sentences) {
    for (const recognize::Candidate& c : s.candidates) {
      const int32_t e = written(s, c);
      if (e >= 0) spelled[{s.input, c.entry}] = e;
    }
  }

  for (const SentenceMentions& s : sentences) {
    for (const recognize::Candidate& found : s.candidates) {
      // A name found without a lexicon entry that a lexicon lists, all of it (the news lexicons
      // are not matched in text: the tagger finds their names), is that entry, when the types
      // agree (or the entry is MISC): إنترفاكس is Interfax, سيول the Seoul of سول.
      // Looked up once per key (and whether the mention runs past its words: روسيا 1).
      const recognize::Candidate* named = &found;
      recognize::Candidate listed;
      if (found.entry < 0) {
        std::u16string key = EntityKey(found);
        if (found.span.end != s.words[found.end_word - 1].span.end) key += u'+';
        auto [l, fresh] = listed_entries.emplace(std::move(key), -1);
        if (fresh) {
          const int32_t entry =
              recognizer.FindName(recognize::NameKey(NameText(texts[s.input], found.span)));
          // A MISC entry (a weapon, a product, an event: أوريشنيك) keeps its type whatever
          // the tagger says; names of places, bodies and people depend on their context (ليون
          // the city, ليون the club).
          if (entry >= 0 && (recognizer.entry(entry).type == found.type ||
                             recognizer.entry(entry).type == EntityType::kMisc)) {
            l->second = entry;
          }
        }
        if (l->second >= 0) {
          listed = found;
          listed.entry = l->second;
          listed.type = recognizer.entry(l->second).type;
          named = &listed;
        }
      }
      recognize::Candidate respelled;
      if (named->entry >= 0 && !spelled.empty()) {
        int32_t e = written(s, *named);
        if (e < 0) {
          auto in_input = spelled.find({s.input, named->entry});
          if (in_input != spelled.end()) e = in_input->second;
        }
        if (e >= 0 && e != named->entry) {
          respelled = *named;
          respelled.entry = e;
          named = &respelled;
        }
      }
      const recognize::Candidate& c = *named;
      auto [it, added] = by_key.emplace(EntityKey(c), static_cast<int>(protos.size()));
      if (added) {
        Proto p;
        p.type = c.type;
        p.entry = c.entry;
        p.key = c.key;
        protos.push_back(std::move(p));
      }
      Proto& p = protos[it->second];
      p.mentions.push_back(Mention{s.input, s.sentence, c.span, MentionKind::kName});
      if (!c.title_key.empty()) {
        auto [t, fresh] = titles[s.input].emplace(c.title_key, it->second);
        if (!fresh && t->second != it->second) t->second = -1;
      }
    }
  }
  auto root = [&](int i) {
    while (protos[i].merged_into >= 0) i = protos[i].merged_into;
    return i;
  };

  // One-word rule-found persons that are the last word of exactly one longer person.
  std::unordered_map<std::u16string, int> surnames;  // last word -> proto, -1 when ambiguous
  for (size_t i = 0; i < protos.size(); ++i) {
    const Proto& p = protos[i];
    if (p.type != EntityType::kPerson || p.key.find(u' ') == std::u16string::npos) continue;
    auto [it, fresh] = surnames.emplace(LastWord(p.key), static_cast<int>(i));
    if (!fresh && it->second != static_cast<int>(i)) it->second = -1;
  }
  for (size_t i = 0; i < protos.size(); ++i) {
    Proto& p = protos[i];
    if (p.type != EntityType::kPerson || p.entry >= 0 || p.key.find(u' ') != std::u16string::npos) {
      continue;
    }
    auto it = surnames.find(p.key);
    if (it != surnames.end() && it->second >= 0 && it->second != static_cast<int>(i)) {
      p.merged_into = it->second;
    }
  }
  for (size_t i = 0; i < protos.size(); ++i) {
    if (protos[i].merged_into < 0) continue;
    const int r = root(static_cast<int>(i));
    for (const Mention& m : protos[i].mentions) protos[r].mentions.push_back(m);
    protos[i].mentions.clear();
  }
  // The request's titles: title key -> the one person any input used it before (-1 when inputs
  // name different people with it, or one input names two). An input that uses a title alone
  // without naming its holder right after it borrows the holder from another input, if it names
  // that person itself: three reports of one event say «الرئيس الروسي فلاديمير بوتين», the fourth
  // only «بوتين» and «الرئيس الروسي».
  std::unordered_map<std::u16string, int> request_titles;
  for (auto& input_titles : titles) {
    for (auto& t : input_titles) {
      if (t.second >= 0) t.second = root(t.second);
      auto [it, fresh] = request_titles.emplace(t.first, t.second);
      if (!fresh && it->second != t.second) it->second = -1;
    }
  }
  // Per person (root proto): the inputs that name it.
  std::vector<std::vector<int32_t>> named_in(protos.size());
  for (size_t i = 0; i < protos.size(); ++i) {
    std::vector<int32_t>& inputs = named_in[root(static_cast<int>(i))];
    for (const Mention& m : protos[i].mentions) inputs.push_back(m.input);
  }
  for (std::vector<int32_t>& inputs : named_in) {
    std::sort(inputs.begin(), inputs.end());
    inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
  }
  // Shorter forms of the titles: a title cut after any of its words -> the one person all the
  // longer titles it begins name (-1 when they name different people): الزعيم الكوري for
  // الزعيم الكوري الشمالي. Built once, so that each look-up is one.
  // A former holder's title (الرئيس الروسي السابق) names no one by its shorter forms.
  const std::u16string former[] = {u" " + recognize::NameKey("السابق"),
                                   u" " + recognize::NameKey("السابقة")};
  auto past = [&former](const std::u16string& key) {
    return std::any_of(std::begin(former), std::end(former), [&key](const std::u16string& f) {
      return key.size() > f.size() && key.compare(key.size() - f.size(), f.size(), f) == 0;
    });
  };
  auto shorter_forms = [&past](const std::unordered_map<std::u16string, int>& full) {
    std::unordered_map<std::u16string, int> forms;
    for (const auto& [key, who] : full) {
      if (past(key)) continue;
      for (size_t space = key.find(u' '); space != std::u16string::npos;
           space = key.find(u' ', space + 1)) {
        auto [it, fresh] = forms.emplace(key.substr(0, space), who);
        if (!fresh && it->second != who) it->second = -1;
      }
    }
    return forms;
  };
  std::vector<std::unordered_map<std::u16string, int>> input_shorter;
  for (const auto& input_titles : titles) input_shorter.push_back(shorter_forms(input_titles));
  const std::unordered_map<std::u16string, int> request_shorter = shorter_forms(request_titles);
  auto named = [&](int person, int32_t input) {
    const std::vector<int32_t>& inputs = named_in[person];
    return std::binary_search(inputs.begin(), inputs.end(), input);
  };
  // Per lexicon person: its proto (root), for the title holders the lexicon knows.
  std::unordered_map<int32_t, int> entry_protos;
  for (size_t i = 0; i < protos.size(); ++i) {
    if (protos[i].entry >= 0 && protos[i].type == EntityType::kPerson) {
      entry_protos.emplace(protos[i].entry, root(static_cast<int>(i)));
    }
  }
  // The one holder data/lexicon/title_holders.txt lists for `title` in `year` (any year when
  // 0) whom `input` names, or -1 (none, or two: Putin and Medvedev in an undated text).
  auto known_holder = [&](int32_t input, const std::u16string& title, int year) {
    const std::vector<recognize::Recognizer::TitleHolder>* holders = recognizer.TitleHolders(title);
    if (holders == nullptr) return -1;
    int found = -1;
    for (const recognize::Recognizer::TitleHolder& h : *holders) {
      if (year != 0 && (year < h.from || (h.to != 0 && year > h.to))) continue;
      auto it = entry_protos.find(h.entry);
      if (it == entry_protos.end() || !named(it->second, input)) continue;
      if (found >= 0 && found != it->second) return -1;
      found = it->second;
    }
    return found;
  };
  // The person a title used alone in `input` refers to, or -1: the one this input gave it to;
  // for a title with its nationality, failing that, the one this input gave a longer form of it,
  // then the one the request gave it (or a longer form) to, if this input names that person;
  // and when no input gives it to anyone, the one who held it in `year` (the article's), if this
  // input names that person.
  auto holder = [&](int32_t input, const std::u16string& title, bool nationality, int year) {
    auto find = [&title](const std::unordered_map<std::u16string, int>& map) {
      auto it = map.find(title);
      return it == map.end() ? std::make_pair(false, -1) : std::make_pair(true, it->second);
    };
    auto own = find(titles[input]);
    if (own.first) return own.second;
    if (!nationality) return -1;
    own = find(input_shorter[input]);
    if (own.first) return own.second;
    auto shared = find(request_titles);
    if (!shared.first) shared = find(request_shorter);
    if (!shared.first) return known_holder(input, title, year);
    return shared.second >= 0 && named(shared.second, input) ? shared.second : -1;
  };

  // Where each person a surname may stand for is named, by (input, sentence), in order.
  std::unordered_map<int, std::vector<std::pair<int32_t, int32_t>>> named_at;
  for (const auto& [last, proto] : surnames) {
    if (proto < 0) continue;
    const int r = root(proto);
    auto [at, fresh] = named_at.try_emplace(r);
    if (!fresh) continue;
    for (const Mention& m : protos[r].mentions) {
      if (m.kind == MentionKind::kName) at->second.emplace_back(m.input, m.sentence);
    }
    std::sort(at->second.begin(), at->second.end());
  }
  // Whether a word in sentence `sentence` of `input` may be the surname of person `r`: the
  // input does not name the person (another report of the story may use the surname alone), or
  // names the person within kSurnameReach sentences of it.
  auto within_reach = [&](int r, int32_t input, int32_t sentence) {
    const std::vector<std::pair<int32_t, int32_t>>& at = named_at[r];
    const auto from = std::lower_bound(at.begin(), at.end(), std::make_pair(input, INT32_MIN));
    if (from == at.end() || from->first != input) return true;
    const auto next = std::lower_bound(from, at.end(), std::make_pair(input, sentence));
    if (next != at.end() && next->first == input && next->second - sentence <= kSurnameReach) {
      return true;
    }
    return next != from && sentence - std::prev(next)->second <= kSurnameReach;
  };

  // Words no candidate covers: surnames and title mentions.
  using Phrase = recognize::Recognizer::Phrase;
  for (const SentenceMentions& s : sentences) {
    const icu::UnicodeString& text = texts[s.input];
    const size_t n = s.words.size();
    // The year of the sentence's article (its dateline's), 0 when unknown.
    int year = 0;
    if (static_cast<size_t>(s.sentence) < result->sentences.size()) {
      const size_t document = result->sentences[s.sentence].document;
      if (document < result->documents.size() && result->documents[document].has_dateline) {
        year = result->documents[document].dateline.year;
      }
    }
    std::vector<bool> covered(n, false);
    for (const recognize::Candidate& c : s.candidates) {
      std::fill(covered.begin() + c.first_word, covered.begin() + c.end_word, true);
    }
    // A common phrase that reads as a name (لحسن الحظ) is no surname's alias either.
    recognizer.MarkCommonPhrases(s.words, &covered);
    for (size_t i = 0; i < n; ++i) {
      if (covered[i]) continue;
      const recognize::Word& w = s.words[i];
      std::u16string title;
      const int len = recognizer.MatchPhrase(Phrase::kTitle, s.words, i, &title);
      if (len > 0) {
        size_t j = i + len;
        std::u16string nationality;
        bool with_nationality = false;
        for (int m = 0; m < 2 && j < n; ++m) {
          const int nl = recognizer.MatchPhrase(Phrase::kNationality, s.words, j, &nationality);
          if (nl == 0 || covered[j] || !recognize::Recognizer::Adjacent(text, s.words, j - 1))
            break;
          title += u' ' + nationality;
          with_nationality = true;
          j += nl;
        }
        const bool apposition = j < n && covered[j];
        const int person = apposition || title.find(u' ') == std::u16string::npos
                               ? -1
                               : holder(s.input, title, with_nationality, year);
        if (person >= 0) {
          const int32_t start =
              w.proclitic ? (w.article >= 0 ? w.article : w.stem.start) : w.span.start;
          protos[person].mentions.push_back(Mention{
              s.input, s.sentence, Span{start, s.words[j - 1].span.end}, MentionKind::kTitle});
          std::fill(covered.begin() + i, covered.begin() + j, true);
        }
        i = j - 1;
        continue;
      }
      // A word the tagger is confident starts no name (جمعة "Friday" beside a جمعة of a name) is
      // no alias of a surname.
      if (w.outside > recognize::kConfidentOutside) continue;
      // Nor is على ("on") the surname علي, though their keys are one, nor an ordinal a king's
      // (كانون الأول beside عبد الله الأول).
      if (WrittenAsPreposition(text, w) || OrdinalWord(w)) continue;
      // The word without its proclitics, keeping its article: a surname with an article added
      // is a common noun (دنيا, الدنيا "the world").
      const bool article = w.article >= 0;
      const std::u16string& bare = article ? w.article_key : w.stem_key;
      for (const std::u16string* key : {&bare, &w.key}) {
        auto it = surnames.find(*key);
        if (it == surnames.end() || it->second < 0 ||
            !within_reach(root(it->second), s.input, s.sentence)) {
          continue;
        }
        const Span span = key == &w.key ? w.span : article ? Span{w.article, w.span.end} : w.stem;
        protos[root(it->second)].mentions.push_back(
            Mention{s.input, s.sentence, span, MentionKind::kAlias});
        covered[i] = true;
        break;
      }
    }
  }

  // Entities: names, salience, order.
  std::vector<int> lead(result->sentences.size(), 1);
  {
    std::vector<int> paragraph_sentences(result->documents.size(), 0);
    for (size_t i = 0; i < result->sentences.size(); ++i) {
      const Sentence& s = result->sentences[i];
      if (s.block == BlockKind::kHeadline || s.block == BlockKind::kSubheadline) {
        lead[i] = kHeadlineWeight;
      } else if (s.block == BlockKind::kParagraph &&
                 paragraph_sentences[s.document]++ < kLeadSentences) {
        lead[i] = kLeadWeight;
      }
    }
  }
  std::vector<Entity> entities;
  std::vector<double> weights;
  for (Proto& p : protos) {
    if (p.mentions.empty()) continue;
    std::sort(p.mentions.begin(), p.mentions.end(), [](const Mention& a, const Mention& b) {
      return a.input != b.input ? a.input < b.input : a.span.start < b.span.start;
    });
    Entity e;
    e.type = p.type;
    double weight = 0;
    const Mention* fullest = nullptr;
    for (const Mention& m : p.mentions) {
      weight += lead[m.sentence];
      if (m.kind == MentionKind::kName &&
          (fullest == nullptr || m.span.length() > fullest->span.length())) {
        fullest = &m;
      }
    }
    if (p.entry >= 0) {
      e.name = recognizer.entry(p.entry).canonical;
      e.latin = recognizer.entry(p.entry).latin;
    } else {
      const Mention& m = fullest != nullptr ? *fullest : p.mentions.front();
      e.name = NameText(texts[m.input], m.span);
      if (e.type == EntityType::kPerson) {
        e.latin = KoreanLatin(recognizer, e.name);
        if (e.latin.empty()) e.latin = PersonLatin(recognizer, e.name);
      } else {
        e.latin = LatinWithParts(recognizer, e.name);
        if (e.latin.empty() && e.type == EntityType::kOrganization) {
          e.latin = OrgLatin(recognizer, e.name);
        }
        if (e.latin.empty()) e.latin = Romanize(e.name);
      }
    }
    e.mentions = std::move(p.mentions);
    entities.push_back(std::move(e));
    weights.push_back(weight);
  }
  double most = 0;
  for (double w : weights) most = std::max(most, w);
  for (size_t i = 0; i < entities.size(); ++i) {
    entities[i].salience = most > 0 ? std::round(1000.0 * weights[i] / most) / 1000.0 : 0;
  }
  std::vector<size_t> order(entities.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (weights[a] != weights[b]) return weights[a] > weights[b];
    const Mention& ma = entities[a].mentions.front();
    const Mention& mb = entities[b].mentions.front();
    return ma.input != mb.input ? ma.input < mb.input : ma.span.start < mb.span.start;
  });
  result->entities.clear();
  for (size_t i : order) result->entities.push_back(std::move(entities[i]));
}

}  // namespace basira::resolve
