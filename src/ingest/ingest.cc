#include "ingest/ingest.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <string>

namespace basira::ingest {
namespace {

// Length of the sequence a lead byte starts, 0 for bytes that cannot lead.
int SequenceLength(uint8_t lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xC2) return 0;  // continuation bytes, and C0/C1 (always overlong)
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF5) return 4;
  return 0;
}

}  // namespace

Status DecodeUtf8(std::string_view utf8, icu::UnicodeString* out) {
  out->remove();
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const size_t n = utf8.size();
  // UTF-16 never needs more units than UTF-8 has bytes.
  char16_t* buffer = out->getBuffer(static_cast<int32_t>(n < 1 ? 1 : n));
  if (buffer == nullptr) {
    return Status(ErrorCode::kInputTooLarge, "not enough memory to decode the text");
  }
  int32_t length = 0;
  size_t i = 0;
  auto invalid = [&](size_t at, const char* why) {
    out->releaseBuffer(0);
    return Status(ErrorCode::kInvalidUtf8,
                  std::string("invalid UTF-8 at byte offset ") + std::to_string(at) + ": " + why)
        .set_byte_offset(static_cast<int64_t>(at));
  };
  while (i < n) {
    // Fast path for runs of ASCII.
    uint8_t b = s[i];
    if (b < 0x80) {
      if (b == 0) {
        out->releaseBuffer(0);
        return Status(ErrorCode::kBinaryData,
                      "binary data, not text: NUL byte at byte offset " + std::to_string(i))
            .set_byte_offset(static_cast<int64_t>(i));
      }
      buffer[length++] = b;
      ++i;
      continue;
    }
    const int len = SequenceLength(b);
    if (len == 0)
      return invalid(i, b < 0xC0 ? "unexpected continuation byte" : "invalid lead byte");
    if (i + len > n) return invalid(i, "truncated sequence at end of text");
    uint32_t cp = b & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) {
      const uint8_t c = s[i + k];
      if ((c & 0xC0) != 0x80) return invalid(i, "missing continuation byte");
      cp = (cp << 6) | (c & 0x3F);
    }
    if (len == 3 && cp < 0x800) return invalid(i, "overlong encoding");
    if (len == 4 && cp < 0x10000) return invalid(i, "overlong encoding");
    if (cp >= 0xD800 && cp <= 0xDFFF) return invalid(i, "encoded surrogate");
    if (cp > 0x10FFFF) return invalid(i, "code point above U+10FFFF");
    if (cp < 0x10000) {
      buffer[length++] = static_cast<char16_t>(cp);
    } else {
      buffer[length++] = U16_LEAD(cp);
      buffer[length++] = U16_TRAIL(cp);
    }
    i += len;
  }
  out->releaseBuffer(length);
  return Status::Ok();
}

bool IsBlank(const icu::UnicodeString& text) {
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    if (!u_isUWhiteSpace(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      return false;
    }
    i += U16_LENGTH(c);
  }
  return true;
}

Status Ingest(int32_t index, std::string_view name, std::string_view utf8,
              icu::UnicodeString* out) {
  std::string label = "input " + std::to_string(index);
  if (!name.empty()) label += " (" + std::string(name) + ")";
  if (static_cast<int64_t>(utf8.size()) > kMaxUtf16Length) {
    return Status(ErrorCode::kInputTooLarge, label + " is larger than 2 GiB").set_input(index);
  }
  Status status = DecodeUtf8(utf8, out);
  if (!status.ok()) {
    return Status(status.code(), label + ": " + status.message())
        .set_input(index)
        .set_byte_offset(status.byte_offset());
  }
  if (utf8.empty()) return Status(ErrorCode::kEmptyInput, label + " is empty").set_input(index);
  if (IsBlank(*out)) {
    return Status(ErrorCode::kEmptyInput, label + " holds only whitespace").set_input(index);
  }
  return Status::Ok();
}

}  // namespace basira::ingest
