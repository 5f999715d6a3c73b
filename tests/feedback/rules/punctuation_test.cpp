// Punctuation (PUNCM): right and wrong examples written for these tests.
#include "feedback/explanations.h"
#include "rules/rule_test_util.h"

namespace voki::feedback::testing {
namespace {

TEST(CommaSubclause, BeforeTheMainClause) {
  // Verbs the disambiguator may read as nouns ("ringer", "bor") count where verb and subject
  // follow.
  expect_finding("Hvis noen ringer til meg kan du ta telefonen.", "comma-subclause", "meg,");
  expect_finding("Når nordmenn studerer bor de ofte på hybel.", "comma-subclause", "studerer,");
  expect_finding("Når jeg tenker på ferien blir jeg glad.", "comma-subclause", "ferien,");
  // After "men", "og", "at"; before a "så" that takes the clause up.
  expect_finding("Jeg tror at hvis vi jobber hardt kan vi klare det.", "comma-subclause", "hardt,");
  expect_finding("Hvis du vil så kan vi gå nå.", "comma-subclause", "vil,");
  expect_finding("Hvis alt går bra da reiser vi i morgen.", "comma-subclause", "bra,");
  expect_finding("Selv om jeg er syk så kan legene hjelpe meg.", "comma-subclause", "syk,");
  expect_clean("Når jeg kommer hjem, spiser jeg middag.");
}

TEST(CommaSubclause, AfterACommaOrAnEarlierClause) {
  // The subordinate clause follows a fronted phrase set off by a comma, or a clause that has its
  // comma already.
  expect_finding("I fjor, da vi bodde i byen tok vi bussen.", "comma-subclause", "byen,");
  expect_finding("Når det er sol, går vi ut, men hvis det regner blir vi hjemme.", "comma-subclause", "regner,");
  // A word that can only be a verb is the clause's verb after an adjective too.
  expect_finding("Om de eldre tillater det vil vi gjerne hjelpe.", "comma-subclause", "det,");
  // A relative clause set off by a comma inside the subordinate clause.
  expect_finding("Da jeg begynte på skolen, som lå i byen fikk jeg nye venner.", "comma-subclause", "byen,");
  expect_clean("Da jeg begynte på skolen, som lå i byen, fikk jeg nye venner.");
  // After a comma the clause may end the sentence; a noun after the verb shows no main clause.
  expect_no_rule("Vi har et rolig liv, mens mange av dem som kommer hit har hatt det vanskelig.", "comma-subclause");
  expect_no_rule("Han sa at det var lett, og at det heller ikke kan bli dyrt.", "comma-subclause");
  expect_no_rule("Vi gikk hjem, mens det ikke ble servert mat.", "comma-subclause");
}

TEST(CommaSubclause, CompoundsTheAnalyserDoesNotKnow) {
  // An unknown compound is the subject of the subordinate clause or, in lower case after the main
  // clause's verb, of the main clause.
  expect_finding("Etter at sykkelklubbmedlemmene kom hjem fikk vi kake.", "comma-subclause", "hjem,");
  expect_finding("Når naboungene leker ute kan vi ikke sove.", "comma-subclause", "ute,");
  expect_finding("Når vi kommer hjem kan skolesekken stå i gangen.", "comma-subclause", "hjem,");
  // No main clause after it, or the comma is there; an unknown name after the verb is left alone.
  expect_no_rule("Jeg vet at naboungene leker ute hele dagen.", "comma-subclause");
  expect_no_rule("Når naboungene leker ute hele dagen og synger.", "comma-subclause");
  expect_no_rule("Når vi kommer hjem, kan skolesekken stå i gangen.", "comma-subclause");
  expect_no_rule("Hvis vi kommer hjem seint kan Kvernevikene vente.", "comma-subclause");
}

TEST(CommaSubclause, AfterALongPhraseWithNaarDetGjelder) {
  // After "når det gjelder" and three words or more the comma is wanted; the first verb is the
  // main clause's.
  expect_finding("Når det gjelder prisen på boliger er den høy i Oslo.", "comma-subclause", "boliger,");
  expect_finding("Når det gjelder maten i barnehagen får barna varm lunsj.", "comma-subclause", "barnehagen,");
  expect_finding("Når det gjelder barn som bor i byen er det viktig med parker.", "comma-subclause", "byen,");
  // After a short phrase writers differ: left alone.
  expect_no_rule("Når det gjelder mat er vi enige.", "comma-subclause");
  expect_no_rule("Når det gjelder barna mine er jeg stolt.", "comma-subclause");
  expect_clean("Når det gjelder maten i barnehagen, får barna varm lunsj.");
}

TEST(CommaSubclause, SubjunctionsOfSeveralWords) {
  expect_finding("Etter hvert som barna blir store får de mer ansvar.", "comma-subclause", "store,");
  expect_finding("I tilfelle det regner tar vi bussen.", "comma-subclause", "regner,");
  expect_finding("Uansett hva vi gjør blir han sur.", "comma-subclause", "gjør,");
  expect_finding("Som du vet har vi flyttet.", "comma-subclause", "vet,");
  // A narrowing adverb before the subjunction.
  expect_finding("Først når vi kom hjem fikk vi mat.", "comma-subclause", "hjem,");
  expect_finding("Men bare hvis du vil kan vi gå.", "comma-subclause", "vil,");
  // "som" before a noun is "as": "Som barn likte jeg ...".
  expect_no_rule("Som barn likte jeg å lese bøker.", "comma-subclause");
  expect_clean("Etter hvert som barna blir store, får de mer ansvar.");
}

TEST(CommaSubclause, ClausesInsideTheSubordinateClause) {
  expect_clean("Hvis man flytter til et sted hvor de snakker et annet språk, er det viktig å lære språket.");
  // A clause without "at" after "tro": its verb is not the main clause's.
  expect_clean("Når jeg tror det er lett, prøver jeg.");
  expect_clean("Hvis du tror barna liker det, kan du kjøpe det.");
  // Writers differ after this fixed phrase.
  expect_no_rule("Når det gjelder mat er vi enige.", "comma-subclause");
}

TEST(CommaSubclause, AfterARelativeClauseInTheFrontedPart) {
  expect_finding("I byen hvor jeg bor er det mange parker.", "comma-subclause", "bor,");
  expect_finding("De som bor der kjenner jeg godt.", "comma-subclause", "der,");
  expect_finding("For barn som vokser opp her blir det lettere.", "comma-subclause", "her,");
  expect_finding("Men for de som bor på landet er det vanskelig.", "comma-subclause", "landet,");
  // "for" as "because": no inversion after the clause.
  expect_no_rule("Vi ble hjemme for barna som var syke trengte oss.", "comma-subclause");
  // Verb and object after a relative clause in the subject: no main clause inversion to read, so
  // not this rule; the comma after the clause in the subject is comma-subject-clause's.
  expect_no_rule("De som bor der har det bra.", "comma-subclause");
  expect_no_rule("Folk som jobber mye har det travelt.", "comma-subclause");
  expect_finding("Folk som jobber mye har det travelt.", "comma-subject-clause", "mye,");
}

TEST(CommaMainClauses, BetweenMainClauses) {
  expect_finding("Vi bor på landet og der har vi mye plass.", "comma-main-clauses", "landet,");
  expect_finding("Han kom ikke på jobb for han var syk.", "comma-main-clauses", "jobb,");
  expect_finding("Vi var sultne så vi spiste.", "comma-main-clauses", "sultne,");
  expect_clean("Vi bor på landet, og der har vi mye plass.");
  // Multiword adverbs, a verb that is also a noun before "vi", "om" as a preposition before.
  expect_finding("Vi jobber mye og av og til er det vanskelig.", "comma-main-clauses", "mye,");
  expect_finding("Vi trener ute og der treffer vi mange folk.", "comma-main-clauses", "ute,");
  expect_finding("Jeg går på kurs om kvelden og samtidig skal jeg jobbe.", "comma-main-clauses", "kvelden,");
  expect_finding("Du kan ta bussen til byen eller du kan sykle dit.", "comma-main-clauses", "byen,");
  expect_no_rule("Du kan ta bussen eller sykle.", "comma-main-clauses");
  expect_no_rule("Vi hjelper de syke eller de som er gamle.", "comma-main-clauses");
  // A fronted object before the verb and a subject-only pronoun.
  expect_finding("Vi har mange venner her og det liker vi.", "comma-main-clauses", "her,");
  expect_no_rule("Vi kjøpte brød og melk til frokost.", "comma-main-clauses");
  // After a subordinate "om" the "og" may join two clauses of it.
  expect_no_rule("Jeg vet ikke om han kommer og da blir det vanskelig.", "comma-main-clauses");
  // The second main clause opens with a subordinate clause.
  expect_finding("Han bodde i en liten by og da han var sytten år, reiste han til Oslo.", "comma-main-clauses", "by,");
  expect_clean("Han bodde i en liten by, og da han var sytten år, reiste han til Oslo.");
  // Two subordinate clauses joined: no main clause before "og".
  expect_no_rule("Hvis det regner og hvis det blåser, blir vi hjemme.", "comma-main-clauses");
  expect_clean("Han spiser og drikker mye.");
  expect_clean("Vi har tid for oss selv.");
  // "og" with a subject and a verb of saying or thinking before an "at" clause.
  expect_finding("Vi flyttet hit for to år siden og vi håper at vi kan bli.", "comma-main-clauses", "siden,");
  expect_finding("Hun har lært mye norsk og det betyr at hun kan jobbe.", "comma-main-clauses", "norsk,");
  expect_finding("Jeg har bodd her lenge og jeg tror også at byen er fin.", "comma-main-clauses", "lenge,");
  expect_clean("Vi flyttet hit for to år siden, og vi håper at vi kan bli.");
  expect_finding("Alle har bil nå og man skulle tro at det går fortere.", "comma-main-clauses", "nå,");
  expect_finding("Vi kjenner henne godt og vi vet hva hun liker.", "comma-main-clauses", "godt,");
  expect_no_rule("Alle har bil nå og man skulle kjøre mindre.", "comma-main-clauses");
  // A formal "det" with an adjective and an infinitive or "at" clause, or "det skjer at".
  expect_finding("Byen er stor og det er veldig lett å gå seg bort.", "comma-main-clauses", "stor,");
  expect_finding("Vi jobber mye og det skjer at vi glemmer å spise.", "comma-main-clauses", "mye,");
  expect_no_rule("Byen er stor og det er veldig fint der.", "comma-main-clauses");
  // Without the "at" clause, or after a list of clauses, it is left alone.
  expect_no_rule("Vi flyttet hit for to år siden og vi liker byen.", "comma-main-clauses");
  expect_no_rule("Vi har et hus, vi har en hage og vi tror at vi blir.", "comma-main-clauses");
  expect_no_rule("Min kone og jeg tror at det går bra.", "comma-main-clauses");
  // "så det ikke er": "ikke" before the verb of the "så" clause.
  expect_finding("Vi kjøper mat sammen så det ikke er så dyrt.", "comma-main-clauses", "sammen,");
  expect_clean("Vi kjøper mat sammen, så det ikke er så dyrt.");
  // "ellers" before a verb and its subject opens a main clause, also after an "at" clause.
  expect_finding("Du må skynde deg ellers kommer du for sent.", "comma-main-clauses", "deg,");
  expect_finding("Det er lurt at vi spiser nå ellers så blir vi sultne.", "comma-main-clauses", "nå,");
  expect_finding("Vi må ta med paraply ellers blir vi våte.", "comma-main-clauses", "paraply,");
  expect_clean("Du må skynde deg, ellers kommer du for sent.");
  expect_no_rule("Han har ellers vært frisk hele livet.", "comma-main-clauses");
  expect_no_rule("Vi sparer penger som ellers vil gå til bensin.", "comma-main-clauses");
  expect_no_rule("Hvordan har du det ellers?", "comma-main-clauses");
  // "så", a subject, its verb and "ikke": main clause word order, also after "at".
  expect_finding("Jeg vet at mange er syke nå så vi har ikke nok leger.", "comma-main-clauses", "nå,");
  expect_finding("Jeg tror at alle har det travelt i byen så vi ser ikke naboene.", "comma-main-clauses", "byen,");
  expect_clean("Jeg vet at mange er syke nå, så vi har ikke nok leger.");
  expect_no_rule("Jeg vet at mange er syke nå så vi ikke har nok leger.", "comma-main-clauses");
  expect_no_rule("Han så han var ikke glad.", "comma-main-clauses");
}

TEST(CommaMainClauses, ForWithAFrontedAdverb) {
  // "for" + "da"/"nå"/"ellers" + verb + subject is the conjunction before a main clause, also
  // after a subordinate clause and an object pronoun.
  expect_finding("Vi flyttet til byen for da kunne vi gå på skolen.", "comma-main-clauses", "byen,");
  expect_finding("Jeg ringte henne for nå har hun tid.", "comma-main-clauses", "henne,");
  expect_finding("Jeg var glad når jeg besøkte ham for da kunne vi snakke sammen.", "comma-main-clauses", "ham,");
  expect_no_rule("Takk for da du hjalp oss.", "comma-main-clauses");
  expect_no_rule("Det var vanlig for nå til dags.", "comma-main-clauses");
  expect_no_rule("Vi flyttet til byen, for da kunne vi gå på skolen.", "comma-main-clauses");
}

TEST(CommaSubjectClause, AfterAClauseInTheSubject) {
  expect_finding("Det som er viktig for meg er at barna trives.", "comma-subject-clause", "meg,");
  expect_finding("De som bor i byen kan ta bussen.", "comma-subject-clause", "byen,");
  expect_finding("En venn som jeg traff på kurset har flyttet.", "comma-subject-clause", "kurset,");
  // After "synes" the next verb is the relative clause's own.
  expect_finding("Det som jeg synes er vanskelig med språket er uttalen.", "comma-subject-clause", "språket,");
  expect_finding("Det at vi flytter ofte gjør barna usikre.", "comma-subject-clause", "ofte,");
  expect_finding("Grunnen til at vi flyttet var jobben.", "comma-subject-clause", "flyttet,");
  expect_clean("Grunnen til at vi flyttet, var jobben.");
  expect_clean("Det som er viktig for meg, er at barna trives.");
  expect_clean("De som bor i byen, kan ta bussen.");
  // A lexical verb after a verb of thinking is still the relative clause's: "blir" is the main one.
  expect_finding("En plan som jeg tror virker godt blir valgt.", "comma-subject-clause", "godt,");
  // "Det å" with an infinitive phrase as the subject.
  expect_finding("Det å lære et nytt språk tar lang tid.", "comma-subject-clause", "språk,");
  expect_finding("Det å bo i en stor by kan være slitsomt.", "comma-subject-clause", "by,");
  expect_finding("Det å ikke ha en fast jobb er vanskelig for mange.", "comma-subject-clause", "jobb,");
  expect_clean("Det å lære et nytt språk, tar lang tid.");
  // A short phrase, or one with a clause or "og" inside, is left alone.
  expect_no_rule("Det å være ung er fint.", "comma-subject-clause");
  expect_no_rule("Det å lese og skrive er viktig.", "comma-subject-clause");
  expect_no_rule("Det å vite at man er syk kan være tungt.", "comma-subject-clause");
}

TEST(CommaSubjectClause, ThatClauseAfterAVerbOfThinking) {
  // "er at" after "mener", "tror" is the main clause's verb ("what she thinks is that").
  expect_finding("Det som hun mener er at vi bør vente.", "comma-subject-clause", "mener,");
  expect_finding("Det som læreren tror er at elevene lærer mye.", "comma-subject-clause", "tror,");
  // Before an adjective "er" still belongs to the clause without "at".
  expect_finding("Det som hun mener er viktig er at vi venter.", "comma-subject-clause", "viktig,");
  expect_no_rule("Det som hun mener er riktig, gjør hun.", "comma-subject-clause");
  expect_clean("Det som hun mener, er at vi bør vente.");
}

TEST(CommaSubjectClause, AfterAQuantifier) {
  // "alle" is also a noun to the analyser; "alle de som" has the pronoun after the quantifier.
  expect_finding("Alle elever som bor langt unna kan ta bussen.", "comma-subject-clause", "unna,");
  expect_finding("Alle de som vil være med må melde seg på.", "comma-subject-clause", "med,");
  expect_finding("Mange studenter som jobber om kvelden blir trøtte.", "comma-subject-clause", "kvelden,");
  expect_no_rule("Alle elever som bor langt unna, kan ta bussen.", "comma-subject-clause");
  expect_no_rule("Alle elever og lærere kan ta bussen.", "comma-subject-clause");
}

TEST(CommaSubjectClause, RelativeClauseWithoutSom) {
  expect_finding("Den boka vi leste i fjor var spennende.", "comma-subject-clause", "i fjor,");
  expect_finding("Alt man trenger til turen er gode sko.", "comma-subject-clause", "turen,");
  expect_no_rule("Den boka vi leste i fjor, var spennende.", "comma-subject-clause");
  // After "Det" alone the clause's end is less certain; an indefinite noun is left alone too.
  expect_no_rule("Det vi liker best er sommeren.", "comma-subject-clause");
  expect_no_rule("En bok vi leste i fjor var spennende.", "comma-subject-clause");
}

TEST(QuestionMark, ADirectQuestionEndsWithAQuestionMark) {
  expect_finding("Hvem skal betale for dette.", "question-mark", "?");
  expect_finding("Men hvorfor gikk så mange hjem.", "question-mark", "?");
  expect_finding("Jeg lurer på en ting: Hva gjør vi nå.", "question-mark", "?");
  expect_finding("Hvordan får man nok tid til alt.", "question-mark", "?");
  expect_no_rule("Hvem skal betale for dette?", "question-mark");
  // A question clause used as the subject or object, and an exclamation with "hvor".
  expect_no_rule("Hvordan folk feirer jul varierer mye.", "question-mark");
  expect_no_rule("Hva som skjer i morgen vet ingen.", "question-mark");
  expect_no_rule("Hvordan vi bor, betyr mye for oss.", "question-mark");
  expect_no_rule("Hvor er det fint her.", "question-mark");
}

TEST(CommaSubclause, BeforeDestoAfterAJoClause) {
  expect_finding("Jo mer vi leser desto mer lærer vi.", "comma-subclause", "leser,");
  expect_finding("Jo eldre man blir jo bedre forstår man foreldrene sine.", "comma-subclause", "blir,");
  expect_no_rule("Jo mer vi leser, desto mer lærer vi.", "comma-subclause");
  // "jo" as an adverb ("Du vet jo ...") opens no such clause.
  expect_no_rule("Jo da, vi kommer snart.", "comma-subclause");
  expect_no_rule("Vi vet jo bedre enn dem.", "comma-subclause");
}

TEST(CommaSubclause, AfterAClauseInsertedAfterAFrontedPhrase) {
  // The comma before the inserted clause is there, the one after it is missing.
  expect_finding("I byen, hvor vi bodde før var skolen stor.", "comma-subclause", "før,");
  expect_finding("På landet, da jeg var ung hadde familien mange dyr.", "comma-subclause", "ung,");
  expect_finding("For pasienter med diabetes, som trenger insulin er dette viktig.", "comma-subclause", "insulin,");
  expect_no_rule("I byen, hvor vi bodde før, var skolen stor.", "comma-subclause");
  // A main clause after the comma: no insertion.
  expect_no_rule("I byen, vi bodde før har mange butikker.", "comma-subclause");
  expect_no_rule("Vi bodde i byen, hvor skolen var stor.", "comma-subclause");
}

TEST(CommaInsertion, ThePhraseSetOffAtTheStartIsClosed) {
  expect_finding("Dere, lærerne har et stort ansvar.", "comma-insertion", "lærerne,");
  expect_finding("Barn, særlig de minste trenger mye søvn.", "comma-insertion", "minste,");
  expect_finding("Byen, derimot er full av liv.", "comma-insertion", "derimot,");
  expect_finding("Nå, etter ferien er det travelt på jobben.", "comma-insertion", "ferien,");
  expect_no_rule("Dere, lærerne, har et stort ansvar.", "comma-insertion");
  expect_no_rule("Nå, etter ferien, er det travelt på jobben.", "comma-insertion");
  // A list, a main clause after the comma, or a verb inside the phrase: no insertion.
  expect_no_rule("Jeg, mannen min og barna er glade i turer.", "comma-insertion");
  expect_no_rule("Nå, det er travelt på jobben.", "comma-insertion");
  expect_no_rule("Barn, særlig de som er små trenger søvn.", "comma-insertion");
}

TEST(CommaInsertion, ForExampleSetOffOnBothSides) {
  expect_finding("Hvis det regner for eksempel, tar vi bussen.", "comma-insertion", "regner,");
  expect_finding("Vi snakket ikke om været for eksempel, men om familien.", "comma-insertion", "været,");
  expect_no_rule("Hvis det regner, for eksempel, tar vi bussen.", "comma-insertion");
  // The comma after "for eksempel" belongs to the clause in the subject here.
  expect_no_rule("Et råd til noen som bor i byen for eksempel, er å ta bussen.", "comma-insertion");
}

TEST(CommaInsertion, BeforeAConditionAfterAFrontedAdverb) {
  expect_finding("Derfor hvis du blir syk, må du ringe legen.", "comma-insertion", "Derfor,");
  expect_finding("For eksempel hvis en elev mangler bøker, kan skolen hjelpe.", "comma-insertion", "For eksempel,");
  expect_finding("På den andre siden dersom vi flytter, får barna nye venner.", "comma-insertion", "siden,");
  expect_no_rule("Derfor, hvis du blir syk, må du ringe legen.", "comma-insertion");
  // A narrowing adverb belongs to the clause; "hvor" and "når" after a noun are restrictive.
  expect_no_rule("Men også hvis du blir syk, kan vi hjelpe.", "comma-insertion");
  expect_no_rule("Tidlig om morgenen når vi står opp, er det mørkt.", "comma-insertion");
  expect_no_rule("I en by hvor mange bor, er det trangt.", "comma-insertion");
  // No main clause after the condition's comma.
  expect_no_rule("Derfor hvis du blir syk, og hvis du er sliten.", "comma-insertion");
}

TEST(CommaInsertion, UansettSetOffAfterTheSubject) {
  expect_finding("Alle barn uansett hvor de bor, har rett til skole.", "comma-insertion", "barn,");
  expect_finding("Gode venner uansett alder, er viktige for oss.", "comma-insertion", "venner,");
  expect_finding("Mange som flytter hit uansett hvor de kommer fra, trenger hjelp.", "comma-insertion", "hit,");
  expect_clean("Alle barn, uansett hvor de bor, har rett til skole.");
  // After the main clause's verb, or at the start, "uansett" is no insertion in the subject.
  expect_no_rule("Vi har bare ett liv uansett hvor vi bor.", "comma-insertion");
  expect_no_rule("Uansett hvor vi bor, må vi jobbe.", "comma-insertion");
  expect_no_rule("Alle barn uansett hvor de bor har rett til skole.", "comma-insertion");
}

TEST(CommaBeforeExamples, AfterADefiniteNoun) {
  expect_finding("Vi har alt vi trenger i byen som for eksempel kino og bibliotek.", "comma-before-examples", "byen,");
  expect_finding("Hun liker fagene på skolen som for eksempel historie.", "comma-before-examples", "skolen,");
  expect_clean("Vi har alt vi trenger i byen, som for eksempel kino og bibliotek.");
  // After an indefinite noun the examples may tell which ones are meant.
  expect_no_rule("Vi snakket om land som for eksempel Sverige.", "comma-before-examples");
  expect_no_rule("Byen som jeg bor i er liten.", "comma-before-examples");
}

TEST(CommaSubjectClause, InAnAtClause) {
  expect_finding("Jeg tror at de som trener mye vil leve lenge.", "comma-subject-clause", "mye,");
  expect_clean("Jeg tror at de som trener mye, vil leve lenge.");
  // After a noun head in an "at" clause writers more often leave the comma out.
  expect_no_rule("Jeg tror at folk som trener mye vil leve lenge.", "comma-subject-clause");
}

TEST(CommaSubjectClause, NoMainVerbAfterTheClause) {
  // The verb after "synes" is the main one and the "at" clause has its own: the comma goes
  // before that main verb ("what I think is that ...").
  expect_finding("Det som jeg synes er at alle bør hjelpe til.", "comma-subject-clause", "synes,");
  // Without "som", and with two verbs joined in the clause, its end is less certain.
  expect_no_rule("Det vi liker best er sommeren.", "comma-subject-clause");
  expect_no_rule("En person som røyker eller drikker mye kan bli syk.", "comma-subject-clause");
  // A participle after the clause's verb, a second subject.
  expect_no_rule("De som er interesserte i musikk, går på konserter.", "comma-subject-clause");
  expect_no_rule("Alt som trengs og all maten kan kjøpes der.", "comma-subject-clause");
  expect_no_rule("Noe som ikke er lett.", "comma-subject-clause");
}

TEST(CapitalStart, NoNewSentenceInsideBracketsOrAfterAbbreviations) {
  expect_no_rule("Vi kan (kanskje?) reise i morgen.", "capital-start");
  expect_no_rule("Man kan f eks. ringe til legen.", "capital-start");
  expect_finding("Jeg bor i Oslo. vi har en stor leilighet.", "capital-start", "Vi");
}

TEST(CapitalsInside, NamesOfInstitutionsAndAfterTitles) {
  expect_no_rule("Vi leste i boka hans Sult om krigen.", "capital-word");
  expect_finding("Vi leste om Sult og krig.", "capital-word", "sult");
  expect_no_rule("Vi besøkte Det nasjonale museum i fjor.", "capital-common");
  expect_no_rule("Barna liker bøkene om Tante Grønn.", "capital-word");
  expect_finding("Vi spiser fisk på Mandag.", "capital-common", "mandag");
}

TEST(FinalPunctuation, AfterAClosingQuoteOrBracket) {
  expect_finding("Hun sa alltid: «Man lærer så lenge man lever»", "final-punctuation", "».");
  expect_finding("Vi reiser ofte om sommeren (for eksempel til Spania)", "final-punctuation", ").");
  expect_no_rule("Hun sa alltid: «Man lærer så lenge man lever.»", "final-punctuation");
  expect_no_rule("Han spurte: «Kommer du hjem i dag?»", "final-punctuation");
  // A short title in capitals.
  expect_no_rule("Vi leste den nye boka hennes; «Lange Netter»", "final-punctuation");
}

TEST(CommaMen, FixedPhraseAndPronounBefore) {
  expect_finding("Sist men ikke minst, vil jeg takke læreren.", "comma-men", "Sist,");
  expect_no_rule("Sist, men ikke minst, vil jeg takke læreren.", "comma-men");
  expect_no_rule("Og sist men ikke minst: læreren.", "comma-men");
  expect_finding("Sist, men ikke minst vil jeg takke læreren.", "comma-men", "minst,");
  expect_finding("Jeg liker det men broren min gjør ikke det.", "comma-men", "det,");
  // A determiner before "men" is no clause end.
  expect_no_rule("Det er et men for meg.", "comma-men");
  // A possessive after its definite noun ends the noun phrase.
  expect_finding("Han har jobbet hele livet sitt men er nå arbeidsledig.", "comma-men", "sitt,");
  expect_finding("Jeg har vasket bilen min men den er skitten igjen.", "comma-men", "min,");
  expect_clean("Han har jobbet hele livet sitt, men er nå arbeidsledig.");
  expect_no_rule("Ulykken ga ham sitt men for livet.", "comma-men");
  // After a closing quote the comma follows the quote.
  expect_finding("Filmen var «morsom» men altfor lang.", "comma-men", "»,");
  expect_finding("Maten var \"sunn\" men dyr.", "comma-men", "\",");
  expect_clean("Filmen var «morsom», men altfor lang.");
  expect_no_rule("Han sa \" men \" hele tiden.", "comma-men");
}

TEST(MissingFullStop, CapitalPronounStartsASentence) {
  expect_finding("Vi dro til fjellet Vi gikk på ski hele dagen.", "missing-full-stop", "fjellet. Vi");
  expect_finding("Vi hadde mange dyr på gården De små grisene var søte.", "missing-full-stop", "gården. De");
  // The polite "De" and names stay.
  expect_clean("Kan De hjelpe meg?");
  expect_clean("Vi bodde i Mo i Rana i mange år.");
  // A capitalised article after a preposition inside the sentence opens a title.
  expect_no_rule("Vi leste om Helmer i Et dukkehjem på skolen.", "missing-full-stop");
  expect_finding("Vi kom hjem sent i går En venn hadde laget mat.", "missing-full-stop", "i går. En");
}

TEST(MissingFullStop, SemicolonBeforeANewSentence) {
  expect_finding("Vi var trøtte etter turen; Vi la oss tidlig.", "missing-full-stop", ".");
  expect_finding("Jeg liker ikke vinteren; Det er for kaldt.", "missing-full-stop", ".");
  expect_no_rule("Vi var trøtte etter turen; vi la oss tidlig.", "missing-full-stop");
  // A name after the semicolon keeps its capital.
  expect_no_rule("Noen reiste til Bergen; Oslo var for dyrt.", "missing-full-stop");
}

TEST(CommaFrontedInfinitive, BeforeTheMainClausesVerbAndSubject) {
  expect_finding("Ved å trene hver dag holder vi oss friske.", "comma-fronted-infinitive", "dag,");
  expect_finding("Bare ved å lese mye lærer man språket.", "comma-fronted-infinitive", "mye,");
  expect_finding("I stedet for å ta bilen går jeg til jobben.", "comma-fronted-infinitive", "bilen,");
  expect_finding("Uten å spørre noen tok han bilen.", "comma-fronted-infinitive", "noen,");
  expect_finding("Istedenfor å klage hele tiden burde vi hjelpe til.", "comma-fronted-infinitive", "hele tiden,");
  // After a bare infinitive the phrase is short and the comma optional.
  expect_no_rule("Istedenfor å klage burde vi hjelpe til.", "comma-fronted-infinitive");
  expect_no_rule("Ved å trene hver dag, holder vi oss friske.", "comma-fronted-infinitive");
  // A clause inside the phrase, a subject first, or "for å", where writers differ.
  expect_no_rule("Ved å vise at vi kan hjelpe får vi venner.", "comma-fronted-infinitive");
  expect_no_rule("Ved å trene hver dag vi holder oss friske.", "comma-fronted-infinitive");
  expect_no_rule("Etter å ha spist middag drakk vi kaffe.", "comma-fronted-infinitive");
  expect_no_rule("For å lære språket må man snakke mye.", "comma-fronted-infinitive");
  expect_no_rule("Vi holder oss friske ved å trene hver dag.", "comma-fronted-infinitive");
}

TEST(Punctuation, ExplanationsInEveryLanguage) {
  for (const char* rule : {"comma-subclause", "comma-men", "comma-main-clauses", "comma-subject-clause", "final-punctuation",
                           "missing-full-stop", "comma-fronted-infinitive", "comma-insertion",
                           "question-mark"})
    for (const auto& language : explanation_languages())
      EXPECT_FALSE(explanation(rule, language).empty()) << rule << " " << language;
}

}  // namespace
}  // namespace voki::feedback::testing
