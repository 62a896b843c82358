#include "summarize/summarize.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>

#include "normalize/normalize.h"

// Defined by the generated basira_summarize_stopwords.cc (data/summarize/stopwords.txt).
extern "C" const unsigned char basira_summarize_stopwords[];
extern "C" const size_t basira_summarize_stopwords_size;

namespace basira::summarize {
namespace {

// Weights of the sentence score (tuned mildly on the EASC dev set; see tools/eval/eval_rouge.cc).
// On EASC the lead is hard to beat (as on most news): position carries most of the score;
// paragraph openings, centrality, headline and entities break the ties among later sentences;
// sentences longer than kLongSentence words (which human extracts seldom keep whole: EASC's
// references cut every sentence at 255 characters) are scaled down, except the lede: the first
// eligible sentence states the story, and EASC's extracts keep it in two articles out of three,
// long or not (any later sentence: about one in three).
constexpr double kCentralityWeight = 0.05;
constexpr double kPositionWeight = 0.8;  // 1 / (1 + rank among the eligible sentences)
constexpr double kLateWeight = 0.15;     // 1 - rank / eligible sentences: late is worse
constexpr double kOpeningWeight = 0.1;   // the sentence opens its paragraph
constexpr double kHeadlineWeight = 0.05;
constexpr double kEntityWeight = 0.05;
constexpr double kWeightSum = kCentralityWeight + kPositionWeight + kLateWeight + kOpeningWeight +
                              kHeadlineWeight + kEntityWeight;  // scores end in [0, 1]
constexpr double kLongSentence = 35;
constexpr double kMmrLambda = 0.9;
constexpr double kDamping = 0.85;
constexpr int kLexRankIterations = 30;
constexpr int kMmrPoolMin = 50;
constexpr int kMmrPoolMax = 400;
constexpr int kShingle = 5;
constexpr int kMinHashes = 32;
constexpr int kBandRows = 4;
constexpr int kSignatureTerms = 8;
constexpr size_t kMaxPostings = 64;

// ln(x) for x > 0 with + - * / only (frexp is exact), so native and wasm give the same bits.
double Ln(double x) {
  int e = 0;
  double m = std::frexp(x, &e);
  if (m < 0.70710678118654752) {
    m *= 2;
    --e;
  }
  const double z = (m - 1) / (m + 1), z2 = z * z;
  double term = z, sum = 0;
  for (int k = 1; k < 41; k += 2) {
    sum += term / k;
    term *= z2;
  }
  return 2 * sum + e * 0.69314718055994530942;
}

double Round4(double x) { return std::floor(x * 10000 + 0.5) / 10000; }

uint64_t Mix(uint64_t x) {  // splitmix64's finalizer
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// What ends a sentence at the end of a block (as the structure stage reads a line's end).
bool EndsSentence(char16_t c) {
  return c == u'.' || c == u'!' || c == u'?' || c == u'؟' || c == u'…' || c == u'"' || c == u'”' ||
         c == u'»' || c == u')';
}

bool IsQuote(char16_t c) { return c == u'«' || c == u'»' || c == u'"' || c == u'“' || c == u'”'; }

std::string Utf8(const std::u16string& s) {
  std::string out;
  icu::UnicodeString(s.data(), static_cast<int32_t>(s.size())).toUTF8String(out);
  return out;
}

struct UnionFind {
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int32_t Find(int32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(int32_t a, int32_t b) {
    a = Find(a), b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the smaller index is the root
  }
  std::vector<int32_t> parent;
};

}  // namespace

// --- Summarizer, Collector ------------------------------------------------------------------

Status Summarizer::Create(std::unique_ptr<Summarizer>* out) {
  std::unique_ptr<Summarizer> s(new Summarizer());
  std::string_view data(reinterpret_cast<const char*>(basira_summarize_stopwords),
                        basira_summarize_stopwords_size);
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    const size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty()) s->stop_.Insert(normalize::KeyFromUtf8(line));
  }
  if (s->stop_.empty()) return Status(ErrorCode::kInternal, "the stop-word list is empty");
  *out = std::move(s);
  return Status::Ok();
}

int32_t Collector::Intern(std::u16string_view key) {
  if (const int32_t* id = ids_.Find(key)) return *id;
  // A stop word or a one-letter stem is remembered as -1, so it is looked up once.
  if (key.size() <= 1 || summarizer_.IsStopWord(key)) return *ids_.Insert(key, -1).first;
  const auto id = static_cast<int32_t>(terms_.size());
  ids_.Insert(key, id);
  terms_.emplace_back(key);
  return id;
}

void Collector::AddSentence(const icu::UnicodeString& text, Span sentence,
                            const std::vector<recognize::Word>& words) {
  // Quote marks that do not pair up: a piece of a quotation.
  int guillemets = 0, straight = 0, curly = 0;
  for (int32_t i = sentence.start; i < sentence.end; ++i) {
    const char16_t c = text.charAt(i);
    if (!IsQuote(c)) continue;
    if (c == u'«') ++guillemets;
    if (c == u'»') --guillemets;
    if (c == u'"') ++straight;
    if (c == u'“') ++curly;
    if (c == u'”') --curly;
  }
  fragment_.push_back(guillemets != 0 || straight % 2 != 0 || curly != 0);
  unfinished_.push_back(sentence.end > sentence.start &&
                        !EndsSentence(text.charAt(sentence.end - 1)));
  words_.push_back(static_cast<int32_t>(words.size()));
  bool previous = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const recognize::Word& w = words[i];
    const bool adjacent = i > 0 && recognize::Recognizer::Adjacent(text, words, i - 1);
    const int32_t id = Intern(w.stem_key);
    const bool term =
        id >= 0 && (w.key.size() == w.stem_key.size() || !summarizer_.IsStopWord(w.key));
    if (!term) {
      if (previous) seq_.push_back(-1), spans_.push_back(Span{});
      previous = false;
      continue;
    }
    if (previous && !adjacent) seq_.push_back(-1), spans_.push_back(Span{});
    seq_.push_back(id);
    spans_.push_back(Span{w.article >= 0 ? w.article : w.stem.start, w.span.end});
    previous = true;
  }
  begin_.push_back(static_cast<uint32_t>(seq_.size()));
}

// --- Model ------------------------------------------------------------------------------------

Model::Model(const Collector& collector, const Result& result)
    : collector_(collector), result_(result) {
  const size_t n = result.sentences.size();
  const size_t terms = collector.terms_.size();
  // Document frequencies over sentences, then unit-length TF-IDF vectors.
  std::vector<int32_t>& df = df_;
  std::vector<int32_t> last(terms, -1);
  df.assign(terms, 0);
  for (size_t s = 0; s + 1 < collector.begin_.size() && s < n; ++s) {
    for (uint32_t k = collector.begin_[s]; k < collector.begin_[s + 1]; ++k) {
      const int32_t t = collector.seq_[k];
      if (t >= 0 && last[t] != static_cast<int32_t>(s)) ++df[t], last[t] = static_cast<int32_t>(s);
    }
  }
  idf_.resize(terms);
  for (size_t t = 0; t < terms; ++t) idf_[t] = Ln((n + 1.0) / (df[t] + 0.5));
  vbegin_.assign(1, 0);
  std::vector<int32_t> ids;
  for (size_t s = 0; s < n; ++s) {
    ids.clear();
    if (s + 1 < collector.begin_.size()) {
      for (uint32_t k = collector.begin_[s]; k < collector.begin_[s + 1]; ++k) {
        if (collector.seq_[k] >= 0) ids.push_back(collector.seq_[k]);
      }
    }
    std::sort(ids.begin(), ids.end());
    const size_t from = vterm_.size();
    double norm = 0;
    for (size_t i = 0; i < ids.size();) {
      size_t j = i;
      while (j < ids.size() && ids[j] == ids[i]) ++j;
      const double w = static_cast<double>(j - i) * idf_[ids[i]];
      vterm_.push_back(ids[i]);
      vweight_.push_back(w);
      norm += w * w;
      i = j;
    }
    if (norm > 0) {
      norm = std::sqrt(norm);
      for (size_t k = from; k < vweight_.size(); ++k) vweight_[k] /= norm;
    }
    vbegin_.push_back(static_cast<uint32_t>(vterm_.size()));
  }
  // Entity salience per sentence: each entity counted once per sentence.
  salience_.assign(n, 0);
  std::vector<int32_t> seen(n, -1);
  for (size_t e = 0; e < result.entities.size(); ++e) {
    for (const Mention& m : result.entities[e].mentions) {
      if (m.sentence < 0 || static_cast<size_t>(m.sentence) >= n) continue;
      if (seen[m.sentence] == static_cast<int32_t>(e)) continue;
      seen[m.sentence] = static_cast<int32_t>(e);
      salience_[m.sentence] += result.entities[e].salience;
    }
  }
  // Per document, the entities it mentions outside captions, bylines and sections. An entity's
  // mentions are in text order, so its documents come in runs.
  doc_entities_.resize(result.documents.size());
  for (size_t e = 0; e < result.entities.size(); ++e) {
    const std::vector<Mention>& mentions = result.entities[e].mentions;
    for (size_t i = 0; i < mentions.size(); ++i) {
      const Sentence& sentence = result.sentences[mentions[i].sentence];
      if (sentence.block == BlockKind::kCaption || sentence.block == BlockKind::kByline ||
          sentence.block == BlockKind::kSection) {
        continue;
      }
      std::vector<EntityInDocument>& list = doc_entities_[sentence.document];
      if (list.empty() || list.back().entity != static_cast<int32_t>(e)) {
        list.push_back(EntityInDocument{static_cast<int32_t>(e), static_cast<int32_t>(i), 0});
      }
      ++list.back().count;
    }
  }
  doc_range_.assign(result.documents.size(), {0, 0});
  for (size_t s = 0; s < n;) {
    const int32_t d = result.sentences[s].document;
    size_t e = s;
    while (e < n && result.sentences[e].document == d) ++e;
    doc_range_[d] = {static_cast<int32_t>(s), static_cast<int32_t>(e)};
    s = e;
  }
  if (result.documents.size() >= 2) {
    Group();
  } else {
    group_.resize(n);
    std::iota(group_.begin(), group_.end(), 0);
  }
}

bool Model::Eligible(int32_t s) const {
  const Sentence& sentence = result_.sentences[s];
  if (sentence.block != BlockKind::kParagraph) return false;
  if (collector_.fragment_[s]) return false;
  return static_cast<int>(vbegin_[s + 1] - vbegin_[s]) >= kMinTerms;
}

double Model::Cosine(int32_t a, int32_t b) const {
  uint32_t i = vbegin_[a], j = vbegin_[b];
  const uint32_t ie = vbegin_[a + 1], je = vbegin_[b + 1];
  double dot = 0;
  while (i < ie && j < je) {
    if (vterm_[i] < vterm_[j]) {
      ++i;
    } else if (vterm_[j] < vterm_[i]) {
      ++j;
    } else {
      dot += vweight_[i++] * vweight_[j++];
    }
  }
  return dot;
}

std::vector<double> Model::Centrality(const std::vector<int32_t>& sentences) const {
  const size_t n = sentences.size();
  std::vector<double> out(n, n == 0 ? 0 : 1.0 / n);
  if (n < 2) return out;
  if (n > static_cast<size_t>(kMaxLexRankSentences)) {
    // Too long for LexRank: the cosine to the document's centroid, in linear time.
    std::unordered_map<int32_t, double> centroid;
    std::vector<int32_t> order;
    for (int32_t s : sentences) {
      for (uint32_t k = vbegin_[s]; k < vbegin_[s + 1]; ++k) centroid[vterm_[k]] += vweight_[k];
    }
    for (size_t i = 0; i < n; ++i) {
      double dot = 0;
      for (uint32_t k = vbegin_[sentences[i]]; k < vbegin_[sentences[i] + 1]; ++k) {
        dot += vweight_[k] * centroid[vterm_[k]];
      }
      out[i] = dot;
    }
    return out;
  }
  std::vector<double> sim(n * n, 0), row(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const double c = Cosine(sentences[i], sentences[j]);
      sim[i * n + j] = sim[j * n + i] = c;
      row[i] += c;
      row[j] += c;
    }
  }
  // to[j * n + i]: the share of sentence i's weight that flows to j (rows normalized).
  std::vector<double> to(n * n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (row[i] <= 0) continue;
    for (size_t j = 0; j < n; ++j) to[j * n + i] = sim[i * n + j] / row[i];
  }
  std::vector<double> next(n);
  for (int it = 0; it < kLexRankIterations; ++it) {
    double dangling = 0;
    for (size_t i = 0; i < n; ++i) {
      if (row[i] <= 0) dangling += out[i];
    }
    for (size_t j = 0; j < n; ++j) {
      const double* column = &to[j * n];
      double sum = 0;
      for (size_t i = 0; i < n; ++i) sum += out[i] * column[i];
      next[j] = (1 - kDamping) / n + kDamping * (sum + dangling / n);
    }
    out.swap(next);
  }
  return out;
}

Model::DocScores Model::Score(int32_t document) const {
  DocScores d;
  const auto [first, end] = doc_range_[document];
  std::vector<int32_t> headline;
  for (int32_t s = first; s < end; ++s) {
    const BlockKind kind = result_.sentences[s].block;
    if (kind == BlockKind::kHeadline || kind == BlockKind::kSubheadline) headline.push_back(s);
    if (Eligible(s)) d.eligible.push_back(s);
  }
  const size_t n = d.eligible.size();
  d.score.assign(n, 0);
  if (n == 0) return d;
  std::vector<double> central = Centrality(d.eligible);
  auto normalize = [](std::vector<double>* v) {
    double max = 0;
    for (double x : *v) max = std::max(max, x);
    if (max > 0) {
      for (double& x : *v) x /= max;
    }
  };
  normalize(&central);
  // Sentences that open their paragraph. In a hard-wrapped text (a line break every 70 or 80
  // characters, as in mailed or PDF-copied articles) every line is a block: a line that goes on
  // with the sentence the paragraph line before it left unfinished opens nothing. (On EASC's
  // wrapped newspaper articles, such pieces are kept half as often as the sentences that start.)
  std::vector<double> opens(n, 0);
  {
    const std::vector<Block>& blocks = result_.documents[document].blocks;
    size_t b = 0;
    int32_t last_block = -1;
    for (size_t i = 0; i < n; ++i) {
      const int32_t s = d.eligible[i];
      const Span sp = result_.sentences[s].span;
      while (b < blocks.size() && blocks[b].span.end <= sp.start) ++b;
      const bool continues = s > first && result_.sentences[s - 1].block == BlockKind::kParagraph &&
                             collector_.unfinished_[s - 1];
      opens[i] = b < blocks.size() && static_cast<int32_t>(b) != last_block && !continues;
      last_block = static_cast<int32_t>(b);
    }
  }
  std::vector<double> head(n, 0), entity(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (int32_t h : headline) head[i] = std::max(head[i], Cosine(d.eligible[i], h));
    entity[i] = salience_[d.eligible[i]];
  }
  normalize(&head);
  normalize(&entity);
  for (size_t i = 0; i < n; ++i) {
    const double position = 1 / (1.0 + static_cast<double>(i));
    const double words = this->words(d.eligible[i]);
    // The lede (the first eligible sentence) is never scaled down: it states the story.
    const double length = i == 0 || words <= kLongSentence ? 1 : kLongSentence / words;
    d.score[i] = length *
                 (kCentralityWeight * central[i] + kPositionWeight * position +
                  kHeadlineWeight * head[i] + kEntityWeight * entity[i] +
                  kOpeningWeight * opens[i] + kLateWeight * (1 - static_cast<double>(i) / n)) /
                 kWeightSum;
  }
  return d;
}

std::vector<int32_t> Model::Mmr(const std::vector<int32_t>& candidates,
                                const std::vector<double>& score, int32_t limit,
                                std::vector<double>* chosen_scores) const {
  // The pool: the best-scored candidates (ties: the earlier sentence).
  std::vector<size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return score[a] > score[b]; });
  const size_t pool =
      std::min(order.size(), static_cast<size_t>(std::clamp(4 * limit, kMmrPoolMin, kMmrPoolMax)));
  order.resize(pool);
  std::vector<double> redundancy(pool, 0);
  std::vector<bool> taken(pool, false);
  std::vector<int32_t> out;
  while (static_cast<int32_t>(out.size()) < limit && out.size() < pool) {
    size_t best = pool;
    double best_value = 0;
    for (size_t i = 0; i < pool; ++i) {
      if (taken[i]) continue;
      const double value = kMmrLambda * score[order[i]] - (1 - kMmrLambda) * redundancy[i];
      if (best == pool || value > best_value) best = i, best_value = value;
    }
    taken[best] = true;
    const int32_t chosen = candidates[order[best]];
    out.push_back(chosen);
    if (chosen_scores != nullptr) chosen_scores->push_back(score[order[best]]);
    for (size_t i = 0; i < pool; ++i) {
      if (!taken[i]) {
        redundancy[i] = std::max(redundancy[i], Cosine(candidates[order[i]], chosen));
      }
    }
  }
  return out;
}

std::vector<int32_t> Model::Rank(int32_t document, Method method, int32_t limit) const {
  const DocScores d = Score(document);
  std::vector<int32_t> out;
  if (method == Method::kLead) {
    out = d.eligible;
  } else if (method == Method::kLexRank) {
    const std::vector<double> central = Centrality(d.eligible);
    std::vector<size_t> order(d.eligible.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return central[a] > central[b]; });
    for (size_t i : order) out.push_back(d.eligible[i]);
  } else {
    out = Mmr(d.eligible, d.score, limit, nullptr);
  }
  if (static_cast<int32_t>(out.size()) > limit) out.resize(limit);
  return out;
}

int32_t Model::Count(const SummaryLength& length, const std::vector<int32_t>& ranked,
                     int32_t eligible) const {
  if (ranked.empty()) return 0;
  int32_t count = 1;
  switch (length.unit) {
    case SummaryLength::Unit::kSentences:
      count = static_cast<int32_t>(std::min(length.value, 1e6));
      break;
    case SummaryLength::Unit::kRatio:
      count = static_cast<int32_t>(std::floor(length.value * eligible + 0.5));
      break;
    case SummaryLength::Unit::kWords:
      count = static_cast<int32_t>(ranked.size());
      break;
  }
  count = std::max(1, std::min(count, kMaxSummarySentences));
  return std::min(count, static_cast<int32_t>(ranked.size()));
}

void Model::Summarize(const SummaryLength& length, Result* result) const {
  std::vector<DocScores> scores;
  scores.reserve(result_.documents.size());
  for (size_t doc = 0; doc < result_.documents.size(); ++doc) {
    scores.push_back(Score(static_cast<int32_t>(doc)));
    const DocScores& d = scores.back();
    DocumentSummary summary;
    summary.document = static_cast<int32_t>(doc);
    summary.input = result_.documents[doc].input;
    const int32_t want = length.unit == SummaryLength::Unit::kWords
                             ? kMaxSummarySentences
                             : Count(length, d.eligible, static_cast<int32_t>(d.eligible.size()));
    std::vector<double> chosen_scores;
    const std::vector<int32_t> ranked = Mmr(d.eligible, d.score, want, &chosen_scores);
    int64_t words = 0;
    for (size_t i = 0; i < ranked.size(); ++i) {
      const int32_t s = ranked[i];
      if (length.unit == SummaryLength::Unit::kWords) {
        if (!summary.sentences.empty() && words + this->words(s) > length.value) continue;
        words += this->words(s);
      }
      summary.sentences.push_back(SummarySentence{s, result_.sentences[s].input,
                                                  result_.sentences[s].span,
                                                  Round4(std::min(1.0, chosen_scores[i]))});
    }
    std::sort(
        summary.sentences.begin(), summary.sentences.end(),
        [](const SummarySentence& a, const SummarySentence& b) { return a.sentence < b.sentence; });
    summary.keyphrases = Keyphrases(static_cast<int32_t>(doc));
    result->summaries.push_back(std::move(summary));
  }
  if (result_.documents.size() >= 2) Story(scores, length, result);
}

std::vector<Keyphrase> Model::Keyphrases(int32_t document) const {
  // A document of a megabyte has a few hundred thousand n-grams, so a candidate is kept small: an
  // n-gram's terms are seq_[first, first + size), found again through `first` (its first
  // occurrence), and the index holds ids only. An entity's terms are not one run of seq_ (its
  // words may skip a stop word): they go to `pool`, with the rest of it, in `extras`.
  struct Candidate {
    int32_t first = 0;  // index in seq_ of the first occurrence (an entity's first term)
    int32_t size = 0;
    int32_t count = 0;
    int32_t weight = 0;  // n-grams: their occurrences, those in a headline twice
    int32_t extra = -1;  // entities: index in extras
  };
  struct EntityCandidate {
    uint32_t begin = 0;  // terms: pool[begin, begin + size)
    int32_t entity = 0;
    double weight = 0;
    Span span;
  };
  std::vector<Candidate> candidates;
  std::vector<EntityCandidate> extras;
  std::vector<int32_t> pool;
  auto terms_of = [&](const Candidate& c) {
    const int32_t* begin =
        c.extra < 0 ? &collector_.seq_[c.first] : pool.data() + extras[c.extra].begin;
    return std::make_pair(begin, begin + c.size);
  };
  const auto [first, end] = doc_range_[document];
  const int32_t input = result_.documents[document].input;
  table::IdIndex index;  // candidates by their terms, the n-gram's term ids read as bytes
  for (int32_t s = first; s < end; ++s) {
    const BlockKind kind = result_.sentences[s].block;
    if (kind == BlockKind::kByline || kind == BlockKind::kDateline || kind == BlockKind::kSection ||
        kind == BlockKind::kCaption) {
      continue;
    }
    const int32_t weight = kind == BlockKind::kHeadline || kind == BlockKind::kSubheadline ? 2 : 1;
    const uint32_t b = collector_.begin_[s], e = collector_.begin_[s + 1];
    for (uint32_t k = b; k < e; ++k) {
      for (uint32_t len = 1; len <= 3 && k + len <= e; ++len) {
        if (collector_.seq_[k + len - 1] < 0) break;
        const int32_t* terms = &collector_.seq_[k];
        const std::string_view bytes(reinterpret_cast<const char*>(terms), len * sizeof(int32_t));
        const auto [id, added] = index.Insert(
            table::Hash(bytes), static_cast<uint32_t>(candidates.size()), [&](uint32_t at) {
              const Candidate& c = candidates[at];
              return c.size == static_cast<int32_t>(len) &&
                     std::equal(terms, terms + len, &collector_.seq_[c.first]);
            });
        if (added) {
          Candidate c;
          c.first = static_cast<int32_t>(k);
          c.size = static_cast<int32_t>(len);
          candidates.push_back(c);
        }
        Candidate& c = candidates[id];
        ++c.count;
        c.weight += weight;
      }
    }
  }
  // Entities the document mentions: their first mention's terms.
  for (const EntityInDocument& in : doc_entities_[document]) {
    const Entity& entity = result_.entities[in.entity];
    const Mention* firstm = &entity.mentions[in.first];
    Candidate c;
    EntityCandidate x;
    x.begin = static_cast<uint32_t>(pool.size());
    const uint32_t b = collector_.begin_[firstm->sentence],
                   en = collector_.begin_[firstm->sentence + 1];
    for (uint32_t k = b; k < en; ++k) {
      const Span sp = collector_.spans_[k];
      if (collector_.seq_[k] >= 0 && sp.start >= firstm->span.start && sp.end <= firstm->span.end) {
        if (c.size == 0) c.first = static_cast<int32_t>(k);
        pool.push_back(collector_.seq_[k]);
        ++c.size;
      }
    }
    if (c.size == 0) continue;
    c.count = in.count;
    c.extra = static_cast<int32_t>(extras.size());
    x.entity = in.entity;
    x.weight = in.count * (1 + entity.salience);
    x.span = firstm->span;
    extras.push_back(x);
    candidates.push_back(c);
  }
  // Scores: multi-word phrases must recur (or stand in the headline); single words must recur
  // more; a term's rarity in the request (idf) and an early first occurrence help.
  std::vector<std::pair<double, size_t>> ranked;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    const size_t n = c.size;
    const bool entity = c.extra >= 0;
    if (!entity && (c.count < 2 || (n == 1 && c.count < 3))) continue;
    double idf = 0;
    const auto [terms_begin, terms_end] = terms_of(c);
    for (auto t = terms_begin; t != terms_end; ++t) idf += idf_[*t];
    idf /= n;
    const double length = entity ? 2.0 : n == 1 ? 0.6 : 1.0 + 0.3 * (n - 1);
    const double early = 1 + 1 / std::sqrt(1.0 + (c.first - collector_.begin_[first]) / 20.0);
    const double weight = entity ? extras[c.extra].weight : c.weight;
    ranked.push_back({weight * length * (1 + idf) * early, i});
  }
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return candidates[a.second].first < candidates[b.second].first ||
           (candidates[a.second].first == candidates[b.second].first && a.second < b.second);
  });
  std::vector<Keyphrase> out;
  std::vector<std::vector<int32_t>> kept;
  for (const auto& [score, i] : ranked) {
    if (static_cast<int>(out.size()) >= kMaxKeyphrases) break;
    const Candidate& c = candidates[i];
    const auto [terms_begin, terms_end] = terms_of(c);
    std::vector<int32_t> sorted(terms_begin, terms_end);
    std::sort(sorted.begin(), sorted.end());
    bool covered = false;
    for (const auto& k : kept) {
      covered = covered || std::includes(k.begin(), k.end(), sorted.begin(), sorted.end()) ||
                std::includes(sorted.begin(), sorted.end(), k.begin(), k.end());
    }
    if (covered) continue;
    kept.push_back(sorted);
    std::u16string key;
    for (auto t = terms_begin; t != terms_end; ++t) {
      if (!key.empty()) key += u' ';
      key += collector_.terms_[*t];
    }
    Keyphrase p;
    p.key = Utf8(key);
    p.score = ranked.front().first > 0 ? Round4(score / ranked.front().first) : 0;
    p.count = c.count;
    p.input = input;
    if (c.extra >= 0) {
      p.span = extras[c.extra].span;
      p.entity = extras[c.extra].entity;
    } else {
      p.span = Span{collector_.spans_[c.first].start, collector_.spans_[c.first + c.size - 1].end};
    }
    out.push_back(std::move(p));
  }
  return out;
}

void Model::Group() {
  // Sentences that say the same thing in different documents: candidates are earlier sentences
  // holding at least two of a sentence's kSignatureTerms rarest terms (every term is indexed,
  // its postings capped), then cosine >= threshold.
  std::vector<int32_t> all;
  for (size_t s = 0; s < result_.sentences.size(); ++s) {
    if (Eligible(static_cast<int32_t>(s))) all.push_back(static_cast<int32_t>(s));
  }
  std::vector<std::vector<int32_t>> postings(idf_.size());
  UnionFind groups(result_.sentences.size());
  // Per candidate sentence: how many of s's signature terms it holds (reset after each s), and
  // the candidates counted, so that a sentence's work is linear in its postings (no sort of them).
  static_assert(kSignatureTerms < 256, "a count of signature terms fits in a byte");
  std::vector<uint8_t> hits(result_.sentences.size(), 0);
  std::vector<int32_t> touched, shared;
  for (int32_t s : all) {
    std::vector<std::pair<double, int32_t>> terms;
    for (uint32_t k = vbegin_[s]; k < vbegin_[s + 1]; ++k) {
      // A term no other sentence holds can match nothing.
      if (df_[vterm_[k]] > 1) terms.push_back({idf_[vterm_[k]], vterm_[k]});
    }
    std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (terms.size() > static_cast<size_t>(kSignatureTerms)) terms.resize(kSignatureTerms);
    touched.clear();
    for (const auto& [w, t] : terms) {
      for (int32_t other : postings[t]) {
        if (result_.sentences[other].document != result_.sentences[s].document &&
            hits[other]++ == 0) {
          touched.push_back(other);
        }
      }
    }
    shared.clear();
    for (int32_t other : touched) {
      if (hits[other] >= 2) shared.push_back(other);
      hits[other] = 0;
    }
    // Earlier sentences first, as the groups' representatives depend on the order of unions.
    std::sort(shared.begin(), shared.end());
    for (int32_t other : shared) {
      // A candidate already in s's group adds nothing (a sentence copied into many documents
      // would otherwise be compared with every copy the postings hold).
      if (groups.Find(other) != groups.Find(s) && Cosine(s, other) >= kSameSentenceCosine) {
        groups.Union(other, s);
      }
    }
    for (uint32_t k = vbegin_[s]; k < vbegin_[s + 1]; ++k) {
      if (postings[vterm_[k]].size() < kMaxPostings) postings[vterm_[k]].push_back(s);
    }
  }
  group_.resize(result_.sentences.size());
  for (size_t s = 0; s < group_.size(); ++s) group_[s] = groups.Find(static_cast<int32_t>(s));
}

void Model::Story(const std::vector<DocScores>& scores, const SummaryLength& length,
                  Result* result) const {
  const size_t docs = result_.documents.size();
  // Near-duplicate documents: word 5-shingles, min-hash bands to find candidates, then the
  // exact Jaccard against the first document of each band bucket.
  std::vector<std::vector<uint64_t>> shingles(docs);
  std::vector<std::vector<uint64_t>> signature(docs, std::vector<uint64_t>(kMinHashes, ~0ull));
  for (size_t d = 0; d < docs; ++d) {
    std::vector<int32_t> terms;
    for (uint32_t k = collector_.begin_[doc_range_[d].first];
         k < collector_.begin_[doc_range_[d].second]; ++k) {
      if (collector_.seq_[k] >= 0) terms.push_back(collector_.seq_[k]);
    }
    for (size_t i = 0; i + kShingle <= terms.size(); ++i) {
      uint64_t h = 0;
      for (int j = 0; j < kShingle; ++j) h = Mix(h ^ static_cast<uint64_t>(terms[i + j] + 1));
      shingles[d].push_back(h);
    }
    std::sort(shingles[d].begin(), shingles[d].end());
    shingles[d].erase(std::unique(shingles[d].begin(), shingles[d].end()), shingles[d].end());
    for (uint64_t h : shingles[d]) {
      for (int i = 0; i < kMinHashes; ++i) {
        signature[d][i] = std::min(signature[d][i], Mix(h + 0x51ED27ull * (i + 1)));
      }
    }
  }
  UnionFind origin(docs);
  std::unordered_map<uint64_t, int32_t> buckets;  // band hash -> first document
  for (size_t d = 0; d < docs; ++d) {
    if (shingles[d].empty()) continue;
    std::vector<int32_t> seen;
    for (int band = 0; band < kMinHashes / kBandRows; ++band) {
      uint64_t h = Mix(static_cast<uint64_t>(band));
      for (int r = 0; r < kBandRows; ++r) h = Mix(h ^ signature[d][band * kBandRows + r]);
      auto [it, added] = buckets.emplace(h, static_cast<int32_t>(d));
      if (!added) seen.push_back(it->second);
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (int32_t other : seen) {
      const auto& a = shingles[other];
      const auto& b = shingles[d];
      size_t i = 0, j = 0, common = 0;
      while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) {
          ++i;
        } else if (b[j] < a[i]) {
          ++j;
        } else {
          ++common, ++i, ++j;
        }
      }
      const double jaccard = static_cast<double>(common) / (a.size() + b.size() - common);
      if (jaccard >= kDuplicateJaccard) {
        origin.Union(other, static_cast<int32_t>(d));
        result->story.duplicates.push_back(
            DuplicateDocument{static_cast<int32_t>(d), result_.documents[d].input, other,
                              result_.documents[other].input, Round4(jaccard)});
        break;
      }
    }
  }

  std::vector<int32_t> all;
  std::vector<double> score_of(result_.sentences.size(), -1);
  for (const DocScores& d : scores) {
    for (size_t i = 0; i < d.eligible.size(); ++i) {
      all.push_back(d.eligible[i]);
      score_of[d.eligible[i]] = d.score[i];
    }
  }
  std::sort(all.begin(), all.end());
  // One candidate per group: its best-scored sentence, scored by its independent support.
  std::unordered_map<int32_t, size_t> group_index;
  struct Group {
    std::vector<int32_t> sentences;
    int32_t best = -1;
  };
  std::vector<Group> list;
  for (int32_t s : all) {
    auto [it, added] = group_index.emplace(group_[s], list.size());
    if (added) list.emplace_back();
    Group& g = list[it->second];
    g.sentences.push_back(s);
    if (g.best < 0 || score_of[s] > score_of[g.best]) g.best = s;
  }
  // Shared groups (two independent documents or more) compete for the summary's length; groups
  // only one document says are kept aside for the single-source entries.
  std::vector<int32_t> candidates, singles;
  std::vector<double> candidate_score, raw(list.size(), 0);
  std::unordered_map<int32_t, size_t> group_of_best;
  std::vector<int32_t> story_origins;  // documents that share a group with another one
  double eligible_per_doc = static_cast<double>(all.size()) / docs;
  double max = 0;
  for (size_t g = 0; g < list.size(); ++g) {
    std::vector<int32_t> origins;
    for (int32_t s : list[g].sentences) {
      origins.push_back(origin.Find(result_.sentences[s].document));
    }
    std::sort(origins.begin(), origins.end());
    const auto support = std::unique(origins.begin(), origins.end()) - origins.begin();
    // Independent support first, then the best sentence's score within its document.
    raw[g] = static_cast<double>(support) + score_of[list[g].best];
    max = std::max(max, raw[g]);
    group_of_best[list[g].best] = g;
    if (support >= 2) {
      candidates.push_back(list[g].best);
      candidate_score.push_back(raw[g]);
      story_origins.insert(story_origins.end(), origins.begin(), origins.end());
    } else {
      singles.push_back(list[g].best);
    }
  }
  if (max > 0) {
    for (double& x : candidate_score) x /= max;
  }
  const int32_t want =
      length.unit == SummaryLength::Unit::kWords
          ? kMaxSummarySentences
          : Count(length, candidates, static_cast<int32_t>(std::floor(eligible_per_doc + 0.5)));
  std::vector<double> chosen_scores;
  std::vector<int32_t> ranked = Mmr(candidates, candidate_score, want, &chosen_scores);
  std::sort(story_origins.begin(), story_origins.end());
  // What one outlet alone reports: the best-scored single-source sentences (at most one per
  // document, within the top of their document, unlike every entry already chosen).
  std::stable_sort(singles.begin(), singles.end(),
                   [&](int32_t a, int32_t b) { return score_of[a] > score_of[b]; });
  const size_t shared = ranked.size();
  std::vector<int32_t> single_origins;
  for (int32_t s : singles) {
    if (static_cast<int>(ranked.size() - shared) >= kMaxSingleSource) break;
    if (score_of[s] < kSingleSourceMinScore) break;
    const int32_t o = origin.Find(result_.sentences[s].document);
    if (std::find(single_origins.begin(), single_origins.end(), o) != single_origins.end()) {
      continue;
    }
    // When some documents share sentences, one that shares none is another story.
    if (!story_origins.empty() &&
        !std::binary_search(story_origins.begin(), story_origins.end(), o)) {
      continue;
    }
    bool redundant = false;
    for (int32_t r : ranked) redundant = redundant || Cosine(s, r) >= kSameSentenceCosine;
    if (redundant) continue;
    single_origins.push_back(o);
    ranked.push_back(s);
    chosen_scores.push_back(max > 0 ? raw[group_of_best[s]] / max : 0);
  }
  int64_t words = 0;
  for (size_t i = 0; i < ranked.size(); ++i) {
    const int32_t s = ranked[i];
    if (length.unit == SummaryLength::Unit::kWords) {
      if (!result->story.summary.empty() && words + this->words(s) > length.value) continue;
      words += this->words(s);
    }
    const Sentence& sentence = result_.sentences[s];
    StorySentence out;
    out.sentence = s;
    out.input = sentence.input;
    out.document = sentence.document;
    out.span = sentence.span;
    out.score = Round4(chosen_scores[i]);
    out.sentences = list[group_of_best[s]].sentences;
    out.single_source = i >= shared;
    for (int32_t m : out.sentences) {
      out.support.push_back(result_.sentences[m].input);
      out.documents.push_back(result_.sentences[m].document);
    }
    for (auto* v : {&out.support, &out.documents}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    result->story.summary.push_back(std::move(out));
  }
}

}  // namespace basira::summarize
