// The WebAssembly boundary: JSON in, JSON out, nothing else crosses. Built without exceptions, so
// none can cross either: every failure is written as {"error": {...}} in the result.
//
// What the page calls (basira.js; defined in src/wasm/post.js on top of the calls below):
//   analyze(inputsJson, optionsJson) -> string
//   analyzeWithProgress(inputsJson, optionsJson, onProgress) -> string
//       onProgress(stage, done, total) is called now and then; returning false cancels.
//   version() -> string
// The bytes cross as bytes: post.js writes the request's UTF-8 (TextEncoder) into inputBuffer and
// reads the result through a Uint8Array view with TextDecoder, where
// embind's std::string would walk every byte in JavaScript, twice on the way out (about 4 % of
// the call on a megabyte of text), and hold a second copy of the result in the heap.
//   inputBuffer(capacity) -> address of `capacity` bytes for the request's inputs JSON
//   analyzeBuffer(length, optionsJson, onProgress) -> Uint8Array over the result's UTF-8,
//       good until releaseOutput() or the next call; the input buffer is freed
//   releaseOutput()
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "basira/analyzer.h"
#include "basira/json.h"

namespace {

// The one Analyzer of this module instance, made on first use.
const basira::Analyzer* GetAnalyzer(basira::Status* status) {
  static std::unique_ptr<basira::Analyzer> analyzer;
  static basira::Status created = basira::Analyzer::Create(&analyzer);
  *status = created;
  return analyzer.get();
}

std::string Run(std::string_view inputs_json, const std::string& options_json,
                basira::ProgressCallback progress) {
  std::vector<basira::Input> inputs;
  basira::Options options;
  basira::Status status = basira::ParseInputsJson(inputs_json, &inputs);
  if (status.ok()) status = basira::ParseOptionsJson(options_json, &options);
  const basira::Analyzer* analyzer = nullptr;
  if (status.ok()) analyzer = GetAnalyzer(&status);
  basira::Result result;
  if (status.ok()) {
    options.progress = std::move(progress);
    status = analyzer->Analyze(inputs, options, &result);
  }
  if (!status.ok()) return basira::ErrorToJson(status, inputs);
  return basira::ResultToJson(result, inputs);
}

std::string& Input() {
  static std::string input;
  return input;
}
std::string& Output() {
  static std::string output;
  return output;
}

uintptr_t InputBuffer(size_t capacity) {
  std::string().swap(Output());  // a result not released: its memory is needed now
  Input().resize(capacity);
  return reinterpret_cast<uintptr_t>(Input().data());
}

// Not re-entrant through on_progress (a second analysis from the callback would replace the
// input buffer the first one reads): the page runs one analysis at a time, and ParseInputsJson
// has copied the texts out of the buffer before the first progress call anyway.
emscripten::val AnalyzeBuffer(size_t length, const std::string& options_json,
                              emscripten::val on_progress) {
  std::string& input = Input();
  input.resize(std::min(length, input.size()));
  basira::ProgressCallback callback;
  if (on_progress.typeOf().as<std::string>() == "function") {
    callback = [&on_progress](const basira::Progress& p) {
      emscripten::val answer = on_progress(std::string(p.stage), static_cast<double>(p.done),
                                           static_cast<double>(p.total));
      return !(answer.isFalse());
    };
  }
  std::string output = Run(input, options_json, std::move(callback));
  std::string().swap(input);
  Output() = std::move(output);
  return emscripten::val(emscripten::typed_memory_view(
      Output().size(), reinterpret_cast<const uint8_t*>(Output().data())));
}

void ReleaseOutput() { std::string().swap(Output()); }

std::string Version() { return basira::Version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(basira) {
  emscripten::function("inputBuffer", &InputBuffer);
  emscripten::function("analyzeBuffer", &AnalyzeBuffer);
  emscripten::function("releaseOutput", &ReleaseOutput);
  emscripten::function("version", &Version);
}
