// basira_train_tagger: trains the entity tagger (src/tagger) the measured way: every gold
// sentence is joined by single spaces, cut into OUR tokens, and the gold labels are projected
// onto them by character overlap.
//
// usage: basira_train_tagger [--epochs K] [--bits B] [--seed S] [--dev-fraction F]
//                            [--out PATH] [--extra FILE.conll]... [--extra-epochs N]
//                            [--extra-types T,T] [--lexicon FILE]... MAIN.conll
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

#include "tagger/ner_data.h"
#include "tagger/tagger.h"

namespace {

using basira::tagger::ConllSentence;
using basira::tagger::PreparedSentence;

bool ReadFile(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) out->append(buffer, n);
  const bool ok = std::ferror(f) == 0;
  std::fclose(f);
  return ok;
}

bool Load(const std::string& path, std::vector<ConllSentence>* out) {
  std::string text, problem;
  if (!ReadFile(path, &text)) {
    std::fprintf(stderr, "basira_train_tagger: cannot read %s\n", path.c_str());
    return false;
  }
  if (!basira::tagger::ParseConll(text, out, &problem)) {
    std::fprintf(stderr, "basira_train_tagger: %s: %s\n", path.c_str(), problem.c_str());
    return false;
  }
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
               "[--no-lexicons] MAIN.conll\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int epochs = 10, bits = 18, extra_epochs = 1 << 30;
  uint32_t seed = 20261122;
  double dev_fraction = 0.1;
  std::string out_path = "data/models/ner.model", main_path;
  std::vector<std::string> extras, lexicons;
  bool no_lexicons = false;
  std::string extra_types = "PER,LOC,ORG,MISC";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--epochs" && has_value) {
      epochs = std::atoi(argv[++i]);
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
    } else if (arg == "--extra-types" && has_value) {
      extra_types = argv[++i];
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
  if (main_path.empty() || epochs <= 0 || dev_fraction < 0 || dev_fraction >= 1) return Usage();

  std::unique_ptr<basira::tagger::Pipeline> pipeline;
  const basira::Status status = basira::tagger::Pipeline::Create(&pipeline);
  if (!status.ok()) {
    std::fprintf(stderr, "basira_train_tagger: %s\n", status.message().c_str());
    return 1;
  }

  // The analyzer's gazetteer (the lexicons linked into the binary) unless --lexicon files
  // replace it or --no-lexicons drops it.
  basira::tagger::Gazetteer gazetteer;
  if (lexicons.empty() && !no_lexicons) basira::tagger::LoadAnalyzerGazetteer(&gazetteer);
  for (const std::string& path : lexicons) {
    std::string text;
    if (!ReadFile(path, &text)) {
      std::fprintf(stderr, "%s: cannot read %s\n", "basira_train_tagger", path.c_str());
      return 1;
    }
    gazetteer.Parse(text);
  }
  std::vector<ConllSentence> main_sentences;
  if (!Load(main_path, &main_sentences)) return 1;
  const size_t dev_count = static_cast<size_t>(dev_fraction * main_sentences.size());
  const size_t train_count = main_sentences.size() - dev_count;
  std::vector<PreparedSentence> train, dev;
  for (size_t i = 0; i < main_sentences.size(); ++i) {
    PreparedSentence p = basira::tagger::Prepare(pipeline.get(), main_sentences[i], &gazetteer);
    (i < train_count ? train : dev).push_back(std::move(p));
  }
  std::printf("%s: %zu sentences: train %zu, dev %zu (the last %.0f%%)\n", main_path.c_str(),
              main_sentences.size(), train_count, dev_count, 100 * dev_fraction);
  for (const std::string& path : extras) {
    std::vector<ConllSentence> sentences;
    if (!Load(path, &sentences)) return 1;
    for (ConllSentence& s : sentences) {
      for (std::string& tag : s.tags) {
        if (tag != "O" && extra_types.find(tag.substr(2)) == std::string::npos) tag = "O";
      }
      train.push_back(basira::tagger::Prepare(pipeline.get(), s, &gazetteer));
    }
    std::printf("%s: %zu sentences added to train\n", path.c_str(), sentences.size());
  }
  size_t tokens = 0;
  for (const PreparedSentence& p : train) tokens += p.tokens.size();
  std::printf("training on %zu sentences, %zu tokens of ours; %d epochs, 2^%d rows, seed %u\n",
              train.size(), tokens, epochs, bits, seed);

  basira::tagger::Trainer trainer(bits);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(seed);
  basira::tagger::Tagger model;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    // Fisher-Yates with mt19937 (fully specified), so every platform shuffles alike.
    for (size_t i = order.size(); i > 1; --i) {
      const size_t j = rng() % i;
      std::swap(order[i - 1], order[j]);
    }
    const auto start = std::chrono::steady_clock::now();
    int64_t mistakes = 0;
    for (size_t i : order) {
      if (i >= train_count && epoch > extra_epochs) continue;  // --extra data: first epochs only
      mistakes += trainer.TrainSentence(train[i].tokens, train[i].labels);
    }
    model = trainer.Model();
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

  const std::string bytes = model.Serialize();
  std::FILE* f = std::fopen(out_path.c_str(), "wb");
  if (f == nullptr || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() ||
      std::fclose(f) != 0) {
    std::fprintf(stderr, "basira_train_tagger: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::printf("wrote %s (%zu bytes)\n", out_path.c_str(), bytes.size());
  return 0;
}
