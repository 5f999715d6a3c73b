// Missing words (M): formal subject, infinitive marker, "ha" after "å", "som" in indirect questions, "er" in relative clauses, "seg".
#include "rules/rule_test_util.h"

namespace {
using namespace voki::feedback::testing;

TEST(MissingWords, FormalSubject) {
  expect_finding("Derfor er viktig å lære norsk.", "missing-formal-subject", "er det");
  expect_finding("For meg er veldig viktig at barna har det bra.", "missing-formal-subject", "er det");
  expect_finding("Hun ble hjemme fordi var vanskelig å finne veien.", "missing-formal-subject", "det var");  // subordinate: "det" first
  expect_finding("Det er et sted hvor er lett å parkere.", "missing-formal-subject", "det er");
  expect_no_rule("Hvor er det lett å parkere?", "missing-formal-subject");
  expect_no_rule("Det som før var vanlig å gjøre, er sjeldent nå.", "missing-formal-subject");  // "før" an adverb
  expect_finding("I vinter blir kaldt.", "missing-formal-subject", "blir det");
  expect_finding("Derfor er lett å se.", "missing-formal-subject", "er det");          // "lett" is also a participle
  expect_finding("For tiden er vanlig at folk jobber hjemme.", "missing-formal-subject", "er det");
  expect_finding("I dag er populært med hytter.", "missing-formal-subject", "er det");
  expect_no_rule("Derfor er det viktig å lære norsk.", "missing-formal-subject");
  expect_no_rule("For meg er familien viktig.", "missing-formal-subject");
  expect_no_rule("I dag er været fint.", "missing-formal-subject");
  expect_no_rule("Her er norsk viktig.", "missing-formal-subject");
  expect_no_rule("De kvinnene kan være redd for at de mister jobben.", "missing-formal-subject");
  expect_no_rule("Boka som er viktig å lese, ligger der.", "missing-formal-subject");
}

TEST(MissingWords, InfinitiveMarker) {
  expect_finding("Han begynte studere medisin.", "missing-infinitive-marker", "å studere");
  expect_finding("Jeg prøvde forstå ham.", "missing-infinitive-marker", "å forstå");
  expect_finding("Da sluttet jeg røyke.", "missing-infinitive-marker", "å røyke");
  expect_finding("Jeg prøver lære norsk.", "missing-infinitive-marker", "å lære");  // "lære" is also a noun: CG-3 decides
  expect_no_rule("Hun prøvde kjolen.", "missing-infinitive-marker");
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
  expect_finding("Hun forklarte hva hadde skjedd.", "missing-som", "hva som");
  expect_finding("Derfor bestemmer jeg hva er riktig.", "missing-som", "hva som");
  expect_finding("Vi lurer på hva er grunnen.", "missing-som", "hva som");
  expect_no_rule("Hun forklarte hva han hadde gjort.", "missing-som");
  expect_no_rule("Derfor vet jeg hva grunnen er.", "missing-som");
}

}  // namespace

namespace {
using namespace voki::feedback::testing;

TEST(MissingWords, DeterminerBeforeAdjectiveAndDefiniteNoun) {
  expect_finding("Jeg trives i norske naturen.", "missing-determiner", "den norske");
  expect_finding("Han reiser ofte til store byene.", "missing-determiner", "de store");
  expect_finding("På andre siden er det dyrt.", "missing-determiner", "den andre");
  expect_finding("Han snakket om flyvende teppet.", "missing-determiner", "det flyvende");
  expect_finding("Fleste barn liker is.", "missing-determiner", "De fleste");
  expect_finding("Det gjelder for fleste av oss.", "missing-determiner", "de fleste");
  expect_no_rule("Jeg trives i den norske naturen.", "missing-determiner");
  expect_no_rule("De aller fleste liker is.", "missing-determiner");
  expect_no_rule("Hele familien bor her.", "missing-determiner");
  expect_no_rule("Vi kom samme dagen.", "missing-determiner");
  expect_no_rule("Han kjøpte nye sko.", "missing-determiner");
  expect_no_rule("De lånte leilighetene ut.", "missing-determiner");
  expect_no_rule("Hun er den mest kjente norske forfatteren.", "missing-determiner");
  expect_no_rule("Disse store og tunge kassene er mine.", "missing-determiner");
  expect_no_rule("Norges største byen er Oslo.", "missing-determiner");
}

}  // namespace

namespace {
using namespace voki::feedback::testing;

TEST(MissingWords, Reflexive) {
  expect_finding("Jeg føler trygg her.", "missing-reflexive", "føler meg");
  expect_finding("Barna oppfører pent.", "missing-reflexive", "oppfører seg");
  expect_finding("Mange eldre føler ensomme.", "missing-reflexive", "føler seg");
  expect_no_rule("De føler seg trygge.", "missing-reflexive");
  expect_no_rule("Jeg føler sterkt at det er galt.", "missing-reflexive");
  expect_no_rule("Hun følte stor glede.", "missing-reflexive");
  expect_no_rule("Han var forelsket i henne.", "missing-reflexive");
  expect_no_rule("Nå oppfører barna seg pent.", "missing-reflexive");
}

}  // namespace

namespace {
using namespace voki::feedback::testing;

TEST(MissingWords, InfinitiveMarkerAfterVerbThatIsAlsoANoun) {
  expect_finding("Nå prøver vi bare forstå reglene.", "missing-infinitive-marker", "å forstå");
  expect_no_rule("Nå prøver vi bare å forstå reglene.", "missing-infinitive-marker");
  expect_no_rule("Prøver viser at vannet er rent.", "missing-infinitive-marker");
}

TEST(MissingWords, FormalSubjectBeforeReportedClause) {
  expect_finding("I avisen står at butikken stenger.", "missing-formal-subject", "står det");
  expect_finding("Nå for tiden er vanlig at folk handler på nettet.", "missing-formal-subject", "er det");
  expect_no_rule("I avisen står det at butikken stenger.", "missing-formal-subject");
  expect_no_rule("Det står at butikken stenger.", "missing-formal-subject");
}
}  // namespace

namespace {
using namespace voki::feedback::testing;

TEST(MissingWords, CopulaInRelativeClause) {
  expect_finding("Han valgte en jobb som veldig krevende.", "missing-copula", "som er");
  expect_finding("Vi spiste noe som sunt for kroppen.", "missing-copula", "som er");
  expect_no_rule("Han valgte en jobb som er veldig krevende.", "missing-copula");
  expect_no_rule("Kom så fort som mulig.", "missing-copula");
  expect_no_rule("Han jobbet som frivillig i mange år.", "missing-copula");
  expect_no_rule("De ser på naboen som rik.", "missing-copula");             // regarding
}

TEST(MissingWords, InherentlyReflexiveVerbs) {
  expect_finding("Han bryr ikke om pengene.", "missing-reflexive", "bryr seg");
  expect_finding("Vi skyndte hjem etter skolen.", "missing-reflexive", "skyndte oss");
  expect_no_rule("Han bryr seg ikke om pengene.", "missing-reflexive");
  expect_no_rule("Han giftet bort datteren sin.", "missing-reflexive");
  expect_no_rule("Det er mange gifte kvinner her.", "missing-reflexive");
}
}  // namespace

namespace {
using namespace voki::feedback::testing;

TEST(MissingWords, StrandedPrepositionAfterMaate) {
  expect_finding("Jeg liker måten han snakker.", "missing-stranded-preposition", "snakker på");
  expect_finding("Hun er fornøyd med måten de jobber sammen.", "missing-stranded-preposition", "jobber på");
  expect_finding("Jeg liker måten hun oppfører seg.", "missing-stranded-preposition", "oppfører seg på");
  expect_finding("Det er måten vi ble oppdratt.", "missing-stranded-preposition", "oppdratt på");
  expect_no_rule("Jeg liker måten han snakker på.", "missing-stranded-preposition");
  expect_no_rule("På den måten vi gjør det, går det fort.", "missing-stranded-preposition");
  expect_no_rule("Det er måten som fungerer best.", "missing-stranded-preposition");
}
TEST(MissingWords, MarkerAfterPreposition) {
  expect_finding("Han gikk uten spørre om lov.", "preposition-infinitive", "å spørre");
  expect_finding("Regnet hindret oss i komme fram.", "preposition-infinitive", "å komme");
  expect_finding("Jeg tenker på flytte til Bergen.", "preposition-infinitive", "å flytte");
  expect_no_rule("Han gikk uten å spørre om lov.", "preposition-infinitive");
  expect_no_rule("Vi bor på landet.", "preposition-infinitive");
  expect_no_rule("Jeg tenker på et møte i morgen.", "preposition-infinitive");
}

TEST(MissingWords, SubjectInSubordinateClause) {
  expect_finding("Derfor prøvde å lære norsk fort.", "missing-subject", "prøvde man");
  expect_finding("Som barn likte å spille fotball.", "missing-subject", "likte man");
  expect_finding("I fjor ønsket å flytte til Bergen, men jeg ble.", "missing-subject", "ønsket jeg");
  expect_no_rule("Derfor prøvde jeg å lære norsk fort.", "missing-subject");
  expect_no_rule("Som barn likte jeg å spille fotball.", "missing-subject");
  expect_no_rule("Å lese begynte å bli viktig.", "missing-subject");
  expect_no_rule("Derfor.", "missing-subject");
  expect_no_rule("...", "missing-subject");
  expect_finding("Hun er sliten fordi kommer rett fra jobben.", "missing-subject", "fordi hun");
  expect_finding("Han hilser når går forbi.", "missing-subject", "når han");
  expect_no_rule("Det blir dyrt fordi priser og skatter øker.", "missing-subject");
  expect_finding("Vi tror at snart vil bli bedre tider.", "missing-subject", "at det");
  expect_no_rule("Vi tror at snart alle vil flytte.", "missing-subject");
  expect_no_rule("Mange liker ikke tanken på at deler av huset skal rives.", "missing-subject");
  expect_finding("Hvis kan komme, ring meg.", "missing-subject", "Hvis man");
  expect_no_rule("Jeg blir glad fordi jeg liker jobben min.", "missing-subject");
  expect_no_rule("Når kommer du hjem?", "missing-subject");
  expect_no_rule("Vi vet ikke når kommer de.", "missing-subject");  // word order, not a missing subject
}

TEST(MissingWords, AtAfterBecauseOf) {
  expect_finding("Hun ble hjemme på grunn av hun var syk.", "missing-at", "på grunn av at");
  expect_no_rule("Hun ble hjemme på grunn av at hun var syk.", "missing-at");
  expect_no_rule("Hun ble hjemme på grunn av sykdom.", "missing-at");
}

TEST(MissingWords, ObjectAfterGjoere) {
  expect_finding("Kurset gjør enklere å finne jobb.", "missing-formal-object", "gjør det");
  expect_finding("Loven skal gjøre mulig for alle å stemme.", "missing-formal-object", "gjøre det");
  expect_no_rule("Kurset gjør det enklere å finne jobb.", "missing-formal-object");
  expect_no_rule("Maten gjør godt for kroppen.", "missing-formal-object");
}

TEST(MissingWords, ReflexiveWithBestemmeFor) {
  expect_finding("Vi bestemmer for å flytte.", "missing-reflexive", "bestemmer oss");
  expect_no_rule("Vi bestemmer oss for å flytte.", "missing-reflexive");
  expect_no_rule("Foreldre bestemmer for barna sine.", "missing-reflexive");
}
TEST(MissingWords, SomInSecondIndirectQuestion) {
  expect_finding("Vi lærer hva som er lov og hva er forbudt.", "missing-som", "hva som");
  expect_no_rule("Vi lærer hva som er lov og hva som er forbudt.", "missing-som");
  expect_no_rule("Han spiser og hva er det?", "missing-som");
  expect_finding("De avgjør hvor mye skal betales.", "missing-som", "hvor mye som");
  expect_no_rule("De avgjør hvor mye vi skal betale.", "missing-som");
}
}  // namespace

