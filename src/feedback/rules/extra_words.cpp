// R: superfluous words — "til" or "for" between an adjective and "å", the article before a bare profession,
// "å" after a modal, "at" after a subjunction, "seg" with verbs that take none, a preposition after
// verbs that take a direct object, an indefinite article before a plural noun.
#include "feedback/rules/rule_helpers.h"
#include <cctype>

namespace voki::feedback {

using namespace rule_helpers;

namespace {
// Adjectives that take "å" directly: "det er viktig å", never "viktig til å".
bool takes_bare_infinitive(const Word& w) {
  // Not "bedre/best": "bli bedre til å" means getting good at something.
  return lemma_in(w, {"mulig", "umulig", "vanskelig", "lett", "viktig", "verdt", "spennende", "morsomt", "morsom", "koselig",
                      "nødvendig", "unødvendig", "greit", "farlig", "kjedelig", "hyggelig", "interessant", "deilig", "gøy",
                      "fint", "godt", "vanlig", "uvanlig", "tungt", "naturlig", "lurt", "enklere", "enkelt",
                      "lettere", "vanskeligere", "viktigere", "behagelig", "nyttig", "ulovlig", "lovlig", "sunt", "usunt",
                      "dyrt", "billig", "billigere", "dyrere", "trist", "rart", "flott", "herlig", "fantastisk", "perfekt",
                      "uhøflig", "høflig", "vondt", "pinlig"});
}
// Every reading an infinitive (or the same-looking imperative or a participle used as an adjective:
// "sette" is also se<adj><pp>), at least one the infinitive.
bool is_infinitive_only(const Word& w) {
  if (w.punct || w.unknown || w.readings.empty()) return false;
  return every(w, [](const Reading& r) {
           return !r.compound && ((r.has("vblex") && (r.has("inf") || r.has("imp"))) || (r.has("adj") && r.has("pp")));
         }) &&
         some(w, [](const Reading& r) { return r.has("vblex") && r.has("inf"); });
}
bool ends_clause(const Word* w) {
  return !w || (w->punct && (w->text == "." || w->text == "!" || w->text == "," || w->text == "?")) ||
         lemma_in(*w, {"og", "eller", "men"});
}
// Professions, beliefs and nationalities: "Hun er lærer", "Han ble muslim".
bool is_role_noun(const Word& w) {
  static const std::initializer_list<std::string_view> roles = {
      "lærer", "sykepleier", "lege", "student", "elev", "ingeniør", "pensjonist", "tannlege", "advokat", "journalist", "kokk",
      "sjåfør", "frisør", "rørlegger", "snekker", "elektriker", "bonde", "fisker", "prest", "politimann", "soldat",
      "sekretær", "økonom", "arkitekt", "forsker", "professor", "farmasøyt", "servitør", "selger", "renholder",
      "barnehagelærer", "hjelpepleier", "helsefagarbeider", "assistent", "mekaniker", "maler", "kunstner", "musiker",
      "forfatter", "fotograf", "psykolog", "dommer", "jurist", "rektor", "førskolelærer", "vaktmester", "tolk",
      "oversetter", "direktør", "politiker", "muslim", "buddhist", "katolikk", "hindu", "nordmann", "svenske", "danske",
      "amerikaner", "pakistaner", "somalier", "afghaner", "polakk", "tyrker", "iraner", "iraker", "eritreer", "syrer",
      "russer", "ukrainer", "vietnameser", "kineser", "filippiner", "thailender", "innvandrer", "flyktning", "asylsøker",
      "bibliotekar", "regnskapsfører", "programmerer", "dataingeniør", "frisør", "pilot", "vekter", "bussjåfør",
      "taxisjåfør", "lærling", "sjef", "babysitter", "au pair", "aupair", "pleier", "ergoterapeut", "fysioterapeut",
      "jordmor", "veterinær", "apotektekniker", "helsesøster", "sosionom", "barnevernspedagog", "vernepleier"};
  return std::any_of(w.readings.begin(), w.readings.end(), [&](const Reading& r) {
    return r.has("n") && r.has("sg") && r.has("ind") && !r.compound &&
           std::any_of(roles.begin(), roles.end(), [&](std::string_view l) { return r.lemma == l; });
  });
}
}  // namespace

// R: "til" between an adjective and "å": "Det er viktig til å lære" → "viktig å lære".
void rule_extra_til(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& adjective = s.words[i];
    const Word& til = s.words[i + 1];
    const Word& marker = s.words[i + 2];
    if (til.lower != "til" || marker.lower != "å" || !takes_bare_infinitive(adjective)) continue;
    if (!some(adjective, [](const Reading& r) { return r.has("adj"); })) continue;
    c.add("extra-til", "R", til.start, marker.end, {marker.text}, 0.7);
  }
}

// R: no article before a bare profession or nationality after "bli/være/jobbe som": "Jeg vil bli
// en sykepleier." → "bli sykepleier". Silent when something follows that makes it a description
// ("en lærer som alle liker", "en student fra utlandet").
void rule_extra_article_role(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& verb = s.words[i];
    if (!lemma_in(verb, {"er", "var", "være", "vært", "blir", "ble", "bli", "blitt", "som"})) continue;
    if (verb.lower == "som" && !(i > 0 && lemma_in(s.words[i - 1], {"jobber", "jobbet", "jobbe", "arbeider", "arbeidet",
                                                                    "arbeide", "jobb", "ansatt", "begynte", "utdannet"})))
      continue;
    const Word& article = s.words[i + 1];
    if (!lemma_in(article, {"en", "ei", "et"})) continue;
    const Word& noun = s.words[i + 2];
    if (noun.punct || !is_role_noun(noun)) continue;
    // Nothing that describes the person may follow: only the end of the clause or an adverb
    // ("i fjor", "nå").
    const Word* after = at(s, i + 3);
    if (!ends_clause(after) && !every(*after, [](const Reading& r) { return r.has("adv"); })) continue;
    c.add("extra-article", "R", article.start, noun.end, {noun.text}, 0.65);
  }
}

namespace {
// "Man bør sette seg ned og å tenke" → "og tenke": a second infinitive joined by "og/eller" to the
// bare infinitive after a modal takes no "å" either. `j` is the word after the modal and its
// adverbs; only when that is a bare infinitive and no "å" stands before the conjunction ("må lære
// å lese og å skrive" is right), inside one clause.
void flag_coordinated_marker(const RuleContext& c, std::size_t j) {
  const auto& s = c.sentence;
  if (!is_infinitive_only(s.words[j])) return;
  for (std::size_t k = j + 1; k + 2 < s.words.size() && k < j + 8; ++k) {
    const Word& w = s.words[k];
    if (w.punct || w.lower == "å" || lemma_in(w, {"at", "som", "når", "fordi", "hvis", "om", "da", "mens", "for", "til", "men"})) return;
    if (!lemma_in(w, {"og", "eller"})) continue;
    const Word& marker = s.words[k + 1];
    const Word& verb = s.words[k + 2];
    if (marker.lower == "å" && marker.any("part") && is_infinitive_only(verb))
      c.add("modal-marker", "R", marker.start, verb.end, {verb.text}, 0.7);
    return;
  }
}
}  // namespace

// R: no "å" after a modal verb: "Jeg vil å lære norsk" → "Jeg vil lære norsk".
void rule_modal_marker(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& modal = s.words[i];
    // The participles too: "har villet å lære" → "har villet lære".
    if (!is_modal(modal) && !lemma_in(modal, {"villet", "kunnet", "måttet", "skullet", "burdet"})) continue;
    // Some reading a verb: "bør" is also a noun (a burden), never before "å".
    if (!some(modal, verb_any)) continue;
    std::size_t j = i + 1;
    if (j < s.words.size() && is_subject_pronoun(s.words[j])) ++j;
    while (j < s.words.size() && is_clause_adverb(s.words[j])) ++j;
    if (j + 1 >= s.words.size()) continue;
    const Word& marker = s.words[j];
    const Word& verb = s.words[j + 1];
    if (marker.lower != "å" || !marker.any("part")) {
      flag_coordinated_marker(c, j);
      continue;
    }
    if (!some(verb, [](const Reading& r) { return r.has("vblex") && r.has("inf"); })) continue;
    c.add("modal-marker", "R", marker.start, verb.end, {verb.text}, 0.75);
  }
}

// R: "at" after a subjunction: "hvis at han kom" → "hvis han kom". ("fordi at" is common in speech
// and left alone.)
void rule_extra_at(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& sub = s.words[i];
    const Word& at_word = s.words[i + 1];
    if (at_word.lower != "at" || !lemma_in(sub, {"hvis", "dersom", "mens", "selv om", "hvorfor", "hvordan"})) continue;
    c.add("extra-at", "R", sub.start, at_word.end, {sub.text}, 0.7);
  }
}

// R: "seg" with verbs that take none: "Jeg trives meg her" → "Jeg trives her".
void rule_extra_reflexive(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& verb = s.words[i];
    const Word& pronoun = s.words[i + 1];
    // The analyser reads "ønsker seg" as one unit ("ønske# seg").
    if (pronoun.lower == "å" && pronoun.any("part") &&
        some(verb, [](const Reading& r) { return r.has("vblex") && r.lemma == "ønske# seg" && !r.compound; })) {
      c.add("extra-reflexive", "R", verb.start, verb.end, {verb.text.substr(0, verb.text.rfind(' '))}, 0.7);
      continue;
    }
    if (!lemma_in(pronoun, {"seg", "meg", "deg", "oss"})) continue;
    const bool never_reflexive = std::any_of(verb.readings.begin(), verb.readings.end(), [](const Reading& r) {
      return r.has("vblex") && (r.lemma == "trives" || r.lemma == "foretrekke" || r.lemma == "kommunisere");
    });
    // "ønske seg" takes a thing, not "å" + infinitive: "Jeg ønsker meg å reise" → "Jeg ønsker å reise".
    // "meg/deg/oss" only where they are reflexive: the nearest subject before ("Jeg, som er lærer,
    // ønsker meg å …").
    bool wish_infinitive = false;
    if (i + 2 < s.words.size() && s.words[i + 2].lower == "å" && s.words[i + 2].any("part") &&
        some(verb, [](const Reading& r) { return r.has("vblex") && r.lemma == "ønske" && !r.compound; })) {
      const char* subject = pronoun.lower == "meg" ? "jeg" : pronoun.lower == "deg" ? "du" : pronoun.lower == "oss" ? "vi" : nullptr;
      wish_infinitive = pronoun.lower == "seg";
      for (std::size_t k = i; subject && k > 0 && k + 8 > i; --k) {
        const Word& w = s.words[k - 1];
        if (is_subject_pronoun(w)) {
          wish_infinitive = w.lower == subject;
          break;
        }
      }
    }
    if (!never_reflexive && !wish_infinitive) continue;
    c.add("extra-reflexive", "R", verb.start, pronoun.end, {verb.text}, 0.7);
  }
}

// R: a preposition after verbs that take a direct object: "tilhører til" → "tilhører",
// "påvirker på barna" → "påvirker barna", "skyldes av" → "skyldes".
void rule_extra_preposition(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& verb = s.words[i];
    const Word& prep = s.words[i + 1];
    if (prep.punct) continue;
    // The lemma first: it tells most readings apart at once.
    auto verb_is = [&](std::string_view lemma) {
      return std::any_of(verb.readings.begin(), verb.readings.end(),
                         [&](const Reading& r) { return r.lemma == lemma && r.has("vblex") && !r.compound; });
    };
    bool extra = (verb_is("tilhøre") && prep.lower == "til") || (verb_is("påvirke") && prep.lower == "på") ||
                 (verb_is("skyldes") && prep.lower == "av") || (verb_is("medføre") && prep.lower == "til") ||
                 (verb_is("savne") && (prep.lower == "etter" || prep.lower == "om"));
    // Not where the form is also a noun ("på besøk hos", "i kontakt med"): the imperative is the bare stem.
    // Nor after a preposition or determiner ("en del av kontaktet med" is a misspelt noun).
    const bool noun_like = verb.any("n") || verb.any("imp") ||
                           (i > 0 && every(s.words[i - 1], [](const Reading& r) { return r.has("pr") || r.has("det"); }));
    extra = extra || (!noun_like && ((verb_is("nyte") && prep.lower == "av") || (verb_is("omgås") && prep.lower == "med") ||
                                     (verb_is("kontakte") && prep.lower == "med") ||
                                     (verb_is("besøke") && (prep.lower == "hos" || prep.lower == "til")) ||
                                     (verb_is("forlate") && prep.lower == "fra")));
    // "å møte med folk" → "å møte folk" (the noun "et møte med" is right).
    if (!extra && verb.lower == "møte" && prep.lower == "med" && i > 0 && (s.words[i - 1].lower == "å" || is_modal(s.words[i - 1])))
      extra = true;
    // "diskutere om hvordan …" → "diskutere hvordan …" ("diskutere om vi skal …" asks whether).
    if (!extra && verb_is("diskutere") && prep.lower == "om" && i + 2 < s.words.size() &&
        lemma_in(s.words[i + 2], {"hvordan", "hva", "hvorfor", "hvem", "hvilke", "hvilken", "hvilket"}))
      extra = true;
    // "nær til sentrum" → "nær sentrum".
    if (!extra && verb.lower == "nær" && prep.lower == "til") extra = true;
    if (!extra) continue;
    c.add("extra-preposition", "R", verb.start, prep.end, {verb.text}, 0.7);
  }
  for (std::size_t i = 0; i + 3 < s.words.size(); ++i) {
    // "nærme seg til kulturen" → "nærme seg kulturen".
    if (s.words[i].lower.rfind("nærme", 0) == 0 && lemma_in(s.words[i + 1], {"seg", "meg", "deg", "oss"}) && s.words[i + 2].lower == "til")
      c.add("extra-preposition", "R", s.words[i + 1].start, s.words[i + 2].end, {s.words[i + 1].text}, 0.7);
    // "de fleste av land" → "de fleste land" ("de fleste av oss/landene" is right).
    const std::string& most = s.words[i].lower;  // the analyser reads "de fleste" as one word
    // Likewise "mange av venner" → "mange venner": a quantifier and "av" take a definite noun or a
    // pronoun ("mange av vennene", "noen av oss").
    const bool quantifier = (most == "fleste" || (most.size() > 7 && most.ends_with(" fleste")) ||
                             lemma_in(s.words[i], {"mange", "flere", "noen", "få", "ingen"})) &&
                            some(s.words[i], [](const Reading& r) { return r.has("det") || r.has("prn") || r.has("adj"); });
    if (quantifier && s.words[i + 1].lower == "av") {
      const Word& noun = s.words[i + 2];
      // An indefinite noun (other readings verbs: "land" is also the imperative of "lande").
      if (!noun.punct && !noun.unknown && some(noun, [](const Reading& r) { return r.has("n") && r.has("ind"); }) &&
          std::all_of(noun.readings.begin(), noun.readings.end(),
                      [](const Reading& r) { return (r.has("n") && r.has("ind")) || r.has("vblex"); }))
        c.add("extra-preposition", "R", s.words[i].start, s.words[i + 1].end, {s.words[i].text}, 0.7);
    }
    // "begge av dem" → "begge": "begge" takes no "av" ("begge to", "de begge", "begge barna").
    if (s.words[i].lower == "begge" && s.words[i + 1].lower == "av" && lemma_in(s.words[i + 2], {"dem", "oss", "dere", "de"}))
      c.add("extra-preposition", "R", s.words[i].start, s.words[i + 1].end, {s.words[i].text}, 0.7);
  }
}

// R: "en måte for å … på" → "en måte å … på": with the preposition at the end, "for/til" is one
// too many.
void rule_extra_for_manner(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 3 < s.words.size(); ++i) {
    const Word& noun = s.words[i];
    if (!std::any_of(noun.readings.begin(), noun.readings.end(), [](const Reading& r) { return r.has("n") && r.lemma == "måte"; })) continue;
    const Word& prep = s.words[i + 1];
    if (!lemma_in(prep, {"for", "til"}) || s.words[i + 2].lower != "å") continue;
    bool stranded = false;
    for (std::size_t k = i + 3; k < s.words.size() && !s.words[k].punct && !stranded; ++k)
      stranded = s.words[k].lower == "på" && (k + 1 == s.words.size() || s.words[k + 1].punct);
    if (!stranded) continue;
    c.add("extra-for-manner", "R", prep.start, s.words[i + 2].end, {s.words[i + 2].text}, 0.7);
  }
}

// R: no indefinite article before a plural noun: "en private skoler" → "private skoler".
void rule_article_plural(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& article = s.words[i];
    if (!lemma_in(article, {"en", "et", "ei"}) || !some(article, [](const Reading& r) { return r.has("det"); })) continue;
    if (i > 0 && lemma_in(s.words[i - 1], {"på", "en", "og"})) continue;  // "på en måte", "en og en"
    std::size_t j = i + 1;
    while (j + 1 < s.words.size() && every(s.words[j], [](const Reading& r) { return r.has("adj"); }) &&
           some(s.words[j], [](const Reading& r) { return r.has("adj") && r.has("pl"); }))
      ++j;
    // Right before the noun only a noun that is nothing but plural ("en skoler"; "en ting" is also
    // the singular, and "hvis en ønsker" is the pronoun and a verb); after a plural adjective the
    // noun may also read as a verb ("en private skoler").
    const bool adjective = j > i + 1;
    const Word& noun = s.words[j];
    if (noun.punct || noun.unknown || noun.capitalised || noun.readings.empty() ||
        !some(noun, [](const Reading& r) { return r.has("n") && r.has("pl"); }) ||
        !std::all_of(noun.readings.begin(), noun.readings.end(),
                     [&](const Reading& r) { return (r.has("n") && r.has("pl") && !r.compound) || (adjective && r.has("vblex")); }))
      continue;
    const Word* after = at(s, j + 1);
    if (after && !after->punct && some(*after, [](const Reading& r) { return r.has("n"); })) continue;
    c.add("article-plural", "R", article.start, s.words[i + 1].end, {s.words[i + 1].text}, 0.65);
  }
}


// R: an indefinite article too many: "en et kvotesystem" → "et kvotesystem"; F: a definite noun
// after an indefinite article: "en muligheten" → "en mulighet" (or "muligheten").
void rule_extra_article_pair(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& article = s.words[i];
    if (!lemma_in(article, {"en", "et", "ei"}) || !some(article, [](const Reading& r) { return r.has("det"); })) continue;
    const Word& next = s.words[i + 1];
    if (next.punct || next.capitalised) continue;
    if (lemma_in(next, {"en", "et", "ei"}) && next.lower != article.lower) {
      // The second article is the one that fits the noun after it; the first goes.
      c.add("double-article", "R", article.start, next.end, {next.text}, 0.7);
      continue;
    }
    if (i > 0 && lemma_in(s.words[i - 1], {"en", "et", "ei", "hver", "hvert", "det", "som"})) continue;  // "en og en", "det en trenger"
    const auto& nr = next.readings;
    if (nr.empty() || next.unknown ||
        !std::all_of(nr.begin(), nr.end(), [](const Reading& r) { return r.has("n") && r.has("def") && r.has("sg") && !r.compound; }))
      continue;
    // Either the noun loses its ending or the article goes; annotators mostly change the noun.
    std::vector<std::string> suggestions;
    auto indefinite = regenerate(c.worker, next, [](const Reading& r) { return r.has("def"); },
                                 [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
    if (!indefinite.empty()) suggestions.push_back(article.text + " " + indefinite);
    suggestions.push_back(like(article, next.text));
    c.add("article-definite", "F", article.start, next.end, suggestions, 0.65);
  }
}

// R: "er" before another finite verb: "Min venninne er betyr mye" → "betyr", "Folk er blir …", and
// "er" twice around a clause adverb: "Det er ikke er lett" → "Det er ikke lett".
void rule_extra_copula(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 1; i + 1 < s.words.size(); ++i) {
    const Word& be = s.words[i];
    if (be.lower != "er" && be.lower != "var") continue;
    // "er bare er", "er ikke er": the verb twice around a clause adverb; "er har": a verb
    // started and replaced (whichever was meant, one of them is too many).
    std::size_t k = i + 1;
    while (k < s.words.size() && k < i + 3 && is_clause_adverb(s.words[k])) ++k;
    if (k > i + 1 && k < s.words.size() && s.words[k].lower == be.lower) {
      // In a subordinate clause the adverb stands before the verb ("selv om det bare er"), in a
      // main clause after it ("Det er ikke").
      bool subordinate = false;
      for (std::size_t m = i; m > 0 && !subordinate && !s.words[m - 1].punct; --m)
        subordinate = is_subjunction(s.words[m - 1]) || s.words[m - 1].lower == "som";
      std::string kept;
      for (std::size_t m = subordinate ? i + 1 : i; m < (subordinate ? k + 1 : k); ++m)
        kept += (kept.empty() ? "" : " ") + s.words[m].text;
      c.add("extra-copula", "R", be.start, s.words[k].end, {kept}, 0.7);
      continue;
    }
    const Word& verb = s.words[i + 1];
    if ((be.lower == "er" && verb.lower == "har") || (be.lower == "var" && verb.lower == "hadde")) {
      c.add("extra-copula", "R", be.start, verb.end, {verb.text}, 0.7);
      continue;
    }
    if (verb.punct || verb.unknown || verb.readings.empty()) continue;
    // Every reading finite (or the same-looking imperative): no participle or adjective that "er"
    // could take ("er vant", "er kjent").
    if (!std::all_of(verb.readings.begin(), verb.readings.end(), [](const Reading& r) {
          return finite(r) || (r.has("vblex") && r.has("imp"));
        }) ||
        !verb.any("vblex") || !some(verb, finite))
      continue;
    if (lemma_in(verb, {"er", "var", "har", "hadde"})) continue;  // "er er": repeated word
    c.add("extra-copula", "R", be.start, verb.end, {verb.text}, 0.7);
  }
}


// R: a lone letter between words, left over from a slip of the keyboard or an unfinished
// correction: "økonomisk e støtte" → "økonomisk støtte", "at t det" → "at det". Bokmål has no
// one-letter words but "i" and "å"; letters in abbreviations ("f. eks.", "o. l."), after numbers
// ("30 km / t", "117 l") and in lists ("oppgave b", "(a)") stay.
void rule_stray_letter(const RuleContext& c) {
  const auto& s = c.sentence;
  auto lone_letter = [](const Word& w) {
    if (w.punct || w.capitalised) return false;
    const std::string& t = w.lower;
    if (t.size() == 1) return t[0] >= 'a' && t[0] <= 'z';
    return t == "æ" || t == "ø";  // two bytes in UTF-8; "å" is a word
  };
  // Not after a number or a sign ("117 l", "km / t"); letters outside ASCII are all letters here.
  auto starts_with_letter = [](const Word& w) {
    if (w.lower.empty()) return false;
    const unsigned char first = static_cast<unsigned char>(w.lower.front());
    return first >= 0x80 || std::isalpha(first);
  };
  for (std::size_t i = 1; i + 1 < s.words.size(); ++i) {
    const Word& letter = s.words[i];
    if (!lone_letter(letter) || letter.lower == "i") continue;
    // Only in the gap between two words, written with spaces on both sides.
    const Word& before = s.words[i - 1];
    const Word& after = s.words[i + 1];
    if (before.punct || after.punct || !starts_with_letter(before) || !starts_with_letter(after)) continue;
    // One space each side: nothing dropped by the tokeniser ("km / t") lies between.
    if (before.end + 1 != letter.start || letter.end + 1 != after.start) continue;
    if (lone_letter(before) || lone_letter(after)) continue;  // "o l", "f eks": an abbreviation without dots
    if (after.lower == "eks" || after.lower == "ex" || after.lower == "kr") continue;
    if (some(before, [](const Reading& r) { return r.has("n"); }) &&
        lemma_in(before, {"oppgave", "punkt", "del", "vitamin", "type", "plan", "alternativ", "side", "gruppe", "klasse", "rad", "nivå"}))
      continue;
    if (letter.lower == "s" && before.capitalised) continue;  // "Oslo s bymuseum": a genitive written apart
    // "glede r meg", "absolutt e motsatte": an ending written apart from its word is a compounding
    // slip rather than a letter too many.
    // But where the ending cannot fit, the letter is one too many: a strong adjective before a
    // singular indefinite noun takes no "-e" ("norsk e mat"), nor "-t" before a masculine or
    // feminine noun ("en positiv t måte").
    const bool strong_adjective = some(before, [](const Reading& r) { return r.has("adj") && r.has("sg") && r.has("ind"); }) &&
                                  every(before, [](const Reading& r) { return r.has("adj") || r.has("n") || r.has("adv") || r.has("imp"); });
    const bool indefinite_singular_noun =
        some(after, [](const Reading& r) { return r.has("n") && !r.compound; }) &&
        every(after, [](const Reading& r) { return (r.has("n") && r.has("sg") && r.has("ind") && !r.compound) || (r.has("vblex") && (r.has("inf") || r.has("imp"))); });
    bool ending_cannot_fit = false;
    if (strong_adjective && indefinite_singular_noun && letter.lower == "e") {
      // After a determiner, a possessive or a genitive the weak form is right: "min norsk e venn".
      // Before an infinitive the "e" may be a slip for "å" ("lett e lære").
      ending_cannot_fit = (i < 2 || surely_none(s.words[i - 2], [](const Reading& r) {
                                      return r.has("det") || r.has("prn") || r.has("gen");
                                    })) &&
                          surely_none(after, [](const Reading& r) { return r.has("vblex") && r.has("inf"); });
    } else if (strong_adjective && indefinite_singular_noun && letter.lower == "t") {
      ending_cannot_fit = every(after, [](const Reading& r) { return !r.has("n") || !r.has("nt"); });
    }
    if (!ending_cannot_fit && lemma_in(letter, {"r", "e", "t", "n"}) && c.worker.spelled_right(before.lower + letter.lower)) continue;
    c.add("stray-letter", "R", letter.start, after.end, {after.text}, 0.7);
  }
}


// R: the same verb twice in a row in two forms, a correction left standing: "har kjøper kjøpt" →
// "har kjøpt", "trenges trengs" → "trengs". Auxiliaries ("har hatt", "vil ville") are left alone.
void rule_verb_restart(const RuleContext& c) {
  const auto& s = c.sentence;
  auto verb_lemmas = [](const Word& w) {
    std::vector<std::string> lemmas;
    if (w.punct || w.unknown || w.readings.empty()) return lemmas;
    // Other readings may only be participle adjectives ("kjøpt"): "se så", "fare for" are no verb pairs.
    for (const auto& r : w.readings) {
      if (r.compound || !(r.has("vblex") || r.has("adj"))) return std::vector<std::string>{};
      if (r.has("vblex")) lemmas.push_back(r.lemma);
    }
    return lemmas;
  };
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& first = s.words[i];
    const Word& second = s.words[i + 1];
    if (first.lower == second.lower) continue;  // repeated-word
    if (first.end + 1 != second.start) continue;  // nothing between but a space
    const auto a = verb_lemmas(first);
    const auto b = verb_lemmas(second);
    if (a.empty() || b.empty()) continue;
    bool shared = false;
    for (const auto& lemma : a)
      if (std::find(b.begin(), b.end(), lemma) != b.end() &&
          !(lemma == "ha" || lemma == "være" || lemma == "bli" || lemma == "få" || lemma == "kunne" || lemma == "ville" ||
            lemma == "skulle" || lemma == "måtte" || lemma == "burde" || lemma == "gjøre" || lemma == "la"))
        shared = true;
    if (!shared) continue;
    c.add("verb-restart", "R", first.start, second.end, {second.text}, 0.65);
  }
}


// R: the subject pronoun twice around its verb, a word order half corrected: "Da jeg var jeg
// liten" → "Da jeg var liten". Reported as a repeated word: the second pronoun goes.
void rule_subject_twice(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& first = s.words[i];
    if (!lemma_in(first, {"jeg", "du", "han", "hun", "vi", "dere", "man", "ingen"})) continue;
    const Word& verb = s.words[i + 1];
    const Word& second = s.words[i + 2];
    if (second.lower != first.lower || verb.punct || !some(verb, finite)) continue;  // "var" is also an adjective
    // "Jeg tror jeg har lært": the second pronoun opens a clause of its own with its own verb.
    std::size_t k = i + 3;
    while (k < s.words.size() && is_clause_adverb(s.words[k])) ++k;
    if (k < s.words.size() && (s.words[k].punct || some(s.words[k], finite))) continue;
    c.add("repeated-word", "R", verb.start, second.end, {verb.text}, 0.7);
  }
}

// R: a modal or a sentence adverb written twice in one clause, a correction left standing: "Dette
// kan nok kan endres" → "kan nok endres", "Også her er det også dyrt" → "Også her er det dyrt". Between
// the two only a few words and no clause boundary (punctuation, conjunction, subjunction, "som",
// "at", "å", a question word); between two modals no verb at all, and the second before an infinitive.
void rule_word_twice_in_clause(const RuleContext& c) {
  const auto& s = c.sentence;
  auto modal_word = [](const Word& w) {
    return lemma_in(w, {"kan", "skal", "vil", "må", "bør", "kunne", "skulle", "ville", "måtte", "burde"}) && is_modal(w);
  };
  auto twice_adverb = [](const Word& w) {
    return lemma_in(w, {"også", "først", "alltid", "aldri", "kanskje", "fortsatt"});
  };
  auto boundary = [](const Word& w) {
    return w.punct || is_subjunction(w) ||
           lemma_in(w, {"og", "eller", "men", "for", "så", "som", "at", "å", "hva", "hvem", "hvor", "hvordan", "hvorfor", "hvilken",
                        "hvilket", "hvilke", "da", "der", "enn"}) ||
           some(w, [](const Reading& r) { return r.has("cnjcoo") || r.has("cnjsub"); });
  };
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& a = s.words[i];
    const bool modal = modal_word(a);
    if (!modal && !twice_adverb(a)) continue;
    std::size_t verbs = 0;
    for (std::size_t j = i + 1; j < s.words.size() && j <= i + 4; ++j) {
      const Word& b = s.words[j];
      if (b.lower == a.lower) {
        if (j == i + 1) break;  // side by side: repeated-word's
        if (modal) {
          const Word* next = at(s, j + 1);
          if (!next || !some(*next, [](const Reading& r) { return r.has("vblex") && r.has("inf"); })) break;
        }
        const Word& before = s.words[j - 1];
        c.add("repeated-word", "R", before.start, b.end, {before.text}, 0.7);
        return;
      }
      if (boundary(b)) break;
      if (maybe_verb(b) || some(b, finite)) {
        if (modal) break;
        if (++verbs > 1) break;
      }
    }
  }
}

// R: "at" before a question word: "Jeg vet at hva du mener" → "Jeg vet hva du mener". The
// question word opens the subordinate clause itself.
void rule_extra_at_question(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& at_word = s.words[i];
    const Word& wh = s.words[i + 1];
    if (at_word.lower != "at" || !lemma_in(wh, {"hva", "hvem", "hvordan", "hvorfor", "hvilken", "hvilket", "hvilke"})) continue;
    // "avhengig at hva …" is "avhengig av hva": the slip is in the preposition.
    if (i > 0 && lemma_in(s.words[i - 1], {"avhengig", "uavhengig"})) continue;
    c.add("extra-at-question", "R", at_word.start, wh.end, {wh.text}, 0.7);
  }
}


// R: "for" between an adjective of feeling and "å" after "det er": "Det er koselig for å hjelpe" →
// "Det er koselig å hjelpe". (After "viktig", "nødvendig", "lett" … "for å" may be a purpose:
// "Mosjon er viktig for å holde seg frisk", so those are not listed.)
void rule_extra_for_marker(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 1; i + 2 < s.words.size(); ++i) {
    const Word& adjective = s.words[i];
    const Word& for_word = s.words[i + 1];
    if (for_word.lower != "for" || s.words[i + 2].lower != "å") continue;
    if (!lemma_in(adjective, {"koselig", "morsomt", "morsom", "gøy", "hyggelig", "deilig", "kjedelig", "spennende", "interessant",
                              "fint", "flott", "herlig", "rart", "trist", "artig", "festlig", "moro", "kjekt", "skummelt",
                              "ekkelt"}))
      continue;
    if (!some(adjective, [](const Reading& r) { return r.has("adj") || r.has("n"); })) continue;
    // "det er / kan være / blir (alltid) koselig": a form of "være/bli" shortly before.
    bool copula = false;
    for (std::size_t k = i; k > 0 && i - k < 3 && !copula; --k)
      copula = lemma_in(s.words[k - 1], {"er", "var", "være", "vært", "blir", "ble", "bli"});
    if (!copula) continue;
    c.add("extra-for-marker", "R", for_word.start, s.words[i + 2].end, {s.words[i + 2].text}, 0.7);
  }
}

namespace {
// Written with one space between: nothing ("/", "-") that the tokeniser drops lies between them.
bool adjacent(const Word& a, const Word& b) { return a.end + 1 == b.start; }
}  // namespace

// R: two different subject pronouns in a row, one of them a restart: "når han den blir eldre" →
// "når den blir eldre". Only third-person singular pairs before a finite verb ("Så slapp han den
// ut": "den" is the object; "det de sier": a relative clause).
void rule_double_subject(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& first = s.words[i];
    const Word& second = s.words[i + 1];
    if (!lemma_in(first, {"han", "hun", "den"}) || !lemma_in(second, {"han", "hun", "den"})) continue;
    if (first.lower == second.lower || !adjacent(first, second)) continue;  // "han / hun"
    std::size_t j = i + 2;
    while (j < s.words.size() && is_clause_adverb(s.words[j])) ++j;
    const Word* verb = at(s, j);
    // A finite verb; its other readings may be nouns or adjectives ("ville" is also a noun).
    if (!is_word(verb) || !some(*verb, finite) ||
        some(*verb, [](const Reading& r) { return r.has("prn") || r.has("det") || r.has("pr") || r.has("adv"); }))
      continue;
    c.add("double-subject", "R", first.start, second.end, {like(first, second.lower), first.text}, 0.65);
  }
}

// R: two coordinating conjunctions in a row: "og eller" → "eller", "men og" → "men". Either may be
// the one meant; the second is mostly the correction.
void rule_double_conjunction(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& first = s.words[i];
    const Word& second = s.words[i + 1];
    if (!lemma_in(first, {"og", "eller", "men"}) || !lemma_in(second, {"og", "eller", "men"})) continue;
    if (first.lower == second.lower || !adjacent(first, second)) continue;  // "og og": repeated-word
    c.add("double-conjunction", "R", first.start, second.end, {like(first, second.lower), first.text}, 0.65);
  }
}

// R: two possessives for one noun: "laget hennes sitt" → "laget hennes", "deres sin bil" → "sin
// bil". Written with one space ("hans / hennes" offers a choice).
void rule_double_possessive(const RuleContext& c) {
  const auto& s = c.sentence;
  const auto possessive = [](const Word& w) {
    return lemma_in(w, {"min", "mi", "mitt", "mine", "din", "di", "ditt", "dine", "sin", "si", "sitt", "sine", "hans", "hennes",
                        "deres", "vår", "vårt", "våre", "dens", "dets"});
  };
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& first = s.words[i];
    const Word& second = s.words[i + 1];
    if (!possessive(first) || !possessive(second) || first.lower == second.lower || !adjacent(first, second)) continue;
    c.add("double-possessive", "R", first.start, second.end, {first.text, like(first, second.lower)}, 0.65);
  }
}

// R: two infinitives side by side where one replaced the other: "å bo leve lenge" → "å leve
// lenge", "for å danne skape" → "for å skape". Verbs that take a bare infinitive ("få vite",
// "kunne lese", "la være", "hjelpe bære", "gå handle", "se komme") are left out; both words must
// be nothing but infinitives on the raw readings, with one space between.
void rule_two_infinitives(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& first = s.words[i];
    const Word& second = s.words[i + 1];
    if (first.capitalised || second.capitalised || !adjacent(first, second)) continue;
    if (!is_infinitive_only(first) || !is_infinitive_only(second) || first.lower == second.lower) continue;
    if (some(first, [](const Reading& r) {
          static const std::initializer_list<std::string_view> takes_infinitive = {
              "få", "kunne", "ville", "skulle", "måtte", "burde", "la", "hjelpe", "gå", "komme", "se", "høre", "lære", "kjenne",
              "føle", "gjøre", "slippe", "prøve", "tørre", "tore", "behøve", "trenge", "orke", "gidde", "pleie", "våge", "ha",
              "synes", "bety", "være", "sitte", "stå", "ligge", "dra", "reise", "løpe", "fortsette", "begynne", "slutte", "be",
              "bli"};  // "bli skuffe" is mostly a participle misspelt ("bli skuffet")
          return std::any_of(takes_infinitive.begin(), takes_infinitive.end(), [&](std::string_view l) { return r.lemma == l; });
        }))
      continue;
    c.add("two-infinitives", "R", first.start, second.end, {second.text, first.text}, 0.6);
  }
}

}  // namespace voki::feedback
