// String-keyed hash tables for the analyzer's word look-ups.
//
// Every stage looks words up: the recognizer its phrases and names, the summarizer its terms,
// the tagger its gazetteer and word classes, quotes and facts their cue words. Most look-ups
// miss, and most keys are a few letters. std::unordered_map spends them on a key string built
// for the look-up, a division to pick a bucket and a pointer chase to a node. StringMap instead:
//   - is looked up by a string view: no key is built, nothing is allocated;
//   - keeps every key's characters in one buffer and its slots in one array (open addressing,
//     linear probing, at most half full), so a miss is one hash and usually one slot;
//   - stores each key's 64-bit hash, so a probe compares characters only on a hash match.
//   - seeds its hash once per process (Seed), so that no text can be crafted to pile its words
//     into one run of slots and make every look-up walk it (hash flooding): some tables fill
//     from the input (the summarizer's terms and keyphrases, the analyzer's word forms).
// Keys are compared exactly (callers pass match keys). Values may move when Insert or operator[]
// is called, even for a key already there, so a pointer from Find or Insert is good until the
// next Insert. There is no erase and no iteration, so nothing the analysis outputs depends on
// the seed.
#ifndef BASIRA_SRC_TABLE_TABLE_H_
#define BASIRA_SRC_TABLE_TABLE_H_

#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basira::table {

// This process's hash seed: the clock at first use and an address, mixed. Not a secret worth
// more than that: enough that the slots a text's words fall in cannot be worked out beforehand.
inline uint64_t Seed() {
  static const uint64_t seed = [] {
    static const int anchor = 0;
    uint64_t s = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    s ^= static_cast<uint64_t>(reinterpret_cast<uintptr_t>(&anchor)) << 17;
    s = (s ^ (s >> 31)) * 0x94D049BB133111EBull;
    return s ^ (s >> 29) ^ 0x2545F4914F6CDD1Dull;
  }();
  return seed;
}

// A 64-bit hash of a string's bytes, eight at a time (a multiply and a shift each), seeded.
template <typename Char>
uint64_t Hash(std::basic_string_view<Char> s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size() * sizeof(Char);
  uint64_t h = Seed() ^ (n * kMul);
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    h = (h ^ chunk) * kMul;
    h ^= h >> 29;
  }
  if (n > 0) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, p, n);
    h = (h ^ chunk) * kMul;
    h ^= h >> 29;
  }
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

template <typename Char, typename Value>
class StringMap {
 public:
  using View = std::basic_string_view<Char>;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // The value of `key`, or nullptr.
  const Value* Find(View key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = Hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.size == kEmpty) return nullptr;
      if (s.hash == h && Same(s, key)) return &s.value;
    }
  }
  Value* Find(View key) {
    return const_cast<Value*>(static_cast<const StringMap*>(this)->Find(key));
  }
  bool Contains(View key) const { return Find(key) != nullptr; }

  // Adds key -> value unless the key is there; returns the key's value and whether it was added
  // (as std::unordered_map::emplace does).
  std::pair<Value*, bool> Insert(View key, Value value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t h = Hash(key);
    size_t i = h & mask_;
    for (; slots_[i].size != kEmpty; i = (i + 1) & mask_) {
      if (slots_[i].hash == h && Same(slots_[i], key)) return {&slots_[i].value, false};
    }
    Slot& s = slots_[i];
    s.hash = h;
    s.offset = static_cast<uint32_t>(chars_.size());
    s.size = static_cast<uint32_t>(key.size());
    s.value = std::move(value);
    chars_.append(key.data(), key.size());
    ++size_;
    return {&s.value, true};
  }
  // The key's value, added as Value() when the key is not there.
  Value& operator[](View key) { return *Insert(key, Value()).first; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;
    uint32_t size = kEmpty;
    Value value{};
  };

  bool Same(const Slot& s, View key) const {
    return s.size == key.size() &&
           std::char_traits<Char>::compare(chars_.data() + s.offset, key.data(), key.size()) == 0;
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot());
    mask_ = slots_.size() - 1;
    for (Slot& s : old) {
      if (s.size == kEmpty) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].size != kEmpty) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::basic_string<Char> chars_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// A set of strings: a map whose values say nothing.
template <typename Char>
class StringSet {
 public:
  using View = std::basic_string_view<Char>;
  size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  bool Contains(View key) const { return map_.Contains(key); }
  // Whether the key was added (false: it was there).
  bool Insert(View key) { return map_.Insert(key, true).second; }

 private:
  StringMap<Char, bool> map_;
};

// An index of ids whose keys the caller keeps (the n-grams of a sequence it holds, say): a slot
// is the key's hash and its id, 8 bytes, and no key is copied. The caller hashes a key (Hash)
// and tells whether an id's key is the one looked for (`same`). For tables of hundreds of
// thousands of keys that are already in memory, where a StringMap would store each key twice.
class IdIndex {
 public:
  size_t size() const { return size_; }

  // The id of the key hashed to `hash` for which same(id) holds, and false; or, when there is
  // none, `id` is added for it, and true.
  template <typename Same>
  std::pair<uint32_t, bool> Insert(uint64_t hash, uint32_t id, Same same) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const auto h = static_cast<uint32_t>(hash);
    size_t i = h & mask_;
    for (; slots_[i].id != kEmpty; i = (i + 1) & mask_) {
      if (slots_[i].hash == h && same(slots_[i].id)) return {slots_[i].id, false};
    }
    slots_[i] = Slot{h, id};
    ++size_;
    return {id, true};
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t hash = 0;
    uint32_t id = kEmpty;
  };

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot());
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.id == kEmpty) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].id != kEmpty) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Tables of match keys (UTF-16) and of UTF-8 strings.
template <typename Value>
using KeyMap = StringMap<char16_t, Value>;
using KeySet = StringSet<char16_t>;
template <typename Value>
using Utf8Map = StringMap<char, Value>;

}  // namespace basira::table

#endif  // BASIRA_SRC_TABLE_TABLE_H_
