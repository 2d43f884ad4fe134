// Hostile input as an attacker or an unlucky user would write it, seen from the command
// line: nothing raw reaches a terminal, no file is overwritten through a planted link,
// the report set is all or nothing, no fact file is dropped in silence.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include "catch.h"

#include "cli/commands.h"

#include "rules/rule_test_support.h"
#include "support/test_support.h"

using namespace cc::test;
namespace fs = std::filesystem;

namespace {

// A base with one conflict, accepted with `reason`, whose second file is `b_name`.
fs::path base_with(const std::string& name, const std::string& reason,
                   const std::string& b_name = "b.yaml") {
  const auto dir = scratch_dir(name);
  write_file(dir / "vocabulary.yaml", test_vocabulary());
  write_file(dir / "a.yaml", source_file("a",
                                         "  - {id: n, quote: 3171 cases, value: 3171, measure: "
                                         "cases, where: Land, when: 2019}\n"));
  write_file(
      dir / b_name,
      source_file("b",
                  "  - id: n\n    quote: 3217 cases\n    value: 3217\n    measure: cases\n"
                  "    where: Land\n    when: 2019\n" +
                      (reason.empty()
                           ? std::string()
                           : "    accept: [{rule: conflict, with: a/n, reason: " + reason + "}]\n"),
                  "2024-02-01"));
  return dir;
}

// No escape byte, no line that input started (a workflow command), no other control.
void require_terminal_safe(const std::string& text) {
  INFO(text);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text.find("\n::error file=evil") == std::string::npos);
  CHECK(text.find("\n::warning::x") == std::string::npos);
  CHECK(text.rfind("::error file=evil", 0) != 0);
  for (const char c : text) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
}

}  // namespace

TEST_CASE("hostile: an accept reason and a file name cannot inject terminal or CI commands",
          "[cli][hostile]") {
  const auto dir =
      base_with("hostile-inject", "\"x\\n::error file=evil::owned \\e]0;title\\a \\e[2J\"",
                "b\x1b[31m\n::warning::x.yaml");
  const auto r = run_cli({"check", dir.string(), "--out", (dir / "out").string()});
  CHECK(r.exit_code == 0);
  require_terminal_safe(r.out);
  require_terminal_safe(r.err);
  CHECK(r.out.find("(accepted: x\\n::error file=evil::owned \\x1b]0;title\\x07 \\x1b[2J)") !=
        std::string::npos);
  CHECK(r.out.find("b\\x1b[31m\\n::warning::x.yaml:6:9:") != std::string::npos);
  const auto annotated =
      run_cli({"check", dir.string(), "--out", (dir / "out").string(), "--annotations", "github"});
  require_terminal_safe(annotated.out);
}

TEST_CASE("hostile: lint and explain print input text escaped", "[cli][hostile]") {
  const auto dir = scratch_dir("hostile-lint-inject");
  write_file(dir / "vocabulary.yaml", test_vocabulary());
  write_file(dir / "a.yaml",
             source_file("a",
                         "  - {id: n, quote: q, value: 3, measure: \"x\\e]0;t\\a\\n::error "
                         "file=e::m\", where: Land, when: 2019}\n"));
  const auto lint = run_cli({"lint", dir.string()});
  CHECK(lint.exit_code == 2);
  require_terminal_safe(lint.err);
  CHECK(lint.err.find("x\\x1b]0;t\\x07\\n::error file=e::m") != std::string::npos);

  const auto clean = base_with("hostile-explain-inject", "");
  write_file(clean / "a.yaml",
             source_file("a",
                         "  - {id: n, quote: \"3171 \\e[2J\\ncases\", value: 3171, measure: "
                         "cases, where: Land, when: 2019}\n"));
  const auto explain = run_cli({"explain", clean.string(), "a/n"});
  CHECK(explain.exit_code == 0);
  require_terminal_safe(explain.out);
  CHECK(explain.out.find("3171 \\x1b[2J\\ncases") != std::string::npos);
  const auto graph = run_cli({"graph", clean.string()});
  require_terminal_safe(graph.out);

  // A place name with a newline and a workflow command in it: explain's first line names
  // the quantity, and no line of its output may begin with "::error".
  const auto named = scratch_dir("hostile-explain-place");
  write_file(named / "vocabulary.yaml",
             "measures:\n  cases: { unit: cases }\nplaces:\n  \"Land\\n::error file=e::m\":\n");
  write_file(named / "a.yaml",
             source_file("a",
                         "  - {id: n, quote: \"3171 cases\", value: 3171, measure: cases, "
                         "where: \"Land\\n::error file=e::m\", when: 2019}\n"));
  const auto place = run_cli({"explain", named.string(), "a/n"});
  INFO(place.err);
  CHECK(place.exit_code == 0);
  require_terminal_safe(place.out);
  CHECK(place.out.find("Land\\n::error file=e::m") != std::string::npos);
  CHECK(place.out.find("\n::error") == std::string::npos);
}

TEST_CASE("hostile: a symlink planted in the out folder is not followed", "[cli][hostile]") {
  const auto dir = base_with("hostile-symlink-out", "");
  const auto out = dir / "out";
  fs::create_directories(out);
  write_file(dir / "victim.txt", "precious\n");
  for (const char* name : {"report.md", "report.html", "report.json", "report.sarif", "graph.dot"})
    fs::create_symlink(dir / "victim.txt",
                       out / (std::string(".") + name + "." + std::to_string(getpid()) + ".tmp"));
  (void)run_cli({"check", dir.string(), "--out", out.string()});
  CHECK(read_file(dir / "victim.txt") == "precious\n");
}

TEST_CASE("hostile: a full disk leaves the old report set whole and says why", "[cli][hostile]") {
  const auto dir = base_with("hostile-full-disk", "");
  const auto out = dir / "out";
  REQUIRE(run_cli({"check", dir.string(), "--out", out.string()}).exit_code == 1);
  const std::string old_md = read_file(out / "report.md");
  const std::string old_json = read_file(out / "report.json");
  // Add a second conflict, so that a new report.md would differ from the old one.
  write_file(dir / "c.yaml", source_file("c",
                                         "  - {id: n, quote: 3000 cases, value: 3000, measure: "
                                         "cases, where: Land, when: 2019}\n"));
  const auto result_file = dir / "result.txt";
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {  // a file size limit stands for a full disk: writes fail part-way
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{4096, 4096};
    setrlimit(RLIMIT_FSIZE, &limit);
    const auto r = run_cli({"check", dir.string(), "--out", out.string()});
    std::ofstream(result_file) << r.exit_code << "\n" << r.err;
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  const std::string result = read_file(result_file);
  INFO(result);
  CHECK(result.rfind("2\n", 0) == 0);
  CHECK(result.find("crosscheck: error: cannot write '" + (out / "report.html").string() +
                    "': File too large") != std::string::npos);
  CHECK(result.find(".tmp") == std::string::npos);
  CHECK(read_file(out / "report.md") == old_md);
  CHECK(read_file(out / "report.json") == old_json);
  for (const auto& entry : fs::directory_iterator(dir))  // no temporary left behind
    CHECK(entry.path().filename().string().find(".out.new-") == std::string::npos);
}

TEST_CASE("hostile: a second run into a locked out folder fails clearly", "[cli][hostile]") {
  const auto dir = base_with("hostile-lock", "");
  const int fd = open((dir / ".out.lock").c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(fd >= 0);
  // flock locks belong to the open file description: a second open in this process
  // conflicts as a second process would.
  REQUIRE(flock(fd, LOCK_EX) == 0);
  const auto r = run_cli({"check", dir.string(), "--out", (dir / "out").string()});
  close(fd);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("another crosscheck run is writing the reports in '" + (dir / "out").string() +
                   "'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("hostile: stale reports of another run never stay beside new ones", "[cli][hostile]") {
  const auto dir = base_with("hostile-stale", "");
  const auto out = dir / "out";
  REQUIRE(run_cli({"check", dir.string(), "--out", out.string()}).exit_code == 1);
  REQUIRE(run_cli({"check", dir.string(), "--out", out.string(), "--format", "md"}).exit_code == 1);
  CHECK(fs::exists(out / "report.md"));
  CHECK_FALSE(fs::exists(out / "report.json"));
  write_file(out / "notes.txt", "mine\n");
  const auto r = run_cli({"check", dir.string(), "--out", out.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("holds 'notes.txt', which is not a report") != std::string::npos);
  CHECK(read_file(out / "notes.txt") == "mine\n");
}

TEST_CASE("hostile: --out '' is refused", "[cli][hostile]") {
  const auto dir = base_with("hostile-out-empty", "");
  const auto r = run_cli({"check", dir.string(), "--out", ""});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "crosscheck: error: --out is '': name the folder the reports go to\n");
}

TEST_CASE("hostile: NO_COLOR and TERM=dumb turn colour off on a terminal", "[cli][hostile]") {
  const auto dir = base_with("hostile-no-color", "");
  const auto run_on_tty = [&] {
    std::ostringstream out;
    std::ostringstream err;
    const cc::cli::Streams streams{out, err, true, false};
    const std::vector<std::string> args{"crosscheck", "check", dir.string(), "--out",
                                        (dir / "out").string()};
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    (void)cc::cli::run(static_cast<int>(argv.size()), argv.data(), streams);
    return out.str();
  };
  const char* const term = std::getenv("TERM");
  const std::string old_term = term ? term : "";
  unsetenv("NO_COLOR");
  setenv("TERM", "xterm", 1);
  CHECK(run_on_tty().find('\x1b') != std::string::npos);
  setenv("NO_COLOR", "1", 1);
  CHECK(run_on_tty().find('\x1b') == std::string::npos);
  unsetenv("NO_COLOR");
  setenv("TERM", "dumb", 1);
  CHECK(run_on_tty().find('\x1b') == std::string::npos);
  if (term)
    setenv("TERM", old_term.c_str(), 1);
  else
    unsetenv("TERM");
}
