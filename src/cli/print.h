#pragma once
// Printing for the commands: every line that carries text from input or from the command
// line goes through terminal_safe (model/terminal_text.h) on its way out.
#include <ostream>
#include <string_view>

namespace cc::cli {

// Prints `text` line by line, each line made terminal-safe and ended with '\n' (a final
// line without '\n' gets one; empty text prints nothing).
void print_lines(std::ostream& out, std::string_view text);

// "crosscheck: error: MESSAGE\n", the message made terminal-safe.
void print_error(std::ostream& err, std::string_view message);

// Colour on a terminal: not when NO_COLOR is set or TERM is dumb (read from the
// environment).
[[nodiscard]] bool environment_allows_color();

// TERM=dumb: no cursor movement either (the progress line is not drawn).
[[nodiscard]] bool terminal_is_dumb();

}  // namespace cc::cli
