#include "basira/json.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

// The same configuration the library's json.cc is built with (no exceptions), so that both see
// the same definitions of nlohmann's inline functions; this file only uses non-throwing calls.
#ifndef JSON_NOEXCEPTION
#define JSON_NOEXCEPTION
#endif
#include <nlohmann/json.hpp>

#include "basira/analyzer.h"
#include "basira/result.h"
#include "basira/status.h"
#include "test_util.h"

namespace nlohmann {
// Prints a JSON value in failure messages as its text. (Without it GoogleTest would print it as a
// container, and a scalar JSON value is a container of itself.)
inline void PrintTo(const json& j, std::ostream* os) { *os << j.dump(); }
}  // namespace nlohmann

namespace basira {
namespace {

using Json = nlohmann::json;
using test::Utf8;

Json Parse(const std::string& text) {
  return Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Analyzes `inputs` with the shared Analyzer; fails the test if that fails.
Result Analyze(const std::vector<Input>& inputs, bool tokens) {
  Options options;
  options.tokens = tokens;
  Result result;
  const Status status = test::SharedAnalyzer().Analyze(inputs, options, &result);
  EXPECT_TRUE(status.ok()) << status.message();
  return result;
}

// The UTF-8 of the UTF-16 slice [span[0], span[1]) of `utf8`.
std::string SliceUtf16(const std::string& utf8, const Json& span) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  const int32_t start = span[0].get<int32_t>();
  const int32_t end = span[1].get<int32_t>();
  return Utf8(text.tempSubString(start, end - start));
}

bool IsSpan(const Json& span) {
  return span.is_array() && span.size() == 2 && span[0].is_number_integer() &&
         span[1].is_number_integer();
}

// Checks that the "text" of every sentence, token and noise entry is the slice of the input its
// span names.
void ExpectTextsMatchSpans(const Json& j, const std::vector<Input>& inputs) {
  ASSERT_TRUE(j.contains("sentences"));
  for (const char* key : {"sentences", "tokens", "noise"}) {
    if (!j.contains(key)) continue;
    ASSERT_TRUE(j[key].is_array()) << key;
    for (const Json& item : j[key]) {
      ASSERT_TRUE(item.is_object());
      ASSERT_TRUE(item.contains("input") && item["input"].is_number_integer()) << item.dump();
      ASSERT_TRUE(item.contains("span") && IsSpan(item["span"])) << item.dump();
      ASSERT_TRUE(item.contains("text") && item["text"].is_string()) << item.dump();
      const auto input = item["input"].get<size_t>();
      ASSERT_LT(input, inputs.size());
      EXPECT_EQ(item["text"].get<std::string>(), SliceUtf16(inputs[input].text, item["span"]))
          << key << " " << item.dump();
    }
  }
}

// --- ParseOptionsJson ----------------------------------------------------------------------------

Status ParseOptions(const char* json, Options* options) { return ParseOptionsJson(json, options); }

void ExpectOptionsError(const char* json, const char* named) {
  Options options;
  const Status status = ParseOptionsJson(json, &options);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument) << json;
  EXPECT_TRUE(Contains(status.message(), named)) << json << ": " << status.message();
}

TEST(ParseOptionsJsonTest, EmptyGivesDefaults) {
  Options options;
  options.tokens = true;
  options.max_bytes = 7;
  ASSERT_TRUE(ParseOptions("", &options).ok());
  EXPECT_FALSE(options.tokens);
  EXPECT_EQ(options.max_bytes, Options::kDefaultMaxBytes);
}

TEST(ParseOptionsJsonTest, WhitespaceGivesDefaults) {
  Options options;
  options.tokens = true;
  ASSERT_TRUE(ParseOptions(" \n\t", &options).ok());
  EXPECT_FALSE(options.tokens);
  EXPECT_EQ(options.max_bytes, Options::kDefaultMaxBytes);
}

TEST(ParseOptionsJsonTest, EmptyObjectGivesDefaults) {
  Options options;
  options.tokens = true;
  options.max_bytes = 7;
  ASSERT_TRUE(ParseOptions("{}", &options).ok());
  EXPECT_FALSE(options.tokens);
  EXPECT_EQ(options.max_bytes, Options::kDefaultMaxBytes);
}

TEST(ParseOptionsJsonTest, Tokens) {
  Options options;
  ASSERT_TRUE(ParseOptions(R"({"tokens": true})", &options).ok());
  EXPECT_TRUE(options.tokens);
  EXPECT_EQ(options.max_bytes, Options::kDefaultMaxBytes);
  ASSERT_TRUE(ParseOptions(R"({"tokens": false})", &options).ok());
  EXPECT_FALSE(options.tokens);
}

TEST(ParseOptionsJsonTest, MaxBytes) {
  Options options;
  ASSERT_TRUE(ParseOptions(R"({"max_bytes": 1000})", &options).ok());
  EXPECT_EQ(options.max_bytes, 1000);
  EXPECT_FALSE(options.tokens);
  ASSERT_TRUE(ParseOptions(R"({"max_bytes": 5000000000, "tokens": true})", &options).ok());
  EXPECT_EQ(options.max_bytes, 5000000000);
  EXPECT_TRUE(options.tokens);
}

TEST(ParseOptionsJsonTest, UnknownKey) {
  ExpectOptionsError(R"({"tokens": true, "colour": 1})", "colour");
}
TEST(ParseOptionsJsonTest, UnknownKeyCaseSensitive) {
  ExpectOptionsError(R"({"Tokens": true})", "Tokens");
}
TEST(ParseOptionsJsonTest, TokensNumber) { ExpectOptionsError(R"({"tokens": 1})", "tokens"); }
TEST(ParseOptionsJsonTest, TokensString) { ExpectOptionsError(R"({"tokens": "true"})", "tokens"); }
TEST(ParseOptionsJsonTest, TokensNull) { ExpectOptionsError(R"({"tokens": null})", "tokens"); }
TEST(ParseOptionsJsonTest, MaxBytesString) {
  ExpectOptionsError(R"({"max_bytes": "1000"})", "max_bytes");
}
TEST(ParseOptionsJsonTest, MaxBytesFloat) {
  ExpectOptionsError(R"({"max_bytes": 1.5})", "max_bytes");
}
TEST(ParseOptionsJsonTest, MaxBytesZero) { ExpectOptionsError(R"({"max_bytes": 0})", "max_bytes"); }
TEST(ParseOptionsJsonTest, MaxBytesNegative) {
  ExpectOptionsError(R"({"max_bytes": -5})", "max_bytes");
}
TEST(ParseOptionsJsonTest, MaxBytesBool) {
  ExpectOptionsError(R"({"max_bytes": true})", "max_bytes");
}
TEST(ParseOptionsJsonTest, MaxBytesHuge) {
  ExpectOptionsError(R"({"max_bytes": 18446744073709551615})", "max_bytes");
}
TEST(ParseOptionsJsonTest, InvalidJson) { ExpectOptionsError(R"({"tokens": true)", "JSON"); }
TEST(ParseOptionsJsonTest, TrailingGarbage) { ExpectOptionsError(R"({} x)", "JSON"); }
TEST(ParseOptionsJsonTest, ArrayIsNotAnObject) { ExpectOptionsError("[]", "object"); }
TEST(ParseOptionsJsonTest, NumberIsNotAnObject) { ExpectOptionsError("42", "object"); }
TEST(ParseOptionsJsonTest, NullIsNotAnObject) { ExpectOptionsError("null", "object"); }
TEST(ParseOptionsJsonTest, StringIsNotAnObject) { ExpectOptionsError(R"("tokens")", "object"); }

// --- ParseInputsJson -----------------------------------------------------------------------------

void ExpectInputsError(const char* json, int32_t input, const char* mentions) {
  std::vector<Input> inputs;
  const Status status = ParseInputsJson(json, &inputs);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument) << json;
  EXPECT_EQ(status.input(), input) << json << ": " << status.message();
  EXPECT_TRUE(Contains(status.message(), mentions)) << json << ": " << status.message();
}

TEST(ParseInputsJsonTest, ArrayOfStrings) {
  std::vector<Input> inputs = {{"stale", "stale"}};
  ASSERT_TRUE(ParseInputsJson(R"(["قال الوزير.", "نص ثان"])", &inputs).ok());
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].name, "");
  EXPECT_EQ(inputs[0].text, "قال الوزير.");
  EXPECT_EQ(inputs[1].name, "");
  EXPECT_EQ(inputs[1].text, "نص ثان");
}

TEST(ParseInputsJsonTest, ArrayOfObjects) {
  std::vector<Input> inputs;
  ASSERT_TRUE(
      ParseInputsJson(R"([{"name": "a.txt", "text": "أولى"}, {"text": "ثانية"}])", &inputs).ok());
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].name, "a.txt");
  EXPECT_EQ(inputs[0].text, "أولى");
  EXPECT_EQ(inputs[1].name, "");
  EXPECT_EQ(inputs[1].text, "ثانية");
}

TEST(ParseInputsJsonTest, MixedStringsAndObjects) {
  std::vector<Input> inputs;
  ASSERT_TRUE(ParseInputsJson(R"(["أ", {"name": "ب", "text": "ج"}])", &inputs).ok());
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].text, "أ");
  EXPECT_EQ(inputs[1].name, "ب");
  EXPECT_EQ(inputs[1].text, "ج");
}

TEST(ParseInputsJsonTest, EscapesAreDecoded) {
  std::vector<Input> inputs;
  ASSERT_TRUE(ParseInputsJson(R"(["\u0633\u0644\u0627\u0645 \ud83d\ude00\n"])", &inputs).ok());
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].text, "سلام 😀\n");
}

TEST(ParseInputsJsonTest, EmptyArray) {
  std::vector<Input> inputs = {{"stale", "stale"}};
  ASSERT_TRUE(ParseInputsJson("[]", &inputs).ok());
  EXPECT_TRUE(inputs.empty());
}

TEST(ParseInputsJsonTest, MissingText) {
  ExpectInputsError(R"(["أ", {"name": "b.txt"}])", 1, "input 1");
}
TEST(ParseInputsJsonTest, TextNotString) { ExpectInputsError(R"([{"text": 5}])", 0, "input 0"); }
TEST(ParseInputsJsonTest, NumberItem) { ExpectInputsError(R"(["أ", "ب", 3])", 2, "input 2"); }
TEST(ParseInputsJsonTest, NullItem) { ExpectInputsError(R"([null])", 0, "input 0"); }
TEST(ParseInputsJsonTest, NameNotString) {
  ExpectInputsError(R"(["أ", {"name": 5, "text": "ب"}])", 1, "name");
}
TEST(ParseInputsJsonTest, ObjectIsNotAnArray) {
  ExpectInputsError(R"({"text": "أ"})", -1, "array");
}
TEST(ParseInputsJsonTest, StringIsNotAnArray) { ExpectInputsError(R"("أ")", -1, "array"); }
TEST(ParseInputsJsonTest, InvalidJson) { ExpectInputsError(R"(["أ")", -1, "JSON"); }
TEST(ParseInputsJsonTest, EmptyText) { ExpectInputsError("", -1, "JSON"); }
TEST(ParseInputsJsonTest, LoneSurrogateEscape) { ExpectInputsError(R"(["\ud800"])", -1, "JSON"); }
TEST(ParseInputsJsonTest, InvalidUtf8InString) { ExpectInputsError("[\"a\xC0\xAF\"]", -1, "JSON"); }

// --- ResultToJson --------------------------------------------------------------------------------

TEST(ResultToJsonTest, SchemaAndVersion) {
  const std::vector<Input> inputs = {{"a.txt", "قال الوزير. وغادر."}};
  Json j = Parse(ResultToJson(Analyze(inputs, false), inputs));
  ASSERT_TRUE(j.is_object());
  ASSERT_TRUE(j.contains("schema") && j["schema"].is_string());
  EXPECT_EQ(j["schema"].get<std::string>(), "basira.analysis");
  EXPECT_EQ(j["schema"].get<std::string>(), kSchemaName);
  ASSERT_TRUE(j.contains("schema_version") && j["schema_version"].is_number_integer());
  EXPECT_EQ(j["schema_version"].get<int>(), kSchemaVersion);
  ASSERT_TRUE(j.contains("basira") && j["basira"].is_string());
  EXPECT_EQ(j["basira"].get<std::string>(), Version());
  EXPECT_FALSE(j["basira"].get<std::string>().empty());
}

TEST(ResultToJsonTest, TheLayoutLocatesEveryElementOfEveryTopLevelArray) {
  const std::vector<Input> inputs = {{"a.txt",
                                      "قال وزير الخارجية أحمد سالم إن \"المحادثات مستمرة\". وزار "
                                      "القاهرة في 3 مارس، ووقع عقداً بقيمة 45 مليون دولار."},
                                     {"b.txt", "وصل الرئيس إلى عمّان أمس."}};
  const Result result = Analyze(inputs, true);
  std::vector<JsonArrayLayout> layout = {JsonArrayLayout{1, 2, 3, {4}}};  // cleared first
  const std::string out = ResultToJson(result, inputs, &layout);
  EXPECT_EQ(out, ResultToJson(result, inputs));  // the layout changes no byte
  const Json whole = Parse(out);
  ASSERT_TRUE(whole.is_object());
  // Exactly the top-level values that are arrays, in the order written.
  std::vector<std::string> arrays;
  for (auto it = whole.begin(); it != whole.end(); ++it) {
    if (it.value().is_array()) arrays.push_back(it.key());
  }
  ASSERT_EQ(layout.size(), arrays.size());
  size_t previous = 0;
  for (const JsonArrayLayout& a : layout) {
    ASSERT_LT(a.key, a.open);
    ASSERT_LT(a.open, a.close);
    ASSERT_LT(a.close, out.size());
    EXPECT_GT(a.key, previous);
    previous = a.close;
    EXPECT_EQ(out[a.key], '"');
    EXPECT_EQ(out.substr(a.open - 2, 2), "\":");
    EXPECT_EQ(out[a.open], '[');
    EXPECT_EQ(out[a.close], ']');
    const std::string key = out.substr(a.key + 1, a.open - a.key - 3);
    ASSERT_TRUE(whole.contains(key)) << key;
    ASSERT_TRUE(whole[key].is_array()) << key;
    ASSERT_EQ(a.items.size(), whole[key].size()) << key;
    EXPECT_EQ(Parse(out.substr(a.open, a.close + 1 - a.open)), whole[key]) << key;
    for (size_t i = 0; i < a.items.size(); ++i) {
      const size_t end = i + 1 < a.items.size() ? a.items[i + 1] - 1 : a.close;
      if (i + 1 < a.items.size()) EXPECT_EQ(out[end], ',') << key << " " << i;
      EXPECT_EQ(Parse(out.substr(a.items[i], end - a.items[i])), whole[key][i]) << key << " " << i;
    }
  }
  // The arrays this text fills are among them, with their elements.
  for (const char* key : {"sentences", "tokens", "entities", "dates", "numbers", "quotes"}) {
    EXPECT_NE(std::find(arrays.begin(), arrays.end(), key), arrays.end()) << key;
    EXPECT_FALSE(whole[key].empty()) << key;
  }
}

TEST(ResultToJsonTest, StructureMatchesResult) {
  const std::vector<Input> inputs = {{"a.txt", "قال الوزير. وغادر."}, {"", " نص ثان "}};
  const Result result = Analyze(inputs, false);
  Json j = Parse(ResultToJson(result, inputs));
  ASSERT_TRUE(j.is_object());
  ASSERT_TRUE(j["inputs"].is_array());
  ASSERT_EQ(j["inputs"].size(), 2u);
  EXPECT_EQ(j["inputs"][0]["index"], 0);
  EXPECT_EQ(j["inputs"][0]["name"], "a.txt");
  EXPECT_EQ(j["inputs"][0]["bytes"], inputs[0].text.size());
  EXPECT_EQ(j["inputs"][0]["length"], 18);
  EXPECT_EQ(j["inputs"][1]["index"], 1);
  EXPECT_EQ(j["inputs"][1]["name"], "");
  ASSERT_TRUE(j["documents"].is_array());
  ASSERT_EQ(j["documents"].size(), 2u);
  EXPECT_EQ(j["documents"][1]["id"], 1);
  EXPECT_EQ(j["documents"][1]["input"], 1);
  EXPECT_EQ(j["documents"][1]["span"], Json::array({1, 7}));
  ASSERT_TRUE(j["sentences"].is_array());
  ASSERT_EQ(j["sentences"].size(), result.sentences.size());
  ASSERT_EQ(j["sentences"].size(), 3u);
  EXPECT_EQ(j["sentences"][0]["text"], "قال الوزير.");
  EXPECT_EQ(j["sentences"][1]["text"], "وغادر.");
  EXPECT_EQ(j["sentences"][2]["text"], "نص ثان");
  for (size_t i = 0; i < result.sentences.size(); ++i) {
    EXPECT_EQ(j["sentences"][i]["id"], i);
    EXPECT_EQ(j["sentences"][i]["input"], result.sentences[i].input);
    EXPECT_EQ(j["sentences"][i]["document"], result.sentences[i].document);
    EXPECT_EQ(j["sentences"][i]["span"],
              Json::array({result.sentences[i].span.start, result.sentences[i].span.end}));
  }
  EXPECT_TRUE(j["entities"].is_array());
  ASSERT_TRUE(j["stats"].is_object());
  EXPECT_EQ(j["stats"]["inputs"], 2);
  EXPECT_EQ(j["stats"]["documents"], 2);
  EXPECT_EQ(j["stats"]["sentences"], 3);
  EXPECT_EQ(j["stats"]["tokens"], result.stats.tokens);
  EXPECT_EQ(j["stats"]["words"], result.stats.words);
  EXPECT_EQ(j["stats"]["words"], 5);
}

TEST(ResultToJsonTest, SentenceTextIsTheUtf16SliceOfItsSpan) {
  const std::vector<Input> inputs = {
      {"emoji.txt", "😀 بداية!\n\nقال الوزير إن 😀😀 الاتفاق وشيك. 🇸🇦 وأضاف: «نعم».\n"},
      {"plain.txt", "  نص بلا رموز، فيه جملتان. هذه الثانية.  "},
      {"mixed.txt", "Ünïcode ✓ الأولى. € الثانية…"}};
  const Result result = Analyze(inputs, true);
  Json j = Parse(ResultToJson(result, inputs));
  ASSERT_TRUE(j.is_object());
  ASSERT_GT(j["sentences"].size(), 5u);
  ExpectTextsMatchSpans(j, inputs);
  // The second sentence of the first input starts after a surrogate pair: its UTF-16 span is not
  // its code point offset, and the text must still be right.
  EXPECT_EQ(j["sentences"][1]["text"], "قال الوزير إن 😀😀 الاتفاق وشيك.");
  EXPECT_EQ(j["sentences"][1]["span"][0], 11);
}

TEST(ResultToJsonTest, SameResultSameBytes) {
  const std::vector<Input> inputs = {{"a", "قال 😀 الوزير، 2023. وغادر!"}, {"b", "نص."}};
  const Result result = Analyze(inputs, true);
  const std::string first = ResultToJson(result, inputs);
  const std::string second = ResultToJson(result, inputs);
  EXPECT_EQ(first, second);
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first.find('\n'), std::string::npos) << "compact JSON has no newline";
  // Text is written as UTF-8, not as \u escapes.
  EXPECT_TRUE(Contains(first, "الوزير"));
}

TEST(ResultToJsonTest, TokensOnlyWhenRequested) {
  const std::vector<Input> inputs = {{"a", "قال الوزير، 2023."}};
  Json without = Parse(ResultToJson(Analyze(inputs, false), inputs));
  ASSERT_TRUE(without.is_object());
  EXPECT_FALSE(without.contains("tokens"));
  EXPECT_EQ(without["stats"]["tokens"], 5);

  Json with = Parse(ResultToJson(Analyze(inputs, true), inputs));
  ASSERT_TRUE(with.is_object());
  ASSERT_TRUE(with.contains("tokens"));
  ASSERT_TRUE(with["tokens"].is_array());
  ASSERT_EQ(with["tokens"].size(), 5u);
  EXPECT_EQ(with["stats"]["tokens"], 5);
  Json& t = with["tokens"];
  EXPECT_EQ(t[0]["text"], "قال");
  EXPECT_EQ(t[0]["kind"], "word");
  EXPECT_EQ(t[0]["input"], 0);
  EXPECT_EQ(t[0]["sentence"], 0);
  EXPECT_EQ(t[0]["span"], Json::array({0, 3}));
  EXPECT_EQ(t[2]["text"], "،");
  EXPECT_EQ(t[2]["kind"], "punct");
  EXPECT_EQ(t[3]["text"], "2023");
  EXPECT_EQ(t[3]["kind"], "number");
  EXPECT_EQ(t[4]["kind"], "punct");
  ExpectTextsMatchSpans(with, inputs);
}

// --- ErrorToJson ---------------------------------------------------------------------------------

TEST(ErrorToJsonTest, AllFields) {
  const std::vector<Input> inputs = {{"a.txt", "أ"}, {"b.txt", "ب"}, {"c.txt", "ج"}};
  const Status status = Status(ErrorCode::kInvalidUtf8, "input 2 (c.txt): invalid UTF-8")
                            .set_input(2)
                            .set_byte_offset(17);
  Json j = Parse(ErrorToJson(status, inputs));
  ASSERT_TRUE(j.is_object());
  ASSERT_TRUE(j.contains("error") && j["error"].is_object());
  Json& e = j["error"];
  EXPECT_EQ(e["code"], "invalid_utf8");
  EXPECT_EQ(e["message"], "input 2 (c.txt): invalid UTF-8");
  EXPECT_EQ(e["input"], 2);
  EXPECT_EQ(e["name"], "c.txt");
  EXPECT_EQ(e["byte_offset"], 17);
  EXPECT_EQ(e.size(), 5u);
  EXPECT_EQ(j.size(), 1u);
}

TEST(ErrorToJsonTest, RequestErrorHasNoInput) {
  const Status status(ErrorCode::kInvalidArgument, "no input given");
  Json j = Parse(ErrorToJson(status, {}));
  ASSERT_TRUE(j.is_object());
  Json& e = j["error"];
  EXPECT_EQ(e["code"], "invalid_argument");
  EXPECT_EQ(e["message"], "no input given");
  EXPECT_FALSE(e.contains("input"));
  EXPECT_FALSE(e.contains("name"));
  EXPECT_FALSE(e.contains("byte_offset"));
}

TEST(ErrorToJsonTest, InputWithoutByteOffset) {
  const std::vector<Input> inputs = {{"a.txt", "أ"}, {"", "  "}};
  const Status status =
      Status(ErrorCode::kEmptyInput, "input 1 holds only whitespace").set_input(1);
  Json j = Parse(ErrorToJson(status, inputs));
  ASSERT_TRUE(j.is_object());
  Json& e = j["error"];
  EXPECT_EQ(e["code"], "empty_input");
  EXPECT_EQ(e["input"], 1);
  EXPECT_EQ(e["name"], "");
  EXPECT_FALSE(e.contains("byte_offset"));
}

TEST(ErrorToJsonTest, InputIndexBeyondInputsHasNoName) {
  const Status status =
      Status(ErrorCode::kInvalidArgument, "input 4 must be a string").set_input(4);
  Json j = Parse(ErrorToJson(status, {{"a.txt", "أ"}}));
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["error"]["input"], 4);
  EXPECT_FALSE(j["error"].contains("name"));
}

TEST(ErrorToJsonTest, FromAnalyze) {
  const std::vector<Input> inputs = {{"a.txt", "أ."}, {"b.txt", "ب."}, {"c.txt", "نص \xC0\xAF"}};
  Result result;
  const Status status = test::SharedAnalyzer().Analyze(inputs, Options(), &result);
  ASSERT_EQ(status.code(), ErrorCode::kInvalidUtf8);
  Json j = Parse(ErrorToJson(status, inputs));
  ASSERT_TRUE(j.is_object());
  Json& e = j["error"];
  EXPECT_EQ(e["code"], "invalid_utf8");
  EXPECT_EQ(e["input"], 2);
  EXPECT_EQ(e["name"], "c.txt");
  EXPECT_EQ(e["byte_offset"], 5);
  EXPECT_EQ(e["message"], status.message());
}

TEST(ErrorToJsonTest, EveryCodeHasItsName) {
  const std::pair<ErrorCode, const char*> codes[] = {
      {ErrorCode::kInvalidArgument, "invalid_argument"},
      {ErrorCode::kInvalidUtf8, "invalid_utf8"},
      {ErrorCode::kBinaryData, "binary_data"},
      {ErrorCode::kEmptyInput, "empty_input"},
      {ErrorCode::kInputTooLarge, "input_too_large"},
      {ErrorCode::kCancelled, "cancelled"},
      {ErrorCode::kInternal, "internal"}};
  for (const auto& [code, name] : codes) {
    EXPECT_STREQ(ErrorCodeName(code), name);
    Json j = Parse(ErrorToJson(Status(code, "m"), {}));
    ASSERT_TRUE(j.is_object());
    EXPECT_EQ(j["error"]["code"], name);
  }
}

}  // namespace
}  // namespace basira
