// ORT spelling: misspellings that look like compounds, learner-typical suggestions, and the valid
// compounds, derived adjectives and names that stay quiet.
#include "rules/rule_test_util.h"

namespace {

using namespace voki::feedback::testing;

// Each of these splits into two words the analyser knows ("ven|skap", "kle|skapet"), but a
// dictionary word is one learner-typical edit away: the misspelling is the likelier reading.
TEST(SpellingCompounds, MisspellingsThatSplitIntoWordsAreFlagged) {
  expect_finding("Vi har et godt venskap.", "spelling", "vennskap");
  expect_finding("Jakken henger i kleskapet.", "spelling", "klesskapet");
  expect_finding("Vi bestilte en flyreisse.", "spelling", "flyreise");
  expect_finding("Vi må ta vare på miljøet og natturen.", "spelling", "naturen");
  expect_finding("Vi kjøpte en ny vaskmaskin.", "spelling", "vaskemaskin");
}

// Compounds of known words with no dictionary word close by: three parts, a short last part, an
// adjective as the last part.
TEST(SpellingCompounds, NewCompoundsOfKnownWordsAreAccepted) {
  expect_clean("Byen har mange sykkelparkeringsplasser.");
  expect_clean("Jeg har et aktivt kulturliv.");
  expect_clean("Han ble sjøsyk på båten.");
  expect_clean("Han drakk en kafekopp med melk.");
}

// u- and (for adjectives of Latin origin) in- make new adjectives; the base one edit away does not
// make them misspellings.
TEST(SpellingForms, NeuterOfAdjectivesInSk) {
  expect_clean("Det var et groteskt syn.");
  expect_finding("Det var et typiskt syn.", "spelling", "typisk");
}

TEST(SpellingCompounds, NegatedAdjectivesAreAccepted) {
  expect_clean("Det er et uromantisk og ufotogent sted.");
  expect_clean("Det var helt inakseptabelt.");
  expect_finding("Han var veldig uheldigg.", "spelling", "uheldig");
}

TEST(SpellingSuggestions, LearnerTypicalEditsComeFirst) {
  expect_finding("Han jobber som sykepleir.", "spelling", "sykepleier");  // a dropped silent e
  expect_finding("Jeg liker skjokolade veldig godt.", "spelling", "sjokolade");  // skj for sj
  expect_finding("Hun har mange venniner.", "spelling", "venninner");  // a single consonant
  expect_finding("Vi spiste frokost på kjøkenet.", "spelling", "kjøkkenet");
}

TEST(SpellingSuggestions, TwoEditsForLongerWordsAtTheStart) {
  expect_finding("Vanlivis spiser vi klokka fem.", "spelling", "Vanligvis");
  expect_finding("Selvfølglig kommer jeg.", "spelling", "Selvfølgelig");
  // A short capitalised word two edits from a dictionary word is more likely a name.
  expect_clean("Kvarnobel er en figur i en gammel fortelling.");
}

// Hunspell's compounding accepts these, but the analyser knows no such word and one consonant
// doubled or undoubled gives a dictionary word.
TEST(SpellingCompounds, HunspellCompoundsOneDoublingFromAWord) {
  expect_finding("Vi vil overaske henne med en kake.", "spelling", "overraske");  // over|aske
  expect_clean("Han studerer rettssikkerhet ved universitetet.");
  expect_clean("Hun bar en annens sekk.");
}

// A quoted word may be a title or a foreign word; a small letter word one learner-typical edit from
// a dictionary word is still a misspelling.
TEST(SpellingQuotes, QuotedMisspellingsOneTypicalEditAway) {
  expect_finding("Han sa at maten var \"fanntastisk\" i går.", "spelling", "fantastisk");
  expect_clean("Boka heter \"Tullemor\" og er morsom.");
  expect_clean("De hilser med en \"wai\" når de møtes.");
}

TEST(SpellingNames, WordsOfANameOrTitleStayQuiet) {
  expect_clean("Zorbo Kwanta er en kjent figur.");
  expect_clean("Vi møtte Zirka Mbeki i går.");
  expect_clean("Hun så filmen Dark wintr på kino.");
  // Next to a name the analyser knows, a misspelt word is still a misspelling.
  expect_finding("Han bor i Bergen ellr Oslo.", "spelling", "eller");
}

// Hunspell accepts these (its compounding or its rare words), the analyser does not know them, and
// a dictionary word is one letter or sound longer: the misspelling is the likelier reading.
TEST(SpellingHunspellOnly, LetterOrSoundShortOfADictionaryWordIsFlagged) {
  expect_finding("Vi var ikke fornøy med maten.", "spelling", "fornøyd");
  expect_finding("Vi gikk til mosken på fredag.", "spelling", "moskeen");
  expect_finding("Prisen er maximalt hundre kroner.", "spelling", "maksimalt");
  expect_finding("Hun tegnet et fint bild av huset.", "spelling", "bilde");
}

// Compounds of known words, genitives and words one letter longer than a dictionary word stay
// quiet: a letter too many is seldom the learner's error.
TEST(SpellingHunspellOnly, CompoundsAndLongerWordsAreAccepted) {
  expect_clean("Jeg fant nummeret i en gammel telefonbok.");
  expect_clean("Han satt foran skjermen i timesvis.");
  expect_clean("Livet kan bety så mangt.");
}

// Two words side by side that the analyser does not know are a phrase in another language, even
// when hunspell accepts one of them.
TEST(SpellingForeign, ForeignPhraseIsLeftAlone) {
  expect_no_rule("Hun danser street dance hver uke.", "spelling");
}

// A particle joined to a verb makes a verb the dictionaries need not list.
TEST(SpellingCompounds, ParticleVerbsAreAccepted) {
  expect_clean("Kroppen kan avstøte det nye organet.");
  expect_finding("Vi må ta vare på miljøet og natturen.", "spelling", "naturen");
}

// Places spelt as in another language or misspelt, one edit from the Norwegian name; not persons'
// names, which stand beside other names.
TEST(SpellingPlaces, PlaceNamesOneEditFromANorwegianNameAreFlagged) {
  expect_finding("Hun kommer fra Iraq og bor nå i Bergen.", "spelling", "Irak");
  expect_finding("Vi reiste til Rome i fjor.", "spelling", "Roma");
  expect_finding("Vi besøkte Tyrkie i sommer.", "spelling", "Tyrkia");
  expect_no_rule("Boka er skrevet av Anne Karin Eldstad.", "spelling");
}

// Titles that are definite nouns written with a capital ("Bibelen"), misspelt.
TEST(SpellingPlaces, TitlesOneEditFromADefiniteNounAreFlagged) {
  expect_finding("Han leste i Bibilen hver kveld.", "spelling", "Bibelen");
  expect_no_rule("Han leste i Bibelen hver kveld.", "spelling");
  // A common word opening the sentence is no name beside it.
  expect_finding("I Bibilen finnes mange fortellinger.", "spelling", "Bibelen");
  expect_finding("Om Rome vet jeg lite.", "spelling", "Roma");
  expect_no_rule("Eldstad Tyrkie er et navn.", "spelling");
}

// A compound hunspell rejects, of a known first part and a last part one doubled or undoubled
// consonant from a dictionary word; a first part in -else, -het, -ing... without its linking -s-.
// Not when the edit would fall at the joint or another split makes the word.
TEST(SpellingCompounds, MisspeltLastPartsAndMissingLinkingS) {
  expect_finding("Vi hadde et langt strømbrud i går.", "spelling", "strømbrudd");
  expect_finding("Hun har et fast ansettelseforhold.", "spelling", "ansettelsesforhold");
  expect_finding("Det er stressfult å pendle hver dag.", "spelling", "stressfullt");
  expect_no_rule("Katten spiste alle fiskerestene.", "spelling");
  expect_no_rule("Kommunen har et introduksjonssenter for nye innbyggere.", "spelling");
}

// A short unknown first part before a dictionary word is an acronym written small: hunspell's
// compounds with another first part are no suggestion.
TEST(SpellingCompounds, AcronymFirstPartsAreAccepted) {
  expect_no_rule("Jeg må kjøpe et nytt simkort til telefonen.", "spelling");
  expect_finding("Hun har en av topstillingene i firmaet.", "spelling", "toppstillingene");
}

// Words between backticks or acute accents used as quotation marks are treated as quoted.
TEST(SpellingForeign, BacktickQuotesCountAsQuotes) {
  expect_no_rule("De kalte oss `snillinger´ den gangen.", "spelling");
}

// English thousands separators; Norwegian decimals stay.
TEST(SpellingNumbers, CommaBetweenThousandsIsFlagged) {
  expect_finding("Byen har nesten 57,000 innbyggere.", "spelling", "57 000");
  expect_finding("Prosjektet kostet 2,000,000 kroner.", "spelling", "2 000 000");
  expect_no_rule("Brusen koster 2,50 kroner.", "spelling");
  expect_no_rule("Pi er omtrent 3,142.", "spelling");
}

// Abbreviations written with inner full stops where Norwegian has none, and "f.eks." without them.
TEST(SpellingAbbreviations, StandardFormsAreSuggested) {
  expect_finding("Vi kjøpte epler, pærer o.s.v. på torget.", "spelling", "osv");
  expect_finding("Vi trenger mer tid, d.v.s. to uker til.", "spelling", "dvs");
  expect_finding("Han liker ballspill, feks fotball og håndball.", "spelling", "f.eks.");
  expect_no_rule("Vi kjøpte epler, pærer osv. på torget.", "spelling");
  expect_no_rule("Han kom for sent p.g.a. været.", "spelling");
}

// A place after a point of the compass takes a hyphen: "Vest-Tyskland"; names of their own stay.
TEST(SpellingPlaces, CompassPointBeforeAPlaceTakesAHyphen) {
  expect_finding("Han har bodd i Sørafrika i mange år.", "spelling", "Sør-Afrika");
  expect_finding("Familien kom fra Vesttyskland.", "spelling", "Vest-Tyskland");
  expect_no_rule("Hun har hytte på Vestlandet.", "spelling");
  expect_no_rule("Han kommer fra Nordland.", "spelling");
}

// A number joined to a word needs a hyphen or a space; units and correct hyphenations stay.
TEST(SpellingNumbers, NumberJoinedToAWord) {
  expect_finding("Mange 9åringer spiller fotball.", "spelling", "9-åringer");
  expect_no_rule("Vi løp 10km i går.", "spelling");
  expect_no_rule("Det skjedde på 1980-tallet.", "spelling");
  expect_no_rule("Mange 9-åringer spiller fotball.", "spelling");
}

TEST(SpellingCompounds, TwoNounsBesideACompoundWithAnotherNoun) {
  // "snø|hattene" keeps both nouns; "snøhyttene" is a vowel away but another word.
  expect_no_rule("Snøhattene på fjellene smelter om våren.", "spelling");
  // A learner-typical respelling of the second noun is still a misspelling.
  expect_finding("Jeg så snøhyter i fjellet.", "spelling", "snøhytter");
}

// A compound hunspell builds that differs from a dictionary compound with the same last part only
// at the joint: the dictionary's word. Not where the letters left out begin the last part, nor an
// -s- before s-, nor a linking -e- (both "julaften" and "juleaften" are right).
TEST(SpellingCompounds, CompoundsWithAnotherJointThanTheDictionarys) {
  expect_finding("Hun reiste tilbake til hjemmelandet sitt i fjor.", "spelling", "hjemlandet");
  expect_finding("Vi så en fotballskamp på lørdag.", "spelling", "fotballkamp");
  expect_finding("Barna gikk inn på sovesrommet.", "spelling", "soverommet");
  expect_finding("Hun meldte seg på et danskurs i høst.", "spelling", "dansekurs");
  expect_no_rule("Hovedårsaken er at det regner.", "spelling");
  expect_no_rule("Loven sikrer rettssikkerheten til alle.", "spelling");
  expect_no_rule("Vi feiret juleaften hos besteforeldrene.", "spelling");
}

}  // namespace
