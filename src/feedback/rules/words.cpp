// SPL, PART and R: split compounds, words written together or apart, and repeated words (fixed
// prepositions: collocations.cpp).
#include "feedback/rules/rule_helpers.h"

#include <optional>

namespace voki::feedback {

using namespace rule_helpers;

namespace {

// Hunspell joins almost any two nouns, so a compound no dictionary lists counts only where the two
// words cannot be a noun phrase: two plain nouns of three letters or more (neither ever a verb,
// the second indefinite), the first no noun of amount or kind that takes a bare noun after it
// ("antall kvinner", "en type musikk"), not coordinated ("mann og kvinne deler") nor after "som"
// ("som regel folk") or an interrogative ("hvilken rolle religion spiller").
bool open_compound_written_apart(const RuleContext& c, std::size_t i) {
  const auto& s = c.sentence;
  const Word& a = s.words[i];
  const Word& b = s.words[i + 1];
  if (count_code_points(a.text) < 3 || count_code_points(b.text) < 3) return false;
  static const std::vector<std::string_view> amounts = {
      "antall", "type", "mengde", "andel", "måte", "slags", "sort", "rolle", "del", "rekke", "grad", "form",
      "art", "gruppe", "prosent", "flertall", "mindretall", "par", "million", "milliard", "tusen", "hundre",
      "dusin", "masse", "haug", "serie", "liste", "porsjon", "stykk", "sum", "mye", "tonn", "meter"};
  if (std::any_of(a.readings.begin(), a.readings.end(), [](const Reading& r) {
        return std::find(amounts.begin(), amounts.end(), r.lemma) != amounts.end();
      }))
    return false;
  const auto raw_a = c.worker.lookup(a.lower);
  const auto raw_b = c.worker.lookup(b.lower);
  if (i > 0 && lemma_in(s.words[i - 1], {"og", "eller", "som", "hvilken", "hvilket", "hvilke", "hva", "samt"})) return false;
  // Nouns in -ing, -het, -else, -sjon... join with a linking -s- ("utviklingshjelp"); a second part
  // that repeats the first is a correction ("kraft atomkraft").
  for (std::string_view suffix : {"ing", "het", "else", "sjon", "dom", "skap", "tet", "nad"})
    if (a.lower.ends_with(suffix)) return false;
  if (b.lower.ends_with(a.lower)) return false;
  // After an adjective or adverb with no determiner before it, the first noun belongs to a noun
  // phrase of its own ("offentlig transport", "veldig snile mennesker"); a genitive after a
  // determiner is one ("vårt samfunns verdier").
  if (i > 0 && !s.words[i - 1].punct) {
    const Word& prev = s.words[i - 1];
    const bool determiner_before = i > 1 && some(s.words[i - 2], [](const Reading& r) { return r.has("det"); });
    const bool adjective_before = surely_some(prev, [](const Reading& r) { return r.has("adj"); }) &&
                                  surely_none(prev, [](const Reading& r) { return r.has("pr") || r.has("det"); });
    // Unless the adjective cannot agree with the first noun: a plural or definite adjective before a
    // singular noun ("gode jobb muligheter").
    const bool agrees_with_first =
        some(prev, [](const Reading& r) { return r.has("adj") && r.has("sg") && r.has("ind"); }) ||
        std::any_of(raw_a.begin(), raw_a.end(), [](const Reading& r) { return r.has("pl"); });
    if ((adjective_before && !determiner_before && agrees_with_first) ||
        lemma_in(prev, {"veldig", "svært", "meget", "ganske", "litt", "mer", "mest", "mindre", "nokså", "temmelig",
                        "særdeles", "utrolig", "enda", "mye"}))
      return false;
    if (some(a, [](const Reading& r) { return r.has("gen"); }) &&
        surely_some(prev, [](const Reading& r) { return r.has("det") || r.has("prn") || r.has("adj"); }))
      return false;
  }
  const auto plain_noun = [](const std::vector<Reading>& rs, bool definite_too) {
    return !rs.empty() && std::all_of(rs.begin(), rs.end(), [&](const Reading& r) {
      if (r.has("vblex")) return r.has("imp");  // "buss" is also busse<imp>
      return r.has("n") && !r.compound && (definite_too || !r.has("def"));
    }) && std::any_of(rs.begin(), rs.end(), [](const Reading& r) { return r.has("n"); });
  };
  if (!plain_noun(raw_a, false) || !plain_noun(raw_b, false)) return false;
  return c.worker.spelled_right(a.lower + b.lower);
}

}  // namespace

// SPL: a compound written as two words, when the joined word is in the dictionary as a noun:
// "fotball banen" → "fotballbanen". Never the other way round.
void rule_split_compound(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& a = s.words[i];
    const Word& b = s.words[i + 1];
    if (a.punct || b.punct) continue;
    // A point of the compass written apart from a place: "nord Norge" → "Nord-Norge", "SørØst
    // Asia" → "Sørøst-Asia".
    if (b.capitalised && b.start == a.end + 1 && !b.unknown && b.text.find_first_of(" -") == std::string::npos &&
        every(b, [](const Reading& r) { return r.has("np"); }) && some(b, [](const Reading& r) { return r.has("top"); })) {
      static const std::vector<std::string_view> compass = {"nord", "sør", "øst", "vest", "nordøst", "nordvest", "sørøst", "sørvest"};
      if (std::find(compass.begin(), compass.end(), a.lower) != compass.end()) {
        const std::string joined = capitalise(a.lower) + "-" + b.text;
        if (c.worker.spelled_right(joined)) {
          c.add("split-compound", "SPL", a.start, b.end, {joined}, 0.8);  // before "Øst" → "øst"
          ++i;
          continue;
        }
      }
    }
    if (b.unknown || a.capitalised || b.capitalised) continue;
    if (has_digit(a.text) || has_digit(b.text) || count_code_points(b.text) < 2) continue;  // "100- års", "garderobe r"
    if (b.start != a.end + 1) continue;  // exactly one space between
    if (a.unknown) {
      // A compound's first part that is no word alone ("barne", "arbeids-" forms the analyser
      // lacks) before a noun it joins into a noun of the dictionary: "barne hage" → "barnehage".
      if (count_code_points(a.text) < 3 || a.text.find_first_of("-.'") != std::string::npos || !has_letter(a.text)) continue;
      if (!every(b, [](const Reading& r) { return r.has("n"); })) continue;
      const std::string joined = a.lower + b.lower;
      const auto readings = c.worker.lookup(joined);
      const bool noun = !readings.empty() && std::all_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("n"); });
      // Or a noun with a linking -e- or -s- ("barne", "svine"), where hunspell knows the compound.
      bool linked = false;
      if (readings.empty() && (a.lower.back() == 'e' || a.lower.back() == 's')) {
        const auto stem = c.worker.lookup(a.lower.substr(0, a.lower.size() - 1));
        linked = std::any_of(stem.begin(), stem.end(), [](const Reading& r) { return r.has("n") && !r.compound; });
      }
      if ((noun || linked) && c.worker.spelled_right(joined)) c.add("split-compound", "SPL", a.start, b.end, {joined}, 0.7);
      continue;
    }
    if (!every(a, [](const Reading& r) { return r.has("n") && r.has("sg") && r.has("ind"); })) continue;
    // "for kvinner", "å virke", "under taket", "femti år": a word that may be a preposition,
    // conjunction, infinitive marker or number is one before a noun, not a compound's first half
    // (checked on the dictionary's readings, so that such pairs do not make a CG-3 run).
    const bool function_word = some(a, [](const Reading& r) {
      return r.has("pr") || r.has("part") || r.has("cnjsub") || r.has("cnjcoo") || (r.has("det") && r.has("qnt"));
    });
    // Likewise, on raw readings, a word that may be an adjective or a determiner before a noun
    // ("høy status", "privat bil", "vår tid") is mostly that.
    const bool modifier = candidate_mode() && some(a, [](const Reading& r) { return r.has("adj") || r.has("det"); });
    if (!every(b, [](const Reading& r) { return r.has("n"); })) continue;
    const std::string joined = a.lower + b.lower;
    const auto readings = c.worker.lookup(joined);
    // A compound neither dictionary lists as a word counts when hunspell accepts it and both parts
    // are plain nouns of three letters or more ("buss tilbud" → "busstilbud").
    const bool listed = !readings.empty() &&
                        std::all_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("n") && !r.compound; });
    const bool open = !listed && readings.empty() && open_compound_written_apart(c, i);
    if (!listed && !open) continue;
    // "en flaske øl", "en kopp kaffe": a measure and what is measured.
    if (lemma_in(a, {"flaske", "kopp", "glass", "kilo", "liter", "boks", "pakke", "stykke", "bit", "skive", "tallerken", "kurv",
                     "pose", "eske", "bolle", "porsjon"}))
      continue;
    // "et annet menneske livet": an indefinite determiner before a cannot belong to a definite b.
    if (i > 0 && every(b, [](const Reading& r) { return r.has("def"); }) &&
        some(s.words[i - 1], [](const Reading& r) { return r.has("det") && (r.has("ind") || r.has("qnt")); }))
      continue;
    // "gir barn mat": two objects. Only verbs that take two do for a compound no dictionary lists,
    // and a time after an object is no compound's last part ("spiller fotball søndag").
    static const std::vector<std::string_view> two_objects = {
        "gi", "sende", "vise", "fortelle", "lære", "spørre", "love", "skaffe", "kjøpe", "lage", "selge", "tilby",
        "nekte", "bringe", "skylde", "koste", "ønske", "kalle", "gjøre", "bli", "være", "synes", "anse", "finne"};
    const auto verb_before = [&](const Reading& r) {
      return r.has("vblex") && (!open || std::find(two_objects.begin(), two_objects.end(), r.lemma) != two_objects.end());
    };
    if (i > 0 && surely_some(s.words[i - 1], verb_before) &&
        surely_none(s.words[i - 1], [](const Reading& r) { return r.has("det") || r.has("pr"); }))
      continue;
    if (open && lemma_in(b, {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "morgen", "kveld", "natt",
                             "dag", "uke", "helg", "år", "time", "gang", "ettermiddag", "formiddag", "høst", "vår", "vinter", "sommer"}))
      continue;
    if (function_word || modifier) c.widen_window(a.start, b.end);
    else c.add("split-compound", "SPL", a.start, b.end, {a.text + b.lower}, 0.7);
  }
}

// SPL: words Norwegian writes as one that learners write apart, where the context rules out the
// two words: "hver andre" not before a noun ("hver andre uke" is every other week) → "hverandre";
// "i steden" → "isteden"; "fram tiden" after a preposition → "framtiden"; "kjempe" before an
// adjective after a copula or a determiner ("er kjempe fint" → "kjempefint").
void rule_split_words(const RuleContext& c) {
  const auto& s = c.sentence;
  auto noun = [](const Reading& r) { return r.has("n"); };
  auto adjective = [](const Reading& r) { return r.has("adj"); };
  // The analyser reads "i steden" and "en hver" (an article cannot stand before "hver") as one word.
  for (const Word& w : s.words)
    if (w.lower == "i steden" || w.lower == "en hver" || w.lower == "et hvert") {
      std::string joined = w.lower;
      joined.erase(joined.find(' '), 1);
      c.add("split-compound", "SPL", w.start, w.end, {like(w, joined)}, 0.7);
    }
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& a = s.words[i];
    const Word& b = s.words[i + 1];
    if (a.punct || b.punct || b.start != a.end + 1) continue;
    const Word* prev = i > 0 && !s.words[i - 1].punct ? &s.words[i - 1] : nullptr;
    const Word* next = i + 2 < s.words.size() && !s.words[i + 2].punct ? &s.words[i + 2] : nullptr;
    std::string joined;
    if (a.lower == "hver" && b.lower == "andre" && !(next && surely_some(*next, noun))) {
      joined = "hverandre";
    } else if ((a.lower == "fram" || a.lower == "frem") && b.lower == "tiden" && prev &&
               lemma_in(*prev, {"i", "for", "om", "på", "til", "mot", "med", "inn", "ut"})) {
      joined = a.lower + "tiden";
    } else if (a.lower == "mellom" && b.lower == "tiden" && prev && prev->lower == "i") {
      joined = "mellomtiden";  // "i mellom tiden" → "i mellomtiden"
    } else if (a.lower == "kjempe" && prev &&
               lemma_in(*prev, {"er", "var", "være", "vært", "blir", "ble", "bli", "blitt", "en", "et", "ei", "så"}) &&
               every(b, adjective) && none(b, noun)) {
      joined = "kjempe" + b.lower;
    }
    // An adjective in its indefinite form cannot stand before a definite noun with no determiner:
    // "stor byen", "privat livet" are the compounds "storbyen", "privatlivet" written apart.
    if (joined.empty() && !a.capitalised && !b.capitalised && !a.unknown && !b.unknown &&
        every(a, [](const Reading& r) { return r.has("adj") && r.has("sg") && r.has("ind"); }) &&
        none(a, [](const Reading& r) { return r.has("n") || r.has("adv") || r.has("det") || r.has("pr") || r.has("vblex"); }) &&
        every(b, [](const Reading& r) { return r.has("n") && r.has("def"); }) &&
        !(prev && some(*prev, [](const Reading& r) { return r.has("det") || r.has("adj"); }))) {
      const std::string compound = a.lower + b.lower;
      const auto readings = c.worker.lookup(compound);
      if (!readings.empty() &&
          std::all_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("n") && !r.compound; }))
        joined = compound;
    }
    // A decade or century written apart from "-tallet": "på 80 tallet" → "80-tallet".
    if (joined.empty() && !a.text.empty() && a.text.find_first_not_of("0123456789") == std::string::npos &&
        a.text.size() <= 4 && lemma_in(b, {"tallet", "tallets"}))
      joined = a.text + "-" + b.lower;
    if (!joined.empty()) c.add("split-compound", "SPL", a.start, b.end, {like(a, joined)}, 0.7);
  }
}

// PART: expressions Norwegian writes as two words, written as one: "igår" → "i går", "stortsett"
// → "stort sett", "ihvertfall" → "i hvert fall".
namespace {
const std::vector<std::pair<std::string_view, std::string_view>>& written_apart_expressions() {
  static const std::vector<std::pair<std::string_view, std::string_view>> expressions = {
      {"igår", "i går"},          {"imorgen", "i morgen"},     {"iforgårs", "i forgårs"},
      {"iovermorgen", "i overmorgen"}, {"ihvertfall", "i hvert fall"}, {"stortsett", "stort sett"},
      {"iløpet", "i løpet"},      {"istand", "i stand"},       {"ifjor", "i fjor"},
      {"idag", "i dag"},          {"tilslutt", "til slutt"},   {"forlengst", "for lengst"},
      {"tilogmed", "til og med"}, {"avogtil", "av og til"},    {"iorden", "i orden"},
      {"ibruk", "i bruk"},        {"forsåvidt", "for så vidt"}, {"etterat", "etter at"},
      {"omigjen", "om igjen"},    {"tildels", "til dels"},     {"ialt", "i alt"},
      {"iforhold", "i forhold"},  {"iallefall", "i alle fall"}};
  return expressions;
}
}  // namespace

std::optional<std::string> rule_helpers::written_apart_form(const std::string& lower) {
  for (const auto& [written, apart] : written_apart_expressions())
    if (lower == written) return std::string(apart);
  return std::nullopt;
}

void rule_written_apart(const RuleContext& c) {
  const auto& words = c.sentence.words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.punct) continue;
    // "hverdag" (everyday life) with no determiner or adjective before it and no noun after it is
    // the adverbial "hver dag": "vi trener hverdag".
    if (w.lower == "hverdag") {
      const Word* prev = i > 0 && !words[i - 1].punct ? &words[i - 1] : nullptr;
      const Word* next = i + 1 < words.size() && !words[i + 1].punct ? &words[i + 1] : nullptr;
      const bool modified = prev && surely_some(*prev, [](const Reading& r) {
        return r.has("det") || r.has("adj") || r.has("gen") || r.has("pos") || r.has("num");
      });
      if (!modified && !(next && surely_some(*next, [](const Reading& r) { return r.has("n"); })))
        c.add("written-apart", "PART", w.start, w.end, {like(w, "hver dag")}, 0.7);
      continue;
    }
    if (const auto apart = written_apart_form(w.lower)) c.add("written-apart", "PART", w.start, w.end, {like(w, *apart)}, 0.75);
  }
}

// R: the same word twice in a row: "jeg jeg" → "jeg".
void rule_repeated_word(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& a = s.words[i];
    const Word& b = s.words[i + 1];
    if (a.punct || b.punct || a.lower != b.lower || has_digit(a.text)) continue;
    if (lemma_in(a, {"det", "den", "de", "som", "at", "der", "her", "så", "bare", "veldig", "mer", "mange", "lenge", "ha", "hadde"})) continue;
    c.add("repeated-word", "R", a.start, b.end, {b.text}, 0.8);
  }
}

}  // namespace voki::feedback
