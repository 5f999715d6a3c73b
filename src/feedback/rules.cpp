#include "feedback/rules.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace voki::feedback {

void RuleContext::add(const char* rule, const char* code, std::size_t start, std::size_t end,
                      std::vector<std::string> suggestions, double confidence) const {
  Finding f;
  f.start = start;
  f.end = end;
  f.code = code;
  f.rule = rule;
  f.suggestions = std::move(suggestions);
  f.confidence = confidence;
  findings.push_back(std::move(f));
}

namespace {

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); });
}
bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Is word i the first word of a sentence (only punctuation such as quotes before it)?
bool sentence_initial(const Sentence& s, std::size_t i) {
  for (std::size_t j = 0; j < i; ++j) {
    const auto& w = s.words[j];
    if (!w.punct) return false;
  }
  return true;
}

}  // namespace

// ORT: a word neither hunspell nor the Apertium analyser knows. Proper nouns (capitalised inside a
// sentence) and words with digits are left alone.
void rule_spelling(const RuleContext& c) {
  const auto& words = c.sentence.words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.punct || !has_letter(w.text) || has_digit(w.text)) continue;
    // Known as a word of the dictionary; a compound only the analyser's free decomposition finds
    // ("omsterke" = om+sterke) is not proof enough: then hunspell decides.
    const bool lexical = !w.unknown && std::any_of(w.readings.begin(), w.readings.end(),
                                                   [](const Reading& r) { return !r.compound; });
    if (lexical) continue;
    if (w.capitalised && !sentence_initial(c.sentence, i)) continue;
    if (c.worker.spelled_right(w.text)) continue;
    if (w.capitalised && c.worker.spelled_right(w.lower)) continue;
    auto suggestions = c.worker.suggest(w.text);
    if (suggestions.size() > 3) suggestions.resize(3);
    c.add("spelling", "ORT", w.start, w.end, std::move(suggestions), 0.8);
  }
}

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> rules = {
      {"spelling", rule_spelling},
  };
  return rules;
}

}  // namespace voki::feedback
