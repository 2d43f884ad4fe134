#pragma once
// Escaping of text that comes from the fact files, one function per target syntax. Every
// reporter passes quotes, notes, titles and messages through one of these.

#include <string>
#include <string_view>

namespace cc {

// HTML text and attribute values: & < > " ' become character references.
[[nodiscard]] std::string html_escape(std::string_view text);

// GitHub-flavoured Markdown inline text, safe inside a table cell: the ASCII punctuation
// that can start or end markup is backslash-escaped (`|` too), a list marker or heading
// at the start too, and line breaks become spaces, so "<script>" and "a_b*c" show as
// written.
[[nodiscard]] std::string markdown_escape(std::string_view text);

// Markdown inline code: `text` with a fence longer than any run of backticks inside.
[[nodiscard]] std::string markdown_code(std::string_view text);

// GitHub workflow commands (::error file=…::message): the message escapes % \r \n; a
// property value escapes those and also : and ,.
[[nodiscard]] std::string github_message_escape(std::string_view text);
[[nodiscard]] std::string github_property_escape(std::string_view text);

// A DOT ID for a label: Boost.Graph's escape_dot_string (the text as it is when it is a
// plain ID or a number, else in double quotes with `"` escaped), after backslashes are
// doubled, line breaks become DOT's "\n" and control characters are shown escaped
// (terminal_safe): escape_dot_string leaves backslashes alone, so a label ending in one
// would swallow its closing quote, and `crosscheck graph` may print the DOT on a terminal.
[[nodiscard]] std::string dot_id(std::string_view text);

// A YAML double-quoted scalar: "…" with \ " and control characters escaped.
[[nodiscard]] std::string yaml_quote(std::string_view text);

}  // namespace cc
