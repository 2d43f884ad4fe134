#pragma once
// Helpers shared by the tests: paths into the source tree and running the program.

#include <filesystem>
#include <string>
#include <vector>

namespace cc::test {

// The source tree (tests run with it as the working directory).
[[nodiscard]] std::filesystem::path source_dir();

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

}  // namespace cc::test
