// libFuzzer target for the loader: the input is a fact file (or, when it starts with
// 'V', a vocabulary), read in memory with a fixed vocabulary, resolved and its values
// parsed, as load_fact_base does for each file. Any crash, hang or sanitizer report
// is a bug; diagnostics are the expected outcome for most inputs.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "load/fact_file_loader.h"
#include "load/resolve.h"
#include "load/values.h"
#include "load/vocabulary_loader.h"

namespace {

constexpr std::string_view kVocabulary = R"(tolerances: { vague: 0.10, warn: 0.01 }
fiscal_year_start: 04-01
measures:
  offences: {unit: offences, aliases: [grooming offences]}
  known: {unit: offences, within: offences}
  rate: {unit: per 100k, additive: false}
places:
  UK:
    England and Wales:
      England: [Kent, Essex]
      Wales:
    Scotland:
dimensions:
  platform:
  age-band: {exclusive: true, values: [under 12, 12 to 15]}
)";

const cc::Vocabulary& vocabulary() {
  static const cc::Vocabulary v = [] {
    cc::Vocabulary out;
    cc::Diagnostics ignored;
    (void)cc::load::read_vocabulary(kVocabulary, "vocabulary.yaml", 0, out, ignored);
    return out;
  }();
  return v;
}

void load_fact_file(std::string_view bytes) {
  const cc::load::VocabularyView view{vocabulary(), true};
  std::vector<cc::load::RawFile> files;
  files.push_back(cc::load::read_fact_file(bytes, "f.yaml", "facts/f.yaml", view));
  if (!files.back().read) return;
  cc::load::parse_file_values(files.back(), view.vocabulary, true);
  cc::FactBase base;
  cc::load::build_facts(files.back(), *base.intervals);
  base.vocabulary = view.vocabulary;
  base.files.push_back("facts/vocabulary.yaml");
  cc::Diagnostics diagnostics;
  const std::vector<bool> counts = cc::load::resolve(files, base, diagnostics);
  cc::load::parse_total_values(files, counts, base, diagnostics);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty() && bytes.front() == 'V') {
    cc::Vocabulary v;
    cc::Diagnostics diagnostics;
    (void)cc::load::read_vocabulary(bytes.substr(1), "vocabulary.yaml", 0, v, diagnostics);
    return 0;
  }
  load_fact_file(bytes);
  return 0;
}
