// Word order (O): right and wrong examples written for these tests.
#include "rules/rule_test_util.h"

namespace voki::feedback::testing {
namespace {

TEST(WordOrderV2, AfterFrontedAdverb) {
  expect_finding("Derfor jeg liker ikke kaffe.", "v2-word-order", "liker jeg");
  expect_finding("Til slutt jeg vil takke alle.", "v2-word-order", "vil jeg");
  // A noun subject after a sentence adverb.
  expect_finding("Dessverre naboene har ikke tid.", "v2-word-order", "har naboene");
  // "kanskje" allows both orders; focus adverbs belong to the subject.
  expect_no_rule("Kanskje jeg kommer i morgen.", "v2-word-order");
  expect_clean("Bare jeg vet svaret.");
  expect_clean("Nesten alle liker sommeren.");
  // A pronoun and a second subject joined by "og".
  expect_finding("Heldigvis jeg og kona mi har to barn.", "v2-word-order", "har jeg og kona mi");
  expect_finding("I dag jeg og vennene mine dro på tur.", "v2-word-order", "dro jeg og vennene mine");
  expect_clean("Heldigvis har jeg og kona mi to barn.");
  expect_no_rule("Derfor jeg og hun.", "v2-word-order");
}

TEST(WordOrderV2, AfterFrontedPhrase) {
  expect_finding("Etter min mening det er for dyrt å bo i byen.", "v2-word-order", "er det");
  expect_finding("På den andre siden det er fint å bo på landet.", "v2-word-order", "er det");
  expect_clean("Om sommeren bader vi i sjøen.");
  // A relative clause without "som" after the phrase, then the verb and subject.
  expect_clean("I landet jeg kommer fra er det varmt om sommeren.");
  expect_no_rule("Etter det vi har hørt, er saken klar.", "v2-word-order");
  // A plural or definite noun subject after a phrase first in the sentence.
  expect_finding("Etter skolen barna har lekser.", "v2-word-order", "har barna");
  expect_clean("Etter skolen har barna lekser.");
  expect_no_rule("Rundt om i verden er det mange fjell.", "v2-word-order");
  // "om" before a time of day, week or year is the preposition, not "if".
  expect_finding("Om sommeren vi bor på hytta.", "v2-word-order", "bor vi");
  expect_finding("Om kvelden barna ser på TV.", "v2-word-order", "ser barna");
  expect_clean("Om kvelden ser barna på TV.");
  expect_no_rule("Om barnet er sykt, må du ringe legen.", "v2-word-order");
  expect_no_rule("Jeg lurer på om morgenen er kald der.", "v2-word-order");
}

TEST(WordOrderV2, AfterFrontedSubordinateClause) {
  expect_finding("Når jeg kom hjem, jeg laget middag.", "v2-word-order", "laget jeg");
  expect_finding("Hvis det regner i morgen, vi blir hjemme.", "v2-word-order", "blir vi");
  expect_finding("Hun var syk, men hvis hun blir frisk, hun kommer på festen.", "v2-word-order", "kommer hun");
  expect_clean("Før jeg kom til Norge, bodde jeg i Polen.");
  expect_clean("Hvis du vil, så kan vi gå nå.");
  // A subordinate clause after a comma, closed by its own comma, then the main clause.
  expect_finding("Vi får støtte, hvis vi jobber hardt, vi får mer penger.", "v2-word-order", "får vi");
  expect_finding("Jeg liker byen, men når det regner, jeg blir hjemme.", "v2-word-order", "blir jeg");
  expect_clean("Vi får støtte, hvis vi jobber hardt, får vi mer penger.");
  expect_no_rule("Jeg blir glad, hvis du kommer.", "v2-word-order");
  // "For å" and its infinitive without the comma, then a subject-only pronoun.
  expect_finding("For å forstå jeg må lese mye.", "v2-word-order", "må jeg");
  expect_clean("For å forstå må jeg lese mye.");
  expect_no_rule("For å lære språket man snakker her, må man øve.", "v2-word-order");
  // "ikke" between subject and verb; inside an "at" clause; after "desto" and its comparative.
  expect_finding("Før jeg kom til Norge, jeg ikke kunne gå på ski.", "v2-word-order", "kunne jeg ikke");
  expect_finding("Han sa at hvis det regner, vi blir hjemme.", "v2-word-order", "blir vi");
  expect_finding("Jo mer du øver, desto bedre du blir.", "v2-word-order", "blir du");
  expect_clean("Jo mer du øver, desto bedre blir du.");
  // A verb in a later clause does not make the fronted adverb's clause a relative clause.
  expect_finding("Hovedsakelig jeg tror at barna er glade når de er ute.", "v2-word-order", "tror jeg");
}

TEST(WordOrderQuestion, VerbAfterQuestionWord) {
  expect_finding("Hvorfor du kommer ikke i dag?", "question-word-order", "kommer du");
  expect_clean("Hvorfor kommer du ikke i dag?");
  // A clause that starts with a question word inside a statement.
  expect_no_rule("Hvordan du har det, vet jeg ikke.", "question-word-order");
}

TEST(WordOrderSubclause, AdverbBeforeTheVerb) {
  expect_finding("Jeg tror at det er ikke lett.", "adverb-subclause", "ikke er");
  expect_finding("Hun sier at barna er ikke hjemme.", "adverb-subclause", "ikke er");
  expect_finding("Vi har naboer som er aldri hjemme.", "adverb-subclause", "aldri er");
  expect_finding("Jeg vet at han kan også svømme.", "adverb-subclause", "også kan");
  expect_finding("Han er trist fordi han har ikke jobb.", "adverb-subclause", "ikke har");
  expect_clean("Jeg tror at det ikke er lett.");
  // "også" at the end means "too"; "bare" may belong to what follows.
  expect_clean("Han sier at han kommer også.");
  expect_no_rule("Jeg vet at han har bare to barn.", "adverb-subclause");
  // "om" as a preposition; "fordi" with "det" and main-clause order is left alone.
  expect_clean("Boka om Per er ikke god.");
  expect_no_rule("Det er bra fordi det koster ikke mye.", "adverb-subclause");
  // "og at" is one token; "som" after a comma; "en" as a pronoun.
  expect_finding("Hun sa at hun er syk, og at det kan ikke vente.", "adverb-subclause", "ikke kan");
  expect_finding("Vi har naboer, som er aldri hjemme.", "adverb-subclause", "aldri er");
  expect_finding("Det er vanskelig hvis en har ikke penger.", "adverb-subclause", "ikke har");
  expect_finding("Vi flytter ikke, fordi en har ikke behov for det.", "adverb-subclause", "ikke har");
  expect_clean("Vi flytter ikke, fordi en ikke har behov for det.");
  expect_no_rule("Jeg kom sent fordi en bil var ikke ledig.", "adverb-subclause");  // "en" the article
  // Between an auxiliary and its infinitive, and after "er", more adverbs qualify the verb.
  expect_finding("Jeg tror at han vil kanskje komme.", "adverb-subclause", "kanskje vil");
  expect_finding("Han sier at barna er ofte syke.", "adverb-subclause", "ofte er");
  expect_clean("Jeg tror at han kanskje vil komme.");
  // A number after the adverb: "nesten fire år".
  expect_no_rule("Jeg har en sønn som er nesten fire år.", "adverb-subclause");
  expect_no_rule("Vi bader når det er bare 15 grader.", "adverb-subclause");
}

TEST(WordOrderSubclause, SubjectBeforeTheVerb) {
  expect_no_rule("Men da kom jeg hjem.", "subclause-word-order");  // "men" first: nothing before it to read
  expect_finding("Jeg vet ikke hva skal jeg gjøre.", "subclause-word-order", "jeg skal");
  expect_finding("Vi glemmer at har vi venner.", "subclause-word-order", "vi har");
  expect_finding("Hun spør hvor gammel er du.", "subclause-word-order", "du er");
  expect_clean("Jeg vet ikke hva jeg skal gjøre.");
  // After "som", also with "ikke" or "aldri" between, and after "noe", "alt", "det".
  expect_finding("Det er en bok som aldri har jeg lest.", "subclause-word-order", "jeg aldri har");
  expect_finding("Det er noe som ikke kan man forandre.", "subclause-word-order", "man ikke kan");
  expect_finding("Alt som kan vi gjøre, er bra.", "subclause-word-order", "vi kan");
  expect_clean("Det er noe som man ikke kan forandre.");
  expect_no_rule("Det er noe som ikke kan vente.", "subclause-word-order");
  // A clause without "at" after a sentence adverb, a verb of opinion and its subject.
  expect_finding("Derfor synes jeg er det viktig å lese.", "subclause-word-order", "det er");
  expect_finding("Dessuten tror jeg blir de nye reglene bra.", "subclause-word-order", "de nye reglene blir");
  expect_clean("Derfor synes jeg det er viktig å lese.");
  // A word taken out of that clause.
  expect_no_rule("Det synes jeg er det beste.", "subclause-word-order");
  expect_no_rule("Hva tror du er det viktigste?", "subclause-word-order");
  expect_clean("Hva skal jeg gjøre?");
  expect_no_rule("Jeg lurer på: hva gjør vi nå?", "subclause-word-order");
  // "da" and "før" as subjunctions with the verb before the subject.
  expect_finding("Før flyttet vi hit, bodde vi i Tyrkia.", "subclause-word-order", "vi flyttet");
  expect_finding("Hun ble glad da fikk hun brevet.", "subclause-word-order", "hun fikk");
  expect_clean("Før flyttet vi hit, men nå bor vi i Tyrkia.");
  expect_clean("Hun ble glad da hun fikk brevet.");
  // The adverbs "da" and "før" (then, earlier) with the verb second.
  expect_no_rule("Vi var trøtte, og da sov vi lenge.", "subclause-word-order");
  expect_no_rule("Før bodde vi i Bergen.", "subclause-word-order");
  expect_no_rule("Hvis det regner da blir vi hjemme.", "subclause-word-order");
  // A noun subject between a modal and its infinitive after "hvordan"; after "hvor" + adjective.
  expect_finding("Jeg skjønner ikke hvordan kan folk spise sild.", "subclause-word-order", "folk kan");
  expect_finding("Det viser hvor viktig er familien for oss.", "subclause-word-order", "familien er");
  expect_finding("Boka forteller hvorfor reiste han.", "subclause-word-order", "han reiste");
  expect_clean("Jeg skjønner ikke hvordan folk kan spise sild.");
  expect_clean("Det viser hvor viktig familien er for oss.");
  expect_no_rule("Hvor viktig er familien for deg?", "subclause-word-order");
}

TEST(WordOrderMainClause, AdverbAfterTheVerb) {
  expect_finding("Jeg ikke liker kaffe.", "adverb-main-clause", "liker ikke");
  expect_finding("Vi har bil, men vi aldri kjører den.", "adverb-main-clause", "kjører aldri");
  expect_clean("Jeg liker ikke kaffe.");
  expect_clean("Han sier at han ikke liker kaffe.");
  // Other clause adverbs after a pronoun, "ikke" and "ofte" after a plural noun subject.
  expect_finding("Vi også spiser fisk.", "adverb-main-clause", "spiser også");
  expect_finding("Katter ofte sover om dagen.", "adverb-main-clause", "sover ofte");
  expect_finding("Hun var trett, og hun alltid sovnet tidlig.", "adverb-main-clause", "sovnet alltid");
  expect_clean("Vi spiser også fisk.");
  // "jeg også" is "me too"; a subordinate clause goes on after "og"; a fronted time phrase.
  expect_no_rule("Jeg også synes det er fint.", "adverb-main-clause");
  expect_no_rule("Han er glad fordi de er friske, og de ikke trenger hjelp.", "adverb-main-clause");
  expect_no_rule("Neste dager ofte kommer regn.", "adverb-main-clause");
}

TEST(WordOrderMainClause, ObjectPronounBeforeIkke) {
  expect_finding("Hun gleder ikke seg til ferien.", "object-pronoun-order", "seg ikke");
  expect_finding("Jeg husker ikke dem.", "object-pronoun-order", "dem ikke");
  expect_clean("Jeg ser deg ikke.");
  // After "være" the pronoun is stressed.
  expect_clean("Det er ikke meg du ser.");
}

TEST(WordOrderMainClause, AdverbBeforeInfinitiveOrParticiple) {
  expect_finding("Jeg har sett aldri en elg.", "adverb-nonfinite", "aldri sett");
  expect_finding("Man kan velge også farge på bilen.", "adverb-nonfinite", "også velge");
  expect_clean("Jeg har aldri sett en elg.");
  expect_clean("Du kan komme også.");
}

TEST(WordOrderSubclause, AdverbAfterKanskjeAndTheSubject) {
  expect_finding("Kanskje han kommer ikke i morgen.", "adverb-subclause", "ikke kommer");
  expect_finding("Kanskje disse bøkene har ikke bilder.", "adverb-subclause", "ikke har");
  expect_finding("Det var kaldt, kanskje vi var aldri ute.", "adverb-subclause", "aldri var");
  expect_finding("Bussen er forsinket, eller kanskje den kommer ikke.", "adverb-subclause", "ikke kommer");
  expect_clean("Kanskje han ikke kommer i morgen.");
  expect_clean("Kanskje kommer han ikke i morgen.");
  expect_no_rule("Han kommer kanskje ikke.", "adverb-subclause");
  expect_no_rule("Kanskje jeg kommer også.", "adverb-subclause");
  expect_no_rule("Kanskje ikke han vet det.", "adverb-subclause");
}

}  // namespace
}  // namespace voki::feedback::testing
