#include "cli/print.h"

#include <cstdlib>

#include "model/terminal_text.h"

namespace cc::cli {

void print_lines(std::ostream& out, std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out << terminal_safe(text.substr(start, end - start)) << '\n';
    start = end + 1;
  }
}

void print_error(std::ostream& err, std::string_view message) {
  err << "crosscheck: error: " << terminal_safe(message) << '\n';
}

bool environment_allows_color() {
  return color_allowed(std::getenv("NO_COLOR"),
                       std::getenv("TERM"));  // NOLINT(concurrency-mt-unsafe)
}

bool terminal_is_dumb() {
  return !color_allowed(nullptr, std::getenv("TERM"));  // NOLINT(concurrency-mt-unsafe)
}

}  // namespace cc::cli
