// The JSON boundary: the one writer of "basira.analysis" documents and the parser of requests.
// Built with JSON_NOEXCEPTION: parsing uses the non-throwing entry points and every access is
// type-checked first, so no input can make it throw or abort.
#include "basira/json.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace basira {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

// Maps UTF-16 offsets of a well-formed UTF-8 text to byte offsets (one entry per unit, plus the
// end), so span text is cut from the original bytes without re-encoding.
std::vector<uint32_t> Utf16ToByteOffsets(const std::string& utf8) {
  std::vector<uint32_t> map;
  map.reserve(utf8.size() + 1);
  for (size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<uint8_t>(utf8[i]);
    const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    map.push_back(static_cast<uint32_t>(i));
    if (len == 4) map.push_back(static_cast<uint32_t>(i));  // the trail surrogate
    i += len;
  }
  map.push_back(static_cast<uint32_t>(utf8.size()));
  return map;
}

Json SpanJson(Span s) { return Json::array({s.start, s.end}); }

// Whole values are written as integers, so 3000000 never prints as 3e6.
Json NumberJson(double value) {
  if (value == std::floor(value) && std::fabs(value) < 9.0e15) {
    return static_cast<int64_t>(value);
  }
  return value;
}

}  // namespace

std::string ResultToJson(const Result& result, const std::vector<Input>& inputs) {
  std::vector<std::vector<uint32_t>> maps;
  maps.reserve(inputs.size());
  for (const Input& input : inputs) maps.push_back(Utf16ToByteOffsets(input.text));
  auto text_of = [&](int32_t input, Span s) {
    const auto& map = maps[input];
    return inputs[input].text.substr(map[s.start], map[s.end] - map[s.start]);
  };

  Json j;
  j["schema"] = kSchemaName;
  j["schema_version"] = kSchemaVersion;
  j["basira"] = Version();
  Json& in = j["inputs"] = Json::array();
  for (size_t i = 0; i < result.inputs.size(); ++i) {
    const InputInfo& info = result.inputs[i];
    in.push_back(
        {{"index", i}, {"name", info.name}, {"bytes", info.bytes}, {"length", info.length}});
  }
  Json& docs = j["documents"] = Json::array();
  for (size_t i = 0; i < result.documents.size(); ++i) {
    const Document& d = result.documents[i];
    Json doc = {{"id", i}, {"input", d.input}, {"span", SpanJson(d.span)}};
    for (const Block& b : d.blocks) {
      // The first headline, subheadline and byline are also named at the top, for readers.
      const char* name = BlockKindName(b.kind);
      if ((b.kind == BlockKind::kHeadline || b.kind == BlockKind::kSubheadline ||
           b.kind == BlockKind::kByline) &&
          !doc.contains(name)) {
        doc[name] = {{"span", SpanJson(b.span)}, {"text", text_of(d.input, b.span)}};
      }
    }
    if (d.has_dateline) {
      const Dateline& dl = d.dateline;
      char date[40];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", dl.year, dl.month, dl.day);
      Json dateline = {
          {"span", SpanJson(dl.span)}, {"text", text_of(d.input, dl.span)}, {"date", date}};
      if (dl.hour >= 0) {
        char time[24];
        std::snprintf(time, sizeof time, "%02d:%02d", dl.hour, dl.minute);
        dateline["time"] = time;
        dateline["value"] = std::string(date) + "T" + time;
      } else {
        dateline["value"] = date;
      }
      doc["dateline"] = std::move(dateline);
    }
    Json& blocks = doc["blocks"] = Json::array();
    for (const Block& b : d.blocks) {
      blocks.push_back({{"kind", BlockKindName(b.kind)}, {"span", SpanJson(b.span)}});
    }
    docs.push_back(std::move(doc));
  }
  Json& noise = j["noise"] = Json::array();
  for (const Noise& n : result.noise) {
    Json item = {{"input", n.input},
                 {"kind", NoiseKindName(n.kind)},
                 {"span", SpanJson(n.span)},
                 {"text", text_of(n.input, n.span)}};
    if (n.kind == NoiseKind::kDuplicate) item["repeats"] = SpanJson(n.original);
    noise.push_back(std::move(item));
  }
  Json& sentences = j["sentences"] = Json::array();
  for (size_t i = 0; i < result.sentences.size(); ++i) {
    const Sentence& s = result.sentences[i];
    sentences.push_back({{"id", i},
                         {"input", s.input},
                         {"document", s.document},
                         {"block", BlockKindName(s.block)},
                         {"span", SpanJson(s.span)},
                         {"text", text_of(s.input, s.span)}});
  }
  if (!result.tokens.empty()) {
    Json& tokens = j["tokens"] = Json::array();
    for (const Token& t : result.tokens) {
      Json token = {{"input", t.input},
                    {"sentence", t.sentence},
                    {"span", SpanJson(t.span)},
                    {"kind", TokenKindName(t.kind)},
                    {"text", text_of(t.input, t.span)}};
      if (!t.proclitics.empty() || !t.enclitics.empty()) {
        Json pro = Json::array(), en = Json::array();
        for (const Span& c : t.proclitics) pro.push_back(SpanJson(c));
        for (const Span& c : t.enclitics) en.push_back(SpanJson(c));
        token["stem"] = SpanJson(t.stem);
        token["stem_text"] = text_of(t.input, t.stem);
        if (!pro.empty()) token["proclitics"] = std::move(pro);
        if (!en.empty()) token["enclitics"] = std::move(en);
      }
      tokens.push_back(std::move(token));
    }
  }
  Json& entities = j["entities"] = Json::array();
  for (size_t i = 0; i < result.entities.size(); ++i) {
    const Entity& e = result.entities[i];
    Json mentions = Json::array();
    for (const Mention& m : e.mentions) {
      mentions.push_back({{"input", m.input},
                          {"sentence", m.sentence},
                          {"span", SpanJson(m.span)},
                          {"kind", MentionKindName(m.kind)},
                          {"text", text_of(m.input, m.span)}});
    }
    entities.push_back({{"id", i},
                        {"type", EntityTypeName(e.type)},
                        {"name", e.name},
                        {"latin", e.latin},
                        {"salience", e.salience},
                        {"mentions", std::move(mentions)}});
  }
  Json& dates = j["dates"] = Json::array();
  for (const DateMention& d : result.dates) {
    Json item = {{"input", d.input},
                 {"sentence", d.sentence},
                 {"span", SpanJson(d.span)},
                 {"text", text_of(d.input, d.span)},
                 {"type", DateTypeName(d.type)}};
    if (!d.value.empty()) item["value"] = d.value;
    item["calendar"] = d.hijri ? "hijri" : "gregorian";
    if (d.hijri) item["hijri"] = d.hijri_value;
    item["relative"] = d.relative;
    if (!d.relation.empty()) item["relation"] = d.relation;
    if (!d.anchor.empty()) item["anchor"] = d.anchor;
    dates.push_back(std::move(item));
  }
  Json& numbers = j["numbers"] = Json::array();
  for (const NumberMention& n : result.numbers) {
    Json item = {{"input", n.input},
                 {"sentence", n.sentence},
                 {"span", SpanJson(n.span)},
                 {"text", text_of(n.input, n.span)},
                 {"kind", NumberKindName(n.kind)}};
    item["value"] = NumberJson(n.value);
    if (!n.unit.empty()) item["unit"] = n.unit;
    if (!n.currency.empty()) item["currency"] = n.currency;
    if (!n.qualifier.empty()) item["qualifier"] = n.qualifier;
    numbers.push_back(std::move(item));
  }
  auto span_or_null = [&](int32_t input, Span span) -> Json {
    if (span.length() <= 0) return nullptr;
    return {{"span", SpanJson(span)}, {"text", text_of(input, span)}};
  };
  Json& quotes = j["quotes"] = Json::array();
  for (const Quote& q : result.quotes) {
    quotes.push_back({{"input", q.input},
                      {"sentence", q.sentence},
                      {"span", SpanJson(q.span)},
                      {"text", text_of(q.input, q.span)},
                      {"kind", QuoteKindName(q.kind)},
                      {"speaker", q.speaker >= 0 ? Json(q.speaker) : Json(nullptr)},
                      {"speaker_words", span_or_null(q.input, q.speaker_span)},
                      {"verb", span_or_null(q.input, q.verb)},
                      {"inherited", q.inherited}});
  }
  Json& sources = j["sources"] = Json::array();
  for (const Source& src : result.sources) {
    Json citations = Json::array();
    for (const Citation& c : src.citations) {
      citations.push_back(
          {{"input", c.input}, {"sentence", c.sentence}, {"span", SpanJson(c.span)}});
    }
    const Entity& e = result.entities[src.entity];
    sources.push_back({{"entity", src.entity},
                       {"name", e.name},
                       {"type", EntityTypeName(e.type)},
                       {"count", src.citations.size()},
                       {"citations", std::move(citations)}});
  }
  Json& summaries = j["summaries"] = Json::array();
  for (const DocumentSummary& d : result.summaries) {
    Json sentences = Json::array(), phrases = Json::array();
    for (const SummarySentence& s : d.sentences) {
      sentences.push_back({{"sentence", s.sentence},
                           {"input", s.input},
                           {"span", SpanJson(s.span)},
                           {"score", s.score},
                           {"text", text_of(s.input, s.span)}});
    }
    for (const Keyphrase& p : d.keyphrases) {
      Json phrase = {{"text", text_of(p.input, p.span)},
                     {"key", p.key},
                     {"score", p.score},
                     {"count", p.count},
                     {"input", p.input},
                     {"span", SpanJson(p.span)}};
      if (p.entity >= 0) phrase["entity"] = p.entity;
      phrases.push_back(std::move(phrase));
    }
    summaries.push_back({{"document", d.document},
                         {"input", d.input},
                         {"sentences", std::move(sentences)},
                         {"keyphrases", std::move(phrases)}});
  }
  Json story_summary = Json::array(), duplicates = Json::array();
  for (const StorySentence& s : result.story.summary) {
    story_summary.push_back({{"sentence", s.sentence},
                             {"input", s.input},
                             {"document", s.document},
                             {"span", SpanJson(s.span)},
                             {"score", s.score},
                             {"text", text_of(s.input, s.span)},
                             {"support", s.support},
                             {"documents", s.documents},
                             {"sentences", s.sentences},
                             {"single_source", s.single_source}});
  }
  for (const DuplicateDocument& d : result.story.duplicates) {
    duplicates.push_back({{"document", d.document},
                          {"input", d.input},
                          {"duplicate_of", d.duplicate_of},
                          {"duplicate_of_input", d.duplicate_of_input},
                          {"similarity", d.similarity}});
  }
  Json timeline = Json::array(), figures = Json::array();
  for (const TimelineEvent& t : result.story.timeline) {
    timeline.push_back({{"value", t.value},
                        {"granularity", t.granularity},
                        {"date", t.date},
                        {"date_span", SpanJson(t.date_span)},
                        {"date_text", text_of(t.input, t.date_span)},
                        {"sentence", t.sentence},
                        {"input", t.input},
                        {"document", t.document},
                        {"span", SpanJson(t.span)},
                        {"text", text_of(t.input, t.span)},
                        {"support", t.support},
                        {"documents", t.documents},
                        {"sentences", t.sentences},
                        {"other_dates", t.other_dates}});
  }
  for (const Figure& f : result.story.figures) {
    Json values = Json::array();
    for (const FigureValue& v : f.values) {
      Json item = {{"number", v.number},          {"input", v.input},
                   {"document", v.document},      {"sentence", v.sentence},
                   {"span", SpanJson(v.span)},    {"text", text_of(v.input, v.span)},
                   {"value", NumberJson(v.value)}};
      if (!v.qualifier.empty()) item["qualifier"] = v.qualifier;
      item["sources"] = v.sources;
      values.push_back(std::move(item));
    }
    Json figure = {{"key", f.key}, {"kind", NumberKindName(f.kind)}};
    if (!f.unit.empty()) figure["unit"] = f.unit;
    if (!f.currency.empty()) figure["currency"] = f.currency;
    figure["agree"] = f.agree;
    figure["values"] = std::move(values);
    figures.push_back(std::move(figure));
  }
  j["story"] = {{"summary", std::move(story_summary)},
                {"duplicates", std::move(duplicates)},
                {"timeline", std::move(timeline)},
                {"figures", std::move(figures)}};
  j["stats"] = {{"inputs", result.inputs.size()}, {"documents", result.documents.size()},
                {"noise", result.noise.size()},   {"entities", result.entities.size()},
                {"dates", result.dates.size()},   {"numbers", result.numbers.size()},
                {"quotes", result.quotes.size()}, {"sentences", result.sentences.size()},
                {"tokens", result.stats.tokens},  {"words", result.stats.words}};
  return Dump(j);
}

std::string ErrorToJson(const Status& status, const std::vector<Input>& inputs) {
  Json e;
  e["code"] = ErrorCodeName(status.code());
  e["message"] = status.message();
  if (status.input() >= 0) {
    e["input"] = status.input();
    if (static_cast<size_t>(status.input()) < inputs.size()) {
      e["name"] = inputs[status.input()].name;
    }
  }
  if (status.byte_offset() >= 0) e["byte_offset"] = status.byte_offset();
  Json j;
  j["error"] = std::move(e);
  return Dump(j);
}

Status ParseOptionsJson(std::string_view text, Options* options) {
  *options = Options();
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Status::Ok();
  const Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status(ErrorCode::kInvalidArgument, "options are not valid JSON");
  if (!j.is_object()) return Status(ErrorCode::kInvalidArgument, "options must be a JSON object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const Json& value = it.value();
    if (key == "tokens") {
      if (!value.is_boolean()) {
        return Status(ErrorCode::kInvalidArgument, "option 'tokens' must be true or false");
      }
      options->tokens = value.get<bool>();
    } else if (key == "max_bytes") {
      if (!value.is_number_integer() || value.get<int64_t>() <= 0) {
        return Status(ErrorCode::kInvalidArgument, "option 'max_bytes' must be a positive integer");
      }
      options->max_bytes = value.get<int64_t>();
    } else if (key == "summary") {
      // {"sentences": N} | {"ratio": r} | {"words": N}: exactly one of them.
      const char* kBad =
          "option 'summary' must be {\"sentences\": N}, {\"ratio\": r} or {\"words\": N} "
          "(N a positive integer, 0 < r <= 1)";
      if (!value.is_object() || value.size() != 1) {
        return Status(ErrorCode::kInvalidArgument, kBad);
      }
      const std::string& unit = value.begin().key();
      const Json& v = value.begin().value();
      if (unit == "ratio") {
        if (!v.is_number() || v.get<double>() <= 0 || v.get<double>() > 1) {
          return Status(ErrorCode::kInvalidArgument, kBad);
        }
        options->summary = {SummaryLength::Unit::kRatio, v.get<double>()};
      } else if (unit == "sentences" || unit == "words") {
        if (!v.is_number_integer() || v.get<int64_t>() <= 0 || v.get<int64_t>() > 1000000) {
          return Status(ErrorCode::kInvalidArgument, kBad);
        }
        options->summary = {
            unit == "words" ? SummaryLength::Unit::kWords : SummaryLength::Unit::kSentences,
            static_cast<double>(v.get<int64_t>())};
      } else {
        return Status(ErrorCode::kInvalidArgument, kBad);
      }
    } else {
      return Status(ErrorCode::kInvalidArgument, "unknown option '" + key + "'");
    }
  }
  return Status::Ok();
}

Status ParseInputsJson(std::string_view text, std::vector<Input>* inputs) {
  inputs->clear();
  const Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return Status(ErrorCode::kInvalidArgument,
                  "inputs are not valid JSON (texts must be well-formed Unicode)");
  }
  if (!j.is_array()) {
    return Status(ErrorCode::kInvalidArgument, "inputs must be a JSON array");
  }
  for (size_t i = 0; i < j.size(); ++i) {
    const Json& item = j[i];
    Input input;
    if (item.is_string()) {
      input.text = item.get<std::string>();
    } else if (item.is_object() && item.contains("text") && item["text"].is_string()) {
      input.text = item["text"].get<std::string>();
      if (item.contains("name")) {
        if (!item["name"].is_string()) {
          return Status(ErrorCode::kInvalidArgument,
                        "the name of input " + std::to_string(i) + " must be a string")
              .set_input(static_cast<int32_t>(i));
        }
        input.name = item["name"].get<std::string>();
      }
    } else {
      return Status(ErrorCode::kInvalidArgument,
                    "input " + std::to_string(i) + " must be a string or {\"name\", \"text\"}")
          .set_input(static_cast<int32_t>(i));
    }
    inputs->push_back(std::move(input));
  }
  return Status::Ok();
}

}  // namespace basira
