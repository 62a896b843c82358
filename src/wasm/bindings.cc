// The WebAssembly boundary: JSON in, JSON out, nothing else crosses. Built without exceptions, so
// none can cross either: every failure is written as {"error": {...}} in the returned string.
//
//   analyze(inputsJson, optionsJson) -> string
//   analyzeWithProgress(inputsJson, optionsJson, onProgress) -> string
//       onProgress(stage, done, total) is called now and then; returning false cancels.
//   version() -> string
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

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

std::string Run(const std::string& inputs_json, const std::string& options_json,
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

std::string Analyze(const std::string& inputs_json, const std::string& options_json) {
  return Run(inputs_json, options_json, nullptr);
}

std::string AnalyzeWithProgress(const std::string& inputs_json, const std::string& options_json,
                                emscripten::val on_progress) {
  basira::ProgressCallback callback;
  if (on_progress.typeOf().as<std::string>() == "function") {
    callback = [&on_progress](const basira::Progress& p) {
      emscripten::val answer = on_progress(std::string(p.stage), static_cast<double>(p.done),
                                           static_cast<double>(p.total));
      return !(answer.isFalse());
    };
  }
  return Run(inputs_json, options_json, std::move(callback));
}

std::string Version() { return basira::Version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(basira) {
  emscripten::function("analyze", &Analyze);
  emscripten::function("analyzeWithProgress", &AnalyzeWithProgress);
  emscripten::function("version", &Version);
}
