// libFuzzer target for the request parsers of the wasm and CLI boundary (basira/json.h). The bytes
// are split at the first 0xFF into the inputs JSON and the options JSON (without one, the same
// bytes are given to both), then handled as src/wasm/bindings.cc handles a call: parse the
// inputs, parse the options, analyze, write the result (with its layout) or the error. Every path
// must end in a result or a clean error: a status with a message, never kInternal, and valid JSON
// out, whose recorded elements are valid JSON each.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "basira/analyzer.h"
#include "basira/json.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_request: invariant violated: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const basira::Analyzer* const analyzer = [] {
    std::unique_ptr<basira::Analyzer> made;
    Check(basira::Analyzer::Create(&made).ok(), "Analyzer::Create");
    return made.release();
  }();

  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const size_t cut = bytes.find('\xFF');
  const std::string_view inputs_json = cut == std::string_view::npos ? bytes : bytes.substr(0, cut);
  const std::string_view options_json =
      cut == std::string_view::npos ? bytes : bytes.substr(cut + 1);

  std::vector<basira::Input> inputs;
  basira::Options options;
  basira::Status status = basira::ParseInputsJson(inputs_json, &inputs);
  if (!status.ok()) Check(inputs.empty() || status.input() >= 0, "inputs error without input");
  basira::Status option_status = basira::ParseOptionsJson(options_json, &options);
  if (option_status.ok()) {
    Check(options.max_bytes > 0, "max_bytes not positive");
    Check(options.summary.value > 0, "summary length not positive");
  }
  if (status.ok()) status = option_status;
  basira::Result result;
  if (status.ok()) status = analyzer->Analyze(inputs, options, &result);
  std::string out;
  if (status.ok()) {
    // With the layout, as the wasm boundary writes it: every element it records is valid JSON
    // on its own, between its array's brackets, the one before a comma.
    std::vector<basira::JsonArrayLayout> layout;
    out = basira::ResultToJson(result, inputs, &layout);
    for (const basira::JsonArrayLayout& a : layout) {
      Check(a.key < a.open && a.open < a.close && a.close < out.size(), "layout out of order");
      Check(out[a.open] == '[' && out[a.close] == ']', "layout: not an array's brackets");
      for (size_t i = 0; i < a.items.size(); ++i) {
        const size_t end = i + 1 < a.items.size() ? a.items[i + 1] - 1 : a.close;
        Check(a.items[i] > a.open && a.items[i] < end, "layout: an empty element");
        Check(i + 1 == a.items.size() || out[end] == ',', "layout: no comma after an element");
        Check(nlohmann::json::accept(out.substr(a.items[i], end - a.items[i])),
              "layout: an element is not valid JSON");
      }
    }
  } else {
    Check(!status.message().empty(), "error without a message");
    Check(status.code() != basira::ErrorCode::kInternal, "internal error");
    out = basira::ErrorToJson(status, inputs);
  }
  Check(nlohmann::json::accept(out), "output is not valid JSON");
  return 0;
}
