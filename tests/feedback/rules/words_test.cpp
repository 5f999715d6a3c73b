// SPL and PART: words written apart that Norwegian writes as one, and expressions written as one
// that Norwegian writes as two.
#include "rules/rule_test_util.h"

namespace {

using namespace voki::feedback::testing;

TEST(SplitWords, HverandreNotBeforeANoun) {
  expect_finding("De hjelper hver andre med leksene.", "split-compound", "hverandre");
  expect_no_rule("Vi trener hver andre uke.", "split-compound");
}

TEST(SplitWords, IstedenIsOneWord) {
  expect_finding("Vi tok bussen i steden for bilen.", "split-compound", "isteden");
  expect_no_rule("Vi tok bussen istedenfor bilen.", "split-compound");
}

TEST(SplitWords, FramtidenAfterAPreposition) {
  expect_finding("Jeg tenker mye på fram tiden.", "split-compound", "framtiden");
  expect_finding("Hva vil skje i frem tiden?", "split-compound", "fremtiden");
  expect_no_rule("Hun gikk fram og tilbake hele tiden.", "split-compound");
}

TEST(SplitWords, KjempeBeforeAnAdjective) {
  expect_finding("Filmen var kjempe morsom.", "split-compound", "kjempemorsom");
  expect_finding("Vi hadde en kjempe fin dag.", "split-compound", "kjempefin");
  expect_no_rule("Vi må kjempe hardt for rettighetene.", "split-compound");
  expect_no_rule("De vil kjempe mot urettferdighet.", "split-compound");
}

TEST(WrittenApart, ExpressionsOfTwoWords) {
  expect_finding("Jeg var på kino igår.", "written-apart", "i går");
  expect_finding("Stortsett går det bra.", "written-apart", "Stort sett");
  expect_finding("Vi skal ihvertfall prøve.", "written-apart", "i hvert fall");
  expect_finding("Idag skinner sola.", "written-apart", "I dag");
  expect_no_rule("I dag skinner sola.", "written-apart");
  expect_no_rule("Jeg var på kino i går.", "written-apart");
  expect_no_rule("Vi skal iallfall prøve.", "written-apart");
}

TEST(SplitWords, IndefiniteAdjectiveBeforeADefiniteNoun) {
  expect_finding("Han flyttet til stor byen for å studere.", "split-compound", "storbyen");
  expect_finding("Jeg liker å holde privat livet for meg selv.", "split-compound", "privatlivet");
  expect_no_rule("Han flyttet til den store byen.", "split-compound");
  expect_no_rule("Hun ble syk dagen etter.", "split-compound");
}

}  // namespace

namespace {

using namespace voki::feedback::testing;

TEST(SplitCompound, TwoPlainNounsHunspellJoins) {
  expect_finding("Byen har et dårlig tog tilbud.", "split-compound", "togtilbud");
  expect_finding("Hun leter etter nye jobb muligheter.", "split-compound", "jobbmuligheter");
  expect_finding("Vi snakket om sommer kurs.", "split-compound", "sommerkurs");
  // A noun of amount or kind, a coordination, "som regel" and a noun phrase of its own stay apart.
  expect_no_rule("Vi har et stort antall elever.", "split-compound");
  expect_no_rule("Han liker en type musikk som er rolig.", "split-compound");
  expect_no_rule("Hvis mor og far deler arbeidet, går det bra.", "split-compound");
  expect_no_rule("De spiser som regel fisk.", "split-compound");
}

TEST(WrittenApart, HverdagAsAnAdverbialIsHverDag) {
  expect_finding("Vi spiser middag sammen hverdag.", "written-apart", "hver dag");
  expect_no_rule("Hun forteller om sin egen hverdag.", "written-apart");
  expect_no_rule("Det ble en travel hverdag for alle.", "written-apart");
  expect_no_rule("Vi spiser middag sammen hver dag.", "written-apart");
}

TEST(SplitWords, DecadeWrittenApartFromTallet) {
  expect_finding("Huset ble bygd på 70 tallet.", "split-compound", "70-tallet");
  expect_finding("Byen vokste på 1700 tallet.", "split-compound", "1700-tallet");
  expect_no_rule("Huset ble bygd på 70-tallet.", "split-compound");
  expect_no_rule("Han skrev 7 tall på arket.", "split-compound");
}

TEST(SplitCompound, FirstPartThatIsNoWordAlone) {
  expect_finding("De bygger en ny barne hage.", "split-compound", "barnehage");
  expect_finding("Hun leser om barne psykologi.", "split-compound", "barnepsykologi");
  expect_no_rule("De bygger en ny barnehage.", "split-compound");
}

TEST(SplitCompound, AfterAVerbOnlyVerbsOfTwoObjectsAreExcluded) {
  expect_finding("Vi hadde sykkel problemer.", "split-compound", "sykkelproblemer");
  expect_no_rule("De gir barn mat.", "split-compound");
  expect_no_rule("Hun spiller fotball søndag.", "split-compound");
}

TEST(WrittenApart, MoreFixedExpressionsOfTwoOrThreeWords) {
  expect_finding("Tilslutt gikk vi hjem.", "written-apart", "Til slutt");
  expect_finding("Vi går på kino avogtil.", "written-apart", "av og til");
  expect_finding("Bilen er ikke iorden.", "written-apart", "i orden");
  expect_no_rule("Til slutt gikk vi hjem.", "written-apart");
}

TEST(SplitWords, EnhverAndMellomtiden) {
  expect_finding("Det gjelder for en hver som bor her.", "split-compound", "enhver");
  expect_finding("Vi ventet, og i mellom tiden spiste vi.", "split-compound", "mellomtiden");
  expect_no_rule("De kom en og en, og hver fikk en gave.", "split-compound");
  expect_no_rule("Det var lenge mellom gangene.", "split-compound");
}

// A point of the compass written apart from a place takes a hyphen and a capital; the compass word
// alone before a preposition stays.
TEST(SplitCompound, CompassPointApartFromAPlace) {
  expect_finding("Vi reiste rundt i nord Norge i sommer.", "split-compound", "Nord-Norge");
  expect_finding("Mange kom fra Øst Europa etter krigen.", "split-compound", "Øst-Europa");
  expect_no_rule("Vi bor i Nord-Norge.", "split-compound");
  expect_no_rule("Vi kjørte nord til Tromsø.", "split-compound");
}

}  // namespace
