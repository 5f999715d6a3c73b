// ORT (W for determiners): existing words written in place of another (real-word errors):
// "man"/"mann", "en"/"enn", "og"/"å", "dem"/"de", frequent pairs such as "høyre"/"høyere", and words
// that cannot stand in their slot but are one learner-typical edit from a word that can ("jeg
// skall", "å byge", "et nyt liv"). Each confusion fires only where the grammar rules the written
// word out; the readings are the analyser's own (no CG-3), so the conditions hold for all of them.
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

namespace {

const Word* word(const Sentence& s, std::size_t i) {
  const Word* w = at(s, i);
  return is_word(w) ? w : nullptr;
}
const Word* before(const Sentence& s, std::size_t i) { return i == 0 ? nullptr : word(s, i - 1); }

template <typename P>
bool any_reading(const Word* w, P p) {
  return w && std::any_of(w->readings.begin(), w->readings.end(), p);
}
template <typename P>
bool all_readings(const Word* w, P p) {
  return w && !w->readings.empty() && std::all_of(w->readings.begin(), w->readings.end(), p);
}
bool any_tag(const Word* w, std::string_view tag) { return w && w->any(tag); }
bool is(const Word* w, std::initializer_list<std::string_view> forms) { return w && lemma_in(*w, forms); }

bool infinitive(const Reading& r) { return r.has("vblex") && r.has("inf"); }
bool noun(const Reading& r) { return r.has("n"); }
bool adjective(const Reading& r) { return r.has("adj"); }
bool function_word(const Reading& r) {
  return r.has("adv") || r.has("prn") || r.has("det") || r.has("pr") || r.has("cnjcoo") || r.has("cnjsub") ||
         r.has("cnjadv") || r.has("num") || r.has("ij") || r.has("np");
}

// A clause begins at word i: the first word, or after a comma, a subjunction or a conjunction.
bool clause_start(const Sentence& s, std::size_t i) {
  if (sentence_initial(s, i)) return true;
  const Word& prev = s.words[i - 1];
  if (prev.punct) return prev.text == "," || prev.text == ";" || prev.text == ":" || prev.text == "–";
  return is_subjunction(prev) || lemma_in(prev, {"og", "men", "eller", "som", "da", "så", "hvordan", "hva", "hvor"});
}

bool motion_verb(const Word* w) {
  return any_reading(w, [](const Reading& r) {
    static const std::vector<std::string_view> lemmas = {"gå", "dra", "reise", "komme", "kjøre", "flytte", "fly",
                                                          "løpe", "sykle", "sende", "følge", "haste", "seile", "vende"};
    return r.has("vblex") && std::find(lemmas.begin(), lemmas.end(), r.lemma) != lemmas.end();
  });
}

// Verbs followed by an infinitive with "å": "prøver å lære".
bool takes_infinitive_marker(const Word* w) {
  return any_reading(w, [](const Reading& r) {
    static const std::vector<std::string_view> lemmas = {
        "prøve", "begynne", "slutte", "like",  "pleie", "huske", "glemme", "elske", "ønske", "klare", "forsøke",
        "orke",  "gidde",   "hate",   "våge",  "nekte", "unngå", "fortsette", "love", "slippe", "greie", "trenge"};
    return finite(r) && std::find(lemmas.begin(), lemmas.end(), r.lemma) != lemmas.end();
  });
}

struct Emit {
  const RuleContext& c;
  void operator()(const char* rule, const Word& w, const std::string& suggestion, double confidence = 0.7) const {
    c.add(rule, "ORT", w.start, w.end, {like(w, suggestion)}, confidence);
  }
};

// "man" (the pronoun, "one") and "mann" (the noun, "a man").
void man_mann(const Sentence& s, std::size_t i, const Emit& emit) {
  const Word& w = s.words[i];
  const Word* prev = before(s, i);
  const Word* next = word(s, i + 1);
  if (w.lower == "man") {
    // After a possessive or an article and an adjective, or joined to a noun: a noun.
    const bool possessive = is(prev, {"min", "din", "sin", "hans", "hennes", "vår", "deres", "én"});
    const bool article_adjective = all_readings(prev, adjective) && !any_tag(prev, "adv") && is(before(s, i - 1), {"en", "én"});
    // "en man som", but not "en man kan" (someone one can...).
    const bool article = is(prev, {"en"}) && (!next || (!any_reading(next, [](const Reading& r) {
                                                  return finite(r) || r.has("vbmod");
                                                }) && !is_clause_adverb(*next)));
    const Word* after = word(s, i + 2);
    const bool coordinated = is(next, {"og", "eller"}) && all_readings(after, [](const Reading& r) {
                               return noun(r) && r.has("sg") && r.has("ind");
                             });
    if (possessive || article_adjective || article || coordinated) emit("man-mann", w, "mann");
    return;
  }
  if (w.lower != "mann") return;
  // "mann" with no determiner as the subject: at the start of a clause before a finite verb, or
  // right after the finite verb in an inverted clause ("kan mann gjøre").
  if (is(next, {"og", "eller"}) || !next) return;
  const Word* after = word(s, i + 2);
  auto finite_next = [&](const Word* v) {
    return any_reading(v, finite) && !all_readings(v, noun);
  };
  bool subject = false;
  if (clause_start(s, i)) {
    subject = finite_next(next) || (is_clause_adverb(*next) && finite_next(after));
  } else if (any_reading(prev, finite) && !all_readings(prev, noun)) {
    subject = any_reading(next, infinitive) || is_clause_adverb(*next) || is(next, {"dessuten", "ikke", "da", "så"});
  }
  if (subject) emit("man-mann", w, "man");
}

// "en" for "enn" after a comparative: "større en", "mer en". Not "bedre en stund" (for a while),
// not after the verb "bedre" (improve), not when "enn" follows later ("mer en venn enn ...").
void en_enn(const Sentence& s, std::size_t i, const Emit& emit) {
  const Word& w = s.words[i];
  if (w.lower != "en" || i == 0) return;
  const Word* prev = before(s, i);
  if (!prev || !(any_tag(prev, "comp") || prev->lower == "annerledes")) return;
  const Word* prev2 = before(s, i - 1);
  if (is(prev2, {"å", "en", "et", "ei"}) || (prev2 && is_modal(*prev2))) return;
  const Word* next = word(s, i + 1);
  if (is(next, {"stund", "gang", "tid", "dag", "uke", "måned", "periode", "time", "kveld", "morgen", "natt", "helg"}))
    return;
  for (std::size_t j = i + 1; j < s.words.size(); ++j)
    if (s.words[j].lower == "enn") return;
  emit("en-enn", w, "enn", 0.75);
}

// "og" and "å": "prøver og lære", "for og lære" → "å"; "å" before a subject pronoun or between two
// adjectives ("enkelt å greit") → "og".
void og_aa(const Sentence& s, std::size_t i, const Emit& emit) {
  const Word& w = s.words[i];
  const Word* prev = before(s, i);
  const Word* next = word(s, i + 1);
  if (w.lower == "og" && next && !next->capitalised) {
    const bool bare_infinitive = any_reading(next, infinitive) && !any_reading(next, finite);
    if (!bare_infinitive) return;
    if (is(prev, {"for", "uten"})) {
      emit("og-aa", w, "å");
      return;
    }
    if (!takes_infinitive_marker(prev)) return;
    // After a modal or "å" earlier in the clause, "og" joins two infinitives: "kan gjøre det de
    // ønsker og nekte".
    for (std::size_t j = i - 1; j-- > 0;) {
      const Word& b = s.words[j];
      if (b.punct && b.text != "\"") break;
      if (is_modal(b) || b.lower == "å") return;
    }
    emit("og-aa", w, "å");
    return;
  }
  if (w.lower != "å" || !prev || !next) return;
  if (is(next, {"jeg", "du", "han", "hun", "vi", "dere"})) {
    emit("og-aa", w, "og");
    return;
  }
  auto adjective_only = [](const Word* x) {
    return all_readings(x, adjective) && !any_reading(x, [](const Reading& r) { return verb_any(r) || r.has("adv"); });
  };
  if (adjective_only(prev) && adjective_only(next)) emit("og-aa", w, "og");
}

// "dem" and "di" as the subject: "dem har" → "de har".
void de_dem(const Sentence& s, std::size_t i, const Emit& emit) {
  const Word& w = s.words[i];
  if (w.lower != "dem" && w.lower != "di") return;
  if (!clause_start(s, i)) return;
  const Word* next = word(s, i + 1);
  if (!next || !any_reading(next, finite) || all_readings(next, noun)) return;
  emit("de-dem", w, "de", 0.7);
}

// "noe" before a plural noun is "noen" ("noe bøker"), "dem" before a definite noun is "de" ("dem
// bøkene"): the wrong determiner (W in ASK).
void determiner_forms(const RuleContext& c, std::size_t i) {
  const Sentence& s = c.sentence;
  const Word& w = s.words[i];
  const Word* next = word(s, i + 1);
  if (!next || next->capitalised) return;
  auto plural_noun = [](const Word* x, const char* definiteness) {
    return all_readings(x, [&](const Reading& r) { return noun(r) && r.has("pl") && r.has(definiteness); });
  };
  // "noe ganger", "noe få" (also "ganger" reads as a verb), and "i/for noe år" (also singular).
  const Word* prev = before(s, i);
  if (w.lower == "noe" && (is(next, {"ganger", "få"}) || (is(next, {"år", "dager", "uker", "måneder"}) && prev && is(prev, {"i", "for", "om", "på"}))))
    c.add("determiner-form", "W", w.start, w.end, {like(w, "noen")}, 0.7);
  else if (w.lower == "noe" && plural_noun(next, "ind") && !is(next, {"penger"}))
    c.add("determiner-form", "W", w.start, w.end, {like(w, "noen")}, 0.7);
  // Not after a verb, where "dem" is an indirect object ("ga dem bøkene").
  else if (w.lower == "dem" && plural_noun(next, "def") &&
           (clause_start(s, i) || (any_tag(before(s, i), "pr") && !any_reading(before(s, i), verb_any))))
    c.add("determiner-form", "W", w.start, w.end, {like(w, "de")}, 0.7);
}

// Pairs that learners confuse, each in a context the written word cannot stand in.
void frequent_pairs(const Sentence& s, std::size_t i, const Emit& emit) {
  const Word& w = s.words[i];
  const Word* prev = before(s, i);
  const Word* next = word(s, i + 1);
  const std::string_view x = w.lower;  // compared with dozens of literals: a view compares the sizes first
  if (x == "høyre" && !w.capitalised) {
    // "høyre" is the right-hand side; "høyere" the comparative of "høy".
    static const std::vector<std::string_view> sides = {
        "side", "hånd", "arm", "fot", "bein", "ben", "øye", "øre", "kne", "skulder", "hofte", "kant", "hjørne", "fil",
        "felt", "sving", "fløy", "vinge", "lomme", "hjul", "dør", "vindu", "kinn", "bryst", "lunge", "nyre", "tommel",
        "retning", "halvdel", "back", "ytterkant"};
    const bool degree = is(prev, {"mye", "litt", "enda", "stadig", "noe", "langt", "betydelig"});
    // Before a noun that is no side of anything ("høyre lønn"), possibly after an adjective.
    const Word* noun_after = any_reading(next, adjective) && !any_reading(next, noun) ? word(s, i + 2) : next;
    const bool comparative_noun = any_reading(noun_after, noun) && !noun_after->capitalised &&
                                  !any_reading(noun_after, [&](const Reading& r) {
                                    return r.has("det") || r.has("pr") ||
                                           std::find(sides.begin(), sides.end(), r.lemma) != sides.end();
                                  });
    if (is(next, {"enn"}) || degree || comparative_noun) emit("real-word", w, "høyere");
  } else if (x == "a" && w.text == "a" && next && !next->capitalised && any_reading(next, infinitive)) {
    emit("real-word", w, "å", 0.75);  // "a" for "å" on a keyboard without å
  } else if (x == "lit" && !is(next, {"på"}) && !any_tag(prev, "det")) {
    emit("real-word", w, "litt");
  } else if (x == "velde" && any_reading(next, [](const Reading& r) { return r.has("adj") || r.has("adv"); })) {
    emit("real-word", w, "veldig");
  } else if ((x.rfind("forsett", 0) == 0 || x.rfind("forsatt", 0) == 0) && is(next, {"å", "med"})) {
    emit("real-word", w, "fort" + std::string(x.substr(3)));  // "forsette å" → "fortsette å"
  } else if (x == "måtte" && prev && (is(prev, {"en", "ei", "denne", "samme", "hvilken", "annen", "enhver", "hver"}) ||
                                      (all_readings(prev, adjective) && is(before(s, i - 1), {"en", "ei", "denne", "samme"}))) &&
             !any_reading(next, infinitive)) {
    emit("real-word", w, "måte");  // "på en måtte" → "på en måte"
  } else if (x == "måte" && any_reading(next, infinitive) && !any_reading(next, noun) &&
             !any_reading(prev, [](const Reading& r) { return r.has("det") || r.has("adj") || r.has("pr"); })) {
    emit("real-word", w, "måtte");  // "og måte finne" → "og måtte finne"
  } else if (x == "vare" && is(prev, {"la"}) && is(next, {"å"})) {
    emit("real-word", w, "være");  // "la være å røyke"
  } else if (x == "være" && is(next, {"på"}) && any_reading(prev, [](const Reading& r) { return r.lemma == "ta"; })) {
    emit("real-word", w, "vare");  // "ta vare på"
  } else if (x == "vare" && next) {
    // "å vare" / "kan vare" + a predicative adjective: "være" ("vare" is to last: "vare lenge"). A
    // clause adverb or an inverted subject may stand between: "må man ikke vare".
    bool verb_slot = is(prev, {"å"}) || (prev && is_modal(*prev));
    for (std::size_t back = 2; !verb_slot && back <= 3 && back <= i; ++back) {
      const Word* between = word(s, i - back + 1);
      if (!between || !(is_clause_adverb(*between) || is_subject_pronoun(*between) ||
                        all_readings(between, [](const Reading& r) { return noun(r) && r.has("def"); })))
        break;
      if (const Word* b = word(s, i - back); b && (is_modal(*b) || b->lower == "å")) verb_slot = true;
    }
    // Not a comparative: "vare lengre" (last longer).
    const bool predicative = (any_reading(next, adjective) && !any_tag(next, "adv") && !any_tag(next, "comp") &&
                              !any_reading(next, noun)) ||
                             is(next, {"med"});
    if (verb_slot && predicative) emit("real-word", w, "være");
  } else if (x == "helle" && any_reading(next, [](const Reading& r) { return r.has("n") && r.has("def"); }) &&
             !is(prev, {"å"}) && !(prev && (is_modal(*prev) || is_subject_pronoun(*prev)))) {
    emit("real-word", w, "hele");  // "helle året" → "hele året"
  } else if (x == "same" && is(prev, {"den", "det", "de", "på", "i", "med", "av", "til", "om", "for", "fra"})) {
    emit("real-word", w, "samme");
  } else if (x == "vis" && clause_start(s, i) && is(next, {"du", "jeg", "han", "hun", "vi", "dere", "man"})) {
    emit("real-word", w, "hvis");  // an imperative has no subject: "Vis du vil" → "Hvis du vil"
  } else if ((x == "hver" || x == "vert") && is(prev, {"etter"}) &&
             (!next || any_reading(next, finite) || any_tag(next, "prn")) && !any_reading(next, noun) &&
             !any_reading(next, adjective)) {
    emit("real-word", w, "hvert");  // "etter hvert"
  } else if ((x == "ditt" || x == "hjemme") && motion_verb(prev) && !any_reading(next, noun)) {
    emit("real-word", w, x == "ditt" ? "dit" : "hjem");  // direction after a verb of motion
  } else if (x == "att" && (any_tag(next, "prn") || any_tag(next, "det") || all_readings(next, noun))) {
    emit("real-word", w, "at");
  } else if (x == "my" && any_reading(next, [](const Reading& r) { return r.has("n") || r.has("adj"); }) &&
             !any_tag(prev, "det")) {
    emit("real-word", w, "mye");
  } else if ((x == "lekke" || x == "lekker" || x == "lekket") && is(next, {"med", "sammen", "ute", "inne", "fritt"})) {
    emit("real-word", w, x == "lekke" ? "leke" : x == "lekker" ? "leker" : "lekte");
  } else if ((x == "lette" || x == "letter") && is(next, {"etter"}) && (x == "letter" || is(prev, {"å"}) || (prev && is_modal(*prev)))) {
    emit("real-word", w, x == "lette" ? "lete" : "leter");  // "å lette etter" → "å lete etter"
  } else if (x == "våret" && any_reading(next, finite) && !is(prev, {"har", "hadde", "seg", "det"})) {
    emit("real-word", w, "været");
  } else if (x == "menn" && i > 0 && s.words[i - 1].text == "," && next &&
             any_reading(next, [](const Reading& r) { return r.has("prn") || r.has("adv"); }) &&
             !is(next, {"og", "eller"}) && !any_reading(next, finite)) {
    emit("real-word", w, "men");  // ", menn nå bor vi" → ", men nå bor vi"
  } else if (x == "sinne" && ((!any_reading(next, finite) &&
                               any_reading(next, [](const Reading& r) { return r.has("pl") || (adjective(r) && r.has("def")); })) ||
                              (all_readings(prev, [](const Reading& r) { return noun(r) && r.has("def"); }) &&
                               (!next || !any_reading(next, noun))))) {
    emit("real-word", w, "sine");  // "barna sinne", "sinne første barn"
  } else if (x == "o" && w.text == "o" && next && !next->capitalised && any_reading(next, infinitive) &&
             is(prev, {"for", "og", "til", "om", "uten"})) {
    emit("real-word", w, "å", 0.7);
  } else if (x == "hvis" && is(prev, {"en", "ei"}) && any_reading(next, [](const Reading& r) { return noun(r) && r.has("ind"); }) &&
             !any_reading(next, finite) && !is_subject_pronoun(*next)) {
    emit("real-word", w, "viss");  // "til en hvis grad" → "til en viss grad"
  } else if (x == "vert" && is(prev, {"i"}) && is(next, {"fall"})) {
    emit("real-word", w, "hvert");  // "i hvert fall"
  } else if (x == "an" && prev && (any_tag(prev, "comp") || prev->lower == "annerledes")) {
    emit("en-enn", w, "enn");
  } else if (x == "live" && !is(prev, {"i"}) && !is(next, {"opp"}) && prev &&
             (prev->lower == "å" || is_modal(*prev) ||
              (is_subject_pronoun(*prev) && i > 1 && before(s, i - 1) && is_modal(*before(s, i - 1))))) {
    emit("real-word", w, "leve");  // "kunne live" → "kunne leve" ("live opp" is to liven up)
  } else if (x == "live" && !is(prev, {"i"}) &&
             (is(prev, {"hele"}) || all_readings(prev, [](const Reading& r) { return adjective(r) && r.has("def"); }))) {
    emit("real-word", w, "livet");  // "det daglige live" → "det daglige livet"
  } else if (x == "lengre" && prev &&
             [&] {
               // "lever (man) lengre" → "lenger": how long one lives is the adverb ("en lengre reise" is the adjective).
               const Word* verb = (is_subject_pronoun(*prev) && i > 1) ? before(s, i - 1) : prev;
               return any_reading(verb, [](const Reading& r) { return r.has("vblex") && r.lemma == "leve" && !r.compound; });
             }()) {
    emit("real-word", w, "lenger");
  } else if (x == "heler" && (is(next, {"ikke"}) || is(prev, {"ikke", "eller"}))) {
    emit("real-word", w, "heller");
  } else if (x == "vær" && prev && is(prev, {"det", "den", "han", "hun", "jeg", "vi", "de", "du"}) && clause_start(s, i - 1) &&
             next && !is(next, {"så", "snill", "snille"})) {
    emit("real-word", w, "var", 0.6);  // an imperative has no subject: "Det vær" → "Det var"
  } else if (x == "elle" && (prev || (i > 0 && s.words[i - 1].text == ",")) && !is(prev, {"å"}) &&
             !(prev && is_modal(*prev)) && next) {
    emit("real-word", w, "eller");
  } else if (x == "ander" && next && !next->capitalised &&
             all_readings(next, [](const Reading& r) { return noun(r) && r.has("ind"); })) {
    emit("real-word", w, "andre");  // a plural noun ("ander", ducks) takes no noun after it: "ander dyr"
  } else if (x == "slag" && is(prev, {"en", "et", "ei", "hva", "alle", "noen", "samme", "hvilket", "ett"}) && next &&
             !next->capitalised && all_readings(next, [](const Reading& r) { return noun(r) && r.has("ind"); })) {
    emit("real-word", w, "slags");  // "en slag telefon" → "en slags telefon"
  } else if (x == "kvit" && is(prev, {"er", "var", "bli", "blir", "ble", "blitt", "vært", "være"}) &&
             (is(next, {"den", "det", "de", "dem", "meg", "deg", "seg", "ham", "henne", "oss", "dere"}) ||
              any_reading(next, [](const Reading& r) { return r.has("det") || (noun(r) && r.has("def")); }))) {
    emit("real-word", w, "kvitt");  // "bli kvit den vanen" → "kvitt": the colour takes no object
  } else if (x == "rund" && next && !next->capitalised &&
             (all_readings(next, [](const Reading& r) { return noun(r) && (r.has("pl") || r.has("def")); }) ||
              is(next, {"den", "det", "de", "dem", "meg", "deg", "seg", "oss", "hele"}))) {
    emit("real-word", w, "rundt");  // "rund" cannot go with a plural or definite noun: "rund byen"
  } else if (x == "lust" && is(next, {"til", "på"})) {
    emit("real-word", w, "lyst");  // "ha lust til" → "ha lyst til"
  } else if (x == "mi" && clause_start(s, i) && next && any_reading(next, finite) && !all_readings(next, noun)) {
    emit("real-word", w, "vi");  // the possessive "mi" follows its noun and is no subject: "mi må" → "vi må"
  } else if ((x == "mit" || x == "midt") && !w.capitalised && next && !next->capitalised &&
             all_readings(next, [](const Reading& r) { return noun(r) && r.has("nt") && r.has("ind"); })) {
    emit("real-word", w, "mitt");  // "i mit liv" → "i mitt liv"
  } else if (x == "atter" && next && !next->capitalised &&
             all_readings(next, [](const Reading& r) { return noun(r); }) && !any_reading(next, function_word)) {
    emit("real-word", w, "etter");  // the adverb "atter" (again) takes no noun: "atter middag" → "etter"
  } else if (x == "al" && next && is(next, {"de", "disse", "dem", "mine", "dine", "sine", "våre", "deres", "hans", "hennes"})) {
    emit("real-word", w, "alle");  // "Al de ansatte" → "Alle de ansatte"
  } else if ((x == "seer" || x == "star") && prev && (!prev->capitalised || sentence_initial(s, i - 1)) &&
             (is_subject_pronoun(*prev) || is(prev, {"som"}) ||
              (clause_start(s, i - 1) && all_readings(prev, [](const Reading& r) { return noun(r) && r.has("def"); }))) &&
             is(next, {"på", "i", "ut", "ikke", "der", "her", "fram", "frem", "opp", "foran", "bak"})) {
    emit("real-word", w, x == "seer" ? "ser" : "står");  // a verb after its subject: "barna seer på", "som star i"
  } else if (x == "horte" && is(next, {"på", "etter", "om", "til", "ikke"})) {
    emit("real-word", w, "hørte");
  } else if (x == "nestes" && next &&
             (is(next, {"hver", "alle", "ikke", "aldri", "alltid", "ingen", "alt", "bare", "like", "hele"}) || any_tag(next, "num"))) {
    emit("real-word", w, "nesten");  // "nestes hver dag" → "nesten hver dag"
  } else if (x == "sun" && (!w.capitalised || sentence_initial(s, i)) && next && !next->capitalised &&
             any_reading(next, [](const Reading& r) { return noun(r) && r.has("ind"); }) &&
             !any_reading(next, [](const Reading& r) { return finite(r) || function_word(r); })) {
    emit("real-word", w, "sunn");  // "sun mat" → "sunn mat"
  } else if (x == "brå" && is(next, {"å", "at"}) &&
             (is(prev, {"er", "var", "veldig", "så", "ganske", "ikke", "svært"}))) {
    emit("real-word", w, "bra");  // "det er brå å ha" → "bra"
  } else if (x == "nokk" && !any_reading(prev, [](const Reading& r) { return r.has("det") || adjective(r); })) {
    emit("real-word", w, "nok");  // "nokk" is a water spirit and needs a determiner
  } else if (x == "sone" && next && !next->capitalised && (clause_start(s, i) || any_tag(prev, "pr")) &&
             all_readings(next, [](const Reading& r) { return noun(r) && r.has("pl") && r.has("ind"); })) {
    emit("real-word", w, "sånne");  // "sone situasjoner" → "sånne situasjoner"
  } else if (x == "hå" && prev && (is_modal(*prev) || prev->lower == "å")) {
    emit("real-word", w, "ha");  // "vil hå gjort" → "vil ha gjort"
  } else if ((x == "prove" || x == "prover" || x == "provde") && is(next, {"å"})) {
    emit("real-word", w, x == "prove" ? "prøve" : x == "prover" ? "prøver" : "prøvde");  // "prove å" → "prøve å"
  } else if (x == "hjemmet" && is(prev, {"være", "er", "var", "vært", "bli", "blir", "ble", "blitt", "sitte", "sitter", "satt"}) &&
             is(next, {"med", "alene", "hele", "sammen", "hos"})) {
    emit("real-word", w, "hjemme");  // "være hjemmet med barna" → "være hjemme"
  } else if (x == "gut" && any_reading(prev, adjective) && !any_reading(prev, function_word)) {
    emit("real-word", w, "gutt");  // "en somalisk gut" → "gutt"
  } else if (x == "fatt" && next && !next->capitalised &&
             any_reading(next, [](const Reading& r) { return noun(r) && r.has("ind"); }) &&
             !any_reading(next, [](const Reading& r) { return finite(r) || function_word(r); })) {
    emit("real-word", w, "fet");  // "fatt" (in "få fatt i") takes no noun: "fatt mat" → "fet mat"
  } else if ((x == "skjenner" || x == "skjente") && is(next, {"at", "hva", "hvorfor", "hvordan", "hvem", "ikke", "det"})) {
    emit("real-word", w, x == "skjenner" ? "skjønner" : "skjønte");  // "skjenne" (scold) takes "på": "jeg skjenner at"
  } else if (x == "till" && (is(next, {"å"}) || any_reading(next, [](const Reading& r) { return r.has("det") || r.has("prn") || noun(r); }))) {
    emit("real-word", w, "til");
  }
}

// The word after `i` that is no clause adverb ("bor ikke glemme").
const Word* after_adverbs(const Sentence& s, std::size_t i) {
  std::size_t j = i + 1;
  while (const Word* a = word(s, j)) {
    if (!is_clause_adverb(*a)) return a;
    ++j;
  }
  return nullptr;
}

// A bare infinitive: no finite verb, function word or definite noun among its readings.
bool only_infinitive(const Word* w) {
  return any_reading(w, infinitive) && !w->capitalised && !any_reading(w, [](const Reading& r) {
           return finite(r) || function_word(r) || r.has("def") || r.has("pl") || adjective(r);
         });
}
bool subject_pronoun_word(const Word* w) { return is(w, {"jeg", "du", "han", "hun", "vi", "dere", "de", "man", "en"}); }

// Function words spelt as another word, told apart by what follows: "bor" (lives) and "bør"
// (should), "nå" (now) and "må" (must), "for" and "får" (gets), "for" and "før" in fixed phrases,
// "bade" (bathe) and "både" (both), "vor" and "hvor".
void function_word_pairs(const Sentence& s, std::size_t i, const Emit& emit) {
  const Word& w = s.words[i];
  const Word* prev = before(s, i);
  const Word* next = word(s, i + 1);
  const std::string_view x = w.lower;  // compared with dozens of literals: a view compares the sizes first
  if (x == "bor") {
    // "bo" takes no infinitive: "man bor ikke glemme" → "bør".
    if (only_infinitive(after_adverbs(s, i))) emit("real-word", w, "bør");
  } else if (x == "nå" && next) {
    // Before a subject and a bare infinitive, or between a subject and one: a modal is missing,
    // and "nå" is the modal misspelt ("så nå man betale", "vi nå betale").
    const bool inverted = subject_pronoun_word(next) && only_infinitive(after_adverbs(s, i + 1)) &&
                          !is(prev, {"å"}) && !(prev && is_modal(*prev));
    const bool straight = subject_pronoun_word(prev) && clause_start(s, i - 1) && only_infinitive(next);
    if (inverted || straight) emit("real-word", w, "må");
  } else if (x == "for" && next && clause_start(s, i) && is_personal_subject_pronoun(*next)) {
    // "for" as a conjunction has a clause after it; a subject with a noun phrase and no verb
    // means the verb "får": ", for vi muligheten" → "får vi muligheten".
    const Word* object = word(s, i + 2);
    if (object && !object->capitalised &&
        all_readings(object, [](const Reading& r) { return (noun(r) && r.has("def")) || r.has("det"); }) &&
        !any_reading(object, [](const Reading& r) { return finite(r) || r.has("prn"); }))
      emit("real-word", w, "får");
  } else if (x == "for" && is(next, {"i"}) && is(word(s, i + 2), {"tida", "tiden"})) {
    emit("real-word", w, "før");  // "før i tida" (in the old days)
  } else if (x == "før") {
    // "for tre år siden" (ago): a span of time and "siden".
    const Word* n1 = next;
    const Word* n2 = word(s, i + 2);
    const Word* n3 = word(s, i + 3);
    const bool amount = n1 && (any_tag(n1, "num") || any_tag(n1, "qnt") || is(n1, {"noen", "mange", "flere", "et", "ett", "ei"}));
    if (amount && any_reading(n2, noun) && is(n3, {"siden"})) emit("real-word", w, "for");
  } else if (x == "bade" && !w.capitalised && (prev || (i > 0 && s.words[i - 1].text == ",")) &&
             !is(prev, {"å", "og", "eller"}) && !(prev && is_modal(*prev)) && !subject_pronoun_word(prev) &&
             !all_readings(prev, noun)) {
    // "både ... og": "bade" (to bathe) after no infinitive marker, modal, subject or noun, with
    // "og" to come.
    for (std::size_t j = i + 2; j < s.words.size() && j < i + 8; ++j) {
      if (s.words[j].punct && s.words[j].text != ",") break;
      if (s.words[j].lower == "og" || s.words[j].lower == "eller") {
        emit("real-word", w, "både");
        break;
      }
    }
  } else if (x == "vor" && !w.capitalised && prev && !any_reading(prev, [](const Reading& r) {
               return r.has("det") || r.has("adj") || r.has("pr") || r.has("np");
             }) && (any_tag(next, "prn") || any_tag(next, "det") || any_reading(next, noun))) {
    emit("real-word", w, "hvor");  // "et samfunn vor alle er like" → "hvor"
  }
}

// "enn" after a comparative and its noun: "flere fordeler en ulemper" ("en" cannot go with a
// plural noun).
void en_enn_plural(const Sentence& s, std::size_t i, const Emit& emit) {
  const Word& w = s.words[i];
  if (w.lower != "en" || i < 2) return;
  const Word* next = word(s, i + 1);
  if (!all_readings(next, [](const Reading& r) { return noun(r) && r.has("pl"); }) || next->capitalised) return;
  const Word* prev = before(s, i);
  if (!any_reading(prev, noun)) return;
  const Word* degree = before(s, i - 1);
  if (degree && (any_tag(degree, "comp") || is(degree, {"flere", "færre", "mer", "mindre"})))
    emit("en-enn", w, "enn", 0.7);
}

// A finite verb at the start of a sentence, before another finite verb, is a misspelt subject:
// a noun one doubled or single consonant away ("Kviner var" → "Kvinner var").
void subject_respelling(const RuleContext& c, std::size_t i, const Emit& emit) {
  const Sentence& s = c.sentence;
  const Word& w = s.words[i];
  // Not a question, which puts its verb first ("Skal livet ...?").
  if (!sentence_initial(s, i) || is_modal(w) || s.words.back().text.find('?') != std::string::npos) return;
  const Word* next = word(s, i + 1);
  if (!next || !any_reading(next, finite) || all_readings(next, noun) || any_reading(next, function_word)) return;
  if (!all_readings(&w, [](const Reading& r) { return r.has("vblex") && (r.has("pres") || r.has("pret")); })) return;
  const auto found = typical_respellings(
      c.worker, w.lower, [](const std::vector<Reading>& rs) { return std::any_of(rs.begin(), rs.end(), noun); }, 1, true);
  if (!found.empty()) emit("real-word", w, found.front(), 0.65);
}

// Words that cannot stand in their slot, one learner-typical edit from a word that can: a verb
// after "å" or a modal ("å byge" → "bygge"), a finite verb after a subject pronoun at the start of
// a clause ("jeg skall" → "skal"), an adjective after a degree adverb or a copula ("veldig snile"),
// a noun after a preposition ("på lande") and a noun or adjective after an article ("et nyt liv").
void slot_respellings(const RuleContext& c, std::size_t i, const Emit& emit) {
  const Sentence& s = c.sentence;
  const Word& w = s.words[i];
  const Word* next = word(s, i + 1);
  if (!next || next->capitalised || next->unknown || count_code_points(next->text) < 2) return;
  const Word* prev = before(s, i);
  auto respell = [&](const std::function<bool(const std::vector<Reading>&)>& fits, bool doubling_only = false) {
    const auto found = typical_respellings(c.worker, next->lower, fits, 1, doubling_only);
    if (!found.empty()) emit("real-word", *next, found.front(), 0.65);
  };
  auto to_infinitive = [](const std::vector<Reading>& rs) { return std::any_of(rs.begin(), rs.end(), infinitive); };
  // An imperative cannot follow a determiner or an adjective: a noun or an adjective one letter
  // longer was meant ("en sjans" → "sjanse", "større sjans", "et nyt" → "nytt").
  if (all_readings(next, [](const Reading& r) { return r.has("vblex") && r.has("imp"); }) &&
      (is(&w, {"en", "ei", "et", "samme", "denne", "hver", "ingen", "noen", "enhver"}) ||
       all_readings(&w, [](const Reading& r) {
         // Not a plural or definite adjective: it may be a noun's place ("fattige operer ut").
         return adjective(r) && !function_word(r) && !r.has("pp") && !r.has("pl") && !r.has("def");
       }))) {
    const auto found = typical_respellings(
        c.worker, next->lower,
        [](const std::vector<Reading>& rs) {
          return std::any_of(rs.begin(), rs.end(), [](const Reading& r) { return noun(r) || adjective(r); });
        },
        3);
    for (const auto& f : found)
      if (count_code_points(f) > count_code_points(next->lower)) {
        emit("real-word", *next, f, 0.6);
        return;
      }
  }
  if (w.lower == "å" && prev && !is(prev, {"en", "ei", "et", "den"})) {  // not "en å" (a small river)
    if (all_readings(next, [](const Reading& r) { return (noun(r) || adjective(r)) && !function_word(r); }))
      respell(to_infinitive);
    return;
  }
  // After a modal (and its adverbs), an adjective can only be a misspelt infinitive ("vil gjerne
  // fine" → "finne"); a noun too, except after "kan" and "vil" ("kan norsk", "vil hjem").
  if (is_modal(w) && any_reading(&w, [](const Reading& r) { return r.has("vblex") || r.has("vbmod"); })) {
    std::size_t j = i + 1;
    while (const Word* a = word(s, j)) {
      if (!is_clause_adverb(*a) && !is(a, {"gjerne", "helst", "sikkert", "nok"})) break;
      ++j;
    }
    const Word* v = word(s, j);
    if (!v || v->capitalised || v->unknown || count_code_points(v->text) < 2) return;
    // A noun followed by an infinitive is the inverted subject: "må kvinnen gi".
    const bool object_modal = is(&w, {"kan", "kunne", "vil", "ville"}) || any_reading(word(s, j + 1), infinitive);
    if (all_readings(v, [&](const Reading& r) {
          return (adjective(r) || (noun(r) && !object_modal)) && !function_word(r) && !r.has("comp") && !r.has("sup");
        })) {
      const auto found = typical_respellings(c.worker, v->lower, to_infinitive, 1);
      if (!found.empty()) emit("real-word", *v, found.front(), 0.65);
    }
    return;
  }
  // After a subject pronoun only a doubled or single consonant counts: other respellings of a noun
  // there are more often a wrong verb form ("du spørrer") or an apposition ("vi elever").
  if (is_personal_subject_pronoun(w) && clause_start(s, i)) {
    if (all_readings(next, [](const Reading& r) {
          return (noun(r) || (adjective(r) && !r.has("comp") && !r.has("sup")) || (r.has("vblex") && r.has("imp"))) &&
                 !function_word(r);
        }) && !is(next, {"selv", "alle", "begge", "to", "tre"}))
      respell(
          [](const std::vector<Reading>& rs) {
            return std::any_of(rs.begin(), rs.end(), [](const Reading& r) { return finite(r); });
          },
          true);
    return;
  }
  // After a degree adverb or a copula an adjective is expected: a noun there, or a finite verb
  // after a copula, one doubled or single consonant from an adjective is that adjective ("veldig
  // snile" → "snille", "var ikke red" → "redd").
  auto to_adjective = [](const std::vector<Reading>& rs) { return std::any_of(rs.begin(), rs.end(), adjective); };
  if (is(&w, {"veldig", "svært", "meget", "ganske", "nokså", "temmelig", "særdeles", "utrolig"})) {
    if (all_readings(next, [](const Reading& r) { return noun(r) && !function_word(r); })) respell(to_adjective, true);
    return;
  }
  if (is(&w, {"er", "var", "være", "blir", "ble", "bli", "vært", "blitt"})) {
    // An inverted subject may stand between: "var jeg ikke red".
    const Word* v = next;
    for (std::size_t j = i + 1; v && (is_clause_adverb(*v) || (j == i + 1 && is_subject_pronoun(*v)));) v = word(s, ++j);
    if (v && !v->capitalised && !v->unknown && any_reading(v, finite) &&
        !any_reading(v, [](const Reading& r) { return adjective(r) || function_word(r); })) {
      const auto found = typical_respellings(c.worker, v->lower, to_adjective, 1, true);
      if (!found.empty()) emit("real-word", *v, found.front(), 0.65);
    }
    return;
  }
  // Between an adjective and "og"/"eller" and a noun one doubled or single consonant from an
  // adjective, the adjective was meant: "høflige og snile" → "snille".
  if (is(&w, {"og", "eller"}) && all_readings(prev, [](const Reading& r) { return adjective(r) && !function_word(r); }) &&
      !any_reading(prev, noun) && all_readings(next, [](const Reading& r) { return noun(r) && !function_word(r); })) {
    const Word* after = word(s, i + 2);
    if (!any_reading(after, noun)) respell(to_adjective, true);
    return;
  }
  // After a preposition that never takes a bare infinitive, an infinitive or a stem is a noun
  // misspelt ("på lande" → "landet"). Not a finite verb: that ends a clause ("det man tror på er").
  const bool noun_slot =
      is(&w, {"på", "i", "med", "av", "fra", "mot", "hos", "under", "over", "gjennom", "mellom", "blant", "langs"}) &&
      all_readings(&w, [](const Reading& r) { return r.has("pr") || r.has("adv"); });
  if (noun_slot && next->text.find('-') == std::string::npos &&
      all_readings(next, [&](const Reading& r) { return r.has("vblex") && (r.has("inf") || r.has("imp")); }) &&
      !is(next, {"å", "være", "ha", "bli"})) {
    const auto found = typical_respellings(
        c.worker, next->lower, [](const std::vector<Reading>& rs) { return std::any_of(rs.begin(), rs.end(), noun); }, 3);
    if (!found.empty()) {
      std::vector<std::string> suggestions;
      for (const auto& f : found) suggestions.push_back(like(*next, f));
      c.add("real-word", "ORT", next->start, next->end, std::move(suggestions), 0.6);
    }
    return;
  }
  // After an article only a verb form can be ruled out (not a present tense, where the article is
  // more likely the superfluous word); the respelling agrees with the article. "en" is an article
  // after a preposition that is no subjunction ("på en", not "til en kan").
  const bool article = is(&w, {"et", "ei"}) ||
                       (w.lower == "en" && all_readings(prev, [](const Reading& r) { return r.has("pr"); }) &&
                        !is(prev, {"til", "før", "etter", "om", "siden", "for", "enn", "mens"}));
  if (!article || !all_readings(next, [](const Reading& r) { return r.has("vblex") && !r.has("pres"); })) return;
  const char* gender = w.lower == "et" ? "nt" : w.lower == "ei" ? "f" : "m";
  respell([gender](const std::vector<Reading>& rs) {
    return std::any_of(rs.begin(), rs.end(), [gender](const Reading& r) {
      return (noun(r) || adjective(r)) && r.has("sg") && r.has("ind") &&
             (r.has(gender) || (adjective(r) && std::string_view(gender) != "nt" && r.has("mf")));
    });
  });
}

}  // namespace

void rule_real_words(const RuleContext& c) {
  const Sentence& s = c.sentence;
  const Emit emit{c};
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.punct || w.unknown) continue;
    man_mann(s, i, emit);
    en_enn(s, i, emit);
    og_aa(s, i, emit);
    de_dem(s, i, emit);
    determiner_forms(c, i);
    frequent_pairs(s, i, emit);
    function_word_pairs(s, i, emit);
    en_enn_plural(s, i, emit);
    slot_respellings(c, i, emit);
    subject_respelling(c, i, emit);
  }
}

}  // namespace voki::feedback
