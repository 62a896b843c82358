#include "tagger/tagger.h"

#include <unicode/utf16.h>

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
constexpr uint32_t kVersion = 2;  // 2: int8 weights (1 had int16)
constexpr int kMinBits = 4;
constexpr int kMaxBits = 24;
constexpr size_t kAffixes = 4;

const char* const kLabelNames[kNumLabels] = {"O",     "B-PER", "I-PER",  "B-LOC", "I-LOC",
                                             "B-ORG", "I-ORG", "B-MISC", "I-MISC"};
const char* const kTypeNames[kNumTypes] = {"PER", "LOC", "ORG", "MISC"};

constexpr uint32_t kFnvBasis = 2166136261u;

uint32_t Fnv1a(std::string_view s, uint32_t h = kFnvBasis) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

// A feature is the concatenation of its parts; FNV-1a over the parts one after another is the
// hash of the concatenated string, so hashing never builds the string.
using Parts = std::initializer_list<std::string_view>;

uint32_t HashParts(Parts parts) {
  uint32_t h = kFnvBasis;
  for (std::string_view p : parts) h = Fnv1a(p, h);
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

// The UTF-8 match key of text[span] (no offset map: the tagger only needs the key).
std::string KeyUtf8(const icu::UnicodeString& text, Span span) {
  std::string out;
  if (span.length() <= 0) return out;
  const std::u16string key = normalize::Key(std::u16string_view(
      reinterpret_cast<const char16_t*>(text.getBuffer()) + span.start, span.length()));
  AppendUtf8(key, &out);
  return out;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += IsContinuationByte(c) ? 0 : 1;
  return n;
}

// The first k code points of s (all of s when it has fewer).
std::string_view FirstCodePoints(std::string_view s, size_t k) {
  size_t i = 0;
  for (size_t seen = 0; i < s.size(); ++i) {
    if (!IsContinuationByte(s[i]) && seen++ == k) break;
  }
  return s.substr(0, i);
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

const char* LengthBucket(std::string_view stem) {
  static const char* const kSmall[] = {"0", "1", "2", "3", "4"};
  const size_t n = CodePointCount(stem);
  if (n <= 4) return kSmall[n];
  if (n <= 6) return "5-6";
  return "7+";
}

// A word class as text in `buffer` (8 chars): its number; "-" for none (-1), "<>" beyond the
// sentence (-2).
std::string_view ClusterText(int cluster, char* buffer) {
  if (cluster < 0) return cluster == -1 ? "-" : "<>";
  int n = 0;
  char digits[8];
  do {
    digits[n++] = static_cast<char>('0' + cluster % 10);
    cluster /= 10;
  } while (cluster > 0 && n < 7);
  for (int k = 0; k < n; ++k) buffer[k] = digits[n - 1 - k];
  return std::string_view(buffer, static_cast<size_t>(n));
}

const std::string& KeyAt(const std::vector<TokenInput>& t, long i, bool stem) {
  static const std::string kBefore = "<s>", kAfter = "</s>";
  if (i < 0) return kBefore;
  if (i >= static_cast<long>(t.size())) return kAfter;
  return stem ? t[i].stem : t[i].key;
}

// Calls emit(Parts) once for every label-independent feature of token i; a feature's string is
// its parts concatenated. StaticFeatures and the hashed rows both come from here, so they can
// never disagree.
template <typename Emit>
void ForEachStaticFeature(const std::vector<TokenInput>& tokens, size_t i, Emit&& emit) {
  static const char* const kPrefix[] = {"p1=", "p2=", "p3=", "p4="};
  static const char* const kSuffix[] = {"x1=", "x2=", "x3=", "x4="};
  static const char* const kWordAt[] = {"w-2=", "w-1=", "w+1=", "w+2="};
  static const char* const kStemAt[] = {"s-2=", "s-1=", "s+1=", "s+2="};
  static const long kOffsets[] = {-2, -1, 1, 2};
  const TokenInput& t = tokens[i];
  const long n = static_cast<long>(i);
  emit(Parts{"b"});
  emit(Parts{"w=", t.key});
  emit(Parts{"s=", t.stem});
  const size_t letters = CodePointCount(t.stem);
  for (size_t k = 1; k <= kAffixes && k <= letters; ++k) {
    emit(Parts{kPrefix[k - 1], FirstCodePoints(t.stem, k)});
    emit(Parts{kSuffix[k - 1], LastCodePoints(t.stem, k)});
  }
  emit(Parts{"pc=", t.proclitics});
  emit(Parts{t.enclitic ? "en=1" : "en=0"});
  emit(Parts{"sh=", Shape(t.key)});
  emit(Parts{"k=", TokenKindName(t.kind)});
  emit(Parts{"ln=", LengthBucket(t.stem)});
  for (int d = 0; d < 4; ++d) {
    emit(Parts{kWordAt[d], KeyAt(tokens, n + kOffsets[d], false)});
    emit(Parts{kStemAt[d], KeyAt(tokens, n + kOffsets[d], true)});
  }
  for (long d : {-1L, 1L}) {
    const std::string& s = KeyAt(tokens, n + d, true);
    if (CodePointCount(s) > 2) emit(Parts{d < 0 ? "x2-1=" : "x2+1=", LastCodePoints(s, 2)});
  }
  emit(Parts{"s-1s+1=", KeyAt(tokens, n - 1, true), "|", KeyAt(tokens, n + 1, true)});
  emit(Parts{"s-1s0=", KeyAt(tokens, n - 1, true), "|", t.stem});
  emit(Parts{"s0s+1=", t.stem, "|", KeyAt(tokens, n + 1, true)});
  for (const std::string& x : t.lexicon) emit(Parts{"lx=", x});
  if (i >= 1) {
    for (const std::string& x : tokens[i - 1].lexicon) emit(Parts{"lx-1=", x});
  }
  if (i + 1 < tokens.size()) {
    for (const std::string& x : tokens[i + 1].lexicon) emit(Parts{"lx+1=", x});
  }
  // Word classes: the token's and its neighbours' at -1 and +1, and the pairs with them.
  static const char* const kClusterAt[kMaxClusterings][5] = {
      {"c0=", "c0-1=", "c0+1=", "c0-1|", "c0+1|"},
      {"c1=", "c1-1=", "c1+1=", "c1-1|", "c1+1|"},
      {"c2=", "c2-1=", "c2+1=", "c2-1|", "c2+1|"}};
  for (int j = 0; j < kMaxClusterings; ++j) {
    const int here = t.cluster[j];
    const int before = i >= 1 ? tokens[i - 1].cluster[j] : -2;
    const int after = i + 1 < tokens.size() ? tokens[i + 1].cluster[j] : -2;
    if (here < 0 && before < 0 && after < 0) continue;  // no classes around (or none loaded)
    char h[8], b[8], a[8];
    const std::string_view hs = ClusterText(here, h), bs = ClusterText(before, b),
                           as = ClusterText(after, a);
    if (here >= 0) emit(Parts{kClusterAt[j][0], hs});
    emit(Parts{kClusterAt[j][1], bs});
    emit(Parts{kClusterAt[j][2], as});
    emit(Parts{kClusterAt[j][3], bs, "|", hs});
    emit(Parts{kClusterAt[j][4], hs, "|", as});
  }
}

// Rows of the static features of every token.
std::vector<std::vector<uint32_t>> StaticRows(const std::vector<TokenInput>& tokens,
                                              uint32_t mask) {
  std::vector<std::vector<uint32_t>> rows(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    ForEachStaticFeature(tokens, i,
                         [&](Parts parts) { rows[i].push_back(HashParts(parts) & mask); });
  }
  return rows;
}

// Appends the rows of the label-dependent features of token i given the labels before it.
void DynamicRows(const std::vector<TokenInput>& tokens, size_t i, const std::vector<int>& labels,
                 uint32_t mask, std::vector<uint32_t>* rows) {
  const char* p1 = i >= 1 ? kLabelNames[labels[i - 1]] : "<s>";
  const char* p2 = i >= 2 ? kLabelNames[labels[i - 2]] : "<s>";
  rows->push_back(HashParts({"t1=", p1}) & mask);
  rows->push_back(HashParts({"t2=", p2, "|", p1}) & mask);
  rows->push_back(HashParts({"t1s=", p1, "|", tokens[i].stem}) & mask);
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
  TokenInput t;
  t.span = span;
  t.kind = kind;
  t.key = KeyUtf8(text, span);
  t.name_start = analysis.stem.start;
  t.stem = KeyUtf8(text, analysis.stem);
  if (t.stem.empty()) t.stem = t.key;
  std::string previous;
  bool article_seen = false;
  for (const Span& p : analysis.proclitics) {
    const std::string k = KeyUtf8(text, p);
    if (!t.proclitics.empty()) t.proclitics += '+';
    t.proclitics += k;
    // The article (ال, or the ل of للقاهرة after the preposition ل) stays inside a name.
    const bool article = k == "\u0627\u0644" || (k == "\u0644" && previous == "\u0644");
    if (article && !article_seen) {
      article_seen = true;
      t.name_start = p.start;
    }
    previous = k;
  }
  if (analysis.proclitics.empty()) t.name_start = span.start;
  t.enclitic = !analysis.enclitics.empty();
  return t;
}

std::vector<std::string> StaticFeatures(const std::vector<TokenInput>& tokens, size_t i) {
  std::vector<std::string> f;
  ForEachStaticFeature(tokens, i, [&f](Parts parts) {
    std::string s;
    for (std::string_view p : parts) s += p;
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
  weights_.clear();
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
  if (size - pos != count) return Invalid("weight table has the wrong size");
  weights_.resize(count);
  for (size_t i = 0; i < count; ++i) {
    weights_[i] = static_cast<int8_t>(data[pos + i]);
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
  out.reserve(out.size() + weights_.size());
  for (int8_t w : weights_) out.push_back(static_cast<char>(w));
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
  for (size_t i = 0; i < tokens.size(); ++i) {
    rows.clear();
    ForEachStaticFeature(tokens, i, [&](Parts parts) {
      const uint32_t row = HashParts(parts) & mask;
#if defined(__GNUC__) && !defined(__EMSCRIPTEN__)
      __builtin_prefetch(table + static_cast<size_t>(row) * kNumLabels);
#endif
      rows.push_back(row);
    });
    DynamicRows(tokens, i, labels, mask, &rows);
    int32_t scores[kNumLabels] = {};
    for (uint32_t row : rows) {
      const int8_t* w = table + static_cast<size_t>(row) * kNumLabels;
      for (int l = 0; l < kNumLabels; ++l) scores[l] += w[l];
    }
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
  for (uint32_t r : rows) {
    const size_t j = static_cast<size_t>(r) * kNumLabels + label;
    totals_[j] += static_cast<double>(step_ - stamps_[j]) * weights_[j];
    stamps_[j] = step_;
    weights_[j] += delta;
  }
}

int Trainer::TrainSentence(const std::vector<TokenInput>& tokens, const std::vector<int>& gold) {
  const std::vector<std::vector<uint32_t>> statics = StaticRows(tokens, mask_);
  std::vector<int> labels(tokens.size(), 0);
  std::vector<uint32_t> rows;
  int mistakes = 0;
  for (size_t i = 0; i < tokens.size() && i < gold.size(); ++i) {
    rows = statics[i];
    DynamicRows(tokens, i, labels, mask_, &rows);
    float scores[kNumLabels] = {};
    for (uint32_t r : rows) {
      const float* w = &weights_[static_cast<size_t>(r) * kNumLabels];
      for (int l = 0; l < kNumLabels; ++l) scores[l] += w[l];
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
  t.weights_.resize(averaged.size());
  for (size_t j = 0; j < averaged.size(); ++j) {
    const long q = std::lround(averaged[j] / t.scale_);
    t.weights_[j] = static_cast<int8_t>(std::min(127L, std::max(-127L, q)));
  }
  return t;
}

Tagger Trainer::Model() const { return Quantize(bits_, Averaged()); }

}  // namespace basira::tagger
