#include "support/test_support.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.h"

namespace cc::test {

std::filesystem::path source_dir() {
  return CROSSCHECK_SOURCE_DIR;
}

RunResult run_cli(const std::vector<std::string>& args) {
  std::vector<const char*> argv{"crosscheck"};
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out;
  std::ostringstream err;
  const cli::Streams streams{out, err, false, false};
  RunResult result;
  result.exit_code = cli::run(static_cast<int>(argv.size()), argv.data(), streams);
  result.out = out.str();
  result.err = err.str();
  return result;
}

std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("crosscheck-test-" + std::to_string(getpid())) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream stream(path, std::ios::binary);
  stream << text;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

}  // namespace cc::test

#include <fmt/format.h>
#include <algorithm>

#include "engine/check.h"
#include "load/memory_loader.h"

namespace cc::test {

Checked check_files(const std::string& name,
                    const std::vector<std::pair<std::string, std::string>>& files,
                    const std::vector<std::string>& disabled_rules) {
  Diagnostics diagnostics;
  const FactBase base =
      load_fact_base_from_memory(name, FileTexts(files.begin(), files.end()), diagnostics);
  Checked checked;
  for (const auto& d : diagnostics.sorted()) checked.diagnostics += format_diagnostic(d) + "\n";
  if (diagnostics.has_errors()) return checked;
  EngineOptions options;
  options.build.disabled_rules = disabled_rules;
  const CheckResult result = run_checks(base, options);
  for (const Finding& f : result.findings) {
    std::vector<std::string> refs;
    for (const FactIndex fact : f.facts) refs.push_back(base.ref(fact));
    std::sort(refs.begin(), refs.end());
    checked.findings.push_back(fmt::format("{} {} [{}]: {}", finding_rule_id(f.rule),
                                           severity_name(f.severity), fmt::join(refs, ", "),
                                           f.message));
    checked.steps.push_back(f.steps);
  }
  return checked;
}

std::vector<std::filesystem::path> fact_dirs() {
  std::vector<std::filesystem::path> dirs = {source_dir() / "facts"};
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "tests" / "cases")) {
    if (entry.is_directory()) dirs.push_back(entry.path() / "facts");
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::string test_vocabulary() {
  return R"(tolerances: { vague: 0.10, warn: 0.01 }
fiscal_year_start: 04-01
measures:
  cases: { unit: cases }
  tested: { unit: cases, within: cases }
  beds: { unit: beds }
  rate: { unit: per 1000 people, additive: false }
places:
  Land:
    North: [Town]
    South:
dimensions:
  age: { exclusive: true, values: [child, adult] }
  ward: { exclusive: false }
)";
}

SchemaRun validate_with_schema(const std::string& schema_file,
                               const std::vector<std::filesystem::path>& files) {
  std::string command = "/usr/bin/python3 '" + (source_dir() / "schema/validate.py").string() +
                        "' '" + (source_dir() / "schema" / schema_file).string() + "'";
  for (const auto& file : files) command += " '" + file.string() + "'";
  SchemaRun result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  while (const std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) result.out.append(buffer, n);
  result.status = pclose(pipe);
  return result;
}

}  // namespace cc::test
