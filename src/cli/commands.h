#pragma once
// The commands of the crosscheck program, one file each; app.cc parses the command line.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace cc::cli {

struct Streams {
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;
  bool err_is_tty = false;
  // The process ends when the command returns (main.cc): what the command built may be
  // left to the system rather than freed (cli/leave_to_exit.h).
  bool exits_after = false;
  // Told how many bytes the fact files a command loads hold, before it reads them
  // (LoadOptions::listed); main() sets the allocator's policy from it
  // (cli/allocator_policy.h). Only main() sets it.
  void (*fact_bytes)(std::uintmax_t bytes) = nullptr;
};

enum class FailOn { error, warning, never };
enum class Color { automatic, always, never };

struct LintOptions {
  std::string facts_dir = "facts";  // when no path is given and none is found from here
  std::vector<std::string> paths;   // fact base folders or fact files (cli/targets.h)
};

struct CheckOptions {
  std::string facts_dir = "facts";
  std::string out_dir = "reports";
  std::vector<std::string> formats = {"md", "html", "json", "sarif", "dot"};
  FailOn fail_on = FailOn::error;
  bool quiet = false;
  Color color = Color::automatic;
  std::string annotations;  // "" or "github"
  unsigned threads = 0;     // components solved at once; 0: one per core
  // The review (docs/REPORTS.md, "Draft and baseline"): fact base folders or fact files
  // (a file is a draft), the drafts of --draft (files or source ids), --baseline.
  std::vector<std::string> paths;
  std::vector<std::string> drafts;
  std::string baseline;
  bool fail_on_background = false;
  bool no_reports = false;
  // check --draft keeps the rest's findings beside the out folder (cli/rest_cache.h);
  // --no-cache neither reads nor writes it. Without reports there is none either.
  bool no_cache = false;
};

struct ExplainOptions {
  std::string facts_dir;  // "": the fact base found from the current folder, else facts
  std::string target;     // a fact ref, a key ("offences · UK · 2017-18" or measure/where/when)
                          // or a finding id ("conflict-417a8b3b")
  std::string format = "text";  // or "json"
};

struct ExtractOptions {
  std::string article;
  std::string source_id;
};

struct GraphOptions {
  std::string facts_dir = "facts";
  std::string format = "dot";
};

// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 input or usage error.
int run_lint(const LintOptions& options, const Streams& streams);
int run_check(const CheckOptions& options, const Streams& streams);
int run_explain(const ExplainOptions& options, const Streams& streams);
int run_extract(const ExtractOptions& options, const Streams& streams);
int run_graph(const GraphOptions& options, const Streams& streams);
// The language server on stdin and `streams.out` (log on `streams.err`), docs/EDITORS.md.
int run_lsp(const Streams& streams);

// Parses argv and runs the command.
int run(int argc, const char* const* argv, const Streams& streams);

}  // namespace cc::cli
