#pragma once
// Graphviz: DOT → SVG with `dot -Tsvg`, run through coreutils' `timeout` so that a graph
// too large to lay out cannot hang a report. No shell: posix_spawnp with an argv.

#include <chrono>
#include <string>
#include <string_view>

namespace cc {

enum class SvgStatus {
  ok,
  missing,    // `dot` (or `timeout`) is not installed
  timed_out,  // the layout took longer than the limit
  failed,     // dot exited with an error
};

struct SvgResult {
  SvgStatus status = SvgStatus::failed;
  std::string svg;      // with SvgStatus::ok: the SVG document dot wrote
  std::string message;  // otherwise: why there is no SVG, for the reader of the report
};

struct DotOptions {
  std::chrono::seconds time_limit{30};
  std::string program = "dot";  // tests point this at a missing program
};

[[nodiscard]] SvgResult run_dot_svg(std::string_view dot, const DotOptions& options = {});

// The <svg> element of an SVG document, without the XML declaration, DOCTYPE and
// comments before it, ready to be put inline in HTML.
[[nodiscard]] std::string inline_svg(std::string_view svg_document);

}  // namespace cc
