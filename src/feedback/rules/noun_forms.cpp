// INFL: the definite ending of the noun's own gender: "kulturet" → "kulturen", "kostholden" →
// "kostholdet". Only for words the analyser does not know, so real words ("huset", "bruket")
// are never touched.
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

void rule_noun_gender_ending(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (!w.unknown || w.punct || has_digit(w.text) || (w.capitalised && i != first_word(s))) continue;
    if (w.text.find_first_of("- '") != std::string::npos || count_code_points(w.lower) < 6) continue;
    const bool neuter_ending = w.lower.ends_with("et");
    if (!neuter_ending && !w.lower.ends_with("en")) continue;
    const std::string stem = w.lower.substr(0, w.lower.size() - 2);
    std::vector<Reading> nouns;
    bool other = false;
    for (auto& r : c.worker.lookup(stem)) {
      if (r.has("compound-only-L") || r.has("cmp")) continue;
      if (!r.has("n")) other = true;
      else if (r.has("sg") && r.has("ind") && !r.has("gen")) nouns.push_back(std::move(r));
    }
    // The stem is a noun of the other gender only: "kultur" is masculine, "kosthold" neuter.
    if (other || nouns.empty()) continue;
    if (!std::all_of(nouns.begin(), nouns.end(), [&](const Reading& r) { return neuter_ending ? !r.has("nt") : r.has("nt"); }))
      continue;
    Word stem_word = w;
    stem_word.lower = stem;
    stem_word.readings = nouns;
    auto form = regenerate(c.worker, stem_word, [](const Reading& r) { return r.has("n"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"ind"}, "def"); });
    if (form.empty() || to_lower(form) == w.lower) continue;
    c.add("noun-gender-ending", "INFL", w.start, w.end, {like(w, to_lower(form))}, 0.85);  // above spelling (0.8): the form is known, the ending is the slip
  }
}

}  // namespace voki::feedback
