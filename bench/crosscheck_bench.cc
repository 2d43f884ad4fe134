// crosscheck_bench: times the phases of a check on one fact base and compares each with a
// bare parse of the same YAML files (see bench/README.md).
//
//   crosscheck_bench FACTS_DIR [--planted FILE] [--threads N] [--repeat N] [--breakdown]
//                              [--json FILE] [--label TEXT] [--report-dir DIR]
//                              [--max-bound-bits N] [--max-conflicts N] [--graph-only]
//                              [--parse-only] [--whole-graph]
//
// Phases: bare parse (yaml-cpp event API with a no-op handler, 1 thread and N threads;
// libyaml's C parser, 1 thread), load (cc::load_fact_base), check (cc::run_checks: build,
// solve, explain, single-fact checks, accepts, sort), and report (each format's render
// function plus write_atomically, and the terminal lines). With --breakdown the check is
// run a second time step by step with the same public functions run_checks calls, to show
// where its time goes, and one propagation of every component to its fixpoint is timed
// on its own (the unit of the solver's work). Only the public API is called. Memory: the peak
// resident set size (getrusage) after each phase, and the resident set size the phase leaves held.
#include <fmt/format.h>
#include <malloc.h>
#include <sys/resource.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#ifdef CROSSCHECK_BENCH_LIBYAML
#include <yaml.h>
#endif

#include "checks/check.h"
#include "engine/check.h"
#include "explain/explain.h"
#include "load/loader.h"
#include "report/formats.h"
#include "report/report.h"
#include "report/write.h"
#include "rules/rule.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// ---- measuring

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// User + system time of this process's threads and of the children it waited for (the
// Graphviz run of graph.svg).
double cpu_seconds() {
  const auto sec = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  double total = 0;
  for (const int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage usage{};
    getrusage(who, &usage);
    total += sec(usage.ru_utime) + sec(usage.ru_stime);
  }
  return total;
}

double load_average() {
  std::ifstream in("/proc/loadavg");
  double one = 0;
  in >> one;
  return one;
}

// Bytes the program holds on the heap (every arena), whether or not the allocator has
// returned freed pages to the system: what the data structures weigh.
double heap_in_use_mb() {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<double>(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

double current_rss_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) /
         (1024.0 * 1024.0);
}

struct Phase {
  std::string name;
  std::string what;
  double seconds = 0;
  double cpu_seconds = 0;  // user + system time of every thread of the process
  double peak_rss_mb = 0;  // the process's peak so far, after the phase
  double held_rss_mb = 0;  // resident after the phase
  double heap_mb = 0;      // heap in use after the phase (mallinfo2)
  bool baseline = false;
  bool detail = false;  // a part of another phase (breakdown, one report format)
};

class Phases {
 public:
  // Runs fn `repeat` times and keeps the fastest.
  template <typename Fn>
  void time(const std::string& name, const std::string& what, int repeat, Fn&& fn,
            bool detail = false) {
    double best = 0;
    double best_cpu = 0;
    for (int r = 0; r < repeat; ++r) {
      const auto start = Clock::now();
      const double cpu_start = cpu_seconds();
      fn();
      const double s = seconds_since(start);
      const double cpu = cpu_seconds() - cpu_start;
      if (r == 0 || s < best) best = s;
      if (r == 0 || cpu < best_cpu) best_cpu = cpu;
    }
    add(name, what, best, best_cpu, detail);
  }
  void add(const std::string& name, const std::string& what, double seconds, double cpu,
           bool detail = false) {
    Phase p{name,  what,  seconds, cpu, peak_rss_mb(), current_rss_mb(), heap_in_use_mb(),
            false, detail};
    std::cerr << fmt::format("  {:<26} {:>9.3f} s {:>9.3f} s CPU   peak RSS {:>8.1f} MB\n", name,
                             seconds, cpu, p.peak_rss_mb);
    phases_.push_back(std::move(p));
  }
  std::vector<Phase>& all() { return phases_; }

 private:
  std::vector<Phase> phases_;
};

// ---- the files

struct Inputs {
  std::vector<fs::path> yaml;  // vocabulary.yaml and every fact file
  std::uintmax_t yaml_bytes = 0;
  std::vector<fs::path> articles;
  std::uintmax_t article_bytes = 0;
};

Inputs list_inputs(const fs::path& dir) {
  Inputs in;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      in.yaml.push_back(entry.path());
      in.yaml_bytes += entry.file_size();
    }
  }
  std::sort(in.yaml.begin(), in.yaml.end());
  const fs::path articles = dir / "articles";
  if (fs::is_directory(articles)) {
    for (const auto& entry : fs::directory_iterator(articles)) {
      if (entry.is_regular_file()) {
        in.articles.push_back(entry.path());
        in.article_bytes += entry.file_size();
      }
    }
  }
  return in;
}

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(fs::file_size(path)), '\0');
  stream.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(stream.gcount()));
  return bytes;
}

// Reads every input once so that every phase finds them in the page cache.
std::size_t warm_cache(const Inputs& in) {
  std::size_t sum = 0;
  for (const auto& p : in.yaml) sum += read_file(p).size();
  for (const auto& p : in.articles) sum += read_file(p).size();
  return sum;
}

template <typename Fn>
void for_each_file(std::size_t count, unsigned threads, const Fn& fn) {
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) fn(i);
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
}

// ---- bare parses: read the file, parse it, keep nothing

class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string& bytes) {
    setg(bytes.data(), bytes.data(), bytes.data() + bytes.size());
  }
};

class NullHandler : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    ++events;
    bytes += value.size();
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override {}
  std::size_t events = 0;
  std::size_t bytes = 0;
};

std::size_t parse_yaml_cpp(const fs::path& path) {
  std::string bytes = read_file(path);
  MemoryBuffer buffer(bytes);
  std::istream stream(&buffer);
  NullHandler handler;
  YAML::Parser parser(stream);
  while (parser.HandleNextDocument(handler)) {
  }
  return handler.events;
}

std::size_t bare_parse_yaml_cpp(const Inputs& in, unsigned threads) {
  std::atomic<std::size_t> events{0};
  for_each_file(in.yaml.size(), threads,
                [&](std::size_t i) { events += parse_yaml_cpp(in.yaml[i]); });
  return events;
}

#ifdef CROSSCHECK_BENCH_LIBYAML
std::size_t parse_libyaml(const fs::path& path) {
  const std::string bytes = read_file(path);
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(bytes.data()),
                               bytes.size());
  std::size_t events = 0;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) break;
    const bool done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    ++events;
    if (done) break;
  }
  yaml_parser_delete(&parser);
  return events;
}

std::size_t bare_parse_libyaml(const Inputs& in) {
  std::size_t events = 0;
  for (const auto& p : in.yaml) events += parse_libyaml(p);
  return events;
}
#endif

// ---- planted facts: every finding should contain one

struct Planted {
  std::string ref;
  std::string rule;
};

std::vector<Planted> read_planted(const fs::path& path) {
  std::vector<Planted> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    const auto tab2 = line.find('\t', tab + 1);
    out.push_back({line.substr(0, tab),
                   line.substr(tab + 1, tab2 == std::string::npos ? tab2 : tab2 - tab - 1)});
  }
  return out;
}

struct PlantedCheck {
  std::size_t planted = 0;
  std::size_t unresolved = 0;  // refs not in the fact base
  std::size_t found = 0;       // planted facts in at least one finding
  std::size_t findings_without_plant = 0;
  // The diagnosis: findings whose doubted fact is a planted one, and those that doubt a
  // fact nobody planted (a wrong blame; must be 0).
  std::size_t doubt_planted = 0;
  std::size_t doubt_not_planted = 0;
  std::vector<std::string> examples_wrong_doubt;
  std::vector<std::string> examples_without_plant;
  std::vector<std::string> missed;
  // by the rule the plant was meant to trip: planted, found, and the rules it was found by
  std::map<std::string, std::tuple<std::size_t, std::size_t, std::map<std::string, std::size_t>>>
      by_rule;
};

PlantedCheck check_planted(const cc::FactBase& base, const cc::CheckResult& result,
                           const std::vector<Planted>& planted) {
  PlantedCheck check;
  check.planted = planted.size();
  std::unordered_map<cc::FactIndex, std::size_t> index;  // fact → position in `planted`
  for (std::size_t i = 0; i < planted.size(); ++i) {
    auto& entry = check.by_rule[planted[i].rule];
    ++std::get<0>(entry);
    if (const auto f = base.find_fact(planted[i].ref)) {
      index.emplace(*f, i);
    } else {
      ++check.unresolved;
    }
  }
  std::vector<std::set<std::string>> found_by(planted.size());
  const cc::ReportInput input{base, result};
  for (const cc::Finding& finding : result.findings) {
    if (finding.diagnosis) {
      if (index.count(finding.diagnosis->doubt)) {
        ++check.doubt_planted;
      } else {
        ++check.doubt_not_planted;
        if (check.examples_wrong_doubt.size() < 10)
          check.examples_wrong_doubt.push_back(cc::render_terminal_line(input, finding, false));
      }
    }
    bool any = false;
    for (const cc::FactIndex f : finding.facts) {
      const auto it = index.find(f);
      if (it == index.end()) continue;
      any = true;
      found_by[it->second].insert(std::string(cc::finding_rule_id(finding.rule)));
    }
    if (!any) {
      ++check.findings_without_plant;
      if (check.examples_without_plant.size() < 10) {
        check.examples_without_plant.push_back(cc::render_terminal_line(input, finding, false));
      }
    }
  }
  for (std::size_t i = 0; i < planted.size(); ++i) {
    auto& entry = check.by_rule[planted[i].rule];
    if (found_by[i].empty()) {
      if (check.missed.size() < 20)
        check.missed.push_back(planted[i].ref + " (" + planted[i].rule + ")");
      continue;
    }
    ++check.found;
    ++std::get<1>(entry);
    for (const auto& rule : found_by[i]) ++std::get<2>(entry)[rule];
  }
  return check;
}

// ---- the check, step by step (the same calls as cc::run_checks)

struct SlowestComponent {
  double seconds = 0;
  std::optional<std::uint32_t> component;
  double all_seconds = 0;  // every component's solver, summed: the rest of the solve is the
                           // set-up before them and the slip checks after
};

struct Breakdown {
  std::size_t findings = 0;
  cc::SolveResult solved;
  SlowestComponent slowest;  // of the solve phase
};

Breakdown breakdown(const cc::FactBase& base, const cc::EngineOptions& options, int repeat,
                    Phases& phases) {
  cc::CheckResult result;
  phases.time(
      "  build graph", "build_graph: quantities, claims and every inference rule", repeat,
      [&] { result.graph = cc::build_graph(base, options.build); }, true);
  // SolveOptions::component_solved gives each component's own time (its solver's, without
  // the slip checks made after every component).
  SlowestComponent slowest;
  cc::SolveOptions solve_options = options.solve;
  solve_options.threads = 1;  // one thread, as the other phases are timed
  solve_options.component_solved = [&](std::uint32_t c, double seconds) {
    if (seconds > slowest.seconds) {
      slowest.seconds = seconds;
      slowest.component = c;
    }
    slowest.all_seconds += seconds;
  };
  cc::SolveResult solved;
  phases.time(
      "  solve", "cc::solve: propagation per component, minimal conflict sets, implied intervals",
      repeat,
      [&] {
        slowest = {};
        solved = cc::solve(base, result.graph, solve_options);
      },
      true);
  result.implied = solved.implied;
  phases.time(
      "  explain", "explain_conflict for each minimal set", repeat,
      [&] {
        result.findings.clear();
        cc::Propagator propagator(result.graph, options.solve.limits);
        const cc::ConstraintsOfFacts of_facts(result.graph, base.facts.size());
        std::vector<char> mask(base.facts.size(), 0);
        for (const cc::MinimalConflict& conflict : solved.conflicts) {
          cc::Finding finding =
              cc::explain_conflict(base, result.graph, propagator, conflict, of_facts, mask);
          for (const cc::FactIndex f : conflict.restating) finding.facts.push_back(f);
          cc::finish_finding(base, finding);
          result.findings.push_back(std::move(finding));
        }
      },
      true);
  for (const cc::FactCheck& check : cc::fact_checks()) {
    const auto& disabled = options.build.disabled_rules;
    if (std::find(disabled.begin(), disabled.end(), check.id) != disabled.end()) continue;
    const std::size_t before = result.findings.size();
    phases.time(
        fmt::format("  check {}", check.id), "a single-fact check", repeat,
        [&] {
          result.findings.resize(before);  // a repeat replaces the findings of the one before
          std::vector<cc::Finding> found;
          check.run(base, found);
          for (cc::Finding& f : found) {
            cc::finish_finding(base, f);
            result.findings.push_back(std::move(f));
          }
        },
        true);
  }
  phases.time(
      "  accepts + sort", "apply_accepts, sort_findings", 1,
      [&] {
        cc::apply_accepts(base, result.findings);
        cc::sort_findings(base, result.findings);
      },
      true);
  return {result.findings.size(), std::move(solved), slowest};
}

// ---- one propagation to a fixpoint, the solver's unit of work
//
// cc::solve propagates each component afresh for every contradiction it finds there
// (Recording::trace), and runs untraced probe propagations of the component to pick the
// culprit and shrink the traced facts to a minimal set. One fixpoint of every component
// with the facts in play at the end (`left_out` left out) is the last of those runs: solve
// divided by it is about how many full propagations the solver paid for.

std::size_t largest_component(const cc::FactGraph& graph) {
  std::size_t largest = 0;
  for (std::size_t c = 1; c < graph.components().size(); ++c) {
    if (graph.components()[c].size() > graph.components()[largest].size()) largest = c;
  }
  return largest;
}

void time_fixpoints(const cc::FactGraph& graph, const std::unordered_set<cc::FactIndex>& left_out,
                    const std::string& left_out_what, const cc::PropagationLimits& limits,
                    int repeat, Phases& phases, std::optional<std::size_t> slowest = {}) {
  if (graph.components().empty()) return;
  cc::Propagator propagator(graph, limits);
  const auto active = [&](cc::FactIndex f) { return left_out.count(f) == 0; };
  std::size_t stopped = 0;  // runs that met a contradiction or the work bound: not a fixpoint
  const auto run = [&](std::span<const cc::ConstraintId> component, cc::Recording recording) {
    const auto outcome = propagator.run(component, active, recording);
    if (outcome.contradiction || outcome.exhausted) ++stopped;
  };
  const auto run_all = [&](cc::Recording recording) {
    for (const auto& component : graph.components()) run(component, recording);
  };
  phases.time("one fixpoint, traced",
              fmt::format("Propagator::run, Recording::trace, every component, {}", left_out_what),
              repeat, [&] { run_all(cc::Recording::trace); });
  phases.time(
      "  the same, untraced", "Recording::none, as the probe runs", repeat,
      [&] { run_all(cc::Recording::none); }, true);
  const auto time_one = [&](const std::string& name, std::size_t c) {
    const auto& component = graph.components()[c];
    phases.time(
        fmt::format("  {} ({})", name, component.size()), "Recording::trace, its constraints only",
        repeat, [&] { run(component, cc::Recording::trace); }, true);
  };
  time_one("the largest component", largest_component(graph));
  if (slowest && *slowest != largest_component(graph)) time_one("the slowest to solve", *slowest);
  if (stopped > 0) {
    std::cerr << fmt::format(
        "crosscheck_bench: {} fixpoint runs met a contradiction or the work bound\n", stopped);
  }
}

// How many contradictions the solver met in each component: a component with k of them
// is propagated k + 1 times from scratch, traced, besides the probe runs.
nlohmann::json conflicts_by_component(const cc::FactGraph& graph, const cc::SolveResult& solved,
                                      std::optional<std::size_t> slowest) {
  std::map<std::uint32_t, std::size_t> per_component;
  for (const cc::MinimalConflict& conflict : solved.conflicts) ++per_component[conflict.component];
  std::size_t most = 0;
  for (const auto& [component, count] : per_component) most = std::max(most, count);
  const auto largest = static_cast<std::uint32_t>(largest_component(graph));
  return {{"conflicts", solved.conflicts.size()},
          {"components_with_conflicts", per_component.size()},
          {"most_conflicts_in_a_component", most},
          {"conflicts_in_largest_component",
           per_component.count(largest) ? per_component.at(largest) : 0},
          {"conflicts_in_slowest_component",
           slowest && per_component.count(*slowest) ? per_component.at(*slowest) : 0}};
}

// ---- the graph's shape: what the solver's cost depends on

nlohmann::json graph_stats(const cc::FactBase& base, const cc::FactGraph& graph,
                           const cc::KeyIntervals* implied) {
  const std::size_t largest_index = largest_component(graph);
  const std::size_t largest =
      graph.components().empty() ? 0 : graph.components()[largest_index].size();
  const auto facts_in = cc::facts_by_component(graph);
  nlohmann::json g;
  g["variables"] = graph.vars.size();
  g["constraints"] = graph.constraints.size();
  g["components"] = graph.components().size();
  g["largest_component_constraints"] = largest;
  g["largest_component_facts"] = facts_in.empty() ? 0 : facts_in[largest_index].size();
  // Constraint arity: a sum over k parts narrows k + 1 variables per propagation, and
  // with the event log on each narrowing gathers the events of all k + 1 variables.
  {
    std::size_t max_arity = 0;
    double sum_sq = 0;
    std::map<std::string, std::size_t> max_by_origin;
    for (const cc::Constraint& c : graph.constraints) {
      max_arity = std::max(max_arity, c.vars.size());
      sum_sq += static_cast<double>(c.vars.size()) * static_cast<double>(c.vars.size());
      auto& m = max_by_origin[std::string(cc::rule_of(c).id)];
      m = std::max(m, c.vars.size());
    }
    // Variable degree: every narrowing of a variable queues each of its constraints again.
    std::size_t max_degree = 0;
    std::size_t max_degree_constant = 0;
    double degree_sq = 0;
    for (cc::VarId v = 0; v < graph.vars.size(); ++v) {
      const std::size_t d = graph.constraints_of(v).size();
      if (graph.vars[v].kind == cc::VarKind::constant) {
        max_degree_constant = std::max(max_degree_constant, d);
        continue;
      }
      max_degree = std::max(max_degree, d);
      degree_sq += static_cast<double>(d) * static_cast<double>(d);
    }
    // The variables with the most constraints, and how many of those are statements.
    std::vector<cc::VarId> order;
    for (cc::VarId v = 0; v < graph.vars.size(); ++v) {
      if (graph.vars[v].kind != cc::VarKind::constant) order.push_back(v);
    }
    const std::size_t top = std::min<std::size_t>(5, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](cc::VarId a, cc::VarId b) {
                        return graph.constraints_of(a).size() > graph.constraints_of(b).size();
                      });
    nlohmann::json hubs = nlohmann::json::array();
    for (std::size_t i = 0; i < top; ++i) {
      std::size_t statements = 0;
      for (const cc::ConstraintId c : graph.constraints_of(order[i])) {
        if (graph.constraints[c].kind == cc::ConstraintKind::statement) ++statements;
      }
      hubs.push_back({{"quantity", cc::describe_quantity(base, graph, order[i])},
                      {"constraints", graph.constraints_of(order[i]).size()},
                      {"statements", statements}});
    }
    g["most_constrained"] = hubs;
    g["max_variable_degree"] = max_degree;
    g["max_constant_degree"] = max_degree_constant;
    g["sum_variable_degree_squared"] = degree_sq;
    g["max_constraint_vars"] = max_arity;
    g["max_constraint_vars_by_rule"] = max_by_origin;
    g["sum_constraint_vars_squared"] = sum_sq;
  }
  // How large the exact bounds grow: the implied interval of every key, in bits of
  // numerator and denominator (each costs a gcd per arithmetic operation).
  {
    std::vector<std::size_t> bits;
    for (cc::KeyId k = 0; implied && k < implied->size(); ++k) {
      const cc::Interval i = (*implied)[k];
      if (i.lo()) bits.push_back(cc::size_in_bits(i.lo()->value));
      if (i.hi()) bits.push_back(cc::size_in_bits(i.hi()->value));
    }
    std::sort(bits.begin(), bits.end());
    if (!bits.empty()) {
      double sum = 0;
      for (const auto b : bits) sum += static_cast<double>(b);
      g["implied_bound_bits"] = {{"mean", sum / static_cast<double>(bits.size())},
                                 {"p50", bits[bits.size() / 2]},
                                 {"p99", bits[bits.size() * 99 / 100]},
                                 {"max", bits.back()}};
    }
  }
  return g;
}

void print_graph_stats(const nlohmann::json& g) {
  std::cout << fmt::format(
      "\ngraph: {} variables, {} constraints, {} components, the largest {} constraints ({} "
      "facts)\n",
      g["variables"].get<std::size_t>(), g["constraints"].get<std::size_t>(),
      g["components"].get<std::size_t>(), g["largest_component_constraints"].get<std::size_t>(),
      g["largest_component_facts"].get<std::size_t>());
  std::cout << fmt::format("       constraint arity: at most {} variables ({}); Σ arity² {:.0f}\n",
                           g["max_constraint_vars"].get<std::size_t>(),
                           g["max_constraint_vars_by_rule"].dump(),
                           g["sum_constraint_vars_squared"].get<double>());
  std::cout << fmt::format(
      "       variable degree: at most {} constraints (a constant: {}); Σ degree² {:.0f}\n",
      g["max_variable_degree"].get<std::size_t>(), g["max_constant_degree"].get<std::size_t>(),
      g["sum_variable_degree_squared"].get<double>());
  for (const auto& h : g["most_constrained"]) {
    std::cout << fmt::format("         {}: {} constraints, {} of them statements\n",
                             h["quantity"].get<std::string>(), h["constraints"].get<std::size_t>(),
                             h["statements"].get<std::size_t>());
  }
  if (g.contains("implied_bound_bits")) {
    const auto& b = g["implied_bound_bits"];
    std::cout << fmt::format(
        "       implied bounds: {:.0f} bits on average (numerator + denominator), p99 {}, max {}\n",
        b["mean"].get<double>(), b["p99"].get<std::size_t>(), b["max"].get<std::size_t>());
  }
}

// ---- output

struct Options {
  fs::path facts;
  fs::path planted;
  fs::path json;
  fs::path report_dir;
  std::string label;
  unsigned threads = 2;
  int repeat = 1;
  bool breakdown = false;
  bool graph_only = false;
  bool parse_only = false;  // the bare yaml-cpp parse alone: a whole-process yardstick
  // Render graph.dot and graph.svg (the whole base, not default formats) whatever its size;
  // without it, only for a graph of at most kWholeGraphVertices vertices.
  bool whole_graph = false;
  // Engine settings to experiment with (defaults: the engine's own).
  std::optional<std::size_t> max_bound_bits;
  std::optional<std::size_t> max_conflicts;
};

[[noreturn]] void usage(const std::string& error) {
  std::cerr
      << "crosscheck_bench: " << error << "\n"
      << "usage: crosscheck_bench FACTS_DIR [--planted FILE] [--threads N] [--repeat N] "
         "[--breakdown]\n"
      << "                        [--json FILE] [--label TEXT] [--report-dir DIR]\n"
      << "                        [--max-bound-bits N] [--max-conflicts N]   (engine "
         "settings, to experiment)\n"
      << "                        [--parse-only]   (only the bare yaml-cpp parse, 1 thread: "
         "the yardstick\n"
      << "                                          for timing a whole `crosscheck` process "
         "beside it)\n"
      << "                        [--whole-graph]  (graph.dot and graph.svg of the whole base "
         "even past\n"
      << "                                          500,000 vertices)\n"
      << "                        [--graph-only]   (load, build the graph, print its shape; "
         "no check; with\n"
      << "                                          --planted, time one fixpoint without the "
         "planted facts)\n";
  std::exit(2);
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--planted")
      o.planted = value();
    else if (arg == "--json")
      o.json = value();
    else if (arg == "--label")
      o.label = value();
    else if (arg == "--report-dir")
      o.report_dir = value();
    else if (arg == "--parse-only")
      o.parse_only = true;
    else if (arg == "--threads")
      o.threads = static_cast<unsigned>(std::stoul(value()));
    else if (arg == "--repeat")
      o.repeat = std::max(1, std::stoi(value()));
    else if (arg == "--breakdown")
      o.breakdown = true;
    else if (arg == "--graph-only")
      o.graph_only = true;
    else if (arg == "--whole-graph")
      o.whole_graph = true;
    else if (arg == "--max-bound-bits")
      o.max_bound_bits = std::stoul(value());
    else if (arg == "--max-conflicts")
      o.max_conflicts = std::stoul(value());
    else if (!arg.empty() && arg[0] == '-')
      usage("unknown option " + arg);
    else if (o.facts.empty())
      o.facts = arg;
    else
      usage("one fact base only");
  }
  if (o.facts.empty()) usage("no fact base given");
  if (o.label.empty()) o.label = o.facts.string();
  return o;
}

std::string ratio_text(double seconds, double base) {
  if (base <= 0) return "";
  return fmt::format("{:.2f}", seconds / base);
}

void print_table(const std::vector<Phase>& phases, const Phase& base) {
  std::cout << fmt::format("| {:<34} | {:>9} | {:>9} | {:>8} | {:>8} | {:>9} | {:>9} | {:>9} |\n",
                           "phase", "wall s", "CPU s", "÷ parse", "÷ parse", "peak RSS", "held RSS",
                           "heap");
  std::cout << fmt::format("| {:<34} | {:>9} | {:>9} | {:>8} | {:>8} | {:>9} | {:>9} | {:>9} |\n",
                           "", "", "", "(wall)", "(CPU)", "MB", "MB", "MB");
  std::cout << "|" << std::string(36, '-') << "|" << std::string(10, '-') << ":|"
            << std::string(10, '-') << ":|" << std::string(9, '-') << ":|" << std::string(9, '-')
            << ":|" << std::string(10, '-') << ":|" << std::string(10, '-') << ":|"
            << std::string(10, '-') << ":|\n";
  for (const Phase& p : phases) {
    std::cout << fmt::format(
        "| {:<34} | {:>9.3f} | {:>9.3f} | {:>8} | {:>8} | {:>9.1f} | {:>9.1f} | {:>9.1f} |\n",
        p.name, p.seconds, p.cpu_seconds, ratio_text(p.seconds, base.seconds),
        ratio_text(p.cpu_seconds, base.cpu_seconds), p.peak_rss_mb, p.held_rss_mb, p.heap_mb);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  const Inputs inputs = list_inputs(options.facts);
  std::cerr << fmt::format("{}: {} YAML files ({:.1f} MB), {} articles ({:.1f} MB)\n",
                           options.label, inputs.yaml.size(), inputs.yaml_bytes / 1e6,
                           inputs.articles.size(), inputs.article_bytes / 1e6);
  if (options.parse_only) {
    std::cout << bare_parse_yaml_cpp(inputs, 1) << " YAML events\n";
    return 0;
  }
  warm_cache(inputs);
  Phases phases;
  nlohmann::json out;
  out["label"] = options.label;
  out["facts_dir"] = options.facts.string();
  out["yaml_files"] = inputs.yaml.size();
  out["yaml_bytes"] = inputs.yaml_bytes;
  out["articles"] = inputs.articles.size();
  out["article_bytes"] = inputs.article_bytes;
  out["threads"] = options.threads;
  out["start_rss_mb"] = current_rss_mb();
  out["load_average_start"] = load_average();

  // Bare parses.
  std::size_t events = 0;
  phases.time("bare parse yaml-cpp", "YAML::Parser + no-op EventHandler, 1 thread", options.repeat,
              [&] { events = bare_parse_yaml_cpp(inputs, 1); });
  phases.all().back().baseline = true;
  const Phase bare_parse = phases.all().back();
  phases.time(fmt::format("bare parse yaml-cpp ×{}", options.threads),
              fmt::format("the same on {} threads (the loader's)", options.threads), options.repeat,
              [&] { bare_parse_yaml_cpp(inputs, options.threads); });
  phases.all().back().baseline = true;
#ifdef CROSSCHECK_BENCH_LIBYAML
  phases.time("bare parse libyaml", "libyaml yaml_parser_parse, 1 thread", options.repeat,
              [&] { bare_parse_libyaml(inputs); });
  phases.all().back().baseline = true;
#endif
  out["yaml_events"] = events;

  // Load.
  cc::Diagnostics diagnostics;
  std::optional<cc::FactBase> base;
  cc::LoadOptions load_options;
  load_options.threads = options.threads;
  phases.time("load", "cc::load_fact_base (read, parse, resolve, values, articles)", options.repeat,
              [&] {
                base.reset();
                diagnostics = cc::Diagnostics();
                base.emplace(cc::load_fact_base(options.facts, diagnostics, load_options));
              });
  if (diagnostics.has_errors()) {
    std::size_t shown = 0;
    for (const auto& d : diagnostics.sorted()) {
      if (shown++ < 20) std::cerr << cc::format_diagnostic(d) << "\n";
    }
    std::cerr << fmt::format("crosscheck_bench: {} input errors: not a valid fact base\n",
                             diagnostics.size());
    return 2;
  }
  out["sources"] = base->sources.size();
  out["facts"] = base->facts.size();
  out["keys"] = base->keys.key_count();

  // Engine settings.
  cc::EngineOptions engine_options;
  engine_options.solve.threads = options.threads;  // the check solves on as many as it loads
  if (options.max_bound_bits) engine_options.solve.limits.max_bound_bits = *options.max_bound_bits;
  if (options.max_conflicts)
    engine_options.solve.max_conflicts_per_component = *options.max_conflicts;
  out["max_bound_bits"] = engine_options.solve.limits.max_bound_bits;
  out["max_conflicts_per_component"] = engine_options.solve.max_conflicts_per_component;

  if (options.graph_only) {  // the shape of the graph, without solving it
    cc::FactGraph graph;
    phases.time("build graph", "build_graph", 1,
                [&] { graph = cc::build_graph(*base, engine_options.build); });
    if (!options.planted.empty()) {  // the rest of the base is consistent by construction
      std::unordered_set<cc::FactIndex> planted;
      for (const Planted& p : read_planted(options.planted)) {
        if (const auto f = base->find_fact(p.ref)) planted.insert(*f);
      }
      time_fixpoints(graph, planted, "the planted facts left out", engine_options.solve.limits, 1,
                     phases);
    }
    print_graph_stats(graph_stats(*base, graph, nullptr));
    return 0;
  }

  // Check.
  std::optional<cc::CheckResult> result;
  phases.time("check", "cc::run_checks (build, solve, explain, checks, accepts, sort)",
              options.repeat, [&] {
                result.reset();
                result.emplace(cc::run_checks(*base, engine_options));
              });

  // Report.
  fs::path report_dir = options.report_dir;
  if (report_dir.empty())
    report_dir = fs::temp_directory_path() / fmt::format("crosscheck-bench-{}", getpid());
  fs::create_directories(report_dir);
  const cc::ReportInput input{*base, *result};
  double report_total = 0;  // the formats `check` writes by default, and the terminal lines
  double report_cpu = 0;
  nlohmann::json report_bytes;
  std::vector<Phase> report_parts;
  {
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds();
    std::string lines;
    for (const cc::Finding& f : result->findings)
      lines += cc::render_terminal_line(input, f, false) + "\n";
    lines += cc::render_summary_line(input) + "\n";
    const double s = seconds_since(start);
    const double cpu = cpu_seconds() - cpu_start;
    report_total += s;
    report_cpu += cpu;
    report_bytes["terminal"] = lines.size();
    report_parts.push_back({"  terminal lines", "render_terminal_line for each finding", s, cpu,
                            peak_rss_mb(), current_rss_mb(), heap_in_use_mb(), false, true});
  }
  // Each format rendered (timed apart), then the set written at once, as `check` does.
  std::vector<cc::ReportFile> files;
  // The whole base's graph.dot (and graph.svg, Graphviz on it) are asked for, never
  // default: past 500,000 vertices (1M facts) they are hundreds of MB and would dominate
  // the report's time and the run's peak RSS, so they are left out unless --whole-graph.
  constexpr std::size_t kWholeGraphVertices = 500000;
  const std::size_t vertices = result->graph.vars.size() + result->graph.constraints.size();
  for (const cc::ReportFormat& format : cc::report_formats()) {
    if (!format.on_by_default && !options.whole_graph && vertices > kWholeGraphVertices) {
      std::cerr << "crosscheck_bench: " << format.file << " left out (" << vertices
                << " vertices; --whole-graph renders it)\n";
      continue;
    }
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds();
    std::string text = format.render(input);
    const double render = seconds_since(start);
    const double cpu = cpu_seconds() - cpu_start;
    if (format.on_by_default) {  // what `check` writes without --format
      report_cpu += cpu;
      report_total += render;
    }
    report_bytes[std::string(format.name)] = text.size();
    report_parts.push_back({fmt::format("  {} ({:.1f} MB){}", format.file, text.size() / 1e6,
                                        format.on_by_default ? "" : ", not default"),
                            fmt::format("render_{}", format.name), render, cpu, peak_rss_mb(),
                            current_rss_mb(), heap_in_use_mb(), false, true});
    files.push_back({std::string(format.file), std::move(text)});
  }
  {
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds();
    const std::string error = cc::write_report_set(report_dir, files);
    const double write = seconds_since(start);
    const double cpu = cpu_seconds() - cpu_start;
    if (!error.empty()) std::cerr << "crosscheck_bench: " << error << "\n";
    report_cpu += cpu;
    report_total += write;
    report_parts.push_back({"  write the set", "write_report_set (every format, swapped in whole)",
                            write, cpu, peak_rss_mb(), current_rss_mb(), heap_in_use_mb(), false,
                            true});
  }
  phases.add("report", "the default formats of cc::report_formats() and the terminal lines",
             report_total, report_cpu);
  for (auto& p : report_parts) phases.all().push_back(p);
  if (options.report_dir.empty()) {
    fs::remove_all(report_dir);
    fs::remove(cc::report_lock_path(report_dir));
  }
  out["report_bytes"] = report_bytes;

  // Where the check's time goes.
  if (options.breakdown) {
    phases.add("check, step by step", "the calls of run_checks, one by one (below)", 0, 0);
    const std::size_t first = phases.all().size();
    const Breakdown steps = breakdown(*base, engine_options, options.repeat, phases);
    double sum = 0;
    double cpu = 0;
    for (std::size_t i = first; i < phases.all().size(); ++i) {
      sum += phases.all()[i].seconds;
      cpu += phases.all()[i].cpu_seconds;
    }
    phases.all()[first - 1].seconds = sum;
    phases.all()[first - 1].cpu_seconds = cpu;
    if (steps.findings != result->findings.size()) {
      std::cerr << fmt::format(
          "crosscheck_bench: the step-by-step check found {} findings, run_checks {}\n",
          steps.findings, result->findings.size());
    }
    const std::optional<std::size_t> slowest = steps.slowest.component;
    const auto facts_in = cc::facts_by_component(result->graph);
    out["solve"] = conflicts_by_component(result->graph, steps.solved, slowest);
    out["solve"]["slowest_component_seconds"] = steps.slowest.seconds;
    out["solve"]["components_seconds"] = steps.slowest.all_seconds;
    if (slowest) {
      out["solve"]["slowest_component_facts"] = facts_in[*slowest].size();
      out["solve"]["slowest_component_constraints"] = result->graph.components()[*slowest].size();
    }
    const std::unordered_set<cc::FactIndex> set_aside(steps.solved.set_aside.begin(),
                                                      steps.solved.set_aside.end());
    time_fixpoints(result->graph, set_aside, "the facts set aside left out",
                   engine_options.solve.limits, options.repeat, phases, slowest);
  }

  // The graph.
  const nlohmann::json g = graph_stats(*base, result->graph, &result->implied);
  out["graph"] = g;

  // Findings, and the planted facts among them.
  const cc::Counts counts = cc::count_findings(result->findings);
  std::map<std::string, std::size_t> by_rule;
  for (const cc::Finding& f : result->findings) ++by_rule[std::string(cc::finding_rule_id(f.rule))];
  nlohmann::json fj;
  fj["total"] = result->findings.size();
  fj["error"] = counts.error;
  fj["warning"] = counts.warning;
  fj["info"] = counts.info;
  fj["accepted"] = counts.accepted;
  fj["by_rule"] = by_rule;
  fj["set_aside"] = result->set_aside.size();
  fj["notices"] = result->notices;
  out["findings"] = fj;
  if (!options.planted.empty()) {
    const PlantedCheck check = check_planted(*base, *result, read_planted(options.planted));
    nlohmann::json pj;
    pj["planted"] = check.planted;
    pj["unresolved"] = check.unresolved;
    pj["found"] = check.found;
    pj["findings_without_plant"] = check.findings_without_plant;
    pj["doubt_planted"] = check.doubt_planted;
    pj["doubt_not_planted"] = check.doubt_not_planted;
    pj["examples_wrong_doubt"] = check.examples_wrong_doubt;
    pj["examples_without_plant"] = check.examples_without_plant;
    pj["missed"] = check.missed;
    for (const auto& [rule, entry] : check.by_rule) {
      pj["by_rule"][rule] = {{"planted", std::get<0>(entry)},
                             {"found", std::get<1>(entry)},
                             {"found_as", std::get<2>(entry)}};
    }
    out["planted"] = pj;
  }

  nlohmann::json pj = nlohmann::json::array();
  for (const Phase& p : phases.all()) {
    pj.push_back({{"name", p.name},
                  {"what", p.what},
                  {"seconds", p.seconds},
                  {"cpu_seconds", p.cpu_seconds},
                  {"peak_rss_mb", p.peak_rss_mb},
                  {"held_rss_mb", p.held_rss_mb},
                  {"heap_mb", p.heap_mb},
                  {"baseline", p.baseline},
                  {"detail", p.detail}});
  }
  out["phases"] = pj;
  out["bare_parse_seconds"] = bare_parse.seconds;
  out["bare_parse_cpu_seconds"] = bare_parse.cpu_seconds;
  out["peak_rss_mb"] = peak_rss_mb();
  out["load_average_end"] = load_average();

  std::cout << fmt::format(
      "{}: {} sources, {} facts, {} keys; {:.1f} MB of YAML, {:.1f} MB of articles\n\n",
      options.label, base->sources.size(), base->facts.size(), base->keys.key_count(),
      inputs.yaml_bytes / 1e6, inputs.article_bytes / 1e6);
  print_table(phases.all(), bare_parse);
  print_graph_stats(g);
  std::cout << fmt::format("findings: {} ({} errors, {} warnings, {} accepted)",
                           result->findings.size(), counts.error, counts.warning, counts.accepted);
  if (out.contains("planted")) {
    const auto& p = out["planted"];
    std::cout << fmt::format(
        "; planted {}, found {}, findings without a planted fact {}; doubted fact planted {}, "
        "not planted {}",
        p["planted"].get<std::size_t>(), p["found"].get<std::size_t>(),
        p["findings_without_plant"].get<std::size_t>(), p["doubt_planted"].get<std::size_t>(),
        p["doubt_not_planted"].get<std::size_t>());
  }
  std::cout << "\n";
  for (const auto& n : result->notices) std::cout << "note: " << n << "\n";
  if (!options.json.empty()) {
    std::ofstream(options.json) << out.dump(2) << "\n";
  }
  return 0;
}
