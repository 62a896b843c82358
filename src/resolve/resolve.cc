#include "resolve/resolve.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace basira::resolve {
namespace {

constexpr int kHeadlineWeight = 3;
constexpr int kLeadWeight = 2;
constexpr int kLeadSentences = 2;  // the first paragraph sentences of a document that count as lead

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

}  // namespace

std::string Romanize(const std::string& utf8) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string out;
  bool word_start = true;
  UChar32 previous = 0;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if ((c >= 0x064B && c <= 0x0652) || c == 0x0640) continue;  // marks and tatweel
    const char* latin = Latin(c, word_start, previous);
    if (latin != nullptr) {
      std::string part = latin;
      if (word_start && !part.empty() && part[0] >= 'a' && part[0] <= 'z') part[0] -= 32;
      if (word_start && part == "'") part.clear();
      out += part;
      word_start = false;
    } else {
      icu::UnicodeString(c).toUTF8String(out);
      word_start = c == ' ' || c == '-';
    }
    previous = c;
  }
  return out;
}

void Resolve(const recognize::Recognizer& recognizer, const std::vector<icu::UnicodeString>& texts,
             const std::vector<SentenceMentions>& sentences, Result* result) {
  std::vector<Proto> protos;
  std::unordered_map<std::u16string, int> by_key;
  // Per input: title key -> proto (-1 once two people share it).
  std::vector<std::unordered_map<std::u16string, int>> titles(texts.size());

  for (const SentenceMentions& s : sentences) {
    for (const recognize::Candidate& c : s.candidates) {
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
  for (auto& input_titles : titles) {
    for (auto& t : input_titles) {
      if (t.second >= 0) t.second = root(t.second);
    }
  }

  // Words no candidate covers: surnames and title mentions.
  using Phrase = recognize::Recognizer::Phrase;
  for (const SentenceMentions& s : sentences) {
    const icu::UnicodeString& text = texts[s.input];
    const size_t n = s.words.size();
    std::vector<bool> covered(n, false);
    for (const recognize::Candidate& c : s.candidates) {
      std::fill(covered.begin() + c.first_word, covered.begin() + c.end_word, true);
    }
    for (size_t i = 0; i < n; ++i) {
      if (covered[i]) continue;
      const recognize::Word& w = s.words[i];
      std::u16string title;
      const int len = recognizer.MatchPhrase(Phrase::kTitle, s.words, i, &title);
      if (len > 0) {
        size_t j = i + len;
        std::u16string nationality;
        for (int m = 0; m < 2 && j < n; ++m) {
          const int nl = recognizer.MatchPhrase(Phrase::kNationality, s.words, j, &nationality);
          if (nl == 0 || covered[j] || !recognize::Recognizer::Adjacent(text, s.words, j - 1))
            break;
          title += u' ' + nationality;
          j += nl;
        }
        const bool apposition = j < n && covered[j];
        auto t = titles[s.input].find(title);
        if (!apposition && title.find(u' ') != std::u16string::npos && t != titles[s.input].end() &&
            t->second >= 0) {
          const int32_t start =
              w.proclitic ? (w.article >= 0 ? w.article : w.stem.start) : w.span.start;
          protos[t->second].mentions.push_back(Mention{
              s.input, s.sentence, Span{start, s.words[j - 1].span.end}, MentionKind::kTitle});
          std::fill(covered.begin() + i, covered.begin() + j, true);
        }
        i = j - 1;
        continue;
      }
      // A word the tagger is confident starts no name (جمعة "Friday" beside a جمعة of a name) is
      // no alias of a surname.
      if (w.outside > recognize::kConfidentOutside) continue;
      // The word without its proclitics, keeping its article: a surname with an article added
      // is a common noun (دنيا, الدنيا "the world").
      const bool article = w.article >= 0;
      const std::u16string& bare = article ? w.article_key : w.stem_key;
      for (const std::u16string* key : {&bare, &w.key}) {
        auto it = surnames.find(*key);
        if (it == surnames.end() || it->second < 0) continue;
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
      e.latin = Romanize(e.name);
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
