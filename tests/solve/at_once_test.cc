// Components solved at once within a bound on their constraints (docs/ARCHITECTURE.md, "What a
// solving thread holds"): every item runs once, the items running at the same time never
// hold more than the bound together (but for one larger than it, which runs alone), items
// that fit do run at once, and the solve's result is the same whatever the bound.
#include "catch.h"

#include <chrono>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "load/loader.h"
#include "rules/build.h"
#include "solve/at_once.h"
#include "solve/conflicts.h"
#include "support/test_support.h"

using namespace cc;

namespace {

struct Watch {
  std::mutex mutex;
  std::size_t running = 0;      // sizes running, summed
  std::size_t busy = 0;         // items running
  std::size_t most_busy = 0;    // the most items running at once
  bool over = false;            // items held more than the budget together
  std::vector<int> runs;        // by item: how many times it ran
  std::vector<int> bad_worker;  // by item: it ran on a worker number out of range
};

void run_watched(const std::vector<std::size_t>& sizes, unsigned threads, std::size_t budget,
                 Watch& watch) {
  watch.runs.assign(sizes.size(), 0);
  watch.bad_worker.assign(sizes.size(), 0);
  on_threads_within(sizes, threads, budget, [&](std::size_t worker, std::size_t i) {
    {
      const std::lock_guard lock(watch.mutex);
      ++watch.runs[i];
      if (worker >= threads) watch.bad_worker[i] = 1;
      watch.running += sizes[i];
      ++watch.busy;
      watch.most_busy = std::max(watch.most_busy, watch.busy);
      if (watch.busy > 1 && watch.running > budget) watch.over = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const std::lock_guard lock(watch.mutex);
    watch.running -= sizes[i];
    --watch.busy;
  });
}

}  // namespace

TEST_CASE("items run once each, and those running at once stay within the budget",
          "[solve][at-once]") {
  std::mt19937 random(7);
  for (const unsigned threads : {1U, 2U, 3U, 4U}) {
    for (const std::size_t budget :
         {std::size_t{1}, std::size_t{60}, std::size_t{150}, std::size_t{100000}}) {
      INFO("threads " << threads << ", budget " << budget);
      std::vector<std::size_t> sizes(40);
      for (std::size_t& s : sizes) s = 1 + random() % 100;
      std::sort(sizes.begin(), sizes.end(), std::greater<>());  // largest first, as the solve
      Watch watch;
      run_watched(sizes, threads, budget, watch);
      CHECK(std::all_of(watch.runs.begin(), watch.runs.end(), [](int n) { return n == 1; }));
      CHECK(std::none_of(watch.bad_worker.begin(), watch.bad_worker.end(),
                         [](int b) { return b != 0; }));
      CHECK_FALSE(watch.over);
      if (threads == 1 || budget == 1) CHECK(watch.most_busy == 1);
      // With room for every item, the threads do work at once.
      if (threads > 1 && budget == 100000) CHECK(watch.most_busy > 1);
    }
  }
}

TEST_CASE("a bound of one constraint solves each component alone, with the same result",
          "[solve][at-once]") {
  for (const auto& dir : test::fact_dirs()) {
    INFO(dir.string());
    Diagnostics diagnostics;
    const FactBase base = load_fact_base(dir.string(), diagnostics);
    const FactGraph graph = build_graph(base);
    SolveOptions options;
    options.threads = 2;
    const SolveResult free = solve(base, graph, options);
    options.constraints_at_once = 1;
    const SolveResult alone = solve(base, graph, options);
    REQUIRE(alone.conflicts.size() == free.conflicts.size());
    for (std::size_t i = 0; i < free.conflicts.size(); ++i) {
      CHECK(alone.conflicts[i].facts == free.conflicts[i].facts);
      CHECK(alone.conflicts[i].blame == free.conflicts[i].blame);
      CHECK(alone.conflicts[i].because == free.conflicts[i].because);
      CHECK(alone.conflicts[i].restating == free.conflicts[i].restating);
      CHECK(alone.conflicts[i].also_contradicts == free.conflicts[i].also_contradicts);
      CHECK(alone.conflicts[i].slip.has_value() == free.conflicts[i].slip.has_value());
      if (alone.conflicts[i].slip && free.conflicts[i].slip)
        CHECK(alone.conflicts[i].slip->corrected == free.conflicts[i].slip->corrected);
    }
    CHECK(alone.set_aside == free.set_aside);
    CHECK(alone.implied == free.implied);
  }
}
