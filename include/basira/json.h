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

// Where each array that is a value of the output's top-level object lies in the output, in byte
// offsets: for a reader that takes the output apart without parsing it (the page's worker hands
// the page a large result in parts, each parsed in a task of its own). The element i is the bytes
// [items[i], i + 1 < items.size() ? items[i + 1] - 1 : close): the byte before the next element
// is the comma between them.
struct JsonArrayLayout {
  size_t key = 0;    // the opening quote of its key ("sentences":[...)
  size_t open = 0;   // its '['
  size_t close = 0;  // its ']'
  std::vector<size_t> items;
};
// As above, and the layout of the top-level arrays, in the order they are written.
std::string ResultToJson(const Result& result, const std::vector<Input>& inputs,
                         std::vector<JsonArrayLayout>* layout);

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
