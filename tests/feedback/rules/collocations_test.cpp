// Word choice (W) and missing prepositions (M): fixed prepositions, quantifiers, place adverbs,
// "om" in indirect questions, "når" for "nå".
#include "rules/rule_test_util.h"

namespace {
using namespace voki::feedback::testing;

TEST(Collocations, FixedPreposition) {
  expect_finding("Jeg er interessert for musikk.", "preposition", "i");
  expect_finding("Hun har stor respekt til læreren.", "preposition", "for");
  expect_finding("Jeg gleder meg på ferien.", "preposition", "til");
  expect_finding("Vi venter for bussen.", "preposition", "på");
  expect_finding("Han er stolt på sønnen sin.", "preposition", "av");
  expect_finding("Det er mangel av lærere.", "preposition", "på");
  expect_no_rule("Jeg er interessert i musikk.", "preposition");
  expect_no_rule("Jeg er glad for at du kom.", "preposition");
  expect_no_rule("Behovet til familien er stort.", "preposition");  // the family's need
  expect_no_rule("Hun stolte på meg.", "preposition");                // the verb "stole på"
  expect_no_rule("Vi delte ansvaret på.", "preposition");
  expect_finding("Hun er flink med å lage mat.", "preposition", "til");
  expect_no_rule("Hun er flink med hendene.", "preposition");
  expect_no_rule("Han er flink i norsk.", "preposition");
  expect_finding("Jeg er helt sikker over det.", "preposition", "på");
  expect_finding("Han var redd til å spørre.", "preposition", "for");
  expect_finding("Vi var skuffet på resultatet.", "preposition", "over");
  expect_finding("Hun er sint til meg.", "preposition", "på");
  expect_finding("Planen er basert av tall fra i fjor.", "preposition", "på");
  expect_no_rule("Firmaet er basert i Oslo.", "preposition");
  expect_finding("Jeg lengter for familien min.", "preposition", "etter");
  expect_finding("De reagerte til nyheten.", "preposition", "på");
  expect_finding("Vi må være åpne til nye ideer.", "preposition", "for");
  expect_no_rule("Vi må være åpne for nye ideer.", "preposition");
  expect_no_rule("Butikken er åpen til klokka ti.", "preposition");
  expect_no_rule("Kafeen er åpen til sent på kvelden.", "preposition");
  expect_finding("Mor leste til oss hver kveld.", "preposition", "for");
  expect_no_rule("Mor leste for oss hver kveld.", "preposition");
  expect_no_rule("Hun leser til eksamen.", "preposition");
  expect_finding("Det er mange grunner for at folk flytter.", "preposition", "til");
  expect_no_rule("Det er mange grunner til at folk flytter.", "preposition");
  expect_finding("Han er interessert til å lære.", "preposition", "i");
}

TEST(Collocations, PrepositionOfFixedPhrase) {
  expect_finding("Han gjorde det i den riktige måten.", "preposition", "på");
  expect_finding("I slutten av 1800-tallet flyttet mange.", "preposition", "På");
  expect_finding("Landet ble rikt i 1900-tallet.", "preposition", "på");
  expect_finding("Jeg kjøpte den i 2 år siden.", "preposition", "for");
  expect_no_rule("Det er forskjeller i måter å feire på.", "preposition");
  expect_no_rule("Han gjorde det på den riktige måten.", "preposition");
  expect_no_rule("Han har bodd her i to år.", "preposition");
  expect_finding("Vi går ofte på tur om helgen.", "preposition", "i");
  expect_finding("Han jobber på helga.", "preposition", "i");
  expect_no_rule("Han jobber i helga.", "preposition");
  expect_no_rule("Vi snakket om helgen.", "preposition");
  expect_no_rule("Jeg venter på helga.", "preposition");
  expect_finding("Vi går til kino hver fredag.", "preposition", "på");
  expect_finding("Foreldrene tok meg ofte med til konserter.", "preposition", "på");
  expect_finding("Etterpå dro vi til restaurant.", "preposition", "på");
  expect_no_rule("Etterpå dro vi på restaurant.", "preposition");
  expect_no_rule("Vi gikk til restauranten ved torget.", "preposition");
  expect_no_rule("Vi har ikke penger til kino.", "preposition");
  expect_no_rule("Jeg går med dem til kafeer i byen.", "preposition");
  expect_finding("De bruker mye tid for å lage mat.", "preposition", "på");
  expect_finding("Han brukte hele dagen for å vaske bilen.", "preposition", "på");
  expect_no_rule("De bruker mye tid på å lage mat.", "preposition");
  expect_no_rule("Kommunen bruker penger for å bygge skoler.", "preposition");
  expect_finding("Med å sykle til jobben, sparer hun penger.", "preposition", "Ved");
  expect_no_rule("Ved å sykle til jobben, sparer hun penger.", "preposition");
  expect_no_rule("Hun begynte med å vaske kjøkkenet.", "preposition");
  expect_no_rule("Med åtte barn er huset fullt.", "preposition");
  expect_no_rule("Jeg kjøpte den for to år siden.", "preposition");
}

TEST(Collocations, MissingPreposition) {
  expect_finding("Jeg er redd å fly.", "missing-preposition", "redd for");
  expect_finding("Til tross at det regnet, gikk vi ut.", "missing-preposition", "tross for");
  expect_finding("Årsaken at hun flyttet, var jobben.", "missing-preposition", "Årsaken til");
  expect_finding("Han er ikke villig å hjelpe oss.", "missing-preposition", "villig til");
  expect_finding("Vi fikk muligheten å reise.", "missing-preposition", "muligheten til");
  expect_finding("Jeg har bestemt meg å flytte.", "missing-preposition", "meg for");
  expect_no_rule("Jeg er redd for å fly.", "missing-preposition");
  expect_no_rule("Til tross for at det regnet, gikk vi ut.", "missing-preposition");
  expect_no_rule("Det er et stort ansvar å være lærer.", "missing-preposition");
  expect_no_rule("Det er sikkert at han kommer.", "missing-preposition");
  expect_finding("Jeg er ikke sikker om han kommer.", "missing-preposition", "sikker på");
  expect_finding("Jeg lurer om han kommer.", "missing-preposition", "lurer på");
  expect_finding("Vi må passe godt at barna spiser.", "missing-preposition", "godt på");
  expect_finding("De tar vare barna.", "missing-preposition", "vare på");
  expect_no_rule("De tar vare på barna.", "missing-preposition");
  expect_no_rule("Det passer at du kommer.", "missing-preposition");
  expect_finding("Jeg ble vant å stå opp tidlig.", "missing-preposition", "vant til");
  expect_no_rule("Laget vant å få være med.", "missing-preposition");
  expect_finding("Jeg er glad at du kom.", "missing-preposition", "glad for");
  expect_finding("Hun er fornøyd at det gikk bra.", "missing-preposition", "fornøyd med");
  expect_finding("Jeg er ferdig å spise.", "missing-preposition", "ferdig med");
  expect_finding("Vi har ikke tid å lese.", "missing-preposition", "tid til");
  expect_no_rule("Det tar tid å lære et språk.", "missing-preposition");
  expect_finding("Sjansen å vinne er liten.", "missing-preposition", "Sjansen til");
  expect_finding("Vi er takknemlige at dere kom.", "missing-preposition", "takknemlige for");
}

TEST(Collocations, MissingPrepositionAfterObject) {
  expect_finding("Klimaet tvinger folk å være inne.", "missing-preposition", "folk til");
  expect_finding("Det hindrer oss å tenke.", "missing-preposition", "oss i");
  expect_finding("Læreren oppmuntret elevene å lese mer.", "missing-preposition", "elevene til");
  expect_no_rule("De oppmuntrer oss til å lese.", "missing-preposition");
  expect_no_rule("Det hindrer oss i å tenke.", "missing-preposition");
}

TEST(Collocations, Quantifier) {
  // "noe" right before a plural noun is found by determiner-form (real_words_test).
  expect_finding("Det finnes ikke noe problemer her.", "determiner-form", "noen");
  expect_finding("Vi har ikke mange tid.", "quantifier", "mye");
  expect_finding("Har du noen informasjon om kurset?", "quantifier", "noe");
  expect_no_rule("Det finnes noen problemer her.", "quantifier");
  expect_no_rule("Vi har ikke mye tid.", "quantifier");
  expect_no_rule("Det var noe større enn vi trodde.", "quantifier");
  expect_no_rule("Har du noe penger?", "quantifier");
  expect_finding("De har ikke noe alvorlige problemer.", "quantifier", "noen");
  expect_finding("Vi har noe ideer til deg.", "determiner-form", "noen");
  expect_finding("Jeg ser ham noe ganger i uka.", "determiner-form", "noen");
  expect_finding("Butikken selger mye forskjellige varer.", "quantifier", "mange");
  expect_finding("Han sa mye fine ord om henne.", "quantifier", "mange");
  expect_no_rule("Butikken selger mange forskjellige varer.", "quantifier");
  expect_no_rule("Vi fikk mye bedre resultater i år.", "quantifier");
  expect_no_rule("Det er mye godt vann her.", "quantifier");
  expect_finding("Vi flyttet hit for noe år siden.", "determiner-form", "noen");
  expect_no_rule("Jeg ser ham noen ganger i uka.", "determiner-form");
  expect_no_rule("Det har skjedd noe år etter år.", "determiner-form");
  expect_finding("Hun lærte noen nytt hver dag.", "quantifier", "noe");
  expect_no_rule("Hun møtte noen nye venner.", "quantifier");
  expect_finding("Det er for mange stress på jobben.", "quantifier", "mye");
  expect_finding("Barn trenger ikke så mange sukker.", "quantifier", "så mye");
  expect_no_rule("Vi så mange vann på turen.", "quantifier");       // lakes
  expect_no_rule("Mange sukker over været.", "quantifier");         // "sukke", the verb
  expect_no_rule("Bakeren solgte mange brød i dag.", "quantifier");  // loaves
}

TEST(Collocations, OgForInfinitiveMarker) {
  expect_finding("Det er viktig og holde kontakt med familien.", "og-for-marker", "å");
  expect_finding("Det er vanskelig og forstå ham.", "og-for-marker", "å");
  expect_finding("Han pleide og sove lenge.", "og-aa", "å");  // after a verb: real_words.cpp
  expect_no_rule("Det er viktig å holde kontakt.", "og-for-marker");
  expect_no_rule("Det er viktig og riktig.", "og-for-marker");
  expect_no_rule("Å ha det gøy og ha mange venner er fint.", "og-for-marker");
}

TEST(Collocations, PlaceAdverb) {
  expect_finding("Barna er ut i hagen.", "place-adverb", "ute");
  expect_finding("Han er hjem nå.", "place-adverb", "hjemme");
  expect_no_rule("Vi er ute i hagen.", "place-adverb");
  expect_no_rule("Vi går ut i hagen.", "place-adverb");
  expect_no_rule("Hun kom hjem sent.", "place-adverb");
}

TEST(Collocations, IndirectIf) {
  expect_finding("Jeg vet ikke hvis han kommer.", "indirect-if", "om");
  expect_finding("Jeg lurer på hvis hun er hjemme.", "indirect-if", "om");
  expect_no_rule("Hvis han kommer, blir jeg glad.", "indirect-if");
  expect_no_rule("Jeg blir glad hvis han kommer.", "indirect-if");
}

TEST(Collocations, NowForWhen) {
  expect_finding("Nå jeg kom hjem, spiste vi middag.", "now-when", "Når");
  expect_no_rule("Nå kom jeg hjem.", "now-when");
  expect_no_rule("Når jeg kom hjem, spiste vi middag.", "now-when");
  expect_no_rule("Nå er det sommer, og vi bader.", "now-when");
}

}  // namespace

namespace {
using namespace voki::feedback::testing;

TEST(Collocations, PlacePreposition) {
  expect_finding("Vi vil bo i et rolig sted.", "preposition", "på");
  expect_finding("Hun har jobbet i mange forskjellige steder.", "preposition", "på");
  expect_finding("Gutten går på barnehagen hver dag.", "preposition", "i");
  expect_no_rule("Vi vil bo på et rolig sted.", "preposition");
  expect_no_rule("Han tok bussen i stedet for bilen.", "preposition");  // "instead"
  expect_no_rule("Gutten går i barnehagen hver dag.", "preposition");
  expect_finding("Vi spiser fisk to ganger i dagen.", "preposition", "om");
  expect_finding("Han jobber i natta og sover i dagen.", "preposition", "om");
  expect_finding("Det er kaldt her i vinteren.", "preposition", "om");
  expect_no_rule("Vi spiser fisk i kveld.", "preposition");          // tonight
  expect_no_rule("I sommer reiste vi til Bergen.", "preposition");    // this summer
  expect_no_rule("Vi spiser fisk to ganger om dagen.", "preposition");
  expect_finding("Da hun kom i Norge, var det vinter.", "preposition", "til");
  expect_no_rule("Da hun kom til Norge, var det vinter.", "preposition");
  expect_no_rule("Vi kom i kontakt med naboene.", "preposition");
}

TEST(Collocations, MorePrepositions) {
  expect_finding("Jeg er enig med det.", "preposition", "i");
  expect_finding("Hun er enig med at skolen er for dyr.", "preposition", "i");
  expect_no_rule("Jeg er enig med deg.", "preposition");
  expect_no_rule("Jeg er enig i det.", "preposition");
  expect_finding("Han var inspirert fra faren sin.", "preposition", "av");
  expect_finding("Røde kinn er et kjennetegn av feber.", "preposition", "på");
  expect_finding("De flyttet på økonomiske grunner.", "preposition", "av");
  expect_finding("Hun sluttet på den grunn.", "preposition", "av");
  expect_no_rule("De flyttet på grunn av jobben.", "preposition");
  expect_no_rule("De flyttet av økonomiske grunner.", "preposition");
  expect_finding("Kan du holde øye på barna?", "verb-noun-preposition", "med");
  expect_no_rule("Kan du holde øye med barna?", "verb-noun-preposition");
}

TEST(Collocations, PlaceAdverbMore) {
  expect_finding("Situasjonen er ut av kontroll.", "place-adverb", "ute av");
  expect_finding("Om sommeren er vi ut hele dagen.", "place-adverb", "ute");
  expect_no_rule("Situasjonen er ute av kontroll.", "place-adverb");
  expect_no_rule("Vi går ut av bilen.", "place-adverb");
}

TEST(Collocations, ThinkOf) {
  expect_finding("Jeg tenker om familien min hver dag.", "preposition", "på");
  expect_finding("Hun tenker ikke om å flytte.", "preposition", "på");
  expect_no_rule("Hva tenker du om den nye skolen?", "preposition");  // an opinion
  expect_no_rule("Det er mye folk tenker om, som de ikke sier.", "preposition");
  expect_no_rule("Han tenkte seg om før han svarte.", "preposition");
  expect_no_rule("Jeg tenker på familien min hver dag.", "preposition");
}

TEST(Collocations, WhenPast) {
  expect_finding("Når jeg var liten, bodde vi på landet.", "when-past", "Da");
  expect_finding("Hun lærte å svømme når hun var sju år gammel.", "when-past", "da");
  expect_finding("Når vi flyttet til Bergen, kjente vi ingen.", "when-past", "Da");
  expect_finding("Når han ble født, var faren i Tyskland.", "when-past", "Da");
  expect_no_rule("Da jeg var liten, bodde vi på landet.", "when-past");
  expect_no_rule("Når jeg kom hjem, spiste vi middag.", "when-past");        // every day
  expect_no_rule("Først når jeg kom til Norge, forsto jeg det.", "when-past");
  expect_no_rule("Når du er liten, trenger du søvn.", "when-past");
  expect_no_rule("Når jeg var ferdig, gikk jeg hjem.", "when-past");
}

TEST(Collocations, OgsaaHeller) {
  expect_finding("Han er også ikke hjemme i dag.", "ogsaa-heller", "heller");
  expect_finding("Du må også aldri glemme det.", "ogsaa-heller", "heller");
  expect_no_rule("Han er heller ikke hjemme i dag.", "ogsaa-heller");
  expect_no_rule("Han er også hjemme i dag.", "ogsaa-heller");
  expect_no_rule("Vi lærte mye, og også ikke minst om kulturen.", "ogsaa-heller");
}

TEST(Collocations, OgSaa) {
  expect_finding("Også dro vi hjem til byen.", "og-saa", "Og så");
  expect_finding("Også kjøpte han en ny sykkel.", "og-saa", "Og så");
  expect_no_rule("Også han kom for sent.", "og-saa");             // stresses "han"
  expect_no_rule("Også er det fint å gå tur.", "og-saa");          // "dessuten"
  expect_no_rule("Vi spiste, og så dro vi hjem.", "og-saa");
  expect_no_rule("Jeg liker også å lese bøker.", "og-saa");
}

TEST(Collocations, VerbNounPreposition) {
  expect_finding("Vi må ta vare for naturen.", "verb-noun-preposition", "på");
  expect_finding("Han tar ikke hensyn for andre.", "verb-noun-preposition", "til");
  expect_finding("Jeg la merke på at hun var trist.", "verb-noun-preposition", "til");
  expect_finding("Skolen legger stor vekt til lesing.", "verb-noun-preposition", "på");
  expect_no_rule("Vi må ta vare på naturen.", "verb-noun-preposition");
  expect_no_rule("Han tar hensyn til andre.", "verb-noun-preposition");
  expect_no_rule("Hun kjøpte en vare for hundre kroner.", "verb-noun-preposition");
}

TEST(Collocations, TimeFor) {
  expect_finding("Foreldrene har ikke nok tid for barna.", "preposition", "til");
  expect_finding("Vi har lite tid for venner.", "preposition", "til");
  expect_no_rule("Foreldrene har ikke nok tid til barna.", "preposition");
  // "it is time for", and "tid for å" are left alone.
  expect_no_rule("Nå er det tid for middag.", "preposition");
  expect_no_rule("Planten trenger mye tid for å vokse.", "preposition");
  // "lytte på" is in the dictionaries too.
  expect_no_rule("Hun liker å lytte på musikk.", "preposition");
}

TEST(Collocations, SammenForSamme) {
  expect_finding("Alle elevene skal lese de sammen bøkene.", "sammen-for-samme", "samme");
  expect_finding("Det sammen skjedde i fjor.", "sammen-for-samme", "samme");
  expect_finding("Ordene har ikke sammen betydning.", "sammen-for-samme", "samme");
  expect_clean("Alle elevene skal lese de samme bøkene.");
  expect_no_rule("Vi gjorde det sammen.", "sammen-for-samme");
  expect_no_rule("Om kvelden var de sammen hver dag.", "sammen-for-samme");
  expect_no_rule("De har sammen tre barn.", "sammen-for-samme");
}

TEST(Collocations, GenericMan) {
  expect_finding("Hvis man flytter til et nytt land, må han lære språket.", "generic-man", "man");
  expect_finding("Når man er syk, bør han hvile hjemme.", "generic-man", "man");
  expect_finding("Man kan ikke alltid gjøre det han vil.", "generic-man", "man");
  expect_finding("Man er ikke alltid enig, men det er lurt å lære det han kan.", "generic-man", "man");
  expect_no_rule("Hvis man flytter til et nytt land, må man lære språket.", "generic-man");
  // Someone "han" may mean: a man or boy named in the sentence, or what people say about him.
  expect_no_rule("Hvis man spør Per, sier han nei.", "generic-man");
  expect_no_rule("Når man møter faren min, blir han glad.", "generic-man");
  expect_no_rule("Man sier at han er veldig rik.", "generic-man");
  expect_no_rule("Man tror at han kommer i morgen.", "generic-man");
  expect_no_rule("Hvis man er lege, må han/hun jobbe mye.", "generic-man");
  expect_no_rule("Han sa at man må lære språket.", "generic-man");
}
}  // namespace
