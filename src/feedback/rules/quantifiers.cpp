// F: the noun after a quantifier that asks for the plural: "alle person" → "alle personer",
// "andre kultur" → "andre kulturer", "begge bil" → "begge biler", "forskjellige farge" →
// "forskjellige farger", "de fleste elev" → "de fleste elever". Numbers, "mange" and "flere" are
// the article rule's (rule_agreement).
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

namespace {

enum class Quantifier { none, determiner, adjective, demonstrative };

// "alle", "begge", "samtlige", "de fleste" are plural determiners; "andre", "forskjellige",
// "ulike" are plural only at the start of a noun phrase (not "den andre siden", "det ulike").
Quantifier quantifier(const Word& w) {
  if (w.punct) return Quantifier::none;
  if (lemma_in(w, {"alle", "samtlige", "de fleste"}))
    return every(w, [](const Reading& r) { return r.has("det") && r.has("pl"); }) ? Quantifier::determiner : Quantifier::none;
  if (lemma_in(w, {"disse"}))
    return every(w, [](const Reading& r) { return (r.has("det") || r.has("prn")) && r.has("pl"); }) ? Quantifier::demonstrative
                                                                                                  : Quantifier::none;
  if (lemma_in(w, {"begge"}))
    return every(w, [](const Reading& r) { return r.has("det") || r.has("adv"); }) ? Quantifier::determiner : Quantifier::none;
  if (lemma_in(w, {"andre"}))
    return every(w, [](const Reading& r) { return (r.has("det") && r.has("pl")) || (r.has("adj") && (r.has("pl") || r.has("sp"))); })
               ? Quantifier::adjective
               : Quantifier::none;
  if (lemma_in(w, {"forskjellige", "ulike"}))
    return every(w, [](const Reading& r) { return r.has("adj") && (r.has("pl") || r.has("sp")); }) ? Quantifier::adjective
                                                                                                      : Quantifier::none;
  return Quantifier::none;
}

// A word before "andre/forskjellige/ulike" that makes them definite or singular: "den andre
// siden", "en annen", "mitt andre hjem", "hver andre uke", "for det andre".
bool takes_over(const Word& w) {
  if (w.punct) return false;
  if (lemma_in(w, {"den", "det", "de", "denne", "dette", "disse", "en", "ei", "et", "hver", "hvert", "min", "mitt", "mine",
                   "din", "ditt", "dine", "sin", "sitt", "sine", "vår", "vårt", "våre", "hans", "hennes", "deres", "dens",
                   "dets", "hele", "annenhver", "annethvert"}))
    return true;
  return some(w, [](const Reading& r) { return r.has("gen") || r.has("num") || r.has("pos") || (r.has("det") && !r.has("qnt")); });
}

// Nouns "andre" counts in as an ordinal: "i andre klasse", "for andre gang", "andre halvdel".
bool ordinal_noun(const Word& w) {
  return lemma_in(w, {"gang", "klasse", "etasje", "halvdel", "halvår", "omgang", "runde", "plass", "trinn", "time", "del",
                      "år", "uke", "dag", "måned", "kvartal", "semester", "termin", "generasjon", "ledd", "akt", "vers",
                      "side", "språk", "utgave", "verdenskrig", "divisjon", "periode", "sesong", "forsøk", "steg"});
}

// Nouns with an idiomatic singular after "alle/mange": "alle mann", "mange takk", "alle slags".
bool idiom_noun(const Word& w) { return lemma_in(w, {"mann", "takk", "slags", "sorts", "sort"}); }

}  // namespace

void rule_plural_after_quantifier(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& q = s.words[i];
    const Quantifier kind = quantifier(q);
    if (kind == Quantifier::none) continue;
    if (kind == Quantifier::adjective && i > 0 && takes_over(s.words[i - 1])) continue;
    // "I dag har (nesten) alle bil": after a finite verb "alle", "begge", "andre" may be the
    // subject, and the noun its object.
    if (!lemma_in(q, {"forskjellige", "ulike"})) {
      std::size_t b = i;
      while (b > 0 && (is_clause_adverb(s.words[b - 1]) || lemma_in(s.words[b - 1], {"nesten", "nok", "da", "vel", "jo", "nå"}))) --b;
      if (b > 0 && surely_some(s.words[b - 1], finite)) continue;
    }
    // "alle/begge" also stand alone before a verb or a noun used as a verb ("alle lærer norsk").
    std::size_t j = i + 1;
    // At most one adjective between, in a plural form ("alle norske elev").
    if (j < s.words.size() && !s.words[j].punct &&
        every(s.words[j], [](const Reading& r) { return r.has("adj") && (r.has("pl") || r.has("sp")) && !r.has("ord"); }) &&
        none(s.words[j], [](const Reading& r) { return r.has("n") || verb_any(r) || r.has("det"); }))
      ++j;
    const Word* noun = at(s, j);
    if (!is_word(noun) || noun->unknown || has_digit(noun->text) || (noun->capitalised && j != first_word(s))) continue;
    if (idiom_noun(*noun) || (lemma_in(q, {"andre"}) && ordinal_noun(*noun))) continue;
    // After "disse" the noun is plural and definite: "disse dag" → "disse dagene" ("disse bøker"
    // passes as formal style).
    const bool demonstrative = kind == Quantifier::demonstrative;
    if (!every(*noun, [&](const Reading& r) {
          return r.has("n") && r.has("sg") && (r.has("ind") || (demonstrative && r.has("def"))) && !r.has("gen") && !r.has("cmp-split");
        }))
      continue;
    // Only words the dictionary has as nouns or verb stems (not "lærer" in "alle lærer norsk",
    // nor adjectives or participles) and countable (not "informasjon" with an "unc" reading).
    const auto dictionary = c.worker.lookup(noun->lower);
    if (dictionary.empty() || std::any_of(dictionary.begin(), dictionary.end(), [&](const Reading& r) {
          if (r.has("compound-only-L")) return false;
          if (verb_any(r)) return !(r.has("inf") || r.has("imp"));
          return !r.has("n") || r.has("unc") || r.has("pl") || r.has("sp") || (r.has("def") && !(demonstrative && r.has("sg")));
        }))
      continue;
    const Word* after = at(s, j + 1);
    // "alle info. kilder": an abbreviation; "alle skole elever": a split compound.
    if (after && after->text == "." && is_word(at(s, j + 2)) && !s.words[j + 2].capitalised) continue;
    if (after && !after->punct && surely_some(*after, [](const Reading& r) { return r.has("n"); }) &&
        surely_none(*after, [](const Reading& r) { return verb_any(r) || r.has("pr") || r.has("cnjcoo"); }))
      continue;
    // "forskjellige kultur er": the plural ending written apart.
    if (is_word(after) && lemma_in(*after, {"er", "ene", "en", "et", "a"}) && !c.worker.lookup(noun->lower + after->lower).empty())
      continue;
    auto form = regenerate(c.worker, *noun, [](const Reading& r) { return r.has("n") && r.has("sg"); },
                           [&](std::vector<std::string>& t) {
                             replace_tag(t, {"sg"}, "pl");
                             if (demonstrative) replace_tag(t, {"ind"}, "def");
                           });
    if (!form.empty()) c.add("plural-after-quantifier", "F", noun->start, noun->end, {form}, 0.7);
  }
  // "en av" and a plural determiner or a possessive: one of many, so the noun is plural: "en av
  // mine venn" → "venner", "et av de største problemet" → "problemene" (after "de"/"disse" the
  // definite plural, after a possessive the indefinite).
  for (std::size_t i = 0; i + 3 < s.words.size(); ++i) {
    if (!lemma_in(s.words[i], {"en", "ei", "et", "ett"}) || s.words[i + 1].lower != "av") continue;
    const Word& det = s.words[i + 2];
    const bool demonstrative = lemma_in(det, {"de", "disse"});
    if (!demonstrative && !lemma_in(det, {"mine", "dine", "sine", "våre", "deres", "hans", "hennes"})) continue;
    // "mine" is also the noun (a mine): some reading as a determiner or possessive is enough.
    if (!some(det, [](const Reading& r) { return r.has("det") || r.has("prn"); })) continue;
    std::size_t j = i + 3;
    while (j < s.words.size() && j < i + 5 && !s.words[j].punct &&
           every(s.words[j], [](const Reading& r) { return r.has("adj"); }) &&
           none(s.words[j], [](const Reading& r) { return r.has("n") || verb_any(r) || r.has("det"); }))
      ++j;
    const Word* noun = at(s, j);
    if (!is_word(noun) || noun->unknown || has_digit(noun->text) || noun->capitalised || noun->text.find(' ') != std::string::npos) continue;
    if (!every(*noun, [](const Reading& r) { return r.has("n") && r.has("sg") && !r.has("gen") && !r.has("cmp-split"); })) continue;
    // Only countable nouns that are singular alone in the dictionary (not "barn", "ting"), or
    // also a verb stem ("venn").
    const auto dictionary = c.worker.lookup(noun->lower);
    if (dictionary.empty() || std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
          if (r.has("compound-only-L")) return false;
          if (verb_any(r)) return !(r.has("inf") || r.has("imp"));
          return !r.has("n") || !r.has("sg") || r.has("unc") || r.has("gen");
        }))
      continue;
    const Word* after = at(s, j + 1);
    if (after && !after->punct && surely_some(*after, [](const Reading& r) { return r.has("n"); }) &&
        surely_none(*after, [](const Reading& r) { return verb_any(r) || r.has("pr") || r.has("cnjcoo"); }))
      continue;  // "en av de beste fotball spillerne": a compound written apart
    auto form = regenerate(c.worker, *noun, [](const Reading& r) { return r.has("n") && r.has("sg"); },
                           [&](std::vector<std::string>& t) {
                             replace_tag(t, {"sg"}, "pl");
                             replace_tag(t, {"ind", "def"}, demonstrative ? "def" : "ind");
                           });
    if (!form.empty()) c.add("one-of-plural", "F", noun->start, noun->end, {form}, 0.7);
  }
  // After a number or an indefinite quantifier the plural noun is indefinite: "mange barna" →
  // "mange barn", "tre oppgavene" → "tre oppgaver", "noen få tingene" → "ting"; not after a
  // determiner of the noun's own ("de to barna", "mine mange venner"), and not "alle/begge barna".
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& q = s.words[i];
    if (q.punct) continue;
    // Not "ti", which is also a slip for "til" ("ti politikerne").
    const bool number = lemma_in(q, {"to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "elleve", "tolv", "tjue",
                                     "hundre", "tusen"}) ||
                        (has_digit(q.text) && q.text.find_first_not_of("0123456789") == std::string::npos && q.text != "1");
    // "få" is also the verb ("få barna i seng"): only in "noen få".
    const bool few = q.lower == "få" && i > 0 && s.words[i - 1].lower == "noen";
    if (!number && !few && !lemma_in(q, {"mange", "flere", "noen", "ingen", "fleire"})) continue;
    const std::size_t start = few ? i - 1 : i;  // "noen få": the word before "noen"
    if (start > 0 && !s.words[start - 1].punct) {
      const Word& before = s.words[start - 1];
      if (lemma_in(before, {"de", "disse", "dei", "alle", "begge", "hans", "hennes", "deres", "våre", "mine", "dine", "sine", "så",
                            "hvor", "for", "i"}) ||
          surely_some(before, [](const Reading& r) {
            return r.has("det") || r.has("gen") || (r.has("prn") && r.has("pos")) || r.has("adj") || r.has("ord");
          }))
        continue;  // "de siste 40 årene": "de" stands before the adjective
    }
    const Word* noun = at(s, i + 1);
    if (!is_word(noun) || noun->unknown || has_digit(noun->text) || noun->capitalised) continue;
    if (!every(*noun, [](const Reading& r) { return r.has("n") && r.has("def") && r.has("pl") && !r.has("gen"); })) continue;
    const auto dictionary = c.worker.lookup(noun->lower);
    if (dictionary.empty() || std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
          return !r.has("compound-only-L") && !(r.has("n") && r.has("def") && r.has("pl") && !r.has("gen"));
        }))
      continue;
    const Word* after = at(s, i + 2);
    if (is_word(after) && surely_some(*after, [](const Reading& r) { return r.has("n") || r.has("np"); }) &&
        surely_none(*after, [](const Reading& r) { return verb_any(r) || r.has("pr") || r.has("cnjcoo"); }))
      continue;
    auto form = regenerate(c.worker, *noun, [](const Reading& r) { return r.has("def"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
    if (!form.empty()) c.add("quantifier-definiteness", "F", noun->start, noun->end, {form}, 0.7);
  }
  // A noun that is also a present-tense verb ("lærer", "jobber"), read as the verb by CG-3: when a
  // finite verb follows, it is the noun of the subject: "alle lærer har" → "lærere", "mange
  // lærer tjener" (but not "alle lærer norsk").
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& q = s.words[i];
    const bool all = lemma_in(q, {"alle", "begge"});
    const bool number = lemma_in(q, {"mange", "flere", "noen", "to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti"});
    if (!all && !number) continue;
    // "Det alle lærer er nyttig", "som mange lærer": the quantifier is the subject of a relative
    // clause; it must begin the phrase after the start, a comma, a conjunction or a preposition.
    const bool phrase_start = i == first_word(s) || s.words[i - 1].text == "," ||
                              lemma_in(s.words[i - 1], {"at", "fordi", "når", "hvis", "og", "men", "dersom", "siden"}) ||
                              surely_some(s.words[i - 1], [](const Reading& r) { return r.has("pr"); });
    if (!phrase_start) continue;
    const Word& noun = s.words[i + 1];
    const Word& verb = s.words[i + 2];
    if (noun.punct || noun.unknown || noun.capitalised || verb.punct || verb.unknown) continue;
    if (!some(noun, [](const Reading& r) { return verb_any(r) && r.has("pres"); })) continue;
    if (!every(verb, [](const Reading& r) { return finite(r); })) continue;
    // Nouns in the dictionary: a countable singular and the present form of a verb, nothing else
    // (but plurals: "lærer" is also the plural of "lære").
    const auto dictionary = c.worker.lookup(noun.lower);
    bool singular_noun = false;
    if (std::any_of(dictionary.begin(), dictionary.end(), [&](const Reading& r) {
          if (r.has("compound-only-L") || r.has("compound-R")) return false;
          if (r.has("n") && r.has("sg") && r.has("ind") && !r.has("unc") && !r.has("gen")) {
            singular_noun = true;
            return false;
          }
          return !(verb_any(r) && r.has("pres")) && !(r.has("n") && r.has("pl") && !r.has("gen"));
        }) ||
        !singular_noun)
      continue;
    Word as_noun = noun;
    as_noun.readings.clear();
    for (const auto& r : dictionary)
      if (r.has("n") && r.has("sg") && !r.has("compound-R")) as_noun.readings.push_back(r);
    auto form = regenerate(c.worker, as_noun, [](const Reading& r) { return r.has("n"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"sg"}, "pl"); });
    if (!form.empty())
      c.add(all ? "plural-after-quantifier" : "plural-after-number", "F", noun.start, noun.end, {form}, 0.7);
  }
}

}  // namespace voki::feedback
