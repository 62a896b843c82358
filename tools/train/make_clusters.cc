// basira_make_clusters: word classes for the entity tagger, learned from UNLABELED text by the
// exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): every word (the match
// key of its clitic stem, as the tagger sees it) is put in one of K classes so that the class
// bigram model of the text is as likely as possible; words used in the same contexts (given
// names, clubs, car makers, cities) end up in the same class, whether or not a labeled sentence
// ever showed them. The tagger uses a token's classes as features (tagger::WordClusters).
//
// usage: basira_make_clusters [--classes K[,K]...] [--min-count N] [--iterations I]
//                             [--out PATH] SOURCE...
// SOURCE is one of
//   --conll FILE            every sentence of a CoNLL file (the tokens only; tags are ignored)
//   --conll-train FILE      the same without its last 10 % of sentences (ANERcorp train: the dev
//                           split basira_train_tagger holds out is never read)
//   --jsonl FILE FIELD      the string FIELD of every JSON line, one unit per text line
// Words seen fewer than N times (default 3) get no class. One clustering is made per K (default
// 256); the output has a line `stem<TAB>class[,class]...` per word, in the order of the --classes
// list, after comment lines (#) saying how it was made. Deterministic: the same text and options
// always give the same file.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "../eval/conll_file.h"
#include "tagger/ner_data.h"
#include "tagger/tagger.h"

namespace {

namespace t = basira::tagger;

// The corpus as word ids, units separated by the boundary word 0.
struct Corpus {
  std::unordered_map<std::string, int> ids{{"<s>", 0}};
  std::vector<std::string> words{"<s>"};
  std::vector<int> text{0};
  void AddUnit(t::Pipeline* pipeline, const icu::UnicodeString& unit) {
    const std::vector<t::TokenInput> tokens =
        pipeline->Tokens(unit, basira::Span{0, unit.length()});
    if (tokens.empty()) return;
    for (const t::TokenInput& token : tokens) {
      auto [it, added] = ids.emplace(token.stem, static_cast<int>(words.size()));
      if (added) words.push_back(token.stem);
      text.push_back(it->second);
    }
    text.push_back(0);
  }
};

// f(n) = n ln n, tabulated for the counts the corpus can hold.
std::vector<double> NLogN(size_t max) {
  std::vector<double> f(max + 1, 0.0);
  for (size_t n = 2; n <= max; ++n)
    f[n] = static_cast<double>(n) * std::log(static_cast<double>(n));
  return f;
}

// Exchange clustering of words 0..V-1 over the bigrams of `text` (rare words already mapped to
// one id). Returns the class of every word.
std::vector<int> Exchange(const std::vector<int>& text, int vocabulary, int classes,
                          int iterations) {
  // Sparse bigram counts per word: right neighbours (w, v) and left neighbours (u, w).
  std::unordered_map<uint64_t, int64_t> pairs;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    ++pairs[static_cast<uint64_t>(text[i]) << 32 | static_cast<uint32_t>(text[i + 1])];
  }
  std::vector<std::vector<std::pair<int, int64_t>>> right(vocabulary), left(vocabulary);
  std::vector<int64_t> self(vocabulary, 0), count_left(vocabulary, 0), count_right(vocabulary, 0);
  std::vector<std::pair<uint64_t, int64_t>> sorted(pairs.begin(), pairs.end());
  std::sort(sorted.begin(), sorted.end());  // deterministic neighbour order
  for (const auto& [key, n] : sorted) {
    const int u = static_cast<int>(key >> 32), v = static_cast<int>(key & 0xFFFFFFFFu);
    count_left[u] += n;
    count_right[v] += n;
    if (u == v) {
      self[u] += n;
    } else {
      right[u].emplace_back(v, n);
      left[v].emplace_back(u, n);
    }
  }
  const std::vector<double> f = NLogN(text.size() + 1);
  auto F = [&f](int64_t n) { return f[static_cast<size_t>(n)]; };

  // Initial classes: by frequency rank, round robin (word ids are already in rank order).
  std::vector<int> cls(vocabulary);
  for (int w = 0; w < vocabulary; ++w) cls[w] = w % classes;
  const size_t k = static_cast<size_t>(classes);
  std::vector<int64_t> n(k * k, 0), nl(k, 0), nr(k, 0);
  for (const auto& [key, c] : sorted) {
    const int u = static_cast<int>(key >> 32), v = static_cast<int>(key & 0xFFFFFFFFu);
    n[cls[u] * k + cls[v]] += c;
    nl[cls[u]] += c;
    nr[cls[v]] += c;
  }
  std::vector<int64_t> rw(k, 0), lw(k, 0);
  std::vector<int> rt, lt;  // the classes rw and lw hold
  std::vector<double> gain(k, 0.0);
  for (int it = 1; it <= iterations; ++it) {
    const auto start = std::chrono::steady_clock::now();
    int moved = 0;
    for (int w = 0; w < vocabulary; ++w) {
      rt.clear();
      lt.clear();
      for (const auto& [v, c] : right[w]) {
        if (rw[cls[v]] == 0) rt.push_back(cls[v]);
        rw[cls[v]] += c;
      }
      for (const auto& [u, c] : left[w]) {
        if (lw[cls[u]] == 0) lt.push_back(cls[u]);
        lw[cls[u]] += c;
      }
      const int a = cls[w];
      // Take w out of its class.
      for (int c : rt) n[a * k + c] -= rw[c];
      for (int c : lt) n[c * k + a] -= lw[c];
      n[a * k + a] -= self[w];
      nl[a] -= count_left[w];
      nr[a] -= count_right[w];
      // The gain of putting it into each class b; it moves only for a clearly better class.
      for (int b = 0; b < classes; ++b) {
        double g = 0;
        for (int c : rt) {
          if (c == b) continue;
          const int64_t x = n[b * k + c];
          g += F(x + rw[c]) - F(x);
        }
        for (int c : lt) {
          if (c == b) continue;
          const int64_t x = n[c * k + b];
          g += F(x + lw[c]) - F(x);
        }
        const int64_t bb = n[b * k + b];
        g += F(bb + rw[b] + lw[b] + self[w]) - F(bb);
        g -= F(nl[b] + count_left[w]) - F(nl[b]);
        g -= F(nr[b] + count_right[w]) - F(nr[b]);
        gain[b] = g;
      }
      int best = a;
      for (int b = 0; b < classes; ++b) {
        if (gain[b] > gain[best] + 1e-9) best = b;
      }
      // Put it into the best class.
      for (int c : rt) n[best * k + c] += rw[c];
      for (int c : lt) n[c * k + best] += lw[c];
      n[best * k + best] += self[w];
      nl[best] += count_left[w];
      nr[best] += count_right[w];
      if (best != a) ++moved;
      cls[w] = best;
      for (int c : rt) rw[c] = 0;
      for (int c : lt) lw[c] = 0;
    }
    double objective = 0;
    for (int64_t x : n) objective += F(x);
    for (size_t c = 0; c < k; ++c) objective -= F(nl[c]) + F(nr[c]);
    std::fprintf(stderr, "  K=%d iteration %d: %d words moved, objective %.1f (%.1f s)\n", classes,
                 it, moved, objective,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (moved == 0) break;
  }
  return cls;
}

int Usage() {
  std::fprintf(stderr,
               "usage: basira_make_clusters [--classes K[,K]...] [--min-count N] "
               "[--iterations I] [--out PATH] (--conll FILE | --conll-train FILE | "
               "--jsonl FILE FIELD)...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> class_counts;
  int min_count = 3, iterations = 20;
  std::string out_path = "data/models/clusters.txt", classes_arg = "256";
  struct Source {
    std::string kind, path, field;
  };
  std::vector<Source> sources;
  std::string command = "basira_make_clusters";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--classes" && has_value) {
      classes_arg = argv[++i];
    } else if (arg == "--min-count" && has_value) {
      min_count = std::atoi(argv[++i]);
    } else if (arg == "--iterations" && has_value) {
      iterations = std::atoi(argv[++i]);
    } else if (arg == "--out" && has_value) {
      out_path = argv[++i];
    } else if ((arg == "--conll" || arg == "--conll-train") && has_value) {
      sources.push_back({arg, argv[++i], ""});
    } else if (arg == "--jsonl" && i + 2 < argc) {
      sources.push_back({arg, argv[i + 1], argv[i + 2]});
      i += 2;
    } else {
      return Usage();
    }
  }
  for (size_t at = 0; at <= classes_arg.size();) {
    size_t comma = classes_arg.find(',', at);
    if (comma == std::string::npos) comma = classes_arg.size();
    class_counts.push_back(std::atoi(classes_arg.substr(at, comma - at).c_str()));
    at = comma + 1;
  }
  for (int k : class_counts) {
    if (k < 2 || k > 4096) return Usage();
  }
  if (sources.empty() || min_count < 1 || iterations < 1) return Usage();

  std::unique_ptr<t::Pipeline> pipeline;
  const basira::Status status = t::Pipeline::Create(&pipeline);
  if (!status.ok()) {
    std::fprintf(stderr, "basira_make_clusters: %s\n", status.message().c_str());
    return 1;
  }
  Corpus corpus;
  std::vector<std::string> provenance;
  for (const Source& s : sources) {
    std::string data;
    if (!basira::tools::ReadFile(s.path, &data)) {
      std::fprintf(stderr, "basira_make_clusters: cannot read %s\n", s.path.c_str());
      return 1;
    }
    const size_t before = corpus.text.size();
    std::string base = s.path.substr(s.path.rfind('/') + 1);
    if (s.kind == "--jsonl") {
      size_t units = 0;
      std::istringstream lines(data);
      std::string line;
      while (std::getline(lines, line)) {
        const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (!j.is_object() || !j.contains(s.field) || !j[s.field].is_string()) continue;
        std::istringstream paragraphs(j[s.field].get<std::string>());
        std::string paragraph;
        while (std::getline(paragraphs, paragraph)) {
          corpus.AddUnit(pipeline.get(), icu::UnicodeString::fromUTF8(paragraph));
        }
        ++units;
      }
      provenance.push_back(base + ": field " + s.field + " of " + std::to_string(units) + " lines");
    } else {
      std::vector<t::ConllSentence> sentences;
      std::string problem;
      if (!t::ParseConll(data, &sentences, &problem)) {
        std::fprintf(stderr, "basira_make_clusters: %s: %s\n", s.path.c_str(), problem.c_str());
        return 1;
      }
      size_t use = sentences.size();
      // The dev split basira_train_tagger carves (its default --dev-fraction 0.1) is left out.
      if (s.kind == "--conll-train") use -= static_cast<size_t>(0.1 * sentences.size());
      for (size_t i = 0; i < use; ++i) corpus.AddUnit(pipeline.get(), t::Join(sentences[i]).text);
      provenance.push_back(base + ": the first " + std::to_string(use) + " of " +
                           std::to_string(sentences.size()) + " sentences (tokens only)");
    }
    std::fprintf(stderr, "%s: %zu tokens\n", s.path.c_str(), corpus.text.size() - before);
  }

  // Words by frequency (ties by the word), rare ones folded into one id.
  std::vector<int64_t> counts(corpus.words.size(), 0);
  for (int w : corpus.text) ++counts[w];
  std::vector<int> order;
  for (size_t w = 1; w < corpus.words.size(); ++w) {
    if (counts[w] >= min_count) order.push_back(static_cast<int>(w));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : corpus.words[a] < corpus.words[b];
  });
  // New ids: 0 the boundary, 1 the rare words, then the kept words by rank.
  std::vector<int> remap(corpus.words.size(), 1);
  remap[0] = 0;
  for (size_t r = 0; r < order.size(); ++r) remap[order[r]] = static_cast<int>(r) + 2;
  std::vector<int> text(corpus.text.size());
  for (size_t i = 0; i < text.size(); ++i) text[i] = remap[corpus.text[i]];
  const int vocabulary = static_cast<int>(order.size()) + 2;
  std::fprintf(stderr, "%zu tokens, %zu distinct stems, %zu seen at least %d times\n", text.size(),
               corpus.words.size() - 1, order.size(), min_count);

  std::vector<std::vector<int>> clusterings;
  for (int k : class_counts) clusterings.push_back(Exchange(text, vocabulary, k, iterations));

  std::FILE* f = std::fopen(out_path.c_str(), "wb");
  if (f == nullptr) {
    std::fprintf(stderr, "basira_make_clusters: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::fprintf(f, "# Word classes for the entity tagger (tagger::WordClusters), made by\n");
  std::fprintf(f, "# basira_make_clusters --classes %s --min-count %d --iterations %d\n",
               classes_arg.c_str(), min_count, iterations);
  std::fprintf(f, "# from unlabeled text (%zu tokens of ours):\n", text.size());
  for (const std::string& p : provenance) std::fprintf(f, "#   %s\n", p.c_str());
  std::fprintf(f, "# A line: the match key of a clitic stem, TAB, its class in each clustering.\n");
  for (size_t r = 0; r < order.size(); ++r) {
    std::fprintf(f, "%s\t", corpus.words[order[r]].c_str());
    for (size_t c = 0; c < clusterings.size(); ++c) {
      std::fprintf(f, "%s%d", c > 0 ? "," : "", clusterings[c][r + 2]);
    }
    std::fprintf(f, "\n");
  }
  std::fclose(f);
  std::fprintf(stderr, "wrote %s (%zu words)\n", out_path.c_str(), order.size());
  return 0;
}
