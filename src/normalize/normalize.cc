#include "normalize/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>

#include "icu/icu_data.h"

namespace basira::normalize {
namespace {

// ICU's NFKD instance (its data is in the linked package); null only if the data is missing.
const icu::Normalizer2* Nfkd() {
  static const icu::Normalizer2* nfkd = [] {
    if (!icu_data::Load().ok()) return static_cast<const icu::Normalizer2*>(nullptr);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfkd;
}

void Append(UChar32 c, std::u16string* out) {
  if (c < 0x10000) {
    out->push_back(static_cast<char16_t>(c));
  } else {
    out->push_back(U16_LEAD(c));
    out->push_back(U16_TRAIL(c));
  }
}

// The fold of an ASCII or Arabic-block code point: itself, another code point, or -1 to drop
// it. The Arabic block's hamza-carrying letters fold here directly; U+0675..U+0678 decompose
// (see FoldCodePoint).
constexpr int32_t FoldAsciiOrArabic(int32_t c) {
  if (c < 0x80) {
    if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') return ' ';
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  }
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) return -1;
  if (c >= 0x06D6 && c <= 0x06ED && c != 0x06E5 && c != 0x06E6) return -1;
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  switch (c) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
    case 0x0672:
    case 0x0673:
      return 0x0627;  // alef forms -> bare alef
    case 0x0649:
      return 0x064A;  // alef maqsura -> yeh
    case 0x0629:
      return 0x0647;  // teh marbuta -> heh
    case 0x0624:
      return 0x0648;  // waw with hamza -> waw
    case 0x0626:
      return 0x064A;  // yeh with hamza -> yeh
    case 0x06A9:
      return 0x0643;  // keheh -> kaf
    case 0x06CC:
      return 0x064A;  // Farsi yeh -> yeh
    case 0x066B:
      return '.';  // Arabic decimal separator
    case 0x066C:
      return ',';  // Arabic thousands separator
    case 0x066A:
      return '%';  // Arabic percent sign
    default:
      return c;
  }
}

// Folds a code point that has no further decomposition. Returns -1 to drop it.
UChar32 FoldSimple(UChar32 c) {
  if (c < 0x80) return FoldAsciiOrArabic(c);
  // Every other space (a line break inside a hard-wrapped name, U+2028, U+0085) is a space.
  if (c != 0x00A0 && u_isUWhiteSpace(c)) return ' ';
  if (c >= 0x0600 && c <= 0x06FF) return FoldAsciiOrArabic(c);
  if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return -1;
  return u_foldCase(c, U_FOLD_CASE_DEFAULT);
}

// The folds of ASCII (0..0x7F) and of the Arabic block (0x80.. for U+0600..U+06FF), computed
// at compile time: these code points are nearly all of a news text.
struct FastFolds {
  int16_t fold[0x180] = {};
  constexpr FastFolds() {
    for (int32_t c = 0; c < 0x80; ++c) fold[c] = static_cast<int16_t>(FoldAsciiOrArabic(c));
    for (int32_t c = 0; c < 0x100; ++c) {
      const int32_t f = FoldAsciiOrArabic(0x0600 + c);
      // Every fold of these is in the BMP and below U+8000; -1 drops the code point.
      fold[0x80 + c] = static_cast<int16_t>(f);
    }
  }
};
constexpr FastFolds kFast;
static_assert(kFast.fold[0x80 + 0x23] == 0x0627 && kFast.fold['A'] == 'a' &&
                  kFast.fold[0x80 + 0x4E] == -1,
              "the fast folds are computed at compile time");

// What a UTF-16 unit folds to when the fast table decides it: the fold (one unit), -1 (dropped),
// or kNotFast (a unit outside ASCII and the Arabic block, or U+0675..U+0678, which decompose).
constexpr int32_t kNotFast = -2;
inline int32_t FastFold(char16_t u) {
  if (u < 0x80) return kFast.fold[u];
  if (u >= 0x0600 && u <= 0x06FF && (u < 0x0675 || u > 0x0678)) return kFast.fold[u - 0x0580];
  return kNotFast;
}

}  // namespace

int FoldCodePoint(UChar32 c, std::u16string* out) {
  // Fast path: ASCII and the Arabic block have no compatibility decomposition except the
  // hamza-carrying letters, which FoldAsciiOrArabic handles directly, and U+0675..U+0678.
  if (c < 0x10000) {
    const int32_t f = FastFold(static_cast<char16_t>(c));
    if (f != kNotFast) {
      if (f < 0) return 0;
      out->push_back(static_cast<char16_t>(f));
      return 1;
    }
  }
  const size_t before = out->size();
  icu::UnicodeString decomposition;
  const icu::Normalizer2* nfkd = Nfkd();
  if (nfkd != nullptr && nfkd->getDecomposition(c, decomposition)) {
    for (int32_t i = 0; i < decomposition.length();) {
      const UChar32 d = decomposition.char32At(i);
      i += U16_LENGTH(d);
      // A decomposed hamza (U+0654/U+0655) on alef/waw/yeh folds away with the other marks.
      const UChar32 f = FoldSimple(d);
      if (f >= 0) Append(f, out);
    }
  } else {
    const UChar32 f = FoldSimple(c);
    if (f >= 0) Append(f, out);
  }
  return static_cast<int>(out->size() - before);
}

std::u16string Key(std::u16string_view text) {
  std::u16string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const int32_t f = FastFold(text[i]);
    if (f != kNotFast) {
      if (f >= 0) out.push_back(static_cast<char16_t>(f));
      ++i;
      continue;
    }
    UChar32 c;
    U16_NEXT(text.data(), i, text.size(), c);
    FoldCodePoint(c, &out);
  }
  return out;
}

std::u16string KeyFromUtf8(std::string_view utf8) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return Key(std::u16string_view(s.getBuffer(), s.length()));
}

void MatchKeys::Assign(const icu::UnicodeString& text, Span range) {
  range_ = range;
  key_.clear();
  origin_start_.clear();
  origin_end_.clear();
  key_.reserve(range.length());
  origin_start_.reserve(range.length());
  origin_end_.reserve(range.length());
  size_t last_begin = 0;  // the key units of the last code point that produced any
  const char16_t* units = text.getBuffer();
  const int32_t length = text.length();
  for (int32_t i = range.start; i < range.end;) {
    UChar32 c;
    int32_t after = i;
    U16_NEXT(units, after, length, c);  // as char32At: a lone surrogate is itself
    const int32_t next = std::min(range.end, after);
    const size_t before = key_.size();
    const int added = FoldCodePoint(c, &key_);
    if (added > 0) {
      last_begin = before;
      if (added == 1) {  // the common case, without vector::insert's general path
        origin_start_.push_back(i);
        origin_end_.push_back(next);
      } else {
        origin_start_.insert(origin_start_.end(), added, i);
        origin_end_.insert(origin_end_.end(), added, next);
      }
    } else if (before > 0 &&
               (c == 0x0640 || u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK)) {
      // Dropped marks and tatweel belong to the letter before them.
      std::fill(origin_end_.begin() + last_begin, origin_end_.end(), next);
    }
    i = next;
  }
}

int32_t MatchKeys::KeyIndexAt(int32_t offset) const {
  return static_cast<int32_t>(std::lower_bound(origin_start_.begin(), origin_start_.end(), offset) -
                              origin_start_.begin());
}

}  // namespace basira::normalize
