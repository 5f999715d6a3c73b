// PUNCM: the final full stop, commas after fronted subordinate clauses and before "men".
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

// PUNCM: a text of three words or more that does not end with a full stop, ? or !.
void rule_final_punctuation(const RuleContext& c) {
  const auto& words = c.sentence.words;
  if (words.size() < 4) return;
  // Only the last sentence of the text.
  std::size_t last = c.sentence.end;
  std::string tail;
  {
    std::size_t cp = 0;
    for (std::size_t i = 0; i < c.text.size(); ++i) {
      if ((static_cast<unsigned char>(c.text[i]) & 0xC0) != 0x80) ++cp;
      if (cp > last) tail += c.text[i];
    }
  }
  if (tail.find_first_not_of(" \t\r\n") != std::string::npos) return;
  const Word& end = words.back();
  if (end.punct) return;
  // "osv.", "2000.": the analyser took the full stop into the token.
  if (end.text.back() == '.' || end.text.back() == '!' || end.text.back() == '?') return;
  if (std::count_if(words.begin(), words.end(), [](const Word& w) { return !w.punct; }) < 4) return;
  c.add("final-punctuation", "PUNCM", end.start, end.end, {end.text + "."}, 0.6);
}

namespace {
bool is_subject_word(const Word& w) {
  return is_subject_pronoun(w) || lemma_in(w, {"det", "den", "dette", "disse"});
}
// A subject can start here: a pronoun, a noun or name, or a determiner ("alle lærere").
bool starts_subject(const Word& w) {
  return !w.punct && (is_subject_word(w) || some(w, [](const Reading& r) { return r.has("n") || r.has("np") || r.has("det"); }));
}
}  // namespace

// PUNCM: a comma after a fronted subordinate clause: "Når jeg kommer hjem spiser jeg" → "Når jeg
// kommer hjem, spiser jeg".
void rule_comma_subclause(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  const Word* sub = at(s, first);
  if (!is_word(sub) || sub->lower == "at" || sub->lower == "om") return;
  // "da" is also an adverb ("Da gikk jeg"); the pattern below (subject, verb, then verb and
  // subject) only fits the subjunction.
  if (!is_subjunction(*sub) && !(sub->lower == "da" && some(*sub, [](const Reading& r) { return r.has("cnjsub"); })))
    return;
  // Subordinate clause: subjunction, subject, finite verb; then the main clause starts with the
  // next finite verb followed by its subject (verb second).
  std::size_t i = first + 1;
  if (i >= s.words.size() || !starts_subject(s.words[i])) return;
  bool clause_verb = false;
  for (++i; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.punct || w.lower == "og" || w.lower == "eller" || w.lower == "men" || w.lower == "som" || w.lower == "at" ||
        is_subjunction(w))
      return;
    if (!clause_verb) {
      if (finite_verb(w)) clause_verb = true;
      continue;
    }
    if (finite_verb(w) && starts_subject(s.words[i + 1]) && !s.words[i - 1].punct) {
      // Both clauses' verbs must be disambiguated: the candidate covers the whole stretch.
      if (candidate_mode()) {
        c.add("comma-subclause", "PUNCM", s.words[first].start, s.words[i + 1].end, {}, 0.7);
        return;
      }
      c.add("comma-subclause", "PUNCM", s.words[i - 1].start, s.words[i - 1].end, {s.words[i - 1].text + ","}, 0.7);
      return;
    }
  }
}

// PUNCM: a comma before "men": "Den er liten men sterk" → "Den er liten, men sterk".
void rule_comma_men(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  for (std::size_t i = first + 1; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    const Word& before = s.words[i - 1];
    const Word& after = s.words[i + 1];
    if (w.lower != "men" || before.punct || after.punct) continue;
    // "et men" (a harm) is a noun; "og men" is a slip of another kind.
    if (!every(w, [](const Reading& r) { return r.has("cnjcoo"); })) continue;
    if (some(before, [](const Reading& r) { return r.has("pr") || r.has("cnjcoo") || r.has("det"); })) continue;
    if (before.lower == "sist") continue;  // "sist men ikke minst", a fixed expression
    c.add("comma-men", "PUNCM", before.start, before.end, {before.text + ","}, 0.7);
  }
}

}  // namespace voki::feedback
