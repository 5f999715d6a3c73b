// F: agreement inside the noun phrase, double definiteness, plural after numbers.
#include "feedback/rules/rule_helpers.h"

#include <array>

namespace voki::feedback {

using namespace rule_helpers;

namespace {
// An unknown compound's front part and the noun readings of its last part that pass `keep`:
// "generasjonsbolig" → "generasjons" + those of "bolig". The front part must be a word too (with
// or without a linking "s" or "e"); both parts have at least three letters, and the longest last
// part wins.
struct CompoundNoun {
  std::string front;
  std::vector<Reading> head;
};
template <typename P>
CompoundNoun compound_noun(Worker& worker, const std::string& lower, P keep) {
  for (std::size_t pos = 3; pos + 3 <= lower.size(); ++pos) {
    if ((static_cast<unsigned char>(lower[pos]) & 0xC0) == 0x80) continue;
    const std::string front = lower.substr(0, pos), head = lower.substr(pos);
    if (count_code_points(head) < 4) break;
    const auto all = worker.lookup(head);
    std::vector<Reading> nouns;
    for (const auto& r : all)
      if (r.has("n") && !r.has("gen") && !r.has("compound-only-L")) nouns.push_back(r);
    if (nouns.empty()) continue;
    const bool linked = (front.back() == 's' || front.back() == 'e') && !worker.lookup(front.substr(0, front.size() - 1)).empty();
    if (!linked && worker.lookup(front).empty()) continue;
    // Every noun reading of the last part must pass, or the compound is not taken.
    if (!std::all_of(nouns.begin(), nouns.end(), keep)) return {};
    return {front, nouns};
  }
  return {};
}
// The singular indefinite noun readings of an unknown compound's last part ("et generasjonsbolig").
std::vector<Reading> compound_head(Worker& worker, const std::string& lower) {
  for (std::size_t pos = 3; pos + 3 <= lower.size(); ++pos) {
    if ((static_cast<unsigned char>(lower[pos]) & 0xC0) == 0x80) continue;
    const std::string front = lower.substr(0, pos), head = lower.substr(pos);
    if (count_code_points(head) < 4) break;
    std::vector<Reading> nouns;
    for (auto& r : worker.lookup(head))
      if (r.has("n") && r.has("sg") && r.has("ind") && !r.has("gen") && !r.has("compound-only-L")) nouns.push_back(std::move(r));
    if (nouns.empty()) continue;
    const bool linked = (front.back() == 's' || front.back() == 'e') && !worker.lookup(front.substr(0, front.size() - 1)).empty();
    if (linked || !worker.lookup(front).empty()) return nouns;
  }
  return {};
}
// The compound with its last part's tags changed: "hjelpepleier" + pl → "hjelpepleiere".
template <typename C>
std::string regenerate_compound(Worker& worker, const Word& w, const CompoundNoun& compound, C change) {
  for (const auto& r : compound.head) {
    std::vector<std::string> tags = r.tags;
    change(tags);
    std::string analysis = r.lemma;
    for (const auto& t : tags) analysis += "<" + t + ">";
    if (auto form = worker.generate(analysis); form && to_lower(compound.front + *form) != w.lower) return like(w, compound.front + *form);
  }
  return {};
}
}  // namespace

// F: the article and adjective agree with the noun's gender and number: "et stor hus" → "et stort
// hus", "en hus" → "et hus", "to bil" → "to biler", "mange bil" → "mange biler".
void rule_agreement(const RuleContext& c) {
  const auto& s = c.sentence;
  // Masculine and feminine share "en" ("nyhet" is both): common gender.
  auto gender_of = [](const Reading& r) -> std::string {
    if (r.has("nt")) return "nt";
    if (r.has("m") || r.has("f")) return "mf";
    return "";
  };
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& det = s.words[i];
    const bool indef_article = (det.lower == "en" || det.lower == "et" || det.lower == "ei") &&
                               some(det, [](const Reading& r) { return r.has("det") && r.has("qnt"); });
    static const std::vector<std::string_view> plural_words = {"to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti",
                                                               "mange", "flere", "tolv", "tjue", "hundre"};
    const bool plural_det = std::find(plural_words.begin(), plural_words.end(), det.lower) != plural_words.end() ||
                            (has_digit(det.text) && det.text != "1" && det.text.find_first_not_of("0123456789") == std::string::npos);
    if (!indef_article && !plural_det) continue;
    // "på en måte", "en og en"; after "på" "et" is still the article ("på et sted").
    if (i > 0 && ((indef_article && s.words[i - 1].lower == "på" && det.lower != "et") || s.words[i - 1].lower == "en")) continue;
    if (plural_det && is_word(at(s, i + 1)) && lemma_in(s.words[i + 1], {"takk"})) continue;  // "mange takk", "tusen takk"
    std::size_t j = i + 1;
    const Word* adjective = nullptr;
    // "en stort problem": "stort" is also an adverb.
    if (j < s.words.size() && !s.words[j].punct && every(s.words[j], [](const Reading& r) { return r.has("adj") || r.has("adv"); }) &&
        some(s.words[j], [](const Reading& r) { return r.has("adj"); }) &&
        surely_none(s.words[j], [](const Reading& r) { return r.has("det") || r.has("num") || r.has("prn"); }))
      adjective = &s.words[j++];
    // "en annet spørsmål", "et annen måte": "annen/annet" already agrees with the noun; the
    // article does not.
    const Word* other = nullptr;
    if (!adjective && indef_article && j < s.words.size() && lemma_in(s.words[j], {"annen", "annet"}) &&
        every(s.words[j], [](const Reading& r) { return r.has("det") && r.lemma == "annen"; }))
      other = &s.words[j++];
    const Word* noun = at(s, j);
    // A compound the analyser does not know ("et generasjonsbolig") has its last part's gender.
    Word compound;
    if (indef_article && is_word(noun) && noun->unknown && !noun->capitalised && !has_digit(noun->text) &&
        noun->text.find('-') == std::string::npos) {
      compound = *noun;
      // "et høykvalitets sosialt liv": a first part before the phrase's own noun.
      const Word* next = at(s, j + 1);
      auto nominal = [](const Word* w) {
        return is_word(w) && some(*w, [](const Reading& r) { return r.has("adj") || r.has("n"); }) &&
               surely_none(*w, [](const Reading& r) { return r.has("pr"); });
      };
      if (nominal(next) && (nominal(at(s, j + 2)) || (is_word(next) && next->unknown))) continue;
      compound.readings = compound_head(c.worker, noun->lower);
      if (compound.readings.empty()) continue;
      compound.unknown = false;
      noun = &compound;
    }
    // "mange hjelpepleier": an unknown compound whose last part is a countable singular noun.
    CompoundNoun plural_compound;
    if (plural_det && is_word(noun) && noun->unknown && !noun->capitalised && !has_digit(noun->text) &&
        noun->text.find('-') == std::string::npos && !(is_word(at(s, j + 1)) && s.words[j + 1].unknown)) {
      plural_compound = compound_noun(c.worker, noun->lower, [](const Reading& r) {
        return r.has("sg") && r.has("ind") && !r.has("unc") && !r.has("sp");
      });
      if (!plural_compound.head.empty()) {
        auto form = regenerate_compound(c.worker, *noun, plural_compound, [](std::vector<std::string>& t) { replace_tag(t, {"sg"}, "pl"); });
        if (!form.empty()) c.add("plural-after-number", "F", noun->start, noun->end, {form}, 0.7);
      }
      continue;
    }
    // "et kultur- og naturbevisst land": a truncated compound ("kultur-") is not the head noun.
    if (!is_word(noun) || noun->unknown || !every(*noun, [](const Reading& r) { return r.has("n") && !r.has("cmp-split"); }))
      continue;
    const Word* after = at(s, j + 1);
    // "mange info. kilder": an abbreviation with its full stop inside the sentence.
    if (after && after->text == "." && is_word(at(s, j + 2)) && !s.words[j + 2].capitalised) continue;
    if (after && !after->punct && surely_some(*after, [](const Reading& r) { return r.has("n"); }) &&
        surely_none(*after, [](const Reading& r) { return r.has("vblex") || r.has("pr") || r.has("cnjcoo"); }))
      continue;  // the noun may be the first part of a split compound
    if (indef_article) {
      // "en stor sorgen": after the indefinite article the noun is indefinite (right after the
      // article the article-definite rule speaks). Only words the dictionary has as definite
      // nouns alone ("voksen" is also an adjective).
      if (every(*noun, [](const Reading& r) { return r.has("def") && !r.has("gen"); }) && !noun->capitalised) {
        if (!adjective) continue;
        const auto dictionary = c.worker.lookup(noun->lower);
        if (!dictionary.empty() && std::all_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
              // Besides the noun only a participle or past form ("huset", also huse<vblex><pp>).
              return r.has("compound-only-L") || (r.has("n") && r.has("def") && r.has("sg") && !r.has("gen")) ||
                     ((r.has("vblex") || r.has("adj")) && (r.has("pp") || r.has("pret")));
            })) {
          auto form = regenerate(c.worker, *noun, [](const Reading& r) { return r.has("def") && r.has("sg"); },
                                 [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
          if (!form.empty()) c.add("article-definite", "F", noun->start, noun->end, {form}, 0.7);
        }
        continue;
      }
      if (!every(*noun, [](const Reading& r) { return r.has("sg") && r.has("ind"); })) continue;
      const auto first_noun = std::find_if(noun->readings.begin(), noun->readings.end(),
                                           [](const Reading& r) { return r.has("n"); });
      if (first_noun == noun->readings.end()) continue;
      const std::string gender = gender_of(*first_noun);
      if (gender.empty() || !every(*noun, [&](const Reading& r) { return gender_of(r) == gender; })) continue;
      const bool article_fits = det.lower == "ei" ? some(*noun, [](const Reading& r) { return r.has("f"); })
                                                  : (det.lower == "et") == (gender == "nt");
      if (other && (other->lower == "annet") != (gender == "nt")) continue;
      if (!article_fits) {
        const std::string right = gender == "nt" ? "et" : "en";
        // On raw readings a noun of both genders ("en ting", "et kurs") keeps the one the article
        // asks for after CG-3: alone that is not worth a CG-3 run.
        const bool fitting_gender = candidate_mode() && some(*noun, [&](const Reading& r) {
          return r.has("n") && (det.lower == "ei" ? r.has("f") : (det.lower == "et") == (gender_of(r) == "nt") && !gender_of(r).empty());
        });
        if (fitting_gender) c.widen_window(det.start, det.end);
        else c.add("article-agreement", "F", det.start, det.end, {like(det, right)}, 0.7);
        continue;
      }
      if (adjective && gender == "nt" &&
          every(*adjective, [](const Reading& r) { return r.has("mf") && r.has("sg") && r.has("ind"); })) {
        auto form = regenerate(c.worker, *adjective, [](const Reading& r) { return r.has("mf"); },
                               [](std::vector<std::string>& t) { replace_tag(t, {"mf"}, "nt"); });
        if (!form.empty()) c.add("adjective-agreement", "F", adjective->start, adjective->end, {form}, 0.75);
      }
    } else {
      if (!every(*noun, [](const Reading& r) { return r.has("sg") && r.has("ind") && !r.has("sp"); })) continue;
      if (surely_some(*noun, [](const Reading& r) { return r.has("unc"); })) continue;
      if (det.lower == "noen" || det.lower == "mange" || det.lower == "flere") {
        // "noen/mange" + mass noun is fine only for uncountables we cannot see: require an -e/-er plural.
      }
      auto form = regenerate(c.worker, *noun, [](const Reading& r) { return r.has("sg"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"sg"}, "pl"); });
      // "to ganger" (gang, not the horse ganger): a noun that is also a plural agrees already; on
      // raw readings, so that such words do not make a CG-3 run (after CG-3 only the singular
      // readings checked above are left).
      const bool also_plural = some(*noun, [](const Reading& r) { return r.has("n") && r.has("pl"); });
      // Likewise a word that may be a preposition, the infinitive marker or a finite verb
      // ("mange i", "mange å", "flere kjøper") is mostly that.
      const bool other_word = candidate_mode() && some(*noun, [](const Reading& r) {
        return r.has("pr") || r.has("part") || (r.has("vblex") && (r.has("pres") || r.has("pret")));
      });
      if (!form.empty() && (also_plural || other_word)) c.widen_window(noun->start, noun->end);
      else if (!form.empty()) c.add("plural-after-number", "F", noun->start, noun->end, {form}, 0.7);
    }
  }
}

// F: double definiteness: "det store hus" → "det store huset"; a possessive before the noun takes
// the indefinite form: "min bilen" → "min bil".
void rule_definiteness(const RuleContext& c) {
  const auto& s = c.sentence;
  // "den store hus" without the noun's article is accepted formal style ("de olympiske leker"), so
  // only the possessive case is checked.
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& pos = s.words[i];
    // "hans", "hennes", "deres" also stand after their noun ("ga foreldrene hans bilen"): only
    // where no noun comes before them, and not the name "Hans" nor the formal "Deres".
    const bool third_person = lemma_in(pos, {"hans", "hennes", "deres"});
    if (third_person &&
        (pos.capitalised || (i > 0 && some(s.words[i - 1], [](const Reading& r) { return r.has("n") || r.has("np"); }))))
      continue;
    if (!third_person && !lemma_in(pos, {"min", "mitt", "mine", "din", "ditt", "dine", "vår", "vårt", "våre", "sin", "sitt", "sine"}))
      continue;
    // CG-3 may read a sentence-initial "Mine", "Dine", "Sine" otherwise (the noun "mine"): there
    // the dictionary's possessive decides, when a definite noun follows.
    const bool initial_plural = sentence_initial(s, i) && lemma_in(pos, {"mine", "dine", "sine"}) && [&] {
      const auto readings = c.worker.lookup(pos.lower);
      return std::any_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("pos"); });
    }();
    if (!initial_plural && !every(pos, [](const Reading& r) { return r.has("pos"); })) continue;
    const Word& noun = s.words[i + 1];
    // "vårt boligområdet": an unknown compound whose last part is definite.
    if (noun.unknown && !noun.punct && !noun.capitalised && !has_digit(noun.text) && noun.text.find('-') == std::string::npos) {
      const auto compound = compound_noun(c.worker, noun.lower, [](const Reading& r) { return r.has("def"); });
      if (compound.head.empty()) continue;
      auto form = regenerate_compound(c.worker, noun, compound, [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
      if (!form.empty()) c.add("possessive-definiteness", "F", noun.start, noun.end, {form}, 0.7);
      continue;
    }
    if (noun.unknown || !every(noun, [](const Reading& r) { return r.has("n") && r.has("def"); })) continue;
    auto form = regenerate(c.worker, noun, [](const Reading& r) { return r.has("def"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
    if (!form.empty()) c.add("possessive-definiteness", "F", noun.start, noun.end, {form}, 0.7);
  }
  // After a genitive an unknown compound whose last part is definite: "lærernes lønnskampen" →
  // "lønnskamp" (not after a measure: "en times kjøreturen" is the rule below's to leave).
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& owner = s.words[i];
    if (owner.punct || !every(owner, [](const Reading& r) { return (r.has("n") || r.has("np")) && r.has("gen"); })) continue;
    if (i > 0 && (lemma_in(s.words[i - 1], {"en", "ei", "et"}) || s.words[i - 1].any("num") || has_digit(s.words[i - 1].text)))
      continue;
    const Word& noun = s.words[i + 1];
    if (!noun.unknown || noun.punct || noun.capitalised || has_digit(noun.text) || noun.text.find('-') != std::string::npos) continue;
    const auto compound = compound_noun(c.worker, noun.lower, [](const Reading& r) { return r.has("def"); });
    if (compound.head.empty()) continue;
    auto form = regenerate_compound(c.worker, noun, compound, [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
    if (!form.empty()) c.add("genitive-definiteness", "F", noun.start, noun.end, {form}, 0.7);
  }
  // After the noun the possessive asks for its definite form: "romaner hans" → "romanene hans",
  // "samboer min" → "samboeren min". Not "mi", "di", "si" (also verbs: "kvinner si at"), nor when
  // a noun phrase follows ("barn deres egen ..."), nor after a determiner of the noun's own.
  for (std::size_t j = 0; j + 1 < s.words.size(); ++j) {
    const Word& noun = s.words[j];
    const Word& pos = s.words[j + 1];
    if (!lemma_in(pos, {"min", "mitt", "mine", "din", "ditt", "dine", "sin", "sitt", "sine", "vår", "vårt", "våre", "deres", "hans",
                        "hennes"}))
      continue;
    if (!every(pos, [](const Reading& r) { return r.has("pos") || r.has("np"); }) ||
        !some(pos, [](const Reading& r) { return r.has("pos"); }))
      continue;
    if (noun.punct || noun.unknown || has_digit(noun.text) || (noun.capitalised && j != first_word(s))) continue;
    if (!every(noun, [](const Reading& r) { return r.has("n") && r.has("ind") && !r.has("gen") && !r.has("cmp-split"); })) continue;
    const auto dictionary = c.worker.lookup(noun.lower);
    if (dictionary.empty() || std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
          return !r.has("n") || r.has("def") || r.has("unc") || r.has("compound-only-L");
        }))
      continue;
    const Word* next = at(s, j + 2);
    if (is_word(next) && some(*next, [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("det") || r.has("np"); }))
      continue;
    if (j > 0 && !s.words[j - 1].punct &&
        (some(s.words[j - 1], [](const Reading& r) { return r.has("det") || r.has("num") || r.has("gen"); }) ||
         lemma_in(s.words[j - 1], {"mange", "flere", "noen", "ingen", "alle", "hver", "hvert"})))
      continue;
    auto form = regenerate(c.worker, noun, [](const Reading& r) { return r.has("ind"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"ind"}, "def"); });
    if (!form.empty()) c.add("possessive-definiteness", "F", noun.start, noun.end, {form}, 0.7);
  }
}

// F: the article before an adjective and a noun CG-3 read as another adjective ("et liten runde":
// "runde" is also rund<adj><pl>; "en fint alternativ"): at the end of the phrase the last word is
// the noun, and its dictionary gender decides: "en" → "et", "et" → "en".
void rule_article_dictionary(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& det = s.words[i];
    if (!lemma_in(det, {"en", "et", "ei"}) || (i > 0 && lemma_in(s.words[i - 1], {"en", "et", "ei"}))) continue;
    // One or two adjectives ("fint", "liten"; "fint" is also an imperative).
    auto adjective = [&](const Word& w) {
      if (w.punct || w.unknown || has_digit(w.text)) return false;
      const auto readings = c.worker.lookup(w.lower);
      return std::any_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("adj") && !r.has("pp"); }) &&
             std::none_of(readings.begin(), readings.end(), [](const Reading& r) {
               // A definite noun cannot follow the indefinite article: "liten" is also lit<n><def>.
               return (r.has("n") && r.has("ind") && !r.has("compound-only-L") && !r.has("cmp")) || r.has("det") || r.has("prn") || r.has("num") ||
                      r.has("pr") || r.has("adv") || r.has("cnjcoo") || r.has("cnjsub");
             });
    };
    std::size_t j = i + 1;
    while (j < s.words.size() && j <= i + 2 && adjective(s.words[j])) ++j;
    if (j == i + 1) continue;
    const Word* noun = at(s, j);
    if (!is_word(noun) || noun->unknown || noun->capitalised || has_digit(noun->text)) continue;
    // The phrase ends after it: punctuation, or a word that is no noun or adjective.
    const Word* after = at(s, j + 1);
    if (is_word(after) && after->lower != "å") {  // "å" is also a noun (a brook)
      const auto next = c.worker.lookup(after->lower);
      if (after->unknown || next.empty() || std::any_of(next.begin(), next.end(), [](const Reading& r) {
            return (r.has("n") && !r.has("compound-only-L")) || r.has("adj") || r.has("np");
          }))
        continue;
    }
    std::vector<Reading> singular;
    for (auto& r : c.worker.lookup(noun->lower))
      if (r.has("n") && !r.has("compound-only-L") && !r.has("cmp") && r.has("sg") && r.has("ind") && !r.has("gen"))
        singular.push_back(std::move(r));
    if (singular.empty()) continue;
    const bool neuter = std::all_of(singular.begin(), singular.end(), [](const Reading& r) { return r.has("nt"); });
    const bool common = std::none_of(singular.begin(), singular.end(), [](const Reading& r) { return r.has("nt"); });
    const bool feminine = std::any_of(singular.begin(), singular.end(), [](const Reading& r) { return r.has("f"); });
    std::string form;
    if (neuter && det.lower != "et") form = "et";
    else if (common && det.lower == "et") form = "en";
    else if (common && det.lower == "ei" && !feminine) form = "en";
    if (!form.empty()) c.add("article-agreement", "F", det.start, det.end, {like(det, form)}, 0.7);
  }
}

namespace {
// The gender, number and definiteness an attributive adjective takes before this noun reading:
// "stor bil" mf/sg/ind, "stort hus" nt/sg/ind, "store biler" un/pl/ind, "den store bilen" un/sp/def.
std::array<std::string, 3> adjective_slot(const Reading& noun, bool definite_context) {
  if (definite_context) return {"un", "sp", "def"};
  if (noun.has("pl")) return {"un", "pl", "ind"};
  return {noun.has("nt") ? "nt" : "mf", "sg", "ind"};
}
bool adjective_fits(const Reading& adjective, const std::array<std::string, 3>& slot) {
  if (slot[2] == "def") return adjective.has("def");
  if (slot[1] == "pl") return adjective.has("pl") || adjective.has("sp");
  return adjective.has("sg") && adjective.has("ind") && (adjective.has(slot[0]) || adjective.has("un"));
}
// "dagens", "årets": genitives the analyser lists as adjectives.
bool genitive(const Word& w) {
  return w.any("gen") || lemma_in(w, {"dagens", "gårsdagens", "morgendagens", "årets", "fjorårets"});
}
// Adverbs of degree before an attributive adjective: "en veldig stor bil", "et mer åpent samfunn".
bool degree_adverb(const Word& w) {
  return lemma_in(w, {"veldig", "svært", "meget", "ganske", "mer", "mest", "helt", "litt", "så", "altfor", "nokså", "relativt",
                      "utrolig", "særlig", "spesielt", "ekstremt", "enormt", "temmelig"});
}
bool definite_determiner(const Word& w) {
  if (lemma_in(w, {"dagens", "gårsdagens", "morgendagens", "årets", "fjorårets"})) return true;
  if (lemma_in(w, {"min", "mitt", "mine", "din", "ditt", "dine", "vår", "vårt", "våre", "sin", "sitt", "sine", "hans",
                   "hennes", "deres"}))
    return every(w, [](const Reading& r) { return r.has("pos") || r.has("det"); });
  if (lemma_in(w, {"den", "det", "de", "denne", "dette", "disse"}))
    return every(w, [](const Reading& r) { return r.has("det") && !r.has("expl"); });
  return every(w, [](const Reading& r) { return (r.has("n") || r.has("np")) && r.has("gen"); });
}
}  // namespace

// F: an adjective after "noe" or "ingenting" without a noun takes the neuter: "noe ny" → "noe
// nytt", "ingenting spesiell" → "ingenting spesielt".
void rule_something_adjective(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    if (!lemma_in(s.words[i], {"noe", "ingenting", "noenting"})) continue;
    const Word& adjective = s.words[i + 1];
    if (adjective.punct || adjective.unknown || adjective.text.find(' ') != std::string::npos) continue;
    if (!every(adjective, [](const Reading& r) { return r.has("adj") && r.has("pst") && !r.compound; })) continue;
    // With a noun after it the adjective agrees with that noun ("noe god mat").
    const Word* next = at(s, i + 2);
    if (is_word(next) && !lemma_in(*next, {"og", "eller", "som", "å", "for", "med", "i", "på", "til", "enn", "at", "fra", "om"}))
      continue;
    const auto dictionary = c.worker.lookup(adjective.lower);
    if (dictionary.empty() || std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
          return !r.has("adj") || r.has("pp") || r.has("comp") || r.has("sup") || r.has("ord") ||
                 (r.has("sg") && r.has("ind") && (r.has("nt") || r.has("un")));
        }))
      continue;
    auto form = regenerate(c.worker, adjective, [](const Reading& r) { return r.has("adj"); },
                           [](std::vector<std::string>& t) {
                             replace_tag(t, {"mf", "un"}, "nt");
                             replace_tag(t, {"pl", "sp"}, "sg");
                             replace_tag(t, {"def"}, "ind");
                           });
    if (!form.empty()) c.add("adjective-agreement", "F", adjective.start, adjective.end, {form}, 0.7);
  }
}

namespace {
// "liten" has forms of its own (liten, lita, lite, lille, små), which the general rule leaves
// alone: "en lite gruppe" → "liten", "et små hus" → "lite", "min liten bror" → "lille", "mange
// liten barn" → "små". The noun's dictionary readings and the word before decide.
void small_adjective(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t a = 1; a + 1 < s.words.size(); ++a) {
    const Word& small = s.words[a];
    if (!lemma_in(small, {"liten", "lita", "lite", "lille", "små"})) continue;
    const Word& before = s.words[a - 1];
    const Word& noun = s.words[a + 1];
    if (before.punct || noun.punct || noun.unknown || noun.capitalised || has_digit(noun.text)) continue;
    std::vector<Reading> nouns;
    bool other = false;
    for (auto& r : c.worker.lookup(noun.lower)) {
      if (r.has("compound-only-L") || r.has("cmp")) continue;
      if (r.has("n") && !r.has("gen")) nouns.push_back(std::move(r));
      else if (!(r.has("vblex") && (r.has("inf") || r.has("imp")))) other = true;  // "hytte" is also a verb
    }
    if (other || nouns.empty()) continue;
    const Word* after = at(s, a + 2);
    if (is_word(after) && surely_some(*after, [](const Reading& r) { return r.has("n") || r.has("np"); }) &&
        surely_none(*after, [](const Reading& r) { return verb_any(r) || r.has("pr") || r.has("cnjcoo"); }))
      continue;
    auto all_nouns = [&](auto p) { return std::all_of(nouns.begin(), nouns.end(), p); };
    const bool singular_indefinite =
        std::any_of(nouns.begin(), nouns.end(), [](const Reading& r) { return r.has("sg") && r.has("ind"); }) &&
        all_nouns([](const Reading& r) { return r.has("ind"); });
    const auto before_readings = c.worker.lookup(before.lower);
    std::string tags;  // the form's gender, number and definiteness
    if (lemma_in(before, {"en", "ei"}) && singular_indefinite && all_nouns([](const Reading& r) { return !r.has("nt"); }))
      tags = before.lower == "ei" && std::any_of(nouns.begin(), nouns.end(), [](const Reading& r) { return r.has("f"); })
                 ? "<f><sg><ind>"
                 : "<mf><sg><ind>";
    else if (before.lower == "et" && singular_indefinite && all_nouns([](const Reading& r) { return r.has("nt"); }))
      tags = "<nt><sg><ind>";
    else if (lemma_in(before, {"min", "mitt", "din", "ditt", "sin", "sitt", "vår", "vårt", "hans", "hennes", "deres"}) &&
             all_nouns([](const Reading& r) { return r.has("sg"); }) &&
             std::any_of(before_readings.begin(), before_readings.end(), [](const Reading& r) { return r.has("pos") || r.has("det"); }))
      tags = "<un><sp><def>";
    // After "den", "det", "denne", "dette" only before a definite noun: "det er det liten tvil om".
    else if (lemma_in(before, {"den", "det", "denne", "dette"}) &&
             all_nouns([](const Reading& r) { return r.has("sg") && r.has("def"); }) &&
             std::any_of(before_readings.begin(), before_readings.end(), [](const Reading& r) { return r.has("pos") || r.has("det"); }))
      tags = "<un><sp><def>";
    else if (lemma_in(before, {"mange", "flere", "to", "tre", "fire", "fem", "noen", "alle", "de", "disse", "begge", "mine", "dine",
                               "sine", "våre"}) &&
             all_nouns([](const Reading& r) { return r.has("pl"); }))
      tags = "<un><pl><ind>";
    if (tags.empty()) continue;
    // The generator has no feminine form: "ei lita hytte".
    auto form = tags == "<f><sg><ind>" ? std::optional<std::string>("lita") : c.worker.generate("liten<adj><sint><pst>" + tags);
    if (!form || to_lower(*form) == small.lower) continue;
    // "lite" is also the adverb and quantifier: "min lite gode", "de lite penger de hadde".
    if (tags != "<nt><sg><ind>" && tags != "<mf><sg><ind>" && small.lower == "lite") continue;
    c.add("adjective-agreement", "F", small.start, small.end, {like(small, *form)}, 0.7);
  }
}
}  // namespace

// F: the adjective before a noun agrees with it: "en stort nyhet" → "en stor nyhet", "negative
// betydning" → "negativ betydning", "religiøs sanger" → "religiøse sanger", "min store interesse"
// keeps "store"; and after a genitive the noun is indefinite: "dagens samfunnet" → "dagens samfunn".
void rule_noun_phrase(const RuleContext& c) {
  small_adjective(c);
  const auto& s = c.sentence;
  // After "den/det/de" the superlative takes its definite form: "det best landet" → "beste",
  // "Det viktigst er ..." → "viktigste". Before a definite noun, or at the start of the sentence
  // or after a comma before "er/var" (the adjective used as a noun); not "det best å bo", "som har
  // det best", and not "mest/minst/flest" (adverbs or the quantifier's own forms).
  for (std::size_t i = 0; i + 2 < s.words.size(); ++i) {
    const Word& det = s.words[i];
    if (!lemma_in(det, {"den", "det", "de"})) continue;
    const Word& adjective = s.words[i + 1];
    const Word& next = s.words[i + 2];
    if (adjective.punct || adjective.unknown || lemma_in(adjective, {"mest", "minst", "flest", "færrest"})) continue;
    if (!some(adjective, [](const Reading& r) { return r.has("adj") && r.has("sup") && r.has("ind"); }) ||
        !every(adjective, [](const Reading& r) { return (r.has("adj") && r.has("sup") && r.has("ind")) || r.has("n") || r.has("adj"); }))
      continue;
    const bool before_noun = !next.punct && !next.unknown && every(next, [](const Reading& r) { return r.has("n") && r.has("def") && !r.has("gen"); });
    const bool as_noun = (i == first_word(s) || s.words[i - 1].text == ",") && lemma_in(next, {"er", "var"});
    if (!before_noun && !as_noun) continue;
    auto form = regenerate(c.worker, adjective, [](const Reading& r) { return r.has("adj") && r.has("sup") && r.has("ind"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"ind"}, "def"); });
    if (!form.empty()) c.add("adjective-agreement", "F", adjective.start, adjective.end, {form}, 0.7);
  }
  // Words that inflect in their own way or are not plain attributive adjectives here.
  static const std::vector<std::string_view> special = {
      "hel", "halv", "første", "andre", "annen", "siste", "neste", "samme", "eneste", "egen", "all", "liten",
      "mye", "mange", "få", "noen", "ingen", "hver", "flere", "fler", "dagens", "gårsdagens", "morgendagens"};
  for (std::size_t j = 1; j < s.words.size(); ++j) {
    const Word& noun = s.words[j];
    if (noun.punct || noun.unknown || (noun.capitalised && j != first_word(s))) continue;
    if (!every(noun, [](const Reading& r) { return r.has("n") && !r.has("gen"); })) continue;
    const Word* after = at(s, j + 1);
    if (after && !after->punct && surely_some(*after, [](const Reading& r) { return r.has("n"); }) &&
        surely_none(*after, [](const Reading& r) { return r.has("vblex") || r.has("pr") || r.has("cnjcoo"); }))
      continue;  // the noun may be the first part of a split compound
    // The adjectives right before the noun (at most two), then what stands before them.
    std::size_t k = j;
    // Adjective readings (an adverb reading may stand beside them: "stort"); a word that can be a
    // determiner or number ("mange", "en") is never taken for one, even before CG-3.
    auto attributive = [](const Word& w) {
      return !w.punct && !genitive(w) &&
             every(w, [](const Reading& r) { return (r.has("adj") && !r.has("comp")) || r.has("adv"); }) &&
             some(w, [](const Reading& r) { return r.has("adj"); }) &&
             surely_none(w, [](const Reading& r) { return r.has("det") || r.has("num") || r.has("prn"); });
    };
    while (k > 0 && j - k < 2 && attributive(s.words[k - 1])) --k;
    // "en veldig travelt by": a degree adverb between the article and the adjective (CG-3 may
    // have removed the adjective reading of "veldig").
    if (k < j && k > 1 && degree_adverb(s.words[k - 1])) --k;
    if (k == 0) continue;
    const Word& before = s.words[k - 1];
    bool definite = definite_determiner(before);
    if (k == j && !(definite && genitive(before))) continue;
    // "en times fysisk aktivitet": a genitive of measure after an article keeps the indefinite.
    // "100- års alderen": the genitive ends a compound split at a hyphen.
    if (definite && genitive(before) && k >= 2 &&
        (lemma_in(s.words[k - 2], {"en", "ei", "et"}) || s.words[k - 2].any("num") || s.words[k - 2].any("cmp-split")))
      continue;
    // "den", "det" and "de" are also pronouns ("gjorde den stort inntrykk", "er det stor press"):
    // as determiners they share the noun's gender and number, and the noun is definite.
    if (definite && lemma_in(before, {"den", "det", "de", "denne", "dette", "disse"})) {
      const bool plural = lemma_in(before, {"de", "disse"}), neuter = lemma_in(before, {"det", "dette"});
      if (!every(noun, [&](const Reading& r) {
            return r.has("def") && (plural ? r.has("pl") : r.has("sg") && (neuter ? r.has("nt") : !r.has("nt")));
          }))
        continue;
    }
    // After a verb an adjective may be an adverb ("snakker godt norsk"); after "og" the phrase
    // began earlier ("barnas mentale og fysiske utvikling").
    const bool indefinite_start =
        lemma_in(before, {"en", "ei", "et"}) || before.any("pr") || before.any("num") || before.any("cnjsub") ||
        lemma_in(before, {"mange", "flere", "noen", "ingen", "alle", "to", "tre", "fire"});
    // Right after a verb only adjectives that can never be adverbs: "innebærer stor ansvar" →
    // "stort", "treffe ny venner" → "nye"; not "snakker godt norsk" (a -t form), "kom sent hjem".
    // "har veldig strengt regler": a degree adverb may stand before the adjective.
    const std::size_t first_adjective = k + 1 < j && degree_adverb(s.words[k]) ? k + 1 : k;
    const bool after_verb =
        !definite && !indefinite_start && first_adjective + 1 == j && surely_some(before, verb_any) &&
        !lemma_in(s.words[first_adjective], {"forskjellige", "ulike", "enkelte", "diverse"}) &&
        surely_none(before, [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("pr"); }) &&
        [&] {
          const auto readings = c.worker.lookup(s.words[first_adjective].lower);
          return !readings.empty() && std::none_of(readings.begin(), readings.end(), [](const Reading& r) {
            return r.has("adv") || verb_any(r) || r.has("n") || r.has("det") || r.has("prn") || r.has("pr") ||
                   (r.has("adj") && r.has("nt") && r.has("sg") && r.has("ind")) || r.has("ord") || r.has("comp") || r.has("sup");
          });
        }();
    if (!definite && !indefinite_start && !after_verb) continue;
    // "mange norske bil", "alle nye elev": after a plural quantifier the noun's number is wrong,
    // not the plural adjective (the plural rules say so).
    if (!definite &&
        (lemma_in(before, {"mange", "flere", "alle", "begge", "to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti",
                           "andre", "forskjellige", "ulike", "samtlige", "de fleste"}) ||
         (has_digit(before.text) && before.text != "1")) &&
        std::all_of(s.words.begin() + static_cast<std::ptrdiff_t>(k), s.words.begin() + static_cast<std::ptrdiff_t>(j),
                    [](const Word& a) { return some(a, [](const Reading& r) { return r.has("adj") && (r.has("pl") || r.has("sp")); }); }))
      continue;
    if (definite && every(noun, [](const Reading& r) { return r.has("def"); }) &&
        genitive(before)) {
      auto form = regenerate(c.worker, noun, [](const Reading& r) { return r.has("def"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
      // "mens jentene", "hos mannen": a word that may be a conjunction or a preposition is mostly
      // one (men<n><gen> is rare); on raw readings that alone is not worth a CG-3 run.
      if (!form.empty() && candidate_mode() &&
          some(before, [](const Reading& r) { return r.has("cnjsub") || r.has("cnjcoo") || r.has("pr"); }))
        c.widen_window(noun.start, noun.end);
      else if (!form.empty()) c.add("genitive-definiteness", "F", noun.start, noun.end, {form}, 0.7);
      continue;
    }
    if (!definite && !every(noun, [](const Reading& r) { return r.has("ind"); })) continue;
    // One slot the noun's readings agree on (before CG-3: any slot may make a candidate).
    std::vector<std::array<std::string, 3>> slots;
    for (const auto& r : noun.readings)
      if (r.has("n")) {
        auto slot = adjective_slot(r, definite);
        if (std::find(slots.begin(), slots.end(), slot) == slots.end()) slots.push_back(slot);
      }
    if (slots.empty() || (!candidate_mode() && slots.size() > 1)) continue;
    // CG-3 sometimes keeps the wrong homonym ("sider": cider, not sides): any reading the
    // dictionary has for the noun that the adjective fits is enough to stay silent.
    const auto dictionary = c.worker.lookup(noun.lower);
    for (std::size_t a = k; a < j; ++a) {
      const Word& adjective = s.words[a];
      // The first of two adjectives may be an adverb: "spesifikt norske", "relativt god", "veldig få".
      if (a + 1 < j && (degree_adverb(adjective) ||
                        some(adjective, [](const Reading& r) { return r.has("nt") && r.has("sg") && r.has("ind"); })))
        continue;
      if (adjective.unknown || std::any_of(adjective.readings.begin(), adjective.readings.end(), [&](const Reading& r) {
            return std::find(special.begin(), special.end(), r.lemma) != special.end() || r.compound;
          }))
        break;
      const auto& slot = slots.front();
      if (std::any_of(slots.begin(), slots.end(), [&](const auto& sl) {
            return some(adjective, [&](const Reading& r) { return adjective_fits(r, sl); });
          }))
        continue;
      if (std::any_of(dictionary.begin(), dictionary.end(), [&](const Reading& n) {
            return n.has("n") && some(adjective, [&](const Reading& r) { return adjective_fits(r, adjective_slot(n, definite)); });
          }))
        continue;
      auto form = regenerate(c.worker, adjective, [](const Reading& r) { return r.has("adj"); },
                             [&](std::vector<std::string>& t) {
                               replace_tag(t, {"mf", "nt", "un"}, slot[0]);
                               replace_tag(t, {"sg", "pl", "sp"}, slot[1]);
                               replace_tag(t, {"ind", "def"}, slot[2]);
                             });
      if (!form.empty()) c.add("adjective-agreement", "F", adjective.start, adjective.end, {form}, 0.7);
      break;
    }
  }
}

}  // namespace voki::feedback

namespace voki::feedback {

using namespace rule_helpers;

// F: a definite noun after adjectives that cannot go with it: "jevn fordelingen" → "jevn
// fordeling", "stor erfaringen" → "erfaring" (adjective-definiteness); after the indefinite article
// and more than one word ("en veldig fin ferien", "et fint og brunt ansiktet" → article-definite);
// after a possessive and adjectives ("sin egen hverdagen", "mitt private livet" →
// possessive-definiteness). Only for words the dictionary has as definite nouns alone, and for
// adjectives that are nothing else ("godt" is also an adverb: "kjenner godt byen"; "verdt prisen"
// takes an object).
void rule_strong_adjective_definite(const RuleContext& c) {
  const auto& s = c.sentence;
  // Away from the noun a -t form that is also an adverb is the adjective too ("et stort, gammelt").
  auto pure_adjective = [&](const Word& w, bool next_to_noun = true) {
    if (w.punct || w.unknown || has_digit(w.text) || w.text.find(' ') != std::string::npos) return false;
    if (lemma_in(w, {"verdt", "lik", "likt", "like", "nær", "hel", "helt", "hele", "halv", "halvt", "all", "alt", "alle", "mye",
                     "samme", "slik", "slikt", "slike", "sånn", "sånt", "sånne", "neste", "siste", "forrige", "første"}))
      return false;
    const bool own = lemma_in(w, {"egen", "eget", "egne"});
    if (!own && !every(w, [&](const Reading& r) {
          return (r.has("adj") && !r.compound) || (r.has("vblex") && r.has("imp")) || (!next_to_noun && r.has("adv"));
        }))
      return false;
    const auto readings = c.worker.lookup(w.lower);
    return !readings.empty() && std::all_of(readings.begin(), readings.end(), [&](const Reading& r) {
      if (r.has("compound-only-L")) return true;
      // An imperative ("jevn", also jevne<vblex><imp>) does not stand before a definite noun.
      if (r.has("vblex") && r.has("imp")) return true;
      if (!next_to_noun && r.has("adv")) return true;
      if (own) return r.has("det") || r.has("adj");
      return r.has("adj") && !r.has("pp") && !r.has("ord");
    });
  };
  auto strong_singular = [&](const Word& w) {
    const auto readings = c.worker.lookup(w.lower);
    return lemma_in(w, {"egen", "eget"}) || std::all_of(readings.begin(), readings.end(), [](const Reading& r) {
             return r.has("compound-only-L") || (r.has("vblex") && r.has("imp")) ||
                    (r.has("sg") && r.has("ind") && !r.has("comp") && !r.has("sup"));
           });
  };
  auto degree = [](const Word& w) {
    return lemma_in(w, {"veldig", "svært", "meget", "ganske", "helt", "så", "altfor", "nokså", "relativt", "mer", "mest", "litt",
                        "ekstremt", "utrolig", "enormt", "særlig", "spesielt", "nesten"});
  };
  for (std::size_t j = 1; j < s.words.size(); ++j) {
    const Word& noun = s.words[j];
    if (noun.punct || noun.unknown || has_digit(noun.text) || noun.capitalised) continue;
    if (!every(noun, [](const Reading& r) { return r.has("n") && r.has("def") && !r.has("gen"); })) continue;
    const auto noun_readings = c.worker.lookup(noun.lower);
    // Besides the noun only a participle or past form ("livet", also live<vblex><pp>), which
    // cannot follow the adjectives.
    if (noun_readings.empty() || std::any_of(noun_readings.begin(), noun_readings.end(), [](const Reading& r) {
          return !r.has("compound-only-L") && !(r.has("n") && r.has("def") && !r.has("gen")) &&
                 !((r.has("vblex") || r.has("adj")) && (r.has("pp") || r.has("pret")));
        }))
      continue;
    const bool plural = std::all_of(noun_readings.begin(), noun_readings.end(), [](const Reading& r) {
      return r.has("compound-only-L") || !r.has("n") || r.has("pl");
    });
    // A noun after it: the definite word is the first part of a split compound.
    const Word* after = at(s, j + 1);
    if (is_word(after) && surely_some(*after, [](const Reading& r) { return r.has("n") || r.has("np"); }) &&
        surely_none(*after, [](const Reading& r) { return verb_any(r) || r.has("pr") || r.has("cnjcoo"); }))
      continue;
    // The adjectives before the noun: "fint og brunt", "godt, koselig, trygt", with degree adverbs.
    std::size_t k = j, adjectives = 0;
    bool words_between = false;  // more than one adjective, or a degree adverb
    while (k > 0) {
      const Word& w = s.words[k - 1];
      if (pure_adjective(w, k == j)) ++adjectives;
      else if (adjectives > 0 && degree(w)) words_between = true;
      else if (adjectives > 0 && (w.text == "," || w.lower == "og") && k >= 2 && pure_adjective(s.words[k - 2], false))
        words_between = true;
      else break;
      --k;
    }
    if (adjectives == 0) continue;
    if (adjectives > 1) words_between = true;
    const Word* before = k > 0 ? &s.words[k - 1] : nullptr;
    // A candidate spans the whole phrase, so that CG-3 reads it all.
    const std::size_t from = candidate_mode() && before ? before->start : noun.start;
    if (is_word(before) && lemma_in(*before, {"en", "ei", "et"})) {  // before adjectives the article, whatever CG-3 read
      // Right after the article and one adjective the article rule speaks.
      if (!words_between || plural) continue;
      auto form = regenerate(c.worker, noun, [](const Reading& r) { return r.has("def"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
      if (!form.empty()) c.add("article-definite", "F", from, noun.end, {form}, 0.7);
      continue;
    }
    if (is_word(before) &&
        lemma_in(*before, {"min", "mitt", "mine", "din", "ditt", "dine", "sin", "sitt", "sine", "vår", "vårt", "våre"}) &&
        // On dictionary readings: CG-3 reads a sentence-initial "Vår" as an imperative.
        [&] {
          const auto readings = c.worker.lookup(before->lower);
          return std::any_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("pos"); });
        }()) {
      if (before->lower == "vår" && k >= 2 && lemma_in(s.words[k - 2], {"i", "hver", "neste", "forrige", "denne", "hele"}))
        continue;  // "i vår": this spring
      auto form = regenerate(c.worker, noun, [](const Reading& r) { return r.has("def"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
      if (!form.empty()) c.add("possessive-definiteness", "F", from, noun.end, {form}, 0.7);
      continue;
    }
    // No article, determiner or possessive: the adjective right before the noun must be strong and
    // singular, and the noun singular ("gode mulighetene" may lack "de").
    if (plural || !strong_singular(s.words[j - 1])) continue;
    // "stor byen", "privat livet": a compound written apart is the split-compound rule's.
    if (const auto joined = c.worker.lookup(s.words[j - 1].lower + noun.lower);
        !joined.empty() && std::all_of(joined.begin(), joined.end(), [](const Reading& r) { return r.has("n") && !r.compound; }))
      continue;
    if (is_word(before) &&
        (before->unknown || surely_some(*before, [](const Reading& r) {
           return r.has("det") || r.has("num") || r.has("gen") || r.has("adj") || r.has("prn") || r.has("n") || r.has("np");
         }) ||
         lemma_in(*before, {"den", "det", "de", "denne", "dette", "disse", "hvilken", "hvilket", "hvilke", "hans", "hennes", "deres"}) ||
         // A fronted predicative: "hvor viktig familien er", "så stor byen er".
         lemma_in(*before, {"hvor", "så", "hvordan", "uansett"}) ||
         // After a copula the adjective is predicative: "være fornøyd framtiden" lacks "med".
         surely_some(*before, [](const Reading& r) { return r.has("vblex") && (r.lemma == "være" || r.lemma == "bli"); })))
      continue;
    auto form = regenerate(c.worker, noun, [](const Reading& r) { return r.has("def"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
    if (!form.empty()) c.add("adjective-definiteness", "F", from, noun.end, {form}, 0.7);
  }
}

}  // namespace voki::feedback
