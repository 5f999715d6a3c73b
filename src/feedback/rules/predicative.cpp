// F: the adjective after "er/var/blir/ble" agrees with the subject: "huset er stort", "hun er
// flink", "folk er flinke".
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

namespace {

enum class Agreement { none, plural, common, neuter };

bool copula(const Word& w) {
  return !w.punct && every(w, [](const Reading& r) { return r.has("vblex") && (r.lemma == "være" || r.lemma == "bli"); });
}

// Adverbs that may stand between the verb and the adjective: "er ikke så glad".
bool degree_adverb(const Word& w) {
  return lemma_in(w, {"ikke", "også", "alltid", "ofte", "veldig", "svært", "meget", "så", "helt", "ganske", "litt", "aldri",
                      "ennå", "fortsatt", "nokså", "altfor", "virkelig", "egentlig", "bare", "like", "jo", "nå", "mer",
                      "enda", "mindre", "relativt", "temmelig", "utrolig", "ekstremt"});
}

// "har/hadde" or a finite modal before "vært", "blitt", "være", "bli".
bool auxiliary(const Word& w) {
  return !w.punct && (lemma_in(w, {"har", "hadde"}) || is_modal(w)) &&
         every(w, [](const Reading& r) { return verb_any(r) && finite(r); });
}

// What the subject asks of a predicative adjective; `none` when unsure.
Agreement subject_agreement(Worker& worker, const Word& w) {
  if (w.punct || w.unknown) return Agreement::none;
  // "vi/de er glad" is left alone: annotators often let it stand, so it is too doubtful to flag.
  if (lemma_in(w, {"jeg", "du", "han", "hun"})) return Agreement::common;
  // Right before or after the verb "det" is the pronoun (CG-3 may keep the determiner reading of
  // a sentence-initial "Det"; both are neuter).
  if (lemma_in(w, {"det", "dette"}))
    return every(w, [](const Reading& r) { return r.has("prn") || r.has("det"); }) ? Agreement::neuter : Agreement::none;
  if (lemma_in(w, {"folk", "begge"})) return Agreement::plural;
  if (w.capitalised && !every(w, [](const Reading& r) { return r.has("n"); })) return Agreement::none;
  // A definite singular noun: its gender decides, if every dictionary reading agrees ("huset"
  // neuter, "boken" common; "barn" is also plural). Plural nouns are left alone: annotators let
  // "er viktig" stand after many of them.
  if (!every(w, [](const Reading& r) { return r.has("n") && !r.has("gen") && !r.has("cmp-split"); })) return Agreement::none;
  Agreement found = Agreement::none;
  const auto dictionary = worker.lookup(w.lower);
  // A definite plural noun ("barna", "husene"): plural, when every dictionary reading says so.
  if (!dictionary.empty() && std::all_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
        return r.has("n") && r.has("def") && r.has("pl") && !r.has("gen");
      }))
    return Agreement::plural;

  for (const auto& r : dictionary) {
    if (!r.has("n")) continue;
    if (!r.has("def") || !r.has("sg")) return Agreement::none;
    const Agreement a = r.has("nt") ? Agreement::neuter : Agreement::common;
    if (found != Agreement::none && found != a) return Agreement::none;
    found = a;
  }
  return found;
}

bool fits(const Reading& a, Agreement agreement) {
  switch (agreement) {
    case Agreement::plural: return a.has("pl") || a.has("sp");
    case Agreement::neuter: return a.has("sg") && a.has("ind") && (a.has("nt") || a.has("un"));
    case Agreement::common: return a.has("sg") && a.has("ind") && (a.has("mf") || a.has("un"));
    case Agreement::none: return true;
  }
  return true;
}

}  // namespace

void rule_predicative(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t v = 1; v + 1 < s.words.size(); ++v) {
    if (!copula(s.words[v])) continue;
    // The subject: right before the verb ("barna er"), or right after it ("nå er barna"). A word
    // after a preposition or a conjunction is not the whole subject ("moren til barna er", "han
    // og jeg er").
    Agreement agreement = Agreement::none;
    std::size_t a = v + 1;
    // After an auxiliary ("har blitt", "kan være", "har ikke vært") the subject stands before the
    // auxiliary ("samfunnet har blitt åpent"), or between it and the verb ("nå har samfunnet
    // blitt åpent").
    const bool nonfinite = every(s.words[v], [](const Reading& r) { return r.has("inf") || r.has("pp"); });
    std::size_t subject = v - 1;
    bool after_auxiliary = false;
    if (nonfinite) {
      std::size_t p = v - 1;
      while (p > 0 && is_clause_adverb(s.words[p])) --p;
      if (p > 0 && auxiliary(s.words[p])) subject = p - 1;
      else if (p == v - 1 && p > 0 && auxiliary(s.words[p - 1])) after_auxiliary = true;
      else continue;
    }
    const Word& before = s.words[subject];
    // The start of the subject's phrase ("de små barna er"), and what stands before it.
    std::size_t start = subject;
    while (start > 0 && !s.words[start - 1].punct &&
           every(s.words[start - 1], [](const Reading& r) { return r.has("adj") || (r.has("det") && !r.has("qnt")); }))
      --start;
    // "men jeg er": "men" joins clauses, hardly a pronoun to another subject.
    const bool after_men = start > 0 && s.words[start - 1].lower == "men" && lemma_in(before, {"jeg", "du", "han", "hun"});
    const bool before_clean = start == 0 || after_men || !(s.words[start - 1].text == "," ||
                                              surely_some(s.words[start - 1], [](const Reading& r) {
                                                return r.has("pr") || r.has("cnjcoo") || r.has("num") ||
                                                       (r.has("det") && r.has("qnt"));
                                              }) ||
                                              lemma_in(s.words[start - 1], {"og", "eller", "som", "av", "en", "ei", "et"}));
    // "Det syns jeg er fint": after an inverted verb the pronoun is that verb's subject; "jeg
    // tror han er" keeps its own.
    const bool after_inverted_verb = start > 0 && surely_some(s.words[start - 1], finite) &&
                                     !(start > 1 && is_subject_pronoun(s.words[start - 2])) && !after_auxiliary;
    if (before_clean && !after_inverted_verb) agreement = subject_agreement(c.worker, before);
    // "Vi vet hva som er riktig", "alt som var nytt": "som" after "hva", "alt", "noe" is neuter.
    if (agreement == Agreement::none && before.lower == "som" && subject > 0 &&
        lemma_in(s.words[subject - 1], {"hva", "alt", "noe", "ingenting"}))
      agreement = Agreement::neuter;
    if (agreement == Agreement::none && !nonfinite && v + 2 < s.words.size() && !sentence_initial(s, v) &&
        surely_none(before, [](const Reading& r) { return r.has("cnjsub") || r.has("prn") || r.has("n"); })) {
      agreement = subject_agreement(c.worker, s.words[v + 1]);
      a = v + 2;
    }
    if (agreement == Agreement::none) continue;
    while (a < s.words.size() && degree_adverb(s.words[a])) ++a;
    const Word* adjective = at(s, a);
    if (!is_word(adjective) || adjective->unknown || has_digit(adjective->text) || adjective->text.find(' ') != std::string::npos)
      continue;  // "18 år gammel" is one unit
    if (!every(*adjective, [](const Reading& r) { return r.has("adj") && r.has("pst"); })) continue;
    // Only at the end of the phrase: before a noun it is attributive ("er gode venner"), "er
    // sikkert syk" has an adverb, and in "penger er greit å ha" the adjective goes with "å ha".
    const Word* next = at(s, a + 1);
    // After "det" an infinitive clause is neuter too: "det er dyrt å bo her".
    if (next && !next->punct &&
        !(lemma_in(*next, {"og", "eller", "men", "at", "når", "hvis", "fordi", "som"}) ||
          every(*next, [](const Reading& r) { return r.has("pr"); }) ||
          (agreement == Agreement::neuter && next->lower == "å")))
      continue;
    // "er positive og negative sider": a list of adjectives before a noun.
    // Before the end of the clause the list is predicative too: "barna var snill og glade." → "snille".
    if (next && lemma_in(*next, {"og", "eller"}) && is_word(at(s, a + 2)) &&
        surely_some(s.words[a + 2], [](const Reading& r) { return r.has("adj"); })) {
      const Word* end = at(s, a + 3);
      if (end && !(end->punct && end->text != "-" && end->text != "\"")) continue;
      // A first adjective that agrees leaves the second to check: "barna var snille og glad." → "glade".
      const auto first = c.worker.lookup(adjective->lower);
      const Word& second = s.words[a + 2];
      if (std::any_of(first.begin(), first.end(), [&](const Reading& r) { return r.has("adj") && fits(r, agreement); }) &&
          !second.unknown && second.text.find(' ') == std::string::npos &&
          every(second, [](const Reading& r) { return r.has("adj") && r.has("pst"); })) {
        adjective = &second;
        next = end;
      }
    }
    // Pure adjectives only: not participles ("ble bygget"), not adverbs ("er hjemme"), and not
    // when a reading the dictionary has already fits.
    const auto dictionary = c.worker.lookup(adjective->lower);
    // The neuter form is also the adverb ("fint", "strengt"); at the end of the clause after a
    // common or plural subject it is the adjective all the same: "verden er så fint." → "fin".
    const bool clause_end = !next || (next->punct && next->text != "-" && next->text != "\"");
    const bool neuter_adverb =
        clause_end && agreement != Agreement::neuter &&
        std::all_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
          return r.has("adv") || (r.has("adj") && r.has("nt") && r.has("sg") && r.has("ind"));
        }) &&
        std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) { return r.has("adj"); });
    if (std::any_of(dictionary.begin(), dictionary.end(), [&](const Reading& r) {
          return r.has("pp") || (r.has("adv") && !neuter_adverb) || (r.has("vblex") && !r.has("imp")) || r.has("comp") ||
                 r.has("sup");
        }))
      continue;
    if (std::any_of(dictionary.begin(), dictionary.end(), [&](const Reading& r) { return r.has("adj") && fits(r, agreement); }))
      continue;
    // An indeclinable adjective ("bra", "moderne") gives back the same word: no finding.
    auto form = regenerate(c.worker, *adjective, [](const Reading& r) { return r.has("adj") && r.has("pst"); },
                           [&](std::vector<std::string>& t) {
                             const char* gender = agreement == Agreement::plural ? "un" : agreement == Agreement::neuter ? "nt" : "mf";
                             replace_tag(t, {"mf", "nt", "un"}, gender);
                             replace_tag(t, {"sg", "pl", "sp"}, agreement == Agreement::plural ? "pl" : "sg");
                             replace_tag(t, {"def"}, "ind");
                           });
    // A candidate spans the subject too, so that CG-3 disambiguates it as well.
    const std::size_t from = candidate_mode() ? std::min(s.words[v - 1].start, adjective->start) : adjective->start;
    // On raw readings a word that may also be a determiner or pronoun ("det er mange som") is
    // mostly that: alone that is not worth a CG-3 run.
    const bool determiner = candidate_mode() && some(*adjective, [](const Reading& r) { return r.has("det") || r.has("prn"); });
    if (!form.empty() && determiner) c.widen_window(from, adjective->end);
    else if (!form.empty()) c.add("predicative-agreement", "F", from, adjective->end, {form}, 0.7);
  }
}

}  // namespace voki::feedback
