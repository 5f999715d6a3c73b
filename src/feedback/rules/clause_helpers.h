// Internal to the word-order and punctuation rules: what they read of clauses (subjects, finite
// verbs, subjunctions). Header-only so that the two rule files share it without a new source file.
#pragma once
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback::clause_helpers {

using namespace rule_helpers;

// A one-word subject: a nominative pronoun or "det", "dette", "den" (also a determiner).
inline bool pronoun_subject(const Word& w) { return is_subject_pronoun(w) || lemma_in(w, {"det", "dette", "den"}); }
inline bool possessive(const Word& w) {
  return lemma_in(w, {"min", "mi", "mitt", "mine", "din", "di", "ditt", "dine", "sin", "si", "sitt", "sine", "vår", "vårt",
                      "våre", "deres", "hans", "hennes"});
}

// Could the word be a finite verb (some reading)? Without disambiguation: "bor", "ringer" and
// "lever" are also nouns, and the position is what tells.
inline bool could_be_finite(const Word& w) { return !w.punct && some(w, finite); }
// The same for conditions that keep a rule silent: in candidate mode only when every reading is
// finite, lest CG-3 remove the verb reading afterwards and a candidate be missed.
inline bool surely_could_be_finite(const Word& w) { return !w.punct && surely_some(w, finite); }
// A finite verb that is not also a word of another closed class ("eller" is also a form of
// "elle", "for" of "fare", "et" of "ete").
inline bool likely_finite(const Word& w) {
  return could_be_finite(w) && !some(w, [](const Reading& r) {
    return r.has("pr") || r.has("cnjcoo") || r.has("cnjsub") || r.has("det") || r.has("prn");
  });
}
// Verbs that take a clause without "at" ("jeg tror det er sant").
inline bool takes_bare_clause(const Word& w) {
  return lemma_in(w, {"tror", "trodde", "synes", "syns", "syntes", "mener", "mente", "vet", "visste", "tenker", "tenkte",
                      "håper", "håpet", "sier", "sa", "føler", "følte", "hører", "hørte", "skjønner", "skjønte", "forstår",
                      "forsto", "merker", "merket", "tviler"});
}
inline bool noun_or_name(const Reading& r) { return r.has("n") || r.has("np"); }
inline bool is_punct(const Word* w, std::string_view text) { return w && w->punct && w->text == text; }

// A noun phrase that can be a subject, starting at i: determiners, adjectives or numbers, then a
// noun that is surely not a verb. Returns the index after it, or i when there is none.
inline std::size_t noun_phrase_end(const Sentence& s, std::size_t i) {
  std::size_t j = i;
  while (j < s.words.size() && j < i + 3 && !s.words[j].punct && !surely_could_be_finite(s.words[j]) &&
         some(s.words[j], [](const Reading& r) { return r.has("det") || r.has("adj") || r.has("num"); }) &&
         !surely_some(s.words[j], noun_or_name))
    ++j;
  const Word* head = at(s, j);
  if (!is_word(head) || head->unknown || !some(*head, noun_or_name) || surely_could_be_finite(*head) ||
      surely_some(*head, [](const Reading& r) { return r.has("pr") || r.has("adv") || r.has("cnjsub") || r.has("cnjcoo"); }))
    return i;
  return j + 1;
}

// Subjunctions that open a subordinate clause before its main clause, with the number of words
// they take ("etter at", "så lenge", "hver gang"); 0 when none starts at i.
inline std::size_t subjunction_length(const Sentence& s, std::size_t i) {
  const Word* w = at(s, i);
  if (!is_word(w)) return 0;
  if (lemma_in(*w, {"hvis", "når", "fordi", "dersom", "mens", "siden", "før", "da", "om", "selv om", "ettersom", "idet",
                    "til tross for at", "i og med at", "straks", "inntil", "når det gjelder"}))
    return 1;
  // Multiword subjunctions the analyser reads as adverbs: "uansett om", "til tross for at".
  if (w->lower.find(' ') != std::string::npos && (w->lower.ends_with(" om") || w->lower.ends_with(" at"))) return 1;
  const Word* next = at(s, i + 1);
  if (!is_word(next)) return 0;
  if ((w->lower == "etter" || w->lower == "uten" || w->lower == "for") && next->lower == "at") return 2;
  if (w->lower == "så" && next->lower == "lenge") return 2;
  if (w->lower == "hver" && next->lower == "gang") return 2;
  if (w->lower == "selv" && next->lower == "om") return 2;
  return 0;
}

// A prepositional phrase from i: preposition, a noun phrase or an object pronoun, then an
// optional possessive and one more prepositional phrase ("på den andre siden", "etter min
// mening", "for meg", "i hjemlandet mitt", "for de fleste av oss"). Returns i when there is none.
inline std::size_t prepositional_phrase_end(const Sentence& s, std::size_t i, int depth = 0) {
  const Word* p = at(s, i);
  if (!is_word(p) || !some(*p, [](const Reading& r) { return r.has("pr"); }) ||
      some(*p, [](const Reading& r) { return r.has("prn") || r.has("det"); }))
    return i;
  const Word* next = at(s, i + 1);
  if (!is_word(next)) return i;
  std::size_t j;
  if (is_object_pronoun(*next) && next->lower != "seg") {
    j = i + 2;
  } else if (is_subject_pronoun(*next) || (p->lower == "for" && !possessive(*next))) {
    // "for" also means "because" ("for jeg var syk"); "for min del" is a phrase.
    return i;
  } else {
    // Determiners, adjectives, numbers, genitives and nouns; the head is the last noun before
    // something else ("i hele landet det er": "landet" is also a participle).
    std::size_t head = 0;
    bool found = false;
    for (std::size_t k = i + 1; k < s.words.size() && k < i + 5; ++k) {
      const Word& w = s.words[k];
      // "det", "den" after the preposition are determiners ("på den andre siden"), later the subject.
      if (w.punct || is_subject_pronoun(w) || (k > i + 1 && lemma_in(w, {"det", "dette", "den"})) || w.unknown) break;
      const bool nominal = some(w, noun_or_name);
      if (!nominal && !some(w, [](const Reading& r) { return r.has("det") || r.has("adj") || r.has("num") || r.has("gen"); }))
        break;
      // Right after the preposition a word that also joins clauses is not its noun ("uansett om").
      if (nominal && !(k == i + 1 && some(w, [](const Reading& r) { return r.has("pr") || r.has("cnjsub") || r.has("cnjcoo"); }))) {
        head = k;
        found = true;
      }
      if (possessive(w) && found) break;
      // A word that can only be a noun ends the phrase; one that may be a modifier ("hele") may
      // be followed by the head.
      if (found && head == k && !some(w, [](const Reading& r) { return r.has("det") || r.has("adj") || r.has("num") || r.has("gen"); }))
        break;
    }
    if (!found) {
      // "de fleste av oss": a quantifier before a partitive "av" is the head.
      std::size_t k = i + 1;
      while (k < s.words.size() && k < i + 3 && some(s.words[k], [](const Reading& r) { return r.has("det") || r.has("adj"); })) ++k;
      if (k > i + 1 && k < s.words.size() && s.words[k].lower == "av") {
        j = k;
      } else {
        return i;
      }
    } else {
      j = head + 1;
    }
  }
  if (const Word* w = at(s, j); is_word(w) && possessive(*w)) ++j;
  if (depth == 0) {
    const std::size_t more = prepositional_phrase_end(s, j, 1);
    if (more > j) j = more;
  }
  return j;
}

}  // namespace voki::feedback::clause_helpers
