#include "model/diagnostic.h"

#include <fmt/format.h>
#include <algorithm>
#include <tuple>

namespace cc {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out += fmt::format(":{}:{}", d.line, d.column);
  out += fmt::format(": {}: {}", severity_name(d.severity), d.message);
  if (!d.code.empty()) out += fmt::format(" [{}]", d.code);
  return out;
}

void Diagnostics::error(std::string file, std::uint32_t line, std::uint32_t column,
                        std::string message, std::string code) {
  items_.push_back(
      {std::move(file), line, column, Severity::error, std::move(message), std::move(code)});
}

void Diagnostics::warning(std::string file, std::uint32_t line, std::uint32_t column,
                          std::string message, std::string code) {
  items_.push_back(
      {std::move(file), line, column, Severity::warning, std::move(message), std::move(code)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  const auto key = [](const Diagnostic& d) {
    return std::tie(d.file, d.line, d.column, d.message, d.code);
  };
  std::sort(out.begin(), out.end(),
            [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace cc
