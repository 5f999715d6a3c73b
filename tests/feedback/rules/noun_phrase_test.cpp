// Agreement inside the noun phrase (rules/noun_phrase.cpp).
#include "rules/rule_test_util.h"

using namespace voki::feedback::testing;

TEST(NounPhrase, AdjectiveRightAfterVerb) {
  expect_finding("Jobben krever stor ansvar.", "adjective-agreement", "stort");
  expect_finding("Hun fikk snill naboer.", "adjective-agreement", "snille");
  expect_clean("Jobben krever stort ansvar.");
  expect_clean("Hun fikk snille naboer.");
  expect_clean("Han snakker godt norsk.");  // "godt" is also an adverb
  expect_clean("De kom sent hjem.");
}

TEST(NounPhrase, PluralAdjectiveAfterQuantifier) {
  // The noun's number is wrong, not the adjective: the plural rules speak, not this one.
  expect_no_rule("Vi har mange gode venn.", "adjective-agreement");
  expect_finding("Vi kjøpte mange grønn epler.", "adjective-agreement", "grønne");
}
