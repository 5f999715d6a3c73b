// The definite ending of the noun's own gender (rules/noun_forms.cpp).
#include "rules/rule_test_util.h"

using namespace voki::feedback::testing;

TEST(NounGenderEnding, WrongDefiniteEnding) {
  expect_finding("Vi lærte mye om kulturet deres.", "noun-gender-ending", "kulturen");
  expect_finding("Hun heier på fotballagen sitt.", "noun-gender-ending", "fotballaget");
  expect_clean("Vi lærte mye om kulturen deres.");
  expect_clean("Hun heier på fotballaget sitt.");
  expect_clean("Bruket ligger ved elva.");  // a real word ("et bruk"), known to the analyser
}
