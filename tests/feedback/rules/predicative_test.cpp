// The adjective after "er/var/blir/ble" agrees with the subject.
#include "rules/rule_test_util.h"

using namespace voki::feedback::testing;

TEST(PredicativeAgreement, PluralSubject) {
  expect_finding("Folk er flink til å lage mat.", "predicative-agreement", "flinke");
  expect_clean("Folk er flinke til å lage mat.");
  expect_clean("De er gode venner.");  // attributive before a noun
  expect_clean("Han og jeg er glade.");  // a coordinated subject
}

TEST(PredicativeAgreement, SingularSubject) {
  expect_finding("Huset er stor.", "predicative-agreement", "stort");
  expect_finding("Hun er flinke.", "predicative-agreement", "flink");
  expect_finding("Huset er veldig stor.", "predicative-agreement", "stort");
  expect_clean("Huset er stort.");
  expect_clean("Hun er flink.");
  expect_clean("Huset er veldig stort.");
  expect_clean("Det er positive og negative sider ved dette.");
  expect_clean("Moren til barna er glad.");  // the noun before the verb is not the subject
  expect_clean("Han er 18 år gammel.");
  expect_clean("Penger er greit å ha.");
  expect_clean("Husene ble bygget i fjor.");  // a participle
}

TEST(PredicativeAgreement, DefinitePluralSubjects) {
  expect_finding("De nye husene er stor.", "predicative-agreement", "store");
  expect_finding("Prisene er veldig lav i år.", "predicative-agreement", "lave");  // "lav" is also an imperative
  expect_clean("De nye husene er store.");
  expect_clean("Prisene er veldig lave i år.");
  expect_clean("Det tror jeg er riktig.");  // "jeg" belongs to "tror"; "det" is the subject of "er"
}

TEST(PredicativeAgreement, AfterAuxiliary) {
  expect_finding("Huset har blitt mer kald.", "predicative-agreement", "kaldt");
  expect_finding("Nå har bilen blitt mer kaldt.", "predicative-agreement", "kald");
  expect_finding("Du kan ikke være sikkert på det.", "predicative-agreement", "sikker");
  expect_clean("Huset har blitt mer kaldt og mørkt.");
  expect_clean("Nå har bilen blitt mer kald.");
  expect_clean("Du kan ikke være sikker på det.");
  expect_clean("Det tror jeg kan være fint.");  // "jeg" belongs to "tror"
}

TEST(PredicativeAgreement, NeuterSubjects) {
  expect_finding("Her er det trygg at barna leker ute.", "predicative-agreement", "trygt");
  expect_finding("Vi vet ikke hva som er sunn.", "predicative-agreement", "sunt");
  expect_finding("Det er ikke så morsom å bo her.", "predicative-agreement", "morsomt");
  expect_clean("Her er det trygt at barna leker ute.");
  expect_clean("Vi vet ikke hva som er sunt.");
  expect_clean("Det er ikke så morsomt å bo her.");
  expect_clean("Vi vet hva som er galt.");
  expect_clean("Penger er greit å ha.");
}

TEST(PredicativeAgreement, PronounAfterMen) {
  expect_finding("Men hun er glade.", "predicative-agreement", "glad");
  expect_clean("Men hun er glad.");
}

TEST(PredicativeAgreement, TwoAdjectivesAtTheEnd) {
  expect_finding("Barna var snill og glade.", "predicative-agreement", "snille");
  expect_finding("Huset er stor og lyst.", "predicative-agreement", "stort");
  expect_finding("Husene er store og fin.", "predicative-agreement", "fine");
  expect_clean("Barna var snille og glade.");
  expect_clean("Det har positive og negative sider.");
  expect_no_rule("Boka er god og spennende skrevet.", "predicative-agreement");  // not the end of the clause
}
