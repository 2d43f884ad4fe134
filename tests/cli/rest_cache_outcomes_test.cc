// check --draft's cache, its components' outcomes (cli/rest_cache_outcomes.h; docs/REPORTS.md,
// "The draft's cache"): a second draft run solves only the components the draft touches and
// takes the others' outcomes from the cache, with the reports of a run without the cache.
#include "cli/rest_cache_outcomes.h"

#include <xxhash.h>

#include <fmt/format.h>

#include <cstdlib>
#include <map>

#include "catch.h"
#include "cli/rest_cache.h"
#include "draft_cache_support.h"
#include "load/loader.h"
#include "support/test_support.h"

using namespace cc::test;
namespace fs = std::filesystem;

namespace {

using namespace cc::test::draft_cache;

// a and b disagree on 2019 (a component the draft leaves alone); the draft disagrees with a
// on 2020.
fs::path newsroom(const std::string& name) {
  const fs::path dir = scratch_dir(name) / "facts";
  write_file(dir / "vocabulary.yaml", test_vocabulary());
  write_file(dir / "a.yaml", source("a", figure("n", 3171, 2019) + figure("m", 500, 2020)));
  write_file(dir / "b.yaml", source("b", figure("n", 3217, 2019), "2024-02-01"));
  write_file(dir / "draft.yaml", source("draft", figure("m", 900, 2020), "2024-03-01"));
  age(dir);
  return dir;
}

// The cache file with the message of its first cached finding replaced by `message`, and
// its checksum redone.
void doctor_message(const fs::path& file, const std::string& message) {
  std::string text = read_file(file);
  const std::size_t finding = text.find("\nfinding ");
  REQUIRE(finding != std::string::npos);
  const std::size_t line = text.find("\ntext ", finding + 1);
  REQUIRE(line != std::string::npos);
  const std::size_t end = text.find('\n', line + 1);
  std::string escaped = "=";
  for (const char c : message) escaped += c == ' ' ? std::string("\\s") : std::string(1, c);
  text = text.substr(0, line + 1) + "text " + escaped + text.substr(end);
  text = text.substr(0, text.rfind("sum "));
  const XXH128_hash_t sum = XXH3_128bits(text.data(), text.size());
  write_file(file, text + fmt::format("sum {:016x}{:016x}\n", sum.high64, sum.low64));
}

void copy_tree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

}  // namespace

TEST_CASE("a second draft run takes the untouched components' outcomes from the cache",
          "[cli][review][rest-cache]") {
  // A message doctored in the cache shows in the second run's reports: the outcome of the
  // 2019 component, which holds no draft fact, is read from there, not solved again.
  const fs::path dir = newsroom("outcomes-read");
  const fs::path draft = dir / "draft.yaml";
  const fs::path out = dir.parent_path() / "reports";
  const DraftRun first = draft_run(dir, draft, out);
  INFO(first.result.out << first.result.err);
  REQUIRE_FALSE(first.hit);
  const DraftRun second = draft_run(dir, draft, out);
  CHECK(second.hit);
  CHECK(second.from_cache >= 1);
  CHECK(second.files == first.files);
  same_as_uncached(dir, draft, second);
  doctor_message(cc::cli::rest_cache_path(out), "a message from the cache");
  const DraftRun doctored = draft_run(dir, draft, out);
  CHECK(doctored.hit);
  CHECK(doctored.result.out.find("a message from the cache") != std::string::npos);
  CHECK(doctored.files.at("report.json").find("a message from the cache") != std::string::npos);
  // Written afresh, the cache gives the cold run's reports again.
  fs::remove(cc::cli::rest_cache_path(out));
  (void)draft_run(dir, draft, out);
  const DraftRun again = draft_run(dir, draft, out);
  CHECK(again.hit);
  CHECK(again.files == first.files);
  CHECK(again.result.out == first.result.out);
}

TEST_CASE("a component the edited draft now touches is solved again", "[cli][review][rest-cache]") {
  const fs::path dir = newsroom("outcomes-touched");
  const fs::path draft = dir / "draft.yaml";
  const fs::path out = dir.parent_path() / "reports";
  (void)draft_run(dir, draft, out);
  doctor_message(cc::cli::rest_cache_path(out), "a message from the cache");
  REQUIRE(draft_run(dir, draft, out).result.out.find("a message from the cache") !=
          std::string::npos);
  // The draft now states 2019 too: the 2019 component holds a draft fact.
  write_file(draft,
             source("draft", figure("m", 900, 2020) + figure("n", 3300, 2019), "2024-03-01"));
  const DraftRun edited = draft_run(dir, draft, out);
  INFO(edited.result.out << edited.result.err);
  CHECK(edited.hit);
  CHECK(edited.result.out.find("a message from the cache") == std::string::npos);
  same_as_uncached(dir, draft, edited);
}

TEST_CASE("warm draft runs give the reports of runs without the cache, on the cases",
          "[cli][review][rest-cache]") {
  // Each fact file of the seed fact base and of cases with several files (slips that read
  // other components' quantities among them) as the draft.
  const std::vector<fs::path> bases = {source_dir() / "facts",
                                       source_dir() / "tests/cases/consistent-multi-domain",
                                       source_dir() / "tests/cases/diagnosis-consensus-outliers",
                                       source_dir() / "tests/cases/diagnosis-copies-one-witness",
                                       source_dir() / "tests/cases/real-channel-crossings",
                                       source_dir() / "tests/cases/diagnosis-base-period-slip",
                                       source_dir() / "tests/cases/diagnosis-whole-slip",
                                       source_dir() / "tests/cases/multi-hop-chain-implied"};
  std::size_t runs = 0;
  std::size_t reused = 0;
  for (const fs::path& base : bases) {
    const fs::path from = fs::is_directory(base / "facts") ? base / "facts" : base;
    const fs::path dir = scratch_dir("outcomes-" + base.filename().string()) / "facts";
    copy_tree(from, dir);
    age(dir);
    for (const auto& entry : fs::directory_iterator(dir)) {
      const fs::path file = entry.path();
      if (file.extension() != ".yaml" || file.filename() == "vocabulary.yaml") continue;
      INFO(base.filename().string() << " " << file.filename().string());
      const fs::path out = dir.parent_path() / ("reports-" + file.stem().string());
      (void)draft_run(dir, file, out);
      const DraftRun warm = draft_run(dir, file, out);
      CHECK(warm.hit);
      same_as_uncached(dir, file, warm);
      ++runs;
      reused += warm.from_cache;
    }
  }
  CHECK(runs >= 30);
  CHECK(reused >= runs);  // most runs take some components from the cache
}

TEST_CASE("the outcomes' lines are read back as written", "[cli][rest-cache]") {
  CHECK_FALSE(cc::cli::CachedOutcomes::parse(""));
  CHECK_FALSE(cc::cli::CachedOutcomes::parse("outcomes 1 00\n"));
  CHECK_FALSE(cc::cli::CachedOutcomes::parse("outcomes x 00\n"));
  const auto empty = cc::cli::CachedOutcomes::parse("outcomes 0 00\n");
  REQUIRE(empty);
  CHECK(empty->size() == 0);
  const std::string one =
      "outcomes 1 00\ncomponent ab 2 3 4 0 0 0 1 1\naside 1\n"
      "finding =conflict-1 conflict 0 1/3 =facts/a.yaml 3 5 0 1 1 1,0\n"
      "text =a\\smessage\ntext =q\ntext =\ntext =step\\none\n"
      "diagnosis 1 = = = =because\nimplied [1/2 5) =cases\\s·\\sLand\n";
  const auto parsed = cc::cli::CachedOutcomes::parse(one);
  REQUIRE(parsed);
  CHECK(parsed->size() == 1);
  CHECK_FALSE(cc::cli::CachedOutcomes::parse(one + "extra\n"));
  std::string bad_interval = one;
  bad_interval.replace(bad_interval.find("[1/2"), 4, "[1/0");
  CHECK_FALSE(cc::cli::CachedOutcomes::parse(bad_interval));
  std::string bad_escape = one;
  bad_escape.replace(bad_escape.find("\\smessage"), 2, "\\q");
  CHECK_FALSE(cc::cli::CachedOutcomes::parse(bad_escape));
}

TEST_CASE("the outcomes' lines are the same rendered in one part or several",
          "[cli][rest-cache][threads]") {
  // render_outcomes splits the components into parts rendered at once (the cache's entry
  // is made beside the review): the lines joined are those of one part, whatever the split.
  std::size_t compared = 0;
  for (const fs::path& dir : fact_dirs()) {
    INFO(dir.string());
    cc::Diagnostics diagnostics;
    const cc::FactBase base = cc::load_fact_base(dir, diagnostics);
    if (diagnostics.has_errors()) continue;
    cc::EngineOptions options;
    options.keep_outcomes = true;
    const cc::CheckResult checked = cc::run_checks(base, options);
    for (cc::SourceIndex s = 0; s < base.sources.size(); ++s) {
      const std::vector<cc::SourceIndex> draft = {s};
      const std::string one = cc::cli::render_outcomes(base, checked, draft, 1);
      for (const unsigned parts : {2U, 3U, 64U})
        CHECK(cc::cli::render_outcomes(base, checked, draft, parts) == one);
      if (one.find("\ncomponent ", one.find("\ncomponent ") + 1) != std::string::npos) ++compared;
    }
  }
  CHECK(compared > 20);  // drafts that leave two components or more to be written
}
