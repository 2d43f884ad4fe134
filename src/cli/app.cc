// The command line: CLI11 parses it, each command lives in its own file.
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/print.h"
#include "report/formats.h"

namespace cc::cli {
namespace {

constexpr const char* kDescription =
    "crosscheck: checks the numbers of many sources against each other and reports every\n"
    "set of figures that cannot all be true, with the arithmetic.";

// The help of the program and of each command ends with the exit codes.
constexpr const char* kExitCodes =
    "Exit status: 0 no unaccepted finding at or above --fail-on (or nothing to report);\n"
    "1 there is one (check); 2 an input or usage error.";

// `explain [FACTS_DIR] TARGET`: one or two words, the folder being optional. One
// positional taking one or two values: CLI11 2.4 refuses a name with a space in it, and two
// positionals with positionals_at_end() refuse an option after them.
void split_dir_and_target(const std::vector<std::string>& words, std::string& dir,
                          std::string& target) {
  if (words.size() == 1) {
    target = words[0];
  } else if (words.size() >= 2) {
    dir = words[0];
    target = words[1];
  }
}

// explain's usage line: "[FACTS_DIR] TARGET", without CLI11's repeat count "TARGET(1x)".
class ExplainUsage : public CLI::Formatter {
 public:
  std::string make_usage(const CLI::App* app, std::string name) const override {
    std::string usage = CLI::Formatter::make_usage(app, std::move(name));
    const std::size_t at = usage.rfind(" TARGET");
    if (at == std::string::npos) return usage;
    const std::size_t end = usage.find_first_of(" \n", at + 1);
    return usage.substr(0, at) + " [FACTS_DIR] TARGET" +
           (end == std::string::npos ? "" : usage.substr(end));
  }
};

std::vector<std::string> split_formats(const std::string& list) {
  std::vector<std::string> formats;
  std::stringstream stream(list);
  std::string item;
  while (std::getline(stream, item, ',')) {
    if (!item.empty()) formats.push_back(item);
  }
  return formats;
}

// Every report format that is on by default, e.g. "md,html,json,sarif".
std::string default_formats() {
  std::string list;
  for (const ReportFormat& format : report_formats()) {
    if (format.on_by_default) list += (list.empty() ? "" : ",") + std::string(format.name);
  }
  return list;
}

// `check`'s review of a draft and against a baseline (docs/REPORTS.md, "Draft and baseline").
void add_review_options(CLI::App& check_cmd, CheckOptions& check) {
  check_cmd
      .add_option("--draft", check.drafts,
                  "a fact file or source id under review (repeatable): its findings come first "
                  "and alone decide the exit status")
      ->allow_extra_args(false);
  check_cmd.add_flag("--fail-on-background", check.fail_on_background,
                     "with --draft, findings among the other sources fail the run too");
  check_cmd.add_option("--baseline", check.baseline,
                       "an earlier report.json: only findings not in it fail the run");
  check_cmd.add_flag("--no-reports", check.no_reports, "write no report files");
  check_cmd.add_flag("--no-cache", check.no_cache,
                     "neither read nor write the cache beside the out folder (the findings' "
                     "ids a later --draft run takes for the rest)");
}

}  // namespace

int run(int argc, const char* const* argv, const Streams& streams) {
  CLI::App app{kDescription, "crosscheck"};
  app.set_version_flag("--version", std::string("crosscheck ") + CROSSCHECK_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  app.footer(kExitCodes);

  LintOptions lint;
  CLI::App* lint_cmd =
      app.add_subcommand("lint", "report input errors only; fast enough for every save");
  lint_cmd->add_option("PATH", lint.paths,
                       "fact base folders or fact files (default: the fact base found from the "
                       "current folder, else facts)");

  CheckOptions check;
  std::string formats = default_formats();
  std::string fail_on = "error";
  std::string color = "auto";
  CLI::App* check_cmd = app.add_subcommand("check", "check the fact base and write the reports");
  check_cmd->add_option("PATH", check.paths,
                        "the fact base folder, or fact files in it (each one a draft; default: the "
                        "fact base found from the current folder, else facts)");
  check_cmd
      ->add_option("--out", check.out_dir,
                   "the folder the reports are written to (not '-': they are files)")
      ->capture_default_str();
  check_cmd
      ->add_option("--format", formats,
                   "reports to write, comma-separated: md, html, json, sarif, dot, and svg "
                   "(graph.svg, drawn by Graphviz; not by default)")
      ->capture_default_str();
  check_cmd->add_option("--fail-on", fail_on, "exit 1 on findings of this severity or worse")
      ->check(CLI::IsMember({"error", "warning", "never"}))
      ->capture_default_str();
  check_cmd->add_flag("--quiet", check.quiet, "print only the findings and input errors");
  check_cmd->add_option("--color", color, "colour the terminal output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  check_cmd->add_option("--annotations", check.annotations, "also print CI annotations")
      ->check(CLI::IsMember({"github"}));
  check_cmd
      ->add_option("--threads", check.threads,
                   "threads to check on (0: one per core); the reports are the same")
      ->capture_default_str();
  add_review_options(*check_cmd, check);

  ExplainOptions explain;
  CLI::App* explain_cmd = app.add_subcommand(
      "explain", "one quantity or fact: who states it, what is implied, by which chain");
  std::vector<std::string> explain_words;
  explain_cmd
      ->add_option("TARGET", explain_words,
                   "[FACTS_DIR] TARGET: the fact base folder (default: the fact base found from "
                   "the current folder, else facts), then a fact ref (source/fact), a key, or a "
                   "finding id (conflict-417a8b3b)")
      ->expected(1, 2)
      ->required();
  explain_cmd->formatter(std::make_shared<ExplainUsage>());
  explain_cmd->add_option("--format", explain.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  ExtractOptions extract;
  CLI::App* extract_cmd =
      app.add_subcommand("extract", "a draft fact file for an article, on stdout");
  extract_cmd->add_option("ARTICLE", extract.article, "the article text file")->required();
  extract_cmd->add_option("--source-id", extract.source_id, "the source id to use");

  GraphOptions graph;
  CLI::App* graph_cmd = app.add_subcommand("graph", "the fact graph, as DOT or SVG");
  graph_cmd->add_option("FACTS_DIR", graph.facts_dir, "the fact base folder")
      ->capture_default_str();
  graph_cmd->add_option("--format", graph.format, "dot or svg")
      ->check(CLI::IsMember({"dot", "svg"}))
      ->capture_default_str();

  CLI::App* lsp_cmd =
      app.add_subcommand("lsp", "a Language Server over stdio, for editors (docs/EDITORS.md)");
  for (CLI::App* command : app.get_subcommands({})) command->footer(kExitCodes);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForVersion& e) {
    streams.out << e.what() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, for the program or for one command
      // A command's usage line reads "crosscheck COMMAND …", as the user types it.
      const auto subs = app.get_subcommands();
      streams.out << (subs.empty() ? app.help() : subs.front()->help("crosscheck"));
      return 0;
    }
    print_error(streams.err, e.what());
    streams.err << "run 'crosscheck --help' for the commands and options\n";
    return 2;
  }

  if (lint_cmd->parsed()) return run_lint(lint, streams);
  if (check_cmd->parsed()) {
    check.formats = split_formats(formats);
    check.fail_on = fail_on == "warning" ? FailOn::warning
                    : fail_on == "never" ? FailOn::never
                                         : FailOn::error;
    check.color = color == "always"  ? Color::always
                  : color == "never" ? Color::never
                                     : Color::automatic;
    return run_check(check, streams);
  }
  if (explain_cmd->parsed()) {
    split_dir_and_target(explain_words, explain.facts_dir, explain.target);
    return run_explain(explain, streams);
  }
  if (extract_cmd->parsed()) return run_extract(extract, streams);
  if (graph_cmd->parsed()) return run_graph(graph, streams);
  if (lsp_cmd->parsed()) return run_lsp(streams);
  return 2;
}

}  // namespace cc::cli
