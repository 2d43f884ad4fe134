#pragma once
// Input problems are data: every loader stage writes them here and carries on, so one
// run reports all of them. Rendering adds the code; sorting makes output stable.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

enum class Severity { error, warning, info };

[[nodiscard]] std::string_view severity_name(Severity severity);

struct Diagnostic {
  std::string file;          // as the user would type it: "facts/lbc.yaml"
  std::uint32_t line = 0;    // 1-based; 0 when the problem concerns the whole file
  std::uint32_t column = 0;  // 1-based
  Severity severity = Severity::error;
  std::string message;  // lower-case start, no final period, names in quotes
  std::string code;     // optional: what kind of problem, e.g. "yaml", "unknown-measure"

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "facts/lbc.yaml:12:7: error: unknown measure 'ofences' (did you mean 'offences'?)
// [unknown-measure]", one terminal line: the file and message pass through terminal_safe.
[[nodiscard]] std::string format_diagnostic(const Diagnostic& diagnostic);

class Diagnostics {
 public:
  // Every message is bounded here: a quoted value ('…') longer than kMaxEchoed bytes is
  // cut (with "… (N more bytes)"), the whole message at kMaxMessage bytes, so a huge bad
  // value never comes back whole.
  static constexpr std::size_t kMaxEchoed = 200;
  static constexpr std::size_t kMaxMessage = 2000;
  void add(Diagnostic diagnostic);
  void error(std::string file, std::uint32_t line, std::uint32_t column, std::string message,
             std::string code = {});
  void warning(std::string file, std::uint32_t line, std::uint32_t column, std::string message,
               std::string code = {});
  void append(const Diagnostics& other);

  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  // Sorted by file, line, column, then message; duplicates removed.
  [[nodiscard]] std::vector<Diagnostic> sorted() const;
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace cc
