// basira_eval_entities: scores the FULL analyzer's entities on CoNLL files, the way we are
// measured: each gold sentence's tokens joined by single spaces, given to Analyze as one input;
// every gold token a predicted mention overlaps is marked; exact-span conlleval P/R/F1 per type
// and micro (all four types, and PER/LOC/ORG for sets that tag MISC differently).
//
//   basira_eval_entities [--tail FRACTION] [--show N] [--whole] [--model PATH] [--cv K PREFIX]
//                        FILE.conll...
//
// --tail 0.1 scores only the last 10 % of each file's sentences (the dev split carved from the
// end of ANERcorp train). --show N prints the first N wrong predictions and misses. --whole gives
// the sentences (of the tail) as ONE input, a sentence a line, the other way a file of one
// sentence a line may be given to the analyzer; each sentence is scored on the mentions inside
// its line.
// --model PATH runs the analyzer with that entity model instead of the built-in one (a model
// trained without the sentences scored: basira_train_tagger on a file's first part).
// --cv K PREFIX (one file only) scores the sentences BEFORE the tail instead (the training part),
// in K contiguous folds, fold f with the analyzer running PREFIX-fold<f>.model, the tagger trained
// without fold f (basira_train_tagger --cv K --cv-out PREFIX, same --dev-fraction as --tail):
// the whole analyzer scored on about nine times dev's mentions, none of which its tagger saw
// and none of which the rules were written from (they were written from dev's errors). With
// --whole, each fold is one input.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "conll_file.h"
#include "tagger/ner_data.h"

// The model built into the analyzer (data/models/ner.model, through basira_ner_model.cc).
extern "C" const unsigned char basira_ner_model[];
extern "C" const size_t basira_ner_model_size;

namespace {

namespace t = basira::tagger;

void Print(const char* label, const t::Counts& c) {
  std::printf("  %-16s P %6.2f  R %6.2f  F1 %6.2f   (tp %lld, fp %lld, fn %lld)\n", label,
              c.Precision(), c.Recall(), c.F1(), static_cast<long long>(c.tp),
              static_cast<long long>(c.fp), static_cast<long long>(c.fn));
}

// What scoring some sentences adds up.
struct Tally {
  t::Scores scores;
  t::ErrorKinds errors;
  size_t words = 0;
  double seconds = 0;
  int show = 0;  // how many more errors to print
};

void Collect(const basira::Entity& e, int32_t from, int32_t to, std::vector<t::Mention>* out) {
  for (const basira::Mention& m : e.mentions) {
    if (m.span.start < from || m.span.end > to) continue;
    t::Mention tm;
    tm.span = basira::Span{m.span.start - from, m.span.end - from};
    tm.type = static_cast<int>(e.type);
    out->push_back(tm);
  }
}

// Scores sentences [first, last) with `analyzer`: each sentence its own input, or (whole) all of
// them as one input, a line each.
void Score(const basira::Analyzer& analyzer, const std::vector<t::ConllSentence>& sentences,
           size_t first, size_t last, bool whole, Tally* tally) {
  std::vector<int32_t> line_start;
  basira::Result whole_result;
  basira::Status whole_status;
  if (whole) {
    icu::UnicodeString all;
    for (size_t s = first; s < last; ++s) {
      line_start.push_back(all.length());
      all.append(t::Join(sentences[s]).text).append(u'\n');
    }
    std::vector<basira::Input> inputs(1);
    all.toUTF8String(inputs[0].text);
    inputs[0].name = "sentences";
    const auto start = std::chrono::steady_clock::now();
    whole_status = analyzer.Analyze(inputs, basira::Options(), &whole_result);
    tally->seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    tally->words += static_cast<size_t>(whole_result.stats.words);
  }
  for (size_t s = first; s < last; ++s) {
    const t::JoinedSentence joined = t::Join(sentences[s]);
    std::vector<t::TokenRange> predicted;
    std::vector<t::Mention> mentions;
    if (whole) {
      const int32_t from = line_start[s - first], to = from + joined.text.length();
      for (const basira::Entity& e : whole_result.entities) Collect(e, from, to, &mentions);
      if (whole_status.ok()) predicted = t::MapToGold(joined.spans, mentions);
    } else {
      std::vector<basira::Input> inputs(1);
      joined.text.toUTF8String(inputs[0].text);
      inputs[0].name = "sentence";
      basira::Result result;
      const auto start = std::chrono::steady_clock::now();
      const basira::Status status = analyzer.Analyze(inputs, basira::Options(), &result);
      tally->seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (status.ok()) {
        for (const basira::Entity& e : result.entities) {
          Collect(e, 0, joined.text.length(), &mentions);
        }
        predicted = t::MapToGold(joined.spans, mentions);
        tally->words += static_cast<size_t>(result.stats.words);
      }
    }
    const std::vector<t::TokenRange> gold = t::GoldMentions(sentences[s].tags);
    static const char* kNames[] = {"PER", "LOC", "ORG", "MISC"};
    auto words_of = [&](const t::TokenRange& r) {
      std::string out;
      for (int k = r.first; k <= r.last; ++k)
        out += (k > r.first ? " " : "") + sentences[s].tokens[k];
      return std::string(kNames[r.type]) + " «" + out + "»";
    };
    for (const t::TokenRange& p : predicted) {
      if (tally->show > 0 && std::find(gold.begin(), gold.end(), p) == gold.end()) {
        std::printf("  wrong  %s   (sentence %zu)\n", words_of(p).c_str(), s);
        --tally->show;
      }
    }
    for (const t::TokenRange& g : gold) {
      if (tally->show > 0 && std::find(predicted.begin(), predicted.end(), g) == predicted.end()) {
        std::printf("  missed %s   (sentence %zu)\n", words_of(g).c_str(), s);
        --tally->show;
      }
    }
    tally->scores.Add(gold, predicted);
    tally->errors.Add(gold, predicted);
  }
}

}  // namespace

int main(int argc, char** argv) {
  double tail = 1.0;
  int show = 0;
  bool whole = false;
  basira::tools::ModelChoice choice;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--tail" && i + 1 < argc) {
      tail = std::atof(argv[++i]);
    } else if (a == "--show" && i + 1 < argc) {
      show = std::atoi(argv[++i]);
    } else if (a == "--whole") {
      whole = true;
    } else if (a == "--model" && i + 1 < argc) {
      choice.path = argv[++i];
    } else if (a == "--cv" && i + 2 < argc) {
      choice.cv_folds = std::atoi(argv[++i]);
      choice.cv_prefix = argv[++i];
    } else {
      files.push_back(a);
    }
  }
  if (files.empty() || tail <= 0 || tail > 1 ||
      (!choice.cv_prefix.empty() &&
       (choice.cv_folds < 2 || tail == 1 || !choice.path.empty() || files.size() != 1))) {
    std::fprintf(stderr,
                 "usage: basira_eval_entities [--tail FRACTION] [--show N] [--whole] "
                 "[--model PATH] [--cv K PREFIX] FILE.conll...\n");
    return 2;
  }
  // The analyzers: the built-in model, --model's, or one per fold.
  std::vector<std::unique_ptr<basira::Analyzer>> analyzers(choice.count());
  const std::string_view builtin(reinterpret_cast<const char*>(basira_ner_model),
                                 basira_ner_model_size);
  for (size_t f = 0; f < analyzers.size(); ++f) {
    std::string model;
    if (!basira::tools::ReadModel("basira_eval_entities", choice, f, builtin, &model)) return 1;
    const basira::Status status = basira::Analyzer::Create(&analyzers[f], model);
    if (!status.ok()) {
      std::fprintf(stderr, "basira_eval_entities: %s\n", status.message().c_str());
      return 1;
    }
  }
  for (const std::string& file : files) {
    std::vector<t::ConllSentence> sentences;
    if (!basira::tools::LoadConll("basira_eval_entities", file, &sentences)) return 1;
    const size_t first = sentences.size() - static_cast<size_t>(sentences.size() * tail);
    Tally tally;
    tally.show = show;
    if (choice.cv_folds == 0) {
      Score(*analyzers[0], sentences, first, sentences.size(), whole, &tally);
      std::printf("basira entities: %s (%zu sentences%s)\n", file.c_str(), sentences.size() - first,
                  tail < 1 ? ", the tail" : "");
    } else {
      // Each fold's sentences, contiguous, with the analyzer of the tagger that never saw them.
      for (size_t f = 0, from = 0; f < analyzers.size(); ++f) {
        size_t to = from;
        while (to < first && basira::tools::FoldOf(to, analyzers.size(), first) == f) ++to;
        Score(*analyzers[f], sentences, from, to, whole, &tally);
        from = to;
      }
      std::printf("basira entities: %s (%zu sentences before the tail, %d folds)\n", file.c_str(),
                  first, choice.cv_folds);
    }
    static const char* kTypes[] = {"PER", "LOC", "ORG", "MISC"};
    for (int type = 0; type < 4; ++type) Print(kTypes[type], tally.scores.per_type[type]);
    Print("micro (all)", tally.scores.Micro());
    Print("micro PER/LOC/ORG", tally.scores.Micro(0x7));
    const t::ErrorKinds& errors = tally.errors;
    std::printf(
        "  errors: wrong type %lld, boundary %lld, missed %lld, spurious %lld, other %lld\n",
        static_cast<long long>(errors.wrong_type), static_cast<long long>(errors.boundary),
        static_cast<long long>(errors.missed), static_cast<long long>(errors.spurious),
        static_cast<long long>(errors.other));
    std::printf("  %.0f K words/s through the whole analyzer, %s\n",
                tally.words / tally.seconds / 1e3,
                whole ? "the sentences in one call" : "one sentence per call");
  }
  return 0;
}
