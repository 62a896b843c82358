// basira_gen_icu_lexicon: the Arabic names that ICU already knows, as reviewable lexicon files.
//
//   basira_gen_icu_lexicon [OUT]                 data/lexicon/icu_places.txt
//   basira_gen_icu_lexicon --currencies [OUT]    data/lexicon/icu_currencies.txt
//   basira_gen_icu_lexicon --umalqura [OUT]      data/facts/umalqura.txt
//
// Writes to stdout, or to OUT when given. Lines are `canonical | variants | latin | TYPE` (variants
// separated by ،), the format of every file in data/lexicon/.
//   places:     every ISO 3166 region (Arabic display name, plus the `ar` short and variant
//               alternates as variants; English name), then the Arabic exemplar city of every
//               canonical time zone (English exemplar city); all LOC.
//   currencies: every ISO 4217 currency with an Arabic name (long name; the plural forms as
//               variants; latin = the ISO code); MISC. Current ones first, then historical ones.
// Each section is sorted by its latin field, and each canonical name appears once per file.
//   umalqura:   ICU's islamic-umalqura calendar as a table, one line per Hijri year 1300..1600
//               (the years ICU's Umm al-Qura data covers): `year | Gregorian date of 1 Muharram |
//               month lengths` (twelve digits, 1 for a 30-day month, 0 for 29), so the facts
//               stage converts Hijri dates without linking ICU's calendars (~0.7 MB of wasm).
//
// Native only, and deliberately NOT linked with basira: it reads the machine's full ICU data
// (Debian's libicu72), not basira's trimmed package, which holds none of these names.
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/ucurr.h>
#include <unicode/ulocdata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace {

struct Entry {
  std::string canonical;
  std::vector<std::string> variants;
  std::string latin;
  std::string type;
};

struct Section {
  std::string title;  // a `#` comment line before the entries
  std::vector<Entry> entries;
};

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string Utf8(const UChar* s, int32_t length) { return Utf8(icu::UnicodeString(s, length)); }

// True when `s` has an Arabic letter and no ASCII letter: ICU falls back to the code or to the
// time-zone ID (Latin) when it has no Arabic name, and such entries are left out.
bool IsArabicName(const std::string& s) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  bool arabic = false;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return false;
    if ((c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) ||
        (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9)) {
      arabic = true;
    }
  }
  return arabic;
}

// A field must not hold the separators of the format.
bool IsCleanField(const std::string& s) {
  return !s.empty() && s.find('|') == std::string::npos && s.find('\n') == std::string::npos &&
         s.find('\r') == std::string::npos && s.front() != '#' && s.front() != ' ' &&
         s.back() != ' ';
}

bool IsCleanVariant(const std::string& s) {
  return IsCleanField(s) && s.find("،") == std::string::npos;
}

// The `ar` region names under `key` ("Countries%short", "Countries%variant"): code -> name.
std::map<std::string, std::string> ArabicRegionAlternates(const char* key) {
  std::map<std::string, std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-region", "ar", &status);
  if (U_FAILURE(status)) return out;
  UResourceBundle* table = ures_getByKey(bundle, key, nullptr, &status);
  if (U_SUCCESS(status)) {
    ures_resetIterator(table);
    while (ures_hasNext(table)) {
      UErrorCode item_status = U_ZERO_ERROR;
      int32_t length = 0;
      const char* code = nullptr;
      const UChar* name = ures_getNextString(table, &length, &code, &item_status);
      if (U_SUCCESS(item_status) && code != nullptr) out[code] = Utf8(name, length);
    }
  }
  ures_close(table);
  ures_close(bundle);
  return out;
}

Section Countries() {
  Section section{"countries and territories (ISO 3166 regions: Locale::getDisplayCountry)", {}};
  const icu::Locale ar("ar"), en("en");
  const auto short_names = ArabicRegionAlternates("Countries%short");
  const auto variant_names = ArabicRegionAlternates("Countries%variant");
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    const icu::Locale region("und", *code);
    icu::UnicodeString arabic, english;
    Entry e;
    e.canonical = Utf8(region.getDisplayCountry(ar, arabic));
    e.latin = Utf8(region.getDisplayCountry(en, english));
    e.type = "LOC";
    if (e.canonical == *code || !IsArabicName(e.canonical)) continue;
    for (const auto* alternates : {&short_names, &variant_names}) {
      const auto it = alternates->find(*code);
      if (it != alternates->end() && IsArabicName(it->second)) e.variants.push_back(it->second);
    }
    section.entries.push_back(std::move(e));
  }
  return section;
}

Section Cities() {
  Section section{"cities (exemplar cities of the canonical time zones: TimeZoneNames)", {}};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> ar(
      icu::TimeZoneNames::createInstance(icu::Locale("ar"), status));
  std::unique_ptr<icu::TimeZoneNames> en(
      icu::TimeZoneNames::createInstance(icu::Locale("en"), status));
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createTimeZoneIDEnumeration(
      UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "basira_gen_icu_lexicon: time zones: %s\n", u_errorName(status));
    std::exit(1);
  }
  std::vector<std::string> ids;
  while (const icu::UnicodeString* id = zones->snext(status)) {
    if (U_FAILURE(status)) break;
    ids.push_back(Utf8(*id));
  }
  std::sort(ids.begin(), ids.end());
  for (const std::string& id : ids) {
    if (id.rfind("Etc/", 0) == 0) continue;
    const icu::UnicodeString uid = icu::UnicodeString::fromUTF8(id);
    icu::UnicodeString arabic, english;
    Entry e;
    e.canonical = Utf8(ar->getExemplarLocationName(uid, arabic));
    e.latin = Utf8(en->getExemplarLocationName(uid, english));
    e.type = "LOC";
    if (!IsArabicName(e.canonical) || e.latin.empty()) continue;
    section.entries.push_back(std::move(e));
  }
  return section;
}

// Currencies whose Arabic long name ICU has; `deprecated` picks historical ones (no longer legal
// tender) or current ones.
Section Currencies(bool deprecated) {
  Section section{deprecated ? "historical currencies (ISO 4217, ucurr_getName)"
                             : "current currencies (ISO 4217, ucurr_getName; plurals as variants)",
                  {}};
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration* codes =
      ucurr_openISOCurrencies(deprecated ? UCURR_DEPRECATED : UCURR_NON_DEPRECATED, &status);
  static const char* const kPluralCounts[] = {"zero", "one", "two", "few", "many", "other"};
  const char* code = nullptr;
  while (U_SUCCESS(status) && (code = uenum_next(codes, nullptr, &status)) != nullptr) {
    UChar ucode[4] = {0};
    u_charsToUChars(code, ucode, 3);
    UErrorCode name_status = U_ZERO_ERROR;
    UBool is_choice = false;
    int32_t length = 0;
    const UChar* name =
        ucurr_getName(ucode, "ar", UCURR_LONG_NAME, &is_choice, &length, &name_status);
    if (U_FAILURE(name_status) || name_status == U_USING_DEFAULT_WARNING) continue;
    Entry e;
    e.canonical = Utf8(name, length);
    e.latin = code;
    e.type = "MISC";
    if (e.canonical == code || !IsArabicName(e.canonical)) continue;
    for (const char* count : kPluralCounts) {
      UErrorCode plural_status = U_ZERO_ERROR;
      const UChar* plural =
          ucurr_getPluralName(ucode, "ar", &is_choice, count, &length, &plural_status);
      if (U_FAILURE(plural_status) || plural_status == U_USING_DEFAULT_WARNING) continue;
      const std::string p = Utf8(plural, length);
      if (IsArabicName(p)) e.variants.push_back(p);
    }
    section.entries.push_back(std::move(e));
  }
  uenum_close(codes);
  return section;
}

// Sorts each section by latin (then canonical) and keeps each name once per file: an entry whose
// canonical name an earlier section already has (as a canonical name or a variant) is dropped, and
// so is a variant that repeats any kept canonical name or an earlier variant. So a country's short
// name (هونغ كونغ) stays its variant rather than becoming a city of its own.
void Normalize(std::vector<Section>& sections) {
  std::set<std::string> claimed;
  for (Section& section : sections) {
    std::stable_sort(section.entries.begin(), section.entries.end(),
                     [](const Entry& a, const Entry& b) {
                       return a.latin != b.latin ? a.latin < b.latin : a.canonical < b.canonical;
                     });
    std::set<std::string> canonicals;
    std::vector<Entry> kept;
    for (Entry& e : section.entries) {
      if (!IsCleanField(e.canonical) || !IsCleanField(e.latin)) {
        std::fprintf(stderr, "basira_gen_icu_lexicon: skipped unusable name \"%s\" (%s)\n",
                     e.canonical.c_str(), e.latin.c_str());
        continue;
      }
      if (claimed.count(e.canonical) || !canonicals.insert(e.canonical).second) continue;
      kept.push_back(std::move(e));
    }
    claimed.insert(canonicals.begin(), canonicals.end());
    for (Entry& e : kept) {
      std::vector<std::string> variants;
      for (std::string& v : e.variants) {
        if (IsCleanVariant(v) && claimed.insert(v).second) variants.push_back(std::move(v));
      }
      e.variants = std::move(variants);
    }
    section.entries = std::move(kept);
  }
}

std::string Render(const std::string& regenerate, std::vector<Section> sections) {
  Normalize(sections);
  UVersionInfo icu_version, cldr_version;
  u_getVersion(icu_version);
  UErrorCode status = U_ZERO_ERROR;
  ulocdata_getCLDRVersion(cldr_version, &status);
  char icu[U_MAX_VERSION_STRING_LENGTH], cldr[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu_version, icu);
  u_versionToString(cldr_version, cldr);

  std::string out = "# Generated by basira_gen_icu_lexicon from ICU " + std::string(icu) +
                    " (CLDR " + cldr + "): do not edit; regenerate with: " + regenerate + "\n";
  out += "# Format: canonical | variants (separated by ،) | Latin name | TYPE\n";
  for (const Section& section : sections) {
    out += "\n# " + section.title + ": " + std::to_string(section.entries.size()) + "\n";
    for (const Entry& e : section.entries) {
      out += e.canonical + " | ";
      for (size_t i = 0; i < e.variants.size(); ++i) out += (i ? "، " : "") + e.variants[i];
      out += (e.variants.empty() ? "| " : " | ") + e.latin + " | " + e.type + "\n";
    }
  }
  return out;
}

std::string UmmAlQura(const std::string& regenerate) {
  UVersionInfo icu_version;
  u_getVersion(icu_version);
  char icu[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu_version, icu);
  std::string out = "# Generated by basira_gen_icu_lexicon from ICU " + std::string(icu) +
                    " (calendar islamic-umalqura): do not edit; regenerate with: " + regenerate +
                    "\n# Format: Hijri year | Gregorian date of 1 Muharram | month lengths "
                    "(Muharram first; 1 = 30 days, 0 = 29)\n";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("ar@calendar=islamic-umalqura"), status));
  std::unique_ptr<icu::Calendar> gregorian(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=gregorian"), status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "basira_gen_icu_lexicon: no islamic-umalqura calendar: %s\n",
                 u_errorName(status));
    std::exit(1);
  }
  for (int year = 1300; year <= 1600; ++year) {
    cal->clear();
    cal->set(year, 0, 1);
    gregorian->setTime(cal->getTime(status), status);
    char line[64];
    std::snprintf(line, sizeof line, "%d | %04d-%02d-%02d | ", year,
                  gregorian->get(UCAL_YEAR, status), gregorian->get(UCAL_MONTH, status) + 1,
                  gregorian->get(UCAL_DATE, status));
    out += line;
    for (int month = 0; month < 12; ++month) {
      cal->clear();
      cal->set(year, month, 1);
      out += cal->getActualMaximum(UCAL_DATE, status) == 30 ? '1' : '0';
    }
    out += '\n';
  }
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "basira_gen_icu_lexicon: %s\n", u_errorName(status));
    std::exit(1);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  bool currencies = false, umalqura = false;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--currencies") == 0) {
      currencies = true;
    } else if (std::strcmp(argv[i], "--umalqura") == 0) {
      umalqura = true;
    } else if (argv[i][0] == '-' || path != nullptr) {
      std::fprintf(stderr, "usage: basira_gen_icu_lexicon [--currencies | --umalqura] [OUT]\n");
      return 2;
    } else {
      path = argv[i];
    }
  }
  const std::string text =
      umalqura ? UmmAlQura(
                     "build/native/basira_gen_icu_lexicon --umalqura > "
                     "data/facts/umalqura.txt")
      : currencies ? Render(
                         "build/native/basira_gen_icu_lexicon --currencies > "
                         "data/lexicon/icu_currencies.txt",
                         {Currencies(false), Currencies(true)})
                   : Render("build/native/basira_gen_icu_lexicon > data/lexicon/icu_places.txt",
                            {Countries(), Cities()});
  FILE* out = path != nullptr ? std::fopen(path, "wb") : stdout;
  if (out == nullptr) {
    std::perror(path);
    return 1;
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  if ((path != nullptr ? std::fclose(out) : std::fflush(out)) != 0 || !ok) {
    std::perror(path != nullptr ? path : "stdout");
    return 1;
  }
  return 0;
}
