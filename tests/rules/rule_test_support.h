#pragma once
// Small fact bases for the rule tests: one source per call, the test vocabulary, loaded in
// memory through the real loader (nothing is written to disk).

#include <string>
#include <utility>
#include <vector>
#include "catch.h"

#include "support/test_support.h"

namespace cc::test {

// A fact file for source `id` (published on `date`) holding the YAML list `facts`.
inline std::string source_file(const std::string& id, const std::string& facts,
                               const std::string& date = "2024-01-01",
                               const std::string& defaults = "") {
  return "source:\n  id: " + id + "\n  title: " + id + "\n  published: " + date + "\n" +
         (defaults.empty() ? "" : "defaults: " + defaults + "\n") + "facts:\n" + facts;
}

// Checks the sources (each a pair: file name, text) with the test vocabulary; `name` is
// the fact base folder as display paths show it ("name/a.yaml").
inline Checked check_sources(const std::string& name,
                             std::vector<std::pair<std::string, std::string>> files,
                             const std::vector<std::string>& disabled = {}) {
  files.emplace_back("vocabulary.yaml", test_vocabulary());
  Checked checked = check_files(name, files, disabled);
  INFO(checked.diagnostics);
  REQUIRE(checked.diagnostics.empty());
  return checked;
}

inline std::string all_steps(const Checked& checked, std::size_t finding) {
  std::string out;
  for (const auto& s : checked.steps.at(finding)) out += s + "\n";
  return out;
}

}  // namespace cc::test
