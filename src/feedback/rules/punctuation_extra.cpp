// PUNCR: superfluous commas — after a fronted phrase that is no clause.
#include "feedback/rules/clause_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;
using clause_helpers::is_punct;

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
  std::size_t first = first_word(s);
  // "Og til slutt, var det ...", "Men på den andre siden, er det ...".
  if (first + 1 < s.words.size() && lemma_in(s.words[first], {"men", "og"}) && !s.words[first + 1].punct) ++first;
  std::size_t k = first;
  while (k < s.words.size() && !s.words[k].punct) ++k;
  // (After a longer phrase writers may set a comma: "Ved siden av en fredelig verden, ønsker jeg".)
  if (k == first || k - first > 3 || k + 2 >= s.words.size() || s.words[k].text != ",") return;
  // "Det, synes jeg, har …": a lone pronoun before a parenthesis.
  if (k - first == 1 && (is_subject_pronoun(s.words[first]) || lemma_in(s.words[first], {"det", "dette", "den"}))) return;
  // "På grunn av det, har vi …": a phrase that ends in a pronoun refers back and is often set off.
  if (k - first > 1 && lemma_in(s.words[k - 1], {"det", "dette", "den", "dem", "meg", "deg", "oss", "seg", "ham", "henne"})) return;
  // Contrastive adverbs are often set off by commas: "I byene derimot, finnes det …".
  if (lemma_in(s.words[k - 1], {"derimot", "imidlertid", "altså"})) return;
  if (lemma_in(s.words[first], {"ja", "nei", "jo", "hei", "takk", "vel", "ok", "okei", "altså", "kjære", "hallo", "joda", "neida"}))
    return;
  // "Om vinteren, reiser vi ...", "Til slutt, ...": "om" and "til" are also subjunctions, but
  // before a definite noun or an adverb alone they are prepositions.
  const bool preposition_first = k - first == 2 && lemma_in(s.words[first], {"om", "til"}) && !maybe_verb(s.words[first + 1]) &&
                                 !s.words[first + 1].unknown &&
                                 !some(s.words[first + 1], [](const Reading& r) { return r.has("prn") || r.has("det"); }) &&
                                 some(s.words[first + 1], [](const Reading& r) { return (r.has("n") && r.has("def")) || r.has("adv"); });
  for (std::size_t i = first; i < k; ++i) {
    const Word& w = s.words[i];
    if (w.unknown) return;
    if (i == first && preposition_first) continue;
    // "Når det gjelder kultur, er …": the analyser reads "når det gjelder" as one preposition.
    if (w.lower.rfind("når ", 0) == 0) return;
    // Names inside are vocatives or appositions ("Ola, min bror, …") unless a preposition leads.
    if (i != first && w.capitalised && !some(s.words[first], [](const Reading& r) { return r.has("pr"); })) return;
    if (is_subjunction(w) || lemma_in(w, {"som", "å", "at", "da", "hvis", "når", "og", "eller", "men", "der", "hvor", "enn"})) return;
    // Any verb makes it a clause, and so does an imperative that opens it ("Vis meg veien, er du
    // snill").
    if (maybe_verb(w) || some(w, [](const Reading& r) { return r.has("cnjsub"); })) return;
    if (i == first && some(w, [](const Reading& r) { return r.has("vblex") && r.has("imp"); })) return;
  }
  // A name alone before the comma is a vocative or a heading.
  if (k - first == 1 && s.words[first].capitalised &&
      std::any_of(s.words[first].readings.begin(), s.words[first].readings.end(), [](const Reading& r) { return r.has("np"); }))
    return;
  const Word& verb = s.words[k + 1];
  // "mener" is also a plural noun; followed by a subject pronoun it is the verb.
  const Word* next = at(s, k + 2);
  // ("kunne" is also the infinitive, "viser" a noun: a definite noun or "den" after it is the subject.)
  const bool verb_then_subject =
      next && some(verb, finite) &&
      (is_subject_pronoun(*next) || lemma_in(*next, {"det", "den", "dette"}) ||
       (!next->unknown && !maybe_verb(*next) && every(*next, [](const Reading& r) { return r.has("n") && r.has("def"); })));
  if (!finite_on_raw_readings(verb) && !verb_then_subject) return;
  if (is_subjunction(verb)) return;  // "når" is also the present of "nå"
  // Verb second: the subject follows the verb (or the fronted phrase was the subject itself).
  const Word& before = s.words[k - 1];
  c.add("comma-after-phrase", "PUNCR", before.start, s.words[k].end, {before.text}, 0.65);
}

// PUNCR: no comma between "er" (or "er" and an adjective) and its "at"-clause: "Problemet er, at …"
// → "Problemet er at …", "Det er vanlig, at …" → "vanlig at". (After verbs of saying and thinking
// annotators often leave the comma, so those are left alone.)
void rule_comma_before_at(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 2; i + 1 < s.words.size(); ++i) {
    const Word& comma = s.words[i];
    if (comma.text != "," || s.words[i + 1].lower != "at") continue;
    const Word& before = s.words[i - 1];
    const bool copula = lemma_in(before, {"er", "var", "blir", "ble"});
    const bool predicate = lemma_in(s.words[i - 2], {"er", "var", "blir", "ble"}) && !before.punct &&
                           every(before, [](const Reading& r) { return r.has("adj"); });
    if (!copula && !predicate) continue;
    c.add("comma-before-at", "PUNCR", before.start, comma.end, {before.text}, 0.7);
  }
}

// PUNCR: no comma before the "at" clause that is the object of a verb of saying or thinking:
// "Han sier, at han er syk" → "Han sier at", "Til slutt tror jeg, at ..." → "tror jeg at". Only
// the present tense right before the comma, or with its subject pronoun after it; not when a
// "det" before the verb points forward to the clause ("Det vet jeg, at ...") or the verb is set
// off itself ("..., tror jeg, at").
void rule_comma_before_object_at(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  for (std::size_t i = first + 1; i + 1 < s.words.size(); ++i) {
    if (!is_punct(&s.words[i], ",") || s.words[i + 1].lower != "at") continue;
    std::size_t v = i - 1;
    if (v > first && is_subject_pronoun(s.words[v]) && !s.words[v - 1].punct) --v;
    const Word& verb = s.words[v];
    if (verb.punct || !lemma_in(verb, {"sier", "vet", "synes", "syns", "tror", "mener", "håper", "tenker", "føler"})) continue;
    if (!some(verb, [](const Reading& r) { return r.has("vblex") && r.has("pres"); })) continue;
    if (v > first && s.words[v - 1].punct) continue;
    bool forward_det = false;
    for (std::size_t k = first; k < v; ++k) forward_det = forward_det || lemma_in(s.words[k], {"det", "dette"}) || s.words[k].punct;
    if (forward_det) continue;
    const Word& before = s.words[i - 1];
    c.add("comma-before-object-at", "PUNCR", before.start, s.words[i].end, {before.text}, 0.65);
  }
}

// PUNCR: no comma before "som" that starts a restrictive relative clause after a pronoun or a
// noun with "den/det": "Jeg kjenner noen, som kan hjelpe" → "noen som kan hjelpe", "det
// arbeidet, som de ønsker".
void rule_comma_before_som(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t k = 1; k + 1 < s.words.size(); ++k) {
    const Word& comma = s.words[k];
    if (comma.text != "," || s.words[k + 1].lower != "som") continue;
    const Word& before = s.words[k - 1];
    if (before.punct || before.capitalised) continue;
    // ("de, som …" and "de siste årene, som …" may be insertions or refer to the whole clause.)
    bool restrictive = lemma_in(before, {"noen", "ingen", "alle", "alt", "noe"}) && (k < 2 || !s.words[k - 2].punct);
    if (!restrictive && k >= 2 && every(before, [](const Reading& r) { return r.has("n") && r.has("def"); })) {
      // "den første nordmannen, som …", "det arbeidet, som …": a demonstrative before the noun.
      std::size_t j = k - 2;
      while (j > 0 && every(s.words[j], [](const Reading& r) { return r.has("adj"); })) --j;
      restrictive = lemma_in(s.words[j], {"den", "det"}) && some(s.words[j], [](const Reading& r) { return r.has("det"); });
    }
    if (!restrictive) continue;
    c.add("comma-before-som", "PUNCR", before.start, comma.end, {before.text}, 0.65);
  }
}

namespace {
// A list item of one to three words that ends in a noun and has no verb, subjunction or
// conjunction: "datamaskin", "norsk kultur", "deres utvikling". Returns the index after it, or
// `from` when there is none.
std::size_t list_item_end(const Sentence& s, std::size_t from) {
  std::size_t i = from;
  while (i < s.words.size() && i < from + 3 && !s.words[i].punct) {
    const Word& w = s.words[i];
    if (w.unknown || (maybe_verb(w) && !some(w, [](const Reading& r) { return r.has("n") || r.has("adj"); })) || is_subjunction(w) || lemma_in(w, {"og", "eller", "men", "som", "at", "å"}) ||
        some(w, [](const Reading& r) { return r.has("cnjsub") || r.has("cnjcoo"); }))
      return from;
    ++i;
  }
  if (i == from || (i < s.words.size() && !s.words[i].punct)) return from;
  const Word& head = s.words[i - 1];
  if (!some(head, [](const Reading& r) { return r.has("n"); }) ||
      some(head, [](const Reading& r) { return r.has("prn") || r.has("det") || r.has("adv"); }))
    return from;
  return i;
}
}  // namespace

// PUNCR: no comma before "og" that joins the last item of a list: "TV, radio, og aviser" → "TV,
// radio og aviser". Only where three or more noun items stand before the sentence's end, so that
// the "og" cannot start a clause of its own.
void rule_comma_before_last_item(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t k = first_word(s) + 3; k + 2 < s.words.size(); ++k) {
    if (!is_punct(&s.words[k], ",") || s.words[k + 1].lower != "og") continue;
    // The last item, then the end of the sentence.
    const std::size_t last_end = list_item_end(s, k + 2);
    if (last_end == k + 2 || last_end >= s.words.size() || !(is_punct(&s.words[last_end], ".") || is_punct(&s.words[last_end], "!") || is_punct(&s.words[last_end], "?"))) continue;
    // The item before the comma, and a comma before that item.
    std::size_t b = k;
    while (b > 0 && !s.words[b - 1].punct && k - b < 3) --b;
    if (b == 0 || b == k || !is_punct(&s.words[b - 1], ",") || list_item_end(s, b) != k) continue;
    const Word& before = s.words[k - 1];
    c.add("comma-before-last-item", "PUNCR", before.start, s.words[k].end, {before.text}, 0.65);
  }
}

// PUNCR: no comma right after the subjunction that opens a clause: "Da, jeg kom hit, var det
// kaldt" → "Da jeg kom hit". Only before a subject pronoun and its finite verb, so that a phrase set
// off after the subjunction ("at, hvis det regner, ...") keeps its commas.
void rule_comma_after_subjunction(const RuleContext& c) {
  const auto& s = c.sentence;
  std::size_t p = first_word(s);
  if (is_word(at(s, p)) && lemma_in(s.words[p], {"men", "og"})) ++p;
  const Word* subjunction = at(s, p);
  if (!is_word(subjunction) || !lemma_in(*subjunction, {"da", "når", "hvis", "fordi", "mens", "dersom", "etter at", "selv om", "ettersom"}))
    return;
  const Word* subject = at(s, p + 2);
  const Word* verb = at(s, p + 3);
  if (!is_punct(at(s, p + 1), ",") || !is_word(subject) || !is_word(verb) || !is_subject_pronoun(*subject) || !some(*verb, finite) ||
      some(*verb, [](const Reading& r) { return r.has("pr") || r.has("cnjcoo") || r.has("cnjsub"); }))
    return;
  const Word& comma = s.words[p + 1];
  c.add("comma-after-subjunction", "PUNCR", subjunction->start, comma.end, {subjunction->text}, 0.7);
}

}  // namespace voki::feedback
