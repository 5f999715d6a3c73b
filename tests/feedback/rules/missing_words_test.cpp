// Missing words (M): formal subject, infinitive marker, "ha" after "å", "som" in indirect questions.
#include "rules/rule_test_util.h"

namespace {
using namespace voki::feedback::testing;

TEST(MissingWords, FormalSubject) {
  expect_finding("Derfor er viktig å lære norsk.", "missing-formal-subject", "er det");
  expect_finding("For meg er veldig viktig at barna har det bra.", "missing-formal-subject", "er det");
  expect_finding("Hun ble hjemme fordi var vanskelig å finne veien.", "missing-formal-subject", "var det");
  expect_finding("I vinter blir kaldt.", "missing-formal-subject", "blir det");
  expect_no_rule("Derfor er det viktig å lære norsk.", "missing-formal-subject");
  expect_no_rule("For meg er familien viktig.", "missing-formal-subject");
  expect_no_rule("I dag er været fint.", "missing-formal-subject");
  expect_no_rule("Her er norsk viktig.", "missing-formal-subject");
  expect_no_rule("Boka som er viktig å lese, ligger der.", "missing-formal-subject");
}

TEST(MissingWords, InfinitiveMarker) {
  expect_finding("Han begynte studere medisin.", "missing-infinitive-marker", "å studere");
  expect_finding("Jeg prøvde forstå ham.", "missing-infinitive-marker", "å forstå");
  expect_finding("Da sluttet jeg røyke.", "missing-infinitive-marker", "å røyke");
  expect_no_rule("Han begynte å studere medisin.", "missing-infinitive-marker");
  expect_no_rule("Jeg liker lærere som er snille.", "missing-infinitive-marker");
  expect_no_rule("Vi kan begynne nå.", "missing-infinitive-marker");
}

TEST(MissingWords, HaAfterInfinitiveMarker) {
  expect_finding("Etter å studert i tre år fikk hun jobb.", "missing-ha", "ha studert");
  expect_finding("Han var sliten etter å vært borte lenge.", "missing-ha", "ha vært");
  expect_no_rule("Etter å ha studert i tre år fikk hun jobb.", "missing-ha");
  expect_no_rule("Det er fint å studere.", "missing-ha");
}

TEST(MissingWords, SomInIndirectQuestion) {
  expect_finding("Jeg vet ikke hva skjer i byen.", "missing-som", "hva som");
  expect_finding("Vi snakket om hvem kan komme.", "missing-som", "hvem som");
  expect_finding("De lurer på hva er viktig.", "missing-som", "hva som");
  expect_no_rule("Jeg vet ikke hva som skjer i byen.", "missing-som");
  expect_no_rule("Hva skjer i byen?", "missing-som");
  expect_no_rule("Han forstår ikke hva ordet betyr.", "missing-som");
  expect_no_rule("Jeg vet hva de skal gjøre.", "missing-som");
}

}  // namespace
