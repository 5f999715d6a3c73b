// The analysis layer's speed-ups must not change a reading: the flat analyser walk against
// lttoolbox's own State, and the caches (analyser walks, CG-3 stretches) against fresh workers.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "feedback/analysis.h"

namespace voki::feedback {
namespace {

std::shared_ptr<const ResourceFiles> files() {
  static const auto loaded = ResourceFiles::load(ResourcePaths{});
  return loaded;
}

std::string readings_of(const std::vector<Sentence>& sentences) {
  std::string out;
  for (const auto& s : sentences)
    for (const auto& w : s.words) {
      out += std::to_string(w.start) + "-" + std::to_string(w.end) + " " + w.text + (w.unknown ? " *" : "");
      for (const auto& r : w.readings) out += " | " + r.analysis + (r.tags.empty() ? "" : " @" + r.tags.back());
      out += '\n';
    }
  return out;
}

TEST(AnalyserWalk, AgreesWithLttoolboxStateOnEveryPrefix) {
  std::vector<std::string> texts = {
      "i dag", "I DAG", "på grunn av", "På Grunn Av", "huset", "Huset", "HUSET", "e-post", "E-post", "f.eks.",
      "osv.", "2010.", "100-års", "Oslo-området", "jeg går på skolen", "kjøpte", "fotballbanen", "ÆØÅ", "blåbær",
      "Привіт", "مرحبا", "😀", "a\u0301b", "QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ", "ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ"};
  // Strings of letters, capitals, digits and punctuation from a fixed seed.
  const std::u32string alphabet = U"abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 .,-'!?:éü";
  std::mt19937 random(20240611);
  for (int n = 0; n < 3000; ++n) {
    std::u32string text;
    const auto length = 1 + random() % 20;
    for (unsigned k = 0; k < length; ++k) text.push_back(alphabet[random() % alphabet.size()]);
    std::string utf8;
    for (char32_t c : text) {
      if (c < 0x80) utf8 += static_cast<char>(c);
      else { utf8 += static_cast<char>(0xC0 | (c >> 6)); utf8 += static_cast<char>(0x80 | (c & 0x3F)); }
    }
    texts.push_back(utf8);
  }
  EXPECT_EQ(compare_analyser_with_lttoolbox(*files(), texts), "");
}

TEST(AnalyserWalk, CachedWalksGiveTheReadingsOfAFreshWorker) {
  // Multiwords share their first words with other text: each replay must read exactly the same.
  const std::vector<std::string> texts = {"Vi bor på gården i dag.", "Han kom ikke på grunn av regnet.",
                                          "På grunn av det bor vi på grunnen.", "I dag er i dagens avis.",
                                          "Jeg tror det.", "Jeg tror på det.", "på grunn", "på"};
  Worker warm(files());
  for (int round = 0; round < 2; ++round) {
    for (const auto& text : texts) {
      Worker fresh(files());
      EXPECT_EQ(readings_of(warm.analyse(text)), readings_of(fresh.analyse(text))) << text;
    }
  }
}

TEST(Disambiguation, ARepeatedStretchGetsTheSameReadings) {
  Worker warm(files());
  const std::string text = "Det er bare en liten bil som står der.";
  auto first = warm.analyse(text);
  auto second = warm.analyse(text);
  warm.disambiguate(first.front(), 1, 7);
  warm.disambiguate(second.front(), 1, 7);  // from the cache
  Worker fresh(files());
  auto third = fresh.analyse(text);
  fresh.disambiguate(third.front(), 1, 7);
  EXPECT_EQ(readings_of(first), readings_of(second));
  EXPECT_EQ(readings_of(first), readings_of(third));
  // CG-3 did remove readings: the test would not notice a cache that kept them all.
  EXPECT_NE(readings_of(first), readings_of(fresh.analyse(text)));
}

}  // namespace
}  // namespace voki::feedback
