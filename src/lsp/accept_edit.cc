#include "lsp/accept_edit.h"

#include <algorithm>

#include "report/report_text.h"

namespace cc::lsp {
namespace {

// The indentation the snippet of report_text.cc is written with: fields of a fact at 4
// spaces, the items of its accept list with their dash at 6.
constexpr std::size_t kSnippetFieldIndent = 4;
constexpr std::size_t kSnippetItemDash = 6;

[[nodiscard]] std::size_t indent_of(std::string_view line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? line.size() : first;
}

[[nodiscard]] bool is_content(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t");
  return first != std::string_view::npos && line[first] != '#';
}

struct DashItem {
  std::size_t dash = 0;     // column of '-'
  std::size_t content = 0;  // column of what follows it
};

// "  - id: x" → {2, 4}; nullopt for a line that is not a block sequence item.
[[nodiscard]] std::optional<DashItem> dash_item(std::string_view line) {
  const std::size_t dash = indent_of(line);
  if (dash + 1 >= line.size() || line[dash] != '-' || line[dash + 1] != ' ') return std::nullopt;
  const std::size_t content = line.find_first_not_of(' ', dash + 1);
  if (content == std::string_view::npos) return std::nullopt;
  return DashItem{dash, content};
}

// The sequence item holding the mapping whose key (or key's value) is on `line`: the
// line of its dash, going up, and the column of its keys.
struct Item {
  std::size_t line = 0;
  DashItem columns;
};
[[nodiscard]] std::optional<Item> item_around(const LineIndex& lines, std::size_t line) {
  const std::string_view own = lines.line(line);
  const auto own_dash = dash_item(own);
  const std::size_t key_column = own_dash ? own_dash->content : indent_of(own);
  for (std::size_t i = line + 1; i-- > 0;) {
    const std::string_view text = lines.line(i);
    if (const auto dash = dash_item(text); dash && dash->content == key_column) {
      if (text[dash->content] == '{') return std::nullopt;  // a flow mapping
      return Item{i, *dash};
    }
    if (is_content(text) && indent_of(text) < key_column) return std::nullopt;
  }
  return std::nullopt;
}

// The line after the item's last line of content (blank lines and comments after it left
// out): where a line added to the item goes.
[[nodiscard]] std::size_t line_after(const LineIndex& lines, const Item& item) {
  std::size_t last = item.line;
  for (std::size_t i = item.line + 1; i < lines.line_count(); ++i) {
    const std::string_view text = lines.line(i);
    if (!is_content(text)) continue;
    if (indent_of(text) <= item.columns.dash) break;
    last = i;
  }
  return last + 1;
}

// Each line of `yaml` moved right (or left) from `from` columns to `to`.
[[nodiscard]] std::string reindent(std::string_view yaml, std::size_t from, std::size_t to,
                                   std::string_view line_end) {
  std::string out;
  while (!yaml.empty()) {
    const std::size_t end = yaml.find('\n');
    std::string_view line = yaml.substr(0, end);
    yaml = end == std::string_view::npos ? std::string_view{} : yaml.substr(end + 1);
    if (to >= from) {
      out += std::string(to - from, ' ');
    } else {
      line.remove_prefix(std::min({from - to, indent_of(line)}));
    }
    out += std::string(line) + std::string(line_end);
  }
  return out;
}

[[nodiscard]] std::string name_of(const FactBase& base, const Mark& mark) {
  const std::string& display = base.file_of(mark);
  const std::string prefix = base.root + "/";
  return display.starts_with(prefix) ? display.substr(prefix.size()) : display;
}

}  // namespace

std::optional<Insertion> accept_insertion(const Analysis& analysis, const Finding& finding,
                                          FactIndex on) {
  const FactBase& base = analysis.base;
  Finding placed = finding;  // `on` first: accept_snippet puts the accept on the first fact
  const auto it = std::ranges::find(placed.facts, on);
  if (it == placed.facts.end()) return std::nullopt;
  std::rotate(placed.facts.begin(), it, it + 1);
  const std::optional<AcceptSnippet> snippet = accept_snippet(base, placed);
  if (!snippet) return std::nullopt;
  const Fact& fact = base.facts[on];
  const std::string name = name_of(base, fact.mark);
  const auto text = analysis.texts.find(name);
  if (text == analysis.texts.end() || fact.mark.line == 0) return std::nullopt;
  const LineIndex lines(text->second);
  const std::string_view line_end = text->second.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  const auto item = item_around(lines, fact.mark.line - 1);
  if (!item) return std::nullopt;
  std::size_t after = line_after(lines, *item);
  std::string yaml;
  if (snippet->append) {  // after the last item of the fact's accept list
    const auto last = item_around(lines, fact.accepts().back().mark.line - 1);
    if (!last || last->line <= item->line) return std::nullopt;
    after = line_after(lines, *last);
    yaml = reindent(snippet->yaml, kSnippetItemDash, last->columns.dash, line_end);
  } else {
    yaml = reindent(snippet->yaml, kSnippetFieldIndent, item->columns.content, line_end);
  }
  Insertion insertion{name, {static_cast<std::uint32_t>(after), 0}, yaml};
  if (after >= lines.line_count()) {  // the file's last line has no line end
    const std::size_t last = lines.line_count() - 1;
    insertion.at = lines.position(last, lines.line(last).size());
    insertion.text = std::string(line_end) + yaml;
  }
  return insertion;
}

}  // namespace cc::lsp
