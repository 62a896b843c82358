// The WebAssembly boundary: JSON in, JSON out, nothing else crosses. Built without exceptions, so
// none can cross either: every failure is written as {"error": {...}} in the result.
//
// What the page calls (basira.js; defined in src/wasm/post.js on top of the calls below):
//   analyze(inputsJson, optionsJson) -> string
//   analyzeWithProgress(inputsJson, optionsJson, onProgress) -> string
//       onProgress(stage, done, total) is called now and then; returning false cancels.
//   analyzeInParts(inputsJson, optionsJson, onProgress, partBytes) -> {ok, head, parts}
//       the same JSON taken apart without parsing it: each top-level array longer than partBytes
//       is `[]` in head and given in parts, [{key, json}] in order, each json an array of whole
//       elements of about partBytes; ok is false when head is an error.
//   version() -> string
// The bytes cross as bytes: post.js writes the request's UTF-8 (TextEncoder) into inputBuffer and
// reads the result through a Uint8Array view with TextDecoder, where
// embind's std::string would walk every byte in JavaScript, twice on the way out (about 4 % of
// the call on a megabyte of text), and hold a second copy of the result in the heap.
//   inputBuffer(capacity) -> address of `capacity` bytes for the request's inputs JSON
//   analyzeBuffer(length, optionsJson, onProgress) -> Uint8Array over the result's UTF-8,
//       good until releaseOutput() or the next call; the input buffer is freed
//   outputLayout() -> Uint32Array: [ok (1: a result, 0: an error), then for each array that is a
//       value of the result's top-level object: its key's offset, its '[' and ']', its element
//       count n and each element's first byte] (basira::JsonArrayLayout), good as long as the
//       result's view
//   releaseOutput()
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

// Run's result: the JSON, and where its top-level arrays lie (none for an error).
struct Output {
  std::string json;
  std::vector<basira::JsonArrayLayout> layout;
  bool ok = false;
};

void Run(std::string_view inputs_json, const std::string& options_json,
         basira::ProgressCallback progress, Output* out) {
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
  out->ok = status.ok();
  out->layout.clear();
  out->json = status.ok() ? basira::ResultToJson(result, inputs, &out->layout)
                          : basira::ErrorToJson(status, inputs);
}

std::string& Input() {
  static std::string input;
  return input;
}
std::string& LastOutput() {
  static std::string output;
  return output;
}
// LastOutput()'s layout as the page reads it: [ok, then for each top-level array: key, open,
// close, n, and its n items], offsets into the result's bytes.
std::vector<uint32_t>& LayoutWords() {
  static std::vector<uint32_t> words;
  return words;
}

void ReleaseOutput() {
  std::string().swap(LastOutput());
  std::vector<uint32_t>().swap(LayoutWords());
}

uintptr_t InputBuffer(size_t capacity) {
  ReleaseOutput();  // a result not released: its memory is needed now
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
  Output output;
  Run(input, options_json, std::move(callback), &output);
  std::string().swap(input);
  // The layout's words are written now: nothing may allocate between this return and the
  // page's reading of the result (a grown memory would detach the view it holds).
  std::vector<uint32_t>& words = LayoutWords();
  words.assign(1, output.ok ? 1 : 0);
  for (const basira::JsonArrayLayout& a : output.layout) {
    words.push_back(static_cast<uint32_t>(a.key));
    words.push_back(static_cast<uint32_t>(a.open));
    words.push_back(static_cast<uint32_t>(a.close));
    words.push_back(static_cast<uint32_t>(a.items.size()));
    for (size_t at : a.items) words.push_back(static_cast<uint32_t>(at));
  }
  LastOutput() = std::move(output.json);
  const std::string& json = LastOutput();
  return emscripten::val(
      emscripten::typed_memory_view(json.size(), reinterpret_cast<const uint8_t*>(json.data())));
}

// The layout of the result analyzeBuffer returned (see LayoutWords), good as long as it is.
emscripten::val OutputLayout() {
  const std::vector<uint32_t>& words = LayoutWords();
  return emscripten::val(emscripten::typed_memory_view(words.size(), words.data()));
}

std::string Version() { return basira::Version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(basira) {
  emscripten::function("inputBuffer", &InputBuffer);
  emscripten::function("analyzeBuffer", &AnalyzeBuffer);
  emscripten::function("outputLayout", &OutputLayout);
  emscripten::function("releaseOutput", &ReleaseOutput);
  emscripten::function("version", &Version);
}
