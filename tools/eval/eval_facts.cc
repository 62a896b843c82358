// basira_eval_facts: scores the facts stage (src/facts).
//
//   basira_eval_facts [--show N] [--dates FILE.tsv] [--numbers FILE.tsv] [CONLL...]
//
// 1. Our fixtures (defaults data/facts/eval_dates.tsv and data/facts/eval_numbers.tsv, written
//    by us): one case per line. Value accuracy counts a case right when the mention overlapping
//    the expected surface has the expected value and type (dates) or value and kind (numbers);
//    the exact figures also ask for the exact surface (and for numbers the unit and qualifier).
// 2. Wojood's timex/numex view (CONLL files, e.g.
//    ../shared/data/wojood_sample/normalized/*.timex_numex.conll), the measured way: each
//    sentence's tokens joined by single spaces, given to Analyze as one input; every gold token a
//    predicted span overlaps is marked; exact-span conlleval P/R/F1, typed (DATE, TIME, CARDINAL,
//    ORDINAL, PERCENT, MONEY, QUANTITY) and grouped (TIMEX = DATE+TIME, NUMEX = the rest).
//    Our DURATION dates count as DATE (Wojood tags durations as dates); our numbers of kind
//    duration are not scored (the same span is already a DATE).
// --show N prints the first N failures of each part.
#include <unicode/unistr.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "facts/facts.h"
#include "tagger/ner_data.h"

namespace {

std::vector<std::vector<std::string>> ReadTsv(const std::string& path, bool* ok) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  *ok = static_cast<bool>(in);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

bool ParseAnchor(const std::string& s, basira::Dateline* d) {
  return s.size() == 10 && std::sscanf(s.c_str(), "%d-%d-%d", &d->year, &d->month, &d->day) == 3;
}

std::string Utf8(const icu::UnicodeString& text, basira::Span s) {
  std::string out;
  text.tempSubString(s.start, s.length()).toUTF8String(out);
  return out;
}

// The expected surface's span in the sentence (its first occurrence), or {-1, -1}.
basira::Span Find(const icu::UnicodeString& text, const std::string& surface) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(surface);
  const int32_t at = text.indexOf(u);
  return at < 0 ? basira::Span{-1, -1} : basira::Span{at, at + u.length()};
}

bool Overlaps(basira::Span a, basira::Span b) { return a.start < b.end && b.start < a.end; }

double Percent(int a, int b) { return b == 0 ? 0 : 100.0 * a / b; }

int EvalDates(const basira::facts::Extractor& x, const std::string& path, int show) {
  bool ok;
  const auto rows = ReadTsv(path, &ok);
  if (!ok) {
    std::fprintf(stderr, "basira_eval_facts: cannot read %s\n", path.c_str());
    return 1;
  }
  int value_ok = 0, exact_ok = 0, total = 0;
  for (const auto& r : rows) {
    if (r.size() < 4) continue;
    ++total;
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(r[0]);
    basira::Dateline anchor;
    const bool has_anchor = r.size() > 4 && ParseAnchor(r[4], &anchor);
    std::vector<basira::DateMention> dates;
    std::vector<basira::NumberMention> numbers;
    x.Extract(text, basira::Span{0, text.length()}, 0, 0, has_anchor ? &anchor : nullptr, &dates,
              &numbers);
    const basira::Span want = Find(text, r[1]);
    const basira::DateMention* got = nullptr;
    for (const auto& d : dates) {
      if (d.span == want) got = &d;
    }
    if (got == nullptr) {
      for (const auto& d : dates) {
        if (got == nullptr && Overlaps(d.span, want)) got = &d;
      }
    }
    bool value = false, exact = false;
    std::string said = "nothing";
    if (got != nullptr) {
      const std::string v =
          r[2].rfind("rel:", 0) == 0 && got->value.empty() ? "rel:" + got->relation : got->value;
      value = v == r[2] && r[3] == basira::DateTypeName(got->type);
      exact = value && got->span == want;
      said = "«" + Utf8(text, got->span) + "» " + v + " " + basira::DateTypeName(got->type);
    }
    value_ok += value;
    exact_ok += exact;
    if (!exact && show-- > 0) {
      std::printf("  date   %s\n         want «%s» %s %s; got %s\n", r[0].c_str(), r[1].c_str(),
                  r[2].c_str(), r[3].c_str(), said.c_str());
    }
  }
  std::printf("basira dates: %s (%d cases)\n", path.c_str(), total);
  std::printf("  value accuracy %6.2f %%  (%d/%d: value and type of the mention there)\n",
              Percent(value_ok, total), value_ok, total);
  std::printf("  exact          %6.2f %%  (%d/%d: and its span is the expected surface)\n",
              Percent(exact_ok, total), exact_ok, total);
  return 0;
}

int EvalNumbers(const basira::facts::Extractor& x, const std::string& path, int show) {
  bool ok;
  const auto rows = ReadTsv(path, &ok);
  if (!ok) {
    std::fprintf(stderr, "basira_eval_facts: cannot read %s\n", path.c_str());
    return 1;
  }
  int value_ok = 0, exact_ok = 0, total = 0;
  for (const auto& r : rows) {
    if (r.size() < 4) continue;
    ++total;
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(r[0]);
    std::vector<basira::DateMention> dates;
    std::vector<basira::NumberMention> numbers;
    x.Extract(text, basira::Span{0, text.length()}, 0, 0, nullptr, &dates, &numbers);
    const basira::Span want = Find(text, r[1]);
    const basira::NumberMention* got = nullptr;
    for (const auto& n : numbers) {
      if (n.span == want) got = &n;
    }
    if (got == nullptr) {
      for (const auto& n : numbers) {
        if (got == nullptr && Overlaps(n.span, want)) got = &n;
      }
    }
    const double expected = std::strtod(r[2].c_str(), nullptr);
    const std::string unit = r.size() > 4 && r[4] != "-" ? r[4] : "";
    const std::string qualifier = r.size() > 5 && r[5] != "-" ? r[5] : "";
    bool value = false, exact = false;
    std::string said = "nothing";
    if (got != nullptr) {
      value = std::fabs(got->value - expected) <= 1e-9 * std::max(1.0, std::fabs(expected)) &&
              r[3] == basira::NumberKindName(got->kind);
      exact = value && got->span == want && got->unit == unit && got->qualifier == qualifier;
      char v[64];
      std::snprintf(v, sizeof v, "%.15g", got->value);
      said = "«" + Utf8(text, got->span) + "» " + v + " " + basira::NumberKindName(got->kind) +
             " unit «" + got->unit + "» qualifier «" + got->qualifier + "»";
    }
    value_ok += value;
    exact_ok += exact;
    if (!exact && show-- > 0) {
      std::printf("  number %s\n         want «%s» %s %s unit «%s» qualifier «%s»; got %s\n",
                  r[0].c_str(), r[1].c_str(), r[2].c_str(), r[3].c_str(), unit.c_str(),
                  qualifier.c_str(), said.c_str());
    }
  }
  std::printf("basira numbers: %s (%d cases)\n", path.c_str(), total);
  std::printf("  value accuracy %6.2f %%  (%d/%d: value and kind of the mention there)\n",
              Percent(value_ok, total), value_ok, total);
  std::printf("  exact          %6.2f %%  (%d/%d: and span, unit and qualifier)\n",
              Percent(exact_ok, total), exact_ok, total);
  return 0;
}

// --- Wojood ------------------------------------------------------------------------------------

constexpr const char* kTypes[] = {"DATE",    "TIME",  "CARDINAL", "ORDINAL",
                                  "PERCENT", "MONEY", "QUANTITY"};
constexpr int kNumTypes = 7;
int TypeOf(const std::string& name) {
  for (int t = 0; t < kNumTypes; ++t) {
    if (name == kTypes[t]) return t;
  }
  return -1;
}
int Group(int type) { return type <= 1 ? 0 : 1; }  // TIMEX, NUMEX

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  void Print(const char* label) const {
    const double p = tp + fp == 0 ? 0 : 100.0 * tp / (tp + fp);
    const double r = tp + fn == 0 ? 0 : 100.0 * tp / (tp + fn);
    const double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    std::printf("  %-10s P %6.2f  R %6.2f  F1 %6.2f   (tp %ld, fp %ld, fn %ld)\n", label, p, r, f,
                tp, fp, fn);
  }
};

void Score(const std::vector<basira::tagger::TokenRange>& gold,
           const std::vector<basira::tagger::TokenRange>& predicted, Counts* per_type) {
  std::set<std::tuple<int, int, int>> g, p;
  for (const auto& m : gold) g.insert({m.first, m.last, m.type});
  for (const auto& m : predicted) p.insert({m.first, m.last, m.type});
  for (const auto& m : p)
    (g.count(m) ? per_type[std::get<2>(m)].tp : per_type[std::get<2>(m)].fp)++;
  for (const auto& m : g) {
    if (!p.count(m)) per_type[std::get<2>(m)].fn++;
  }
}

int EvalWojood(const basira::Analyzer& analyzer, const std::string& file, int show) {
  std::ifstream in(file);
  if (!in) {
    std::printf("basira_eval_facts: %s is absent; skipping the Wojood figures\n", file.c_str());
    return 0;
  }
  namespace t = basira::tagger;
  std::vector<t::ConllSentence> sentences(1);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!sentences.back().tokens.empty()) sentences.emplace_back();
      continue;
    }
    const size_t tab = line.rfind('\t');
    if (tab == std::string::npos) continue;
    sentences.back().tokens.push_back(line.substr(0, tab));
    sentences.back().tags.push_back(line.substr(tab + 1));
  }
  if (sentences.back().tokens.empty()) sentences.pop_back();
  Counts typed[kNumTypes], grouped[2];
  for (const t::ConllSentence& s : sentences) {
    // Gold mentions (IOB2; an I- after O or another type starts a mention).
    std::vector<t::TokenRange> gold;
    int previous = -1;
    for (size_t i = 0; i < s.tags.size(); ++i) {
      const std::string& tag = s.tags[i];
      const int type = tag.size() > 2 ? TypeOf(tag.substr(2)) : -1;
      if (type >= 0 && tag[0] == 'I' && previous == type) {
        gold.back().last = static_cast<int>(i);
      } else if (type >= 0) {
        gold.push_back(t::TokenRange{static_cast<int>(i), static_cast<int>(i), type});
      }
      previous = type;
    }
    const t::JoinedSentence joined = t::Join(s);
    std::vector<basira::Input> inputs(1);
    joined.text.toUTF8String(inputs[0].text);
    inputs[0].name = "sentence";
    basira::Result result;
    std::vector<t::Mention> mentions;
    if (analyzer.Analyze(inputs, basira::Options(), &result).ok()) {
      for (const basira::DateMention& d : result.dates) {
        mentions.push_back(t::Mention{d.span, d.type == basira::DateType::kTime ? 1 : 0, 0, 0});
      }
      for (const basira::NumberMention& n : result.numbers) {
        static constexpr int kOf[] = {2, 3, 5, 4, 6, -1};  // NumberKind -> our type index
        const int type = kOf[static_cast<int>(n.kind)];
        if (type >= 0) mentions.push_back(t::Mention{n.span, type, 0, 0});
      }
    }
    const std::vector<t::TokenRange> predicted = t::MapToGold(joined.spans, mentions);
    Score(gold, predicted, typed);
    std::vector<t::TokenRange> gold_g = gold, predicted_g = predicted;
    for (auto& m : gold_g) m.type = Group(m.type);
    for (auto& m : predicted_g) m.type = Group(m.type);
    Score(gold_g, predicted_g, grouped);
    auto words = [&](const t::TokenRange& r) {
      std::string out;
      for (int k = r.first; k <= r.last; ++k) out += (k > r.first ? " " : "") + s.tokens[k];
      return std::string(kTypes[r.type]) + " «" + out + "»";
    };
    for (const auto& p : predicted) {
      if (show > 0 && std::find(gold.begin(), gold.end(), p) == gold.end()) {
        std::printf("  wrong  %s\n", words(p).c_str());
        --show;
      }
    }
    for (const auto& g : gold) {
      if (show > 0 && std::find(predicted.begin(), predicted.end(), g) == predicted.end()) {
        std::printf("  missed %s\n", words(g).c_str());
        --show;
      }
    }
  }
  std::printf("basira facts on Wojood timex/numex: %s (%zu sentences)\n", file.c_str(),
              sentences.size());
  grouped[0].Print("TIMEX");
  grouped[1].Print("NUMEX");
  Counts all;
  for (const Counts& c : grouped) all.tp += c.tp, all.fp += c.fp, all.fn += c.fn;
  all.Print("micro");
  for (int type = 0; type < kNumTypes; ++type) typed[type].Print(kTypes[type]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int show = 0;
  std::string dates = "data/facts/eval_dates.tsv", numbers = "data/facts/eval_numbers.tsv";
  std::vector<std::string> conll;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--show" && i + 1 < argc) {
      show = std::atoi(argv[++i]);
    } else if (a == "--dates" && i + 1 < argc) {
      dates = argv[++i];
    } else if (a == "--numbers" && i + 1 < argc) {
      numbers = argv[++i];
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr,
                   "usage: basira_eval_facts [--show N] [--dates TSV] [--numbers TSV] "
                   "[CONLL...]\n");
      return 2;
    } else {
      conll.push_back(a);
    }
  }
  std::unique_ptr<basira::Analyzer> analyzer;
  std::unique_ptr<basira::facts::Extractor> extractor;
  if (!basira::Analyzer::Create(&analyzer).ok() ||
      !basira::facts::Extractor::Create(&extractor).ok()) {
    std::fprintf(stderr, "basira_eval_facts: cannot load basira\n");
    return 1;
  }
  if (EvalDates(*extractor, dates, show) != 0) return 1;
  if (EvalNumbers(*extractor, numbers, show) != 0) return 1;
  for (const std::string& file : conll) EvalWojood(*analyzer, file, show);
  return 0;
}
