#pragma once
// Helpers for the loader tests: a fact base written into a scratch folder and loaded.

#include <map>
#include <string>
#include <vector>

#include "load/loader.h"
#include "support/test_support.h"

namespace cc::test {

inline const char* const kVocabulary = R"(tolerances: { vague: 0.10, warn: 0.01 }
fiscal_year_start: 04-01
measures:
  offences:
    unit: offences
    aliases: [grooming offences]
  offences-platform-known:
    unit: offences
    within: offences
  victims:
    unit: victims
  rate-per-100k:
    unit: per 100,000 population
    additive: false
places:
  UK:
    Great Britain:
      England and Wales:
        England: [Kent, Essex]
        Wales:
      Scotland:
    Northern Ireland:
dimensions:
  platform:
  age-band: { exclusive: true, values: [under 12, 12 to 15] }
)";

struct Loaded {
  FactBase base;
  std::vector<std::string> lines;  // the diagnostics, sorted and formatted
  [[nodiscard]] bool clean() const { return lines.empty(); }
  [[nodiscard]] std::string text() const {
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
  }
};

inline Loaded load_dir(const std::filesystem::path& dir, const LoadOptions& options = {}) {
  Loaded loaded;
  Diagnostics diagnostics;
  loaded.base = load_fact_base(dir, diagnostics, options);
  for (const Diagnostic& d : diagnostics.sorted()) loaded.lines.push_back(format_diagnostic(d));
  return loaded;
}

// Writes the files (name → text) into a fresh scratch folder `name` and loads it. The
// vocabulary above is added unless the files name their own.
inline Loaded load_files(const std::string& name, std::map<std::string, std::string> files,
                         const LoadOptions& options = {}) {
  const auto dir = scratch_dir(name);
  if (!files.contains("vocabulary.yaml")) files["vocabulary.yaml"] = kVocabulary;
  for (const auto& [file, text] : files) write_file(dir / file, text);
  Loaded loaded = load_dir(dir, options);
  const std::string prefix = dir.string() + "/";  // lines read "a.yaml:3:5: error: …"
  for (auto& line : loaded.lines) {
    if (line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
  }
  return loaded;
}

}  // namespace cc::test
