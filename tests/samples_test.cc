// Runs the analyzer over real texts: the shared samples (../shared/samples, news articles) and the
// repository's own fixtures (tests/fixtures), checking the structural guarantees of the result.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <string>
#include <vector>

#include "basira/analyzer.h"
#include "basira/result.h"
#include "test_util.h"

namespace basira {
namespace {

using test::Utf8;

bool IsSpaceLike(UChar32 c) {
  return u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct Analyzed {
  std::string path;
  icu::UnicodeString text;
  Result result;
};

// Reads and analyzes `path` with tokens, then checks every guarantee of the result.
void AnalyzeAndCheck(const std::string& path, Analyzed* out) {
  out->path = path;
  std::string utf8;
  ASSERT_TRUE(test::ReadFile(path, &utf8)) << "cannot read " << path;
  out->text = icu::UnicodeString::fromUTF8(utf8);
  const icu::UnicodeString& text = out->text;
  const int32_t length = text.length();
  Options options;
  options.tokens = true;
  Result& r = out->result;
  const Status status = test::SharedAnalyzer().Analyze({{BaseName(path), utf8}}, options, &r);
  ASSERT_TRUE(status.ok()) << status.message();

  ASSERT_EQ(r.inputs.size(), 1u);
  EXPECT_EQ(r.inputs[0].length, length);
  EXPECT_EQ(r.inputs[0].bytes, static_cast<int64_t>(utf8.size()));
  // One document per article: at least one, in order, without overlap, within the input.
  ASSERT_FALSE(r.documents.empty());
  int32_t previous_end = 0;
  for (size_t i = 0; i < r.documents.size(); ++i) {
    const Span d = r.documents[i].span;
    const std::string at = "document " + std::to_string(i) + " [" + std::to_string(d.start) + ", " +
                           std::to_string(d.end) + ")";
    EXPECT_EQ(r.documents[i].input, 0) << at;
    EXPECT_GE(d.start, previous_end) << at << " is out of order or overlaps the previous one";
    EXPECT_LT(d.start, d.end) << at << " is empty";
    EXPECT_LE(d.end, length) << at;
    previous_end = d.end;
  }

  ASSERT_FALSE(r.sentences.empty());
  previous_end = 0;
  int32_t previous_document = 0;
  for (size_t i = 0; i < r.sentences.size(); ++i) {
    const Span s = r.sentences[i].span;
    const std::string at = "sentence " + std::to_string(i) + " [" + std::to_string(s.start) + ", " +
                           std::to_string(s.end) + ")";
    ASSERT_GE(s.start, 0) << at;
    ASSERT_LE(s.end, length) << at;
    ASSERT_LT(s.start, s.end) << at << " is empty";
    EXPECT_GE(s.start, previous_end) << at << " is out of order or overlaps the previous one";
    EXPECT_EQ(r.sentences[i].input, 0) << at;
    const int32_t document = r.sentences[i].document;
    ASSERT_GE(document, previous_document) << at << ": documents out of order";
    ASSERT_LT(document, static_cast<int32_t>(r.documents.size())) << at;
    EXPECT_GE(s.start, r.documents[document].span.start) << at << " is outside its document";
    EXPECT_LE(s.end, r.documents[document].span.end) << at << " is outside its document";
    previous_document = document;
    const std::string sentence = Utf8(text.tempSubString(s.start, s.length()));
    EXPECT_FALSE(IsSpaceLike(text.char32At(s.start))) << at << " starts with space: " << sentence;
    EXPECT_FALSE(IsSpaceLike(text.char32At(s.end - 1))) << at << " ends with space: " << sentence;
    previous_end = s.end;
  }

  ASSERT_FALSE(r.tokens.empty());
  EXPECT_EQ(r.stats.tokens, static_cast<int64_t>(r.tokens.size()));
  previous_end = 0;
  int32_t previous_sentence = 0;
  for (size_t i = 0; i < r.tokens.size(); ++i) {
    const Token& t = r.tokens[i];
    const std::string at = "token " + std::to_string(i) + " [" + std::to_string(t.span.start) +
                           ", " + std::to_string(t.span.end) + ")";
    ASSERT_GE(t.span.start, 0) << at;
    ASSERT_LE(t.span.end, length) << at;
    ASSERT_LT(t.span.start, t.span.end) << at << " is empty";
    EXPECT_GE(t.span.start, previous_end) << at << " is out of order or overlaps";
    EXPECT_EQ(t.input, 0) << at;
    ASSERT_GE(t.sentence, previous_sentence) << at;
    ASSERT_LT(t.sentence, static_cast<int32_t>(r.sentences.size())) << at;
    const Span s = r.sentences[t.sentence].span;
    EXPECT_GE(t.span.start, s.start) << at << " starts before its sentence";
    EXPECT_LE(t.span.end, s.end) << at << " ends after its sentence";
    const std::string token = Utf8(text.tempSubString(t.span.start, t.span.length()));
    bool blank = true;
    for (int32_t k = t.span.start; k < t.span.end; k += U16_LENGTH(text.char32At(k))) {
      const UChar32 c = text.char32At(k);
      EXPECT_FALSE(u_isUWhiteSpace(c)) << at << " holds whitespace: '" << token << "'";
      blank = blank && IsSpaceLike(c);
    }
    EXPECT_FALSE(blank) << at << " is blank: '" << token << "'";
    previous_end = t.span.end;
    previous_sentence = t.sentence;
  }

  // Dates and numbers: within their sentence, in order, not overlapping one another, trimmed.
  auto check_facts = [&](const char* kind, const auto& items) {
    int32_t end = 0, sentence = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      const Span f = items[i].span;
      const std::string at = std::string(kind) + " " + std::to_string(i) + " [" +
                             std::to_string(f.start) + ", " + std::to_string(f.end) + ")";
      ASSERT_LT(items[i].sentence, static_cast<int32_t>(r.sentences.size())) << at;
      const Span s = r.sentences[items[i].sentence].span;
      EXPECT_LT(f.start, f.end) << at << " is empty";
      EXPECT_GE(f.start, s.start) << at << " starts before its sentence";
      EXPECT_LE(f.end, s.end) << at << " ends after its sentence";
      EXPECT_GE(items[i].sentence, sentence) << at << " is out of order";
      if (items[i].sentence == sentence) EXPECT_GE(f.start, end) << at << " overlaps";
      EXPECT_FALSE(IsSpaceLike(text.char32At(f.start))) << at << " starts with space";
      EXPECT_FALSE(IsSpaceLike(text.char32At(f.end - 1))) << at << " ends with space";
      end = f.end;
      sentence = items[i].sentence;
    }
  };
  check_facts("date", r.dates);
  check_facts("number", r.numbers);
}

TEST(SamplesTest, SharedSamples) {
  const std::string shared = test::SharedDir();
  if (shared.empty()) {
    GTEST_SKIP() << "../shared/samples not found: set BASIRA_SHARED or put the shared folder at "
                 << BASIRA_SHARED_DIR;
  }
  const std::vector<std::string> files = test::ListTxtFiles(shared + "/samples");
  ASSERT_FALSE(files.empty()) << "no *.txt in " << shared << "/samples";
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    Analyzed a;
    AnalyzeAndCheck(path, &a);
    EXPECT_GT(a.result.sentences.size(), 5u);
  }
}

TEST(SamplesTest, DatelineIsTheThirdSentenceOfSample000) {
  const std::string shared = test::SharedDir();
  if (shared.empty()) {
    GTEST_SKIP() << "../shared/samples not found: set BASIRA_SHARED or put the shared folder at "
                 << BASIRA_SHARED_DIR;
  }
  std::string path;
  for (const std::string& file : test::ListTxtFiles(shared + "/samples")) {
    if (BaseName(file).compare(0, 4, "000_") == 0) path = file;
  }
  ASSERT_FALSE(path.empty()) << "no sample 000_*.txt in " << shared << "/samples";
  Analyzed a;
  AnalyzeAndCheck(path, &a);
  ASSERT_GE(a.result.sentences.size(), 3u);
  const Span s = a.result.sentences[2].span;
  const std::string third = Utf8(a.text.tempSubString(s.start, s.length()));
  EXPECT_EQ(third.rfind("الأربعاء", 0), 0u) << "third sentence: " << third;
}

TEST(SamplesTest, Fixtures) {
  const std::string dir = test::SourceDir() + "/tests/fixtures";
  if (!test::IsDirectory(dir)) GTEST_SKIP() << "no fixtures yet: " << dir << " not found";
  const std::vector<std::string> files = test::ListTxtFiles(dir);
  if (files.empty()) GTEST_SKIP() << "no *.txt fixtures yet in " << dir;
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    Analyzed a;
    AnalyzeAndCheck(path, &a);
  }
}

}  // namespace
}  // namespace basira
