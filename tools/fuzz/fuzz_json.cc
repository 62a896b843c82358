// libFuzzer target for the JSON boundary alone, without analysis, so that it runs millions of
// executions a minute: the request parsers (inputs and options) and the result writer.
// The bytes are split at the first 0xFF into a "name" and an "options" part.
//   - ParseInputsJson / ParseOptionsJson on both parts: a clean status with a message, never an
//     internal error; parsed options in range.
//   - ResultToJson on a result whose entity name, Latin name, keyphrase key and number unit are
//     those raw bytes (any bytes: invalid UTF-8, control characters, quotes, NUL): the output must
//     parse as JSON, each string must come back as written when it is well-formed UTF-8, and the
//     writer's quoting of it must be exactly nlohmann's (the writer promises nlohmann's bytes).
//   - ErrorToJson with those bytes as the input's name: valid JSON.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "basira/analyzer.h"
#include "basira/json.h"

namespace {

using Json = nlohmann::json;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_json: invariant violated: %s\n", what);
    std::abort();
  }
}

// Whether nlohmann reads the bytes as a string that is the same bytes (well-formed UTF-8).
bool RoundTrips(const std::string& s) {
  const Json j =
      Json::parse(Json(s).dump(-1, ' ', false, Json::error_handler_t::replace), nullptr, false);
  return !j.is_discarded() && j.is_string() && j.get<std::string>() == s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const size_t cut = bytes.find('\xFF');
  const std::string first(cut == std::string_view::npos ? bytes : bytes.substr(0, cut));
  const std::string second(cut == std::string_view::npos ? bytes : bytes.substr(cut + 1));

  // The parsers.
  for (const std::string& part : {first, second}) {
    std::vector<basira::Input> inputs;
    const basira::Status s = basira::ParseInputsJson(part, &inputs);
    if (!s.ok()) {
      Check(!s.message().empty(), "inputs error without a message");
      Check(s.code() != basira::ErrorCode::kInternal, "inputs: internal error");
    }
    basira::Options options;
    const basira::Status o = basira::ParseOptionsJson(part, &options);
    if (o.ok()) {
      Check(options.max_bytes > 0, "max_bytes not positive");
      Check(options.summary.value > 0, "summary length not positive");
    } else {
      Check(!o.message().empty(), "options error without a message");
    }
  }

  // The writer, on strings it never wrote before.
  basira::Result result;
  basira::Entity entity;
  entity.name = first;
  entity.latin = second;
  entity.salience = static_cast<double>(size) / 7.0;
  result.entities.push_back(entity);
  basira::DocumentSummary summary;
  basira::Keyphrase phrase;
  phrase.key = second;
  summary.keyphrases.push_back(phrase);
  result.summaries.push_back(summary);
  basira::NumberMention number;
  number.unit = first;
  number.value = static_cast<double>(size) * 1.5;
  result.numbers.push_back(number);
  // Keyphrase and number text are cut from input 0: give it a text their empty spans fit.
  const std::vector<basira::Input> inputs = {basira::Input{"", "."}};
  const std::string out = basira::ResultToJson(result, inputs);
  const Json j = Json::parse(out, nullptr, false);
  Check(!j.is_discarded(), "ResultToJson wrote invalid JSON");
  for (const std::string* s : {&first, &second}) {
    const std::string quoted = Json(*s).dump(-1, ' ', false, Json::error_handler_t::replace);
    Check(out.find(quoted) != std::string::npos, "a string quoted unlike nlohmann");
  }
  if (RoundTrips(first)) {
    Check(j["entities"][0]["name"] == first, "entity name changed");
    // An empty unit is left out, as the schema says.
    Check(first.empty() ? !j["numbers"][0].contains("unit") : j["numbers"][0]["unit"] == first,
          "unit changed");
  }
  if (RoundTrips(second)) {
    Check(j["entities"][0]["latin"] == second, "Latin name changed");
    Check(j["summaries"][0]["keyphrases"][0]["key"] == second, "key changed");
  }

  basira::Status error(basira::ErrorCode::kInvalidArgument, first);
  error.set_input(0);
  const std::string err = basira::ErrorToJson(error, {basira::Input{second, "x"}});
  Check(!Json::parse(err, nullptr, false).is_discarded(), "ErrorToJson wrote invalid JSON");
  return 0;
}
