// The JSON Schemas in schema/, applied by a real validator (Debian's python3-jsonschema,
// YAML read as YAML 1.2 by python3-ruamel.yaml: schema/validate.py) to what the project
// ships and writes: report.json of facts/ and of every end-to-end case against
// schema/report.schema.json; every fact file of facts/ and tests/cases/*/facts/ against
// schema/facts.schema.json, every vocabulary.yaml against schema/vocabulary.schema.json.
// Each test also shows the validator refusing a broken file, so it can fail.
#include "catch.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "engine/check.h"
#include "load/loader.h"
#include "report/report.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace cc;

namespace {

using Command = test::SchemaRun;

Command validate(std::string_view schema, const std::vector<fs::path>& files) {
  return test::validate_with_schema(std::string(schema), files);
}

// The validator ran: the interpreter and both modules are there. Never skipped: a missing
// module is a failure that says what to install.
void require_validator(const Command& command) {
  INFO(command.out);
  REQUIRE(command.out.find("No module named") == std::string::npos);
  REQUIRE(command.out.find("not found") == std::string::npos);
}

std::vector<fs::path> case_dirs() {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests/cases"))
    if (entry.is_directory()) dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

// The *.yaml files of a fact base folder: its fact files, or its vocabulary.yaml.
std::vector<fs::path> yaml_files(const fs::path& dir, bool vocabulary) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path& path = entry.path();
    if (path.extension() != ".yaml" || path.filename().string().starts_with(".")) continue;
    if ((path.filename() == "vocabulary.yaml") == vocabulary) files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<fs::path> fact_base_dirs() {
  std::vector<fs::path> dirs = {test::source_dir() / "facts"};
  for (const fs::path& dir : case_dirs()) dirs.push_back(dir / "facts");
  return dirs;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("report.json of facts/ and of every case is valid against schema/report.schema.json",
          "[report][schema]") {
  const fs::path work = test::scratch_dir("report-schema");
  std::vector<fs::path> reports;
  for (const fs::path& dir : fact_base_dirs()) {
    Diagnostics diagnostics;
    const FactBase base = load_fact_base(dir, diagnostics);
    if (diagnostics.has_errors()) continue;  // a case of input errors writes no report
    const CheckResult result = run_checks(base);
    const fs::path name = dir.filename() == "facts" ? dir.parent_path().filename() : dir.filename();
    reports.push_back(work / (name.string() + ".json"));
    test::write_file(reports.back(), render_json(ReportInput{base, result}));
  }
  REQUIRE(reports.size() > 20);
  const Command valid = validate("report.schema.json", reports);
  require_validator(valid);
  INFO(valid.out);
  CHECK(valid.status == 0);
  CHECK(count_of(valid.out, ": valid\n") == reports.size());

  // The schema refuses what breaks the contract: a missing field, a wrong type, a rule
  // that does not exist.
  const std::string good = test::read_file(reports.front());
  const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> broken = {
      {"no-schema", {"\"schema\": \"crosscheck-report/1\",", ""}},
      {"count-as-text", {"\"sources\": ", "\"sources\": \"five\", \"was\": "}},
      {"unknown-rule", {"\"rule\": \"implied\"", "\"rule\": \"implies\""}},
      {"line-zero", {"\"line\": ", "\"line\": 0, \"was\": "}},
  };
  std::vector<fs::path> bad;
  for (const auto& [name, edit] : broken) {
    std::string text = good;
    const std::size_t at = text.find(edit.first);
    REQUIRE(at != std::string::npos);
    text.replace(at, edit.first.size(), edit.second);
    bad.push_back(work / ("broken-" + name + ".json"));
    test::write_file(bad.back(), text);
  }
  const Command refused = validate("report.schema.json", bad);
  INFO(refused.out);
  CHECK(refused.status != 0);
  for (const auto& [name, edit] : broken)
    CHECK(refused.out.find("broken-" + name + ".json: invalid") != std::string::npos);
}

TEST_CASE("every fact file of facts/ and of the cases is valid against schema/facts.schema.json",
          "[load][schema]") {
  std::vector<fs::path> facts, vocabularies;
  for (const fs::path& dir : fact_base_dirs()) {
    for (const fs::path& file : yaml_files(dir, false)) facts.push_back(file);
    for (const fs::path& file : yaml_files(dir, true)) vocabularies.push_back(file);
  }
  REQUIRE(facts.size() > 50);
  const Command valid = validate("facts.schema.json", facts);
  require_validator(valid);
  INFO(valid.out);
  CHECK(valid.status == 0);
  CHECK(count_of(valid.out, ": valid\n") == facts.size());
  const Command vocabulary = validate("vocabulary.schema.json", vocabularies);
  INFO(vocabulary.out);
  CHECK(vocabulary.status == 0);
}

TEST_CASE("the fact schema is applied as YAML 1.2 reads the files", "[load][schema]") {
  const fs::path work = test::scratch_dir("yaml-1-2");
  const std::string head = "source: {id: s, title: T, published: 2018-06-18}\n";
  // An unquoted ISO date stays the text it is (YAML 1.1 and PyYAML make it a date, which a
  // string schema refuses) ...
  test::write_file(work / "date.yaml", head + "facts: [{id: a, quote: q, value: 1}]\n");
  // ... and `yes` is text, not YAML 1.1's boolean: `exact` wants a boolean.
  test::write_file(work / "yes.yaml", head + "facts: [{id: a, quote: q, value: 1, exact: yes}]\n");
  const Command result = validate("facts.schema.json", {work / "date.yaml", work / "yes.yaml"});
  require_validator(result);
  INFO(result.out);
  CHECK(result.out.find("date.yaml: valid") != std::string::npos);
  CHECK(result.out.find("yes.yaml: invalid at 'facts/0/exact'") != std::string::npos);
}

TEST_CASE("every vocabulary.yaml names its schema for editors", "[load][schema]") {
  for (const fs::path& dir : fact_base_dirs()) {
    for (const fs::path& file : yaml_files(dir, true)) {
      INFO(file.string());
      std::ifstream in(file);
      std::string first;
      std::getline(in, first);
      const std::string prefix = "# yaml-language-server: $schema=";
      REQUIRE(first.starts_with(prefix));
      const fs::path schema = file.parent_path() / first.substr(prefix.size());
      CHECK(fs::equivalent(schema, test::source_dir() / "schema/vocabulary.schema.json"));
    }
  }
}
