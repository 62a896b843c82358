// table: string maps and sets found by a view of any string, equal to what a std::unordered_map
// of the same keys would say.
#include "table/table.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace basira::table {
namespace {

TEST(TableTest, FindsWhatWasInsertedAndNothingElse) {
  KeyMap<int> map;
  EXPECT_EQ(map.Find(u"روسيا"), nullptr);
  EXPECT_TRUE(map.Insert(u"روسيا", 1).second);
  EXPECT_TRUE(map.Insert(u"روسي", 2).second);
  EXPECT_TRUE(map.Insert(u"", 3).second);
  ASSERT_NE(map.Find(u"روسيا"), nullptr);
  EXPECT_EQ(*map.Find(u"روسيا"), 1);
  EXPECT_EQ(*map.Find(u"روسي"), 2);
  EXPECT_EQ(*map.Find(u""), 3);
  EXPECT_EQ(map.Find(u"روس"), nullptr);
  EXPECT_EQ(map.Find(u"روسياا"), nullptr);
  EXPECT_EQ(map.size(), 3u);
}

TEST(TableTest, InsertKeepsTheFirstValueAsEmplaceDoes) {
  Utf8Map<int> map;
  EXPECT_TRUE(map.Insert("kim", 1).second);
  const auto again = map.Insert("kim", 2);
  EXPECT_FALSE(again.second);
  EXPECT_EQ(*again.first, 1);
  map["kim"] += 5;
  map["jong"] += 7;  // added as 0 first
  EXPECT_EQ(*map.Find("kim"), 6);
  EXPECT_EQ(*map.Find("jong"), 7);
  EXPECT_EQ(map.size(), 2u);
}

TEST(TableTest, LooksUpByAViewIntoALongerString) {
  KeySet set;
  set.Insert(u"بيونغ يانغ");
  const std::u16string text = u"وبيونغ يانغ اليوم";
  EXPECT_TRUE(set.Contains(std::u16string_view(text).substr(1, 10)));
  EXPECT_FALSE(set.Contains(std::u16string_view(text).substr(0, 11)));
  EXPECT_FALSE(set.Insert(u"بيونغ يانغ"));
}

// Many keys, with the table growing under them: every answer equals std::unordered_map's.
TEST(TableTest, AgreesWithUnorderedMapOnManyKeys) {
  std::mt19937 random(7);
  std::unordered_map<std::u16string, int> reference;
  KeyMap<int> map;
  auto word = [&random] {
    std::u16string w(1 + random() % 12, u' ');
    for (char16_t& c : w) c = static_cast<char16_t>(0x0621 + random() % 8);  // few letters: clashes
    return w;
  };
  for (int i = 0; i < 20000; ++i) {
    const std::u16string w = word();
    EXPECT_EQ(map.Insert(w, i).second, reference.emplace(w, i).second) << i;
  }
  EXPECT_EQ(map.size(), reference.size());
  for (int i = 0; i < 20000; ++i) {
    const std::u16string w = word();
    const auto it = reference.find(w);
    const int* found = map.Find(w);
    ASSERT_EQ(found != nullptr, it != reference.end()) << i;
    if (found != nullptr) EXPECT_EQ(*found, it->second);
  }
}

// IdIndex over the bigrams of a sequence the test keeps: each bigram's id is the position of its
// first occurrence, as a std::map from the bigram says; with real hashes and with every key on
// one hash (all probing, every match decided by `same`).
TEST(TableTest, IdIndexGivesEachKeyTheIdItWasFirstAddedWith) {
  std::mt19937 random(11);
  std::vector<int32_t> seq(30000);
  for (int32_t& t : seq) t = static_cast<int32_t>(random() % 60);
  for (const bool one_hash : {false, true}) {
    const size_t n = one_hash ? 3000 : seq.size() - 1;
    IdIndex index;
    std::map<std::pair<int32_t, int32_t>, uint32_t> reference;
    for (size_t i = 0; i < n; ++i) {
      const std::string_view bytes(reinterpret_cast<const char*>(&seq[i]), 2 * sizeof(int32_t));
      const uint64_t hash = one_hash ? 0 : Hash(bytes);
      const auto [id, added] = index.Insert(hash, static_cast<uint32_t>(i), [&](uint32_t at) {
        return seq[at] == seq[i] && seq[at + 1] == seq[i + 1];
      });
      const auto [it, ref_added] =
          reference.emplace(std::make_pair(seq[i], seq[i + 1]), static_cast<uint32_t>(i));
      ASSERT_EQ(added, ref_added) << i;
      ASSERT_EQ(id, it->second) << i;
    }
    EXPECT_EQ(index.size(), reference.size());
  }
}

}  // namespace
}  // namespace basira::table
