// The in-memory loader goes through the same stages as the folder loader: the same files
// give the same fact base, findings and diagnostics, with nothing written to disk.
#include "catch.h"

#include <filesystem>

#include "engine/check.h"
#include "grammar/names.h"
#include "load/loader.h"
#include "load/memory_loader.h"
#include "support/test_support.h"

using namespace cc;
using namespace cc::test;

namespace {

// Every file under `dir`, by its path relative to it.
FileTexts read_folder(const std::filesystem::path& dir) {
  FileTexts files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    files.emplace(std::filesystem::relative(entry.path(), dir).generic_string(),
                  read_file(entry.path()));
  }
  return files;
}

std::vector<std::string> finding_lines(const FactBase& base) {
  std::vector<std::string> out;
  for (const Finding& f : run_checks(base).findings) {
    out.push_back(f.id + " " + f.message + " @ " + base.file_of(f.location) + ":" +
                  std::to_string(f.location.line));
    for (const auto& step : f.steps) out.push_back("  " + step);
  }
  return out;
}

std::vector<std::string> diagnostic_lines(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.sorted()) out.push_back(format_diagnostic(d));
  return out;
}

}  // namespace

TEST_CASE("memory loader: facts/ from memory is the fact base read from the folder", "[load]") {
  Diagnostics on_disk_diagnostics;
  const FactBase on_disk = load_fact_base("facts", on_disk_diagnostics);
  REQUIRE_FALSE(on_disk_diagnostics.has_errors());
  const FileTexts files = read_folder(source_dir() / "facts");
  REQUIRE(files.count("vocabulary.yaml") == 1);
  Diagnostics in_memory_diagnostics;
  const FactBase in_memory = load_fact_base_from_memory("facts", files, in_memory_diagnostics);
  CHECK(diagnostic_lines(in_memory_diagnostics) == diagnostic_lines(on_disk_diagnostics));
  CHECK(in_memory.files == on_disk.files);
  REQUIRE(in_memory.sources.size() == on_disk.sources.size());
  std::size_t articles = 0;
  for (std::size_t s = 0; s < on_disk.sources.size(); ++s) {
    CHECK(in_memory.sources[s].article_file == on_disk.sources[s].article_file);
    if (!on_disk.sources[s].article_file.empty()) ++articles;
  }
  CHECK(articles > 0);
  REQUIRE(in_memory.facts.size() == on_disk.facts.size());
  for (FactIndex f = 0; f < on_disk.facts.size(); ++f) {
    CHECK(in_memory.ref(f) == on_disk.ref(f));
    CHECK(in_memory.facts[f].quote_in_article == on_disk.facts[f].quote_in_article);
    CHECK(describe_key(in_memory, in_memory.facts[f].key) ==
          describe_key(on_disk, on_disk.facts[f].key));
  }
  const auto findings = finding_lines(on_disk);
  CHECK_FALSE(findings.empty());
  CHECK(finding_lines(in_memory) == findings);
}

TEST_CASE("memory loader: input errors read as they would from a folder", "[load]") {
  Diagnostics no_vocabulary;
  (void)load_fact_base_from_memory(
      "base", {{"a.yaml", "source: {id: a, title: a, published: 2024-01-01}\nfacts: []\n"}},
      no_vocabulary);
  CHECK(diagnostic_lines(no_vocabulary) ==
        std::vector<std::string>{
            "base/vocabulary.yaml: error: the fact base has no vocabulary.yaml: it names the "
            "measures, places and dimensions facts may use [vocabulary]"});

  Diagnostics missing_article;
  (void)load_fact_base_from_memory(
      "base",
      {{"vocabulary.yaml", "measures:\n  cases: {unit: cases}\nplaces:\n  Land:\n"},
       {"notes.txt", "not a fact file"},
       {"a.yaml",
        "source:\n  id: a\n  title: a\n  published: 2024-01-01\n  article: articles/gone.txt\n"
        "facts: []\n"}},
      missing_article);
  CHECK(diagnostic_lines(missing_article) ==
        std::vector<std::string>{"base/a.yaml:5:12: error: the article 'articles/gone.txt' cannot "
                                 "be found: no such file or directory [article]"});
}
