#include "support/test_support.h"

#include <fstream>
#include <sstream>
#include <unistd.h>

#include "cli/commands.h"

namespace cc::test {

std::filesystem::path source_dir() { return CROSSCHECK_SOURCE_DIR; }

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
