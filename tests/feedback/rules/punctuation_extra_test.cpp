// Superfluous punctuation (PUNCR).
#include "rules/rule_test_util.h"

namespace {
using namespace voki::feedback::testing;

TEST(PunctuationExtra, CommaAfterFrontedPhrase) {
  expect_finding("Etter min mening, er det for dyrt.", "comma-after-phrase", "mening");
  expect_finding("Likevel, mener jeg at du tar feil.", "comma-after-phrase", "Likevel");
  expect_finding("På skolen, lærte vi mye.", "comma-after-phrase", "skolen");
  // After "Og" or "Men" at the start.
  expect_finding("Og til slutt, kom vi hjem.", "comma-after-phrase", "til slutt");
  expect_no_rule("Og til slutt kom vi hjem.", "comma-after-phrase");
  // A longer fronted phrase may keep its comma.
  expect_no_rule("Ved siden av en stor by, finnes det mange små steder.", "comma-after-phrase");
  expect_no_rule("Etter min mening er det for dyrt.", "comma-after-phrase");
  expect_no_rule("Når jeg kom hjem, spiste vi.", "comma-after-phrase");
  expect_no_rule("Ja, det er riktig.", "comma-after-phrase");
  expect_no_rule("Kari, kommer du?", "comma-after-phrase");
  expect_no_rule("Ola, min bror, er lege.", "comma-after-phrase");
  expect_no_rule("Det, tror jeg, er sant.", "comma-after-phrase");
  expect_no_rule("I byen derimot, er det mange biler.", "comma-after-phrase");
  expect_no_rule("Når det gjelder mat, er vi enige.", "comma-after-phrase");
  // "Om" and "til" before a definite noun or an adverb are prepositions, not subjunctions.
  expect_finding("Om sommeren, bader vi i sjøen.", "comma-after-phrase", "sommeren");
  expect_finding("Til sist, fant vi veien.", "comma-after-phrase", "sist");
  expect_no_rule("Om sommeren bader vi i sjøen.", "comma-after-phrase");
  expect_no_rule("Om vi kommer, får vi se.", "comma-after-phrase");
  expect_no_rule("Til meg, sa han ingenting.", "comma-after-phrase");
  // A definite noun or "den" after a verb that is also an infinitive or a noun is its subject.
  expect_finding("I tillegg, kunne barna leke ute.", "comma-after-phrase", "I tillegg");
  expect_no_rule("I tillegg kunne barna leke ute.", "comma-after-phrase");
  expect_no_rule("Hjemme, kunne bli kjedelig.", "comma-after-phrase");
}

TEST(PunctuationExtra, CommaBeforeAtAfterCopula) {
  expect_finding("Problemet er, at vi har for lite tid.", "comma-before-at", "er");
  expect_finding("Det er vanlig, at barna går i barnehage.", "comma-before-at", "vanlig");
  expect_no_rule("Problemet er at vi har for lite tid.", "comma-before-at");
  expect_no_rule("Han kom hjem, at jeg vet.", "comma-before-at");
}

TEST(PunctuationExtra, CommaBeforeObjectAtClause) {
  expect_finding("Læreren sier, at vi må lese mer.", "comma-before-object-at", "sier");
  expect_finding("Nå tror jeg, at vinteren kommer snart.", "comma-before-object-at", "jeg");
  expect_finding("Mange mener, at skolen bør starte senere.", "comma-before-object-at", "mener");
  expect_no_rule("Læreren sier at vi må lese mer.", "comma-before-object-at");
  // A "det" that points forward to the clause, a verb set off by commas, the past tense.
  expect_no_rule("Det vet jeg, at du liker sol.", "comma-before-object-at");
  expect_no_rule("Dette tror mange, at de aldri får.", "comma-before-object-at");
  expect_no_rule("Været blir fint, tror jeg, at du vil se.", "comma-before-object-at");
  expect_no_rule("Mange sa, at de var fornøyde.", "comma-before-object-at");
}

TEST(PunctuationExtra, CommaBeforeRestrictiveSom) {
  expect_finding("Jeg kjenner noen, som kan hjelpe deg.", "comma-before-som", "noen");
  expect_finding("Hun var den første læreren, som jeg snakket med.", "comma-before-som", "læreren");
  expect_no_rule("Jeg kjenner noen som kan hjelpe deg.", "comma-before-som");
  expect_no_rule("Jeg ringte Kari, som bor i Bergen.", "comma-before-som");
  expect_no_rule("Jeg har en bror, som bor i Oslo.", "comma-before-som");
}

TEST(PunctuationExtra, CommaBeforeLastListItem) {
  expect_finding("Vi kjøpte brød, melk, og ost.", "comma-before-last-item", "melk");
  expect_finding("Han liker norsk mat, norsk musikk, og norske filmer.", "comma-before-last-item", "musikk");
  expect_no_rule("Vi kjøpte brød, melk og ost.", "comma-before-last-item");
  // Two items only, or a clause after "og".
  expect_no_rule("Vi kjøpte brød, og melk.", "comma-before-last-item");
  expect_no_rule("Vi kjøpte brød, melk, og vi spiste.", "comma-before-last-item");
  expect_no_rule("Hun kom hjem, spiste, og sov.", "comma-before-last-item");
  // The list does not end the sentence.
  expect_no_rule("Vi kjøpte brød, melk, og ost til frokost hver dag.", "comma-before-last-item");
}

TEST(PunctuationExtra, CommaAfterSubjunction) {
  expect_finding("Da, jeg kom hit, var det kaldt.", "comma-after-subjunction", "Da");
  expect_finding("Når, vi spiser, ser vi ikke på TV.", "comma-after-subjunction", "Når");
  expect_no_rule("Da jeg kom hit, var det kaldt.", "comma-after-subjunction");
  // A phrase set off after the subjunction, or "da" as an adverb before a name.
  expect_no_rule("Hvis, for eksempel, du er syk, blir du hjemme.", "comma-after-subjunction");
  expect_no_rule("Da, Kari, kom vi hjem.", "comma-after-subjunction");
}

}  // namespace
