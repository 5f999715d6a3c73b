// Superfluous words (R).
#include "rules/rule_test_util.h"

namespace {
using namespace voki::feedback::testing;

TEST(ExtraWords, TilBeforeInfinitive) {
  expect_finding("Det er viktig til å lære norsk.", "extra-til", "å");
  expect_finding("Er det mulig til å komme i morgen?", "extra-til", "å");
  expect_no_rule("Han er flink til å tegne.", "extra-til");
  expect_no_rule("Hun ble bedre til å svømme.", "extra-til");
  expect_no_rule("Det er viktig å lære norsk.", "extra-til");
}

TEST(ExtraWords, ArticleBeforeRole) {
  expect_finding("Jeg vil bli en sykepleier.", "extra-article", "sykepleier");
  expect_finding("Hun jobber som en lege.", "extra-article", "lege");
  expect_finding("Faren min ble en pensjonist i fjor, og han er glad.", "extra-article", "pensjonist");
  expect_no_rule("Jeg vil bli sykepleier.", "extra-article");
  expect_no_rule("Han er en lærer som alle liker.", "extra-article");
  expect_no_rule("Hun er en flink lege.", "extra-article");
  expect_no_rule("Jeg er en student fra Polen.", "extra-article");
}

TEST(ExtraWords, MarkerAfterModal) {
  expect_finding("Jeg vil å lære norsk.", "modal-marker", "lære");
  expect_finding("Du kan ikke å gå nå.", "modal-marker", "gå");
  expect_no_rule("Jeg vil lære norsk.", "modal-marker");
  expect_no_rule("Jeg liker å lære norsk.", "modal-marker");
}

TEST(ExtraWords, AtAfterSubjunction) {
  expect_finding("Vi går hvis at det ikke regner.", "extra-at", "hvis");
  expect_no_rule("Vi går hvis det ikke regner.", "extra-at");
  expect_no_rule("Etter at vi spiste, gikk vi.", "extra-at");
}

TEST(ExtraWords, ReflexiveWithoutReflexiveVerb) {
  expect_finding("Jeg trives meg her.", "extra-reflexive", "trives");
  expect_finding("Han foretrekker seg å sykle.", "extra-reflexive", "foretrekker");
  expect_no_rule("Jeg trives her.", "extra-reflexive");
  expect_no_rule("Jeg gleder meg til ferien.", "extra-reflexive");
}

TEST(ExtraWords, PrepositionAfterTransitiveVerb) {
  expect_finding("Huset tilhører til familien.", "extra-preposition", "tilhører");
  expect_finding("Været påvirker på humøret.", "extra-preposition", "påvirker");
  expect_finding("Det skyldes av at det regner.", "extra-preposition", "skyldes");
  expect_finding("Vi nøt av sola hele dagen.", "extra-preposition", "nøt");
  expect_finding("Hun besøkte hos bestemoren sin.", "extra-preposition", "besøkte");
  expect_finding("Han forlot fra landet i fjor.", "extra-preposition", "forlot");
  expect_no_rule("Vi nøt sola hele dagen.", "extra-preposition");
  expect_no_rule("Hun var på besøk hos bestemoren sin.", "extra-preposition");
  expect_no_rule("Huset tilhører familien.", "extra-preposition");
  expect_no_rule("Været påvirker humøret.", "extra-preposition");
  expect_no_rule("Været påvirker i stor grad humøret.", "extra-preposition");
  expect_finding("Jeg liker å møte med nye folk.", "extra-preposition", "møte");
  expect_no_rule("Mitt første møte med Norge var fint.", "extra-preposition");
  expect_finding("Vi diskuterte om hvordan vi skulle gjøre det.", "extra-preposition", "diskuterte");
  expect_no_rule("Vi diskuterte om vi skulle reise.", "extra-preposition");
  expect_finding("Huset ligger nær til sentrum.", "extra-preposition", "nær");
  expect_finding("Jeg savner etter familien min.", "extra-preposition", "savner");
  expect_finding("Det er vanskelig å nærme seg til dem.", "extra-preposition", "seg");
  expect_finding("Det gjelder i de fleste av land.", "extra-preposition", "de fleste");
  expect_no_rule("Det gjelder de fleste av oss.", "extra-preposition");
  expect_no_rule("Det gjelder de fleste av landene.", "extra-preposition");
}

TEST(ExtraWords, ForInMannerPhrase) {
  expect_finding("Det er en god måte for å lære språket på.", "extra-for-manner", "å");
  expect_no_rule("Det er en god måte å lære språket på.", "extra-for-manner");
  expect_no_rule("Vi fant nye måter for å lage energi.", "extra-for-manner");
}

TEST(ExtraWords, DoubleArticle) {
  expect_finding("Jeg tror ikke en et kvotesystem er bra.", "double-article", "et");
  expect_finding("Vi bor i et en liten by.", "double-article", "en");
  expect_no_rule("Vi bor i en liten by.", "double-article");
  expect_no_rule("De kom en og en.", "double-article");
}

TEST(ExtraWords, ArticleBeforeDefiniteNoun) {
  expect_finding("Nå får vi en muligheten til å reise.", "article-definite", "en mulighet");
  expect_finding("Han så et bildet av henne.", "article-definite", "et bilde");
  expect_no_rule("Nå får vi en mulighet til å reise.", "article-definite");
  expect_no_rule("Nå får vi muligheten til å reise.", "article-definite");
}

TEST(ExtraWords, CopulaBeforeFiniteVerb) {
  expect_finding("Min venninne er betyr mye for meg.", "extra-copula", "betyr");
  expect_finding("Folk er blir ikke behandlet likt.", "extra-copula", "blir");
  expect_no_rule("Hun er vant til det.", "extra-copula");
  expect_no_rule("Han er kjent for det.", "extra-copula");
  expect_no_rule("Min venninne betyr mye for meg.", "extra-copula");
}

TEST(ExtraWords, ArticleBeforePlural) {
  expect_finding("Vi bor i en store leiligheter.", "article-plural", "store");
  expect_no_rule("Vi bor i store leiligheter.", "article-plural");
  expect_no_rule("Vi bor i en stor leilighet.", "article-plural");
  expect_finding("Vi møtte en lærere i går.", "article-plural", "lærere");
  expect_finding("De sendte barna til en private skoler.", "article-plural", "private");
  expect_no_rule("Hvis en ønsker å lære, må en øve.", "article-plural");  // the pronoun and a verb
  expect_no_rule("Han kjøpte en ting i butikken.", "article-plural");
}

TEST(ExtraWords, WishWithInfinitive) {
  expect_finding("Jeg ønsker meg å reise til Spania.", "extra-reflexive", "ønsker");
  expect_finding("Hun ønsker seg å bli lege.", "extra-reflexive", "ønsker");
  expect_no_rule("Jeg ønsker meg en ny sykkel.", "extra-reflexive");
  expect_finding("Jeg, som bor i Oslo, ønsker meg å flytte.", "extra-reflexive", "ønsker");
  expect_no_rule("Han ønsker meg å lykkes.", "extra-reflexive");  // "meg" is no reflexive of "han"
  expect_no_rule("Jeg ønsker å reise til Spania.", "extra-reflexive");
}

TEST(ExtraWords, StrayLetter) {
  expect_finding("Vi fikk k hjelp av naboene.", "stray-letter", "hjelp");
  expect_finding("Hun tror at d han kommer i morgen.", "stray-letter", "han");
  expect_no_rule("Vi fikk hjelp av naboene.", "stray-letter");
  expect_no_rule("Han bor i en by i nord.", "stray-letter");
  expect_no_rule("Vi leste mange bøker, f. eks. romaner.", "stray-letter");
  expect_no_rule("Farten er 50 km / t her.", "stray-letter");
  expect_no_rule("Svaret står i oppgave b i boka.", "stray-letter");
  expect_no_rule("Vi besøkte Bergen s museum.", "stray-letter");
  expect_no_rule("Jeg glede r meg til sommeren.", "stray-letter");  // an ending written apart
  expect_finding("Vi liker norsk e mat.", "stray-letter", "mat");             // no "-e" before an indefinite noun
  expect_finding("Han fant en positiv t løsning.", "stray-letter", "løsning");  // no "-t" before a common-gender noun
  expect_no_rule("Jeg savner min norsk e venn.", "stray-letter");           // weak form after a possessive
  expect_no_rule("Vi ser den norsk e naturen.", "stray-letter");            // definite noun
  expect_no_rule("De kjøpte et stor t hus.", "stray-letter");               // "stort hus": a neuter noun
  expect_no_rule("Vi har god e venner.", "stray-letter");                   // plural noun
  expect_no_rule("Det er lett e lære.", "stray-letter");                    // "e" for "å" before an infinitive
}

TEST(ExtraWords, WordTwiceInClause) {
  expect_finding("Dette kan enda kan endres senere.", "repeated-word", "enda");
  expect_finding("Her er det også dyrt også.", "repeated-word", "dyrt");
  expect_finding("Du må alltid vaske hendene alltid.", "repeated-word", "hendene");
  expect_no_rule("Dette kan enda endres senere.", "repeated-word");
  expect_no_rule("Han kan lese, og hun kan skrive.", "repeated-word");
  expect_no_rule("Vi kan forstå hvordan de kan leve slik.", "repeated-word");   // a clause of its own
  expect_no_rule("Hun er også lærer og jobber også som tolk.", "repeated-word");
  expect_no_rule("Jeg vil at du vil komme.", "repeated-word");
  expect_no_rule("Det er ikke alltid lett å alltid være glad.", "repeated-word");  // an infinitive of its own
}

TEST(ExtraWords, VerbRestart) {
  expect_finding("Hun sa at det trenges trengs mer tid.", "verb-restart", "trengs");
  expect_finding("Jeg syntes synes at filmen er fin.", "verb-restart", "synes");
  expect_no_rule("Hun sa at det trengs mer tid.", "verb-restart");
  expect_no_rule("Vi har hatt mye snø i år.", "verb-restart");  // an auxiliary with its participle
  expect_no_rule("Vi må se så mye som mulig.", "verb-restart");
}

TEST(ExtraWords, ModalMarkerInCoordination) {
  expect_finding("Vi må sette oss ned og å snakke om det.", "modal-marker", "snakke");
  expect_finding("Du bør å ringe henne.", "modal-marker", "ringe");
  expect_no_rule("Vi må sette oss ned og snakke om det.", "modal-marker");
  expect_no_rule("Barna må lære å lese og å skrive.", "modal-marker");  // "og å" joins "å lese"
  expect_no_rule("Vi må reise, og å bo der er dyrt.", "modal-marker");
}

TEST(ExtraWords, SubjectTwice) {
  expect_finding("Da jeg var jeg liten, bodde vi i byen.", "repeated-word", "var");
  expect_no_rule("Da jeg var liten, bodde vi i byen.", "repeated-word");
  expect_no_rule("Jeg tror jeg har forstått det.", "repeated-word");  // a clause of its own
  expect_no_rule("Han sa han ikke kunne komme.", "repeated-word");
}

}  // namespace

#include "feedback/explanations.h"

namespace {
// The rules of missing_words.cpp, extra_words.cpp, collocations.cpp and punctuation_extra.cpp
// explain themselves in every support language.
TEST(ExtraWords, ExplanationsInEveryLanguage) {
  for (const char* rule : {"missing-formal-subject", "missing-infinitive-marker", "missing-ha", "missing-som", "missing-determiner", "missing-reflexive", "missing-preposition",
                           "preposition", "quantifier", "og-for-marker", "place-adverb", "indirect-if", "now-when", "when-past", "ogsaa-heller", "extra-til", "extra-article",
                           "modal-marker", "extra-at", "extra-reflexive", "extra-preposition", "extra-for-manner", "article-plural", "double-article", "article-definite", "extra-copula", "stray-letter", "verb-restart",
                           "comma-after-phrase", "comma-before-at", "comma-before-object-at", "comma-before-som", "og-saa", "verb-noun-preposition",
                           "extra-at-question", "extra-for-marker", "missing-copula", "missing-stranded-preposition",
                           "preposition-infinitive", "missing-subject", "missing-at", "missing-formal-object", "double-subject",
                           "double-conjunction", "double-possessive", "two-infinitives"})
    for (const auto& language : voki::feedback::explanation_languages())
      EXPECT_FALSE(voki::feedback::explanation(rule, language).empty()) << rule << " " << language;
}
}  // namespace

namespace {
using namespace voki::feedback::testing;

TEST(ExtraWords, AtBeforeQuestionWord) {
  expect_finding("Jeg vet at hva du mener.", "extra-at-question", "hva");
  expect_finding("Hun lurte på at hvordan det gikk.", "extra-at-question", "hvordan");
  expect_no_rule("Jeg vet hva du mener.", "extra-at-question");
  expect_no_rule("Jeg vet at du mener det.", "extra-at-question");
  expect_no_rule("Han sa at hvis det regner, blir vi hjemme.", "extra-at-question");
}

TEST(ExtraWords, ForBeforeMarker) {
  expect_finding("Det er koselig for å gå på kino.", "extra-for-marker", "å");
  expect_finding("Det kan være gøy for å spille fotball.", "extra-for-marker", "å");
  expect_no_rule("Det er koselig å gå på kino.", "extra-for-marker");
  expect_no_rule("Mosjon er viktig for å holde seg frisk.", "extra-for-marker");  // a purpose
  expect_no_rule("Han leser bøker for å lære.", "extra-for-marker");
}
}  // namespace

namespace {
using namespace voki::feedback::testing;

TEST(ExtraWords, MarkerAfterModalParticiple) {
  expect_finding("Jeg har alltid villet å lære norsk.", "modal-marker", "lære");
  expect_finding("Han har ikke kunnet å komme.", "modal-marker", "komme");
  expect_no_rule("Jeg har alltid villet lære norsk.", "modal-marker");
}

TEST(ExtraWords, CopulaTwice) {
  expect_finding("Det er ikke er lett å lære norsk.", "extra-copula", "er ikke");
  expect_finding("Selv om det er bare er en prøve, gruer jeg meg.", "extra-copula", "bare er");
  expect_finding("Det er har kanskje noe å si.", "extra-copula", "har");
  expect_no_rule("Det er ikke lett å lære norsk.", "extra-copula");
  expect_no_rule("Selv om det bare er en prøve, gruer jeg meg.", "extra-copula");
}
TEST(ExtraWords, QuantifierOfIndefiniteNoun) {
  expect_finding("Jeg kjenner mange av naboer her.", "extra-preposition", "mange");
  expect_finding("Begge av dem liker å lese.", "extra-preposition", "Begge");
  expect_no_rule("Jeg kjenner mange av naboene her.", "extra-preposition");
  expect_no_rule("Noen av oss liker å lese.", "extra-preposition");
  expect_no_rule("Begge to liker å lese.", "extra-preposition");
}

TEST(ExtraWords, TwoSubjectPronouns) {
  expect_finding("Katten sover når hun den er trøtt.", "double-subject", "den");
  expect_finding("Han sa at den han ikke ville komme.", "double-subject", "han");
  expect_no_rule("Så kastet han den bort.", "double-subject");
  expect_no_rule("Hver elev vet hva han / hun skal gjøre.", "double-subject");
  expect_no_rule("Katten sover når den er trøtt.", "double-subject");
}

TEST(ExtraWords, TwoConjunctions) {
  expect_finding("Vi kan ta buss og eller tog.", "double-conjunction", "eller");
  expect_finding("Han var trøtt, men og han jobbet videre.", "double-conjunction", "og");
  expect_no_rule("Vi kan ta buss eller tog.", "double-conjunction");
  expect_no_rule("Han var trøtt, men han jobbet videre.", "double-conjunction");
}

TEST(ExtraWords, TwoPossessives) {
  expect_finding("Hun elsker hunden hennes sin.", "double-possessive", "hennes");
  expect_finding("De snakket om deres sin framtid.", "double-possessive", "deres");
  expect_no_rule("Hun elsker hunden sin.", "double-possessive");
  expect_no_rule("Hvert barn har hans / hennes egen seng.", "double-possessive");
}
TEST(ExtraWords, TwoInfinitives) {
  expect_finding("Vi må danne skape et godt miljø.", "two-infinitives", "skape");
  expect_finding("Det er lett å overse ignorere slike ting.", "two-infinitives", "ignorere");
  expect_no_rule("Vi må få vite det.", "two-infinitives");
  expect_no_rule("Jeg kan ikke la være å le.", "two-infinitives");
  expect_no_rule("Han vil bli sittende.", "two-infinitives");
  expect_no_rule("Det er fint å lese / skrive.", "two-infinitives");
}
}  // namespace

