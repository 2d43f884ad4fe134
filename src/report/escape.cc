#include "report/escape.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/graphviz.hpp>

#include "model/terminal_text.h"

namespace cc {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_escape(std::string_view text) {
  // Anywhere in a line: emphasis, code, links, inline HTML and autolinks, tables,
  // strikethrough, entities, math, mentions and issue references. Any ASCII punctuation
  // may be backslash-escaped in CommonMark, so escaping is always safe; the set is kept
  // small so that the raw text still reads well in an email.
  constexpr std::string_view kSpecial = "\\`*_[]<>|~&$@#";
  std::string out;
  out.reserve(text.size() + 8);
  // At the start of a cell or line: list markers ("- ", "+ ", "1. ") and headings.
  const std::size_t digits = text.find_first_not_of("0123456789");
  if (!text.empty() && (text[0] == '-' || text[0] == '+' || text[0] == '=')) {
    out += '\\';
  } else if (digits != 0 && digits != std::string_view::npos &&
             (text[digits] == '.' || text[digits] == ')') &&
             (digits + 1 == text.size() || text[digits + 1] == ' ')) {
    out += text.substr(0, digits);
    out += '\\';
    text.remove_prefix(digits);
  }
  for (const char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string markdown_code(std::string_view text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string body(text);
  std::replace(body.begin(), body.end(), '\n', ' ');
  std::replace(body.begin(), body.end(), '|', '/');  // a table cell would end at `|`
  const std::string fence(longest + 1, '`');
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return pad ? fence + " " + body + " " + fence : fence + body + fence;
}

namespace {

std::string github_escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string github_message_escape(std::string_view text) {
  return github_escape(text, false);
}
std::string github_property_escape(std::string_view text) {
  return github_escape(text, true);
}

std::string dot_id(std::string_view text) {
  std::string escaped;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    const std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    for (const char c : terminal_safe(line)) {
      if (c == '\\') escaped += '\\';
      escaped += c;
    }
    if (end == std::string_view::npos) break;
    escaped += "\\n";
    start = end + 1;
  }
  return boost::escape_dot_string(escaped);
}

std::string yaml_quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace cc
