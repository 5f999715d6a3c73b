// Determiners that agree with their noun, and the definite noun after "denne/dette/hele".
#include "rules/rule_test_util.h"

using namespace voki::feedback::testing;

TEST(DeterminerAgreement, PossessiveBeforeNoun) {
  expect_finding("Vi flyttet fra mitt by i fjor.", "determiner-agreement", "min");
  expect_finding("Han solgte min hus.", "determiner-agreement", "mitt");
  expect_finding("Hun besøker sin foreldre hver uke.", "determiner-agreement", "sine");
  expect_clean("Vi flyttet fra min by i fjor.");
  expect_clean("Han solgte mitt hus.");
  expect_clean("Hun besøker sine foreldre hver uke.");
  expect_clean("Jeg leser min bok.");  // masculine forms go with feminine nouns
}

TEST(DeterminerAgreement, QuantifiersAndEmphasis) {
  expect_finding("Vi reiser til Spania hver år.", "determiner-agreement", "hvert");
  expect_finding("Hvert elev har en pult.", "determiner-agreement", "Hver");
  expect_finding("Han har sitt egen kontor.", "determiner-agreement", "eget");
  expect_finding("De bor i et veldig stor hus.", "adjective-agreement", "stort");
  expect_finding("Vi har en veldig godt system.", "determiner-agreement", "et");
  expect_clean("Vi reiser til Spania hvert år.");
  expect_clean("Han har sitt eget kontor.");
  expect_clean("Hver elev har sin egen pult.");
  expect_clean("Vi har et veldig godt system.");
  expect_clean("Det var en slags kake.");
  expect_clean("Det var et slags kompromiss.");
}

TEST(DeterminerAgreement, DemonstrativeWithAdjective) {
  expect_finding("Vi bodde i den gamle huset.", "determiner-agreement", "det");
  expect_finding("Han fortalte om det hyggelige turen.", "determiner-agreement", "den");
  expect_clean("Vi bodde i det gamle huset.");
  expect_clean("Han fortalte om den hyggelige turen.");
}

TEST(DeterminerAgreement, PossessiveAfterNoun) {
  expect_finding("Vi solgte huset min.", "determiner-agreement", "mitt");
  expect_finding("Hun ringte vennene sin.", "determiner-agreement", "sine");
  expect_finding("Jeg snakket med kona min.", "determiner-agreement", "mi");
  expect_clean("Vi solgte huset mitt.");
  expect_clean("Hun ringte vennene sine.");
  expect_clean("Jeg snakket med kona mi.");
  expect_clean("Jeg snakket med konen min.");
  expect_clean("Han lånte faren sin bil.");  // the possessive belongs to the next noun
}

TEST(DoubleDefiniteness, AfterDemonstrativeAndHele) {
  expect_finding("Jeg har lest denne roman to ganger.", "double-definiteness", "romanen");
  expect_finding("Denne bil er gammel.", "double-definiteness", "bilen");
  expect_finding("Vi var der hele dag.", "double-definiteness", "dagen");
  expect_clean("Jeg har lest denne romanen to ganger.");
  expect_clean("Denne bilen er gammel.");
  expect_clean("Vi var der hele dagen.");
  expect_clean("Jeg tenker på det hele.");
  expect_clean("Denne gang gikk det bra.");  // a fixed phrase
  expect_clean("De bodde i de store byer.");  // formal style without the noun's article
}

TEST(DoubleDefiniteness, DetteAndDisseAsFormalStyle) {
  // Without the noun's ending after "dette" and "disse" is formal style, not an error.
  expect_no_rule("Hun kjøpte dette hus i fjor.", "double-definiteness");
  expect_no_rule("Jeg har lest disse bøker før.", "double-definiteness");
  expect_clean("Jeg har lest disse bøkene før.");
}

TEST(DeterminerAgreement, VaaresIsNoPossessive) {
  expect_finding("Vi er glade i bilene våres.", "determiner-agreement", "våre");
  expect_finding("Vi lærer våres barn om det.", "determiner-agreement", "våre");
  expect_clean("Vi er glade i bilene våre.");
  expect_clean("Nå våres det.");        // the verb: spring comes
  expect_clean("Det våres i mars.");
}

TEST(Determiners, HverSinAgreesWithTheNoun) {
  expect_finding("Vi har hvert sin mening om det.", "determiner-agreement", "hver");
  expect_finding("Barna fikk hver sitt eget kontor.", "determiner-agreement", "hvert");
  expect_clean("Vi har hver sin mening om det.");
  expect_clean("Barna fikk hvert sitt eget kontor.");
}

TEST(DeterminerAgreement, DemonstrativeBeforeDefiniteNounOnDictionaryReadings) {
  // CG-3 reads "dette" before a noun as a pronoun and "huset" may be a verb: the dictionary decides.
  expect_finding("På dette dagen var alle glade.", "determiner-agreement", "denne");
  expect_finding("Hun bodde lenge i den huset.", "determiner-agreement", "det");
  expect_finding("Vi leste om denne eventyret.", "determiner-agreement", "dette");
  expect_finding("Han bor på den andre huset.", "determiner-agreement", "det");
  expect_finding("Dette vinteren var kald.", "determiner-agreement", "Denne");
  expect_clean("På denne dagen var alle glade.");
  expect_clean("Hun bodde lenge i det huset.");
  expect_clean("Han bor på det andre huset.");
  expect_no_rule("Du må gjøre det læreren sier.", "determiner-agreement");  // a relative clause without "som"
  expect_no_rule("Er dette boken du snakket om?", "determiner-agreement");  // "dette" is the subject
  expect_no_rule("Vi ventet til den landet.", "determiner-agreement");  // "til" begins a clause
}

TEST(DeterminerAgreement, PossessiveWithOtherReadings) {
  // "vår" is also the spring: the dictionary's noun readings decide.
  expect_finding("Vi må ta vare på vår hav.", "determiner-agreement", "vårt");
  expect_finding("Vårt skole ligger nær sentrum.", "determiner-agreement", "Vår");
  expect_clean("Vi må ta vare på vårt hav.");
  expect_clean("Vår skole ligger nær sentrum.");
  expect_no_rule("I vår reiste vi til Spania.", "determiner-agreement");
  expect_no_rule("Barna mine maler hus.", "determiner-agreement");  // the possessive after its noun
}
