// ingest: the gate every input passes before any analysis. It guarantees that what it hands on is
// well-formed UTF-8 decoded to UTF-16 (the unit of every span), holds no NUL byte, and is not
// empty or whitespace only; anything else is refused with a Status naming the input and, for byte
// errors, the byte offset. It never alters the text: offsets into its output are offsets into
// the original.
#ifndef BASIRA_SRC_INGEST_INGEST_H_
#define BASIRA_SRC_INGEST_INGEST_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <string_view>

#include "basira/status.h"

namespace basira::ingest {

// The most UTF-16 code units one input may have: spans are int32.
inline constexpr int64_t kMaxUtf16Length = INT32_MAX - 1;

// Decodes well-formed UTF-8 into `out` (replacing its contents). Rejects overlong forms,
// surrogates, code points above U+10FFFF and truncated sequences (kInvalidUtf8), and NUL bytes
// (kBinaryData), each with the byte offset of the first offending byte.
Status DecodeUtf8(std::string_view utf8, icu::UnicodeString* out);

// True when the text has no code point other than White_Space and Default_Ignorable ones
// (ZWNJ, ZWJ, bidi marks, BOM): nothing a reader could read.
bool IsBlank(const icu::UnicodeString& text);

// Validates and decodes input number `index` named `name`; errors carry the input index.
Status Ingest(int32_t index, std::string_view name, std::string_view utf8, icu::UnicodeString* out);

}  // namespace basira::ingest

#endif  // BASIRA_SRC_INGEST_INGEST_H_
