// F: determiners that agree with their noun ("mitt hus", "hvert år", "sitt eget rom", "det nye
// huset", "huset mitt") and the definite noun after demonstratives ("denne boken", "den nye bilen",
// "hele dagen").
#include "feedback/rules/rule_helpers.h"

#include <array>

namespace voki::feedback {

using namespace rule_helpers;

namespace {

// The determiners whose form shows gender and number. Articles after at most one adjective are
// the article rule's (rule_agreement); here they count only before longer stretches.
bool agreeing_determiner(const Reading& r) {
  if (!(r.has("det") || (r.has("prn") && r.has("pos")))) return false;
  static const std::vector<std::string_view> lemmas = {"en", "den", "denne", "min", "din", "sin", "vår", "hver",
                                                       "egen", "annen", "sånn", "slik"};
  return std::find(lemmas.begin(), lemmas.end(), r.lemma) != lemmas.end();
}
bool possessive(const Reading& r) {
  return (r.has("det") || r.has("prn")) && r.has("pos") &&
         (r.lemma == "min" || r.lemma == "din" || r.lemma == "sin" || r.lemma == "vår");
}

// Does a determiner reading fit a noun reading? Masculine determiners also go with feminine nouns
// ("en bok", "min bok"); "ei", "mi" only with feminine ones; after the noun the gender must match
// exactly ("boka mi", "boken min").
bool fits(const Reading& d, const Reading& n, bool after_noun) {
  if (d.has("pl")) return n.has("pl") || n.has("sp");
  if (d.has("sg") && !(n.has("sg") || n.has("sp"))) return false;
  if (d.has("nt")) return n.has("nt");
  if (d.has("f")) return n.has("f");
  if (d.has("m")) return after_noun ? n.has("m") : n.has("m") || n.has("f");
  return true;
}

// A word between determiner and noun: an adjective, "egen", or a degree adverb.
bool modifier(const Word& w) {
  if (w.punct || w.unknown) return false;
  if (lemma_in(w, {"veldig", "svært", "meget", "ganske", "helt", "mer", "mest", "litt", "mindre", "relativt",
                   "spesielt", "utrolig", "altfor", "særlig", "nokså", "like"}))
    return true;
  return every(w, [](const Reading& r) {
           return (r.has("adj") && !r.has("comp")) || r.has("adv") || (r.has("det") && r.lemma == "egen");
         }) &&
         some(w, [](const Reading& r) { return r.has("adj") || r.has("det"); });
}

// Words before which a "noun" is the first half of a split compound or an apposition.
bool noun_follows(const Sentence& s, std::size_t j) {
  const Word* after = at(s, j + 1);
  return after && !after->punct && surely_some(*after, [](const Reading& r) { return r.has("n"); }) &&
         surely_none(*after, [](const Reading& r) { return r.has("vblex") || r.has("pr") || r.has("cnjcoo"); });
}

bool plain_noun(const Word& w, const Sentence& s, std::size_t j) {
  if (w.punct || w.unknown || has_digit(w.text) || (w.capitalised && j != first_word(s))) return false;
  if (lemma_in(w, {"slags", "sort", "type"})) return false;  // "en slags kake": agrees with what follows
  return every(w, [](const Reading& r) { return r.has("n") && !r.has("gen") && !r.has("cmp-split"); });
}

// Every dictionary reading of the noun with the given definiteness, so that a homonym CG-3 removed
// ("rom": rum or room) still counts.
std::vector<Reading> noun_readings(Worker& worker, const Word& noun, const char* definiteness) {
  std::vector<Reading> out;
  for (auto& r : worker.lookup(noun.lower))
    if (r.has("n") && (r.has(definiteness) || r.has("sp"))) out.push_back(std::move(r));
  return out;
}

bool any_fit(const std::vector<Reading>& determiners, const std::vector<Reading>& nouns, bool after_noun) {
  for (const auto& d : determiners)
    for (const auto& n : nouns)
      if (fits(d, n, after_noun)) return true;
  return false;
}

// The determiner's form for this noun, from the generator.
std::string determiner_for(Worker& worker, const Word& det, const Reading& noun, bool after_noun) {
  std::string gender = noun.has("nt") ? "nt" : (after_noun && noun.has("f") ? "f" : "m");
  const bool plural = noun.has("pl");
  // From the dictionary's readings: CG-3 may have kept only the pronoun ("det").
  Word dictionary_word = det;
  dictionary_word.readings = worker.lookup(det.lower);
  return regenerate(worker, dictionary_word, [](const Reading& r) { return agreeing_determiner(r); },
                    [&](std::vector<std::string>& t) {
                      replace_tag(t, {"m", "f", "nt", "un", "mf"}, plural ? "un" : gender);
                      replace_tag(t, {"sg", "pl"}, plural ? "pl" : "sg");
                    });
}

}  // namespace

// F: "mitt bil" → "min bil", "hver år" → "hvert år", "sitt egen rom" → "sitt eget rom", "den nye
// huset" → "det nye huset", "min synder" → "mine synder"; after the noun: "livet min" → "livet
// mitt", "mora min" → "mora mi".
void rule_determiner_agreement(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& det = s.words[i];
    // "den/det/de" before an adjective and a definite noun are its article even where CG-3 kept
    // only the pronoun ("om det lange reisen"); that is checked below.
    const bool article_like = lemma_in(det, {"den", "det", "de"});
    if (det.punct || !(some(det, agreeing_determiner) || article_like)) continue;
    if (!every(det, [&](const Reading& r) { return agreeing_determiner(r) || r.has("np") || (article_like && r.has("prn")); }))
      continue;
    if (i > 0 && lemma_in(s.words[i - 1], {"på", "en", "hver", "til"}) && det.lower == "en") continue;  // "på en måte"
    // "et av de største problemet": after "av" the plural determiner is right and the noun is off
    // (one-of-plural says so); "de" → "det" would teach an error.
    if (i > 0 && s.words[i - 1].lower == "av" && lemma_in(det, {"de", "disse"})) continue;
    std::size_t j = i + 1;
    bool adjective = false;
    // A word that can be a noun ends the run when no noun can follow it ("den gamle huset":
    // "huset" is also a participle).
    auto can_be_noun = [](const Word* w) { return is_word(w) && some(*w, [](const Reading& r) { return r.has("n"); }); };
    while (j < s.words.size() && j - i <= 3 && modifier(s.words[j]) &&
           !(can_be_noun(&s.words[j]) && !can_be_noun(at(s, j + 1)))) {
      adjective = true;
      ++j;
    }
    const Word* noun_word = at(s, j);
    if (!noun_word || !plain_noun(*noun_word, s, j) || noun_follows(s, j)) continue;
    const Word& noun = *noun_word;
    // Read as a pronoun by CG-3: an article only before words that are adjectives alone ("de
    // kjente lukten": "kjente" is a verb).
    if (article_like && !some(det, [](const Reading& r) { return r.has("det"); }) &&
        std::any_of(s.words.begin() + static_cast<std::ptrdiff_t>(i + 1), s.words.begin() + static_cast<std::ptrdiff_t>(j),
                    [&](const Word& m) {
                      const auto readings = c.worker.lookup(m.lower);
                      return std::any_of(readings.begin(), readings.end(), [](const Reading& r) { return verb_any(r) || r.has("n"); });
                    }))
      continue;
    const bool article = lemma_in(det, {"en", "et", "ei"});
    if (article && j <= i + 2) continue;  // the article rule's
    const bool demonstrative = lemma_in(det, {"den", "det", "de", "denne", "dette", "disse"});
    // Demonstratives take the definite noun; "den" alone is also a pronoun ("ga den barna mat"),
    // so without an adjective only after a preposition ("i den landet").
    if (article_like && !adjective &&
        (!every(det, [](const Reading& r) { return r.has("det"); }) || i == 0 || lemma_in(s.words[i - 1], {"for", "om"}) ||
         !surely_some(s.words[i - 1], [](const Reading& r) { return r.has("pr"); })))
      continue;
    const char* definiteness = demonstrative ? "def" : "ind";
    if (!every(noun, [&](const Reading& r) { return r.has(definiteness) || r.has("sp"); })) continue;
    const auto nouns = noun_readings(c.worker, noun, definiteness);
    if (nouns.empty()) continue;
    std::vector<Reading> dets;
    for (auto& r : c.worker.lookup(det.lower))
      if (agreeing_determiner(r)) dets.push_back(std::move(r));
    if (dets.empty() || any_fit(dets, nouns, false)) continue;
    const auto first = std::find_if(noun.readings.begin(), noun.readings.end(), [](const Reading& r) { return r.has("n"); });
    if (first == noun.readings.end()) continue;
    auto form = determiner_for(c.worker, det, *first, false);
    if (!form.empty()) c.add("determiner-agreement", "F", det.start, det.end, {form}, 0.75);
  }
  // "hver sin", "hvert sitt": both agree with the noun after them: "hvert sin mening" → "hver sin
  // mening", "hver sitt hus" → "hvert sitt hus".
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& each = s.words[i];
    if (!lemma_in(each, {"hver", "hvert"}) || !lemma_in(s.words[i + 1], {"sin", "sitt", "si", "vår", "vårt", "din", "ditt", "min", "mitt"}))
      continue;
    std::size_t j = i + 2;
    while (j < s.words.size() && j - i <= 3 && modifier(s.words[j])) ++j;
    const Word* noun_word = at(s, j);
    if (!noun_word || !plain_noun(*noun_word, s, j) || noun_follows(s, j)) continue;
    // After "hver" the noun is singular ("hus" is also plural).
    std::vector<Reading> nouns;
    for (auto& r : noun_readings(c.worker, *noun_word, "ind"))
      if (r.has("sg")) nouns.push_back(std::move(r));
    if (nouns.empty()) continue;
    const bool neuter = nouns.front().has("nt");
    if (!std::all_of(nouns.begin(), nouns.end(), [&](const Reading& r) { return r.has("nt") == neuter; })) continue;
    // The possessive must already fit the noun, so that only "hver/hvert" is off.
    const Word& pos = s.words[i + 1];
    const bool pos_neuter = lemma_in(pos, {"sitt", "vårt", "ditt", "mitt"});
    if (pos_neuter != neuter || (each.lower == "hvert") == neuter) continue;
    c.add("determiner-agreement", "F", each.start, each.end, {like(each, neuter ? "hvert" : "hver")}, 0.75);
  }
  // The possessive after a definite noun: "huset mitt", "bilen min", "barna mine", "kona mi".
  for (std::size_t j = 0; j + 1 < s.words.size(); ++j) {
    const Word& noun = s.words[j];
    const Word& pos = s.words[j + 1];
    if (!plain_noun(noun, s, j) || !some(noun, [](const Reading& r) { return r.has("def"); })) continue;
    if (pos.punct || !some(pos, possessive) || !every(pos, possessive)) continue;
    // "faren sin bil": the possessive belongs to the next noun.
    const Word* next = at(s, j + 2);
    if (next && !next->punct && surely_some(*next, [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("det"); }))
      continue;
    const auto nouns = noun_readings(c.worker, noun, "def");
    std::vector<Reading> dets;
    for (auto& r : c.worker.lookup(pos.lower))
      if (possessive(r)) dets.push_back(std::move(r));
    if (nouns.empty() || dets.empty() || any_fit(dets, nouns, true)) continue;
    const auto first = std::find_if(noun.readings.begin(), noun.readings.end(), [](const Reading& r) { return r.has("n") && r.has("def"); });
    if (first == noun.readings.end()) continue;
    auto form = determiner_for(c.worker, pos, *first, true);
    if (!form.empty()) c.add("determiner-agreement", "F", pos.start, pos.end, {form}, 0.75);
  }
}

// F: after "denne" and after "hele" the noun is definite: "denne bok" → "denne boken", "hele dag" →
// "hele dagen". "De store byer", "disse grenser", "den beste måte", "dette tema" without the noun's
// article pass as formal style (annotators leave them) and stay unflagged.
void rule_double_definiteness(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& det = s.words[i];
    // "dette tema", like "de store byer", passes as formal style; "denne bok" does not.
    const bool demonstrative = det.lower == "denne";
    const bool whole = det.lower == "hele";
    if (!demonstrative && !whole) continue;
    // "denne" before a noun is its determiner, whatever CG-3 leaves of the pronoun readings.
    if (whole ? !every(det, [](const Reading& r) { return r.has("det") || r.has("adj"); })
              : !every(det, [](const Reading& r) { return r.has("det") || r.has("prn"); }))
      continue;
    const Word* noun_word = at(s, i + 1);
    if (!noun_word || !plain_noun(*noun_word, s, i + 1) || noun_follows(s, i + 1)) continue;
    const Word& noun = *noun_word;
    // Fixed phrases keep the old indefinite form: "denne gang", "i dette tilfelle", "i denne sammenheng".
    if (lemma_in(noun, {"gang", "tilfelle", "forbindelse", "slag", "sammenheng", "forstand", "anledning", "hensikt", "grad"}))
      continue;
    auto wanted = [&](const Reading& r) {
      return r.has("sg") && (whole || !r.has("nt"));
    };
    if (!every(noun, [&](const Reading& r) { return r.has("ind") && !r.has("sp") && wanted(r); })) continue;
    // Only plain nouns: not "det hele bak seg", "hele Europa", "hele verden".
    const auto dictionary = c.worker.lookup(noun.lower);
    if (dictionary.empty() || std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
          return r.has("pr") || r.has("adv") || r.has("det") || r.has("prn") || r.has("def") || r.has("unc") || r.has("np");
        }))
      continue;
    auto form = regenerate(c.worker, noun, [&](const Reading& r) { return r.has("ind") && wanted(r); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"ind"}, "def"); });
    if (!form.empty()) c.add("double-definiteness", "F", noun.start, noun.end, {form}, 0.7);
  }
}


// F: "våres" is no possessive: "bilene våres" → "våre", "våres barn" → "våre". The verb "våres"
// (spring comes) has "det" for its subject: "det våres", "nå våres det".
void rule_vaares(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.lower != "våres") continue;
    const Word* before = i > 0 ? &s.words[i - 1] : nullptr;
    const Word* after = at(s, i + 1);
    if ((is_word(before) && lemma_in(*before, {"det"})) || (is_word(after) && lemma_in(*after, {"det"}))) continue;
    auto noun_readings = [&](const Word* n) {
      std::vector<Reading> out;
      if (!is_word(n) || n->unknown) return out;
      for (auto& r : c.worker.lookup(n->lower))
        if (r.has("n") && !r.has("compound-only-L") && !r.has("gen")) out.push_back(std::move(r));
      return out;
    };
    std::string form;
    const auto previous = noun_readings(before);
    const auto next = noun_readings(after);
    if (!previous.empty() && std::all_of(previous.begin(), previous.end(), [](const Reading& r) { return r.has("def"); })) {
      // "bilene våres", "huset våres", "boka våres".
      const bool plural = std::all_of(previous.begin(), previous.end(), [](const Reading& r) { return r.has("pl"); });
      const bool neuter = std::all_of(previous.begin(), previous.end(), [](const Reading& r) { return r.has("nt"); });
      const bool common = std::none_of(previous.begin(), previous.end(), [](const Reading& r) { return r.has("nt"); });
      form = plural ? "våre" : (neuter && std::all_of(previous.begin(), previous.end(), [](const Reading& r) { return r.has("sg"); }))
                                   ? "vårt"
                                   : common && std::all_of(previous.begin(), previous.end(), [](const Reading& r) { return r.has("sg"); }) ? "vår" : "";
    } else if (!next.empty() && std::all_of(next.begin(), next.end(), [](const Reading& r) { return r.has("ind"); })) {
      // "våres barn", "våres land": the plural unless the noun is singular only.
      const bool plural = std::any_of(next.begin(), next.end(), [](const Reading& r) { return r.has("pl"); });
      const bool neuter = std::all_of(next.begin(), next.end(), [](const Reading& r) { return r.has("nt"); });
      form = plural ? "våre" : neuter ? "vårt" : "vår";
    }
    if (!form.empty()) c.add("determiner-agreement", "F", w.start, w.end, {like(w, form)}, 0.8);
  }
}

namespace {
// Noun readings of the dictionary, without the compound-only parts.
std::vector<Reading> dictionary_nouns(Worker& worker, const std::string& lower) {
  std::vector<Reading> out;
  for (auto& r : worker.lookup(lower))
    if (r.has("n") && !r.has("compound-only-L") && !r.has("cmp")) out.push_back(std::move(r));
  return out;
}
// Words that can stand between a demonstrative and its noun: "den andre", "det samme", "den
// eneste", "det gamle": every dictionary reading is a weak (definite or plural) adjective form,
// an ordinal or "annen".
bool weak_modifier(Worker& worker, const Word& w) {
  if (w.punct || w.unknown || has_digit(w.text)) return false;
  const auto readings = worker.lookup(w.lower);
  return !readings.empty() && std::all_of(readings.begin(), readings.end(), [](const Reading& r) {
    return r.has("compound-only-L") || (r.has("adj") && (r.has("def") || r.has("sp") || r.has("pl") || r.has("ord"))) ||
           (r.has("det") && (r.lemma == "annen" || r.lemma == "samme")) || r.lemma == "eneste";
  });
}
}  // namespace

// F: the demonstrative takes the gender and number of its definite noun, whichever reading CG-3
// kept (it often reads "dette" before a noun as a pronoun and "landet" as a verb): "på dette
// måten" → "denne", "i den landet" → "det", "det muligheten" → "den", "den andre ukene" → "de".
// Only on dictionary readings: after a preposition that does not begin clauses, or at the start
// of the sentence before a word that is no verb; never before a finite verb ("på det læreren
// sier": a relative clause).
void rule_demonstrative_gender(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& det = s.words[i];
    const bool common = lemma_in(det, {"den", "denne"}), neuter = lemma_in(det, {"det", "dette"});
    if (!common && !neuter) continue;
    const bool start = i == first_word(s);
    const bool after_preposition =
        i > 0 && lemma_in(s.words[i - 1], {"på", "i", "fra", "med", "av", "ved", "under", "over", "mot", "hos", "gjennom", "uten",
                                           "rundt", "blant", "mellom", "bak", "foran", "langs", "innenfor", "utenfor"});
    // "til", "for", "om", "etter" also begin clauses ("til den kom"); not before "denne/dette"
    // nor before a modifier ("til den andre").
    const bool clause_preposition = i > 0 && lemma_in(s.words[i - 1], {"til", "for", "om", "etter"});
    std::size_t j = i + 1;
    while (j < s.words.size() && j <= i + 2 && weak_modifier(c.worker, s.words[j])) ++j;
    // "denne/dette" are demonstratives anywhere but after a copula ("er dette boken?").
    const bool demonstrative_only =
        lemma_in(det, {"denne", "dette"}) && i > 0 && !s.words[i - 1].punct &&
        !lemma_in(s.words[i - 1], {"er", "var", "blir", "ble", "være", "vært", "bli", "blitt", "heter", "het"});
    if (!start && !after_preposition && !demonstrative_only && !(clause_preposition && j > i + 1)) continue;
    const Word* noun = at(s, j);
    if (!is_word(noun) || noun->unknown || has_digit(noun->text) || (noun->capitalised && j != first_word(s))) continue;
    const auto nouns = dictionary_nouns(c.worker, noun->lower);
    if (nouns.empty() || !std::all_of(nouns.begin(), nouns.end(), [](const Reading& r) { return r.has("def") && !r.has("gen"); }))
      continue;
    const auto all = c.worker.lookup(noun->lower);
    // Besides the noun, only verb or participle readings (not at the start, where "Det landet et
    // fly" has the verb), never a pronoun, determiner, preposition, adverb or conjunction.
    if (std::any_of(all.begin(), all.end(), [&](const Reading& r) {
          if (r.has("n") || r.has("compound-only-L") || r.has("cmp")) return false;
          return start || !(verb_any(r) || r.has("adj"));
        }))
      continue;
    const bool plural = std::all_of(nouns.begin(), nouns.end(), [](const Reading& r) { return r.has("pl"); });
    const bool noun_neuter = std::all_of(nouns.begin(), nouns.end(), [](const Reading& r) { return r.has("sg") && r.has("nt"); });
    const bool noun_common = std::all_of(nouns.begin(), nouns.end(), [](const Reading& r) { return r.has("sg") && !r.has("nt"); });
    std::string form;
    if (plural) form = lemma_in(det, {"den", "det"}) ? "de" : "disse";
    else if (common && noun_neuter) form = det.lower == "den" ? "det" : "dette";
    else if (neuter && noun_common) form = det.lower == "det" ? "den" : "denne";
    if (form.empty()) continue;
    // "på det læreren sier", "Det barna trenger": "det" and a relative clause without "som"; a
    // noun after the noun: a split compound.
    const Word* after = at(s, j + 1);
    if (is_word(after)) {
      const auto next = c.worker.lookup(after->lower);
      if (after->unknown || next.empty()) continue;
      if (det.lower == "det" && j == i + 1 && std::any_of(next.begin(), next.end(), finite)) continue;
      if (std::all_of(next.begin(), next.end(), [](const Reading& r) { return r.has("n"); })) continue;
    }
    c.add("determiner-agreement", "F", det.start, det.end, {like(det, form)}, 0.75);
  }
  // A possessive before an indefinite noun it does not fit, on dictionary readings ("vår" is also
  // the spring, "sitt" an imperative): "vår land" → "vårt", "vårt skole" → "vår". Not after words
  // that make "vår" the season ("i vår", "hver vår", "neste vår").
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& pos = s.words[i];
    static const std::vector<std::array<std::string_view, 4>> possessives = {
        {"min", "mitt", "mine", "min"}, {"din", "ditt", "dine", "din"}, {"sin", "sitt", "sine", "sin"}, {"vår", "vårt", "våre", "vår"}};
    const auto family = std::find_if(possessives.begin(), possessives.end(), [&](const auto& f) {
      return pos.lower == f[0] || pos.lower == f[1] || pos.lower == f[2];
    });
    if (family == possessives.end()) continue;
    if (i > 0 && lemma_in(s.words[i - 1], {"i", "hver", "neste", "forrige", "sist", "denne", "hele", "om", "til", "fra", "en", "ei"}))
      continue;
    // "foreldrene mine leser": the possessive belongs to the definite noun before it; "en av mine
    // venninne": after a partitive the noun's number is the slip.
    if (i > 0 && !s.words[i - 1].punct) {
      const auto before = c.worker.lookup(s.words[i - 1].lower);
      if (std::any_of(before.begin(), before.end(), [](const Reading& r) { return r.has("n") && r.has("def"); })) continue;
      if (s.words[i - 1].lower == "av" && i > 1 && lemma_in(s.words[i - 2], {"en", "ei", "et", "ett", "noen", "mange", "flere", "alle", "ingen", "hver", "hvert", "få"}))
        continue;
    }
    const Word* noun = at(s, i + 1);
    if (!is_word(noun) || noun->unknown || has_digit(noun->text) || noun->capitalised) continue;
    const auto nouns = dictionary_nouns(c.worker, noun->lower);
    if (nouns.empty() || !std::all_of(nouns.begin(), nouns.end(), [](const Reading& r) { return r.has("ind") && !r.has("gen"); }))
      continue;
    // The word is a noun and nothing else but a verb form ("land" is also an imperative).
    const auto all = c.worker.lookup(noun->lower);
    if (std::any_of(all.begin(), all.end(), [](const Reading& r) {
          return !(r.has("n") || r.has("compound-only-L") || r.has("cmp") || verb_any(r));
        }))
      continue;
    const Word* after = at(s, i + 2);
    if (is_word(after)) {
      const auto next = c.worker.lookup(after->lower);
      if (after->unknown || next.empty() || std::all_of(next.begin(), next.end(), [](const Reading& r) { return r.has("n"); }))
        continue;
    }
    const bool is_neuter = pos.lower == (*family)[1], is_plural = pos.lower == (*family)[2];
    auto fits = [&](const Reading& n) {
      if (is_plural) return n.has("pl") || n.has("sp");
      if (n.has("pl")) return false;
      return is_neuter ? n.has("nt") : !n.has("nt");
    };
    if (std::any_of(nouns.begin(), nouns.end(), fits)) continue;
    std::vector<std::string> forms;
    for (const auto& n : nouns) {
      const std::string_view f = n.has("pl") ? (*family)[2] : n.has("nt") ? (*family)[1] : (*family)[0];
      if (std::find(forms.begin(), forms.end(), like(pos, std::string(f))) == forms.end()) forms.push_back(like(pos, std::string(f)));
    }
    // The singular first: "vår land" → "vårt" (or "våre").
    std::stable_sort(forms.begin(), forms.end(), [&](const std::string& a, const std::string& b) {
      return to_lower(a) != (*family)[2] && to_lower(b) == (*family)[2];
    });
    c.add("determiner-agreement", "F", pos.start, pos.end, forms, 0.75);
  }
}

}  // namespace voki::feedback
