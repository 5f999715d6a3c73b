// Real-word errors (ORT): an existing word written in place of another, each caught only where the
// grammar rules the written word out, with a sentence where the same word is right.
#include "rules/rule_test_util.h"

namespace {

using namespace voki::feedback::testing;

TEST(RealWords, ManAndMann) {
  expect_finding("Når mann er trøtt, bør man sove.", "man-mann", "man");
  expect_finding("Her kan mann bade hele året.", "man-mann", "man");
  expect_finding("Hun bor sammen med min man i Bergen.", "man-mann", "mann");
  expect_finding("Både man og kvinne må hjelpe til.", "man-mann", "mann");
  expect_finding("Hun ble kjent med en man fra Chile.", "man-mann", "mann");
  expect_clean("En mann kom inn i butikken.");
  expect_clean("Man må ha tålmodighet.");
  expect_no_rule("Hun gir blomster til en man er glad i.", "man-mann");
}

TEST(RealWords, EnnAfterAComparative) {
  expect_finding("Huset er større en leiligheten.", "en-enn", "enn");
  expect_finding("Toget var raskere en bussen.", "en-enn", "enn");
  expect_clean("Det ble bedre en stund etter ferien.");
  expect_clean("Vi må bedre en vanskelig situasjon.");
  expect_clean("Han er mer en venn enn en kollega.");
}

TEST(RealWords, OgAndAa) {
  expect_finding("Jeg prøver og lære norsk hver dag.", "og-aa", "å");
  expect_finding("Hun reiste til Oslo for og studere.", "og-aa", "å");
  expect_finding("Vi handlet mat å jeg lagde middag.", "og-aa", "og");
  expect_finding("Det var enkelt å greit.", "og-aa", "og");
  expect_clean("Vi spiste og drakk hele kvelden.");
  expect_clean("De kan lese og skrive godt.");
  expect_clean("Det er lett å lære.");
  expect_no_rule("Vi kan gjøre det vi ønsker og reise når vi vil.", "og-aa");
}

TEST(RealWords, DeterminerBeforeAPluralOrDefiniteNoun) {
  expect_finding("Vi har noe bøker hjemme.", "determiner-form", "noen");
  expect_finding("Dem bøkene er mine.", "determiner-form", "De");
  expect_finding("Vi leste i dem bøkene.", "determiner-form", "de");
  expect_clean("Vi har noe mat hjemme.");
  expect_clean("Jeg ga dem bøkene.");  // an indirect object: "dem" is right
}

TEST(RealWords, DeAsTheSubject) {
  expect_finding("Dem har mange barn.", "de-dem", "De");
  expect_finding("Hvis dem kommer, blir jeg glad.", "de-dem", "de");
  expect_clean("Jeg liker dem godt.");
  expect_clean("Mange av dem har bil.");
}

TEST(RealWords, FrequentPairsInTheirContext) {
  expect_finding("Sykepleiere fortjener høyre lønn.", "real-word", "høyere");
  expect_clean("Hun skriver med høyre hånd.");
  expect_clean("Vi svingte til høyre ved kirka.");
  expect_finding("Det er viktig a lære språket.", "real-word", "å");
  expect_finding("Jeg har lit tid i dag.", "real-word", "litt");
  expect_finding("Maten var velde god.", "real-word", "veldig");
  expect_finding("Vi må forsette å trene.", "real-word", "fortsette");
  expect_finding("Vi gjorde det på en annen måtte.", "real-word", "måte");
  expect_clean("Vi måtte vente lenge.");
  expect_finding("Han måte gå hjem tidlig.", "real-word", "måtte");
  expect_clean("Det er en god måte å lære på.");
  expect_finding("Man må ikke vare redd.", "real-word", "være");
  expect_clean("Festen vil vare lenge.");
  expect_finding("Jeg har ryddet helle huset.", "real-word", "hele");
  expect_finding("Vi går i same klasse.", "real-word", "samme");
  expect_finding("Vis du vil, kan du bli med.", "real-word", "Hvis");
  expect_clean("Vis meg veien, er du snill.");
  expect_finding("Etter hver ble det lettere.", "real-word", "hvert");
  expect_clean("Etter hver time tar vi pause.");
  expect_finding("Vi gikk ditt i går.", "real-word", "dit");
  expect_clean("Huset ditt er fint.");
  expect_finding("Vi dro hjemme etter skolen.", "real-word", "hjem");
  expect_clean("Vi er hjemme nå.");
  expect_finding("Jeg tror att det blir fint.", "real-word", "at");
  expect_finding("Vi har my tid.", "real-word", "mye");
  expect_finding("Barna lekker ute hele dagen.", "real-word", "leker");
  expect_clean("Taket lekker når det regner.");
  expect_finding("Jeg må lette etter nøkkelen.", "real-word", "lete");
  expect_clean("Han lette etter nøkkelen i går.");
}

TEST(RealWords, MorePairsInTheirContext) {
  expect_finding("Det er viktig å la vare å drikke.", "real-word", "være");
  expect_finding("Vi må ta være på naturen.", "real-word", "vare");
  expect_clean("Da må vi være forsiktige.");
  expect_finding("Da kan byen vare uforberedt.", "real-word", "være");
  expect_finding("Huset er lite, menn nå bor vi der.", "real-word", "men");
  expect_clean("Der var kvinner, menn og barn.");
  expect_finding("Hun ryddet alle sinne bøker.", "real-word", "sine");
  expect_clean("Han ble sint, og sinne var stort.");
  expect_finding("Vi reiste dit for o lære språket.", "real-word", "å");
  expect_finding("Til en hvis grad er det sant.", "real-word", "viss");
  expect_clean("Hvis en vil, kan en lære alt.");
  expect_finding("Jeg har i vert fall prøvd.", "real-word", "hvert");
  expect_finding("Han er annerledes an de andre.", "en-enn", "enn");
  expect_finding("Vi kan ta buss elle tog.", "real-word", "eller");
  expect_finding("Hun har lyst till å reise.", "real-word", "til");
  expect_finding("Vi vil live et godt liv.", "real-word", "leve");
  expect_finding("Det gjelder hele live hennes.", "real-word", "livet");
  expect_clean("Han var fortsatt i live.");
  expect_finding("Det hjelper heler ikke.", "real-word", "heller");
  expect_finding("Kvinner lever lengre enn menn.", "real-word", "lenger");
  expect_finding("Trener man, lever man lengre.", "real-word", "lenger");
  expect_no_rule("Kvinner lever lenger enn menn.", "real-word");
  expect_no_rule("De fikk en lengre ferie.", "real-word");
  expect_finding("Det vær en fin dag i går.", "real-word", "var");
  expect_clean("Vær så snill og kom.");
}

// A word that cannot stand in its slot, one learner-typical edit from one that can.
TEST(RealWords, WordsThatDoNotFitTheirSlot) {
  expect_finding("Jeg skall ringe deg.", "real-word", "skal");
  expect_finding("De har startet et nyt liv.", "real-word", "nytt");
  expect_clean("Vi har et nytt liv.");
  expect_finding("Hun har begynt å byge et hus.", "real-word", "bygge");
  expect_clean("Vi elever ble glade.");
  expect_no_rule("Du spørrer ofte om hjelp.", "real-word");  // a verb form, not another word
  // After a modal: an adjective, or a noun where no object can stand.
  expect_finding("Vi vil gjerne fine en ny leilighet.", "real-word", "finne");
  expect_finding("Vi må hå tålmodighet.", "real-word", "ha");
  expect_clean("Hun kan norsk godt.");
  expect_no_rule("Da må kvinne gi plass.", "real-word");  // the inverted subject
  expect_finding("Det er noe å feiere.", "real-word", "feire");
  // An adjective after a degree adverb or a copula.
  expect_finding("De er veldig snile mot oss.", "real-word", "snille");
  expect_clean("Hun er veldig pen.");
  expect_finding("Vi var ikke red for å prøve.", "real-word", "redd");
  expect_clean("Han red på en hest.");
  // After a preposition: a noun, not an infinitive; a finite verb there ends a clause.
  expect_finding("Vi bodde på lande i mange år.", "real-word", "land");
  expect_clean("Det er noe man tror på er viktig.");
}

TEST(RealWords, ExplainedInEveryLanguage) {
  const std::vector<std::pair<std::string, std::string>> cases = {{"Jeg har lit tid.", "real-word"},
                                                                  {"Vi bor her, og mann trives.", "man-mann"},
                                                                  {"Den er større en huset.", "en-enn"},
                                                                  {"Jeg prøver og lære.", "og-aa"},
                                                                  {"Dem har en bil.", "de-dem"},
                                                                  {"Vi har noe bøker.", "determiner-form"}};
  for (const char* language : {"nb", "nn", "en", "ar", "uk", "so", "ti", "prs", "pl", "tr"})
    for (const auto& [text, rule] : cases) {
      const auto findings = check(text, language);
      const auto* f = find_rule(findings, rule);
      ASSERT_NE(f, nullptr) << text;
      EXPECT_FALSE(f->explanation.empty()) << text << " " << language;
      EXPECT_EQ(f->language, language) << text;
      if (std::string(language) != "nb") {
        EXPECT_NE(f->explanation, f->explanation_nb) << text << " " << language;
      }
    }
}

// "bo" and "nå" take no bare infinitive: there the modal "bør" or "må" was meant.
TEST(RealWordsModals, BorAndNaBeforeABareInfinitive) {
  expect_finding("Man bor ikke spise for mye sukker.", "real-word", "bør");
  expect_no_rule("Vi bor ikke langt fra sentrum.", "real-word");
  expect_finding("Etter jobben nå vi kjøpe mat.", "real-word", "må");
  expect_no_rule("Nå vi kommer hjem, spiser vi.", "real-word");
}

// "for" with a subject and an object but no verb is the verb "får"; the conjunction "for" has a
// clause after it.
TEST(RealWordsPairs, ForForFaarBeforeSubjectAndObject) {
  expect_finding("Hvis du trener, for du helsa tilbake.", "real-word", "får");
  expect_no_rule("Jeg gikk hjem, for vi hadde gjester.", "real-word");
}

// Fixed phrases: "før i tiden" (formerly), "for ... siden" (ago).
TEST(RealWordsPairs, ForAndForInTimePhrases) {
  expect_finding("Folk levde annerledes for i tiden.", "real-word", "før");
  expect_finding("Vi flyttet hit før to år siden.", "real-word", "for");
  expect_no_rule("Jeg må spise før to timer har gått.", "real-word");
}

// "både ... og", "hvor" for a place in a relative clause, "enn" after a comparative and its noun.
TEST(RealWordsPairs, BaadeHvorAndEnnAfterAComparativeNoun) {
  expect_finding("Det gjelder bade barn og voksne.", "real-word", "både");
  expect_no_rule("Barna liker å bade og leke i sjøen.", "real-word");
  expect_finding("Det er et land vor alle kan si hva de mener.", "real-word", "hvor");
  expect_finding("Byen har flere parker en kinoer.", "en-enn", "enn");
  expect_no_rule("Hun har en bil og en sykkel.", "en-enn");
}

// An adjective misspelt with one consonant, after a copula and an inverted subject or coordinated
// with another adjective.
TEST(RealWordsSlots, AdjectiveAfterInvertedCopulaOrInCoordination) {
  expect_finding("Da var jeg ikke red for hunden.", "real-word", "redd");
  expect_finding("Lærerne er hjelpsomme, blide og snile.", "real-word", "snille");
  expect_clean("Lærerne er hjelpsomme, blide og snille.");
}

// After a determiner or an adjective, an imperative is a noun or an adjective left a letter short.
TEST(RealWordsSlots, ImperativeAfterDeterminerOrAdjective) {
  expect_finding("Det er større sjans for regn i dag.", "real-word", "sjanse");
  expect_finding("Vi fikk samme sjans som de andre.", "real-word", "sjanse");
  expect_no_rule("Han tok en sjanse og vant.", "real-word");
  expect_no_rule("De fattige selger det de har.", "real-word");
}

// Words that cannot take what follows them, one letter or sound from a word that can.
TEST(RealWordsPairs, WordsThatCannotTakeWhatFollows) {
  expect_finding("Vi så løver og ander fugler i parken.", "real-word", "andre");
  expect_no_rule("Vi så ender og ander i dammen.", "real-word");
  expect_finding("Det er en slag kake med epler.", "real-word", "slags");
  expect_no_rule("Han fikk et slag i hodet.", "real-word");
  expect_finding("Jeg er kvit den vanen nå.", "real-word", "kvitt");
  expect_no_rule("Huset er kvit og stort.", "real-word");
  expect_finding("Vi gikk en tur rund byen.", "real-word", "rundt");
  expect_no_rule("Bordet er rund og lite.", "real-word");
  expect_finding("Jeg har ikke lust til å gå.", "real-word", "lyst");
  expect_finding("Vi bor her nå, og mi må lære norsk.", "real-word", "vi");
  expect_no_rule("Mamma mi kommer i morgen.", "real-word");
  expect_finding("Jeg bor i midt hjemland om sommeren.", "real-word", "mitt");
  expect_no_rule("Vi møttes midt i byen.", "real-word");
  expect_finding("Vi spiser atter solnedgang.", "real-word", "etter");
  expect_no_rule("Han prøvde atter en gang.", "real-word");
  expect_finding("Al de andre var hjemme.", "real-word", "Alle");
  expect_finding("Jeg skjenner at det er vanskelig.", "real-word", "skjønner");
  expect_no_rule("Læreren skjenner på elevene.", "real-word");
}

// Verbs after their subject and other words in a slot only their look-alike fits.
TEST(RealWordsPairs, LookAlikesInTheirSlot) {
  expect_finding("Elevene seer på tavla.", "real-word", "ser");
  expect_no_rule("Hun er en kjent seer i byen.", "real-word");
  expect_finding("Dette er regelen som star i loven.", "real-word", "står");
  expect_finding("Han horte på musikk hele dagen.", "real-word", "hørte");
  expect_finding("Jeg trener nestes hver dag.", "real-word", "nesten");
  expect_finding("Sun mat er viktig for helsa.", "real-word", "Sunn");
  expect_finding("Det er brå å ha fri.", "real-word", "bra");
  expect_no_rule("Det ble en brå slutt på festen.", "real-word");
  expect_finding("Vi har ikke nokk penger.", "real-word", "nok");
  expect_finding("Sone bøker liker jeg ikke.", "real-word", "Sånne");
  expect_finding("Vi vil hå det gøy.", "real-word", "ha");
  expect_finding("Du må prove å forstå det.", "real-word", "prøve");
}

TEST(RealWordsPairs, PlaceAndPersonLookAlikes) {
  expect_finding("Hun vil være hjemmet med barna.", "real-word", "hjemme");
  expect_no_rule("Det er hjemmet mitt.", "real-word");
  expect_finding("Han er en snill og glad gut.", "real-word", "gutt");
  expect_finding("Vi spiser for mye fatt mat.", "real-word", "fet");
  expect_no_rule("Jeg fikk fatt i boka.", "real-word");
}

// A sentence that starts with two finite verbs starts with a misspelt subject.
TEST(RealWordsSlots, FiniteVerbBeforeAFiniteVerbIsASubject) {
  expect_finding("Kviner var ofte hjemme før.", "real-word", "Kvinner");
  expect_no_rule("Skal livet bare være arbeid?", "real-word");
  expect_no_rule("Kvinner var ofte hjemme før.", "real-word");
}

}  // namespace
