// Pronoun case after a preposition.
#include "rules/rule_test_util.h"

using namespace voki::feedback::testing;

TEST(PronounCase, ObjectFormAfterPreposition) {
  expect_finding("Jeg snakket lenge med de.", "pronoun-case", "dem");
  expect_finding("Mange av de kommer i morgen.", "pronoun-case", "dem");
  expect_clean("Jeg snakket lenge med dem.");
  expect_clean("Mange av dem kommer i morgen.");
  expect_clean("Jeg snakket med de nye naboene.");
  expect_clean("Vi venter til de kommer.");
  expect_clean("Hun hjelper dem som trenger det.");
}

TEST(PronounCase, ObjectFormBeforePunctuationAfterClausePrepositions) {
  // "til", "for", "på" also begin clauses ("til de kommer"), but not before a full stop or comma.
  expect_finding("Jeg sendte et brev til de.", "pronoun-case", "dem");
  expect_finding("Vi tenker mye på de, men sier lite.", "pronoun-case", "dem");
  expect_clean("Jeg sendte et brev til dem.");
  expect_clean("Vi venter til de kommer hjem.");
  expect_clean("Hun tenker på de andre.");
  expect_clean("I de «sterke» landene er det annerledes.");
}
