// O: word order. Verb second after a fronted element and in questions; clause adverbs in
// subordinate and main clauses; subject before verb in subordinate clauses and indirect questions;
// unstressed object pronouns before "ikke".
#include "feedback/rules/clause_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;
using namespace clause_helpers;

namespace {

// Fronted adverbs that do not move the verb before the subject: focus adverbs that belong to the
// subject ("Bare jeg vet", "Nesten alle"), "kanskje" (either order), words that also join
// clauses or start relative and subordinate clauses ("så", "da", "der", "nå" for "når"), and
// question words (rule_question_order).
bool keeps_subject_first(const Word& w) {
  return lemma_in(w, {"ikke", "bare", "også", "kanskje", "jo", "altså", "heller", "bl.a.", "nok", "så", "da", "der", "her",
                      "nå", "hvorfor", "hvordan", "hvor", "når", "hva", "hvem", "men", "og", "eller", "for", "nesten",
                      "særlig", "spesielt", "kun", "selv", "enda", "omtrent", "akkurat", "især", "vel", "både", "enten",
                      "verken", "hverken", "ja", "nei", "sammen", "sist", "mest", "minst",
                      "blant annet", "bortsett", "unntatt", "inkludert", "til og med", "likeså",
                      "til tross for at", "i og med at", "liksom", "ellers", "hvis", "om", "mer", "mindre", "alt",
                      "som", "hjem", "hjemme", "ute", "inne", "borte", "opp", "ned", "ut", "inn", "fram", "frem", "tilbake"});
}
// Sentence adverbs after which also a noun subject shows that the verb has not come second
// ("Derfor kvinner bør jobbe").
bool sentence_adverb(const Word& w) {
  return lemma_in(w, {"derfor", "dessuten", "heldigvis", "dessverre", "selvfølgelig", "likevel", "allikevel", "egentlig",
                      "i dag", "i går", "i morgen", "i fjor", "i år", "nå for tiden", "samtidig", "etterpå",
                      "deretter", "senere", "tidligere", "plutselig", "endelig", "til slutt", "i tillegg", "vanligvis",
                      "ofte", "alltid", "aldri", "sannsynligvis", "forhåpentligvis", "faktisk", "derimot", "dermed",
                      "i begynnelsen", "til sist", "etter hvert", "med en gang"});
}

enum class Fronted { none, adverb, phrase, clause };

struct FrontedElement {
  Fronted kind = Fronted::none;
  std::size_t end = 0;  // the first word after it (where the verb should be)
};

// The fronted element of a main clause starting at word p: an adverb, a prepositional phrase,
// or a subordinate clause closed by a comma.
FrontedElement fronted_element(const Sentence& s, std::size_t p) {
  const Word* w = at(s, p);
  if (!is_word(w)) return {};
  // "Om vinteren", "om morgenen": a time of day, week or year, not the subjunction "om".
  if (const Word* x = at(s, p + 1); is_word(x) && w->lower == "om" && every(*x, [](const Reading& r) {
        static const std::string_view times[] = {"vinter", "sommer", "vår", "høst", "morgen", "kveld", "natt", "dag", "ettermiddag",
                                                 "formiddag", "helg", "jul", "mandag", "tirsdag", "onsdag", "torsdag", "fredag",
                                                 "lørdag", "søndag"};
        return r.has("n") && r.has("def") && std::find(std::begin(times), std::end(times), r.lemma) != std::end(times);
      }))
    return {Fronted::phrase, p + 2};
  if (const std::size_t n = subjunction_length(s, p); n > 0) {
    // Subjunction, subject, a finite verb, then a comma; no other punctuation.
    std::size_t i = p + n;
    if (const Word* x = at(s, i); is_word(x) && x->lower == "ikke") ++i;  // "Hvis ikke vi ..."
    const Word* subject = at(s, i);
    if (!is_word(subject)) return {};
    if (!pronoun_subject(*subject) && noun_phrase_end(s, i) == i &&
        !some(*subject, [](const Reading& r) { return r.has("det") || r.has("prn"); }))
      return {};
    bool verb = w->lower == "når det gjelder";  // one preposition to the analyser, and a clause
    for (++i; i < s.words.size(); ++i) {
      const Word& x = s.words[i];
      if (x.punct) break;
      verb = verb || likely_finite(x);
    }
    if (!verb || !is_punct(at(s, i), ",")) return {};
    return {Fronted::clause, i + 1};
  }
  if (w->lower == "for" && is_word(at(s, p + 1)) && s.words[p + 1].lower == "å") {
    // "For å lære norsk, ..." with its comma.
    std::size_t i = p + 2;
    while (i < s.words.size() && !s.words[i].punct) ++i;
    if (!is_punct(at(s, i), ",") || i < p + 3) {
      // Without the comma, a subject-only pronoun right after the infinitive ("For å studere man
      // må …") shows where the main clause starts.
      const Word* infinitive = at(s, p + 2);
      const Word* x = at(s, p + 3);
      if (is_word(infinitive) && some(*infinitive, [](const Reading& r) { return r.has("inf"); }) &&
          every(*infinitive, [](const Reading& r) { return r.has("vblex"); }) && is_word(x) &&
          lemma_in(*x, {"jeg", "du", "vi", "man"}))
        return {Fronted::clause, p + 3};
      return {};
    }
    return {Fronted::clause, i + 1};
  }
  // "..., desto verre det er": the comparative of "jo ..., desto ..." comes first in its clause.
  if (lemma_in(*w, {"desto", "dess"}) || (w->lower == "jo" && p > 0 && s.words[p - 1].text == ",")) {
    if (const Word* x = at(s, p + 1); is_word(x) && some(*x, [](const Reading& r) { return r.has("comp"); }))
      return {Fronted::adverb, p + 2};
    return {};
  }
  // Fixed adverbials of several words: "til sist", "til slutt", "først av alt".
  if (const Word* x = at(s, p + 1); is_word(x) && w->lower == "til" && lemma_in(*x, {"sist", "slutt"}))
    return {Fronted::adverb, p + 2};
  if (const Word* x = at(s, p + 2); is_word(x) && w->lower == "først" && s.words[p + 1].lower == "av" && x->lower == "alt")
    return {Fronted::adverb, p + 3};
  if (const std::size_t e = prepositional_phrase_end(s, p); e > p) return {Fronted::phrase, e};
  // "For eksempel de kan ...": only at the start of a sentence, where it is not an insertion.
  if (lemma_in(*w, {"for eksempel", "f.eks.", "eksempelvis"}))
    return p == first_word(s) ? FrontedElement{Fronted::adverb, p + 1} : FrontedElement{};
  // An adverb, not also a word that joins clauses; one that is also a preposition ("etterpå") only
  // from the list of sentence adverbs.
  const bool adverb =
      (some(*w, [](const Reading& r) { return r.has("adv"); }) && !some(*w, [](const Reading& r) { return r.has("pr"); })) ||
      sentence_adverb(*w) || lemma_in(*w, {"til sist", "til slutt", "først av alt"});
  if (adverb && !keeps_subject_first(*w) &&
      !some(*w, [](const Reading& r) { return r.has("cnjsub") || r.has("cnjcoo") || r.has("prn") || r.has("det"); }) &&
      !w->lower.ends_with(" at") && !w->lower.ends_with(" som") && !w->lower.ends_with(" om"))
    return {Fronted::adverb, p + 1};
  return {};
}

// Where main clauses start: the sentence's first word, and after "men", "og", ";" (and, for
// subordinate clauses that come first, after "at").
std::vector<std::size_t> clause_starts(const Sentence& s) {
  std::vector<std::size_t> starts;
  const std::size_t first = first_word(s);
  if (first < s.words.size()) starts.push_back(first);
  for (std::size_t i = first; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    const Word& next = s.words[i + 1];
    if (lemma_in(w, {"men", "og", "at", "fordi", ";"}) && !next.punct) starts.push_back(i + 1);
    // ", derfor jeg ...": a sentence adverb after a comma starts a main clause of its own, as does
    // the "desto" of "jo ..., desto ...".
    if (w.text == "," && ((sentence_adverb(next) && !lemma_in(next, {"ofte", "alltid", "aldri"})) ||
                          lemma_in(next, {"desto", "dess", "jo"})))
      starts.push_back(i + 1);
    // ", hvis de vil, de kan …": a subordinate clause after a comma may open the next main clause
    // (rule_v2 reads it only as a whole subordinate clause closed by its comma).
    if (w.text == "," && lemma_in(next, {"hvis", "dersom", "når", "mens", "selv om"})) starts.push_back(i + 1);
  }
  return starts;
}

// After "I landet jeg kommer fra" a finite verb and its subject follow: the words were a relative
// clause, not the subject and verb of the main clause. After a phrase ("Som denne samtalen jeg
// hadde med henne var fin") a second finite verb in the same clause shows the same.
bool verb_and_subject_follow(const Sentence& s, std::size_t from, bool any_verb) {
  for (std::size_t k = from; k + 1 < s.words.size(); ++k) {
    const Word& w = s.words[k];
    if (w.punct && w.text != ",") return false;
    if (lemma_in(w, {"og", "men", "eller"})) return false;
    if (likely_finite(w) && pronoun_subject(s.words[k + 1])) return true;
    // A verb in a clause of its own ("... at jeg er glad") says nothing about these words.
    if (lemma_in(w, {"at", "som", "hvis", "når", "fordi", "om"})) any_verb = false;
    if (any_verb && w.text != "," && likely_finite(w) && !some(w, noun_or_name)) return true;
  }
  return false;
}

}  // namespace

// O: verb second. After a fronted adverb, adverbial phrase or subordinate clause the finite verb
// comes before the subject: "I dag jeg går" → "I dag går jeg", "Når jeg kom hjem, jeg spiste" →
// "spiste jeg".
void rule_v2(const RuleContext& c) {
  const auto& s = c.sentence;
  for (const std::size_t p : clause_starts(s)) {
    const bool after_at = p > 0 && lemma_in(s.words[p - 1], {"at", "fordi"});
    const FrontedElement f = fronted_element(s, p);
    if (f.kind == Fronted::none || (after_at && f.kind != Fronted::clause)) continue;
    // After "og" and "men" a phrase may still belong to the clause before ("... og utfra det man
    // har"); a comma before the conjunction shows that a new clause starts.
    if (p != first_word(s) && f.kind == Fronted::phrase && !(p >= 2 && s.words[p - 2].text == ",")) continue;
    const Word* subject = at(s, f.end);
    if (!is_word(subject) || subject->lower == "så") continue;
    std::size_t verb_at = f.end + 1;
    // "en" as a pronoun ("one"), right before its verb.
    const bool generic_en = subject->lower == "en" && is_word(at(s, verb_at)) && likely_finite(s.words[verb_at]) &&
                            !some(s.words[verb_at], noun_or_name);
    if (!pronoun_subject(*subject) && !generic_en) {
      // A noun subject only after a subordinate clause or a sentence adverb, where the border
      // of the fronted element is clear.
      // After a phrase first in the sentence a plural or definite noun then a clear finite verb
      // ("Etter skolen barna har lekser").
      const bool phrase_first = f.kind == Fronted::phrase && p == first_word(s);
      if ((f.kind == Fronted::phrase && !phrase_first) || (f.kind == Fronted::adverb && !sentence_adverb(s.words[p]))) continue;
      verb_at = noun_phrase_end(s, f.end);
      if (verb_at == f.end) continue;
      if (phrase_first) {
        const Word& head = s.words[verb_at - 1];
        const Word* v = at(s, verb_at);
        // (No preposition in the subject: "Rundt om i verden er det …" is still the phrase.)
        for (std::size_t k = f.end; k < verb_at && v; ++k)
          if (some(s.words[k], [](const Reading& r) { return r.has("pr"); })) v = nullptr;
        if (const Word* n = at(s, verb_at + 1); n && pronoun_subject(*n)) continue;  // the verb has its subject after it
        if (!is_word(v) || !every(*v, finite) || surely_some(*v, [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("pr") || r.has("adv"); }) ||
            !every(head, noun_or_name) || !some(head, [](const Reading& r) { return r.has("n") && (r.has("pl") || r.has("def")); }))
          continue;
      }
    }
    // "Heldigvis jeg og kona mi har": a pronoun and another pronoun or a noun phrase (with its
    // possessive) joined by "og" ("I dag jeg og vennene mine dro").
    if (is_personal_subject_pronoun(*subject) && verb_at == f.end + 1 && is_word(at(s, verb_at)) && s.words[verb_at].lower == "og") {
      std::size_t e = verb_at + 1;
      if (const Word* x = at(s, e); x && is_subject_pronoun(*x)) {
        ++e;
      } else if (const std::size_t n = noun_phrase_end(s, e); n > e) {
        e = n;
        if (const Word* o = at(s, e); o && possessive(*o)) ++e;
      }
      const Word* v = at(s, e);
      if (e > verb_at + 1 && is_word(v) && every(*v, finite) &&
          !surely_some(*v, [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("pr") || r.has("adv"); })) {
        std::string moved = v->lower;
        for (std::size_t k = f.end; k < e; ++k) moved += " " + (k == f.end ? s.words[k].lower : s.words[k].text);
        c.add("v2-word-order", "O", subject->start, v->end, {moved}, 0.75);
        return;
      }
      continue;
    }
    // "Før jeg kom, jeg ikke kunne gå": "ikke" between subject and verb.
    const Word* negation = nullptr;
    if (const Word* x = at(s, verb_at); x && lemma_in(*x, {"ikke", "aldri"}) && pronoun_subject(*subject)) negation = x, ++verb_at;
    const Word* verb = at(s, verb_at);
    if (!is_word(verb) || !could_be_finite(*verb)) continue;
    if (f.kind != Fronted::clause && verb_and_subject_follow(s, verb_at + 1, f.kind == Fronted::phrase)) continue;
    if (negation) {
      c.add("v2-word-order", "O", subject->start, verb->end, {verb->lower + " " + subject->lower + " " + negation->lower}, 0.8);
      return;
    }
    std::string moved = verb->lower;
    for (std::size_t k = f.end; k < verb_at; ++k)
      moved += " " + (k == f.end && pronoun_subject(*subject) ? s.words[k].lower : s.words[k].text);
    c.add("v2-word-order", "O", subject->start, verb->end, {moved}, 0.8);
    return;
  }
}

// O: a direct question that starts with a question word has the verb second: "Hvorfor du kommer
// ikke?" → "Hvorfor kommer du ikke?"
void rule_question_order(const RuleContext& c) {
  const auto& s = c.sentence;
  if (s.words.empty() || s.words.back().text != "?") return;
  const std::size_t first = first_word(s);
  const Word* q = at(s, first);
  if (!is_word(q) || !lemma_in(*q, {"hvorfor", "hvordan", "hva", "hvem", "hvor", "når"})) return;
  std::size_t i = first + 1;
  if (q->lower == "hvor" && is_word(at(s, i)) && some(s.words[i], [](const Reading& r) { return r.has("adj") || r.has("adv"); }))
    ++i;  // "Hvor mye ...", "Hvor lenge ..."
  const Word* subject = at(s, i);
  const Word* verb = at(s, i + 1);
  if (!is_word(subject) || !is_word(verb) || !pronoun_subject(*subject) || !could_be_finite(*verb)) return;
  // One clause only: a comma or a second verb may mean an indirect question inside a longer one.
  for (std::size_t k = i + 2; k < s.words.size(); ++k)
    if (s.words[k].text == "," || s.words[k].text == ":" || could_be_finite(s.words[k])) return;
  c.add("question-word-order", "O", subject->start, verb->end, {verb->lower + " " + subject->lower}, 0.75);
}

namespace {
// Adverbs that stand before the finite verb in a subordinate clause. "bare", "ofte", "sikkert" and
// "virkelig" may also follow the verb when they belong to what follows ("fordi jeg har bare
// grunnskole", "at det regner ofte"), so they are left out.
bool subclause_adverb(const Word& w) {
  return lemma_in(w, {"ikke", "aldri", "alltid", "også", "gjerne", "helst", "egentlig", "fremdeles", "fortsatt",
                      "nødvendigvis", "vanligvis", "jo", "allerede", "faktisk", "neppe", "sjelden", "absolutt", "noen gang"});
}
// "ikke", "aldri" and "alltid" only negate or qualify the verb; the others may end the clause as
// "too" or "already" ("at han kommer også").
bool verb_adverb(const Word& w) { return lemma_in(w, {"ikke", "aldri", "alltid"}); }

// Words that open a subordinate clause with the order subject, adverb, verb.
bool opens_subclause(const Sentence& s, std::size_t i) {
  const Word& w = s.words[i];
  // "fordi" is read apart (rule_adverb_subclause).
  if (lemma_in(w, {"at", "hvis", "når", "dersom", "mens", "siden", "selv om", "ettersom", "idet", "til tross for at",
                   "i og med at", "hvorfor", "hvordan", "hvor", "hva", "hvem", "hvilken", "hvilket", "hvilke", "om"}))
    return i > first_word(s) || !lemma_in(w, {"hvorfor", "hvordan", "hvor", "hva", "hvem", "hvilken", "hvilket", "hvilke"});
  // "og at", "men at": one token to the analyser.
  return w.lower.ends_with(" at") && w.lower.find(' ') == w.lower.rfind(' ');
}
}  // namespace

// O: in a subordinate clause "ikke", "aldri" and "alltid" come before the finite verb:
// "fordi han kommer ikke" → "fordi han ikke kommer"; "at det er ikke lett" → "at det ikke er
// lett"; "noen som er ikke enige" → "noen som ikke er enige".
void rule_adverb_subclause(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& sub = s.words[i];
    std::size_t verb_at;
    // "Kanskje" first in its clause with the subject before the verb takes the order of a
    // subordinate clause: "Kanskje han kommer ikke" → "Kanskje han ikke kommer" (or "Kanskje
    // kommer han ikke"). Only "ikke", "aldri" and "alltid" are read.
    const bool kanskje_straight = sub.lower == "kanskje" &&
                                  (i == first_word(s) || (i > 0 && (s.words[i - 1].text == "," || lemma_in(s.words[i - 1], {"men", "og", "eller"}))));
    if (kanskje_straight && !(is_word(at(s, i + 1)) && !could_be_finite(s.words[i + 1]))) continue;
    if (sub.lower == "som") {
      // Relative "som" as the subject, after a noun or pronoun ("noen som er ikke").
      // (Also after a comma: "de voksne, som er aldri hjemme".)
      const std::size_t h = i >= 2 && s.words[i - 1].text == "," ? i - 2 : i - 1;
      if (i == 0 || !some(s.words[h], [](const Reading& r) { return r.has("n") || r.has("prn") || r.has("np"); }) ||
          lemma_in(s.words[h], {"slik", "sånn", "samme", "like", "så"}))
        continue;
      verb_at = i + 1;
      // "som jeg vil ikke": a subject after "som".
      if (pronoun_subject(s.words[i + 1])) verb_at = i + 2;
    } else if (sub.lower == "fordi") {
      // After "fordi" main-clause order is common in speech ("fordi det koster ikke mye"); only a
      // personal pronoun (or "en" as "one", right before a finite verb) and "ikke", "aldri" or
      // "alltid" are read.
      if (!is_subject_pronoun(s.words[i + 1]) &&
          !(s.words[i + 1].lower == "en" && is_word(at(s, i + 2)) && every(s.words[i + 2], finite) &&
            !some(s.words[i + 2], noun_or_name)))
        continue;
      verb_at = i + 2;
      if (const Word* a = at(s, verb_at + 1); !a || !verb_adverb(*a)) continue;
    } else if (opens_subclause(s, i) || kanskje_straight) {
      // "om" is also a preposition ("boka om Per er ikke god"): only after a verb or "på".
      if (sub.lower == "om" && !(i > 0 && (could_be_finite(s.words[i - 1]) || lemma_in(s.words[i - 1], {"på", "ikke"}))))
        continue;
      const Word& first = s.words[i + 1];
      // "en" as a pronoun ("fordi en har ikke tid") right before a finite verb.
      if (pronoun_subject(first) || (first.lower == "en" && is_word(at(s, i + 2)) && every(s.words[i + 2], finite))) {
        verb_at = i + 2;
      } else {
        verb_at = noun_phrase_end(s, i + 1);
        if (verb_at == i + 1) continue;
        // "at folk flest", "at penger"
        if (const Word* w = at(s, verb_at); is_word(w) && w->lower == "flest") ++verb_at;
      }
    } else {
      continue;
    }
    const Word* verb = at(s, verb_at);
    if (!is_word(verb) || !every(*verb, finite)) continue;
    std::size_t adverb_at = verb_at + 1;
    // "når man har det ikke bra": an unstressed object pronoun may come between.
    if (const Word* o = at(s, adverb_at); is_word(o) && (is_object_pronoun(*o) || o->lower == "det") && o->lower != "seg")
      ++adverb_at;
    const Word* adverb = at(s, adverb_at);
    if (!is_word(adverb)) continue;
    // Between an auxiliary and its infinitive, or between "er" and what it says, also "bare",
    // "ofte", "kanskje" … qualify the verb: "hvis man ville bare prøve", "som er ofte syke".
    const Word* after_adverb = at(s, adverb_at + 1);
    const bool before_infinitive = adverb_at == verb_at + 1 && (is_modal(*verb) || lemma_in(*verb, {"skal", "skulle", "vil", "ville"})) &&
                                   is_word(after_adverb) && every(*after_adverb, [](const Reading& r) { return r.has("inf"); });
    // ("er bare 15 grader", "er nesten fire år": the adverb then belongs to the number.)
    // ("er bare er": the verb written twice, extra-copula's.)
    const bool after_copula = adverb_at == verb_at + 1 && lemma_in(*verb, {"er", "var"}) && is_word(after_adverb) &&
                              !finite_on_raw_readings(*after_adverb) &&
                              !has_digit(after_adverb->text) && !some(*after_adverb, [](const Reading& r) { return r.has("num"); }) &&
                              !lemma_in(*after_adverb, {"en", "ei", "et", "ett", "to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte",
                                                        "ni", "ti", "tolv", "tjue", "hundre", "noen", "noe", "litt", "for", "som"});
    // ("at vi må selv bestemme", "at du kan bare gå på", "at man må ofte lete" are often left as they are.)
    const bool qualifies = (before_infinitive && lemma_in(*adverb, {"kanskje", "sikkert", "virkelig", "nesten", "lettere", "fort"})) ||
                           (after_copula && lemma_in(*adverb, {"ofte", "nesten", "kanskje", "bare"}));
    if (!subclause_adverb(*adverb) && !qualifies) continue;
    if (kanskje_straight && !verb_adverb(*adverb)) continue;
    if (!qualifies && !verb_adverb(*adverb) && (!is_word(at(s, adverb_at + 1)) || adverb_at > verb_at + 1)) continue;
    // "ikke bare ..., men": the adverb belongs to what follows.
    if (const Word* n = at(s, adverb_at + 1); n && lemma_in(*n, {"bare", "minst", "engang", "en gang"})) continue;
    std::string fixed = adverb->lower + " " + verb->text;
    for (std::size_t k = verb_at + 1; k < adverb_at; ++k) fixed += " " + s.words[k].text;
    c.add("adverb-subclause", "O", verb->start, adverb->end, {fixed}, 0.75);
  }
}

namespace {
// "da" and "før" open a subordinate clause (when, before) or are adverbs (then, earlier) with the
// verb second. As subjunctions with the verb before its subject: first in the sentence when a
// comma and the main clause's verb follow ("Før kom jeg hit, bodde jeg i Polen"), inside it after
// a word that cannot stand before the adverb ("overrasket da fikk jeg jobben"). Returns the verb's
// index, or 0.
std::size_t inverted_after_subjunction(const Sentence& s, std::size_t i) {
  const Word& sub = s.words[i];
  if (sub.lower != "da" && sub.lower != "før") return 0;
  const Word* verb = at(s, i + 1);
  const Word* subject = at(s, i + 2);
  // (A pronoun subject right after makes a noun reading of the verb unlikely: "da jobbet jeg".)
  if (!is_word(verb) || !is_word(subject) || !is_personal_subject_pronoun(*subject) ||
      !(finite_on_raw_readings(*verb) || every(*verb, [](const Reading& r) { return finite(r) || r.has("n"); })) ||
      !some(*verb, finite) || some(*verb, [](const Reading& r) { return r.has("pr") || r.has("adv"); }))
    return 0;
  const std::size_t first = first_word(s);
  const bool clause_first = i == first || (i > first + 1 && lemma_in(s.words[i - 1], {"men"}) && s.words[i - 2].text == ",");
  if (clause_first) {
    for (std::size_t k = i + 3; k + 1 < s.words.size(); ++k) {
      const Word& w = s.words[k];
      if (w.punct && w.text != ",") return 0;
      if (lemma_in(w, {"og", "men", "eller", "at", "som", "hvis", "når", "fordi", "om"})) return 0;
      if (w.text == ",") {
        const Word& next = s.words[k + 1];
        return next.lower != "så" && some(next, finite) && !some(next, [](const Reading& r) { return r.has("n") || r.has("pr") || r.has("adv") || r.has("prn") || r.has("det"); })
                   ? i + 1
                   : 0;
      }
    }
    return 0;
  }
  if (i == 0) return 0;
  const Word& before = s.words[i - 1];
  // "og da kom han", "for da kunne vi", "først da så jeg": the adverb.
  if (before.punct || lemma_in(before, {"og", "men", "eller", "for", "så", "først", "nettopp", "akkurat", "bare", "allerede", "nå", "enn",
                                        "helt", "ikke", "like", "kort", "rett", "lenge", "nok", "også", "vel", "jo", "altså", "heller"}) ||
      some(before, [](const Reading& r) { return r.has("cnjcoo") || r.has("cnjsub") || r.has("adv"); }))
    return 0;
  // A subordinate clause before ("Hvis vi vil, da kan vi …" without its comma) takes "da" as the resumption.
  for (std::size_t k = 0; k < i; ++k)
    if (lemma_in(s.words[k], {"hvis", "når", "dersom", "om"})) return 0;
  return i + 1;
}
}  // namespace

// O: in a subordinate clause and an indirect question the subject comes before the verb: "at har
// de" → "at de har"; "jeg vet ikke hva skal jeg gjøre" → "hva jeg skal gjøre"; "hvor gammel er
// man" → "hvor gammel man er".
void rule_subclause_order(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  const bool question = !s.words.empty() && s.words.back().text == "?";
  for (std::size_t i = first; i + 2 < s.words.size(); ++i) {
    if (const std::size_t v = inverted_after_subjunction(s, i); v > 0) {
      const Word& verb = s.words[v];
      const Word& subject = s.words[v + 1];
      c.add("subclause-word-order", "O", verb.start, subject.end, {subject.lower + " " + verb.text}, 0.75);
      return;
    }
  }
  // "Derfor synes jeg er det viktig" → "det er": after a sentence adverb, a verb of opinion and
  // its subject, a clause without "at" keeps its subject first. (Only after such an adverb: in
  // "Det synes jeg er riktig" and "Hva tror du er best" a word is taken out of that clause.)
  if (const Word* a = at(s, first); is_word(a) && sentence_adverb(*a) && first + 5 < s.words.size()) {
    const Word& opinion = s.words[first + 1];
    const Word& subject = s.words[first + 2];
    const Word& verb = s.words[first + 3];
    const Word& inner = s.words[first + 4];
    if (lemma_in(opinion, {"synes", "syns", "tror", "mener", "syntes", "trodde", "mente"}) && is_subject_pronoun(subject) &&
        !verb.punct && every(verb, finite) && !surely_some(verb, [](const Reading& r) { return r.has("n") || r.has("pr") || r.has("adv"); }) &&
        !inner.punct) {
      std::size_t end = noun_phrase_end(s, first + 4);
      if (end == first + 4 && pronoun_subject(inner)) {
        // "det litterære verket": a determiner before an adjective and a noun (the noun may also
        // read as a verb).
        const Word* adjective = at(s, first + 5);
        const Word* noun = at(s, first + 6);
        const bool determiner = lemma_in(inner, {"det", "den", "de"}) && is_word(adjective) &&
                                some(*adjective, [](const Reading& r) { return r.has("adj") && (r.has("def") || r.has("pl")); });
        if (!determiner) end = first + 5;
        else if (is_word(noun) && some(*noun, [](const Reading& r) { return r.has("n") && (r.has("def") || r.has("pl")); })) end = first + 7;
      }
      if (end > first + 4) {
        std::string moved;
        for (std::size_t k = first + 4; k < end; ++k) moved += s.words[k].text + " ";
        c.add("subclause-word-order", "O", verb.start, s.words[end - 1].end, {moved + verb.text}, 0.7);
        return;
      }
    }
  }
  for (std::size_t i = first + 1; i + 2 < s.words.size(); ++i) {
    const Word& sub = s.words[i];
    const Word& before = s.words[i - 1];
    // After a comma or colon a direct question or a new sentence may start; "mens", "fordi",
    // "hvis", "at" and a relative "hvor" after a noun still open subordinate clauses.
    const bool after_comma = before.text == "," && i >= 2 && !s.words[i - 2].punct;
    if (before.punct && !(after_comma && !question &&
                          (lemma_in(sub, {"mens", "fordi", "hvis", "dersom", "at", "ettersom"}) ||
                           (sub.lower == "hvor" && some(s.words[i - 2], noun_or_name)))))
      continue;
    std::size_t verb_at = i + 1;
    const Word* negation = nullptr;
    bool wh = false;
    bool degree = false;  // "hvor viktig", "hvor mange barn"
    if (lemma_in(sub, {"hva", "hvem", "hvordan", "hvorfor", "hvor"})) {
      wh = true;
      // "hvor gammel", "hvor mye", "hvor ofte"
      // ("norsk" in "hvor norsk må man bli" is read as the noun; "hvor mange barn vil de ha".)
      if (sub.lower == "hvor" && !surely_could_be_finite(s.words[i + 1]) &&
          (some(s.words[i + 1], [](const Reading& r) { return r.has("adj") || r.has("adv"); }) ||
           (every(s.words[i + 1], [](const Reading& r) { return r.has("n") && !r.has("def"); }) && is_word(at(s, i + 2)) &&
            finite_on_raw_readings(s.words[i + 2])))) {
        ++verb_at;
        degree = true;
        if (lemma_in(s.words[i + 1], {"mange", "mye", "få", "lite"}) && is_word(at(s, i + 2)) &&
            every(s.words[i + 2], [](const Reading& r) { return r.has("n"); }) && !finite_on_raw_readings(s.words[i + 2]))
          ++verb_at;
      }
    } else if (lemma_in(sub, {"at", "når", "mens", "fordi", "hvis", "dersom", "ettersom"})) {
      if (sub.lower == "når" && question) continue;
    } else if (sub.lower == "som") {
      if (!some(before, noun_or_name) && !lemma_in(before, {"noe", "noen", "alt", "det", "den", "de", "dette"})) continue;
      // "noe som ikke kan man kontrollere": the negation between "som" and the verb.
      if (lemma_in(s.words[i + 1], {"ikke", "aldri"})) negation = &s.words[i + 1], ++verb_at;
    } else {
      continue;
    }
    // The question word must follow a word of the main clause (a verb, "på", "om", "ikke").
    if (wh && !after_comma &&
        !(could_be_finite(before) || (lemma_in(before, {"og", "eller"}) && !question) ||
          lemma_in(before, {"på", "om", "ikke", "over", "i", "for", "meg", "deg", "seg", "oss", "dem", "ham", "henne", "vite",
                            "forstå", "se", "spørre", "fortelle", "skjønne", "forklare", "lære", "finne", "vise", "bestemme",
                            "velge", "avhenger", "av", "til",
                            // Verbs of telling and knowing that CG-3, seeing only a few words, may read as nouns.
                            "forteller", "fortalte", "viser", "viste", "beskriver", "beskrev", "forklarer", "forklarte", "forstår",
                            "forsto", "skjønner", "skjønte", "lurer", "lurte", "spør", "spurte", "vet", "visste", "husker", "lærer"})))
      continue;
    const Word* verb = at(s, verb_at);
    const Word* subject = at(s, verb_at + 1);
    if (!is_word(verb) || !is_word(subject)) continue;
    // "som" takes only the subject-only pronouns: "som kjente han" may have an object. After "at"
    // a verb cannot be followed by its object. After "hva er" a "det" may start a cleft ("hva er
    // det som ...").
    bool clear_subject;
    std::size_t subject_end = verb_at + 2;
    if (lemma_in(sub, {"hvordan", "hvorfor"}) && !pronoun_subject(*subject) && is_modal(*verb)) {
      // A noun subject between a modal and its infinitive: "forstår hvordan kan folk spise det"
      // ("hvordan" and "hvorfor" are never the subject).
      subject_end = noun_phrase_end(s, verb_at + 1);
      const Word* infinitive = at(s, subject_end);
      clear_subject = subject_end > verb_at + 1 && is_word(infinitive) &&
                      every(*infinitive, [](const Reading& r) { return r.has("vblex") && r.has("inf"); });
    } else if (degree && !pronoun_subject(*subject) && lemma_in(*verb, {"er", "var", "blir", "ble"})) {
      // "hvor viktig er familien": a definite noun subject after "være" or "bli".
      subject_end = noun_phrase_end(s, verb_at + 1);
      const Word* after = at(s, subject_end);
      clear_subject = subject_end > verb_at + 1 &&
                      every(s.words[subject_end - 1], [](const Reading& r) { return r.has("n") && (r.has("def") || r.has("pl")); }) &&
                      (!after || after->punct || some(*after, [](const Reading& r) { return r.has("pr"); }));
    } else if (sub.lower == "som") {
      clear_subject = lemma_in(*subject, {"jeg", "du", "vi", "man"});
    } else {
      const Word* after = at(s, verb_at + 2);
      clear_subject = pronoun_subject(*subject) && !(subject->lower == "det" && after && after->lower == "som");
    }
    if (!clear_subject) continue;
    if (!every(*verb, finite) || surely_some(*verb, [](const Reading& r) { return r.has("n") || r.has("pr") || r.has("adv"); }))
      continue;
    std::string moved;
    for (std::size_t k = verb_at + 1; k < subject_end; ++k) moved += (k == verb_at + 1 && pronoun_subject(*subject) ? s.words[k].lower : s.words[k].text) + " ";
    if (negation) {
      c.add("subclause-word-order", "O", negation->start, s.words[subject_end - 1].end, {moved + negation->lower + " " + verb->text}, 0.75);
      return;
    }
    c.add("subclause-word-order", "O", verb->start, s.words[subject_end - 1].end, {moved + verb->text}, 0.75);
    return;
  }
}

// O: a clause adverb after the subject of a main clause comes after the finite verb: "Jeg ikke
// liker kaffe" → "Jeg liker ikke kaffe", "Vi også vet det" → "Vi vet også det", "Barn ofte
// spør" → "Barn spør ofte".
void rule_adverb_main_clause(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  bool subordinate_before = false;  // "fordi de er syke og de ikke kan jobbe": still subordinate
  for (std::size_t i = first; i + 2 < s.words.size(); ++i) {
    if (i > first && (is_subjunction(s.words[i - 1]) || lemma_in(s.words[i - 1], {"som", "da", "hvor", "der", "hva", "hvem", "hvordan", "hvorfor"})))
      subordinate_before = true;
    const bool clause_start = i == first || s.words[i - 1].lower == "men" ||
                              (s.words[i - 1].lower == "og" && !subordinate_before && i >= 2 && s.words[i - 2].text == ",");
    if (!clause_start) continue;
    const Word& subject = s.words[i];
    // A pronoun subject, or (only first in the sentence) a noun phrase without determiner-like
    // words that may start a fronted adverbial ("Neste dag", "Hver gang").
    std::size_t adverb_at = i + 1;
    if (!is_subject_pronoun(subject)) {
      if (i != first) continue;
      adverb_at = noun_phrase_end(s, i);
      if (adverb_at == i || adverb_at > i + 2 || !some(s.words[adverb_at - 1], [](const Reading& r) { return r.has("n") && r.has("pl"); }) ||
          surely_some(s.words[adverb_at - 1], [](const Reading& r) { return r.has("np") || r.has("sg"); }))
        continue;
      if (lemma_in(subject, {"neste", "hver", "hvert", "hele", "alle", "forrige", "samme", "mange", "noen", "begge"})) continue;
    }
    const Word* adverb = at(s, adverb_at);
    const Word* verb = at(s, adverb_at + 1);
    if (!is_word(adverb) || !is_word(verb)) continue;
    const bool negation = lemma_in(*adverb, {"ikke", "aldri"});
    // "også", "ofte", "alltid" … after a pronoun; after a noun only the clear ones ("Barn også
    // trenger" may stress the noun: "også barn").
    const bool other = lemma_in(*adverb, {"ofte", "alltid", "fortsatt", "fremdeles", "egentlig", "allerede", "sjelden"}) ||
                       (adverb->lower == "også" && is_subject_pronoun(subject) && subject.lower != "jeg");  // "jeg også" = me too
    if (!negation && !other) continue;
    if (!every(*verb, finite) || surely_some(*verb, [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("pr") || r.has("adv"); }))
      continue;
    // "Vi også, vi liker det": a pause; "Jeg også er" hardly happens otherwise.
    c.add("adverb-main-clause", "O", adverb->start, verb->end, {verb->text + " " + adverb->text}, 0.75);
  }
}

// O: an unstressed object pronoun comes before "ikke" in a main clause: "jeg ser ikke ham" →
// "jeg ser ham ikke", "det dreier ikke seg" → "det dreier seg ikke".
void rule_object_pronoun_order(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 1; i + 1 < s.words.size(); ++i) {
    const Word& adverb = s.words[i];
    const Word& pronoun = s.words[i + 1];
    if (!lemma_in(adverb, {"ikke", "aldri", "alltid", "også", "ofte"})) continue;
    if (!lemma_in(pronoun, {"meg", "deg", "seg", "oss", "dem"})) continue;
    // "det er ikke meg": after "være" and "bli" the pronoun is stressed.
    const Word& verb = s.words[i - 1];
    if (!every(verb, finite) || surely_some(verb, [](const Reading& r) { return r.lemma == "være" || r.lemma == "bli"; })) continue;
    // "ikke meg, men deg", "ikke oss selv": a contrast or "selv" stresses it.
    if (const Word* n = at(s, i + 2); n && (n->text == "," || n->lower == "selv" || n->lower == "men")) continue;
    c.add("object-pronoun-order", "O", adverb.start, pronoun.end, {pronoun.text + " " + adverb.text}, 0.75);
  }
}

// O: a clause adverb stands before an infinitive or participle, right after the finite verb (or
// its subject): "Man kan velge også størrelsen" → "kan også velge", "Jeg har sett aldri noe
// slikt" → "har aldri sett".
void rule_adverb_nonfinite(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 3 < s.words.size(); ++i) {
    const Word& aux = s.words[i];
    const bool modal = is_modal(aux);
    const bool perfect = lemma_in(aux, {"har", "hadde"});
    if (!modal && !perfect) continue;
    if (!every(aux, finite)) continue;
    std::size_t j = i + 1;
    if (pronoun_subject(s.words[j])) ++j;
    if (j + 2 >= s.words.size()) continue;
    const Word& verb = s.words[j];
    const Word& adverb = s.words[j + 1];
    const Word& next = s.words[j + 2];
    // "bare", "selv" and "ofte" may belong to what follows ("bety bare fordeler", "kjempe selv").
    if (!lemma_in(adverb, {"ikke", "aldri", "alltid", "også"}) || next.punct) continue;
    // "forstå også at ...": "også" before a clause may add the clause.
    if (adverb.lower == "også" && lemma_in(next, {"at", "som", "om", "hvis", "når", "fordi"})) continue;
    if (!every(verb, [&](const Reading& r) { return r.has("vblex") && r.has(modal ? "inf" : "pp"); })) continue;
    // "kan gjøre ikke bare ..., men": the adverb belongs to what follows.
    if (lemma_in(next, {"bare", "minst", "om", "enn", "mer", "mindre"})) continue;
    c.add("adverb-nonfinite", "O", verb.start, adverb.end, {adverb.lower + " " + verb.text}, 0.7);
  }
}

}  // namespace voki::feedback
