#include "tagger/ner_data.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "clitics/clitics.h"
#include "icu/icu_data.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

namespace basira::tagger {

bool TokenRange::operator<(const TokenRange& o) const {
  return std::tie(first, last, type) < std::tie(o.first, o.last, o.type);
}

bool ParseConll(std::string_view text, std::vector<ConllSentence>* out, std::string* problem) {
  out->clear();
  ConllSentence current;
  size_t line_number = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!current.tokens.empty()) out->push_back(std::move(current));
      current = ConllSentence();
      continue;
    }
    const size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0) {
      *problem = "line " + std::to_string(line_number) + ": no token<TAB>tag";
      return false;
    }
    std::string tag(line.substr(tab + 1));
    if (LabelFromName(tag) < 0) {
      *problem = "line " + std::to_string(line_number) + ": unknown tag '" + tag + "'";
      return false;
    }
    current.tokens.emplace_back(line.substr(0, tab));
    current.tags.push_back(std::move(tag));
  }
  if (!current.tokens.empty()) out->push_back(std::move(current));
  return true;
}

std::vector<TokenRange> GoldMentions(const std::vector<std::string>& tags) {
  std::vector<TokenRange> out;
  int previous = 0;
  for (size_t i = 0; i < tags.size(); ++i) {
    const int label = std::max(0, LabelFromName(tags[i]));
    if (label != 0) {
      const int type = LabelType(label);
      const bool continues = !IsBegin(label) && previous != 0 && LabelType(previous) == type;
      if (continues) {
        out.back().last = static_cast<int>(i);
      } else {
        out.push_back(TokenRange{static_cast<int>(i), static_cast<int>(i), type});
      }
    }
    previous = label;
  }
  return out;
}

JoinedSentence Join(const ConllSentence& sentence) {
  JoinedSentence out;
  for (size_t i = 0; i < sentence.tokens.size(); ++i) {
    if (i > 0) out.text.append(static_cast<UChar>(' '));
    const int32_t start = out.text.length();
    out.text.append(icu::UnicodeString::fromUTF8(sentence.tokens[i]));
    out.spans.push_back(Span{start, out.text.length()});
  }
  return out;
}

std::vector<int> ProjectLabels(const std::vector<Span>& gold_spans,
                               const std::vector<TokenRange>& gold, const std::vector<Span>& ours) {
  std::vector<int> mention_of(gold_spans.size(), -1);
  for (size_t m = 0; m < gold.size(); ++m) {
    for (int t = gold[m].first; t <= gold[m].last && t < static_cast<int>(gold_spans.size()); ++t) {
      mention_of[t] = static_cast<int>(m);
    }
  }
  std::vector<int> labels(ours.size(), 0);
  int previous_mention = -1;
  size_t g = 0;
  for (size_t j = 0; j < ours.size(); ++j) {
    while (g < gold_spans.size() && gold_spans[g].end <= ours[j].start) ++g;
    int mention = -1;
    for (size_t k = g; k < gold_spans.size() && gold_spans[k].start < ours[j].end; ++k) {
      if (mention_of[k] >= 0) {
        mention = mention_of[k];
        break;
      }
    }
    if (mention >= 0) {
      const int type = gold[mention].type;
      labels[j] = mention == previous_mention ? InsideLabel(type) : BeginLabel(type);
    }
    previous_mention = mention;
  }
  return labels;
}

std::vector<TokenRange> MapToGold(const std::vector<Span>& gold_spans,
                                  const std::vector<Mention>& predicted) {
  std::vector<TokenRange> out;
  for (const Mention& m : predicted) {
    int first = -1, last = -1;
    for (size_t k = 0; k < gold_spans.size(); ++k) {
      if (gold_spans[k].start < m.span.end && m.span.start < gold_spans[k].end) {
        if (first < 0) first = static_cast<int>(k);
        last = static_cast<int>(k);
      }
    }
    if (first >= 0) out.push_back(TokenRange{first, last, m.type});
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void Scores::Add(const std::vector<TokenRange>& gold, const std::vector<TokenRange>& predicted) {
  std::vector<TokenRange> g = gold, p = predicted;
  std::sort(g.begin(), g.end());
  std::sort(p.begin(), p.end());
  g.erase(std::unique(g.begin(), g.end()), g.end());
  p.erase(std::unique(p.begin(), p.end()), p.end());
  for (const TokenRange& r : p) {
    if (std::binary_search(g.begin(), g.end(), r)) {
      ++per_type[r.type].tp;
    } else {
      ++per_type[r.type].fp;
    }
  }
  for (const TokenRange& r : g) {
    if (!std::binary_search(p.begin(), p.end(), r)) ++per_type[r.type].fn;
  }
}

Counts Scores::Micro(unsigned types) const {
  Counts c;
  for (int t = 0; t < kNumTypes; ++t) {
    if ((types >> t & 1u) == 0) continue;
    c.tp += per_type[t].tp;
    c.fp += per_type[t].fp;
    c.fn += per_type[t].fn;
  }
  return c;
}

struct Pipeline::Impl {
  std::unique_ptr<segment::Segmenter> segmenter;
  std::unique_ptr<segment::Segmenter::Session> session;
  std::unique_ptr<clitics::CliticAnalyzer> clitics;
  std::vector<segment::TokenSpan> spans;
};

Pipeline::Pipeline() : impl_(std::make_unique<Impl>()) {}
Pipeline::~Pipeline() = default;

Status Pipeline::Create(std::unique_ptr<Pipeline>* out) {
  Status status = icu_data::Load();
  if (!status.ok()) return status;
  std::unique_ptr<Pipeline> p(new Pipeline());
  status = segment::Segmenter::Create(&p->impl_->segmenter);
  if (!status.ok()) return status;
  status = clitics::CliticAnalyzer::Create(&p->impl_->clitics);
  if (!status.ok()) return status;
  p->impl_->session = std::make_unique<segment::Segmenter::Session>(*p->impl_->segmenter);
  *out = std::move(p);
  return Status::Ok();
}

std::vector<TokenInput> Pipeline::Tokens(const icu::UnicodeString& text, Span range) {
  impl_->spans.clear();
  impl_->session->Tokens(text, range, &impl_->spans);
  std::vector<TokenInput> out;
  out.reserve(impl_->spans.size());
  for (const segment::TokenSpan& t : impl_->spans) {
    clitics::Analysis a;
    if (t.kind == TokenKind::kWord) {
      a = impl_->clitics->Analyze(text, t.span);
    } else {
      a.stem = t.span;
    }
    out.push_back(MakeTokenInput(text, t.span, t.kind, a));
  }
  return out;
}

namespace {

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Calls f(piece) for every piece of s between separators, each trimmed, without building a
// vector of them (the word classes are 17 thousand lines).
template <typename F>
void ForEachPiece(std::string_view s, std::string_view separator, F&& f) {
  for (;;) {
    const size_t at = s.find(separator);
    f(Trimmed(s.substr(0, at)));
    if (at == std::string_view::npos) return;
    s.remove_prefix(at + separator.size());
  }
}

std::vector<std::string_view> SplitOn(std::string_view s, std::string_view separator) {
  std::vector<std::string_view> out;
  ForEachPiece(s, separator, [&out](std::string_view piece) { out.push_back(piece); });
  return out;
}

// The match keys of the space-separated words of `name`, joined by single spaces.
std::string WordKeys(std::string_view name, size_t* words) {
  std::string out;
  *words = 0;
  for (std::string_view w : SplitOn(name, " ")) {
    if (w.empty()) continue;
    const std::u16string key = normalize::KeyFromUtf8(w);
    std::string utf8;
    icu::UnicodeString(key.data(), static_cast<int32_t>(key.size())).toUTF8String(utf8);
    if (!out.empty()) out += ' ';
    out += utf8;
    ++*words;
  }
  return out;
}

}  // namespace

void Gazetteer::Parse(std::string_view utf8) {
  for (std::string_view line : SplitOn(utf8, "\n")) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> fields = SplitOn(line, "|");
    std::vector<std::pair<std::string_view, std::string>> names;
    if (fields.size() == 2) {
      names.emplace_back(fields[1], "trigger:" + std::string(fields[0]));
    } else if (fields.size() >= 4) {
      const std::string type(fields.back());
      names.emplace_back(fields[0], type);
      for (std::string_view v : SplitOn(fields[1], "\u060C")) names.emplace_back(v, type);
    }
    for (const auto& [name, feature] : names) {
      size_t words = 0;
      std::string key = WordKeys(name, &words);
      if (words == 0) continue;
      max_words_ = std::max(max_words_, words);
      for (size_t space = key.find(' '); space != std::string::npos;
           space = key.find(' ', space + 1)) {
        runs_.Insert(std::string_view(key).substr(0, space), -1);
      }
      int32_t* list = runs_.Insert(key, -1).first;
      if (*list < 0) {
        *list = static_cast<int32_t>(features_.size());
        features_.emplace_back();
      }
      features_[*list].push_back(feature);
      const size_t bit =
          std::hash<std::string_view>()(std::string_view(key).substr(0, key.find(' '))) &
          ((size_t{1} << kFirstWordBits) - 1);
      first_words_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }
  size_ = 0;
  for (std::vector<std::string>& list : features_) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    size_ += list.size();
  }
}

size_t Gazetteer::Longest(const std::vector<TokenInput>& tokens, size_t i, const std::string& first,
                          const std::vector<std::string>** features) const {
  if (!MayStart(first)) return 0;
  const size_t limit = std::min(max_words_, tokens.size() - i);
  size_t best = 0;
  std::string words = first;
  for (size_t n = 1; n <= limit; ++n) {
    if (n > 1) (words += ' ') += tokens[i + n - 1].key;
    const int32_t* run = runs_.Find(words);
    if (run == nullptr) break;
    if (*run >= 0) {
      best = n;
      *features = &features_[*run];
    }
  }
  return best;
}

void Gazetteer::Annotate(std::vector<TokenInput>* tokens) const {
  std::vector<TokenInput>& t = *tokens;
  for (size_t i = 0; i < t.size();) {
    // The longest entry wins; at equal length the token's whole key before its stem.
    const std::vector<std::string>* features = nullptr;
    size_t matched = Longest(t, i, t[i].key, &features);
    if (t[i].stem != t[i].key) {
      const std::vector<std::string>* stem_features = nullptr;
      const size_t by_stem = Longest(t, i, t[i].stem, &stem_features);
      if (by_stem > matched) {
        matched = by_stem;
        features = stem_features;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    for (const std::string& feature : *features) {
      const bool trigger = feature.compare(0, 8, "trigger:") == 0;
      for (size_t k = 0; k < matched; ++k) {
        t[i + k].lexicon.push_back(trigger ? feature : feature + (k == 0 ? ":B" : ":I"));
      }
    }
    i += matched;
  }
}

// The name lexicons (not the trigger words: as features they lowered dev F1 from 71.4 to 70.1).
extern "C" const unsigned char basira_lexicon_people[];
extern "C" const size_t basira_lexicon_people_size;
extern "C" const unsigned char basira_lexicon_organizations[];
extern "C" const size_t basira_lexicon_organizations_size;
extern "C" const unsigned char basira_lexicon_places[];
extern "C" const size_t basira_lexicon_places_size;
extern "C" const unsigned char basira_lexicon_icu_places[];
extern "C" const size_t basira_lexicon_icu_places_size;
extern "C" const unsigned char basira_lexicon_given_names[];
extern "C" const size_t basira_lexicon_given_names_size;
extern "C" const unsigned char basira_lexicon_news_people[];
extern "C" const size_t basira_lexicon_news_people_size;
extern "C" const unsigned char basira_lexicon_news_organizations[];
extern "C" const size_t basira_lexicon_news_organizations_size;
extern "C" const unsigned char basira_lexicon_news_places[];
extern "C" const size_t basira_lexicon_news_places_size;
extern "C" const unsigned char basira_lexicon_news_misc[];
extern "C" const size_t basira_lexicon_news_misc_size;

const char* const kTaggerLexicons[] = {
    "people",      "organizations",      "places",      "icu_places", "given_names",
    "news_people", "news_organizations", "news_places", "news_misc",  nullptr};

void LoadAnalyzerGazetteer(Gazetteer* gazetteer) {
  const std::pair<const unsigned char*, size_t> files[] = {
      {basira_lexicon_people, basira_lexicon_people_size},
      {basira_lexicon_organizations, basira_lexicon_organizations_size},
      {basira_lexicon_places, basira_lexicon_places_size},
      {basira_lexicon_icu_places, basira_lexicon_icu_places_size},
      {basira_lexicon_given_names, basira_lexicon_given_names_size},
      {basira_lexicon_news_people, basira_lexicon_news_people_size},
      {basira_lexicon_news_organizations, basira_lexicon_news_organizations_size},
      {basira_lexicon_news_places, basira_lexicon_news_places_size},
      {basira_lexicon_news_misc, basira_lexicon_news_misc_size},
  };
  for (const auto& [data, size] : files) {
    gazetteer->Parse(std::string_view(reinterpret_cast<const char*>(data), size));
  }
}

void WordClusters::Parse(std::string_view utf8) {
  ForEachPiece(utf8, "\n", [this](std::string_view line) {
    if (line.empty() || line[0] == '#') return;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) return;
    Classes classes;
    int j = 0;
    ForEachPiece(line.substr(tab + 1), ",", [&classes, &j](std::string_view field) {
      if (j >= kMaxClusterings) return;
      int value = 0;
      bool ok = !field.empty() && field.size() <= 4;
      for (char c : field) {
        ok = ok && c >= '0' && c <= '9';
        value = value * 10 + (c - '0');
      }
      classes.c[j++] = ok ? static_cast<int16_t>(value) : -1;
    });
    classes_[line.substr(0, tab)] = classes;
  });
}

void WordClusters::Annotate(std::vector<TokenInput>* tokens) const {
  if (classes_.empty()) return;
  for (TokenInput& t : *tokens) {
    const Classes* found = classes_.Find(t.stem);
    if (found == nullptr && t.key != t.stem) found = classes_.Find(t.key);
    if (found == nullptr) continue;
    for (int j = 0; j < kMaxClusterings; ++j) t.cluster[j] = found->c[j];
  }
}

extern "C" const unsigned char basira_word_clusters[];
extern "C" const size_t basira_word_clusters_size;

void LoadAnalyzerClusters(WordClusters* clusters) {
  clusters->Parse(std::string_view(reinterpret_cast<const char*>(basira_word_clusters),
                                   basira_word_clusters_size));
}

bool LoadFeatures(const FeatureFiles& files, const ReadFileFunction& read, Gazetteer* gazetteer,
                  WordClusters* clusters, std::string* unread) {
  if (files.lexicons.empty() && !files.no_lexicons) LoadAnalyzerGazetteer(gazetteer);
  for (const std::string& path : files.lexicons) {
    std::string text;
    if (!read(path, &text)) {
      *unread = path;
      return false;
    }
    gazetteer->Parse(text);
  }
  if (files.no_clusters) return true;
  if (files.clusters.empty()) {
    LoadAnalyzerClusters(clusters);
    return true;
  }
  std::string text;
  if (!read(files.clusters, &text)) {
    *unread = files.clusters;
    return false;
  }
  clusters->Parse(text);
  return true;
}

PreparedSentence Prepare(Pipeline* pipeline, const ConllSentence& sentence,
                         const Gazetteer* gazetteer, const WordClusters* clusters) {
  PreparedSentence out;
  out.joined = Join(sentence);
  out.tokens = pipeline->Tokens(out.joined.text, Span{0, out.joined.text.length()});
  if (gazetteer != nullptr) gazetteer->Annotate(&out.tokens);
  if (clusters != nullptr) clusters->Annotate(&out.tokens);
  out.gold = GoldMentions(sentence.tags);
  std::vector<Span> ours;
  ours.reserve(out.tokens.size());
  for (const TokenInput& t : out.tokens) ours.push_back(t.span);
  out.labels = ProjectLabels(out.joined.spans, out.gold, ours);
  return out;
}

void ErrorKinds::Add(const std::vector<TokenRange>& gold,
                     const std::vector<TokenRange>& predicted) {
  auto overlaps = [](const TokenRange& a, const TokenRange& b) {
    return a.first <= b.last && b.first <= a.last;
  };
  for (const TokenRange& p : predicted) {
    bool exact = false, any = false, same_type = false, same_span = false;
    for (const TokenRange& g : gold) {
      if (g == p) exact = true;
      if (!overlaps(g, p)) continue;
      any = true;
      if (g.type == p.type) same_type = true;
      if (g.first == p.first && g.last == p.last) same_span = true;
    }
    if (exact) continue;
    if (!any) {
      ++spurious;
    } else if (same_span) {
      ++wrong_type;
    } else if (same_type) {
      ++boundary;
    } else {
      ++other;
    }
  }
  for (const TokenRange& g : gold) {
    bool any = false;
    for (const TokenRange& p : predicted) any = any || overlaps(g, p);
    if (!any) ++missed;
  }
}

Scores Evaluate(const Tagger& tagger, const std::vector<PreparedSentence>& sentences,
                ErrorKinds* errors) {
  Scores scores;
  for (const PreparedSentence& s : sentences) {
    const std::vector<TokenRange> predicted =
        MapToGold(s.joined.spans, Mentions(s.tokens, tagger.Tag(s.tokens)));
    scores.Add(s.gold, predicted);
    if (errors != nullptr) errors->Add(s.gold, predicted);
  }
  return scores;
}

}  // namespace basira::tagger
