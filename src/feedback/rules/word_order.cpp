// O: verb second after a fronted element; clause adverbs in subordinate clauses.
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

// O: verb second. After a fronted adverb, adverbial phrase or subordinate clause the finite verb
// comes before the subject: "I dag jeg går" → "I dag går jeg".
void rule_v2(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  const Word* w0 = at(s, first);
  if (!is_word(w0)) return;
  std::size_t subject = 0;
  bool fronted_clause = false;  // a subordinate clause closed by a comma, rather than a phrase
  static const std::vector<std::string_view> no_inversion = {
      "ikke", "bare", "også", "kanskje", "jo", "altså", "heller", "bl.a.", "dessverre", "nok", "faktisk", "egentlig",
      "likevel", "derfor", "så", "da", "der", "her", "nå", "hvorfor", "hvordan", "hvor", "når", "hva", "hvem", "men", "og", "eller", "for"};
  const bool adverb = every(*w0, [](const Reading& r) { return r.has("adv"); }) &&
                      std::find(no_inversion.begin(), no_inversion.end(), w0->lower) == no_inversion.end();
  if (adverb) {
    subject = first + 1;
  } else if (every(*w0, [](const Reading& r) { return r.has("pr"); }) && w0->lower != "for") {
    // Prepositional phrase: preposition, up to three determiners/adjectives, then a noun or name.
    std::size_t i = first + 1;
    while (i < s.words.size() && i < first + 4 &&
           some(s.words[i], [](const Reading& r) { return r.has("det") || r.has("adj") || r.has("num"); }))
      ++i;
    const Word* head = at(s, i);
    if (!is_word(head) || !some(*head, [](const Reading& r) { return r.has("n") || r.has("np"); })) return;
    subject = i + 1;
  } else if (is_subjunction(*w0) && w0->lower != "at") {
    fronted_clause = true;
    // Fronted subordinate clause closed by a comma.
    std::size_t i = first + 1;
    while (i < s.words.size() && s.words[i].text != ",") {
      if (s.words[i].punct) return;
      ++i;
    }
    if (i - first < 3) return;
    subject = i + 1;
  } else {
    return;
  }
  const Word* subj = at(s, subject);
  const Word* verb = at(s, subject + 1);
  if (!is_word(subj) || !is_word(verb) || !is_subject_pronoun(*subj)) return;
  if (!every(*verb, finite)) return;
  // "På alle steder du drar, finner du ...": the fronted element goes on to a comma and the verb
  // comes second after it, so the order is right.
  for (std::size_t i = subject + 2; !fronted_clause && i + 2 < s.words.size(); ++i)
    if (s.words[i].text == "," && every(s.words[i + 1], finite) && is_subject_pronoun(s.words[i + 2])) return;
  c.add("v2-word-order", "O", subj->start, verb->end, {like(*subj, verb->lower) + " " + subj->lower}, 0.8);
}

// O: in a subordinate clause "ikke" and other clause adverbs come before the finite verb:
// "fordi han kommer ikke" → "fordi han ikke kommer".
void rule_adverb_subclause(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 3 < s.words.size(); ++i) {
    const Word& sub = s.words[i];
    if (!is_subjunction(sub) || sub.lower == "om") continue;
    const Word& subj = s.words[i + 1];
    const Word& verb = s.words[i + 2];
    const Word& adverb = s.words[i + 3];
    if (!is_subject_pronoun(subj) || !every(verb, finite) || !is_clause_adverb(adverb)) continue;
    if (adverb.lower == "bare" || adverb.lower == "også" || adverb.lower == "ofte") continue;
    // "at" clauses with main-clause order are common in speech, but written Bokmål wants the
    // adverb first; keep "at" only for "ikke".
    if (sub.lower == "at" && adverb.lower != "ikke") continue;
    c.add("adverb-subclause", "O", verb.start, adverb.end, {adverb.lower + " " + verb.text}, 0.75);
  }
}

}  // namespace voki::feedback
