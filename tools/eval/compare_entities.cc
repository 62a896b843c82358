// basira_compare_entities: where the FULL analyzer and the tagger alone disagree on CoNLL files,
// and which part of the recognizer made the analyzer's side of each disagreement.
//
//   basira_compare_entities [--tail FRACTION] [--list] [--model PATH] [--cv K PREFIX] FILE.conll...
//
// Both are scored the measured way (basira_eval_entities, basira_eval_ner). Every prediction one
// of them makes and the other does not is counted as a gained or lost true or false positive,
// under the source of the analyzer's mention there: lexicon, tagger, title rule, organization
// rule, place rule, consistency (another occurrence of a name the sentence names: the recognizer's
// Candidate::source, resolve::Propagate), alias or title mention (the resolver), or "none" when
// the analyzer has no mention there (a tagger mention it dropped). The sums are exactly the
// difference of the two scores. --list prints every disagreement with its words.
// --model PATH and --cv K PREFIX as in basira_eval_entities: the analyzer and the tagger alone
// run that model, or (--cv) the sentences before the tail are compared in K folds, fold f with
// PREFIX-fold<f>.model (basira_train_tagger --cv K --cv-out PREFIX): what the lexicons and rules
// do on sentences they were not written from.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "clitics/clitics.h"
#include "conll_file.h"
#include "recognize/recognize.h"
#include "resolve/resolve.h"
#include "segment/segment.h"
#include "tagger/ner_data.h"
#include "tagger/tagger.h"

extern "C" const unsigned char basira_ner_model[];
extern "C" const size_t basira_ner_model_size;

namespace {

namespace t = basira::tagger;
namespace r = basira::recognize;

const char* SourceName(r::Source s) {
  switch (s) {
    case r::Source::kLexicon:
      return "lexicon";
    case r::Source::kTagger:
      return "tagger";
    case r::Source::kTitle:
      return "title-rule";
    case r::Source::kOrgRule:
      return "org-rule";
    case r::Source::kLocRule:
      return "loc-rule";
    case r::Source::kConsistency:
      return "consistency";
    case r::Source::kNameShape:
      return "name-shape";
    case r::Source::kByline:
      return "byline";
    case r::Source::kWorkTitle:
      return "work-title";
    case r::Source::kList:
      return "list";
  }
  return "?";
}

// A prediction over gold tokens with where the analyzer's mention came from.
struct Predicted {
  t::TokenRange range;
  std::string source;
};

}  // namespace

int main(int argc, char** argv) {
  double tail = 1.0;
  bool list = false;
  basira::tools::ModelChoice choice;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--tail" && i + 1 < argc) {
      tail = std::atof(argv[++i]);
    } else if (a == "--list") {
      list = true;
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
                 "usage: basira_compare_entities [--tail FRACTION] [--list] [--model PATH] "
                 "[--cv K PREFIX] FILE...\n");
    return 2;
  }
  // The analyzer and the tagger alone with the same model: the built-in one, --model's, or one
  // per fold.
  const size_t models = choice.count();
  std::vector<std::unique_ptr<basira::Analyzer>> analyzers(models);
  std::vector<t::Tagger> taggers(models);
  const std::string_view builtin(reinterpret_cast<const char*>(basira_ner_model),
                                 basira_ner_model_size);
  for (size_t f = 0; f < models; ++f) {
    std::string bytes;
    if (!basira::tools::ReadModel("basira_compare_entities", choice, f, builtin, &bytes)) return 1;
    basira::Status status = basira::Analyzer::Create(&analyzers[f], bytes);
    if (status.ok()) {
      status = taggers[f].Load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    }
    if (!status.ok()) {
      std::fprintf(stderr, "basira_compare_entities: %s\n", status.message().c_str());
      return 1;
    }
  }
  std::unique_ptr<t::Pipeline> pipeline;
  if (!t::Pipeline::Create(&pipeline).ok()) return 1;
  std::unique_ptr<basira::segment::Segmenter> segmenter;
  std::unique_ptr<basira::clitics::CliticAnalyzer> clitics;
  std::unique_ptr<r::Recognizer> recognizer;
  if (!basira::segment::Segmenter::Create(&segmenter).ok() ||
      !basira::clitics::CliticAnalyzer::Create(&clitics).ok() ||
      !r::Recognizer::Create(&recognizer).ok()) {
    return 1;
  }
  basira::segment::Segmenter::Session session(*segmenter);
  t::Gazetteer gazetteer;
  t::LoadAnalyzerGazetteer(&gazetteer);
  t::WordClusters clusters;
  t::LoadAnalyzerClusters(&clusters);
  static const char* kTypes[] = {"PER", "LOC", "ORG", "MISC"};

  for (const std::string& file : files) {
    std::vector<t::ConllSentence> sentences;
    if (!basira::tools::LoadConll("basira_compare_entities", file, &sentences)) return 1;
    const size_t tail_start = sentences.size() - static_cast<size_t>(sentences.size() * tail);
    // The sentences compared: the tail, or (--cv) the ones before it.
    const size_t first = choice.cv_folds > 0 ? 0 : tail_start;
    const size_t last = choice.cv_folds > 0 ? tail_start : sentences.size();
    // (gained or lost, tp or fp, source) -> count; and the same per type.
    std::map<std::string, int> counts;
    std::vector<std::string> lines;
    for (size_t s = first; s < last; ++s) {
      const size_t fold = choice.cv_folds > 0 ? basira::tools::FoldOf(s, models, tail_start) : 0;
      const t::Tagger& tagger = taggers[fold];
      const basira::Analyzer* analyzer = analyzers[fold].get();
      const t::PreparedSentence prepared =
          t::Prepare(pipeline.get(), sentences[s], &gazetteer, &clusters);
      const std::vector<t::TokenRange> alone = t::MapToGold(
          prepared.joined.spans, t::Mentions(prepared.tokens, tagger.Tag(prepared.tokens)));
      const std::vector<t::TokenRange>& gold = prepared.gold;
      const icu::UnicodeString& text = prepared.joined.text;

      // The recognizer's candidates on the whole sentence, for their sources.
      std::vector<basira::segment::TokenSpan> spans;
      session.Tokens(text, basira::Span{0, text.length()}, &spans);
      std::vector<r::Word> words;
      std::vector<t::TokenInput> tokens;
      std::vector<int32_t> words_through;
      for (const auto& ts : spans) {
        basira::clitics::Analysis a;
        if (ts.kind == basira::TokenKind::kWord) {
          a = clitics->Analyze(text, ts.span);
          words.push_back(r::MakeWord(text, ts.span, a));
        }
        words_through.push_back(static_cast<int32_t>(words.size()));
        tokens.push_back(t::MakeTokenInput(text, ts.span, ts.kind, a));
      }
      gazetteer.Annotate(&tokens);
      clusters.Annotate(&tokens);
      std::vector<r::Candidate> statistical, candidates;
      std::vector<float> outside;
      const std::vector<int> labels = tagger.Tag(tokens, &outside);
      for (size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].kind == basira::TokenKind::kWord) {
          words[words_through[k] - 1].outside = outside[k];
        }
      }
      for (const t::Mention& m : t::Mentions(tokens, labels)) {
        r::Candidate c;
        c.span = m.span;
        c.type = static_cast<basira::EntityType>(m.type);
        c.first_word = m.first_token == 0 ? 0 : words_through[m.first_token - 1];
        c.end_word = words_through[m.last_token];
        for (int32_t w = c.first_word; w < c.end_word; ++w) {
          if (w > c.first_word) c.key += u' ';
          c.key += words[w].key;
        }
        if (c.end_word > c.first_word) statistical.push_back(std::move(c));
      }
      recognizer->Recognize(text, words, statistical, &candidates);
      // The sentence's names at their other occurrences in it, as the analyzer makes them.
      std::vector<basira::resolve::SentenceMentions> one(1);
      one[0].words = words;
      one[0].candidates = std::move(candidates);
      basira::resolve::Propagate(*recognizer, {text}, {basira::Sentence{}}, &one);
      candidates = std::move(one[0].candidates);

      // The analyzer itself.
      std::vector<basira::Input> inputs(1);
      text.toUTF8String(inputs[0].text);
      inputs[0].name = "sentence";
      basira::Result result;
      if (!analyzer->Analyze(inputs, basira::Options(), &result).ok()) continue;
      std::vector<Predicted> whole;
      for (const basira::Entity& e : result.entities) {
        for (const basira::Mention& m : e.mentions) {
          t::Mention tm;
          tm.span = m.span;
          tm.type = static_cast<int>(e.type);
          const std::vector<t::TokenRange> mapped = t::MapToGold(prepared.joined.spans, {tm});
          if (mapped.empty()) continue;
          std::string source = m.kind == basira::MentionKind::kAlias   ? "alias"
                               : m.kind == basira::MentionKind::kTitle ? "title-mention"
                                                                       : "unattributed";
          if (m.kind == basira::MentionKind::kName) {
            for (const r::Candidate& c : candidates) {
              if (c.span.start == m.span.start && c.span.end == m.span.end) {
                source = SourceName(c.source);
                if (list && c.source != r::Source::kTagger) {
                  float least = 1e9f;
                  for (int32_t w = c.first_word; w < c.end_word; ++w) {
                    least = std::min(least, words[w].outside);
                  }
                  char margin[32];
                  std::snprintf(margin, sizeof(margin), " [O by %.2f]", least);
                  source += margin;
                }
              }
            }
          }
          whole.push_back(Predicted{mapped.front(), source});
        }
      }
      auto words_of = [&](const t::TokenRange& g) {
        std::string out;
        for (int k = g.first; k <= g.last; ++k) {
          out += (k > g.first ? " " : "") + sentences[s].tokens[k];
        }
        return std::string(kTypes[g.type]) + " «" + out + "»";
      };
      // The gold mentions overlapping a range, and a few words around it.
      auto around = [&](const t::TokenRange& g) {
        std::string out = "  gold:";
        for (const t::TokenRange& k : gold) {
          if (k.first <= g.last && g.first <= k.last) out += " " + words_of(k);
        }
        out += "  in: ";
        const int from = std::max(0, g.first - 3);
        const int to = std::min(static_cast<int>(sentences[s].tokens.size()) - 1, g.last + 3);
        for (int k = from; k <= to; ++k) out += sentences[s].tokens[k] + " ";
        return out;
      };
      auto is_gold = [&](const t::TokenRange& p) {
        return std::find(gold.begin(), gold.end(), p) != gold.end();
      };
      auto overlaps = [](const t::TokenRange& a, const t::TokenRange& b) {
        return a.first <= b.last && b.first <= a.last;
      };
      // Gained: analyzer predictions the tagger alone does not make.
      for (const Predicted& p : whole) {
        if (std::find(alone.begin(), alone.end(), p.range) != alone.end()) continue;
        const std::string key = std::string("gained ") + (is_gold(p.range) ? "tp " : "fp ") +
                                kTypes[p.range.type] + " " + p.source;
        ++counts[key];
        std::string was = "tagger: none";
        for (const t::TokenRange& a : alone) {
          if (overlaps(a, p.range)) was = "tagger: " + words_of(a);
        }
        lines.push_back(key + "  " + words_of(p.range) + "  (" + was + ")" + around(p.range));
      }
      // Lost: tagger-alone predictions the analyzer does not make.
      for (const t::TokenRange& a : alone) {
        if (std::any_of(whole.begin(), whole.end(),
                        [&](const Predicted& p) { return p.range == a; })) {
          continue;
        }
        std::string source = "none", instead;
        for (const Predicted& p : whole) {
          if (overlaps(a, p.range)) {
            source = p.source;
            instead = "  (analyzer: " + words_of(p.range) + ")";
          }
        }
        const std::string key =
            std::string("lost   ") + (is_gold(a) ? "tp " : "fp ") + kTypes[a.type] + " " + source;
        ++counts[key];
        lines.push_back(key + "  " + words_of(a) + instead + around(a));
      }
    }
    std::printf("basira_compare_entities: %s (%zu sentences%s)\n", file.c_str(), last - first,
                choice.cv_folds > 0 ? " before the tail, by folds" : "");
    int tp = 0, fp = 0;
    for (const auto& [key, n] : counts) {
      std::printf("  %4d  %s\n", n, key.c_str());
      const int sign = key[0] == 'g' ? 1 : -1;
      (key.find(" tp ") != std::string::npos ? tp : fp) += sign * n;
    }
    std::printf("  net: tp %+d, fp %+d (analyzer minus tagger alone)\n", tp, fp);
    if (list) {
      std::sort(lines.begin(), lines.end());
      for (const std::string& l : lines) std::printf("%s\n", l.c_str());
    }
  }
  return 0;
}
