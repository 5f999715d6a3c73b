// PUNCR: superfluous commas — after a fronted phrase that is no clause.
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

namespace {
bool sentence_ends_with(const Sentence& s, std::string_view mark) {
  for (auto it = s.words.rbegin(); it != s.words.rend(); ++it)
    if (it->punct) {
      if (it->text == mark) return true;
    } else {
      return false;
    }
  return false;
}
}  // namespace

// PUNCR: no comma after a fronted phrase that is not a clause: "Etter min mening, er det …" →
// "Etter min mening er det …", "Likevel, mener jeg …". A fronted subordinate clause does take
// the comma, so the phrase must have no verb, subjunction or infinitive.
void rule_comma_after_phrase(const RuleContext& c) {
  const auto& s = c.sentence;
  if (sentence_ends_with(s, "?") || sentence_ends_with(s, "!")) return;  // "Kari, kommer du?"
  const std::size_t first = first_word(s);
  std::size_t k = first;
  while (k < s.words.size() && !s.words[k].punct) ++k;
  if (k == first || k - first > 3 || k + 2 >= s.words.size() || s.words[k].text != ",") return;
  // "Det, synes jeg, har …": a lone pronoun before a parenthesis.
  if (k - first == 1 && (is_subject_pronoun(s.words[first]) || lemma_in(s.words[first], {"det", "dette", "den"}))) return;
  // Contrastive adverbs are often set off by commas: "I byene derimot, finnes det …".
  if (lemma_in(s.words[k - 1], {"derimot", "imidlertid", "altså"})) return;
  if (lemma_in(s.words[first], {"ja", "nei", "jo", "hei", "takk", "vel", "ok", "okei", "altså", "kjære", "hallo", "joda", "neida"}))
    return;
  for (std::size_t i = first; i < k; ++i) {
    const Word& w = s.words[i];
    if (w.unknown) return;
    // "Når det gjelder kultur, er …": the analyser reads "når det gjelder" as one preposition.
    if (w.lower.rfind("når ", 0) == 0) return;
    // Names inside are vocatives or appositions ("Ola, min bror, …") unless a preposition leads.
    if (i != first && w.capitalised && !some(s.words[first], [](const Reading& r) { return r.has("pr"); })) return;
    if (is_subjunction(w) || lemma_in(w, {"som", "å", "at", "da", "hvis", "når", "og", "eller", "men", "der", "hvor", "enn"})) return;
    // Any verb makes it a clause.
    if (maybe_verb(w) || some(w, [](const Reading& r) { return r.has("cnjsub"); })) return;
  }
  // A name alone before the comma is a vocative or a heading.
  if (k - first == 1 && s.words[first].capitalised &&
      std::any_of(s.words[first].readings.begin(), s.words[first].readings.end(), [](const Reading& r) { return r.has("np"); }))
    return;
  const Word& verb = s.words[k + 1];
  // "mener" is also a plural noun; followed by a subject pronoun it is the verb.
  const Word* next = at(s, k + 2);
  const bool verb_then_subject = next && (is_subject_pronoun(*next) || next->lower == "det") && some(verb, finite);
  if (!likely_finite(verb) && !verb_then_subject) return;
  if (is_subjunction(verb)) return;  // "når" is also the present of "nå"
  // Verb second: the subject follows the verb (or the fronted phrase was the subject itself).
  const Word& before = s.words[k - 1];
  c.add("comma-after-phrase", "PUNCR", before.start, s.words[k].end, {before.text}, 0.65);
}

}  // namespace voki::feedback
