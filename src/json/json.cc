// The JSON boundary: the one writer of "basira.analysis" documents and the parser of requests.
// Built with JSON_NOEXCEPTION: parsing uses the non-throwing entry points and every access is
// type-checked first, so no input can make it throw or abort.
#include "basira/json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

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

// A compact JSON writer, byte for byte what nlohmann's dump(-1, ' ', false, replace) gives for
// the same document, without building a document tree first: the analysis result is large (a
// megabyte of text makes several of JSON), and the tree cost more than the writing.
class Writer {
 public:
  // With `layout`, records where each array that is a value of the top-level object lies.
  Writer(size_t reserve, std::vector<JsonArrayLayout>* layout) : layout_(layout) {
    out_.resize(reserve);
  }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // An object's key; the next call writes its value.
  void Key(const char* key) {
    Comma();
    key_at_ = size_;
    Put('"');
    Put(key, std::strlen(key));  // keys are our own ASCII names: nothing to escape
    Put("\":", 2);
    comma_ = false;
  }
  void String(std::string_view s) {
    Value();
    AppendString(s);
    comma_ = true;
  }
  void Int(int64_t v) {
    Value();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    Put(buf, static_cast<size_t>(r.ptr - buf));
    comma_ = true;
  }
  void Double(double v) {
    Value();
    Put(Json(v).dump());  // nlohmann's shortest round-trip form (0.5, 1.0, 1e-05, null)
    comma_ = true;
  }
  // Whole values as integers, so 3000000 never prints as 3e6.
  void Number(double v) {
    if (v == std::floor(v) && std::fabs(v) < 9.0e15) {
      Int(static_cast<int64_t>(v));
    } else {
      Double(v);
    }
  }
  void Bool(bool v) {
    Value();
    v ? Put("true", 4) : Put("false", 5);
    comma_ = true;
  }
  void Null() {
    Value();
    Put("null", 4);
    comma_ = true;
  }
  void SpanValue(Span s) {
    BeginArray();
    Int(s.start);
    Int(s.end);
    EndArray();
  }
  void Ints(const std::vector<int32_t>& v) {
    BeginArray();
    for (int32_t x : v) Int(x);
    EndArray();
  }

  // Fields: a key and its value.
  void Field(const char* key, std::string_view v) { Key(key), String(v); }
  void Field(const char* key, const char* v) { Key(key), String(v); }
  void Field(const char* key, const std::string& v) { Key(key), String(v); }
  void Field(const char* key, int32_t v) { Key(key), Int(v); }
  void Field(const char* key, int64_t v) { Key(key), Int(v); }
  void Field(const char* key, size_t v) { Key(key), Int(static_cast<int64_t>(v)); }
  void Field(const char* key, double v) { Key(key), Double(v); }
  void Field(const char* key, bool v) { Key(key), Bool(v); }
  void Field(const char* key, Span v) { Key(key), SpanValue(v); }
  void Field(const char* key, const std::vector<int32_t>& v) { Key(key), Ints(v); }

  std::string Take() {
    out_.resize(size_);
    return std::move(out_);
  }

 private:
  void Comma() {
    if (comma_) Put(',');
  }
  // Before a value: the comma, and the value's offset when it is an element of a top-level array.
  void Value() {
    Comma();
    if (depth_ == 2 && in_top_array_) layout_->back().items.push_back(size_);
  }
  void Open(char c) {
    Value();
    if (layout_ != nullptr && depth_ == 1 && c == '[') {
      layout_->push_back(JsonArrayLayout{key_at_, size_, 0, {}});
      in_top_array_ = true;
    }
    Put(c);
    comma_ = false;
    ++depth_;
  }
  void Close(char c) {
    --depth_;
    if (depth_ == 1 && in_top_array_) {
      layout_->back().close = size_;
      in_top_array_ = false;
    }
    Put(c);
    comma_ = true;
  }
  // Quotes and escapes a string: ", \ and control characters, nothing else (the output is
  // UTF-8). A string that is not well-formed UTF-8 goes through nlohmann, whose error handler
  // replaces the bad bytes with U+FFFD, so the two writers never differ.
  void AppendString(std::string_view s) {
    if (!IsUtf8(s)) {
      Put(Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace));
      return;
    }
    // At most 6 bytes a byte (\u00XX) and the quotes: one check of the room for the string.
    char* out = Room(s.size() * 6 + 2);
    char* const begin = out;
    *out++ = '"';
    size_t plain = 0;  // start of the run of bytes copied as they are
    for (size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      std::memcpy(out, s.data() + plain, i - plain);
      out += i - plain;
      plain = i + 1;
      *out++ = '\\';
      switch (c) {
        case '"':
          *out++ = '"';
          break;
        case '\\':
          *out++ = '\\';
          break;
        case '\b':
          *out++ = 'b';
          break;
        case '\f':
          *out++ = 'f';
          break;
        case '\n':
          *out++ = 'n';
          break;
        case '\r':
          *out++ = 'r';
          break;
        case '\t':
          *out++ = 't';
          break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          const char u[5] = {'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          std::memcpy(out, u, 5);
          out += 5;
        }
      }
    }
    std::memcpy(out, s.data() + plain, s.size() - plain);
    out += s.size() - plain;
    *out++ = '"';
    size_ += static_cast<size_t>(out - begin);
  }
  // Well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
  static bool IsUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b < 0x80) {
        ++i;
        continue;
      }
      int len;
      uint32_t cp;
      if (b >= 0xC2 && b <= 0xDF) {
        len = 2, cp = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3, cp = b & 0x0F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4, cp = b & 0x07;
      } else {
        return false;
      }
      if (i + len > s.size()) return false;
      for (int k = 1; k < len; ++k) {
        const auto t = static_cast<unsigned char>(s[i + k]);
        if ((t & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (t & 0x3F);
      }
      if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
          (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
        return false;
      }
      i += len;
    }
    return true;
  }

  // Room for `n` more bytes at the end of the output: where to write them (size_ is then moved
  // past what was written). The buffer is a string grown by doubling, used up to size_.
  char* Room(size_t n) {
    if (size_ + n > out_.size()) out_.resize(std::max(out_.size() * 2, size_ + n));
    return &out_[size_];
  }
  void Put(char c) {
    *Room(1) = c;
    ++size_;
  }
  void Put(const char* s, size_t n) {
    std::memcpy(Room(n), s, n);
    size_ += n;
  }
  void Put(const std::string& s) { Put(s.data(), s.size()); }

  std::string out_;  // the output so far: its first size_ bytes
  size_t size_ = 0;
  bool comma_ = false;  // a value was just written: the next one needs a comma first
  int depth_ = 0;       // how many objects and arrays are open
  std::vector<JsonArrayLayout>* layout_;
  size_t key_at_ = 0;          // where the last key began
  bool in_top_array_ = false;  // inside an array that is a value of the top-level object
};

}  // namespace

std::string ResultToJson(const Result& result, const std::vector<Input>& inputs) {
  return ResultToJson(result, inputs, nullptr);
}

std::string ResultToJson(const Result& result, const std::vector<Input>& inputs,
                         std::vector<JsonArrayLayout>* layout) {
  if (layout != nullptr) layout->clear();
  std::vector<std::vector<uint32_t>> maps;
  maps.reserve(inputs.size());
  size_t bytes = 0;
  for (const Input& input : inputs) {
    maps.push_back(Utf16ToByteOffsets(input.text));
    bytes += input.text.size();
  }
  auto text_of = [&](int32_t input, Span s) {
    const auto& map = maps[input];
    return std::string_view(inputs[input].text).substr(map[s.start], map[s.end] - map[s.start]);
  };

  Writer w(4 * bytes + 4096, layout);
  // A span and the text it covers: {"span": [s, e], "text": "..."}, or null when empty.
  auto span_text_or_null = [&](const char* key, int32_t input, Span span) {
    w.Key(key);
    if (span.length() <= 0) return w.Null();
    w.BeginObject();
    w.Field("span", span);
    w.Field("text", text_of(input, span));
    w.EndObject();
  };

  w.BeginObject();
  w.Field("schema", kSchemaName);
  w.Field("schema_version", kSchemaVersion);
  w.Field("basira", Version());
  w.Key("inputs");
  w.BeginArray();
  for (size_t i = 0; i < result.inputs.size(); ++i) {
    const InputInfo& info = result.inputs[i];
    w.BeginObject();
    w.Field("index", i);
    w.Field("name", info.name);
    w.Field("bytes", info.bytes);
    w.Field("length", info.length);
    w.EndObject();
  }
  w.EndArray();
  w.Key("documents");
  w.BeginArray();
  for (size_t i = 0; i < result.documents.size(); ++i) {
    const Document& d = result.documents[i];
    w.BeginObject();
    w.Field("id", i);
    w.Field("input", d.input);
    w.Field("span", d.span);
    // The first headline, subheadline and byline are also named at the top, for readers.
    bool named[3] = {false, false, false};
    for (const Block& b : d.blocks) {
      const int which = b.kind == BlockKind::kHeadline      ? 0
                        : b.kind == BlockKind::kSubheadline ? 1
                        : b.kind == BlockKind::kByline      ? 2
                                                            : -1;
      if (which < 0 || named[which]) continue;
      named[which] = true;
      w.Key(BlockKindName(b.kind));
      w.BeginObject();
      w.Field("span", b.span);
      w.Field("text", text_of(d.input, b.span));
      w.EndObject();
    }
    if (d.has_dateline) {
      const Dateline& dl = d.dateline;
      char date[40];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", dl.year, dl.month, dl.day);
      w.Key("dateline");
      w.BeginObject();
      w.Field("span", dl.span);
      w.Field("text", text_of(d.input, dl.span));
      w.Field("date", date);
      if (dl.hour >= 0) {
        char time[24];
        std::snprintf(time, sizeof time, "%02d:%02d", dl.hour, dl.minute);
        w.Field("time", time);
        w.Field("value", std::string(date) + "T" + time);
      } else {
        w.Field("value", date);
      }
      w.EndObject();
    }
    w.Key("blocks");
    w.BeginArray();
    for (const Block& b : d.blocks) {
      w.BeginObject();
      w.Field("kind", BlockKindName(b.kind));
      w.Field("span", b.span);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("noise");
  w.BeginArray();
  for (const Noise& n : result.noise) {
    w.BeginObject();
    w.Field("input", n.input);
    w.Field("kind", NoiseKindName(n.kind));
    w.Field("span", n.span);
    w.Field("text", text_of(n.input, n.span));
    if (n.kind == NoiseKind::kDuplicate) w.Field("repeats", n.original);
    w.EndObject();
  }
  w.EndArray();
  w.Key("sentences");
  w.BeginArray();
  for (size_t i = 0; i < result.sentences.size(); ++i) {
    const Sentence& s = result.sentences[i];
    w.BeginObject();
    w.Field("id", i);
    w.Field("input", s.input);
    w.Field("document", s.document);
    w.Field("block", BlockKindName(s.block));
    w.Field("span", s.span);
    w.Field("text", text_of(s.input, s.span));
    w.EndObject();
  }
  w.EndArray();
  if (!result.tokens.empty()) {
    w.Key("tokens");
    w.BeginArray();
    for (const Token& t : result.tokens) {
      w.BeginObject();
      w.Field("input", t.input);
      w.Field("sentence", t.sentence);
      w.Field("span", t.span);
      w.Field("kind", TokenKindName(t.kind));
      w.Field("text", text_of(t.input, t.span));
      if (!t.proclitics.empty() || !t.enclitics.empty()) {
        w.Field("stem", t.stem);
        w.Field("stem_text", text_of(t.input, t.stem));
        if (!t.proclitics.empty()) {
          w.Key("proclitics");
          w.BeginArray();
          for (const Span& c : t.proclitics) w.SpanValue(c);
          w.EndArray();
        }
        if (!t.enclitics.empty()) {
          w.Key("enclitics");
          w.BeginArray();
          for (const Span& c : t.enclitics) w.SpanValue(c);
          w.EndArray();
        }
      }
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("entities");
  w.BeginArray();
  for (size_t i = 0; i < result.entities.size(); ++i) {
    const Entity& e = result.entities[i];
    w.BeginObject();
    w.Field("id", i);
    w.Field("type", EntityTypeName(e.type));
    w.Field("name", e.name);
    w.Field("latin", e.latin);
    w.Field("salience", e.salience);
    w.Key("mentions");
    w.BeginArray();
    for (const Mention& m : e.mentions) {
      w.BeginObject();
      w.Field("input", m.input);
      w.Field("sentence", m.sentence);
      w.Field("span", m.span);
      w.Field("kind", MentionKindName(m.kind));
      w.Field("text", text_of(m.input, m.span));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("dates");
  w.BeginArray();
  for (const DateMention& d : result.dates) {
    w.BeginObject();
    w.Field("input", d.input);
    w.Field("sentence", d.sentence);
    w.Field("span", d.span);
    w.Field("text", text_of(d.input, d.span));
    w.Field("type", DateTypeName(d.type));
    if (!d.value.empty()) w.Field("value", d.value);
    w.Field("calendar", d.hijri ? "hijri" : "gregorian");
    if (d.hijri) w.Field("hijri", d.hijri_value);
    w.Field("relative", d.relative);
    if (!d.relation.empty()) w.Field("relation", d.relation);
    if (!d.anchor.empty()) w.Field("anchor", d.anchor);
    w.EndObject();
  }
  w.EndArray();
  w.Key("numbers");
  w.BeginArray();
  for (const NumberMention& n : result.numbers) {
    w.BeginObject();
    w.Field("input", n.input);
    w.Field("sentence", n.sentence);
    w.Field("span", n.span);
    w.Field("text", text_of(n.input, n.span));
    w.Field("kind", NumberKindName(n.kind));
    w.Key("value");
    w.Number(n.value);
    if (!n.unit.empty()) w.Field("unit", n.unit);
    if (!n.currency.empty()) w.Field("currency", n.currency);
    if (!n.qualifier.empty()) w.Field("qualifier", n.qualifier);
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes");
  w.BeginArray();
  for (const Quote& q : result.quotes) {
    w.BeginObject();
    w.Field("input", q.input);
    w.Field("sentence", q.sentence);
    w.Field("span", q.span);
    w.Field("text", text_of(q.input, q.span));
    w.Field("kind", QuoteKindName(q.kind));
    w.Key("speaker");
    if (q.speaker >= 0) {
      w.Int(q.speaker);
    } else {
      w.Null();
    }
    span_text_or_null("speaker_words", q.input, q.speaker_span);
    span_text_or_null("verb", q.input, q.verb);
    w.Field("inherited", q.inherited);
    w.EndObject();
  }
  w.EndArray();
  w.Key("sources");
  w.BeginArray();
  for (const Source& src : result.sources) {
    const Entity& e = result.entities[src.entity];
    w.BeginObject();
    w.Field("entity", src.entity);
    w.Field("name", e.name);
    w.Field("type", EntityTypeName(e.type));
    w.Field("count", src.citations.size());
    w.Key("citations");
    w.BeginArray();
    for (const Citation& c : src.citations) {
      w.BeginObject();
      w.Field("input", c.input);
      w.Field("sentence", c.sentence);
      w.Field("span", c.span);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("summaries");
  w.BeginArray();
  for (const DocumentSummary& d : result.summaries) {
    w.BeginObject();
    w.Field("document", d.document);
    w.Field("input", d.input);
    w.Key("sentences");
    w.BeginArray();
    for (const SummarySentence& s : d.sentences) {
      w.BeginObject();
      w.Field("sentence", s.sentence);
      w.Field("input", s.input);
      w.Field("span", s.span);
      w.Field("score", s.score);
      w.Field("text", text_of(s.input, s.span));
      w.EndObject();
    }
    w.EndArray();
    w.Key("keyphrases");
    w.BeginArray();
    for (const Keyphrase& p : d.keyphrases) {
      w.BeginObject();
      w.Field("text", text_of(p.input, p.span));
      w.Field("key", p.key);
      w.Field("score", p.score);
      w.Field("count", p.count);
      w.Field("input", p.input);
      w.Field("span", p.span);
      if (p.entity >= 0) w.Field("entity", p.entity);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("story");
  w.BeginObject();
  w.Key("summary");
  w.BeginArray();
  for (const StorySentence& s : result.story.summary) {
    w.BeginObject();
    w.Field("sentence", s.sentence);
    w.Field("input", s.input);
    w.Field("document", s.document);
    w.Field("span", s.span);
    w.Field("score", s.score);
    w.Field("text", text_of(s.input, s.span));
    w.Field("support", s.support);
    w.Field("documents", s.documents);
    w.Field("sentences", s.sentences);
    w.Field("single_source", s.single_source);
    w.EndObject();
  }
  w.EndArray();
  w.Key("duplicates");
  w.BeginArray();
  for (const DuplicateDocument& d : result.story.duplicates) {
    w.BeginObject();
    w.Field("document", d.document);
    w.Field("input", d.input);
    w.Field("duplicate_of", d.duplicate_of);
    w.Field("duplicate_of_input", d.duplicate_of_input);
    w.Field("similarity", d.similarity);
    w.EndObject();
  }
  w.EndArray();
  w.Key("timeline");
  w.BeginArray();
  for (const TimelineEvent& t : result.story.timeline) {
    w.BeginObject();
    w.Field("value", t.value);
    w.Field("granularity", t.granularity);
    w.Field("date", t.date);
    w.Field("date_span", t.date_span);
    w.Field("date_text", text_of(t.input, t.date_span));
    w.Field("sentence", t.sentence);
    w.Field("input", t.input);
    w.Field("document", t.document);
    w.Field("span", t.span);
    w.Field("text", text_of(t.input, t.span));
    w.Field("support", t.support);
    w.Field("documents", t.documents);
    w.Field("sentences", t.sentences);
    w.Field("other_dates", t.other_dates);
    w.EndObject();
  }
  w.EndArray();
  w.Key("figures");
  w.BeginArray();
  for (const Figure& f : result.story.figures) {
    w.BeginObject();
    w.Field("key", f.key);
    w.Field("kind", NumberKindName(f.kind));
    if (!f.unit.empty()) w.Field("unit", f.unit);
    if (!f.currency.empty()) w.Field("currency", f.currency);
    w.Field("agree", f.agree);
    w.Key("values");
    w.BeginArray();
    for (const FigureValue& v : f.values) {
      w.BeginObject();
      w.Field("number", v.number);
      w.Field("input", v.input);
      w.Field("document", v.document);
      w.Field("sentence", v.sentence);
      w.Field("span", v.span);
      w.Field("text", text_of(v.input, v.span));
      w.Key("value");
      w.Number(v.value);
      if (!v.qualifier.empty()) w.Field("qualifier", v.qualifier);
      w.Field("sources", v.sources);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Key("stats");
  w.BeginObject();
  w.Field("inputs", result.inputs.size());
  w.Field("documents", result.documents.size());
  w.Field("noise", result.noise.size());
  w.Field("entities", result.entities.size());
  w.Field("dates", result.dates.size());
  w.Field("numbers", result.numbers.size());
  w.Field("quotes", result.quotes.size());
  w.Field("sentences", result.sentences.size());
  w.Field("tokens", result.stats.tokens);
  w.Field("words", result.stats.words);
  w.EndObject();
  w.EndObject();
  return w.Take();
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
