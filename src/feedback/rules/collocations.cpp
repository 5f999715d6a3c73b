// W and M: fixed prepositions after adjectives, nouns and verbs, quantifiers that fit countable or
// uncountable nouns, place adverbs (ute/ut), "om" in indirect yes/no questions, "når" for "nå", "og så"
// for "også", prepositions of verb + noun phrases ("ta vare på").
#include "feedback/rules/rule_helpers.h"

#include <unordered_map>

namespace voki::feedback {

using namespace rule_helpers;

namespace {

enum class Pos { adjective, noun, verb, participle };

// A head word and the preposition it takes. `wrong` are the prepositions learners put there
// instead that are never right after this head; `before_marker` lists "å"/"at" when the
// preposition must stand before them ("redd for å", "årsaken til at"). Only prepositions that
// are wrong in every sense of the head are listed ("glad for" is right, so only "glad på").
struct Collocation {
  std::string_view lemma;
  Pos pos;
  std::string_view right;
  std::vector<std::string_view> wrong;
  std::vector<std::string_view> before_marker;
  bool reflexive = false;  // the verb takes "seg" first: "glede seg til"
};

const std::vector<Collocation>& collocations() {
  static const std::vector<Collocation> table = {
      // Adjectives.
      {"interessere", Pos::participle, "i", {"for", "på", "om", "av", "med", "til"}, {"å"}},
      {"åpen", Pos::adjective, "for", {"til"}, {}},  // not before a time: "åpent til klokka ti"
      {"avhengig", Pos::adjective, "av", {"på", "fra", "om", "til"}, {}},
      {"uavhengig", Pos::adjective, "av", {"på", "fra"}, {}},
      {"gift", Pos::adjective, "med", {"på", "til"}, {}},
      {"forelske", Pos::participle, "i", {"på", "med"}, {}},
      {"fornøyd", Pos::adjective, "med", {"på", "av", "for"}, {"at"}},
      {"misfornøyd", Pos::adjective, "med", {"på", "av", "for"}, {}},
      {"redd", Pos::adjective, "for", {"av", "på", "om", "til"}, {"å", "at"}},
      {"flink", Pos::adjective, "til", {"i", "med", "på"}, {"å"}},  // wrong only before "å": "flink i norsk" is right
      {"stolt", Pos::adjective, "av", {"på", "om"}, {}},
      {"ansvarlig", Pos::adjective, "for", {"på", "av", "om", "til"}, {}},
      {"glad", Pos::adjective, "i", {"på"}, {}},
      {"glad", Pos::adjective, "for", {}, {"at"}},  // "glad at" → "glad for at"
      {"lei", Pos::adjective, "av", {"på", "med"}, {}},
      {"vant", Pos::adjective, "til", {"med", "på", "for", "av"}, {"å"}},
      {"villig", Pos::adjective, "til", {"for", "på", "med"}, {"å"}},
      {"nødt", Pos::adjective, "til", {"for", "på"}, {"å"}},
      {"bekymret", Pos::adjective, "for", {"om", "på"}, {}},
      {"sjalu", Pos::adjective, "på", {"for", "av"}, {}},
      {"nysgjerrig", Pos::adjective, "på", {"om", "for", "i"}, {}},
      {"typisk", Pos::adjective, "for", {"til"}, {}},
      {"sikker", Pos::adjective, "på", {"over"}, {"at", "om"}},
      {"forskjellig", Pos::adjective, "fra", {"av"}, {}},
      {"opptatt", Pos::adjective, "av", {"for", "om"}, {}},  // "opptatt med" (busy with) is right too
      {"engstelig", Pos::adjective, "for", {"av", "om"}, {}},
      {"takknemlig", Pos::adjective, "for", {"av", "om"}, {"at"}},
      {"skuffe", Pos::participle, "over", {"på", "om"}, {}},
      {"overraske", Pos::participle, "over", {"på", "om"}, {}},
      {"sint", Pos::adjective, "på", {"til", "med"}, {}},
      {"ferdig", Pos::adjective, "med", {}, {"å"}},
      {"knytte", Pos::participle, "til", {"med", "på"}, {}},
      {"basere", Pos::participle, "på", {"av", "om"}, {}},
      {"fokusere", Pos::participle, "på", {"om"}, {}},
      {"inspirere", Pos::participle, "av", {"fra"}, {}},
      {"enig", Pos::adjective, "i", {"med"}, {}},  // only before a statement: "enig med deg" is right
      // Nouns.
      {"respekt", Pos::noun, "for", {"til", "av", "på"}, {}},
      {"behov", Pos::noun, "for", {"til", "av", "om", "på"}, {"å"}},
      {"forståelse", Pos::noun, "for", {"til"}, {}},
      {"årsak", Pos::noun, "til", {"for", "av", "på"}, {"at"}},
      {"grunn", Pos::noun, "til", {}, {"at"}},
      {"grunn", Pos::noun, "til", {"for"}, {}},  // only before "at": "grunner for at" ("grunn for bekymring" is heard)
      {"mulighet", Pos::noun, "til", {"om"}, {"å"}},
      {"lyst", Pos::noun, "til", {"for"}, {}},  // "ha lyst å" is common and often left as it is
      {"evne", Pos::noun, "til", {}, {"å"}},
      {"sjanse", Pos::noun, "til", {}, {"å"}},
      {"mangel", Pos::noun, "på", {"av", "for"}, {}},
      {"eksempel", Pos::noun, "på", {"av", "til"}, {}},
      {"ansvar", Pos::noun, "for", {"til", "av", "på", "om"}, {}},  // "det er et ansvar å …" is right
      {"frykt", Pos::noun, "for", {"av", "til"}, {}},
      {"håp", Pos::noun, "om", {"for", "til"}, {}},
      {"tillit", Pos::noun, "til", {"for", "på"}, {}},
      {"interesse", Pos::noun, "for", {"til", "om", "på"}, {}},
      {"drøm", Pos::noun, "om", {"på"}, {}},
      {"kjennetegn", Pos::noun, "på", {"av", "for"}, {}},
      // Verbs.
      {"vente", Pos::verb, "på", {"for"}, {}},
      {"lese", Pos::verb, "for", {"til"}, {}},  // only before a person: "lese til meg" ("lese til eksamen" is right)
      {"drømme", Pos::verb, "om", {"på", "for"}, {"å"}},
      // ("lytte på musikk" is in the dictionaries too, and annotators leave it.)
      {"avhenge", Pos::verb, "av", {"på", "fra", "om"}, {}},
      {"bestå", Pos::verb, "av", {"fra"}, {}},
      {"gratulere", Pos::verb, "med", {"for", "på"}, {}},
      {"le", Pos::verb, "av", {"på"}, {}},
      {"håpe", Pos::verb, "på", {"for"}, {}},
      {"lete", Pos::verb, "etter", {"for"}, {}},
      {"lengte", Pos::verb, "etter", {"på", "for"}, {}},
      {"takke", Pos::verb, "for", {"om", "på"}, {}},
      {"reagere", Pos::verb, "på", {"til"}, {}},
      {"fokusere", Pos::verb, "på", {"om", "i"}, {}},
      {"irritere", Pos::verb, "over", {"om"}, {}, true},
      {"skamme", Pos::verb, "over", {"om", "av"}, {}, true},
      {"engasjere", Pos::verb, "i", {"på", "om"}, {}, true},
      {"glede", Pos::verb, "til", {"på", "for"}, {"å"}, true},
      {"interessere", Pos::verb, "for", {"i", "om", "på"}, {}, true},
      {"konsentrere", Pos::verb, "om", {"på", "i", "til"}, {}, true},
      {"bry", Pos::verb, "om", {"for", "på", "med"}, {}, true},
      {"gifte", Pos::verb, "med", {"på", "til"}, {}, true},
      {"forelske", Pos::verb, "i", {"på", "med"}, {}, true},
      {"bekymre", Pos::verb, "for", {"om", "på"}, {}, true},
      {"forberede", Pos::verb, "på", {"for"}, {}, true},
      {"bestemme", Pos::verb, "for", {}, {"å"}, true},
      {"lure", Pos::verb, "på", {}, {"om", "hvordan", "hvorfor", "hva", "hvem"}},  // "lurer om" → "lurer på om"
      {"passe", Pos::verb, "på", {}, {"at", "hva", "hvordan"}},                   // "pass på at …"
      {"tenke", Pos::verb, "på", {"om"}, {}},  // not after "hva/hvordan …": "hva tenker du om det?" asks an opinion
  };
  return table;
}

// The collocations whose head has one of this word's lemmas (most words have none).
std::vector<const Collocation*> candidates_for(const Word& w) {
  static const auto by_lemma = [] {
    std::unordered_map<std::string_view, std::vector<const Collocation*>> map;
    for (const auto& col : collocations()) map[col.lemma].push_back(&col);
    return map;
  }();
  std::vector<const Collocation*> found;
  if (w.punct) return found;
  for (const auto& r : w.readings) {
    auto it = by_lemma.find(r.lemma);
    if (it == by_lemma.end()) continue;
    for (const auto* col : it->second)
      if (std::find(found.begin(), found.end(), col) == found.end()) found.push_back(col);
  }
  return found;
}

bool head_matches(const Word& w, const Collocation& col) {
  if (w.punct) return false;
  return std::any_of(w.readings.begin(), w.readings.end(), [&](const Reading& r) {
    if (r.lemma != col.lemma || r.compound) return false;
    switch (col.pos) {
      // "stolte" is also the past of "stole (på)": no adjective head where a finite verb reads.
      case Pos::adjective: return r.has("adj") && std::none_of(w.readings.begin(), w.readings.end(), finite);
      // ("vant" is also the past of "vinne": see copula_adjective below.)
      case Pos::noun: return r.has("n");
      // A participle only before "seg" ("bestemt meg"): "lett" is also the participle of "lete".
      case Pos::verb: return r.has("vblex") && (!r.has("pp") || col.reflexive);
      case Pos::participle: return r.has("vblex") && r.has("pp");
    }
    return false;
  });
}
// After "er/ble/bli …" an adjective that is also a past tense is the adjective: "ble vant til".
bool copula_adjective(const Sentence& s, std::size_t i, const Collocation& col) {
  if (col.pos != Pos::adjective || i == 0) return false;
  std::size_t k = i - 1;
  while (k > 0 && is_clause_adverb(s.words[k])) --k;
  if (!lemma_in(s.words[k], {"er", "var", "ble", "blir", "bli", "blitt", "vært", "være"})) return false;
  const Word& w = s.words[i];
  return std::any_of(w.readings.begin(), w.readings.end(), [&](const Reading& r) { return r.has("adj") && r.lemma == col.lemma; });
}

// "tenke om" where "tenke på" is meant: "Jeg tenker om barna" → "tenker på barna". "Tenke om" is
// right for an opinion ("hva tenker du om det?", "det som folk tenker om oss"), for "om igjen",
// and before a clause ("tenker om det går": another slip).
bool thinks_of(const Sentence& s, std::size_t verb, std::size_t om) {
  for (std::size_t k = 0; k < verb; ++k)
    if (lemma_in(s.words[k], {"hva", "hvordan", "hvem", "hvilke", "hvilken", "hvilket", "som"})) return false;
  const Word* next = at(s, om + 1);
  if (!is_word(next) || lemma_in(*next, {"igjen", "det", "dette"}) || is_subject_pronoun(*next)) return false;
  return next->lower == "å" || some(*next, [](const Reading& r) { return r.has("n") || r.has("det") || r.has("adj"); });
}

}  // namespace

// W: a fixed preposition after an adjective, noun or verb: "interessert for" → "interessert i",
// "respekt til" → "respekt for", "gleder meg på" → "gleder meg til".
void rule_preposition(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    for (const auto* entry : candidates_for(s.words[i])) {
      const Collocation& col = *entry;
      if (col.wrong.empty() || !(head_matches(s.words[i], col) || copula_adjective(s, i, col))) continue;
      std::size_t j = i + 1;
      if (col.reflexive) {
        if (!is_reflexive_pronoun(s.words[j])) continue;
        ++j;
      } else if (col.pos == Pos::verb) {
        // "Jeg venter ikke for …", "tenker jeg om …": an inverted subject and clause adverbs between.
        if (j + 1 < s.words.size() && is_personal_subject_pronoun(s.words[j])) ++j;
        while (j + 1 < s.words.size() && is_clause_adverb(s.words[j])) ++j;
      }
      const Word* prep = at(s, j);
      if (!is_word(prep) || std::find(col.wrong.begin(), col.wrong.end(), prep->lower) == col.wrong.end()) continue;
      if (!some(*prep, [](const Reading& r) { return r.has("pr"); })) continue;
      if (col.lemma == "flink" && !(j + 1 < s.words.size() && s.words[j + 1].lower == "å")) continue;
      if (col.lemma == "mulighet" && !(j + 1 < s.words.size() && s.words[j + 1].lower == "å")) continue;
      if (col.lemma == "tenke" && !thinks_of(s, i, j)) continue;
      if (col.lemma == "grunn" && !(j + 1 < s.words.size() && s.words[j + 1].lower == "at")) continue;
      if (col.lemma == "lese" && !(j + 1 < s.words.size() && is_object_pronoun(s.words[j + 1]) && s.words[j + 1].lower != "seg")) continue;
      if (col.lemma == "åpen") {
        const Word* next = at(s, j + 1);
        if (!is_word(next) || has_digit(next->text) ||
            lemma_in(*next, {"kl", "kl.", "klokka", "klokken", "sent", "midnatt", "jul", "påske", "neste", "i morgen", "sommeren", "høsten",
                             "våren", "vinteren", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "kvelden",
                             "kvelds", "slutten", "helgen", "nyttår", "januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                             "september", "oktober", "november", "desember", "og", "med"}))
          continue;
      }
      // "enig med" a person, "enig i" a statement: "enig i det", "enig i at …" ("det som Per sa" may be either).
      if (col.lemma == "enig") {
        const Word* next = at(s, j + 1);
        const Word* after = at(s, j + 2);
        if (!next || !lemma_in(*next, {"det", "dette", "at"}) || (after && !after->punct && next->lower != "at")) continue;
      }
      if (col.pos == Pos::noun) {
        // "behovet til familiene" is the family's need, and "ansvaret på" may close a clause
        // ("måte å dele ansvaret på").
        if (prep->lower == "til" && some(s.words[i], [](const Reading& r) { return r.has("n") && r.has("def"); })) continue;
        const Word* next = at(s, j + 1);
        if (!next || next->punct || lemma_in(*next, {"og", "eller", "men", "slik", "så"})) continue;
      }
      c.add("preposition", "W", prep->start, prep->end, {like(*prep, std::string(col.right))}, 0.65);
      break;
    }
  }
}

// W: prepositions of fixed phrases: "i den riktige måten" → "på den riktige måten", "i slutten av"
// → "på slutten av", "i 1800-tallet" → "på 1800-tallet", "i to år siden" → "for to år siden".
void rule_phrase_preposition(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& prep = s.words[i];
    std::string right;
    // Time spent on something is "bruke tid på å": "bruker mye tid for å lære" → "på å" (money
    // alone may be used "for å" reach a goal: "bruke penger for å kvalifisere lærere").
    if (prep.lower == "for" && s.words[i + 1].lower == "å" && s.words[i + 1].any("part")) {
      bool time = false, spend = false;
      for (std::size_t k = i; k > 0 && i - k < 7 && !s.words[k - 1].punct && !spend; --k) {
        const Word& w = s.words[k - 1];
        if (!time && lemma_in(w, {"tid", "tiden", "timer", "timene", "dagen", "dager", "dagene", "kvelden", "kveldene", "uker",
                                  "helgen", "helga", "helgene", "minutter", "år", "fritiden", "fritid"}))
          time = true;
        else if (time && some(w, [](const Reading& r) { return r.has("vblex") && r.lemma == "bruke" && !r.compound; }))
          spend = true;
        else if (w.lower == "å" || some(w, [](const Reading& r) { return r.has("cnjsub") || r.has("rel"); }))
          break;
      }
      if (spend) {
        c.add("preposition", "W", prep.start, prep.end, {like(prep, "på")}, 0.7);
        continue;
      }
    }
    // Time one has for someone or something is "tid til": "har ikke nok tid for barna" → "tid til
    // barna" ("det er tid for forandringer" is "it is time for"; "tid for å" is often left).
    if (prep.lower == "for" && i >= 2 && s.words[i - 1].lower == "tid" &&
        lemma_in(s.words[i - 2], {"nok", "mer", "god", "lite", "litt", "mye", "så mye", "mindre", "ingen", "liten"})) {
      const Word* next = at(s, i + 1);
      if (is_word(next) && next->lower != "å")
        c.add("preposition", "W", prep.start, prep.end, {like(prep, "til")}, 0.7);
      continue;
    }
    // "Med å spise sunt, lever vi lenger" → "Ved å spise": the means is "ved å" (first in the
    // sentence only; "begynne med å", "problemer med å" are right).
    if (prep.lower == "med" && i == first_word(s) && s.words[i + 1].lower == "å" && s.words[i + 1].any("part")) {
      const Word* verb = at(s, i + 2);
      if (is_word(verb) && some(*verb, [](const Reading& r) { return r.has("vblex") && r.has("inf"); }))
        c.add("preposition", "W", prep.start, prep.end, {like(prep, "ved")}, 0.7);
      continue;
    }
    // One goes "på kino / konsert / restaurant / kurs", not "til": "gå til kino" → "gå på kino"
    // (the bare noun after a verb of going; "til konserten i Oslo" names a place).
    if (prep.lower == "til") {
      const Word& place = s.words[i + 1];
      const bool outing = lemma_in(place, {"kino", "konsert", "konserter", "opera", "teater", "restaurant", "restauranter", "kafé",
                                           "kafe", "kafeer", "kaféer", "fest", "fester", "ferie", "kurs", "dansekurs",
                                           "norskkurs", "språkkurs"});
      std::size_t k = i;
      bool with = false;  // "ta med / bli med / følge med til …"
      while (k > 0 && (is_clause_adverb(s.words[k - 1]) || is_object_pronoun(s.words[k - 1]) || is_subject_pronoun(s.words[k - 1]) ||
                       lemma_in(s.words[k - 1], {"med", "ut", "etterpå", "sammen", "ofte", "gjerne", "heller"}))) {
        with = with || s.words[k - 1].lower == "med";
        --k;
      }
      if (outing && k > 0 && some(s.words[k - 1], [&](const Reading& r) {
            return r.has("vblex") && !r.compound &&
                   (with ? (r.lemma == "ta" || r.lemma == "bli" || r.lemma == "følge")  // "går med dem til kafeer" is company
                         : (r.lemma == "gå" || r.lemma == "dra" || r.lemma == "reise" || r.lemma == "komme"));
          }))
        c.add("preposition", "W", prep.start, prep.end, {like(prep, "på")}, 0.7);
      continue;
    }
    if (prep.lower != "i" && prep.lower != "på" && prep.lower != "om") continue;
    const Word& next = s.words[i + 1];
    if (prep.lower == "i") {
      // "måte" takes "på" in the singular; "forskjeller i måter å …" is right.
      std::size_t j = i + 1;
      bool determiner = false;
      while (j < s.words.size() && (lemma_in(s.words[j], {"den", "denne", "det", "samme", "en", "ei", "et", "annen", "hver"}) ||
                                    every(s.words[j], [](const Reading& r) { return r.has("adj"); }))) {
        determiner = determiner || lemma_in(s.words[j], {"den", "denne", "det", "samme", "en", "ei", "et", "annen", "hver"});
        ++j;
      }
      if (determiner && j < s.words.size() && (s.words[j].lower == "måte" || s.words[j].lower == "måten")) right = "på";
      if (next.lower == "slutten" && i + 2 < s.words.size() && s.words[i + 2].lower == "av") right = "på";
      if (next.lower.size() > 7 && next.lower.ends_with("-tallet") && has_digit(next.lower)) right = "på";
      // A place is "på et sted", "på andre steder" (bare "i stedet" is "instead"); some determiner
      // or adjective stands between.
      std::size_t k = i + 1;
      while (k < s.words.size() && !s.words[k].punct && !s.words[k].unknown &&
             (lemma_in(s.words[k], {"et", "ett", "det", "dette", "de", "disse", "samme", "alle", "andre", "mange", "noen", "hvert",
                                    "ethvert", "sånne", "slike", "sånt", "slikt", "annet", "flere", "ulike", "forskjellige"}) ||
              every(s.words[k], [](const Reading& r) { return r.has("adj") && !r.has("n"); })))
        ++k;
      if (right.empty() && k > i + 1 && k < s.words.size() && lemma_in(s.words[k], {"sted", "steder", "stedet", "stedene"}))
        right = "på";
    }
    // A time of day or season that recurs is "om": "om kvelden", "tre ganger om dagen" ("i
    // kveld" is tonight, "i sommer" this summer).
    if (prep.lower == "i" && right.empty() &&
        lemma_in(next, {"dagen", "kvelden", "natta", "natten", "morgenen", "formiddagen", "ettermiddagen", "sommeren", "vinteren",
                        "våren", "høsten"}) &&
        !(i > 0 && lemma_in(s.words[i - 1], {"midt", "ut", "langt", "inn"})) &&
        !(i + 2 < s.words.size() && has_digit(s.words[i + 2].text)))
      right = "om";
    // The weekend is "i helgen": "Jeg jobber om helgen / på helga" → "i helgen" (but "snakke om
    // helgen", "glede seg til / vente på helgen" take the verb's preposition).
    if ((prep.lower == "om" || prep.lower == "på") && right.empty() && (next.lower == "helgen" || next.lower == "helga") &&
        !(i > 0 && some(s.words[i - 1], [](const Reading& r) {
          static const std::string_view verbs[] = {"snakke", "fortelle", "skrive", "spørre", "tenke", "høre", "lese", "drømme",
                                                   "prate", "vente", "se", "satse", "håpe", "glede", "diskutere", "lure", "minne"};
          return (r.has("vblex") || r.has("n")) && std::find(std::begin(verbs), std::end(verbs), r.lemma) != std::end(verbs);
        })))
      right = "i";
    // "kom til Norge", not "kom i Norge": arriving is a direction.
    if (prep.lower == "i" && right.empty() && i > 0 && next.capitalised && next.any("np") && !sentence_initial(s, i + 1) &&
        some(s.words[i - 1], [](const Reading& r) { return r.lemma == "komme" && r.has("vblex") && !r.compound; }))
      right = "til";
    // "av politiske grunner", "av den grunn" ("på grunn av" is another phrase).
    if (prep.lower == "på" && right.empty() && next.lower != "grunn" && next.lower != "grunner") {
      std::size_t k = i + 1;
      while (k < s.words.size() && k < i + 4 && !s.words[k].punct &&
             (lemma_in(s.words[k], {"den", "denne", "samme", "mange", "flere", "ulike", "forskjellige", "andre", "disse", "de"}) ||
              every(s.words[k], [](const Reading& r) { return r.has("adj") && !r.has("n"); })))
        ++k;
      const Word* noun = at(s, k);
      if (noun && (noun->lower == "grunner" || (noun->lower == "grunn" && lemma_in(s.words[k - 1], {"den", "denne", "samme"}))))
        right = "av";
    }
    // "i barnehagen", not "på barnehagen".
    if (prep.lower == "på" && lemma_in(next, {"barnehage", "barnehagen", "barnehager", "barnehagene"})) right = "i";
    // "i to år siden": a point in the past is "for … siden".
    if (right.empty() && i + 3 < s.words.size() &&
        (has_digit(next.text) || lemma_in(next, {"to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti", "noen",
                                                 "mange", "et", "ett", "en", "flere", "tjue", "hundre"})) &&
        lemma_in(s.words[i + 2], {"år", "måneder", "måned", "uker", "uke", "dager", "dag", "timer", "time", "minutter", "tiår"}) &&
        s.words[i + 3].lower == "siden")
      right = "for";
    if (right.empty()) continue;
    c.add("preposition", "W", prep.start, prep.end, {like(prep, right)}, 0.7);
  }
}

// M: the preposition is missing before "å" or "at": "redd å spørre" → "redd for å spørre",
// "årsaken at" → "årsaken til at", "til tross at" → "til tross for at".
void rule_missing_preposition(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& head = s.words[i];
    if (head.punct) continue;
    std::string right;
    std::size_t j = i + 1;
    if (head.lower == "tross" && i > 0 && s.words[i - 1].lower == "til") {
      right = "for";
    } else if (head.lower == "i stand" || (head.lower == "stand" && i > 0 && s.words[i - 1].lower == "i")) {
      right = "til";
    } else if (head.lower == "på grunn" || (head.lower == "grunn" && i > 0 && s.words[i - 1].lower == "på")) {
      right = "av";
    } else if (head.lower == "tid" && i > 0 && [&] {
                 std::size_t k = i - 1;
                 while (k > 0 && is_clause_adverb(s.words[k])) --k;
                 // (Not "ingen tid å miste", an idiom.)
                 return lemma_in(s.words[k], {"mer", "nok", "lite", "god", "har", "hadde", "ha", "få", "får", "fikk"});
               }()) {
      right = "til";  // "har ikke tid å" → "tid til å" ("det tar tid å lære" stays)
    } else if (head.lower == "vare" && i > 0 && lemma_in(s.words[i - 1], {"ta", "tar", "tok", "tatt", "tas"})) {
      // "ta vare barna" → "ta vare på barna".
      const Word* next = at(s, i + 1);
      if (is_word(next) && next->lower != "på" && !some(*next, [](const Reading& r) { return r.has("pr") || r.has("cnjcoo"); }))
        c.add("missing-preposition", "M", head.start, head.end, {head.text + " på"}, 0.7);
      continue;
    } else {
      for (const auto* entry : candidates_for(head)) {
        const Collocation& col = *entry;
        if (col.before_marker.empty() || !(head_matches(head, col) || copula_adjective(s, i, col))) continue;
        if (col.lemma == "sikker" && head.lower != "sikker" && head.lower != "sikre") continue;  // "det er sikkert at"
        std::size_t k = i + 1;
        if (col.reflexive) {
          if (!is_reflexive_pronoun(s.words[k])) continue;
          ++k;
        }
        if (col.lemma == "passe") {
          // "Det passer (bra) at du kommer": "passe" without "på" is "suit".
          bool suits = false;
          for (std::size_t b = i; b > 0 && i - b < 3 && !suits; --b) suits = lemma_in(s.words[b - 1], {"det", "dette", "som"});
          if (suits) continue;
          if (k < s.words.size() && lemma_in(s.words[k], {"godt", "nøye", "ekstra"})) ++k;  // "passe godt på at"
        }
        const Word* marker = at(s, k);
        if (!is_word(marker) || std::find(col.before_marker.begin(), col.before_marker.end(), marker->lower) == col.before_marker.end())
          continue;
        right = std::string(col.right);
        j = k;
        break;
      }
    }
    if (right.empty()) continue;
    const Word* marker = at(s, j);
    if (!is_word(marker)) continue;
    if (head.lower == "tross" || head.lower == "i stand" || head.lower == "stand" || head.lower == "på grunn" || head.lower == "grunn" ||
        head.lower == "tid") {
      if (marker->lower != "å" && marker->lower != "at") continue;
    }
    if (marker->lower == "at" && !some(*marker, [](const Reading& r) { return r.has("cnjsub"); })) continue;
    if (marker->lower == "å" && !marker->any("part")) continue;
    const Word& before = s.words[j - 1];
    c.add("missing-preposition", "M", before.start, before.end, {before.text + " " + right}, 0.7);
  }
}

// M: verbs that push someone to do something take "til å" (or "i å") after the object: "Klimaet
// tvinger folk å være inne" → "folk til å", "hindrer oss å tenke" → "oss i å".
void rule_missing_preposition_object(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& verb = s.words[i];
    std::string right;
    for (const auto& r : verb.readings) {
      if (!r.has("vblex") || r.compound) continue;
      if (r.lemma == "tvinge" || r.lemma == "inspirere" || r.lemma == "oppmuntre" || r.lemma == "motivere" || r.lemma == "oppfordre")
        right = "til";
      else if (r.lemma == "hindre" || r.lemma == "forhindre")
        right = "i";
    }
    if (right.empty()) continue;
    // The object: a pronoun, or up to three words of a noun phrase, then "å".
    std::size_t j = i + 1;
    if (j < s.words.size() && lemma_in(s.words[j], {"meg", "deg", "ham", "han", "henne", "oss", "dere", "dem", "seg"})) {
      ++j;
    } else {
      std::size_t k = j;
      while (k < s.words.size() && k < j + 3 && !s.words[k].punct && s.words[k].lower != "å" &&
             some(s.words[k], [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("det") || r.has("np"); }) &&
             !some(s.words[k], [](const Reading& r) { return r.has("pr") || r.has("cnjsub") || r.has("cnjcoo"); }))
        ++k;
      if (k == j || !some(s.words[k - 1], [](const Reading& r) { return r.has("n") || r.has("np"); })) continue;
      j = k;
    }
    if (j >= s.words.size() || s.words[j].lower != "å" || !s.words[j].any("part")) continue;
    const Word& object = s.words[j - 1];
    c.add("missing-preposition", "M", object.start, object.end, {object.text + " " + right}, 0.7);
  }
}

namespace {
// Nouns that are not counted: "mye tid", not "mange tid".
bool mass_noun(const Word& w) {
  return lemma_in(w, {"tid", "informasjon", "mat", "vann", "kunnskap", "musikk", "hjelp", "stress", "luft", "snø", "regn",
                      "sukker", "melk", "kaffe", "brød", "kjøtt", "frukt", "energi", "trafikk", "forurensning", "støy",
                      "kjærlighet", "moro", "fritid", "søvn", "mosjon", "oppmerksomhet", "omsorg", "press", "fett",
                      "salt", "alkohol", "røyk", "litteratur", "snakk", "arbeidskraft", "utstyr", "bagasje", "gjeld"});
}
// The mass noun after quantifier i is the singular: the same-looking neuter plural of a noun that is
// hardly ever counted ("sukker", "stress"; but "mange vann" are lakes, "mange brød" loaves) counts
// too, and a verb reading only where it cannot be the verb of "mange" as the subject ("Mange
// sukker over været"): at the end after "så/for/veldig …".
bool mass_singular(const Sentence& s, std::size_t i, const Word& noun) {
  if (!some(noun, [](const Reading& r) { return r.has("n") && r.has("sg") && r.has("ind"); })) return false;
  const bool uncounted = lemma_in(noun, {"sukker", "stress", "press", "utstyr", "kjøtt", "snakk"});
  if (!every(noun, [&](const Reading& r) {
        return (r.has("n") && r.has("ind") && (r.has("sg") || uncounted)) || (r.has("vblex") && !r.compound);
      }))
    return false;
  if (!some(noun, [](const Reading& r) { return r.has("vblex") && finite(r); })) return true;
  const Word* after = at(s, i + 2);
  return i > 0 && lemma_in(s.words[i - 1], {"så", "for", "altfor", "veldig", "ikke", "like"}) && (!after || after->punct);
}
// Plural nouns that are measured rather than counted ("mye penger" is right).
bool measured_plural(const Word& w) {
  return std::any_of(w.readings.begin(), w.readings.end(), [](const Reading& r) {
    return r.lemma == "penge" || r.lemma == "klær" || r.lemma == "lekse" || r.lemma == "møbel" || r.lemma == "folk" ||
           r.lemma == "grønnsak" || r.lemma == "penger";
  });
}
// A plural noun (its other readings, if any, verbs: "ganger" is also the present of "gange").
bool plural_only_noun(const Word& w) {
  if (w.punct || w.unknown || w.readings.empty()) return false;
  bool noun = false;
  for (const auto& r : w.readings) {
    if (r.has("n")) {
      if (!r.has("pl") || !r.has("ind")) return false;
      noun = true;
    } else if (!r.has("vblex")) {
      return false;
    }
  }
  return noun;
}
// "nytt", "positivt": as an adjective only the neuter singular (readings of verbs aside: "nytt" is
// also a form of "nyte").
bool neuter_adjective(const Word& w) {
  if (w.punct || w.unknown) return false;
  bool neuter = false;
  for (const auto& r : w.readings) {
    if (r.has("vblex") || r.has("pp")) continue;
    if (!r.has("adj") || !r.has("nt") || !r.has("sg") || !r.has("ind")) return false;
    neuter = true;
  }
  return neuter;
}
// "alvorlige", "farlige": an adjective with a plural reading and no other part of speech.
bool plural_adjective(const Word& w) {
  return !w.punct && !w.unknown && every(w, [](const Reading& r) { return r.has("adj"); }) &&
         some(w, [](const Reading& r) { return r.has("adj") && r.has("pl"); });
}
}  // namespace

// W: quantifiers for countable and uncountable nouns: "noe problemer" → "noen problemer",
// "mange tid" → "mye tid", "noen informasjon" → "noe informasjon".
void rule_quantifier(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& q = s.words[i];
    if (q.punct) continue;
    // "mye gode ord", "så mye forskjellige varer": a plural adjective shows a counted plural
    // ("mye bedre resultater" compares).
    if ((q.lower == "mye" || q.lower == "så mye") && i + 2 < s.words.size() && plural_adjective(s.words[i + 1]) &&
        none(s.words[i + 1], [](const Reading& r) { return r.has("comp") || r.has("sup"); }) &&
        !s.words[i + 1].lower.ends_with("ere") &&
        every(s.words[i + 2], [](const Reading& r) { return (r.has("n") && (r.has("pl") || r.has("nt"))) || r.has("vblex"); }) &&
        some(s.words[i + 2], [](const Reading& r) { return r.has("n") && r.has("pl") && r.has("ind"); }) &&
        !measured_plural(s.words[i + 2]) && !mass_noun(s.words[i + 2])) {
      c.add("quantifier", "W", q.start, q.end, {like(q, q.lower == "mye" ? "mange" : "så mange")}, 0.65);
      continue;
    }
    // Right before the noun, or for "noe" also before a plural adjective ("noe alvorlige
    // problemer"); "mer idealistiske menn" compares the adjective.
    std::size_t j = i + 1;
    if (q.lower == "noe" && j + 1 < s.words.size() && plural_adjective(s.words[j])) ++j;
    const Word& noun = s.words[j];
    const Word* after = at(s, j + 1);
    // "mye barnehage…": a noun followed by another noun may be a split compound.
    if (after && !after->punct && some(*after, [](const Reading& r) { return r.has("n"); }) &&
        !some(*after, [](const Reading& r) { return r.has("pr") || r.has("vblex") || r.has("cnjcoo") || r.has("adv"); }))
      continue;
    std::string right;
    // ("mye/mer" before a plural are left alone: "mye folk", "mer penger" and many others are
    // right, and annotators often accept "mye mennesker".)
    // "noe" right before a plural noun is determiner-form's (real_words.cpp); here only with an
    // adjective between.
    if (q.lower == "noe" && j > i + 1 && plural_only_noun(noun) && !measured_plural(noun)) {
      right = "noen";
    } else if (q.lower == "noen" && j == i + 1 && neuter_adjective(noun)) {
      right = "noe";  // "noen nytt" → "noe nytt"
    } else if (lemma_in(q, {"mange", "så mange", "noen", "flere"}) && mass_noun(noun) && mass_singular(s, i, noun)) {
      if (q.lower == "mange") right = "mye";
      else if (q.lower == "så mange") right = "så mye";  // one token to the analyser
      else if (q.lower == "noen") right = "noe";
      else right = "mer";
    }
    if (right.empty()) continue;
    c.add("quantifier", "W", q.start, q.end, {like(q, right)}, 0.65);
  }
}

// W: "å", not "og", before an infinitive after an adjective that takes one: "Det er viktig og
// holde kontakt" → "viktig å holde", "en god måte og lære" → "måte å lære".
void rule_og_for_marker(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 1; i + 1 < s.words.size(); ++i) {
    const Word& og = s.words[i];
    if (og.lower != "og") continue;
    const Word& head = s.words[i - 1];
    const bool takes = lemma_in(head, {"viktig", "vanskelig", "lett", "mulig", "umulig", "nødvendig", "morsomt", "gøy", "fint",
                                       "koselig", "hyggelig", "kjedelig", "spennende", "interessant", "lurt", "vanlig", "greit",
                                       "måte", "måten", "formålet"});  // after verbs ("pleier og sove"): og-aa
    if (!takes) continue;
    // "å ha det gøy og ha penger": "og" joins two infinitives after an earlier "å".
    bool joins = false;
    for (std::size_t k = i - 1; k > 0 && i - k < 8 && !s.words[k - 1].punct && !joins; --k) joins = s.words[k - 1].lower == "å";
    if (joins) continue;
    const Word& verb = s.words[i + 1];
    // Only an infinitive: "viktig og riktig" joins two adjectives.
    if (verb.punct || verb.unknown || verb.readings.empty() ||
        !std::all_of(verb.readings.begin(), verb.readings.end(), [](const Reading& r) {
          return r.has("vblex") && (r.has("inf") || r.has("imp"));
        }) ||
        !verb.any("inf"))
      continue;
    c.add("og-for-marker", "W", og.start, og.end, {like(og, "å")}, 0.7);
  }
}

// W: place and direction: "Vi er ut i naturen" → "ute", "Han er hjem" → "hjemme".
void rule_place_adverb(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& verb = s.words[i];
    if (!lemma_in(verb, {"er", "var", "være", "vært", "bor", "bodde", "bo", "sitter", "satt", "sitte", "ligger", "lå", "bli", "blir",
                         "ble", "blitt"}))
      continue;
    std::size_t j = i + 1;
    // "Derfor er han ut hele dagen": the subject after the verb.
    if (j + 1 < s.words.size() && is_personal_subject_pronoun(s.words[j]) && i > first_word(s)) ++j;
    while (j < s.words.size() && is_clause_adverb(s.words[j])) ++j;
    const Word* adverb = at(s, j);
    if (!is_word(adverb)) continue;
    std::string right;
    if (adverb->lower == "ut") right = "ute";
    else if (adverb->lower == "hjem") right = "hjemme";
    else if (adverb->lower == "ut av") right = "ute av";  // one token to the analyser: "er ute av kontroll"
    else continue;
    // "bli ut" has no meaning of its own; "ble hjem" neither; but "blir ut av" is idiomatic
    // nowhere either: only be- and position verbs are listed above.
    if (lemma_in(verb, {"bli", "blir", "ble", "blitt"}) && adverb->lower == "ut") continue;
    c.add("place-adverb", "W", adverb->start, adverb->end, {like(*adverb, right)}, 0.65);
  }
}

// W: "om", not "hvis", in an indirect yes/no question: "Jeg vet ikke hvis han kommer" → "om".
void rule_indirect_if(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 1; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.lower != "hvis") continue;
    std::size_t k = i - 1;
    while (k > 0 && lemma_in(s.words[k], {"ikke", "aldri", "ofte", "heller"})) --k;
    const Word& verb = s.words[k];
    const bool asks = lemma_in(verb, {"vet", "visste", "vite", "spør", "spurte", "spørre", "lurer", "lurte", "lure", "usikker",
                                      "sikker", "bestemme", "avgjøre", "sjekke", "undersøke"}) ||
                      (verb.lower == "på" && k > 0 && lemma_in(s.words[k - 1], {"lurer", "lurte", "lure", "sikker", "usikker"}));
    if (!asks) continue;
    c.add("indirect-if", "W", w.start, w.end, {like(w, "om")}, 0.7);
  }
}

// W: "Nå" where "Når" begins a subordinate clause: "Nå jeg kom hjem, …" → "Når jeg kom hjem".
void rule_now_when(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.lower != "nå") continue;
    if (i > 0 && !s.words[i - 1].punct && !lemma_in(s.words[i - 1], {"og", "men"})) continue;
    if (!is_subject_pronoun(s.words[i + 1]) && s.words[i + 1].lower != "det") continue;
    std::size_t j = i + 2;
    while (j < s.words.size() && is_clause_adverb(s.words[j])) ++j;
    if (j >= s.words.size() || !finite_on_raw_readings(s.words[j])) continue;
    // A main clause follows after a comma: "Nå jeg kommer hjem, spiser vi".
    bool comma = false;
    for (std::size_t k = j + 1; k + 1 < s.words.size() && !comma; ++k)
      if (s.words[k].text == "," && finite_on_raw_readings(s.words[k + 1])) comma = true;
    if (!comma) continue;
    c.add("now-when", "W", w.start, w.end, {like(w, "når")}, 0.7);
  }
}

// W: "da", not "når", for one time in the past: "Når jeg var barn, …" → "Da jeg var barn", "Når
// jeg kom til Norge, …" → "Da jeg kom". "Når" with the past is a repeated event ("når jeg kom
// hjem, spiste vi"): only childhood and youth, and arriving in or moving to a named place or
// "hit", which happen once; not after "først", "hver gang" and the like.
void rule_when_past(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 3 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.lower != "når") continue;
    if (i > 0 && lemma_in(s.words[i - 1], {"først", "bare", "kun", "gang", "gangen", "nettopp", "akkurat", "alltid", "særlig", "spesielt"}))
      continue;
    if (!lemma_in(s.words[i + 1], {"jeg", "han", "hun", "vi"})) continue;
    std::size_t j = i + 2;
    while (j + 1 < s.words.size() && lemma_in(s.words[j], {"endelig", "først", "nettopp", "ikke"})) ++j;
    const Word& verb = s.words[j];
    const Word& next = s.words[j + 1];
    const Word* after = at(s, j + 2);
    bool once = false;
    if (verb.lower == "var") {
      once = lemma_in(next, {"liten", "små", "barn", "ung", "unge", "yngre", "gutt", "jente", "tenåring", "tenåringer", "baby",
                             "ungdom", "student", "studenter", "elev"}) ||
             // "tolv år gammel" may come as one unit.
             ((next.lower.find(" år") != std::string::npos || (is_word(after) && after->lower == "år")) && [&] {
               static const std::string_view numbers[] = {"to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti",
                                                          "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten",
                                                          "atten", "nitten", "tjue"};
               const std::string first = next.lower.substr(0, next.lower.find(' '));
               return has_digit(first) || std::find(std::begin(numbers), std::end(numbers), first) != std::end(numbers);
             }());
    } else if (verb.lower == "kom" || verb.lower == "flyttet" || verb.lower == "flytta") {
      once = next.lower == "hit" ||
             (next.lower == "til" && is_word(after) && after->capitalised && some(*after, [](const Reading& r) { return r.has("np"); }));
    } else if (verb.lower == "ble") {
      once = lemma_in(next, {"født", "voksen", "voksne", "gift"});
    }
    if (!once) continue;
    c.add("when-past", "W", w.start, w.end, {like(w, "da")}, 0.7);
  }
}

// W: after a negation "also" is "heller": "Han er også ikke hjemme" → "Han er heller ikke
// hjemme", "må også aldri" → "må heller aldri" ("også ikke minst" is another phrase).
void rule_ogsaa_heller(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.lower != "også" || !lemma_in(s.words[i + 1], {"ikke", "aldri"})) continue;
    const Word* after = at(s, i + 2);
    if (is_word(after) && lemma_in(*after, {"minst", "bare"})) continue;
    c.add("ogsaa-heller", "W", w.start, w.end, {like(w, "heller")}, 0.7);
  }
}

// W: "og så" (and then), not "også" (also), before an inverted clause: "Også gikk vi hjem" → "Og så
// gikk vi hjem". "Også" stands first before the phrase it stresses ("Også han kom"), rarely before
// a finite verb and its subject.
void rule_og_saa(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  for (std::size_t i = first; i + 2 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.lower != "også") continue;
    // Only first in the sentence: after a comma "…, også kan jeg …" is often meant as "also".
    if (i > first) continue;
    const Word& verb = s.words[i + 1];
    if (!finite_on_raw_readings(verb)) continue;
    const Word& subject = s.words[i + 2];
    // "Også er det …" is read as "Dessuten er det …" (in addition, there is …).
    if (lemma_in(verb, {"er", "var"}) && subject.lower == "det") continue;
    const bool subject_follows =
        is_subject_pronoun(subject) || lemma_in(subject, {"det", "man", "en", "ei", "et"}) ||
        (!subject.punct && !subject.unknown &&
         every(subject, [](const Reading& r) { return r.has("n") || r.has("np") || (r.has("det") && !r.has("adv")); }));
    if (!subject_follows) continue;
    c.add("og-saa", "W", w.start, w.end, {like(w, "og så")}, 0.7);
  }
}

// W: the preposition of a fixed verb + noun phrase: "ta vare for" → "ta vare på", "legge merke på"
// → "legge merke til", "ta hensyn for" → "ta hensyn til", "legge vekt til" → "legge vekt på".
void rule_verb_noun_preposition(const RuleContext& c) {
  struct Phrase {
    std::string_view verb, noun, right;
    std::initializer_list<std::string_view> wrong;
  };
  static const Phrase phrases[] = {
      {"ta", "vare", "på", {"for", "om", "til", "av", "med"}},
      {"ta", "hensyn", "til", {"for", "på", "om", "av"}},
      {"legge", "merke", "til", {"på", "for", "om"}},
      {"legge", "vekt", "på", {"til", "for", "om"}},
      {"holde", "øye", "med", {"på", "for"}},
  };
  const auto& s = c.sentence;
  for (std::size_t i = 1; i + 2 < s.words.size(); ++i) {
    const Word& noun = s.words[i];
    for (const Phrase& p : phrases) {
      if (noun.lower != p.noun) continue;
      // The verb right before, or before the subject and clause adverbs ("tar vi ikke hensyn").
      std::size_t k = i - 1;
      while (k > 0 && (is_clause_adverb(s.words[k]) || is_subject_pronoun(s.words[k]) ||
                       lemma_in(s.words[k],
                                {"man", "mer", "godt", "stor", "større", "størst", "mindre", "liten", "særlig", "spesielt"})))
        --k;
      const Word& verb = s.words[k];
      if (!some(verb, [&](const Reading& r) { return r.has("vblex") && r.lemma == p.verb && !r.compound; })) continue;
      const Word& prep = s.words[i + 1];
      if (std::find(p.wrong.begin(), p.wrong.end(), prep.lower) == p.wrong.end()) continue;
      c.add("verb-noun-preposition", "W", prep.start, prep.end, {like(prep, std::string(p.right))}, 0.7);
    }
  }
}

}  // namespace voki::feedback

namespace voki::feedback {

// W: "samme" (same), not "sammen" (together), before a noun: "de sammen reglene" → "de samme
// reglene", "har ikke sammen betydning" → "samme betydning", "Det sammen skjedde" → "Det samme".
void rule_sammen_for_samme(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 1; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.lower != "sammen") continue;
    const Word& before = s.words[i - 1];
    const Word& next = s.words[i + 1];
    if (next.punct || next.unknown || lemma_in(next, {"med", "om", "i", "på", "og", "eller", "hele", "alle", "to", "tre"})) continue;
    const bool noun_next = every(next, [](const Reading& r) { return r.has("n") && !r.has("np"); }) && !has_digit(next.text);
    bool fits = false;
    // ("var de sammen osv.": "de" is then the subject after its verb.)
    if (lemma_in(before, {"den", "de", "det"}) && noun_next && !(i >= 2 && some(s.words[i - 2], finite)) &&
        !next.lower.starts_with("osv") && !next.lower.starts_with("etc"))
      fits = true;
    // "Det sammen skjedde": "det" first in its clause, then the verb.
    if (before.lower == "det" && (i - 1 == first_word(s) || lemma_in(s.words[i - 2], {"og", "men"})) && finite_on_raw_readings(next))
      fits = true;
    // "har ikke sammen betydning": a bare singular noun right after.
    if (lemma_in(before, {"ikke", "har", "hadde", "ha"}) && noun_next &&
        every(next, [](const Reading& r) { return r.has("sg") && r.has("ind"); }))
      fits = true;
    if (!fits) continue;
    c.add("sammen-for-samme", "W", w.start, w.end, {like(w, "samme")}, 0.7);
  }
}

// W: a generic "man" is taken up again by "man", not by "han": "Hvis man flytter, må han lære
// språket" → "må man lære". Only where no man or boy (a name, "mannen", "faren" …) stands
// between, whom "han" could mean, and not in "han/hun" (either sex, on purpose).
void rule_generic_man(const RuleContext& c) {
  const auto& s = c.sentence;
  // Only a "man" with a "han" after it can give a finding: look for that first, since this runs
  // for every sentence and the scans below read every word's readings.
  const auto man = std::find_if(s.words.begin(), s.words.end(), [](const Word& w) { return w.lower == "man"; });
  if (man == s.words.end() || std::none_of(man + 1, s.words.end(), [](const Word& w) { return w.lower == "han"; })) return;
  // Someone "han" may refer to, anywhere in the sentence; or men and women set side by side
  // ("man viser at han er sterkere enn kvinnen"). ("lærer" is left out: it is also a verb.)
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.punct) {
      if (w.text == "/") return;  // "han / hun"
      continue;
    }
    if ((w.capitalised && !sentence_initial(s, i) && some(w, [](const Reading& r) { return r.has("np"); })) || w.lower == "hun" ||
        some(w, [](const Reading& r) {
          static const std::string_view people[] = {"mann", "gutt", "far", "bror", "sønn", "onkel", "bestefar", "venn", "kjæreste",
                                                    "konge", "forfatter", "sjef", "kvinne", "jente", "mor", "søster",
                                                    "datter", "kone", "pappa", "mamma"};
          return r.has("n") && std::find(std::begin(people), std::end(people), r.lemma) != std::end(people);
        }))
      return;
  }
  bool generic = false;
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.lower == "man" && some(w, [](const Reading& r) { return r.has("prn"); })) generic = true;
    // "Man sier at han er rik": what people say or believe about some man named before.
    // ("men" is also a form of "mene"; a conjunction is not taken for the verb.)
    if (generic && none(w, [](const Reading& r) { return r.has("cnjcoo") || r.has("cnjsub"); }) && some(w, [](const Reading& r) {
          static const std::string_view reporting[] = {"si", "mene", "hevde", "påstå", "fortelle", "tro", "anta", "mistenke",
                                                       "høre", "lese", "skrive", "rykte", "beskylde", "anklage"};
          return r.has("vblex") && std::find(std::begin(reporting), std::end(reporting), r.lemma) != std::end(reporting);
        }))
      return;
    if (!generic || w.lower != "han") continue;
    c.add("generic-man", "W", w.start, w.end, {like(w, "man")}, 0.65);
    return;
  }
}

}  // namespace voki::feedback
