// SPL, W and R: split compounds, fixed prepositions and repeated words.
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

// SPL: a compound written as two words, when the joined word is in the dictionary as a noun:
// "fotball banen" → "fotballbanen". Never the other way round.
void rule_split_compound(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& a = s.words[i];
    const Word& b = s.words[i + 1];
    if (a.punct || b.punct || a.unknown || b.unknown || a.capitalised || b.capitalised) continue;
    if (has_digit(a.text) || has_digit(b.text) || count_code_points(b.text) < 2) continue;  // "100- års", "garderobe r"
    if (b.start != a.end + 1) continue;  // exactly one space between
    if (!every(a, [](const Reading& r) { return r.has("n") && r.has("sg") && r.has("ind"); })) continue;
    if (!every(b, [](const Reading& r) { return r.has("n"); })) continue;
    const std::string joined = a.lower + b.lower;
    const auto readings = c.worker.lookup(joined);
    if (readings.empty() || !std::all_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("n") && !r.compound; }))
      continue;
    if (i > 0 && surely_some(s.words[i - 1], [](const Reading& r) { return r.has("vblex"); }) &&
        surely_none(s.words[i - 1], [](const Reading& r) { return r.has("det") || r.has("pr"); }))
      continue;  // "gir barn mat": two objects
    c.add("split-compound", "SPL", a.start, b.end, {a.text + b.lower}, 0.7);
  }
}

// W: fixed prepositions after common adjectives and verbs: "interessert for" → "interessert i".
void rule_preposition(const RuleContext& c) {
  struct Collocation { std::string_view head; std::vector<std::string_view> wrong; std::string_view right; };
  static const std::vector<Collocation> table = {
      {"interessert", {"for", "på", "om", "av"}, "i"}, {"avhengig", {"på", "fra", "om"}, "av"},
      {"gift", {"på", "til"}, "med"}, {"forelsket", {"på", "med"}, "i"}, {"fornøyd", {"på", "av", "over"}, "med"},
      {"redd", {"av", "på"}, "for"}, {"flink", {"på", "med"}, "til"}, {"drømmer", {"på"}, "om"},
      {"venter", {"for"}, "på"}, {"vente", {"for"}, "på"}, {"ventet", {"for"}, "på"},
      {"stolt", {"på", "av", "om"}, "av"}, {"ansvarlig", {"på", "av", "om"}, "for"},
      {"lytte", {"på"}, "til"}, {"lytter", {"på"}, "til"}, {"glad", {"på"}, "i"}};
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    for (const auto& col : table) {
      if (s.words[i].lower != col.head) continue;
      const Word& prep = s.words[i + 1];
      if (std::find(col.wrong.begin(), col.wrong.end(), prep.lower) == col.wrong.end()) continue;
      if (col.head == "stolt" && prep.lower == "av") continue;
      c.add("preposition", "W", prep.start, prep.end, {std::string(col.right)}, 0.65);
    }
  }
}

// R: the same word twice in a row: "jeg jeg" → "jeg".
void rule_repeated_word(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& a = s.words[i];
    const Word& b = s.words[i + 1];
    if (a.punct || b.punct || a.lower != b.lower || has_digit(a.text)) continue;
    if (lemma_in(a, {"det", "den", "de", "som", "at", "der", "her", "så", "bare", "veldig", "mer", "mange", "lenge", "ha", "hadde"})) continue;
    c.add("repeated-word", "R", a.start, b.end, {b.text}, 0.8);
  }
}

}  // namespace voki::feedback
