// Superfluous punctuation (PUNCR).
#include "rules/rule_test_util.h"

namespace {
using namespace voki::feedback::testing;

TEST(PunctuationExtra, CommaAfterFrontedPhrase) {
  expect_finding("Etter min mening, er det for dyrt.", "comma-after-phrase", "mening");
  expect_finding("Likevel, mener jeg at du tar feil.", "comma-after-phrase", "Likevel");
  expect_finding("På skolen, lærte vi mye.", "comma-after-phrase", "skolen");
  expect_no_rule("Etter min mening er det for dyrt.", "comma-after-phrase");
  expect_no_rule("Når jeg kom hjem, spiste vi.", "comma-after-phrase");
  expect_no_rule("Ja, det er riktig.", "comma-after-phrase");
  expect_no_rule("Kari, kommer du?", "comma-after-phrase");
  expect_no_rule("Ola, min bror, er lege.", "comma-after-phrase");
  expect_no_rule("Det, tror jeg, er sant.", "comma-after-phrase");
  expect_no_rule("I byen derimot, er det mange biler.", "comma-after-phrase");
  expect_no_rule("Når det gjelder mat, er vi enige.", "comma-after-phrase");
}

}  // namespace
