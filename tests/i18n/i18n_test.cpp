// UI languages and the server's messages to learners.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "i18n/i18n.h"

namespace voki::i18n {
namespace {

const std::vector<std::string_view> kExpectedCodes = {"nb", "nn", "en", "ar", "uk",
                                                      "so", "ti", "prs", "pl", "tr"};

// Every key the API passes to message() (src/api/api.cpp, error() helper and direct calls).
const std::vector<std::string_view> kMessageKeys = {
    "unknown_code", "unauthenticated", "not_found", "empty_message", "too_long",
    "bad_request",  "model_unavailable", "no_model", "busy",        "internal", "too_many_attempts",
};

TEST(Languages, TheTenPlannedLanguagesInOrder) {
  std::vector<std::string_view> codes;
  for (const auto& l : languages()) codes.push_back(l.code);
  EXPECT_EQ(codes, kExpectedCodes);
}

TEST(Languages, CodesAndNamesAreUniqueAndFilled) {
  std::set<std::string_view> codes, native, norwegian, english;
  for (const auto& l : languages()) {
    EXPECT_TRUE(codes.insert(l.code).second) << "duplicate code " << l.code;
    EXPECT_TRUE(native.insert(l.native_name).second) << l.code;
    EXPECT_TRUE(norwegian.insert(l.norwegian_name).second) << l.code;
    EXPECT_TRUE(english.insert(l.english_name).second) << l.code;
    EXPECT_FALSE(l.native_name.empty()) << l.code;
    EXPECT_FALSE(l.norwegian_name.empty()) << l.code;
    EXPECT_FALSE(l.english_name.empty()) << l.code;
  }
}

TEST(Languages, OnlyArabicAndDariAreRightToLeft) {
  for (const auto& l : languages()) {
    const bool expected_rtl = l.code == "ar" || l.code == "prs";
    EXPECT_EQ(l.rtl, expected_rtl) << l.code;
  }
}

TEST(Languages, SmallLanguagesAreMarkedWeaker) {
  // The UI must be honest that Somali, Tigrinya and Dari are less well supported.
  for (std::string_view code : {"so", "ti", "prs"}) EXPECT_FALSE(find_language(code)->full_support) << code;
  for (std::string_view code : {"nb", "nn", "en"}) EXPECT_TRUE(find_language(code)->full_support) << code;
}

TEST(Languages, FindAndIsSupported) {
  for (auto code : kExpectedCodes) {
    const Language* l = find_language(code);
    ASSERT_NE(l, nullptr) << code;
    EXPECT_EQ(l->code, code);
    EXPECT_TRUE(is_supported(code));
  }
  EXPECT_EQ(find_language("ar")->english_name, "Arabic");
  EXPECT_EQ(find_language("prs")->norwegian_name, "dari");
  for (std::string_view bad : {"", "NB", "no", "fa", "en-GB", "nb ", "x"}) {
    EXPECT_EQ(find_language(bad), nullptr) << "'" << bad << "'";
    EXPECT_FALSE(is_supported(bad)) << "'" << bad << "'";
  }
}

// Each key has its own text in every language: no language falls back to English.
TEST(Messages, EveryKeyHasOwnTextInEveryLanguage) {
  for (auto key : kMessageKeys) {
    const std::string_view english = message(key, "en");
    EXPECT_NE(english, key) << key << " has no English text";
    for (const auto& l : languages()) {
      const std::string_view text = message(key, l.code);
      EXPECT_FALSE(text.empty()) << key << " / " << l.code;
      EXPECT_NE(text, key) << key << " / " << l.code;
      // No message is identical to English by nature (none is a name or a number), so sameness
      // means a missing translation.
      if (l.code != "en") {
        EXPECT_NE(text, english) << key << " / " << l.code << " is the English text";
      }
    }
    EXPECT_NE(message(key, "nb"), message(key, "nn")) << key << ": Nynorsk should not be Bokmål";
  }
}

TEST(Messages, TextsAreInTheRightScript) {
  // A cheap check that texts were not pasted into the wrong language: the Arabic-script
  // languages start with Arabic letters (U+0600..U+06FF: UTF-8 lead byte 0xD8..0xDB), Tigrinya
  // with Ethiopic (U+1200..U+137F: E1 88..E1 8D), Ukrainian with Cyrillic (0xD0 / 0xD1).
  for (auto key : kMessageKeys) {
    auto lead = [&](std::string_view lang) { return static_cast<unsigned char>(message(key, lang)[0]); };
    for (std::string_view lang : {"ar", "prs"}) EXPECT_TRUE(lead(lang) >= 0xD8 && lead(lang) <= 0xDB) << key << lang;
    EXPECT_EQ(lead("ti"), 0xE1) << key;
    EXPECT_TRUE(lead("uk") == 0xD0 || lead("uk") == 0xD1) << key;
    EXPECT_LT(lead("en"), 0x80) << key;
  }
}

TEST(Messages, KnownTexts) {
  EXPECT_EQ(message("unauthenticated", "en"), "Please join a class first.");
  EXPECT_EQ(message("not_found", "nn"), "Vi fann ikkje dette.");
  EXPECT_EQ(message("empty_message", "nb"), "Skriv noe først.");
}

TEST(Messages, UnknownKeyReturnsTheKey) {
  EXPECT_EQ(message("no_such_key", "en"), "no_such_key");
  EXPECT_EQ(message("no_such_key", "ar"), "no_such_key");
  EXPECT_EQ(message("", "nb"), "");
  EXPECT_EQ(message("Busy", "en"), "Busy");  // keys are case sensitive
}

TEST(Messages, UnknownLanguageFallsBackToEnglish) {
  for (auto key : kMessageKeys) {
    for (std::string_view lang : {"", "xx", "EN", "fa", "nb-NO"})
      EXPECT_EQ(message(key, lang), message(key, "en")) << key << " / '" << lang << "'";
  }
}

TEST(QuickChoices, NorwegianPhrases) {
  EXPECT_EQ(quick_choice_text("simpler"), "Kan du si det enklere?");
  EXPECT_EQ(quick_choice_text("more"), "Kan du si mer?");
  EXPECT_EQ(quick_choice_text("my_language"), "Kan du forklare det på mitt språk?");
}

TEST(QuickChoices, UnknownChoiceIsEmpty) {
  EXPECT_TRUE(quick_choice_text("").empty());
  EXPECT_TRUE(quick_choice_text("Simpler").empty());
  EXPECT_TRUE(quick_choice_text("harder").empty());
  EXPECT_TRUE(quick_choice_text("my language").empty());
}

}  // namespace
}  // namespace voki::i18n
