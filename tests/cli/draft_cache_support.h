#pragma once
// What the tests of check --draft's cache share (rest_cache_test.cc,
// rest_cache_outcomes_test.cc): small fact files, inputs aged past kSettled, a draft run
// that reads whether the cache was taken from the timing lines, and the comparison with a
// run without the cache.

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "catch.h"
#include "cli/rest_cache.h"
#include "support/test_support.h"

namespace cc::test::draft_cache {

namespace fs = std::filesystem;

inline std::string figure(const std::string& id, int value, int year) {
  return "  - {id: " + id + ", quote: " + std::to_string(value) +
         " cases, value: " + std::to_string(value) +
         ", measure: cases, where: Land, when: " + std::to_string(year) + "}\n";
}

inline std::string source(const std::string& id, const std::string& facts,
                          const std::string& date = "2024-01-01", const std::string& article = "") {
  return "source:\n  id: " + id + "\n  title: " + id + "\n  published: " + date + "\n" +
         (article.empty() ? "" : "  article: " + article + "\n") + "facts:\n" + facts;
}

// Every file under `dir` written an hour ago: the cache reads and writes only inputs older
// than the run by kSettled.
inline void age(const fs::path& dir) {
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && !entry.is_symlink())
      fs::last_write_time(entry.path(), fs::file_time_type::clock::now() - std::chrono::hours(1));
  }
}

// The environment variable set while the object lives.
class Env {
 public:
  Env(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;
  ~Env() { ::unsetenv(name_); }

 private:
  const char* name_;
};

struct DraftRun {
  RunResult result;
  bool hit = false;  // the review took the rest from the cache
  // The whole check took components from an entry of the same files (the rest not cached).
  bool components = false;
  std::size_t from_cache = 0;                // components whose outcome came from the cache
  std::map<std::string, std::string> files;  // the report set
};

// `check DIR --draft DRAFT --out OUT` with every report format, and `more`.
inline DraftRun draft_run(const fs::path& dir, const fs::path& draft, const fs::path& out,
                          const std::vector<std::string>& more = {}) {
  std::vector<std::string> args = {"check",    dir.string(),         "--draft", draft.string(),
                                   "--format", "json,md,sarif,html", "--out",   out.string()};
  args.insert(args.end(), more.begin(), more.end());
  const Env timing("CROSSCHECK_TIMING", "1");
  DraftRun run;
  run.result = run_cli(args);
  for (const std::string what : {"rest", "components"}) {
    const std::string marker = "review (the " + what + " cached); ";
    const std::size_t at = run.result.err.find(marker);
    if (at == std::string::npos) continue;
    (what == "rest" ? run.hit : run.components) = true;
    run.from_cache = std::stoul(run.result.err.substr(at + marker.size()));
  }
  std::error_code ec;
  for (fs::directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec))
    run.files[it->path().filename().string()] = read_file(it->path());
  return run;
}

// The run's reports, terminal lines and exit status are those of a run without the cache,
// which neither took nor wrote one.
inline void same_as_uncached(const fs::path& dir, const fs::path& draft, const DraftRun& run) {
  const fs::path out = dir.parent_path() / "uncached";
  const DraftRun plain = draft_run(dir, draft, out, {"--no-cache"});
  CHECK_FALSE(plain.hit);
  CHECK_FALSE(plain.components);
  CHECK(run.result.exit_code == plain.result.exit_code);
  CHECK(run.result.out == plain.result.out);
  REQUIRE(run.files.size() == plain.files.size());
  for (const auto& [name, text] : plain.files) {
    INFO(name);
    CHECK(run.files.at(name) == text);
  }
  CHECK_FALSE(fs::exists(cc::cli::rest_cache_path(out)));
}

}  // namespace cc::test::draft_cache
