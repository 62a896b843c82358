// The one JSON writer and the request parser shared by the CLI and the wasm boundary.
// The output format is "basira.analysis" at kSchemaVersion, documented in docs/schema.json.
#ifndef BASIRA_JSON_H_
#define BASIRA_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "basira/analyzer.h"
#include "basira/result.h"
#include "basira/status.h"

namespace basira {

inline constexpr const char* kSchemaName = "basira.analysis";
inline constexpr int kSchemaVersion = 1;

// Writes the analysis as compact JSON. `inputs` are the texts the result was made from; they
// supply the `text` of each span. Key order and number formatting are fixed: the same result
// always gives the same bytes.
std::string ResultToJson(const Result& result, const std::vector<Input>& inputs);

// Writes {"error": {"code", "message", "input"?, "name"?, "byte_offset"?}}.
std::string ErrorToJson(const Status& status, const std::vector<Input>& inputs);

// Parses the options object ({"tokens": bool, "max_bytes": int, "summary": {"sentences": N} |
// {"ratio": R} | {"words": N}}); "" or "{}" gives the defaults.
// Unknown keys and wrong types are kInvalidArgument errors that name the key.
Status ParseOptionsJson(std::string_view json, Options* options);

// Parses the inputs: an array of strings or of {"name": string, "text": string} objects.
Status ParseInputsJson(std::string_view json, std::vector<Input>* inputs);

}  // namespace basira

#endif  // BASIRA_JSON_H_
