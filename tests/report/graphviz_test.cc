// Graphviz under a time limit: a drawing, a missing program, a program that hangs.
#include "catch.h"

#include <filesystem>

#include "report/graphviz.h"
#include "report/report.h"
#include "report/report_fixture.h"
#include "support/test_support.h"

using namespace cc;

TEST_CASE("run_dot_svg draws DOT as SVG", "[report]") {
  const SvgResult svg = run_dot_svg("graph G { a -- b; }");
  REQUIRE(svg.status == SvgStatus::ok);
  CHECK(svg.svg.find("<svg") != std::string::npos);
  CHECK(inline_svg(svg.svg).starts_with("<svg"));
  CHECK(inline_svg(svg.svg).ends_with("</svg>"));
}

TEST_CASE("run_dot_svg says when dot is missing, fails or takes too long", "[report]") {
  DotOptions missing;
  missing.program = "crosscheck-test-no-such-dot";
  const SvgResult none = run_dot_svg("graph G { a; }", missing);
  CHECK(none.status == SvgStatus::missing);
  CHECK(none.message ==
        "Graphviz 'crosscheck-test-no-such-dot' was not found; install Graphviz to draw the graph");

  const SvgResult bad = run_dot_svg("graph G { a -- ; }");
  CHECK(bad.status == SvgStatus::failed);
  CHECK(bad.message.starts_with("Graphviz 'dot' failed (exit 1)"));

  const auto dir = test::scratch_dir("slow-dot");
  const auto slow = dir / "slow-dot";
  test::write_file(slow, "#!/bin/sh\nexec sleep 30\n");
  std::filesystem::permissions(slow, std::filesystem::perms::owner_all);
  DotOptions limited;
  limited.program = slow.string();
  limited.time_limit = std::chrono::seconds(1);
  const auto start = std::chrono::steady_clock::now();
  const SvgResult late = run_dot_svg("graph G { a; }", limited);
  CHECK(late.status == SvgStatus::timed_out);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("crosscheck graph prints the fact graph as DOT or SVG", "[report]") {
  const auto facts = test::fixture_facts("graph-cli");
  const auto dot = test::run_cli({"graph", facts.string()});
  CHECK(dot.exit_code == 0);
  CHECK(dot.out.starts_with("graph G {"));
  CHECK(dot.out.find("gazette/year-one\\n3,217\", shape=box, color=red") != std::string::npos);
  const auto svg = test::run_cli({"graph", facts.string(), "--format", "svg"});
  CHECK(svg.exit_code == 0);
  CHECK(svg.out.find("<svg") != std::string::npos);
  CHECK(test::run_cli({"graph", facts.string(), "--format", "png"}).exit_code == 2);
}

TEST_CASE("check writes the chosen formats, atomically and the same bytes every run", "[report]") {
  const auto facts_dir = test::fixture_facts("formats");
  const auto dir = facts_dir.parent_path();
  const std::string facts = facts_dir.string();
  const auto first = test::run_cli({"check", facts, "--out", (dir / "a").string(), "--quiet"});
  const auto second = test::run_cli({"check", facts, "--out", (dir / "b").string(), "--quiet"});
  CHECK(first.exit_code == 1);
  for (const char* file : {"report.md", "report.html", "report.json", "report.sarif"}) {
    INFO(file);
    REQUIRE(std::filesystem::exists(dir / "a" / file));
    CHECK(test::read_file(dir / "a" / file) == test::read_file(dir / "b" / file));
  }
  CHECK_FALSE(std::filesystem::exists(dir / "a" / "graph.svg"));  // off by default
  CHECK_FALSE(std::filesystem::exists(dir / "a" / "graph.dot"));  // the whole base: when asked
  std::size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "a"))
    entries += entry.exists() ? 1 : 0;
  CHECK(entries == 4);  // no temporary file left behind
  const auto some = test::run_cli(
      {"check", facts, "--out", (dir / "c").string(), "--format", "md,svg", "--quiet"});
  CHECK(std::filesystem::exists(dir / "c" / "report.md"));
  CHECK(test::read_file(dir / "c" / "graph.svg").find("<svg") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "c" / "report.html"));
  const auto asked = test::run_cli(
      {"check", facts, "--out", (dir / "d").string(), "--format", "md,dot", "--quiet"});
  CHECK(asked.exit_code == 1);
  CHECK(test::read_file(dir / "d" / "graph.dot").starts_with("graph G {"));
}

TEST_CASE("run_dot_svg draws many graphs whose SVG outgrows the pipes before dot has read them",
          "[report]") {
  // dot writes each graph's SVG before reading the next graph: with more DOT than a pipe
  // holds, the writer must keep draining the SVG (the findings' graphs of a million facts).
  std::string dot;
  const int graphs = 400;
  for (int g = 0; g < graphs; ++g) {
    dot += "graph G" + std::to_string(g) + " {\n";
    for (int v = 0; v < 12; ++v)
      dot += "  n" + std::to_string(v) + " [label=\"quantity " + std::to_string(g) + "." +
             std::to_string(v) + "\", shape=box];\n  n" + std::to_string(v) + " -- n" +
             std::to_string((v + 1) % 12) + ";\n";
    dot += "}\n";
  }
  REQUIRE(dot.size() > 4 * 65536);
  DotOptions options;
  options.time_limit = std::chrono::seconds(20);
  const SvgResult svg = run_dot_svg(dot, options);
  INFO(svg.message);
  REQUIRE(svg.status == SvgStatus::ok);
  std::size_t count = 0;
  for (std::size_t at = svg.svg.find("<svg"); at != std::string::npos;
       at = svg.svg.find("<svg", at + 4))
    ++count;
  CHECK(count == graphs);
}
