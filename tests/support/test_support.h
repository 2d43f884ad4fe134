#pragma once
// Helpers shared by the tests: paths into the source tree and running the program.

#include <filesystem>
#include <string>
#include <vector>

namespace cc::test {

// The source tree (tests run with it as the working directory).
[[nodiscard]] std::filesystem::path source_dir();

// The seed fact base and every end-to-end case's, sorted.
[[nodiscard]] std::vector<std::filesystem::path> fact_dirs();

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the command line in-process (cli::run), capturing both streams.
[[nodiscard]] RunResult run_cli(const std::vector<std::string>& args);

// A fresh empty folder under the system temp dir, removed at exit of the test program.
[[nodiscard]] std::filesystem::path scratch_dir(const std::string& name);

// Writes `text` to `path`, creating parent folders.
void write_file(const std::filesystem::path& path, const std::string& text);
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

// `schema/validate.py SCHEMA FILE…` run by Debian's /usr/bin/python3 (python3-jsonschema and
// python3-ruamel.yaml, `.ci/deps test`; another python3 on the PATH may have neither):
// its exit status (as pclose gives it) and its output, stderr included.
struct SchemaRun {
  int status = -1;
  std::string out;
};
[[nodiscard]] SchemaRun validate_with_schema(const std::string& schema_file,
                                             const std::vector<std::filesystem::path>& files);

}  // namespace cc::test

namespace cc::test {

// A fact base given as strings (file name → text), loaded in memory through the real
// loader as the folder `name` (no file is written) and checked. Each finding reads "rule severity
// [sorted refs]: message"; steps are kept too.
struct Checked {
  std::string diagnostics;  // input errors, one per line ("" when clean)
  std::vector<std::string> findings;
  std::vector<std::vector<std::string>> steps;
};
[[nodiscard]] Checked check_files(const std::string& name,
                                  const std::vector<std::pair<std::string, std::string>>& files,
                                  const std::vector<std::string>& disabled_rules = {});

// A vocabulary for rule tests: counts `cases` (within nothing), `tested` within `cases`,
// `beds` (another unit), a non-additive `rate`; places Land > North, South > North >
// Town; an exclusive `age` (child, adult) and a non-exclusive `ward` dimension.
[[nodiscard]] std::string test_vocabulary();

}  // namespace cc::test
