// basira_eval_ner: scores an entity tagger model on CoNLL files the measured way: the gold
// tokens of a sentence are joined by single spaces, cut into OUR tokens and tagged; a predicted
// mention marks every gold token it overlaps; conlleval exact-span micro and per-type P/R/F1.
//
// usage: basira_eval_ner [--model PATH] [--tail F] FILE.conll...
//   --model PATH  the model (default data/models/ner.model)
//   --tail F      score only the last F of each file's sentences (--tail 0.1 on ANERcorp train
//                 is the dev split basira_train_tagger holds out)
//   --lexicon FILE  a lexicon file for the tokens' lexicon hook, instead of the analyzer's
//                 linked-in lexicons (repeatable; the same files the model was trained with)
//   --no-lexicons no lexicon features (for a model trained with --no-lexicons)
//   --clusters FILE  word classes instead of the linked-in data/models/clusters.txt (the file
//                 the model was trained with); --no-clusters: none
//   --show N      also print the first N gold mentions that were not found exactly and the
//                 first N predictions that were wrong, with the gold tokens they cover
// Prints a table per type, the micro over all types and over PER/LOC/ORG, what the errors are
// made of, and the tagging speed. Exits 1 if a file or the model cannot be read.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "conll_file.h"
#include "tagger/ner_data.h"
#include "tagger/tagger.h"

namespace {

using basira::tagger::Counts;

using basira::tools::ReadFile;

void Row(const char* name, const Counts& c) {
  std::printf("%-16s %6lld %6lld %6lld  %6.2f %6.2f %6.2f\n", name,
              static_cast<long long>(c.tp + c.fn), static_cast<long long>(c.tp + c.fp),
              static_cast<long long>(c.tp), c.Precision(), c.Recall(), c.F1());
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path = "data/models/ner.model";
  double tail = 1.0;
  int show = 0;
  std::vector<std::string> files, lexicons;
  bool no_lexicons = false, no_clusters = false;
  std::string clusters_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--model" && i + 1 < argc) {
      model_path = argv[++i];
    } else if (arg == "--tail" && i + 1 < argc) {
      tail = std::atof(argv[++i]);
    } else if (arg == "--lexicon" && i + 1 < argc) {
      lexicons.push_back(argv[++i]);
    } else if (arg == "--no-lexicons") {
      no_lexicons = true;
    } else if (arg == "--clusters" && i + 1 < argc) {
      clusters_path = argv[++i];
    } else if (arg == "--no-clusters") {
      no_clusters = true;
    } else if (arg == "--show" && i + 1 < argc) {
      show = std::atoi(argv[++i]);
    } else if (!arg.empty() && arg[0] != '-') {
      files.push_back(arg);
    } else {
      files.clear();
      break;
    }
  }
  if (files.empty() || tail <= 0 || tail > 1) {
    std::fprintf(stderr,
                 "usage: basira_eval_ner [--model PATH] [--tail F] [--show N] [--lexicon FILE]... "
                 "[--no-lexicons] [--clusters FILE] [--no-clusters] FILE.conll...\n");
    return 2;
  }

  std::string bytes;
  if (!ReadFile(model_path, &bytes)) {
    std::fprintf(stderr, "basira_eval_ner: cannot read %s\n", model_path.c_str());
    return 1;
  }
  basira::tagger::Tagger tagger;
  basira::Status status = tagger.Load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  if (!status.ok()) {
    std::fprintf(stderr, "basira_eval_ner: %s: %s\n", model_path.c_str(), status.message().c_str());
    return 1;
  }
  std::unique_ptr<basira::tagger::Pipeline> pipeline;
  status = basira::tagger::Pipeline::Create(&pipeline);
  if (!status.ok()) {
    std::fprintf(stderr, "basira_eval_ner: %s\n", status.message().c_str());
    return 1;
  }

  // The analyzer's gazetteer and word classes (linked in) unless --lexicon / --clusters files
  // replace them or --no-lexicons / --no-clusters drop them.
  basira::tagger::Gazetteer gazetteer;
  basira::tagger::WordClusters clusters;
  std::string unread;
  if (!basira::tagger::LoadFeatures({lexicons, no_lexicons, clusters_path, no_clusters}, ReadFile,
                                    &gazetteer, &clusters, &unread)) {
    std::fprintf(stderr, "%s: cannot read %s\n", "basira_eval_ner", unread.c_str());
    return 1;
  }
  std::vector<basira::tagger::PreparedSentence> sentences;
  size_t gold_tokens = 0;
  const auto prepare_start = std::chrono::steady_clock::now();
  for (const std::string& path : files) {
    std::vector<basira::tagger::ConllSentence> conll;
    if (!basira::tools::LoadConll("basira_eval_ner", path, &conll)) return 1;
    const size_t skip = conll.size() - static_cast<size_t>(tail * conll.size());
    for (size_t i = skip; i < conll.size(); ++i) {
      gold_tokens += conll[i].tokens.size();
      sentences.push_back(basira::tagger::Prepare(pipeline.get(), conll[i], &gazetteer, &clusters));
    }
    std::printf("%s: %zu of %zu sentences\n", path.c_str(), conll.size() - skip, conll.size());
  }
  const double prepare_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - prepare_start).count();

  if (show > 0) {
    int missed = 0, wrong = 0;
    for (const auto& s : sentences) {
      const std::vector<basira::tagger::TokenRange> predicted = basira::tagger::MapToGold(
          s.joined.spans, basira::tagger::Mentions(s.tokens, tagger.Tag(s.tokens)));
      auto text = [&s](const basira::tagger::TokenRange& r) {
        std::string out;
        s.joined.text
            .tempSubStringBetween(s.joined.spans[r.first].start, s.joined.spans[r.last].end)
            .toUTF8String(out);
        return out;
      };
      for (const auto& g : s.gold) {
        if (missed < show && std::find(predicted.begin(), predicted.end(), g) == predicted.end()) {
          ++missed;
          std::printf("not found  %-4s %s\n", basira::tagger::TypeName(g.type), text(g).c_str());
        }
      }
      for (const auto& p : predicted) {
        if (wrong < show && std::find(s.gold.begin(), s.gold.end(), p) == s.gold.end()) {
          ++wrong;
          std::printf("wrong      %-4s %s\n", basira::tagger::TypeName(p.type), text(p).c_str());
        }
      }
    }
  }

  basira::tagger::ErrorKinds errors;
  const basira::tagger::Scores scores = basira::tagger::Evaluate(tagger, sentences, &errors);

  // Speed of tagging alone (features, scores, decoding), over all sentences a few times.
  size_t our_tokens = 0;
  for (const auto& s : sentences) our_tokens += s.tokens.size();
  const int rounds = 3;
  size_t checksum = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r) {
    for (const auto& s : sentences) checksum += tagger.Tag(s.tokens).size();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::printf("model %s (2^%d rows, %zu bytes); %zu sentences, %zu gold tokens\n",
              model_path.c_str(), tagger.bits(), bytes.size(), sentences.size(), gold_tokens);
  std::printf("%-16s %6s %6s %6s  %6s %6s %6s\n", "type", "gold", "pred", "exact", "P", "R", "F1");
  for (int t = 0; t < basira::tagger::kNumTypes; ++t) {
    Row(basira::tagger::TypeName(t), scores.per_type[t]);
  }
  Row("micro", scores.Micro());
  Row("micro PER/LOC/ORG", scores.Micro(0x7));
  std::printf(
      "errors: %lld wrong type (same span), %lld boundary (same type), %lld other overlap, "
      "%lld missed, %lld spurious\n",
      static_cast<long long>(errors.wrong_type), static_cast<long long>(errors.boundary),
      static_cast<long long>(errors.other), static_cast<long long>(errors.missed),
      static_cast<long long>(errors.spurious));
  std::printf(
      "tagging: %.0f tokens/s (our tokens, tagging only; %zu checked); "
      "tokenize + clitics + keys at %.0f gold tokens/s\n",
      rounds * our_tokens / seconds, checksum, gold_tokens / prepare_seconds);
  return 0;
}
