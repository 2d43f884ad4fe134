#pragma once
// The one gate between input text and a terminal line. Every text that came from input
// (fact text, vocabulary names, accept reasons, file names, messages that quote them)
// passes through terminal_safe() before the cli prints it: control characters (C0, DEL,
// C1) and bytes that are not UTF-8 are shown escaped ("\x1b", "\n", "\t", "\x9b"), so
// input can neither move the cursor, set a window title, ring the bell, nor start a new
// line (which in a CI log could become a workflow command such as "::error …").
#include <string>
#include <string_view>

namespace cc {

[[nodiscard]] std::string terminal_safe(std::string_view text);

// Whether colour may be used on a terminal: false when NO_COLOR is set (to anything but
// the empty string) or TERM is "dumb". `no_color` and `term` are the variables' values
// (nullptr when unset).
[[nodiscard]] bool color_allowed(const char* no_color, const char* term);

}  // namespace cc
