// Tolerant comparison of learner answers with a script's accepted answers, and language names.
#include <algorithm>
#include <array>
#include <vector>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "llm/internal.h"

namespace voki::llm::detail {
namespace {

constexpr std::size_t kMaxCompared = 2000;  // bytes; longer learner text is cut before comparing

std::vector<UChar32> code_points(std::string_view text) {
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(std::min(text.size(), kMaxCompared))));
  std::vector<UChar32> out;
  out.reserve(static_cast<std::size_t>(unicode.length()));
  for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) out.push_back(unicode.char32At(i));
  return out;
}

std::vector<std::string> split_words(const std::string& normalised) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < normalised.size()) {
    const std::size_t end = std::min(normalised.find(' ', pos), normalised.size());
    if (end > pos) words.push_back(normalised.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

// Short function words that do not make an answer right on their own.
bool is_function_word(const std::string& word) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "jeg", "du",  "han", "hun", "vi",  "dere", "de",  "meg", "deg", "seg",  "er",   "var", "har", "en",
      "ei",  "et",  "og",  "i",   "på",  "å",    "til", "fra", "med", "for",  "av",   "om",  "det", "den",
      "som", "at",  "men", "så",  "min", "mitt", "mi",  "mine", "ikke", "eg", "ein", "eit"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

std::size_t length_in_code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool close_enough(const std::string& learner, const std::string& accepted) {
  const std::size_t length = length_in_code_points(accepted);
  const std::size_t allowed = length < 4 ? 0 : (length <= 10 ? 1 : 2);
  return edit_distance(learner, accepted) <= allowed;
}

}  // namespace

std::string normalise_answer(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(std::min(text.size(), kMaxCompared))));
  if (const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status); U_SUCCESS(status)) {
    icu::UnicodeString composed = nfc->normalize(unicode, status);
    if (U_SUCCESS(status)) unicode = composed;
  }
  unicode.foldCase();
  icu::UnicodeString cleaned;
  bool pending_space = false;
  for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) {
    const UChar32 c = unicode.char32At(i);
    if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) {  // marks: combining accents
      if (pending_space && !cleaned.isEmpty()) cleaned.append(static_cast<UChar>(' '));
      pending_space = false;
      cleaned.append(c);
    } else if (c == '\'' || c == 0x2019) {
      // "I'm" / "i'm": apostrophes join, they do not separate
    } else {
      pending_space = true;
    }
  }
  std::string out;
  cleaned.toUTF8String(out);
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::vector<UChar32> x = code_points(a);
  const std::vector<UChar32> y = code_points(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

bool answer_matches(std::string_view learner_text, std::string_view accepted_text) {
  const std::string learner = normalise_answer(learner_text);
  if (learner.empty()) return false;
  if (accepted_text == "*") return true;
  const std::string accepted = normalise_answer(accepted_text);
  if (accepted.empty()) return false;
  if (learner == accepted || close_enough(learner, accepted)) return true;

  // Key words: every content word of the accepted answer appears (with a small slip allowed) in
  // the learner's answer, e.g. "Jeg heter Amina" accepts "Hei! Jeg heter Amina, og du?".
  std::vector<std::string> key_words;
  for (std::string& word : split_words(accepted)) {
    if (!is_function_word(word)) key_words.push_back(std::move(word));
  }
  if (key_words.empty()) return false;
  const std::vector<std::string> learner_words = split_words(learner);
  return std::all_of(key_words.begin(), key_words.end(), [&](const std::string& key) {
    return std::any_of(learner_words.begin(), learner_words.end(),
                       [&](const std::string& word) { return close_enough(word, key); });
  });
}

bool is_language_code(const std::string& code) {
  return !code.empty() && code.size() <= 16 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
  });
}

std::string language_name_norwegian(const std::string& code) {
  if (!is_language_code(code)) return {};
  const icu::Locale locale(code.c_str());
  icu::UnicodeString name;
  locale.getDisplayLanguage(icu::Locale("nb"), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? code : out;
}

std::string language_name_for_prompt(const std::string& code) {
  if (!is_language_code(code)) return {};
  const icu::Locale locale(code.c_str());
  icu::UnicodeString english;
  locale.getDisplayLanguage(icu::Locale("en"), english);
  std::string english_utf8;
  english.toUTF8String(english_utf8);
  const std::string norwegian = language_name_norwegian(code);
  if (english_utf8.empty() || english_utf8 == norwegian) return norwegian;
  return norwegian + " (" + english_utf8 + ")";
}

}  // namespace voki::llm::detail
