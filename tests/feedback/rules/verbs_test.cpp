// Verb forms after modals, "å" and "har", and the present tense -r.
#include "rules/rule_test_util.h"

using namespace voki::feedback::testing;

TEST(VerbForms, ModalBeforeInvertedSubject) {
  expect_finding("Nå må kommunen bygger flere skoler.", "modal-verb-form", "bygge");
  expect_finding("Kanskje kan det blir bedre.", "modal-verb-form", "bli");
  expect_clean("Nå må kommunen bygge flere skoler.");
  expect_clean("Kanskje kan det bli bedre.");
}

TEST(VerbForms, ModalBeforeImperativeForm) {
  expect_finding("Du må ikke bare fortsett sånn.", "modal-verb-form", "fortsette");
  expect_clean("Du må ikke bare fortsette sånn.");
}

TEST(VerbForms, ModalBeforeMultiwordVerb) {
  expect_finding("Jeg skal skriver om ferien.", "modal-verb-form", "skrive om");
  expect_clean("Jeg skal skrive om ferien.");
}

TEST(VerbForms, ModalWithVerbThatIsAlsoInfinitive) {
  // "la" is both the infinitive "to let" and the past of "legge".
  expect_clean("Vi kan ikke la ham gå alene.");
}

TEST(VerbForms, PerfectParticiple) {
  expect_finding("Vi har hør mye om det.", "perfect-participle", "hørt");
  expect_finding("Jeg har skrev et brev.", "perfect-participle", "skrevet");
  expect_finding("Hun har gjøre leksene.", "perfect-participle", "gjort");
  expect_finding("Etter å ha studere i tre år fikk hun jobb.", "perfect-participle", "studert");
  expect_clean("Vi har hørt mye om det.");
  expect_clean("Jeg har skrevet et brev.");
  expect_clean("Han har brukte klær på seg.");  // "brukte" is an adjective here
  expect_clean("Jeg har lyst på kaffe.");
  expect_clean("Etter å ha studert i tre år fikk hun jobb.");
}

TEST(VerbForms, PresentRAfterOtherSubjects) {
  expect_finding("Hvis elevene trenge hjelp, kan de spørre.", "present-r", "trenger");
  expect_finding("Jeg tror at det hjelpe mye.", "present-r", "hjelper");
  expect_finding("Vi kjenner folk som snakke fem språk.", "present-r", "snakker");
  expect_clean("Hvis elevene trenger hjelp, kan de spørre.");
  expect_clean("Jeg tror at det hjelper mye.");
  expect_clean("Vi kjenner folk som snakker fem språk.");
  expect_clean("Det være seg store eller små.");
  expect_clean("Vi hjalp de få som kom.");
}

TEST(VerbForms, PastTenseAfterPastTimeAdverbial) {
  expect_finding("I går spiser vi middag hos henne.", "past-tense-adverbial", "spiste");
  expect_finding("Vi bor i Trondheim for tre år siden.", "past-tense-adverbial", "bodde");
  expect_finding("Hun har solgt huset for lenge siden.", "past-tense-adverbial", "solgte");
  expect_finding("Forrige uke reiser vi til Bergen.", "past-tense-adverbial", "reiste");
  expect_clean("I går spiste vi middag hos henne.");
  expect_clean("Vi bodde i Trondheim for tre år siden.");
  expect_clean("Hun solgte huset for lenge siden.");
  expect_clean("Jeg har bodd her siden i fjor.");                    // the time reaches up to now
  expect_clean("Hun er født for tretti år siden.");
  expect_clean("I går regnet det, men i dag skinner sola.");          // another clause
  expect_clean("Han sier at han reiste i går.");
  expect_clean("Det er to år siden vi flyttet.");                    // no "for"
}

TEST(VerbForms, PresentRBeforeInvertedSubject) {
  expect_finding("I dag jobbe jeg hjemme.", "present-r", "jobber");
  expect_finding("Hva gjøre du i kveld?", "present-r", "gjør");
  expect_clean("I dag jobber jeg hjemme.");
  expect_clean("Hva gjør du i kveld?");
  expect_clean("Hjelp du meg med dette!");         // an imperative at the start
  expect_clean("Jeg kan ikke forstå du sier det.");  // after a modal (other errors aside)
}

TEST(VerbForms, ModalReadAsNounAndTrengerIkke) {
  expect_finding("Vi bør ser på saken.", "modal-verb-form", "se");  // CG-3 reads "bør" as a noun
  expect_finding("Du trenger ikke spør om lov.", "modal-verb-form", "spørre");
  expect_finding("Da trenger du ikke spør om lov.", "modal-verb-form", "spørre");
  expect_clean("Vi bør se på saken.");
  expect_clean("Du trenger ikke spørre om lov.");
  expect_clean("Du trenger ikke penger til det.");
}

TEST(VerbForms, PresentRBeforeObjectPronoun) {
  // "klare" is also an adjective and "lære" a noun; before "seg/oss" they are verbs.
  expect_finding("Det går bra fordi familiene klare seg.", "present-r", "klarer");
  expect_finding("Boka lære oss mye.", "present-r", "lærer");
  expect_clean("Det går bra fordi familiene klarer seg.");
  expect_clean("Boka lærer oss mye.");
  expect_clean("Hvis barna er klare, går vi.");
}

TEST(VerbForms, ModalWithMoreAdverbsBetween) {
  expect_finding("Jeg vil heller ser på film.", "modal-verb-form", "se");
  expect_finding("Du kan kanskje hjelper meg.", "modal-verb-form", "hjelpe");
  expect_clean("Jeg vil heller se på film.");
  expect_clean("Du kan kanskje hjelpe meg.");
}

TEST(VerbForms, PresentRInSubordinateClauses) {
  // After "mens", "inntil", "som" and with a clause adverb between subject and verb.
  expect_finding("Hun leser mens vi se på film.", "present-r", "ser");
  expect_finding("Vi venter inntil dere forstå oppgaven.", "present-r", "forstår");
  expect_finding("Dette er en sang som vi synge hver dag.", "present-r", "synger");
  expect_finding("Det er synd at vi ikke snakke mer sammen.", "present-r", "snakker");
  expect_finding("Læreren sier at elevene bare gjenta det.", "present-r", "gjentar");
  expect_finding("Vi vet at du være flink.", "present-r", "er");
  expect_clean("Hun leser mens vi ser på film.");
  expect_clean("Det er synd at vi ikke snakker mer sammen.");
  expect_clean("Jeg tror at det er lurt.");
  expect_clean("Nå får vi se hva som skjer.");
}

TEST(VerbForms, ModalBeforeAWordThatIsAlsoANoun) {
  // "jobber" is also a noun (jobs, a jobber) and CG-3 keeps it; "bør" after "det" is the modal, not
  // the noun (a burden).
  expect_finding("Neste år vil jeg også jobber her.", "modal-verb-form", "jobbe");
  expect_finding("Det bør begynner i morgen.", "modal-verb-form", "begynne");
  expect_clean("Neste år vil jeg også jobbe her.");
  expect_clean("Det bør begynne i morgen.");
  expect_clean("Det bør være lett.");
}

TEST(VerbForms, ModalWithInvertedNounAndItsPossessive) {
  // "foreldrene mine" is the inverted subject; the verb after it is the infinitive.
  expect_finding("Da måtte foreldrene mine leser for meg.", "modal-verb-form", "lese");
  expect_clean("Da måtte foreldrene mine lese for meg.");
}

TEST(VerbForms, PresentRAfterPronounWhateverCg3Read) {
  // CG-3 reads "ringe" as an adjective (ring), "flytte" as a participle (flyte) and "følge" as a
  // noun; after a subject pronoun that begins the clause the word is the verb all the same.
  expect_finding("Hvis du ringe meg i morgen, kommer jeg.", "present-r", "ringer");
  expect_finding("Når vi flytte til Bergen, trenger vi en stor bil.", "present-r", "flytter");
  expect_finding("De følge med i timene.", "present-r", "følger");
  expect_clean("Hvis du ringer meg i morgen, kommer jeg.");
  expect_clean("Når vi flytter til Bergen, trenger vi en stor bil.");
  expect_clean("De følger med i timene.");
  // Not "de få" (the few), nor an ending written apart, nor a noun before an indefinite noun.
  expect_no_rule("Jeg tror at de få gjestene koste seg.", "present-r");
  expect_no_rule("Vi ser at de helse farer er store.", "present-r");
}

TEST(VerbForms, PresentRAfterNounSubjectInSubordinateClause) {
  // CG-3 reads "vise" as an adjective and "lære" as a noun; after the subject they are the verb.
  expect_finding("Jeg håper at barna vise respekt for andre.", "present-r", "viser");
  expect_finding("Det er bra at ungdommene lære seg språk.", "present-r", "lærer");
  expect_clean("Jeg håper at barna viser respekt for andre.");
  expect_clean("Det er bra at ungdommene ofte lærer fort.");
}

TEST(VerbForms, CoordinatedPresent) {
  expect_finding("Om kvelden sitter han og mimre om gamle dager.", "present-r", "mimrer");
  expect_finding("Mange leier eller kjøpe hytter i fjellet.", "present-r", "kjøper");
  expect_clean("Om kvelden sitter han og mimrer om gamle dager.");
  expect_clean("Jeg kan lese og skrive norsk.");
  expect_clean("Hun liker å lese og skrive dikt.");
  expect_clean("Han lar barna leke og synge.");
  expect_no_rule("Jeg prøver og lære meg norsk.", "present-r");  // "å lære": the og/å rule's
}

TEST(VerbForms, ImperativeFormInInfinitiveList) {
  expect_finding("Med mobilen kan man ringe, send meldinger og ta bilder.", "modal-verb-form", "sende");
  expect_finding("Det er lett å lese og send svar.", "infinitive-marker", "sende");
  expect_clean("Med mobilen kan man ringe, sende meldinger og ta bilder.");
  expect_clean("Les teksten og send svar i dag.");
}

TEST(VerbForms, PresentRAfterFrontedClauseAndInRelativeClause) {
  expect_finding("Hvis det regner, jobbe vi inne.", "present-r", "jobber");
  expect_finding("Barna tror på alt de høre.", "present-r", "hører");
  expect_finding("I dag jobbe hun hjemme.", "present-r", "jobber");
  expect_clean("Hvis det regner, jobber vi inne.");
  expect_clean("Barna tror på alt de hører.");
  expect_clean("Hvis du kan, hjelp du meg!");
}

TEST(VerbForms, PerfectWithPastOrPresentForm) {
  // "opplevde", "gjorde" are also an adjective and a rare verb in the dictionary.
  expect_finding("Vi har opplevde det før.", "perfect-participle", "opplevd");
  expect_finding("Når de har gjorde leksene, leker de.", "perfect-participle", "gjort");
  expect_finding("De hadde kunne reise.", "perfect-participle", "kunnet");
  expect_finding("Jeg har spiser middag.", "perfect-participle", "spist");
  expect_clean("Vi har opplevd det før.");
  expect_clean("Jeg har spist middag.");
  expect_clean("Det jeg har gjør meg glad.");  // "har" ends the relative clause
  expect_no_rule("De har brukte klær.", "perfect-participle");
}

TEST(VerbForms, PresentRForFaaAfterPersonalPronoun) {
  expect_finding("Når du få brevet, kan du ringe meg.", "present-r", "får");
  expect_finding("Hvis jeg få tid, kommer jeg.", "present-r", "får");
  expect_clean("Når du får brevet, kan du ringe meg.");
  expect_no_rule("De få som kom, var glade.", "present-r");  // "de få": the few
}

TEST(VerbForms, ParticipleAlone) {
  expect_finding("Vi vært hjemme hele dagen.", "participle-alone", "var");
  expect_finding("Når de gjort leksene, leker de.", "participle-alone", "gjorde");
  expect_clean("Vi var hjemme hele dagen.");
  expect_clean("Vi har vært hjemme hele dagen.");
  expect_no_rule("Han født i Oslo.", "participle-alone");  // "er født": the past tense is no correction
  for (const char* language : {"nb", "nn", "en", "ar", "uk", "so", "ti", "prs", "pl", "tr"}) {
    const auto findings = check("Vi vært hjemme hele dagen.", language);
    ASSERT_FALSE(findings.empty()) << language;
    EXPECT_FALSE(findings.front().explanation.empty()) << language;
  }
}

TEST(VerbForms, PastTenseInFrontedDaClause) {
  expect_finding("Da vi sitter ute, begynte det å regne.", "past-tense-adverbial", "satt");
  expect_finding("Da han blir gammel, flyttet han hjem.", "past-tense-adverbial", "ble");
  expect_clean("Da vi satt ute, begynte det å regne.");
  expect_no_rule("Da vi kommer fram, spiser vi.", "past-tense-adverbial");  // "da" as "then": the main clause is present
}

TEST(VerbForms, ModalBeforeArticleAndNoun) {
  expect_finding("I dag må en lærer kan mye om data.", "modal-verb-form", "kunne");
  expect_finding("Her skal et barn lærer å svømme.", "modal-verb-form", "lære");
  expect_clean("I dag må en lærer kunne mye om data.");
  expect_clean("Han kan et språk som få snakker.");
}
