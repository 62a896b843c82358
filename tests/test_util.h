// Helpers shared by basira's tests. Header only; everything here builds with g++ and em++ alike
// (no <filesystem>, no exceptions, no threads).
#ifndef BASIRA_TESTS_TEST_UTIL_H_
#define BASIRA_TESTS_TEST_UTIL_H_

#include <dirent.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "basira/status.h"

namespace basira::test {

// True when `path` names a directory that can be opened.
inline bool IsDirectory(const std::string& path) {
  DIR* dir = opendir(path.c_str());
  if (dir == nullptr) return false;
  closedir(dir);
  return true;
}

// The shared corpora folder (../shared beside the clone, or $BASIRA_SHARED), or "" when it has no
// samples/ folder.
inline std::string SharedDir() {
  const char* env = std::getenv("BASIRA_SHARED");
  std::string dir = (env != nullptr && env[0] != '\0') ? std::string(env) : BASIRA_SHARED_DIR;
  return IsDirectory(dir + "/samples") ? dir : std::string();
}

// The root of the source tree.
inline std::string SourceDir() { return BASIRA_SOURCE_DIR; }

// Reads the whole file at `path` into `out`; false if it cannot be opened or read.
inline bool ReadFile(const std::string& path, std::string* out) {
  out->clear();
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) out->append(buffer, n);
  const bool ok = std::ferror(f) == 0;
  std::fclose(f);
  return ok;
}

inline std::string Utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// The paths of the *.txt files directly in `dir`, sorted by name; empty if `dir` cannot be read.
inline std::vector<std::string> ListTxtFiles(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return names;
  while (const dirent* entry = readdir(d)) {
    const std::string name = entry->d_name;
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) names.push_back(name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (std::string& name : names) name = dir + "/" + name;
  return names;
}

// One Analyzer for the whole test program (it is immutable, so tests can share it). Aborts with a
// message if it cannot be made: no test could run without it.
inline const Analyzer& SharedAnalyzer() {
  static const Analyzer* const analyzer = [] {
    std::unique_ptr<Analyzer> made;
    const Status status = Analyzer::Create(&made);
    if (!status.ok() || made == nullptr) {
      std::fprintf(stderr, "basira::Analyzer::Create failed: %s\n", status.message().c_str());
      std::abort();
    }
    return made.release();
  }();
  return *analyzer;
}

}  // namespace basira::test

#endif  // BASIRA_TESTS_TEST_UTIL_H_
