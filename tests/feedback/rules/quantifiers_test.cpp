// The plural noun after "alle", "begge", "andre", "forskjellige", "ulike", "de fleste".
#include "rules/rule_test_util.h"

using namespace voki::feedback::testing;

TEST(PluralAfterQuantifier, Determiners) {
  expect_finding("Alle elev må ha en blyant.", "plural-after-quantifier", "elever");
  expect_finding("Begge bil står i garasjen.", "plural-after-quantifier", "biler");
  expect_finding("Jeg har møtt alle norske elev på skolen.", "plural-after-quantifier", "elever");
  expect_no_rule("Jeg har møtt alle norske elev på skolen.", "adjective-agreement");  // the noun is wrong, not "norske"
  expect_clean("Alle elever må ha en blyant.");
  expect_clean("Begge biler står i garasjen.");
  expect_clean("Begge deler er viktige.");
  expect_clean("Alle mann måtte hjelpe til.");   // idiom
  expect_clean("Mange takk for maten.");         // idiom, also after "mange"
  expect_clean("Alle lærer norsk her.");         // "alle" is the subject, "lærer" its verb
  expect_clean("I dag har nesten alle bil.");    // inverted subject, then the object
}

TEST(PluralAfterQuantifier, AdjectiveQuantifiers) {
  expect_finding("Hun har bodd i forskjellige by.", "plural-after-quantifier", "byer");
  expect_finding("Vi snakket med andre forelder.", "plural-after-quantifier", "foreldre");
  expect_finding("De kommer fra ulike skole.", "plural-after-quantifier", "skoler");
  expect_clean("Hun har bodd i forskjellige byer.");
  expect_clean("Den andre siden av saken er verre.");  // "andre" after a determiner
  expect_clean("Jeg går i andre klasse.");              // ordinal
  expect_clean("Det skjedde for andre gang.");
  expect_clean("Han kjøpte en annen bil.");
  expect_clean("Vi har forskjellige meninger om det.");
}

TEST(PluralAfterQuantifier, Disse) {
  expect_finding("Jeg har tenkt mye på disse dag.", "plural-after-quantifier", "dagene");
  expect_clean("Jeg har tenkt mye på disse dagene.");
  expect_clean("Jeg har tenkt mye på disse spørsmål.");  // "disse" + indefinite plural: formal style
}

TEST(PluralAfterQuantifier, NounReadAsPresentVerb) {
  // "lærer" is also the present of "lære"; before a finite verb it is the subject's noun.
  expect_finding("Alle lærer må ha god utdanning.", "plural-after-quantifier", "lærere");
  expect_finding("Mange lærer snakker engelsk.", "plural-after-number", "lærere");
  expect_clean("Alle lærere må ha god utdanning.");
  expect_clean("Alle lærer norsk på skolen.");
  expect_clean("Det alle lærer er nyttig.");  // "alle" is the subject of a relative clause
}

TEST(QuantifierDefiniteness, IndefiniteNounAfterNumberOrQuantifier) {
  expect_finding("Vi møtte mange barna i parken.", "quantifier-definiteness", "barn");
  expect_finding("Hun kjøpte tre bøkene i går.", "quantifier-definiteness", "bøker");
  expect_clean("Vi så mange barn i parken.");
  expect_clean("Hun kjøpte de tre bøkene i går.");
  expect_clean("Alle barna lekte i parken.");
  expect_clean("De siste fem årene har vært fine.");
  expect_clean("Vi må få barna i seng.");  // "få" is the verb
  expect_finding("Noen få tingene var igjen.", "quantifier-definiteness", "ting");
  expect_clean("Alle tre barna sov godt.");  // "alle" before the number
}

TEST(Quantifiers, OneOfTakesThePlural) {
  // "en av" and a plural determiner or possessive: the noun is plural (definite after "de").
  expect_finding("Hun er en av mine beste venn.", "one-of-plural", "venner");
  expect_finding("Det er en av de viktigste sak i valget.", "one-of-plural", "sakene");
  expect_finding("Det er et av de største problemet i byen.", "one-of-plural", "problemene");
  expect_no_rule("Det er et av de største problemet i byen.", "determiner-agreement");  // "de" is right there
  expect_clean("Hun er en av mine beste venner.");
  expect_clean("Det er en av de viktigste sakene i valget.");
  // A noun that is also a plural ("barn") agrees already.
  expect_no_rule("Han er en av deres barn.", "one-of-plural");
}
