#include "tagger/tagger.h"

#include <unicode/utf16.h>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string_view>

#include "clitics/clitics.h"
#include "normalize/normalize.h"

namespace basira::tagger {
namespace {

constexpr char kMagic[8] = {'B', 'N', 'E', 'R', 'T', 'A', 'G', '1'};
// 4: the weight table as zero runs and literal runs; 3: features hashed from atoms; 2: FNV of
// strings; 1: int16.
constexpr uint32_t kVersion = 4;
constexpr int kMinBits = 4;
constexpr int kMaxBits = 24;
constexpr size_t kAffixes = 4;

const char* const kLabelNames[kNumLabels] = {"O",     "B-PER", "I-PER",  "B-LOC", "I-LOC",
                                             "B-ORG", "I-ORG", "B-MISC", "I-MISC"};
const char* const kTypeNames[kNumTypes] = {"PER", "LOC", "ORG", "MISC"};

constexpr uint32_t kFnvBasis = 2166136261u;

constexpr uint32_t Fnv1a(std::string_view s, uint32_t h = kFnvBasis) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

// UTF-8 of UTF-16 text; an unpaired surrogate becomes U+FFFD (keys never hold one in practice).
void AppendUtf8(std::u16string_view s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    UChar32 c;
    U16_NEXT(s.data(), i, s.size(), c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | c >> 6));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | c >> 12));
      out->push_back(static_cast<char>(0x80 | (c >> 6 & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | c >> 18));
      out->push_back(static_cast<char>(0x80 | (c >> 12 & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c >> 6 & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += IsContinuationByte(c) ? 0 : 1;
  return n;
}

// The last k code points of s (all of s when it has fewer).
std::string_view LastCodePoints(std::string_view s, size_t k) {
  size_t i = s.size();
  for (size_t seen = 0; i > 0 && seen < k;) {
    --i;
    if (!IsContinuationByte(s[i])) ++seen;
  }
  return s.substr(i);
}

// The shape of a key: runs of digits (9), Latin letters (a), Arabic letters (A), other (.).
// Decodes UTF-8 in place; a malformed byte counts as "other".
std::string Shape(std::string_view key) {
  std::string shape;
  for (size_t i = 0; i < key.size();) {
    const auto b = static_cast<unsigned char>(key[i]);
    UChar32 c = b;
    size_t len = 1;
    if (b >= 0xC0 && b < 0xE0 && i + 1 < key.size()) {
      c = (b & 0x1F) << 6 | (static_cast<unsigned char>(key[i + 1]) & 0x3F);
      len = 2;
    } else if (b >= 0xE0) {
      c = 0x10000;  // beyond the scripts told apart here
      len = b >= 0xF0 ? 4 : 3;
    }
    i += len;
    char k = '.';
    if (c >= '0' && c <= '9') {
      k = '9';
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      k = 'a';
    } else if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F)) {
      k = 'A';
    }
    if (shape.empty() || shape.back() != k) shape += k;
  }
  return shape;
}

// --- Features --------------------------------------------------------------------------------
//
// A feature is a template (its name, e.g. "s-1s0=") with zero, one or two atoms (a token's key,
// stem, affix, word class ...). Its string is the name, then the atoms joined by '|'. Its row in
// the table is a mix of the template's seed with the atoms' hashes: each atom is hashed ONCE per
// token (FNV-1a over its UTF-8) and each feature then costs a few multiplications, instead of
// hashing its whole string (a token's key was hashed in up to seven features).

struct Atom {
  uint32_t hash = 0;
  std::string_view text;
};

struct Template {
  const char* name;
  uint32_t seed;
};

constexpr Template T(const char* name) { return Template{name, Fnv1a(name)}; }

// The row of a feature (before masking): the template's seed and the atoms' hashes through two
// 64-bit multiply-xorshift rounds, so that every bit of the low bits depends on all three.
inline uint32_t Mix(uint32_t seed, uint32_t a, uint32_t b) {
  uint64_t h = (static_cast<uint64_t>(seed) << 32 | a) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  h = (h ^ b) * 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  h *= 0x94D049BB133111EBull;
  return static_cast<uint32_t>(h >> 32);
}

inline Atom MakeAtom(std::string_view text) { return Atom{Fnv1a(text), text}; }

// The atom of a stem's length in code points, bucketed: "0" .. "4", "5-6", "7+".
Atom LengthAtom(size_t letters) {
  static const Atom kBuckets[] = {MakeAtom("0"), MakeAtom("1"),   MakeAtom("2"), MakeAtom("3"),
                                  MakeAtom("4"), MakeAtom("5-6"), MakeAtom("7+")};
  return kBuckets[letters <= 4 ? letters : letters <= 6 ? 5 : 6];
}

// The atom of a token kind: its name (TokenKindName).
Atom KindAtom(TokenKind kind) {
  static const Atom kKinds[] = {MakeAtom(TokenKindName(TokenKind::kWord)),
                                MakeAtom(TokenKindName(TokenKind::kNumber)),
                                MakeAtom(TokenKindName(TokenKind::kPunctuation)),
                                MakeAtom(TokenKindName(TokenKind::kSymbol))};
  return kKinds[static_cast<int>(kind)];
}

// A word class as an atom: its number as text in `buffer` (8 chars), "-" for none (-1), "<>"
// beyond the sentence (-2).
Atom ClusterAtom(int cluster, char* buffer) {
  const uint32_t hash = Mix(0x636c7573u, static_cast<uint32_t>(cluster + 16), 0);
  if (cluster < 0) return Atom{hash, cluster == -1 ? "-" : "<>"};
  int n = 0;
  char digits[8];
  do {
    digits[n++] = static_cast<char>('0' + cluster % 10);
    cluster /= 10;
  } while (cluster > 0 && n < 7);
  for (int k = 0; k < n; ++k) buffer[k] = digits[n - 1 - k];
  return Atom{hash, std::string_view(buffer, static_cast<size_t>(n))};
}

// Everything the features read of one token (or of the sentence boundary beyond either end),
// hashed once. Views point into the TokenInput, which must outlive it.
struct TokenAtoms {
  Atom key, stem;
  size_t letters = 0;  // code points of the stem
  Atom prefix[kAffixes], suffix[kAffixes];
  Atom proclitics, shape, length, kind;
  bool enclitic = false;
  std::vector<Atom> lexicon;
  int cluster[kMaxClusterings] = {-2, -2, -2};
  Atom cluster_atom[kMaxClusterings];
  std::string shape_text;
  char cluster_text[kMaxClusterings][8] = {};

  void Set(const TokenInput& t) {
    key = MakeAtom(t.key);
    // The stem and its first kAffixes code points in one pass: FNV-1a of a prefix is the state
    // after the prefix's bytes.
    const std::string_view s = t.stem;
    uint32_t h = kFnvBasis;
    letters = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if (!IsContinuationByte(s[i])) {
        if (letters >= 1 && letters <= kAffixes) prefix[letters - 1] = Atom{h, s.substr(0, i)};
        ++letters;
      }
      h = (h ^ static_cast<unsigned char>(s[i])) * 16777619u;
    }
    if (letters >= 1 && letters <= kAffixes) prefix[letters - 1] = Atom{h, s};
    stem = Atom{h, s};
    for (size_t k = 1; k <= kAffixes && k <= letters; ++k) {
      suffix[k - 1] = MakeAtom(LastCodePoints(s, k));
    }
    proclitics = MakeAtom(t.proclitics);
    enclitic = t.enclitic;
    shape_text = Shape(t.key);
    shape = MakeAtom(shape_text);
    length = LengthAtom(letters);
    kind = KindAtom(t.kind);
    lexicon.clear();
    for (const std::string& x : t.lexicon) lexicon.push_back(MakeAtom(x));
    for (int j = 0; j < kMaxClusterings; ++j) {
      cluster[j] = t.cluster[j];
      cluster_atom[j] = ClusterAtom(cluster[j], cluster_text[j]);
    }
  }
  // The sentence boundary: key and stem `mark` ("<s>" or "</s>"), no lexicon, classes -2.
  void SetBoundary(std::string_view mark) {
    key = stem = MakeAtom(mark);
    letters = CodePointCount(mark);
    suffix[1] = MakeAtom(LastCodePoints(mark, 2));
    lexicon.clear();
    for (int j = 0; j < kMaxClusterings; ++j) {
      cluster[j] = -2;
      cluster_atom[j] = ClusterAtom(-2, cluster_text[j]);
    }
  }
};

// The atoms of tokens i-2 .. i+2 (the features' window), computed once per token as i advances.
class Window {
 public:
  explicit Window(const std::vector<TokenInput>& tokens) : tokens_(tokens) {
    before_.SetBoundary("<s>");
    after_.SetBoundary("</s>");
  }
  // Moves the window to token i; i never decreases from one call to the next.
  void MoveTo(size_t i) {
    const long lo = std::max(0L, static_cast<long>(i) - 2);
    const long hi = std::min(static_cast<long>(i) + 2, static_cast<long>(tokens_.size()) - 1);
    for (long j = std::max(lo, next_); j <= hi; ++j) {
      ring_[j % 5].Set(tokens_[static_cast<size_t>(j)]);
    }
    next_ = std::max(next_, hi + 1);
  }
  // The atoms of token i + d (d in -2..2), or of the boundary beyond the sentence.
  const TokenAtoms& At(size_t i, long d) const {
    const long j = static_cast<long>(i) + d;
    if (j < 0) return before_;
    if (j >= static_cast<long>(tokens_.size())) return after_;
    return ring_[j % 5];
  }

 private:
  const std::vector<TokenInput>& tokens_;
  TokenAtoms ring_[5], before_, after_;
  long next_ = 0;  // the first token whose atoms are not in the ring yet
};

// Calls emit(template, a, b) once for every label-independent feature of token i (a and b are
// the atoms, or nullptr); `w` must have been moved to i. StaticFeatures and the hashed rows both
// come from here, so they can never disagree.
template <typename Emit>
void ForEachStaticFeature(const Window& w, size_t i, Emit&& emit) {
  static constexpr Template kBias = T("b"), kWord = T("w="), kStem = T("s="),
                            kProclitics = T("pc="), kEnclitic[2] = {T("en=0"), T("en=1")},
                            kShape = T("sh="), kKind = T("k="), kLength = T("ln="),
                            kLexicon = T("lx="), kLexiconBefore = T("lx-1="),
                            kLexiconAfter = T("lx+1="), kStemPair = T("s-1s+1="),
                            kStemBefore = T("s-1s0="), kStemAfter = T("s0s+1="),
                            kSuffixBefore = T("x2-1="), kSuffixAfter = T("x2+1=");
  static constexpr Template kPrefix[] = {T("p1="), T("p2="), T("p3="), T("p4=")};
  static constexpr Template kSuffix[] = {T("x1="), T("x2="), T("x3="), T("x4=")};
  static constexpr Template kWordAt[] = {T("w-2="), T("w-1="), T("w+1="), T("w+2=")};
  static constexpr Template kStemAt[] = {T("s-2="), T("s-1="), T("s+1="), T("s+2=")};
  static constexpr long kOffsets[] = {-2, -1, 1, 2};
  static constexpr Template kClusterAt[kMaxClusterings][5] = {
      {T("c0="), T("c0-1="), T("c0+1="), T("c0-1|"), T("c0+1|")},
      {T("c1="), T("c1-1="), T("c1+1="), T("c1-1|"), T("c1+1|")},
      {T("c2="), T("c2-1="), T("c2+1="), T("c2-1|"), T("c2+1|")}};
  const TokenAtoms& t = w.At(i, 0);
  const TokenAtoms& before = w.At(i, -1);
  const TokenAtoms& after = w.At(i, 1);
  emit(kBias, nullptr, nullptr);
  emit(kWord, &t.key, nullptr);
  emit(kStem, &t.stem, nullptr);
  for (size_t k = 1; k <= kAffixes && k <= t.letters; ++k) {
    emit(kPrefix[k - 1], &t.prefix[k - 1], nullptr);
    emit(kSuffix[k - 1], &t.suffix[k - 1], nullptr);
  }
  emit(kProclitics, &t.proclitics, nullptr);
  emit(kEnclitic[t.enclitic ? 1 : 0], nullptr, nullptr);
  emit(kShape, &t.shape, nullptr);
  emit(kKind, &t.kind, nullptr);
  emit(kLength, &t.length, nullptr);
  for (int d = 0; d < 4; ++d) {
    const TokenAtoms& n = w.At(i, kOffsets[d]);
    emit(kWordAt[d], &n.key, nullptr);
    emit(kStemAt[d], &n.stem, nullptr);
  }
  if (before.letters > 2) emit(kSuffixBefore, &before.suffix[1], nullptr);
  if (after.letters > 2) emit(kSuffixAfter, &after.suffix[1], nullptr);
  emit(kStemPair, &before.stem, &after.stem);
  emit(kStemBefore, &before.stem, &t.stem);
  emit(kStemAfter, &t.stem, &after.stem);
  for (const Atom& x : t.lexicon) emit(kLexicon, &x, nullptr);
  for (const Atom& x : before.lexicon) emit(kLexiconBefore, &x, nullptr);
  for (const Atom& x : after.lexicon) emit(kLexiconAfter, &x, nullptr);
  // Word classes: the token's and its neighbours' at -1 and +1, and the pairs with them.
  for (int j = 0; j < kMaxClusterings; ++j) {
    if (t.cluster[j] < 0 && before.cluster[j] < 0 && after.cluster[j] < 0) continue;
    const Atom &h = t.cluster_atom[j], &b = before.cluster_atom[j], &a = after.cluster_atom[j];
    if (t.cluster[j] >= 0) emit(kClusterAt[j][0], &h, nullptr);
    emit(kClusterAt[j][1], &b, nullptr);
    emit(kClusterAt[j][2], &a, nullptr);
    emit(kClusterAt[j][3], &b, &h);
    emit(kClusterAt[j][4], &h, &a);
  }
}

// A feature's entry: its row (the low bits, `mask`) and its sign (bit 31). A feature adds the
// row's weights or subtracts them, by its sign: two features that share a row then cancel out on
// average instead of always adding up (Weinberger et al. 2009, "Feature hashing").
constexpr uint32_t kSignBit = 0x80000000u;
constexpr size_t kRowPadding = 16 - kNumLabels;  // bytes past the last row (see SumRows)
inline uint32_t Entry(uint32_t h, uint32_t mask) { return (h & mask) | (h & kSignBit); }
inline uint32_t RowOf(uint32_t entry) { return entry & ~kSignBit; }
inline int SignOf(uint32_t entry) { return (entry & kSignBit) != 0 ? -1 : 1; }

// Adds the signed weights of the rows `entries` to scores[0 .. kNumLabels). The table holds
// kRowPadding bytes past its last row, so that a row can be read as 16 bytes at once.
void SumRows(const int8_t* table, const std::vector<uint32_t>& entries, int32_t* scores) {
#if defined(__wasm_simd128__)
  // 16 bytes a row (its 9 weights and 7 bytes of the next), widened to 16-bit lanes: 9 scalar
  // loads and adds become 5 vector operations. 16-bit lanes cannot overflow within 256 rows
  // (256 x 127 < 32768): the sums go to 32 bits every 256 rows, so they equal the scalar ones.
  static_assert(kNumLabels <= 9, "labels 0-7 in the low half, label 8 in the high half");
  size_t k = 0;
  while (k < entries.size()) {
    const size_t end = std::min(entries.size(), k + 256);
    v128_t low = wasm_i16x8_splat(0), high = wasm_i16x8_splat(0);
    for (; k < end; ++k) {
      const uint32_t entry = entries[k];
      v128_t w = wasm_v128_load(table + static_cast<size_t>(RowOf(entry)) * kNumLabels);
      const v128_t negate = wasm_i8x16_splat(SignOf(entry) < 0 ? -1 : 0);
      w = wasm_i8x16_sub(wasm_v128_xor(w, negate), negate);  // w or -w
      low = wasm_i16x8_add(low, wasm_i16x8_extend_low_i8x16(w));
      high = wasm_i16x8_add(high, wasm_i16x8_extend_high_i8x16(w));
    }
    int16_t lanes[16];
    wasm_v128_store(lanes, low);
    wasm_v128_store(lanes + 8, high);
    for (int l = 0; l < kNumLabels; ++l) scores[l] += lanes[l];
  }
#else
  for (uint32_t entry : entries) {
    const int8_t* w = table + static_cast<size_t>(RowOf(entry)) * kNumLabels;
    const int32_t sign = SignOf(entry);
    for (int l = 0; l < kNumLabels; ++l) scores[l] += sign * w[l];
  }
#endif
}

inline uint32_t Row(const Template& t, const Atom* a, const Atom* b, uint32_t mask) {
  return Entry(Mix(t.seed, a != nullptr ? a->hash : 0, b != nullptr ? b->hash : 0), mask);
}

// Rows of the static features of every token.
std::vector<std::vector<uint32_t>> StaticRows(const std::vector<TokenInput>& tokens,
                                              uint32_t mask) {
  std::vector<std::vector<uint32_t>> rows(tokens.size());
  Window w(tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    w.MoveTo(i);
    ForEachStaticFeature(w, i, [&](const Template& t, const Atom* a, const Atom* b) {
      rows[i].push_back(Row(t, a, b, mask));
    });
  }
  return rows;
}

// Appends the rows of the label-dependent features of token i given the labels before it: the
// previous label, the previous two, and the previous label with the token's stem (its atom's
// hash).
void DynamicRows(uint32_t stem_hash, size_t i, const std::vector<int>& labels, uint32_t mask,
                 std::vector<uint32_t>* rows) {
  static constexpr Template kPrevious = T("t1="), kPreviousTwo = T("t2="),
                            kPreviousStem = T("t1s=");
  const uint32_t p1 = i >= 1 ? static_cast<uint32_t>(labels[i - 1]) + 1 : 0;
  const uint32_t p2 = i >= 2 ? static_cast<uint32_t>(labels[i - 2]) + 1 : 0;
  rows->push_back(Entry(Mix(kPrevious.seed, p1, 0), mask));
  rows->push_back(Entry(Mix(kPreviousTwo.seed, p2, p1), mask));
  rows->push_back(Entry(Mix(kPreviousStem.seed, p1, stem_hash), mask));
}

bool Allowed(int prev, int label) {
  if (label == 0 || IsBegin(label)) return true;
  return prev > 0 && LabelType(prev) == LabelType(label);
}

// The best allowed label after `prev` given per-label scores (ties: the lower label).
template <typename T>
int Best(const T* scores, int prev) {
  int best = -1;
  for (int l = 0; l < kNumLabels; ++l) {
    if (!Allowed(prev, l)) continue;
    if (best < 0 || scores[l] > scores[best]) best = l;
  }
  return best;
}

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint32_t GetU32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
         static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}

Status Invalid(const std::string& what) {
  return Status(ErrorCode::kInvalidArgument, "bad tagger model: " + what);
}

void PutVarint(std::string* out, size_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Reads a LEB128 varint of at most 4 bytes at *pos (below 2^28, more than the largest table of
// 9 x 2^24 weights; a 32-bit size_t holds it); false when truncated or longer.
bool GetVarint(const uint8_t* data, size_t size, size_t* pos, size_t* v) {
  *v = 0;
  for (int shift = 0; shift < 28; shift += 7) {
    if (*pos >= size) return false;
    const uint8_t byte = data[(*pos)++];
    *v |= static_cast<size_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

// The weight table as runs (format 4): {varint zeros, varint n, n bytes} until the table is full.
// A literal run ends where two zeros in a row begin, or a last zero (which the next run counts).
// 85 % of a trained table's bytes are zero, so this is a third of its size (2.36 MB to 789 KB).
// Reading accepts any runs that fill the table; this is the one way Serialize writes them.
void PutRuns(std::string* out, const int8_t* w, size_t count) {
  size_t i = 0;
  while (i < count) {
    const size_t zeros_from = i;
    while (i < count && w[i] == 0) ++i;
    const size_t literal_from = i;
    while (i < count && !(w[i] == 0 && (i + 1 == count || w[i + 1] == 0))) ++i;
    PutVarint(out, literal_from - zeros_from);
    PutVarint(out, i - literal_from);
    out->append(reinterpret_cast<const char*>(w + literal_from), i - literal_from);
  }
}

// Fills w[0, count) (zeroed before) from runs at data[pos, size); false unless the runs fill it
// exactly and use the bytes up.
bool GetRuns(const uint8_t* data, size_t size, size_t pos, int8_t* w, size_t count) {
  size_t filled = 0;
  while (filled < count) {
    size_t zeros = 0;
    size_t n = 0;
    if (!GetVarint(data, size, &pos, &zeros) || !GetVarint(data, size, &pos, &n)) return false;
    if ((zeros == 0 && n == 0) || zeros > count - filled || n > count - filled - zeros)
      return false;
    if (n > size - pos) return false;
    filled += zeros;  // the table starts zeroed
    std::memcpy(w + filled, data + pos, n);
    filled += n;
    pos += n;
  }
  return pos == size;
}

}  // namespace

const char* LabelName(int label) {
  return label >= 0 && label < kNumLabels ? kLabelNames[label] : "?";
}

int LabelFromName(const std::string& name) {
  for (int l = 0; l < kNumLabels; ++l) {
    if (name == kLabelNames[l]) return l;
  }
  return -1;
}

const char* TypeName(int type) { return type >= 0 && type < kNumTypes ? kTypeNames[type] : "?"; }

TokenInput MakeTokenInput(const icu::UnicodeString& text, Span span, TokenKind kind,
                          const clitics::Analysis& analysis) {
  return MakeTokenInput(normalize::MatchKeys(text, span), kind, analysis);
}

TokenInput MakeTokenInput(const normalize::MatchKeys& keys, TokenKind kind,
                          const clitics::Analysis& analysis) {
  const Span span = keys.range();
  TokenInput t;
  t.span = span;
  t.kind = kind;
  AppendUtf8(keys.key(), &t.key);
  t.name_start = analysis.stem.start;
  if (analysis.stem.length() > 0) AppendUtf8(keys.KeyOf(analysis.stem), &t.stem);
  if (t.stem.empty()) t.stem = t.key;
  std::string previous;
  bool article_seen = false;
  for (const Span& p : analysis.proclitics) {
    std::string k;
    AppendUtf8(keys.KeyOf(p), &k);
    if (!t.proclitics.empty()) t.proclitics += '+';
    t.proclitics += k;
    // The article ال stays inside a name (الصين). The ل of للقاهرة (the article after the
    // preposition ل, its alef dropped) does not: a name that kept it would read لقاهرة.
    const bool article = k == "\u0627\u0644";
    const bool fused_article = k == "\u0644" && previous == "\u0644";
    if ((article || fused_article) && !article_seen) {
      article_seen = true;
      if (article) t.name_start = p.start;
    }
    previous = k;
  }
  // The future's س never comes before a name, and ك ("like") seldom does, while names begin
  // with either letter (ستيفان، كلاوس): a name starts at a lone one the clitic stage cut off.
  if (!article_seen && !analysis.proclitics.empty()) {
    const Span& last = analysis.proclitics.back();
    std::string k;
    AppendUtf8(keys.KeyOf(last), &k);
    if (last.end == analysis.stem.start && (k == "\u0633" || k == "\u0643")) {
      t.name_start = last.start;
    }
  }
  if (analysis.proclitics.empty()) t.name_start = span.start;
  t.enclitic = !analysis.enclitics.empty();
  return t;
}

void Shift(TokenInput* t, int32_t by) {
  t->span.start += by;
  t->span.end += by;
  t->name_start += by;
}

std::vector<std::string> StaticFeatures(const std::vector<TokenInput>& tokens, size_t i) {
  std::vector<std::string> f;
  if (i >= tokens.size()) return f;
  Window w(tokens);
  w.MoveTo(i);
  ForEachStaticFeature(w, i, [&f](const Template& t, const Atom* a, const Atom* b) {
    std::string s = t.name;
    if (a != nullptr) s += a->text;
    if (b != nullptr) {
      s += '|';
      s += b->text;
    }
    f.push_back(std::move(s));
  });
  return f;
}

std::vector<Mention> Mentions(const std::vector<TokenInput>& tokens,
                              const std::vector<int>& labels) {
  std::vector<Mention> out;
  const size_t n = std::min(tokens.size(), labels.size());
  for (size_t i = 0; i < n; ++i) {
    const int label = labels[i];
    if (label <= 0 || label >= kNumLabels) continue;
    const int type = LabelType(label);
    const bool continues = !IsBegin(label) && !out.empty() &&
                           out.back().last_token == static_cast<int>(i) - 1 &&
                           out.back().type == type;
    if (continues) {
      out.back().last_token = static_cast<int>(i);
      out.back().span.end = tokens[i].span.end;
      continue;
    }
    Mention m;
    m.type = type;
    m.first_token = m.last_token = static_cast<int>(i);
    m.span = Span{tokens[i].name_start, tokens[i].span.end};
    if (m.span.start < tokens[i].span.start || m.span.start >= m.span.end) {
      m.span.start = tokens[i].span.start;
    }
    out.push_back(m);
  }
  return out;
}

// --- Tagger ----------------------------------------------------------------------------------

Status Tagger::Load(const uint8_t* data, size_t size) {
  bits_ = 0;
  scale_ = 1;
  std::vector<int8_t>().swap(weights_);  // empty, and the previous table freed
  if (data == nullptr || size < sizeof(kMagic) + 12) return Invalid("too short");
  if (std::memcmp(data, kMagic, sizeof(kMagic)) != 0) return Invalid("wrong magic");
  size_t pos = sizeof(kMagic);
  const uint32_t version = GetU32(data + pos);
  const uint32_t bits = GetU32(data + pos + 4);
  const uint32_t labels = GetU32(data + pos + 8);
  pos += 12;
  if (version != kVersion) return Invalid("unknown version " + std::to_string(version));
  if (bits < kMinBits || bits > kMaxBits) return Invalid("bad table size");
  if (labels != kNumLabels) return Invalid("expected " + std::to_string(kNumLabels) + " labels");
  for (int l = 0; l < kNumLabels; ++l) {
    if (pos >= size) return Invalid("truncated labels");
    const size_t len = data[pos++];
    if (pos + len > size) return Invalid("truncated labels");
    if (std::string(reinterpret_cast<const char*>(data + pos), len) != kLabelNames[l]) {
      return Invalid("unexpected label " + std::to_string(l));
    }
    pos += len;
  }
  if (pos + 4 > size) return Invalid("truncated scale");
  const uint32_t scale_bits = GetU32(data + pos);
  pos += 4;
  float scale;
  std::memcpy(&scale, &scale_bits, 4);
  if (!(scale > 0) || !std::isfinite(scale)) return Invalid("bad scale");
  const size_t count = (size_t{1} << bits) * kNumLabels;
  weights_.assign(count + kRowPadding, 0);
  if (!GetRuns(data, size, pos, weights_.data(), count)) {
    std::vector<int8_t>().swap(weights_);
    return Invalid("weight runs do not fill the table exactly");
  }
  bits_ = static_cast<int>(bits);
  scale_ = scale;
  return Status::Ok();
}

std::string Tagger::Serialize() const {
  std::string out(kMagic, sizeof(kMagic));
  PutU32(&out, kVersion);
  PutU32(&out, static_cast<uint32_t>(bits_));
  PutU32(&out, kNumLabels);
  for (int l = 0; l < kNumLabels; ++l) {
    out.push_back(static_cast<char>(std::strlen(kLabelNames[l])));
    out += kLabelNames[l];
  }
  uint32_t scale_bits;
  std::memcpy(&scale_bits, &scale_, 4);
  PutU32(&out, scale_bits);
  const size_t count = weights_.empty() ? 0 : weights_.size() - kRowPadding;
  PutRuns(&out, weights_.data(), count);
  return out;
}

std::vector<int> Tagger::Tag(const std::vector<TokenInput>& tokens,
                             std::vector<float>* outside) const {
  std::vector<int> labels(tokens.size(), 0);
  if (outside != nullptr) outside->assign(tokens.size(), 0.0f);
  if (weights_.empty()) return labels;
  const uint32_t mask = (uint32_t{1} << bits_) - 1;
  const int8_t* const table = weights_.data();
  // A token's rows are all hashed first and only then read: the reads of a table of megabytes are
  // mostly cache misses, and issued back to back they overlap instead of waiting one by one
  // between two hashes.
  std::vector<uint32_t> rows;
  rows.reserve(128);
  Window w(tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    rows.clear();
    w.MoveTo(i);
    ForEachStaticFeature(w, i, [&](const Template& t, const Atom* a, const Atom* b) {
      const uint32_t entry = Row(t, a, b, mask);
#if defined(__GNUC__) && !defined(__EMSCRIPTEN__)
      __builtin_prefetch(table + static_cast<size_t>(RowOf(entry)) * kNumLabels);
#endif
      rows.push_back(entry);
    });
    DynamicRows(w.At(i, 0).stem.hash, i, labels, mask, &rows);
    int32_t scores[kNumLabels] = {};
    SumRows(table, rows, scores);
    labels[i] = Best(scores, i > 0 ? labels[i - 1] : 0);
    if (outside != nullptr) {
      int32_t begin = scores[BeginLabel(0)];
      for (int type = 1; type < kNumTypes; ++type)
        begin = std::max(begin, scores[BeginLabel(type)]);
      (*outside)[i] = static_cast<float>(scores[0] - begin) * scale_;
    }
  }
  return labels;
}

// --- Trainer ---------------------------------------------------------------------------------

Trainer::Trainer(int bits)
    : bits_(std::min(std::max(bits, kMinBits), kMaxBits)),
      mask_((uint32_t{1} << bits_) - 1),
      weights_((size_t{1} << bits_) * kNumLabels, 0.0f),
      totals_(weights_.size(), 0.0),
      stamps_(weights_.size(), 0) {}

void Trainer::Update(const std::vector<uint32_t>& rows, int label, float delta) {
  for (uint32_t entry : rows) {
    const size_t j = static_cast<size_t>(RowOf(entry)) * kNumLabels + label;
    totals_[j] += static_cast<double>(step_ - stamps_[j]) * weights_[j];
    stamps_[j] = step_;
    weights_[j] += static_cast<float>(SignOf(entry)) * delta;
  }
}

int Trainer::TrainSentence(const std::vector<TokenInput>& tokens, const std::vector<int>& gold) {
  const std::vector<std::vector<uint32_t>> statics = StaticRows(tokens, mask_);
  std::vector<int> labels(tokens.size(), 0);
  std::vector<uint32_t> rows;
  int mistakes = 0;
  for (size_t i = 0; i < tokens.size() && i < gold.size(); ++i) {
    rows = statics[i];
    DynamicRows(Fnv1a(tokens[i].stem), i, labels, mask_, &rows);
    float scores[kNumLabels] = {};
    for (uint32_t entry : rows) {
      const float* w = &weights_[static_cast<size_t>(RowOf(entry)) * kNumLabels];
      const float sign = static_cast<float>(SignOf(entry));
      for (int l = 0; l < kNumLabels; ++l) scores[l] += sign * w[l];
    }
    const int predicted = Best(scores, i > 0 ? labels[i - 1] : 0);
    if (gold[i] < 0) {
      // No supervision here (a label the data does not give): the prediction is the history.
      labels[i] = predicted;
      ++step_;
      continue;
    }
    if (predicted != gold[i]) {
      ++mistakes;
      Update(rows, gold[i], 1.0f);
      Update(rows, predicted, -1.0f);
    }
    labels[i] = gold[i];
    ++step_;
  }
  return mistakes;
}

std::vector<float> Trainer::Averaged() const {
  std::vector<float> averaged(weights_.size());
  for (size_t j = 0; j < weights_.size(); ++j) {
    const double total = totals_[j] + static_cast<double>(step_ - stamps_[j]) * weights_[j];
    averaged[j] = static_cast<float>(total / static_cast<double>(step_));
  }
  return averaged;
}

Tagger Trainer::Quantize(int bits, const std::vector<float>& averaged) {
  Tagger t;
  t.bits_ = std::min(std::max(bits, kMinBits), kMaxBits);
  float max_abs = 0;
  for (float w : averaged) max_abs = std::max(max_abs, std::fabs(w));
  t.scale_ = max_abs > 0 ? max_abs / 127.0f : 1.0f;
  t.weights_.assign(averaged.size() + kRowPadding, 0);
  for (size_t j = 0; j < averaged.size(); ++j) {
    const long q = std::lround(averaged[j] / t.scale_);
    t.weights_[j] = static_cast<int8_t>(std::min(127L, std::max(-127L, q)));
  }
  return t;
}

Tagger Trainer::Model() const { return Quantize(bits_, Averaged()); }

}  // namespace basira::tagger
