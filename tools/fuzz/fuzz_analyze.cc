// libFuzzer target for the analyzer entry point. The bytes are split on 0xFF (a byte no UTF-8
// text holds, so nothing is lost) into one to three inputs, analyzed with tokens on. On success
// every invariant the result promises is checked; on error the result must be empty and the error
// must name itself. Any violation aborts, which libFuzzer reports as a crash with the input.
//
// Invariants: every span of input i lies in [0, inputs[i].length] with start <= end and never
// cuts a surrogate pair; every index (input, document, sentence, entity) is in range; tokens'
// clitics lie within their token; the JSON writers give valid JSON.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "basira/json.h"

namespace {

using basira::Result;
using basira::Span;

[[noreturn]] void Fail(const char* what, int64_t a = -1, int64_t b = -1) {
  std::fprintf(stderr, "fuzz_analyze: invariant violated: %s (%lld, %lld)\n", what,
               static_cast<long long>(a), static_cast<long long>(b));
  std::abort();
}

void Check(bool ok, const char* what, int64_t a = -1, int64_t b = -1) {
  if (!ok) Fail(what, a, b);
}

// The UTF-16 code units of each input, decoded here independently of ingest.
std::u16string Utf16(const std::string& utf8) {
  std::u16string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<uint8_t>(utf8[i]);
    const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    uint32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<uint8_t>(utf8[i + k]) & 0x3F);
    if (cp < 0x10000) {
      out += static_cast<char16_t>(cp);
    } else {
      out += static_cast<char16_t>(0xD7C0 + (cp >> 10));
      out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    }
    i += len;
  }
  return out;
}

class Checker {
 public:
  Checker(const Result& r, const std::vector<std::u16string>& texts) : r_(r), texts_(texts) {}

  void Input(int32_t input) {
    Check(input >= 0 && static_cast<size_t>(input) < texts_.size(), "input index", input);
  }
  // A span of `input`; `allow_empty` for the spans the schema lets be empty.
  void SpanOf(int32_t input, const Span& s, const char* what, bool allow_empty = false) {
    Input(input);
    const std::u16string& t = texts_[input];
    Check(s.start >= 0 && s.start <= s.end && static_cast<size_t>(s.end) <= t.size(), what, s.start,
          s.end);
    Check(allow_empty || s.start < s.end, what, s.start, s.end);
    for (int32_t at : {s.start, s.end}) {
      if (at > 0 && static_cast<size_t>(at) < t.size()) {
        Check(!(t[at - 1] >= 0xD800 && t[at - 1] <= 0xDBFF && t[at] >= 0xDC00 && t[at] <= 0xDFFF),
              what, s.start, s.end);
      }
    }
  }
  void Within(const Span& inner, const Span& outer, const char* what) {
    Check(outer.start <= inner.start && inner.end <= outer.end, what, inner.start, inner.end);
  }
  void Document(int32_t d) {
    Check(d >= 0 && static_cast<size_t>(d) < r_.documents.size(), "document index", d);
  }
  void Sentence(int32_t s, int32_t input) {
    Check(s >= 0 && static_cast<size_t>(s) < r_.sentences.size(), "sentence index", s);
    Check(r_.sentences[s].input == input, "sentence of another input", s, input);
  }
  void Entity(int32_t e) {
    Check(e >= 0 && static_cast<size_t>(e) < r_.entities.size(), "entity index", e);
  }

  void All() {
    Check(r_.inputs.size() == texts_.size(), "inputs count");
    for (size_t i = 0; i < texts_.size(); ++i) {
      Check(static_cast<size_t>(r_.inputs[i].length) == texts_[i].size(), "input length", i);
    }
    for (const auto& d : r_.documents) {
      SpanOf(d.input, d.span, "document span");
      for (const auto& b : d.blocks) {
        SpanOf(d.input, b.span, "block span");
        Within(b.span, d.span, "block outside its document");
      }
      if (d.has_dateline) SpanOf(d.input, d.dateline.span, "dateline span");
    }
    for (const auto& n : r_.noise) {
      SpanOf(n.input, n.span, "noise span");
      SpanOf(n.input, n.original, "noise original", /*allow_empty=*/true);
    }
    for (const auto& s : r_.sentences) {
      SpanOf(s.input, s.span, "sentence span");
      Document(s.document);
      Check(r_.documents[s.document].input == s.input, "sentence's document in another input");
      Within(s.span, r_.documents[s.document].span, "sentence outside its document");
    }
    for (const auto& t : r_.tokens) {
      SpanOf(t.input, t.span, "token span");
      Sentence(t.sentence, t.input);
      Within(t.span, r_.sentences[t.sentence].span, "token outside its sentence");
      SpanOf(t.input, t.stem, "token stem", /*allow_empty=*/true);
      Within(t.stem, t.span, "stem outside its token");
      for (const Span& c : t.proclitics) {
        SpanOf(t.input, c, "proclitic span");
        Within(c, t.span, "proclitic outside its token");
      }
      for (const Span& c : t.enclitics) {
        SpanOf(t.input, c, "enclitic span");
        Within(c, t.span, "enclitic outside its token");
      }
    }
    for (const auto& e : r_.entities) {
      Check(!e.mentions.empty(), "entity without mentions");
      Check(e.salience > 0 && e.salience <= 1, "entity salience");
      for (const auto& m : e.mentions) {
        SpanOf(m.input, m.span, "mention span");
        Sentence(m.sentence, m.input);
      }
    }
    for (const auto& d : r_.dates) {
      SpanOf(d.input, d.span, "date span");
      Sentence(d.sentence, d.input);
    }
    for (const auto& n : r_.numbers) {
      SpanOf(n.input, n.span, "number span");
      Sentence(n.sentence, n.input);
    }
    for (const auto& q : r_.quotes) {
      SpanOf(q.input, q.span, "quote span");
      Sentence(q.sentence, q.input);
      if (q.speaker != -1) Entity(q.speaker);
      SpanOf(q.input, q.speaker_span, "quote speaker span", /*allow_empty=*/true);
      SpanOf(q.input, q.verb, "quote verb span", /*allow_empty=*/true);
    }
    for (const auto& s : r_.sources) {
      Entity(s.entity);
      for (const auto& c : s.citations) {
        SpanOf(c.input, c.span, "citation span");
        Sentence(c.sentence, c.input);
      }
    }
    for (const auto& s : r_.summaries) {
      Document(s.document);
      Input(s.input);
      for (const auto& ss : s.sentences) {
        Sentence(ss.sentence, ss.input);
        SpanOf(ss.input, ss.span, "summary sentence span");
        Check(ss.score >= 0 && ss.score <= 1, "summary score");
      }
      for (const auto& k : s.keyphrases) {
        SpanOf(k.input, k.span, "keyphrase span");
        if (k.entity != -1) Entity(k.entity);
      }
    }
    for (const auto& s : r_.story.summary) {
      Sentence(s.sentence, s.input);
      Document(s.document);
      SpanOf(s.input, s.span, "story sentence span");
      for (int32_t i : s.support) Input(i);
      for (int32_t d : s.documents) Document(d);
      for (int32_t i : s.sentences) {
        Check(i >= 0 && static_cast<size_t>(i) < r_.sentences.size(), "story group sentence", i);
      }
    }
    for (const auto& d : r_.story.duplicates) {
      Document(d.document);
      Document(d.duplicate_of);
      Input(d.input);
      Input(d.duplicate_of_input);
    }
    Check(r_.stats.tokens == static_cast<int64_t>(r_.tokens.size()), "stats.tokens");
  }

 private:
  const Result& r_;
  const std::vector<std::u16string>& texts_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const basira::Analyzer* const analyzer = [] {
    std::unique_ptr<basira::Analyzer> made;
    if (!basira::Analyzer::Create(&made).ok()) Fail("Analyzer::Create");
    return made.release();
  }();

  std::vector<basira::Input> inputs(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0xFF && inputs.size() < 3) {
      inputs.emplace_back();
    } else {
      inputs.back().text += static_cast<char>(data[i]);
    }
  }
  for (size_t i = 0; i < inputs.size(); ++i) inputs[i].name = "in" + std::to_string(i);

  basira::Options options;
  options.tokens = true;
  basira::Result result;
  const basira::Status status = analyzer->Analyze(inputs, options, &result);
  if (!status.ok()) {
    Check(!status.message().empty(), "error without a message");
    Check(status.code() != basira::ErrorCode::kInternal, "internal error");
    Check(status.input() >= -1 && status.input() < static_cast<int32_t>(inputs.size()),
          "error input", status.input());
    if (status.input() >= 0) {
      Check(status.byte_offset() >= -1 &&
                status.byte_offset() < static_cast<int64_t>(inputs[status.input()].text.size()),
            "error byte offset", status.byte_offset());
    }
    Check(result.inputs.empty() && result.sentences.empty(), "result filled on error");
    Check(nlohmann::json::accept(basira::ErrorToJson(status, inputs)), "error JSON");
    return 0;
  }
  std::vector<std::u16string> texts;
  for (const basira::Input& input : inputs) texts.push_back(Utf16(input.text));
  Checker(result, texts).All();
  // The writer runs every time; parsing its output back costs as much as the analysis, so one
  // input in eight (chosen by its bytes, so a reproduction does the same) is also parsed.
  const std::string json = basira::ResultToJson(result, inputs);
  Check(!json.empty() && json.front() == '{' && json.back() == '}', "result JSON");
  uint32_t hash = 2166136261u;
  for (size_t i = 0; i < size; ++i) hash = (hash ^ data[i]) * 16777619u;
  if (hash % 8 == 0) Check(nlohmann::json::accept(json), "result JSON");
  return 0;
}
