// check --draft's cache of the rest (cli/rest_cache.h; docs/REPORTS.md, "The draft's
// cache"): a second run takes the rest's findings from the cache with the same reports;
// whatever the rest's findings depend on misses; a damaged cache is a miss; a run that errs
// writes none.
#include "cli/rest_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <fmt/format.h>

#include <cstdlib>
#include <map>

#include "catch.h"
#include "draft_cache_support.h"
#include "support/test_support.h"

using namespace cc::test;
namespace fs = std::filesystem;

namespace {

using draft_cache::age;
using draft_cache::DraftRun;
using draft_cache::Env;
using draft_cache::figure;
using draft_cache::source;

// The draft of newsroom(): draft.yaml.
DraftRun draft_run(const fs::path& dir, const fs::path& out,
                   const std::vector<std::string>& more = {}) {
  return draft_cache::draft_run(dir, dir / "draft.yaml", out, more);
}

void same_as_uncached(const fs::path& dir, const DraftRun& run) {
  draft_cache::same_as_uncached(dir, dir / "draft.yaml", run);
}

// Two older sources that disagree on 2019 (the rest's finding), one with an article, and a
// draft that disagrees with one of them on 2020.
fs::path newsroom(const std::string& name) {
  const fs::path dir = scratch_dir(name) / "facts";
  write_file(dir / "vocabulary.yaml", test_vocabulary());
  write_file(dir / "a.yaml", source("a", figure("n", 3171, 2019) + figure("m", 500, 2020),
                                    "2024-01-01", "articles/a.txt"));
  write_file(dir / "articles" / "a.txt", "There were 3171 cases in 2019 and 500 cases in 2020.\n");
  write_file(dir / "b.yaml", source("b", figure("n", 3217, 2019), "2024-02-01"));
  write_file(dir / "draft.yaml", source("draft", figure("m", 900, 2020), "2024-03-01"));
  age(dir);
  return dir;
}

std::string summary(const DraftRun& run) {
  const std::size_t at = run.result.out.find("the draft: ");
  return at == std::string::npos ? std::string() : run.result.out.substr(at);
}

}  // namespace

TEST_CASE("a second draft run takes the rest from the cache, with the same reports",
          "[cli][review][rest-cache]") {
  const fs::path dir = newsroom("rest-cache-hit");
  const fs::path out = dir.parent_path() / "reports";
  const DraftRun first = draft_run(dir, out);
  INFO(first.result.out << first.result.err);
  CHECK(first.result.exit_code == 1);
  CHECK_FALSE(first.hit);
  CHECK(summary(first).find("unchanged") != std::string::npos);
  // Beside the out folder, not in it: the out folder holds reports only.
  CHECK(fs::is_regular_file(dir.parent_path() / ".reports.rest-cache"));
  CHECK_FALSE(fs::exists(out / ".reports.rest-cache"));
  const DraftRun second = draft_run(dir, out);
  CHECK(second.hit);
  CHECK(second.result.out == first.result.out);
  CHECK(second.files == first.files);
  same_as_uncached(dir, second);
  // Other threads: the same key.
  CHECK(draft_run(dir, out, {"--threads", "1"}).hit);
}

TEST_CASE("the review reads the rest's ids from the cache", "[cli][review][rest-cache]") {
  // A cache doctored to hold no finding of the rest, its checksum redone: the review then
  // says the draft added the rest's finding. It shows the ids are taken from the cache.
  const fs::path dir = newsroom("rest-cache-read");
  const fs::path out = dir.parent_path() / "reports";
  (void)draft_run(dir, out);
  const fs::path file = cc::cli::rest_cache_path(out);
  std::string text = read_file(file);
  const std::size_t rest = text.find("\nrest ");
  REQUIRE(rest != std::string::npos);
  text = text.substr(0, rest + 1) + "rest 0\n";
  const XXH128_hash_t sum = XXH3_128bits(text.data(), text.size());
  write_file(file, text + fmt::format("sum {:016x}{:016x}\n", sum.high64, sum.low64));
  const DraftRun doctored = draft_run(dir, out);
  CHECK(doctored.hit);
  CHECK(summary(doctored).find("changed by the draft: 1 new") != std::string::npos);
}

TEST_CASE("what the rest depends on misses the cache, the draft itself does not",
          "[cli][review][rest-cache]") {
  const fs::path dir = newsroom("rest-cache-miss");
  const fs::path out = dir.parent_path() / "reports";
  REQUIRE_FALSE(draft_run(dir, out).hit);
  REQUIRE(draft_run(dir, out).hit);
  const auto changed_then = [&](const std::string& what, const auto& change, bool hits) {
    INFO(what);
    change();
    age(dir);
    const DraftRun run = draft_run(dir, out);
    INFO(run.result.out << run.result.err);
    CHECK(run.hit == hits);
    same_as_uncached(dir, run);
    CHECK(draft_run(dir, out).hit);  // written again
  };
  changed_then(
      "a file of the rest",
      [&] { write_file(dir / "b.yaml", source("b", figure("n", 3171, 2019), "2024-02-01")); },
      false);
  changed_then(
      "the vocabulary",
      [&] { write_file(dir / "vocabulary.yaml", test_vocabulary() + "# a comment\n"); }, false);
  changed_then(
      "an article of the rest (the quote is no longer in it)",
      [&] { write_file(dir / "articles" / "a.txt", "There were 500 cases in 2020.\n"); }, false);
  changed_then(
      "a new file in the rest",
      [&] { write_file(dir / "c.yaml", source("c", figure("n", 3300, 2019), "2024-02-02")); },
      false);
  changed_then(
      "a file of the rest removed", [&] { fs::remove(dir / "c.yaml"); }, false);
  // The draft edited a moment ago (its time is not looked at), its findings changed.
  write_file(dir / "draft.yaml", source("draft", figure("m", 1500, 2021), "2024-03-01"));
  const DraftRun edited = draft_run(dir, out);
  INFO(edited.result.out << edited.result.err);
  CHECK(edited.hit);
  CHECK(edited.result.exit_code == 0);
  same_as_uncached(dir, edited);
}

TEST_CASE("an option that changes findings or a rebuilt program is another key",
          "[cli][review][rest-cache]") {
  // No option of the command line changes findings (--threads does not: the hit test above
  // runs with --threads 1); the engine's options that do are in the key.
  const fs::path dir = newsroom("rest-cache-options");
  const fs::path out = dir.parent_path() / "reports";
  (void)draft_run(dir, out);
  const cc::cli::DraftArgs args{{"draft.yaml"}, {}};
  using Found = cc::cli::RestCache::Found;
  const auto found = [&](const cc::cli::DraftArgs& draft, const cc::EngineOptions& options) {
    return cc::cli::RestCache(dir, out, draft, options).look_up();
  };
  cc::EngineOptions same;
  same.solve.threads = 1;
  CHECK(found(args, same) == Found::rest);
  cc::EngineOptions budget;
  budget.solve.diagnosis_node_budget = 10;
  CHECK(found(args, budget) == Found::none);
  cc::EngineOptions limits;
  limits.solve.limits.events_per_constraint = 7;
  CHECK(found(args, limits) == Found::none);
  cc::EngineOptions disabled;
  disabled.build.disabled_rules = {"units"};
  CHECK(found(args, disabled) == Found::none);
  // The entry is that of the rest's inputs, whatever named the draft: named by its source
  // id, the draft leaves the same files out (confirmed after the load); named by another
  // file, it does not.
  CHECK(found({{}, {"draft"}}, same) == Found::rest);
  CHECK(found({{"b.yaml"}, {}}, same) == Found::none);
}

TEST_CASE("a draft run takes what a check without a draft left, if the draft is new",
          "[cli][review][rest-cache]") {
  const fs::path dir = newsroom("rest-cache-plain");
  const fs::path out = dir.parent_path() / "reports";
  const fs::path file = cc::cli::rest_cache_path(out);
  const std::string draft = read_file(dir / "draft.yaml");
  fs::remove(dir / "draft.yaml");
  const std::vector<std::string> plain = {"check", dir.string(), "--format",
                                          "json",  "--out",      out.string()};
  // Without reports or with --no-cache, nothing is written.
  CHECK(run_cli({"check", dir.string(), "--no-reports"}).exit_code == 1);
  CHECK(run_cli({"check", dir.string(), "--no-cache", "--out", out.string()}).exit_code == 1);
  CHECK_FALSE(fs::exists(file));
  // A check without a draft: its findings' ids and every component's outcome.
  REQUIRE(run_cli(plain).exit_code == 1);
  REQUIRE(fs::exists(file));
  const std::string entry = read_file(file);
  CHECK(entry.find("\nrest 1\n") != std::string::npos);
  CHECK(entry.find("\noutcomes ") != std::string::npos);
  // The draft written since: its rest is the fact base that check read, and the components
  // it leaves alone are that check's.
  write_file(dir / "draft.yaml", draft);
  age(dir);
  const DraftRun first = draft_run(dir, out);
  INFO(first.result.out << first.result.err);
  CHECK(first.hit);
  CHECK(first.from_cache > 0);
  CHECK(summary(first).find("unchanged") != std::string::npos);
  same_as_uncached(dir, first);
  CHECK(read_file(file) == entry);  // taken, not written again
  // The same entry without the outcomes (as when they would pass the size bound): the ids
  // are taken, every component solved, and the entry written again with the outcomes.
  const std::size_t at = entry.find("\noutcomes ");
  const std::string ids_only = entry.substr(0, at + 1);
  const XXH128_hash_t sum = XXH3_128bits(ids_only.data(), ids_only.size());
  write_file(file, ids_only + fmt::format("sum {:016x}{:016x}\n", sum.high64, sum.low64));
  const DraftRun without_outcomes = draft_run(dir, out);
  CHECK(without_outcomes.hit);
  CHECK(without_outcomes.from_cache == 0);
  CHECK(without_outcomes.files == first.files);
  CHECK(without_outcomes.result.out == first.result.out);
  CHECK(read_file(file).find("\noutcomes ") != std::string::npos);
  const DraftRun second = draft_run(dir, out);
  CHECK(second.hit);
  CHECK(second.from_cache > 0);
  CHECK(second.files == first.files);
  CHECK(second.result.out == first.result.out);
  // A check of the fact base with the draft in it: the draft's file is among its inputs,
  // so it is not the draft's rest; the next draft run checks the rest and stores it.
  REQUIRE(run_cli(plain).exit_code == 1);
  const DraftRun after_whole = draft_run(dir, out);
  CHECK_FALSE(after_whole.hit);
  same_as_uncached(dir, after_whole);
  CHECK(draft_run(dir, out).hit);
  // Named by source id, the same entry; another draft, named by id, leaves another file
  // out: a miss after the load, the rest derived from it.
  const DraftRun by_id = draft_cache::draft_run(dir, "draft", out);
  CHECK(by_id.hit);
  CHECK(by_id.files == second.files);
  const DraftRun other = draft_cache::draft_run(dir, "b", out);
  INFO(other.result.out << other.result.err);
  CHECK_FALSE(other.hit);
  CHECK(other.result.err.find("timing: derive the rest") != std::string::npos);
  draft_cache::same_as_uncached(dir, "b", other);
  CHECK(draft_cache::draft_run(dir, "b", out).hit);
}

TEST_CASE("a damaged cache is a miss with the same reports, and is written again",
          "[cli][review][rest-cache]") {
  const fs::path dir = newsroom("rest-cache-damaged");
  const fs::path out = dir.parent_path() / "reports";
  const DraftRun first = draft_run(dir, out);
  const fs::path file = cc::cli::rest_cache_path(out);
  const std::string good = read_file(file);
  const auto damaged = [&](const std::string& what, const auto& damage) {
    INFO(what);
    fs::remove_all(file);
    damage();
    const DraftRun run = draft_run(dir, out);
    INFO(run.result.err);
    CHECK_FALSE(run.hit);
    CHECK(run.result.exit_code == first.result.exit_code);
    CHECK(run.result.out == first.result.out);
    CHECK(run.files == first.files);
  };
  damaged("truncated", [&] { write_file(file, good.substr(0, good.size() / 2)); });
  damaged("its last byte gone", [&] { write_file(file, good.substr(0, good.size() - 1)); });
  damaged("empty", [&] { write_file(file, ""); });
  damaged("garbage", [&] { write_file(file, std::string(5000, '\xff') + "\n\0\n"); });
  damaged("one digit of the key changed", [&] {
    std::string text = good;
    const std::size_t at = text.find("key ") + 4;
    text[at] = text[at] == '0' ? '1' : '0';
    write_file(file, text);
  });
  damaged("an id added without its checksum", [&] {
    std::string text = good;
    text.insert(text.find("\nsum ") + 1, "id conflict-00000000\n");
    write_file(file, text);
  });
  // Lines this program would not write, their sum redone: a miss too.
  const auto resummed = [&](std::string text) {
    text = text.substr(0, text.find("\nsum ") + 1);
    const XXH128_hash_t sum = XXH3_128bits(text.data(), text.size());
    write_file(file, text + fmt::format("sum {:016x}{:016x}\n", sum.high64, sum.low64));
  };
  damaged("a digest that is not 32 hex digits, its sum redone", [&] {
    std::string text = good;
    const std::size_t at = text.find("\nfact-file ") + 11;
    text[at] = 'g';
    resummed(text);
  });
  damaged("the fact files out of order, their sum redone", [&] {
    std::string text = good;
    const std::size_t one = text.find("\nfact-file ") + 1;
    const std::size_t two = text.find('\n', one) + 1;
    const std::size_t end = text.find('\n', two) + 1;
    REQUIRE(text.compare(two, 10, "fact-file ") == 0);
    text = text.substr(0, one) + text.substr(two, end - two) + text.substr(one, two - one) +
           text.substr(end);
    resummed(text);
  });
  damaged("a folder", [&] { fs::create_directories(file / "x"); });
  damaged("a FIFO", [&] { REQUIRE(::mkfifo(file.c_str(), 0600) == 0); });
  damaged("a symbolic link to itself", [&] { fs::create_symlink(file, file); });
  // A good entry, but through a link: the cache file is never read through one.
  const fs::path elsewhere = dir.parent_path() / "elsewhere";
  damaged("a symbolic link to a good entry", [&] {
    write_file(elsewhere, good);
    fs::create_symlink(elsewhere, file);
  });
  CHECK(read_file(elsewhere) == good);  // the run's new entry replaced the link, not its target
  fs::remove_all(file);
  (void)draft_run(dir, out);
  CHECK(read_file(file) == good);
  CHECK(draft_run(dir, out).hit);
}

TEST_CASE("no cache is written by a run that errs, without reports, or on fresh files",
          "[cli][review][rest-cache]") {
  const fs::path dir = newsroom("rest-cache-none");
  const fs::path out = dir.parent_path() / "reports";
  const fs::path file = cc::cli::rest_cache_path(out);
  const Env timing("CROSSCHECK_TIMING", "1");
  // An unknown draft source id: an error before the rest is checked.
  CHECK(run_cli({"check", dir.string(), "--draft", "nosuch", "--out", out.string()}).exit_code ==
        2);
  CHECK(
      run_cli({"check", dir.string(), "--draft", "draft", "--format", "pdf", "--out", out.string()})
          .exit_code == 2);
  CHECK(run_cli({"check", dir.string(), "--draft", "draft", "--no-reports", "--out", out.string()})
            .exit_code == 1);
  CHECK(run_cli({"check", dir.string(), "--draft", "draft", "--no-cache", "--out", out.string()})
            .exit_code == 1);
  CHECK_FALSE(fs::exists(file));
  // An input error in the rest.
  const std::string b = read_file(dir / "b.yaml");
  write_file(dir / "b.yaml", b + "  - {id: broken, value: }\n");
  age(dir);
  CHECK(draft_run(dir, out).result.exit_code == 2);
  CHECK_FALSE(fs::exists(file));
  // Files written a moment ago may not be the ones the load read: not written either.
  write_file(dir / "b.yaml", b);
  const DraftRun fresh = draft_run(dir, out);
  CHECK(fresh.result.exit_code == 1);
  CHECK_FALSE(fs::exists(file));
  age(dir);
  (void)draft_run(dir, out);
  CHECK(fs::exists(file));
  CHECK(draft_run(dir, out).hit);
}

TEST_CASE("a rest that cannot be checked is cached as none", "[cli][review][rest-cache]") {
  // b reports the draft's figures (based_on names it): a load of the rest errs, so there is
  // no rest to compare with, and the entry says so.
  const fs::path dir = newsroom("rest-cache-none-rest");
  write_file(dir / "b.yaml",
             "source:\n  id: b\n  title: b\n  published: 2024-02-01\n"
             "  based_on:\n    - { source: draft }\nfacts:\n" +
                 figure("n", 3217, 2019));
  age(dir);
  const fs::path out = dir.parent_path() / "reports";
  const DraftRun first = draft_run(dir, out);
  INFO(first.result.out << first.result.err);
  CHECK_FALSE(first.hit);
  CHECK(read_file(cc::cli::rest_cache_path(out)).find("\nrest none\n") != std::string::npos);
  const DraftRun second = draft_run(dir, out);
  CHECK(second.hit);
  CHECK(second.result.out == first.result.out);
  CHECK(second.files == first.files);
  same_as_uncached(dir, second);
}

TEST_CASE("a draft run of a file a check without a draft read takes that check's other components",
          "[cli][review][rest-cache]") {
  // The draft states 2020, which a states too; 2019 (a and b) is a component it leaves
  // alone, whose outcome the check without a draft left.
  const fs::path dir = newsroom("rest-cache-components");
  const fs::path out = dir.parent_path() / "reports";
  const std::vector<std::string> plain = {"check", dir.string(), "--format",
                                          "json",  "--out",      out.string()};
  const auto after_check = [&](const std::string& what, const auto& change, bool takes,
                               const fs::path& named = "") {
    INFO(what);
    const fs::path draft = named.empty() ? dir / "draft.yaml" : named;
    age(dir);  // a file written by the step before is not one a check caches
    REQUIRE(run_cli(plain).exit_code == 1);
    change();
    const DraftRun run = draft_cache::draft_run(dir, draft, out);
    INFO(run.result.out << run.result.err);
    CHECK_FALSE(run.hit);
    CHECK(run.components == takes);
    if (takes) CHECK(run.from_cache > 0);
    CHECK(run.result.err.find("timing: derive the rest") != std::string::npos);
    draft_cache::same_as_uncached(dir, draft, run);
    // It stored the rest: the next run takes it.
    CHECK(draft_cache::draft_run(dir, draft, out).hit);
  };
  after_check(
      "the draft as the check read it", [] {}, true);
  after_check(
      "the draft edited a moment ago",
      [&] {
        write_file(dir / "draft.yaml", source("draft", figure("m", 700, 2020), "2024-03-01"));
      },
      true);
  after_check(
      "named by its source id", [] {}, true, "draft");
  after_check(
      "another file edited",
      [&] {
        write_file(dir / "b.yaml", source("b", figure("n", 3200, 2019), "2024-02-01"));
        age(dir);
      },
      false);
  after_check(
      "an article of the rest edited",
      [&] {
        write_file(dir / "articles" / "a.txt", "There were 3171 cases in 2019.\n");
        age(dir);
      },
      false);
  after_check(
      "another draft, named by id, while the draft's file changed",
      [&] {
        write_file(dir / "draft.yaml", source("draft", figure("m", 800, 2020), "2024-03-01"));
        age(dir);
      },
      false, "b");
}
