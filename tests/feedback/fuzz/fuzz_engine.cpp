// libFuzzer target: any bytes as learner text must give an answer (or the length error), no crash.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "feedback/feedback.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto engine = voki::feedback::load_engine();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto findings = engine->check(text, {});
    (void)voki::feedback::findings_to_json(findings);
  } catch (const std::length_error&) {
  }
  return 0;
}
