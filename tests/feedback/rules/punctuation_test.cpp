// Punctuation (PUNCM): right and wrong examples written for these tests.
#include "rules/rule_test_util.h"

namespace voki::feedback::testing {
namespace {

TEST(CommaSubclause, BeforeTheMainClause) {
  // Verbs the disambiguator may read as nouns ("ringer", "bor") count where verb and subject
  // follow.
  expect_finding("Hvis noen ringer til meg kan du ta telefonen.", "comma-subclause", "meg,");
  expect_finding("Når nordmenn studerer bor de ofte på hybel.", "comma-subclause", "studerer,");
  expect_finding("Når jeg tenker på ferien blir jeg glad.", "comma-subclause", "ferien,");
  // After "men", "og", "at"; before a "så" that takes the clause up.
  expect_finding("Jeg tror at hvis vi jobber hardt kan vi klare det.", "comma-subclause", "hardt,");
  expect_finding("Hvis du vil så kan vi gå nå.", "comma-subclause", "vil,");
  expect_finding("Hvis alt går bra da reiser vi i morgen.", "comma-subclause", "bra,");
  expect_finding("Selv om jeg er syk så kan legene hjelpe meg.", "comma-subclause", "syk,");
  expect_clean("Når jeg kommer hjem, spiser jeg middag.");
}

TEST(CommaSubclause, ClausesInsideTheSubordinateClause) {
  expect_clean("Hvis man flytter til et sted hvor de snakker et annet språk, er det viktig å lære språket.");
  // A clause without "at" after "tro": its verb is not the main clause's.
  expect_clean("Når jeg tror det er lett, prøver jeg.");
  expect_clean("Hvis du tror barna liker det, kan du kjøpe det.");
  // Writers differ after this fixed phrase.
  expect_no_rule("Når det gjelder mat er vi enige.", "comma-subclause");
}

TEST(CommaSubclause, AfterARelativeClauseInTheFrontedPart) {
  expect_finding("I byen hvor jeg bor er det mange parker.", "comma-subclause", "bor,");
  expect_finding("De som bor der kjenner jeg godt.", "comma-subclause", "der,");
  // Verb and object after a relative clause in the subject: no main clause inversion to read.
  expect_clean("De som bor der har det bra.");
  expect_clean("Folk som jobber mye har det travelt.");
}

TEST(CommaMainClauses, BetweenMainClauses) {
  expect_finding("Vi bor på landet og der har vi mye plass.", "comma-main-clauses", "landet,");
  expect_finding("Han kom ikke på jobb for han var syk.", "comma-main-clauses", "jobb,");
  expect_finding("Vi var sultne så vi spiste.", "comma-main-clauses", "sultne,");
  expect_clean("Vi bor på landet, og der har vi mye plass.");
  expect_clean("Han spiser og drikker mye.");
  expect_clean("Vi har tid for oss selv.");
}

TEST(MissingFullStop, CapitalPronounStartsASentence) {
  expect_finding("Vi dro til fjellet Vi gikk på ski hele dagen.", "missing-full-stop", "fjellet. Vi");
  expect_finding("Vi hadde mange dyr på gården De små grisene var søte.", "missing-full-stop", "gården. De");
  // The polite "De" and names stay.
  expect_clean("Kan De hjelpe meg?");
  expect_clean("Vi bodde i Mo i Rana i mange år.");
}

}  // namespace
}  // namespace voki::feedback::testing
