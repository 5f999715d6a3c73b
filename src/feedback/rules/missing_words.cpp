// M: missing words — the formal subject "det", the infinitive marker "å", "ha" after "å", "som"
// as the subject of an indirect question, "er" in a relative clause, a determiner, "seg", "på" after
// "måten …". Each rule reads raw readings strictly (every reading must fit), so that almost none of
// them needs CG-3.
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

namespace {

// An adjective, whatever else the analyser reads ("lett" is also a participle, a noun and an
// adverb); before "å/at" without a subject any of these lacks "det" just as much.
bool adjective_only(const Word& w) {
  return !w.punct && !w.unknown && some(w, [](const Reading& r) { return r.has("adj"); }) &&
         every(w, [](const Reading& r) { return r.has("adj") || r.has("pp") || r.has("adv") || r.has("n") || r.has("imp"); });
}
// Degree and sentence adverbs that may stand between "er" and its adjective.
bool is_degree_adverb(const Word& w) {
  return lemma_in(w, {"veldig", "svært", "ganske", "meget", "ikke", "også", "alltid", "ofte", "litt", "mye", "mer", "mest",
                      "så", "helt", "nok", "jo", "kanskje", "egentlig", "faktisk", "virkelig", "altfor", "enda", "aldri",
                      "bare", "fortsatt", "sikkert", "spesielt", "utrolig", "vanligvis", "kjempe", "like"});
}
// Adverbs that are often fronted and are never the subject themselves.
bool is_fronted_adverb(const Word& w) {
  return lemma_in(w, {"derfor", "da", "nå", "her", "likevel", "dessuten", "ofte", "kanskje", "heldigvis", "dessverre",
                      "selvfølgelig", "egentlig", "vanligvis", "så", "også", "samtidig", "først", "senere", "etterpå",
                      "hvorfor", "hvordan", "i dag", "i fjor", "i år", "i tillegg", "noen ganger", "til slutt", "ellers",
                      "allikevel", "nemlig", "faktisk", "plutselig", "sikkert", "alltid", "aldri", "sjelden",
                      "i morgen", "i går", "om sommeren", "om vinteren", "for eksempel", "i hvert fall", "uansett"});
}
bool is_be(const Word& w) { return lemma_in(w, {"er", "var", "blir", "ble"}); }

}  // namespace

// M: the formal subject "det" is missing: "For meg er viktig at …" → "For meg er det viktig at …",
// "Derfor er vanskelig å …", "… fordi er lett å …". The clause has a fronted adverbial (or starts
// with a subjunction), then "er/var/blir/ble" (or a modal with "være/bli"), then an adjective that
// is followed by "å", "at" or the end of the sentence: the subject slot is empty.
void rule_missing_formal_subject(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  for (std::size_t i = first + 1; i + 2 < s.words.size(); ++i) {
    const Word& verb = s.words[i];
    const bool be = is_be(verb);
    const bool modal = is_modal(verb) && i + 1 < s.words.size() && lemma_in(s.words[i + 1], {"være", "bli"});
    // "I loven står at …" → "står det at": the clause that "står/sies" reports needs "det" first.
    const bool reports = lemma_in(verb, {"står", "sto", "stod", "sies"}) && s.words[i + 1].lower == "at";
    if (!be && !modal && !reports) continue;
    const Word& prev = s.words[i - 1];
    bool empty_subject = false;
    bool subordinate = false;  // then "det" stands before the verb: "fordi det er lett"
    // After a relative "som" the subjunction is an adverb and "som" the subject: "det som før var vanlig å …".
    const bool after_som = i >= 2 && s.words[i - 2].lower == "som";
    if (!prev.punct && !after_som &&
        ((is_subjunction(prev) && prev.lower != "at" && prev.lower != "om") || (prev.lower == "hvor" && i - 1 > first))) {
      // "… fordi er lett å …": the subjunction is followed directly by the verb; so is the relative
      // "hvor" ("et sted hvor er lett å …"; first in the sentence it asks: "Hvor er det lett å …").
      empty_subject = true;
      subordinate = true;
    } else if (i - first == 1 && is_fronted_adverb(s.words[first]) && !lemma_in(s.words[first], {"der"})) {
      empty_subject = true;  // "Derfor er viktig å …"
    } else if (i - first <= 3 && !lemma_in(s.words[first], {"der", "det", "her"}) &&
               std::all_of(s.words.begin() + first, s.words.begin() + i, [](const Word& w) {
                 return !w.punct && !w.readings.empty() &&
                        (is_fronted_adverb(w) ||
                         std::all_of(w.readings.begin(), w.readings.end(), [](const Reading& r) { return r.has("adv"); }));
               })) {
      empty_subject = true;  // "For tiden er vanlig at …", "Nå for tiden er vanskelig å …": adverbs only
    } else if (some(s.words[first], [](const Reading& r) { return r.has("pr"); }) && !s.words[first].punct &&
               surely_none(s.words[first], [](const Reading& r) { return r.has("det") || r.has("prn"); }) &&  // "De kvinnene"
               i - first >= 2 && i - first <= 5) {
      // "For meg er viktig …", "I Norge er vanlig å …": a prepositional phrase, then the verb.
      // ("For" may also be the conjunction, but then a subject follows it.)
      bool phrase = true;
      for (std::size_t k = first + 1; k < i && phrase; ++k) {
        const Word& w = s.words[k];
        if (w.punct || is_subjunction(w) || is_subject_pronoun(w) ||
            lemma_in(w, {"som", "og", "eller", "men", "det", "den", "dette", "å"}))
          phrase = false;
        else if (maybe_verb(w)) phrase = false;
      }
      empty_subject = phrase;
    }
    if (!empty_subject) continue;
    const std::string with_subject = subordinate ? "det " + verb.text : verb.text + " det";
    if (reports) {
      c.add("missing-formal-subject", "M", verb.start, verb.end, {with_subject}, 0.7);
      return;
    }
    std::size_t j = modal ? i + 2 : i + 1;
    while (j < s.words.size() && is_degree_adverb(s.words[j])) ++j;
    const Word* adjective = at(s, j);
    const Word* after = at(s, j + 1);
    if (!adjective || !after || !adjective_only(*adjective)) continue;
    if (lemma_in(*adjective, {"mange", "få", "alle", "flere", "begge", "noen", "mye", "lite", "hele", "egen", "eget", "selv"})) continue;
    const bool end = after->punct && (after->text == "." || after->text == "!") && j + 2 >= s.words.size();
    // "å", "at" or the end; or a preposition ("I dag er populært med …").
    const bool preposition = lemma_in(*after, {"med", "blant", "for"}) && some(*after, [](const Reading& r) { return r.has("pr"); });
    if (!(after->lower == "å" || after->lower == "at" || end || preposition)) continue;
    c.add("missing-formal-subject", "M", verb.start, verb.end, {with_subject}, 0.7);
    return;
  }
}

namespace {
// Verbs that take an infinitive with "å": "begynner å lese", "prøvde å forstå".
bool takes_infinitive_marker(const Word& w) {
  static const std::initializer_list<std::string_view> lemmas = {
      "begynne", "prøve", "slutte", "pleie", "elske", "hate", "glemme", "klare", "greie", "orke", "gidde", "nekte", "love",
      "forsøke", "håpe", "planlegge", "fortsette", "starte", "unngå", "risikere", "foretrekke", "slippe", "lære", "like"};
  if (w.punct || w.readings.empty()) return false;
  // Every reading this verb ("like" is also an adjective, "lære" a noun), or its participle used
  // as an adjective ("begynte" is also begynne<adj><pp>).
  const auto listed = [&](const Reading& r) {
    return std::any_of(lemmas.begin(), lemmas.end(), [&](std::string_view l) { return r.lemma == l; });
  };
  // A finite form may also be a plural noun that CG-3 leaves standing ("prøver"); a noun is not
  // followed by a bare infinitive, so that reading does not count against it.
  const bool finite_form = some(w, [&](const Reading& r) { return listed(r) && finite(r); });
  return some(w, [&](const Reading& r) { return listed(r) && r.has("vblex") && !r.has("pp"); }) &&
         every(w, [&](const Reading& r) {
           return (listed(r) && (r.has("vblex") || (r.has("adj") && r.has("pp")))) || (finite_form && r.has("n") && r.has("pl"));
         });
}
// An infinitive (or the same-looking imperative) once CG-3 has chosen: "studere", and "lære" in
// "prøver lære" (also a noun).
bool bare_infinitive(const Word& w) {
  if (w.punct || w.unknown || w.capitalised) return false;
  return every(w, [](const Reading& r) { return r.has("vblex") && (r.has("inf") || r.has("imp")) && !r.compound; }) &&
         some(w, [](const Reading& r) { return r.has("vblex") && r.has("inf"); });
}
}  // namespace

// M: the infinitive marker "å" is missing after a verb that takes it: "Han begynte studere" →
// "begynte å studere". (After prepositions, "for komme" → "for å komme", annotators often leave
// the slip, so the rule stays with verbs.)
void rule_missing_infinitive_marker(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& head = s.words[i];
    if (!takes_infinitive_marker(head)) continue;
    std::size_t j = i + 1;
    if (j < s.words.size() && is_subject_pronoun(s.words[j])) ++j;  // "Da begynte jeg å …"
    if (j < s.words.size() && is_reflexive_pronoun(s.words[j]) && head.lemma_is("lære")) ++j;
    while (j < s.words.size() && is_clause_adverb(s.words[j])) ++j;
    const Word* inf = at(s, j);
    if (!inf || !bare_infinitive(*inf)) continue;
    // On raw readings a word that may also be an adverb, pronoun, determiner or adjective ("lærer
    // barna så fort", "lære våre barn", "like nye ting") is mostly that word after these verbs:
    // alone that is not worth a CG-3 run.
    if (candidate_mode() &&
        some(*inf, [](const Reading& r) { return r.has("adv") || r.has("prn") || r.has("det") || r.has("adj"); }))
      c.widen_window(inf->start, inf->end);
    else c.add("missing-infinitive-marker", "M", inf->start, inf->end, {"å " + inf->text}, 0.7);
  }
}

// M: "å" before a past participle needs "ha": "Etter å studert" → "Etter å ha studert".
void rule_missing_ha(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& marker = s.words[i];
    if (marker.lower != "å" || !marker.any("part")) continue;
    std::size_t j = i + 1;
    while (j < s.words.size() && lemma_in(s.words[j], {"ikke", "aldri", "allerede", "bare"})) ++j;
    const Word* participle = at(s, j);
    if (!is_word(participle) || participle->unknown || participle->readings.empty()) continue;
    // Only a participle: "studert", "vært"; "snakket" is also past tense (the verb-form rule's case).
    if (!participle->any("vblex") || !std::all_of(participle->readings.begin(), participle->readings.end(),
                     [](const Reading& r) { return r.has("pp") && !r.compound; }))
      continue;
    c.add("missing-ha", "M", participle->start, participle->end, {"ha " + participle->text}, 0.7);
  }
}

// M: "som" is the subject of an indirect question: "Jeg vet hva må gjøres" → "hva som må gjøres",
// "om hvem vil vinne" → "hvem som vil vinne". Only where "hva/hvem" follows a verb or preposition
// inside the sentence and is itself followed by a finite verb that has no subject after it.
void rule_missing_som(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  for (std::size_t i = first + 1; i + 2 < s.words.size(); ++i) {
    const Word& wh = s.words[i];
    // "hvor mye/mange" as the subject too: "bestemmer hvor mye som skal avhenge av …".
    if (!lemma_in(wh, {"hva", "hvem", "hvor mye", "hvor mange"})) continue;
    std::size_t p = i - 1;
    while (p > first && lemma_in(s.words[p], {"ikke", "aldri", "alltid", "godt", "nøyaktig", "egentlig"})) --p;
    // "Derfor bestemmer jeg hva …": the subject after an inverted verb.
    if (p > first + 1 && is_personal_subject_pronoun(s.words[p]) && finite_on_raw_readings(s.words[p - 1])) --p;
    const Word& prev = s.words[p];
    // "hva som er rett og hva er galt": the second of two joined indirect questions needs "som" too.
    bool coordinated = false;
    if (lemma_in(prev, {"og", "eller"}))
      for (std::size_t k = first; k + 1 < p && !coordinated; ++k)
        coordinated = lemma_in(s.words[k], {"hva", "hvem"}) && s.words[k + 1].lower == "som";
    if (!coordinated) {
      if (prev.punct || lemma_in(prev, {"og", "men", "eller", "så", "at"})) continue;
      if (!some(prev, [](const Reading& r) { return (r.has("vblex") && !r.has("imp")) || r.has("pr"); })) continue;
    }
    const Word& verb = s.words[i + 1];
    if (!finite_on_raw_readings(verb)) continue;
    const Word& next = s.words[i + 2];
    // A subject after the verb makes "hva" the object ("hva betyr ordet": word order, not "som").
    bool fits = false;
    if (is_modal(verb)) {
      fits = some(next, [](const Reading& r) { return r.has("vblex") && r.has("inf"); }) &&
             surely_none(next, [](const Reading& r) { return r.has("n") || r.has("prn"); });
    } else if (lemma_in(verb, {"har", "hadde"})) {
      // "hva som hadde hendt" ("hendt" also reads as an adjective).
      fits = some(next, [](const Reading& r) { return r.has("vblex") && r.has("pp"); }) &&
             every(next, [](const Reading& r) { return r.has("pp") || r.has("adj"); });
    } else if (lemma_in(verb, {"er", "var", "blir", "ble"})) {
      std::size_t j = i + 2;
      while (j < s.words.size() && is_degree_adverb(s.words[j])) ++j;
      const Word* pred = at(s, j);
      // An adjective or participle ("hva som er rett"), or a definite noun ("hva som er årsaken").
      fits = pred && !pred->punct &&
             ((every(*pred, [](const Reading& r) { return r.has("adj") || (r.has("vblex") && r.has("pp")) || r.has("adv"); }) &&
               some(*pred, [](const Reading& r) { return r.has("adj") || (r.has("vblex") && r.has("pp")); })) ||
              every(*pred, [](const Reading& r) { return r.has("n") && r.has("def") && !r.compound; }));
    } else if (lemma_in(verb, {"skjer", "skjedde", "hender", "hendte", "gjelder", "betyr", "skjer"})) {
      fits = next.punct || some(next, [](const Reading& r) { return r.has("pr") || r.has("adv"); });
      if (next.lower == "det" || is_subject_pronoun(next)) fits = false;
    }
    if (!fits) continue;
    c.add("missing-som", "M", wh.start, wh.end, {wh.text + " som"}, 0.7);
  }
}


// M: an adjective before a definite noun needs the determiner "den/det/de": "i norske naturen" →
// "i den norske naturen", "på andre siden" → "på den andre siden", "fleste barn" → "de fleste barn".
void rule_missing_determiner(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  for (std::size_t i = first; i < s.words.size(); ++i) {
    const Word& adjective = s.words[i];
    if (adjective.punct || adjective.unknown) continue;
    // Only where a determiner could be missing: at the start, or after a preposition, a verb or a
    // conjunction (after another adjective or a genitive the phrase is another rule's business).
    const Word* prev = i > first ? &s.words[i - 1] : nullptr;
    if (adjective.lower == "fleste") {
      const Word* before = prev && (prev->lower == "aller" || prev->lower == "alle") && i - 1 > first ? &s.words[i - 2] : prev;
      if (before && (before->punct || lemma_in(*before, {"de", "dei", "det", "den", "dem"}) ||
                     some(*before, [](const Reading& r) { return r.has("gen") || r.has("pos"); })))
        continue;
      c.add("missing-determiner", "M", adjective.start, adjective.end, {like(adjective, "de fleste")}, 0.7);
      continue;
    }
    if (prev) {
      if (prev->punct) continue;
      if (lemma_in(*prev, {"den", "det", "de", "denne", "dette", "disse", "min", "mitt", "mine", "din", "ditt", "dine", "sin",
                           "sitt", "sine", "vår", "vårt", "våre", "hans", "hennes", "deres", "dens", "dets", "en", "et", "ei",
                           "noen", "alle", "mange", "flere", "få", "begge", "hver", "hvert", "ingen", "enhver", "dem"}) ||
          some(*prev, [](const Reading& r) { return r.has("gen") || (r.has("adj") && (r.has("def") || r.has("pl"))); }) ||
          every(*prev, [](const Reading& r) { return r.has("adj") || r.has("n") || r.has("np") || r.has("det"); }))
        continue;
      const bool opens = some(*prev, [](const Reading& r) { return r.has("pr") || r.has("cnjcoo") || r.has("cnjsub") || finite(r); }) ||
                         lemma_in(*prev, {"som", "enn"});
      if (!opens) continue;
      // Degree words: "hvor egoistiske de er", "for store skoene".
      if (lemma_in(*prev, {"hvor", "så", "for", "altfor", "veldig", "ganske", "svært", "mer", "mest", "like", "helt", "enda"})) continue;
      // "disse slitsomme og merkelige dyrene": the determiner stands before the first adjective.
      if (lemma_in(*prev, {"og", "eller"}) && i >= 2 &&
          some(s.words[i - 2], [](const Reading& r) { return r.has("adj") || r.has("det"); }))
        continue;
    }
    if (i + 1 >= s.words.size()) continue;
    const Word& noun = s.words[i + 1];
    if (noun.punct || noun.unknown || noun.capitalised) continue;
    // Definite-form adjectives that stand without a determiner: "hele dagen", "samme dagen",
    // "neste uke", "forrige gang", "kjære vennen".
    if (lemma_in(adjective, {"hele", "halve", "selve", "samme", "neste", "forrige", "kjære", "begge", "rette", "egne", "egen",
                             "nåværende", "tidligere", "venstre", "høyre", "øvre", "nedre", "indre", "ytre", "mange", "få"}))
      continue;
    const bool other = adjective.lower == "andre" || adjective.lower == "ene";  // "på (den) andre siden"
    const auto& ar = adjective.readings;
    // A verb that looks like an adjective: "lånte leilighetene", "kan løse problemet".
    if (std::any_of(ar.begin(), ar.end(), finite)) continue;
    if (prev && (is_modal(*prev) || prev->lower == "å" || is_clause_adverb(*prev)) &&
        std::any_of(ar.begin(), ar.end(), [](const Reading& r) { return r.has("vblex") && r.has("inf"); }))
      continue;
    if (!std::any_of(ar.begin(), ar.end(), [](const Reading& r) { return r.has("adj") && r.has("def"); })) continue;
    if (!other && std::any_of(ar.begin(), ar.end(), [](const Reading& r) { return r.has("n") || r.has("det") || r.has("pr") || r.has("adv"); }))
      continue;
    const auto& nr = noun.readings;
    const auto definite = std::find_if(nr.begin(), nr.end(), [](const Reading& r) { return r.has("n") && r.has("def"); });
    if (definite == nr.end()) continue;
    // Every other reading a verb or participle ("livet" is also a form of "live"); "siden" only
    // after "andre/ene".
    if (!std::all_of(nr.begin(), nr.end(), [](const Reading& r) {
          return (r.has("n") && r.has("def")) || r.has("vblex") || (r.has("adj") && r.has("pp"));
        }) &&
        !(other && noun.lower == "siden"))
      continue;
    if (other && !(definite->has("sg"))) continue;  // "andre" before a plural is "other": "andre barna"? leave it
    if (noun.lower.rfind("verdenskrig", 0) == 0) continue;  // "etter andre verdenskrigen": a name
    const char* determiner = definite->has("pl") ? "de" : definite->has("nt") ? "det" : "den";
    c.add("missing-determiner", "M", adjective.start, adjective.end, {like(adjective, std::string(determiner) + " " + adjective.lower)},
          0.7);
  }
}


namespace {
// The reflexive pronoun that goes with the subject just before the verb: "jeg føler meg".
std::string reflexive_for(const Sentence& s, std::size_t verb) {
  std::size_t k = verb;
  while (k > 0 && (is_modal(s.words[k - 1]) || is_clause_adverb(s.words[k - 1]))) --k;
  if (k == 0) return "seg";
  const std::string& subject = s.words[k - 1].lower;
  if (subject == "jeg") return "meg";
  if (subject == "du") return "deg";
  if (subject == "vi") return "oss";
  if (subject == "dere") return "dere";
  return "seg";
}
}  // namespace

// M: "seg" is missing with verbs that need it: "Jeg føler trygg" → "føler meg trygg", "Han
// oppfører pent" → "oppfører seg pent".
void rule_missing_reflexive(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& verb = s.words[i];
    if (verb.punct) continue;
    // The lemma first: it tells most readings apart at once.
    const auto lemma_of = [&](std::string_view lemma) {
      return std::any_of(verb.readings.begin(), verb.readings.end(),
                         [&](const Reading& r) { return r.lemma == lemma && r.has("vblex") && !r.has("pp") && !r.compound; });
    };
    // Always with "seg", but "bry" and "gift" are nouns too ("til bry", "de gifte kvinnene"): only a
    // finite form that is nothing else ("bryr"; the past may also read as its participle, "skyndte").
    const bool inherent = (lemma_of("skynde") || lemma_of("innbille") || lemma_of("ombestemme") || lemma_of("forsove") ||
                           lemma_of("oppholde") || lemma_of("bry") || lemma_of("gifte")) &&
                          some(verb, [](const Reading& r) { return r.has("vblex") && finite(r); }) &&
                          std::all_of(verb.readings.begin(), verb.readings.end(), [](const Reading& r) {
                            return (r.has("vblex") && finite(r)) || r.has("pp");
                          });
    // ("forelsket" is also the participle used as an adjective: "han var forelsket i henne".)
    if (verb.any("pp") && !inherent) continue;
    const Word& next = s.words[i + 1];
    if (next.punct || is_reflexive_pronoun(next) || is_subject_pronoun(next) || next.lower == "det") continue;
    // "oppfører kvinner seg": the reflexive after an inverted subject.
    bool later = false;
    for (std::size_t k = i + 2; k < s.words.size() && k < i + 5 && !s.words[k].punct && !later; ++k) later = is_reflexive_pronoun(s.words[k]);
    if (later) continue;
    bool missing = false;
    if (inherent) {
      missing = next.lower != "bort";  // "giftet bort datteren"
    } else if (lemma_of("føle")) {
      // "føler trygg": an adjective (not the neuter, which is also an adverb: "føler sterkt at").
      std::size_t j = i + 1;
      while (j < s.words.size() && lemma_in(s.words[j], {"ikke", "veldig", "litt", "så", "mer", "helt", "ofte", "alltid", "aldri"})) ++j;
      const Word* adjective = at(s, j);
      if (!is_word(adjective) || adjective->unknown) continue;
      const auto& ar = adjective->readings;
      const bool adj = std::any_of(ar.begin(), ar.end(), [](const Reading& r) { return r.has("adj") && !r.has("nt"); }) &&
                       std::all_of(ar.begin(), ar.end(), [](const Reading& r) {
                         return (r.has("adj") && !r.has("nt")) || (r.has("vblex") && r.has("imp"));
                       });
      const Word* after = at(s, j + 1);
      const bool noun_follows = after && !after->punct && some(*after, [](const Reading& r) { return r.has("n"); }) &&
                                !some(*after, [](const Reading& r) { return r.has("pr") || r.has("cnjcoo") || r.has("cnjsub"); });
      missing = adj && !noun_follows;
    } else if (lemma_of("oppføre") || lemma_of("skamme") || lemma_of("forelske") || lemma_of("befinne") || lemma_of("anstrenge")) {
      missing = true;
    } else if (lemma_of("bestemme") && next.lower == "for" && i + 2 < s.words.size() && s.words[i + 2].lower == "å") {
      missing = true;  // "bestemmer for å flytte" → "bestemmer seg for å" ("bestemme for andre" decides for others)
    }
    if (!missing) continue;
    c.add("missing-reflexive", "M", verb.start, verb.end, {verb.text + " " + reflexive_for(s, i)}, 0.7);
  }
}


// M: a relative clause without its verb: "et språk som helt forskjellig fra norsk" → "som er helt
// forskjellig". "som" after a noun or "noe/alt" and then only a predicative adjective: the clause
// lacks "er". ("så fort som mulig", "som vanlig", "som ung" are comparisons and set phrases.)
void rule_missing_copula(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  for (std::size_t i = first + 1; i + 2 < s.words.size(); ++i) {
    const Word& som = s.words[i];
    if (som.lower != "som") continue;
    const Word& antecedent = s.words[i - 1];
    if (antecedent.punct || antecedent.unknown) continue;
    const bool noun = (some(antecedent, [](const Reading& r) { return r.has("n"); }) &&
                       every(antecedent, [](const Reading& r) {
                         return (r.has("n") || (r.has("vblex") && r.has("imp"))) && !r.compound;
                       })) ||
                      lemma_in(antecedent, {"noe", "alt", "ingenting", "mye"});
    if (!noun) continue;
    std::size_t j = i + 1;
    while (j < s.words.size() && is_degree_adverb(s.words[j])) ++j;
    const Word* adjective = at(s, j);
    if (!is_word(adjective) || adjective->unknown || adjective->readings.empty()) continue;
    if (!std::all_of(adjective->readings.begin(), adjective->readings.end(),
                     [](const Reading& r) { return r.has("adj") && !r.has("pp") && !r.compound; }))
      continue;
    if (lemma_in(*adjective, {"vanlig", "mulig", "kjent", "nevnt", "sagt", "ung", "gammel", "liten", "voksen", "ny", "fersk",
                              "best", "verst", "sist", "først", "frivillig", "ansatt", "ansvarlig", "selvstendig", "alltid"}))
      continue;
    const Word* after = at(s, j + 1);
    const bool closes =
        !after || after->punct || lemma_in(*after, {"og", "eller", "men", "for", "fra", "med", "til", "i", "på", "enn"});
    if (!closes) continue;
    // The adjective agrees with the noun in number; otherwise "som" belongs to a verb of regarding:
    // "ser på folk med mobil som ensomme".
    const bool plural = some(antecedent, [](const Reading& r) { return r.has("pl"); });
    const bool singular = some(antecedent, [](const Reading& r) { return r.has("sg") || r.has("sp"); }) || !antecedent.any("n");
    if (!some(*adjective, [&](const Reading& r) { return (plural && (r.has("pl") || r.has("sp"))) || (singular && r.has("sg")); }))
      continue;
    bool regards = false;
    for (std::size_t k = first; k < i && !regards; ++k)
      regards = s.words[k].lower != "så" && some(s.words[k], [](const Reading& r) {  // "så" is mostly the adverb
        return r.has("vblex") && (r.lemma == "se" || r.lemma == "anse" || r.lemma == "betrakte" || r.lemma == "oppfatte" ||
                                  r.lemma == "regne" || r.lemma == "beskrive" || r.lemma == "framstille" || r.lemma == "fremstille");
      });
    if (regards) continue;
    c.add("missing-copula", "M", som.start, som.end, {som.text + " er"}, 0.7);
  }
}


// M: "måten de lever på": a relative clause after "måte" ends with "på" unless "på" stands before
// the phrase ("på den måten vi …"): "Jeg liker måten han snakker" → "måten han snakker på".
void rule_missing_stranded_preposition(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& way = s.words[i];
    if (way.lower != "måten" && way.lower != "måte") continue;
    // The preposition before the phrase, over its determiners and adjectives.
    std::size_t k = i;
    while (k > 0 && !s.words[k - 1].punct &&
           (lemma_in(s.words[k - 1], {"den", "en", "samme", "denne", "hver", "annen", "sin", "min", "din", "vår", "deres"}) ||
            every(s.words[k - 1], [](const Reading& r) { return r.has("adj"); })))
      --k;
    if (k > 0 && s.words[k - 1].lower == "på") continue;
    std::size_t j = i + 1;
    if (s.words[j].lower == "som") ++j;  // "måten som de lever" ("måten som fungerer": "som" is the subject)
    if (j + 1 >= s.words.size() || !is_subject_pronoun(s.words[j])) continue;
    // A finite verb (after the pronoun, "lever" is not the noun).
    const Word& verb = s.words[j + 1];
    if (!some(verb, [](const Reading& r) { return r.has("vblex") && finite(r); }) ||
        !every(verb, [](const Reading& r) { return (r.has("vblex") && (finite(r) || r.has("imp"))) || r.has("n") || r.has("pp"); }))
      continue;
    // No "på" in the rest of the clause (up to a comma or full stop; "måten de lever på i Norge").
    std::size_t end = j + 2;
    bool stranded = false;
    while (end < s.words.size() && !s.words[end].punct && !stranded) stranded = s.words[end++].lower == "på";
    if (stranded) continue;
    // "på" right after the verb, its infinitive or participle and "seg": "måten de lever på i
    // Norge", "måten man oppfører seg på", "måten vi ble oppdratt på".
    std::size_t at_word = j + 1;
    const auto nonfinite = [](const Word& w) {
      return !w.punct && some(w, [](const Reading& r) { return r.has("vblex") && (r.has("inf") || r.has("pp")); });
    };
    if (at_word + 1 < end &&
        (is_modal(s.words[at_word]) || lemma_in(s.words[at_word], {"ble", "blir", "har", "hadde", "er", "var"})) &&
        nonfinite(s.words[at_word + 1]))
      ++at_word;
    if (at_word + 1 < end && is_reflexive_pronoun(s.words[at_word + 1])) ++at_word;
    const Word& last = s.words[at_word];
    c.add("missing-stranded-preposition", "M", last.start, last.end, {last.text + " på"}, 0.7);
  }
}

namespace {
// On raw readings: an infinitive whose other readings are only its imperative or a participle used
// as an adjective ("flytte" is also flyte<adj><pp>).
bool infinitive_on_raw_readings(const Word& w) {
  if (w.punct || w.unknown || w.capitalised || w.readings.empty()) return false;
  return some(w, [](const Reading& r) { return r.has("vblex") && r.has("inf"); }) &&
         std::all_of(w.readings.begin(), w.readings.end(), [](const Reading& r) {
           return (r.has("vblex") && (r.has("inf") || r.has("imp"))) || (r.has("adj") && r.has("pp"));
         });
}
// On raw readings: a finite verb that may also be a noun ("liker", "går"), where a noun cannot be
// meant.
bool finite_verb_not_subject(const Sentence& s, std::size_t i) {
  const Word& w = s.words[i];
  if (w.punct || w.unknown || w.capitalised || w.readings.empty() || !some(w, finite)) return false;
  const bool noun = some(w, [](const Reading& r) { return r.has("n"); });
  if (!std::all_of(w.readings.begin(), w.readings.end(), [](const Reading& r) {
        return finite(r) || (r.has("vblex") && r.has("imp")) || (r.has("adj") && r.has("pp")) || r.has("n");
      }))
    return false;
  if (!noun) return true;
  // Only before what a verb takes and a noun subject would not have after it: a preposition, an
  // adverb, a determiner ("går på tur", not "priser og utgifter øker").
  const Word* next = at(s, i + 1);
  return is_word(next) && !some(*next, finite) && !some(*next, [](const Reading& r) { return r.has("cnjcoo"); }) &&
         some(*next, [](const Reading& r) { return r.has("pr") || r.has("adv") || r.has("det"); });
}
}  // namespace

// M: a preposition takes an infinitive only with "å": "Det hindrer oss i tenke" → "i å tenke",
// "uten spørre" → "uten å spørre", "tenke på flytte" → "tenke på å flytte". "uten" always; the
// other prepositions only after a verb that governs them (a bare "på lande" is mostly a misspelt
// noun), and only where every reading of the next word is the infinitive or its imperative, so
// that nouns like "møte" and "lære" stay out.
void rule_preposition_infinitive(const RuleContext& c) {
  const auto& s = c.sentence;
  const auto verb_before = [&](std::size_t prep, std::initializer_list<std::string_view> lemmas) {
    std::size_t k = prep;
    // Over an object or reflexive pronoun: "hindrer oss i", "konsentrere seg om".
    if (k > 0 && (is_object_pronoun(s.words[k - 1]) || is_reflexive_pronoun(s.words[k - 1]))) --k;
    if (k == 0) return false;
    return some(s.words[k - 1], [&](const Reading& r) {
      return r.has("vblex") && !r.compound && std::any_of(lemmas.begin(), lemmas.end(), [&](std::string_view l) { return r.lemma == l; });
    });
  };
  for (std::size_t i = 1; i + 1 < s.words.size(); ++i) {
    const Word& prep = s.words[i];
    bool governed = false;
    if (prep.lower == "uten") governed = true;
    else if (prep.lower == "i") governed = verb_before(i, {"hindre", "forhindre", "lykkes", "delta", "hjelpe"});
    else if (prep.lower == "på") governed = verb_before(i, {"tenke", "satse", "fokusere", "vente", "konsentrere"});
    else if (prep.lower == "om") governed = verb_before(i, {"drømme", "konsentrere", "be"});
    else if (prep.lower == "med") governed = verb_before(i, {"slutte", "fortsette", "holde", "hjelpe"});
    if (!governed) continue;
    const Word& inf = s.words[i + 1];
    if (!infinitive_on_raw_readings(inf)) continue;
    c.add("preposition-infinitive", "M", inf.start, inf.end, {"å " + inf.text}, 0.7);
  }
}

namespace {
// The subject that a clause without one most likely lacks: the nearest personal pronoun the
// sentence uses as a subject elsewhere, else "man".
std::string likely_subject(const Sentence& s, std::size_t near) {
  std::size_t best = s.words.size();
  std::size_t best_distance = s.words.size();
  for (std::size_t k = 0; k < s.words.size(); ++k) {
    if (!is_subject_pronoun(s.words[k])) continue;
    const std::size_t distance = k > near ? k - near : near - k;
    if (distance < best_distance) best = k, best_distance = distance;
  }
  return best < s.words.size() ? s.words[best].lower : "man";
}
}  // namespace

// M: a subordinate clause needs its subject: "… når går på tur" → "når jeg går", "Hvis må
// drikke …" → "Hvis man må". A subjunction directly before a finite verb (that is nothing else on
// the raw readings). "når" first in the sentence and any sentence ending in "?" may be a question
// ("Når kommer du?"); "er/var" before an adjective is the formal-subject rule's.
void rule_missing_subject(const RuleContext& c) {
  const auto& s = c.sentence;
  if (s.words.empty() || s.words.back().text == "?") return;
  const std::size_t first = first_word(s);
  for (std::size_t i = first; i + 1 < s.words.size(); ++i) {
    const Word& sub = s.words[i];
    if (!lemma_in(sub, {"når", "fordi", "hvis", "dersom", "mens", "selv om", "etter at", "ettersom", "at"})) continue;
    if (sub.lower == "når" && i == first) continue;
    // Over sentence adverbs, which stand before the verb in a subordinate clause: "at snart vil …".
    std::size_t v = i + 1;
    while (v < s.words.size() && (is_clause_adverb(s.words[v]) || lemma_in(s.words[v], {"snart", "kanskje", "nok", "jo", "sikkert"}))) ++v;
    if (v >= s.words.size()) continue;
    const Word& verb = s.words[v];
    if (!finite_verb_not_subject(s, v) || is_be(verb)) continue;
    // After "at" and after adverbs a word that is also a noun is mostly the subject itself: "at
    // deler av kroppen …", "at også leker …".
    if ((sub.lower == "at" || v > i + 1) && some(verb, [](const Reading& r) { return r.has("n"); })) continue;
    // "når skal vi …": the subject stands after the verb, a word-order slip for the word-order
    // rules; after an adverb ("at nå må alle …") any noun phrase may be that subject.
    const Word* after = at(s, v + 1);
    if (after && (is_subject_pronoun(*after) || after->lower == "det")) continue;
    if (v > i + 1 && after && !after->punct &&
        some(*after, [](const Reading& r) { return r.has("n") || r.has("np") || r.has("prn") || r.has("det"); }) &&
        !some(*after, [](const Reading& r) { return r.has("vblex") && (r.has("inf") || r.has("pp")); }))  // "være" is also a noun
      continue;
    // "at snart vil være et annet bilde": a modal with "være/bli" and no subject mostly lacks "det".
    const bool existential = is_modal(verb) && after && lemma_in(*after, {"være", "bli"});
    c.add("missing-subject", "M", sub.start, sub.end, {sub.text + " " + (existential ? "det" : likely_subject(s, i))}, 0.65);
  }
  // A main clause after a fronted adverbial, where the subject must follow the verb: "Derfor
  // begynte å lese" → "begynte jeg å lese", "Som barn likte å …". Only a verb that takes "å" and
  // "å" right after it, so the subject cannot stand anywhere else.
  if (first + 2 >= s.words.size()) return;
  std::size_t v = first + 1;
  if (s.words[first].lower == "som" && first + 2 < s.words.size() && !s.words[first + 1].punct &&
      some(s.words[first + 1], [](const Reading& r) { return r.has("n") || r.has("adj"); }))
    v = first + 2;  // "Som barn", "Som liten"
  else if (!is_fronted_adverb(s.words[first]) || lemma_in(s.words[first], {"så", "da", "her"}))
    return;
  if (v + 1 >= s.words.size()) return;
  const Word& verb = s.words[v];
  const Word& marker = s.words[v + 1];
  // Second in a main clause a noun reading cannot be the subject ("ønsket" is also "the wish").
  if (marker.lower != "å" || !marker.any("part") || !some(verb, finite) ||
      !every(verb, [](const Reading& r) { return finite(r) || r.has("pp") || r.has("imp") || r.has("n"); }))
    return;
  if (!takes_infinitive_marker(verb) &&
      !some(verb, [](const Reading& r) { return r.lemma == "ønske" && r.has("vblex") && !r.compound; }))
    return;
  c.add("missing-subject", "M", verb.start, verb.end, {verb.text + " " + likely_subject(s, v)}, 0.65);
}

// M: "på grunn av" takes a noun; before a clause it needs "at": "på grunn av de er syke" → "på
// grunn av at de er syke". A personal subject pronoun and then a finite verb.
void rule_missing_at_after_because_of(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& of = s.words[i];
    // The analyser reads "på grunn av" as one word; written apart it is "grunn" + "av".
    const bool because = of.lower == "på grunn av" || (of.lower == "av" && i >= 2 && s.words[i - 1].lower == "grunn" &&
                                                       s.words[i - 2].lower == "på");
    if (!because) continue;
    const Word& pronoun = s.words[i + 1];
    if (!lemma_in(pronoun, {"jeg", "du", "han", "hun", "vi", "de", "man"})) continue;
    std::size_t j = i + 2;
    while (j < s.words.size() && is_clause_adverb(s.words[j])) ++j;
    // A finite verb after the pronoun (whatever else it may be on the raw readings: "var" is also
    // a noun and an adjective); a pronoun or preposition would make the pronoun an object.
    const Word* verb = at(s, j);
    if (!is_word(verb) || !some(*verb, finite) ||
        some(*verb, [](const Reading& r) { return r.has("prn") || r.has("det") || r.has("pr") || r.has("cnjcoo"); }))
      continue;
    c.add("missing-at", "M", of.start, of.end, {of.text + " at"}, 0.7);
  }
}

// M: "gjøre" with an adjective and an infinitive or a clause needs the object "det": "Det gjør
// lettere å lære" → "gjør det lettere å lære", "gjøre mulig for alle" → "gjøre det mulig".
// Comparatives, and the adjectives of possibility and difficulty ("gjøre godt for seg", "gjøre
// klart for" are other phrases).
void rule_missing_formal_object(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& verb = s.words[i];
    if (!some(verb, [](const Reading& r) { return r.has("vblex") && r.lemma == "gjøre" && !r.compound; })) continue;
    std::size_t j = i + 1;
    while (j < s.words.size() && lemma_in(s.words[j], {"mye", "enda", "litt", "ikke", "også", "veldig", "så", "mer", "helt"})) ++j;
    const Word* adjective = at(s, j);
    const Word* after = at(s, j + 1);
    if (!is_word(adjective) || !is_word(after) || adjective->unknown) continue;
    const bool comparative = some(*adjective, [](const Reading& r) { return r.has("adj") && r.has("comp"); }) &&
                             surely_none(*adjective, finite);  // "lettere" is also a plural of "letter"
    const bool possible = lemma_in(*adjective, {"mulig", "umulig", "vanskelig", "lett", "enkelt", "nødvendig", "unødvendig"});
    if (!comparative && !possible) continue;
    if (!lemma_in(*after, {"for", "å", "at"})) continue;
    c.add("missing-formal-object", "M", verb.start, verb.end, {verb.text + " det"}, 0.7);
  }
}

}  // namespace voki::feedback
