// CAP: capital letters inside a sentence.
#include "rules/rule_test_util.h"

namespace {

using namespace voki::feedback::testing;

TEST(CapitalsInside, CapitalInsideAnExpressionOfSeveralWords) {
  expect_finding("Han sa det, og At alle visste det.", "capital-common", "og at");
  expect_finding("De Fleste av barna kom.", "capital-common", "De fleste");
  expect_no_rule("Han sa det, og at alle visste det.", "capital-common");
  expect_no_rule("De fleste av barna kom.", "capital-common");
}

TEST(CapitalsInside, HolidaysAndMonthsAmongSmallWords) {
  expect_finding("Vi reiser hjem til Jul hvert år.", "capital-common", "jul");
  expect_finding("Hun ble født i Oktober for tre år siden.", "capital-common", "oktober");
  expect_no_rule("Vi reiser hjem til jul hvert år.", "capital-common");
  // A name of two words: "Mai Britt".
  expect_no_rule("Jeg snakket med Mai Britt i går.", "capital-common");
}

// A month after the day's number and its full stop is a date inside the sentence.
TEST(CapitalsInside, MonthAfterTheDaysNumber) {
  expect_finding("Vi reiser hjem den 3. Juli i år.", "capital-common", "juli");
  expect_no_rule("Vi reiser hjem den 3. juli i år.", "capital-common");
  expect_no_rule("Vi leste kapittel 2014. Mai kom senere.", "capital-common");
}

// A name of several words that the dictionary writes small keeps its small letters inside the
// sentence; names written with capitals stay.
TEST(CapitalsInside, NameTheDictionaryWritesSmall) {
  expect_finding("Byen ble bombet under annen Verdenskrig.", "capital-common", "annen verdenskrig");
  expect_finding("Byen ble bygd opp igjen etter Annen verdenskrig.", "capital-common", "annen verdenskrig");
  expect_no_rule("Byen ble bombet under annen verdenskrig.", "capital-common");
  expect_no_rule("Annen verdenskrig endte i 1945.", "capital-common");
  expect_no_rule("Vi fløy til New York i fjor.", "capital-common");
}

}  // namespace
