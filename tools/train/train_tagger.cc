// basira_train_tagger: trains the entity tagger (src/tagger) the measured way: every gold
// sentence is joined by single spaces, cut into OUR tokens, and the gold labels are projected
// onto them by character overlap.
//
// usage: basira_train_tagger [--epochs K] [--bits B] [--seed S] [--dev-fraction F]
//                            [--out PATH] [--extra FILE.conll]... [--extra-epochs N]
//                            [--extra-types T,T] [--extra-mask] [--lexicon FILE]...
//                            [--no-lexicons] [--clusters FILE] [--no-clusters] [--runs R]
//                            [--cv K [--cv-out PREFIX]] MAIN.conll
// MAIN.conll (ANERcorp train) is split sequentially: its last F (default 0.1) of sentences are
// the dev split, never trained on; the rest, plus every --extra file whole, is the training set.
// Each epoch shuffles the training set with a fixed seed (deterministic), trains, and prints
// the dev micro and per-type P/R/F1 of the averaged model. The model after the last epoch is
// written to PATH (default data/models/ner.model).
//   --extra-epochs N   use the --extra files only in the first N epochs
//   --extra-types T,T  keep only these types of the --extra files (the others become O)
//   --lexicon FILE     a lexicon file (data/lexicon/*.txt format) for the tokens' lexicon hook,
//                      instead of the analyzer's linked-in lexicons (repeatable; an experiment:
//                      such a model must be scored with the same --lexicon files)
//   --no-lexicons      no lexicon features at all
//   --clusters FILE    word classes (basira_make_clusters' format) instead of the analyzer's
//                      linked-in data/models/clusters.txt; --no-clusters: none
//   --extra-mask       with --extra-types: the tokens of the other types are unknown (no update
//                      there) rather than O
//   --runs R           train R perceptrons (seeds S, S+1, ...) side by side and average their
//                      averaged weights into the one model (default 1)
//   --cv K             instead of training a model: K-fold cross-validation over the training
//                      part (contiguous blocks; the dev split is never read), pooled scores
//   --cv-out PREFIX    with --cv: also write each fold's model to PREFIX-fold<f>.model, the
//                      model that never saw fold f (basira_eval_entities --cv scores the whole
//                      analyzer with them)
// By default the tokens carry the features of the analyzer's own gazetteer (the lexicons linked
// into the binary, tagger::LoadAnalyzerGazetteer), so the model matches the analyzer.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "../eval/conll_file.h"
#include "tagger/ner_data.h"
#include "tagger/tagger.h"

namespace {

using basira::tagger::ConllSentence;
using basira::tagger::PreparedSentence;

using basira::tools::ReadFile;

bool Load(const std::string& path, std::vector<ConllSentence>* out) {
  return basira::tools::LoadConll("basira_train_tagger", path, out);
}

bool WriteModel(const std::string& path, const basira::tagger::Tagger& model) {
  const std::string bytes = model.Serialize();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() ||
      std::fclose(f) != 0) {
    std::fprintf(stderr, "basira_train_tagger: cannot write %s\n", path.c_str());
    return false;
  }
  std::printf("wrote %s (%zu bytes)\n", path.c_str(), bytes.size());
  return true;
}

void PrintScores(const basira::tagger::Scores& s) {
  const basira::tagger::Counts micro = s.Micro();
  std::printf("  micro P %.2f R %.2f F1 %.2f |", micro.Precision(), micro.Recall(), micro.F1());
  for (int t = 0; t < basira::tagger::kNumTypes; ++t) {
    std::printf(" %s %.2f", basira::tagger::TypeName(t), s.per_type[t].F1());
  }
  std::printf("\n");
}

int Usage() {
  std::fprintf(stderr,
               "usage: basira_train_tagger [--epochs K] [--bits B] [--seed S] "
               "[--dev-fraction F] [--out PATH] [--extra FILE.conll]... [--lexicon FILE]... "
               "[--no-lexicons] [--clusters FILE] [--no-clusters] [--extra-mask] [--runs R] "
               "[--cv K [--cv-out PREFIX]] MAIN.conll\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int epochs = 10, bits = 18, extra_epochs = 1 << 30, cv_folds = 0, runs = 1;
  uint32_t seed = 20261122;
  double dev_fraction = 0.1;
  std::string out_path = "data/models/ner.model", main_path;
  std::vector<std::string> extras, lexicons;
  std::string cv_out;
  bool no_lexicons = false, no_clusters = false, extra_mask = false;
  std::string clusters_path;
  std::string extra_types = "PER,LOC,ORG,MISC";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--epochs" && has_value) {
      epochs = std::atoi(argv[++i]);
    } else if (arg == "--runs" && has_value) {
      runs = std::atoi(argv[++i]);
    } else if (arg == "--cv" && has_value) {
      cv_folds = std::atoi(argv[++i]);
    } else if (arg == "--cv-out" && has_value) {
      cv_out = argv[++i];
    } else if (arg == "--bits" && has_value) {
      bits = std::atoi(argv[++i]);
    } else if (arg == "--seed" && has_value) {
      seed = static_cast<uint32_t>(std::strtoul(argv[++i], nullptr, 10));
    } else if (arg == "--dev-fraction" && has_value) {
      dev_fraction = std::atof(argv[++i]);
    } else if (arg == "--out" && has_value) {
      out_path = argv[++i];
    } else if (arg == "--lexicon" && has_value) {
      lexicons.push_back(argv[++i]);
    } else if (arg == "--no-lexicons") {
      no_lexicons = true;
    } else if (arg == "--clusters" && i + 1 < argc) {
      clusters_path = argv[++i];
    } else if (arg == "--no-clusters") {
      no_clusters = true;
    } else if (arg == "--extra-types" && has_value) {
      extra_types = argv[++i];
    } else if (arg == "--extra-mask") {
      extra_mask = true;
    } else if (arg == "--extra-epochs" && has_value) {
      extra_epochs = std::atoi(argv[++i]);
    } else if (arg == "--extra" && has_value) {
      extras.push_back(argv[++i]);
    } else if (!arg.empty() && arg[0] != '-' && main_path.empty()) {
      main_path = arg;
    } else {
      return Usage();
    }
  }
  if (main_path.empty() || epochs <= 0 || runs <= 0 || dev_fraction < 0 || dev_fraction >= 1 ||
      (!cv_out.empty() && cv_folds < 2))
    return Usage();

  std::unique_ptr<basira::tagger::Pipeline> pipeline;
  const basira::Status status = basira::tagger::Pipeline::Create(&pipeline);
  if (!status.ok()) {
    std::fprintf(stderr, "basira_train_tagger: %s\n", status.message().c_str());
    return 1;
  }

  // The analyzer's gazetteer and word classes (linked in) unless --lexicon / --clusters files
  // replace them or --no-lexicons / --no-clusters drop them.
  basira::tagger::Gazetteer gazetteer;
  basira::tagger::WordClusters clusters;
  std::string unread;
  if (!basira::tagger::LoadFeatures({lexicons, no_lexicons, clusters_path, no_clusters}, ReadFile,
                                    &gazetteer, &clusters, &unread)) {
    std::fprintf(stderr, "%s: cannot read %s\n", "basira_train_tagger", unread.c_str());
    return 1;
  }
  std::vector<ConllSentence> main_sentences;
  if (!Load(main_path, &main_sentences)) return 1;
  const size_t dev_count = static_cast<size_t>(dev_fraction * main_sentences.size());
  const size_t train_count = main_sentences.size() - dev_count;
  std::vector<PreparedSentence> train, dev;
  for (size_t i = 0; i < main_sentences.size(); ++i) {
    PreparedSentence p =
        basira::tagger::Prepare(pipeline.get(), main_sentences[i], &gazetteer, &clusters);
    (i < train_count ? train : dev).push_back(std::move(p));
  }
  std::printf("%s: %zu sentences: train %zu, dev %zu (the last %.0f%%)\n", main_path.c_str(),
              main_sentences.size(), train_count, dev_count, 100 * dev_fraction);
  for (const std::string& path : extras) {
    std::vector<ConllSentence> sentences;
    if (!Load(path, &sentences)) return 1;
    for (ConllSentence& s : sentences) {
      PreparedSentence p = basira::tagger::Prepare(pipeline.get(), s, &gazetteer, &clusters);
      std::vector<std::string> kept = s.tags;
      for (std::string& tag : kept) {
        if (tag != "O" && extra_types.find(tag.substr(2)) == std::string::npos) tag = "O";
      }
      ConllSentence only_kept = s;
      only_kept.tags = kept;
      const std::vector<int> full = p.labels;
      p.gold = basira::tagger::GoldMentions(kept);
      std::vector<basira::Span> ours;
      for (const auto& token : p.tokens) ours.push_back(token.span);
      p.labels = basira::tagger::ProjectLabels(p.joined.spans, p.gold, ours);
      if (extra_mask) {
        // Tokens of the types left out are unknown (no update), not O.
        for (size_t k = 0; k < full.size(); ++k) {
          if (full[k] != 0 && p.labels[k] == 0) p.labels[k] = -1;
        }
      }
      train.push_back(std::move(p));
    }
    std::printf("%s: %zu sentences added to train\n", path.c_str(), sentences.size());
  }
  size_t tokens = 0;
  for (const PreparedSentence& p : train) tokens += p.tokens.size();
  std::printf("training on %zu sentences, %zu tokens of ours; %d epochs, 2^%d rows, seed %u\n",
              train.size(), tokens, epochs, bits, seed);

  if (cv_folds > 1) {
    // K-fold cross-validation over the training part only (never the dev split): fold f holds
    // out the f-th of K contiguous blocks of sentences (contiguous, as the dev split is: the
    // same article's names never stand on both sides; the --extra data always trains). Prints the
    // micro F1 of every fold after `epochs` epochs and the pooled scores: a steadier guide for
    // feature choices than the 969 mentions of the dev split alone.
    basira::tagger::Scores pooled;
    for (int fold = 0; fold < cv_folds; ++fold) {
      std::vector<size_t> fold_order;
      std::vector<PreparedSentence> held;
      for (size_t i = 0; i < train.size(); ++i) {
        if (i < train_count &&
            basira::tools::FoldOf(i, cv_folds, train_count) == static_cast<size_t>(fold)) {
          held.push_back(train[i]);
        } else {
          fold_order.push_back(i);
        }
      }
      std::vector<float> sum;
      for (int r = 0; r < runs; ++r) {
        basira::tagger::Trainer fold_trainer(bits);
        std::vector<size_t> order = fold_order;
        std::mt19937 fold_rng(seed + static_cast<uint32_t>(r));
        for (int epoch = 1; epoch <= epochs; ++epoch) {
          for (size_t i = order.size(); i > 1; --i) {
            std::swap(order[i - 1], order[fold_rng() % i]);
          }
          for (size_t i : order) {
            if (i >= train_count && epoch > extra_epochs) continue;
            fold_trainer.TrainSentence(train[i].tokens, train[i].labels);
          }
        }
        const std::vector<float> averaged = fold_trainer.Averaged();
        if (sum.empty()) {
          sum = averaged;
        } else {
          for (size_t j = 0; j < sum.size(); ++j) sum[j] += averaged[j];
        }
      }
      const basira::tagger::Tagger fold_model = basira::tagger::Trainer::Quantize(bits, sum);
      const basira::tagger::Scores s = basira::tagger::Evaluate(fold_model, held);
      if (!cv_out.empty() &&
          !WriteModel(cv_out + "-fold" + std::to_string(fold) + ".model", fold_model)) {
        return 1;
      }
      std::printf("fold %d:", fold);
      PrintScores(s);
      for (int t = 0; t < basira::tagger::kNumTypes; ++t) {
        pooled.per_type[t].tp += s.per_type[t].tp;
        pooled.per_type[t].fp += s.per_type[t].fp;
        pooled.per_type[t].fn += s.per_type[t].fn;
      }
    }
    std::printf("cross-validation (%d folds, %d epochs):", cv_folds, epochs);
    PrintScores(pooled);
    return 0;
  }

  // --runs R: R perceptrons, each shuffling with its own seed (seed, seed+1, ...), trained side
  // by side; the model is the average of their averaged weights (one model, the same size).
  std::vector<basira::tagger::Trainer> trainers(runs, basira::tagger::Trainer(bits));
  std::vector<std::vector<size_t>> orders(runs, std::vector<size_t>(train.size()));
  std::vector<std::mt19937> rngs;
  for (int r = 0; r < runs; ++r) {
    for (size_t i = 0; i < train.size(); ++i) orders[r][i] = i;
    rngs.emplace_back(seed + static_cast<uint32_t>(r));
  }
  basira::tagger::Tagger model;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    int64_t mistakes = 0;
    std::vector<float> sum;
    for (int r = 0; r < runs; ++r) {
      std::vector<size_t>& order = orders[r];
      // Fisher-Yates with mt19937 (fully specified), so every platform shuffles alike.
      for (size_t i = order.size(); i > 1; --i) {
        const size_t j = rngs[r]() % i;
        std::swap(order[i - 1], order[j]);
      }
      for (size_t i : order) {
        if (i >= train_count && epoch > extra_epochs) continue;  // --extra: first epochs only
        mistakes += trainers[r].TrainSentence(train[i].tokens, train[i].labels);
      }
      const std::vector<float> averaged = trainers[r].Averaged();
      if (sum.empty()) {
        sum = averaged;
      } else {
        for (size_t j = 0; j < sum.size(); ++j) sum[j] += averaged[j];
      }
    }
    model = basira::tagger::Trainer::Quantize(bits, sum);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("epoch %2d: %lld training mistakes (%.1f s)", epoch,
                static_cast<long long>(mistakes), seconds);
    if (!dev.empty()) {
      std::printf("; dev:");
      PrintScores(basira::tagger::Evaluate(model, dev));
    } else {
      std::printf("\n");
    }
    std::fflush(stdout);
  }

  return WriteModel(out_path, model) ? 0 : 1;
}
