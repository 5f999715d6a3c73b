// F: pronoun case after a preposition: "med de." → "med dem", "mange av de har" → "av dem".
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

// After a preposition "de" is the object form "dem" when no noun phrase follows it: before
// punctuation or a finite verb. "de som" is accepted as an object, and "til/for/om/etter/fra"
// also begin clauses ("til de kom"), so after them only before punctuation.
void rule_pronoun_case(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 1; i + 1 < s.words.size(); ++i) {
    const Word& pronoun = s.words[i];
    if (pronoun.lower != "de") continue;
    const Word& preposition = s.words[i - 1];
    const bool object_only = lemma_in(preposition, {"av", "med", "blant", "hos", "mot", "uten", "mellom", "ved", "overfor"});
    // "til de.", "på de,": before punctuation no clause can begin.
    const bool clause_too = lemma_in(preposition, {"til", "for", "om", "etter", "fra", "på", "i", "rundt", "bak", "foran"});
    if (!object_only && !clause_too) continue;
    if (!some(preposition, [](const Reading& r) { return r.has("pr"); })) continue;
    const Word& next = s.words[i + 1];
    const bool ends = next.punct && (next.text == "." || next.text == "," || next.text == "!" || next.text == "?" ||
                                     next.text == ";" || next.text == ":" || next.text == ")");
    const bool verb_follows = object_only && !next.punct && !next.unknown && every(next, [](const Reading& r) { return finite(r); });
    if (!ends && !verb_follows) continue;
    c.add("pronoun-case", "F", pronoun.start, pronoun.end, {like(pronoun, "dem")}, 0.75);
  }
}

}  // namespace voki::feedback
