// The UI languages Voki speaks and the server's own messages to learners in each of them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace voki::i18n {

struct Language {
  std::string_view code;         // nb, nn, en, ar, uk, so, ti, prs, pl, tr
  std::string_view native_name;  // in its own script
  std::string_view norwegian_name;  // for prompts: "arabisk"
  std::string_view english_name;
  bool rtl;
  bool full_support;  // false: translations are weaker (we say so in the UI)
};

const std::vector<Language>& languages();
const Language* find_language(std::string_view code);
bool is_supported(std::string_view code);

// A server message for the learner, by key (see i18n.cpp), in `lang` with fallback to English
// then Bokmål. Unknown keys return the key itself.
std::string_view message(std::string_view key, std::string_view lang);

// Phrases stored as the learner's turn when they pick a quick choice ("simpler", "more",
// "my_language"), in Norwegian, since the learner practises Norwegian.
std::string_view quick_choice_text(std::string_view quick);

}  // namespace voki::i18n
