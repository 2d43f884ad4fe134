#include "model/diagnostic.h"

#include <fmt/format.h>
#include <algorithm>
#include <tuple>

#include "model/terminal_text.h"

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
  std::string out = terminal_safe(d.file);
  if (d.line > 0) out += fmt::format(":{}:{}", d.line, d.column);
  out += fmt::format(": {}: {}", severity_name(d.severity), terminal_safe(d.message));
  if (!d.code.empty()) out += fmt::format(" [{}]", d.code);
  return out;
}

namespace {

// The longest prefix of `text` of at most `size` bytes that ends on a character boundary.
[[nodiscard]] std::size_t utf8_cut(std::string_view text, std::size_t size) {
  if (size >= text.size()) return text.size();
  while (size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) --size;
  return size;
}

void append_cut(std::string& out, std::string_view text, std::size_t limit) {
  const std::size_t cut = utf8_cut(text, limit);
  out.append(text.substr(0, cut));
  if (cut < text.size()) out += fmt::format("… ({} more bytes)", text.size() - cut);
}

[[nodiscard]] std::string bounded(std::string message) {
  if (message.size() <= Diagnostics::kMaxEchoed) return message;
  std::string out;
  std::size_t i = 0;
  while (i < message.size()) {
    const std::size_t open = message.find('\'', i);
    const std::size_t close = open == std::string::npos ? open : message.find('\'', open + 1);
    if (close == std::string::npos) {
      out.append(message, i);
      break;
    }
    out.append(message, i, open + 1 - i);
    append_cut(out, std::string_view(message).substr(open + 1, close - open - 1),
               Diagnostics::kMaxEchoed);
    out += '\'';
    i = close + 1;
  }
  if (out.size() <= Diagnostics::kMaxMessage) return out;
  std::string capped;
  append_cut(capped, out, Diagnostics::kMaxMessage);
  return capped;
}

}  // namespace

void Diagnostics::add(Diagnostic diagnostic) {
  diagnostic.message = bounded(std::move(diagnostic.message));
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::error(std::string file, std::uint32_t line, std::uint32_t column,
                        std::string message, std::string code) {
  add({std::move(file), line, column, Severity::error, std::move(message), std::move(code)});
}

void Diagnostics::warning(std::string file, std::uint32_t line, std::uint32_t column,
                          std::string message, std::string code) {
  add({std::move(file), line, column, Severity::warning, std::move(message), std::move(code)});
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
