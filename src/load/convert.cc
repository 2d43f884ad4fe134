#include "load/convert.h"

#include <fmt/format.h>
#include <algorithm>

#include "model/vocabulary.h"

#include <vector>

namespace cc::load {
namespace {

constexpr std::size_t kMaxDecimalLength = 64;

[[nodiscard]] bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// YAML 1.2 core schema: a plain true/false is a boolean, not text.
[[nodiscard]] bool is_plain_boolean(NodeRef node) {
  if (node.quoted()) return false;
  const std::string_view t = node.text();
  return t == "true" || t == "True" || t == "TRUE" || t == "false" || t == "False" || t == "FALSE";
}

// "7,000" → "7000"; nullopt when the commas are not thousands groups.
[[nodiscard]] std::optional<std::string> strip_groups(std::string_view digits) {
  if (digits.find(',') == std::string_view::npos) return std::string(digits);
  std::string out;
  std::size_t group = 0;
  bool first_group = true;
  for (const char c : digits) {
    if (c == ',') {
      if (group == 0 || group > 3 || (!first_group && group != 3)) return std::nullopt;
      first_group = false;
      group = 0;
      continue;
    }
    out += c;
    ++group;
  }
  if (group != 3) return std::nullopt;
  return out;
}

}  // namespace

std::vector<std::string_view> Fields::present() const {
  std::vector<std::string_view> out;
  out.reserve(count_);
  for (std::size_t entry = 0; entry < count_; ++entry) out.push_back(name(entry));
  return out;
}

bool is_id(std::string_view text) {
  if (text.empty() || text.front() == '-') return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || c == '-'; });
}

std::optional<Rational> parse_decimal(std::string_view text) {
  if (text.empty() || text.size() > kMaxDecimalLength) return std::nullopt;
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  if (dot != std::string_view::npos && fraction.empty()) return std::nullopt;
  const auto digits = strip_groups(whole);
  if (!digits) return std::nullopt;
  const auto all_digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), is_digit);
  };
  if (!all_digits(*digits) || !all_digits(fraction)) return std::nullopt;
  std::string number = *digits + std::string(fraction);
  number.erase(0, std::min(number.find_first_not_of('0'), number.size()));  // "015" would be octal
  return Rational(BigInt(number.empty() ? std::string("0") : number)) /
         pow10(static_cast<int>(fraction.size()));
}

std::size_t typo_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus the swap of two neighbours ("vaule").
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::vector<std::string> nearest_names(std::string_view name,
                                       const std::vector<std::string_view>& known) {
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  constexpr std::size_t kLongest = 200;  // a name longer than any real one is not compared
  if (name.size() > kLongest) return {};
  for (const std::string_view candidate : known) {
    if (candidate.size() > kLongest) continue;
    const std::size_t distance = typo_distance(name, candidate);
    const std::size_t limit = std::max<std::size_t>(1, std::max(name.size(), candidate.size()) / 3);
    if (distance <= limit) scored.emplace_back(distance, candidate);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [distance, candidate] : scored) {
    if (out.size() == 3) break;
    out.emplace_back(candidate);
  }
  return out;
}

std::vector<std::string> rank_suggestions(std::string_view name,
                                          std::vector<std::string> suggestions) {
  const std::string folded = fold_name(name);
  std::stable_sort(
      suggestions.begin(), suggestions.end(), [&](const std::string& a, const std::string& b) {
        return typo_distance(folded, fold_name(a)) < typo_distance(folded, fold_name(b));
      });
  return suggestions;
}

void Converter::error(Pos pos, std::string message, std::string rule) {
  if (diagnostics_.size() >= kMaxErrorsPerFile) {
    ++dropped_;
    return;
  }
  diagnostics_.error(file_, pos.line, pos.column, std::move(message), std::move(rule));
}

std::optional<Fields> Converter::fields(NodeRef node, ObjectKind kind, std::string_view what) {
  if (!expect(node, NodeKind::mapping, what)) return std::nullopt;
  const FieldTable& table = field_table(kind);
  Fields out;
  out.table_ = &table;
  out.tree_ = node.tree();
  out.pos_ = node.pos();
  out.entry_.fill(Fields::kNone);
  for (auto it = node.each_child().begin(), end = node.each_child().end(); it != end; ++it) {
    const NodeRef key = *it;
    if (++it == end) break;
    if (!key.is_scalar()) continue;  // reported by the reader
    const std::string_view name = key.text();
    const int field = table.find(name);
    if (field < 0) {
      error(key.pos(),
            fmt::format("unknown field '{}' in {}{}", name, table.noun,
                        did_you_mean(nearest_names(name, table.fields))),
            "unknown-field");
      continue;
    }
    std::uint8_t& entry = out.entry_[static_cast<std::size_t>(field)];
    if (entry != Fields::kNone) continue;  // a key given twice: the first counts
    entry = out.count_;
    out.field_[out.count_] = static_cast<std::uint8_t>(field);
    out.key_[out.count_] = key.index();
    ++out.count_;
  }
  return out;
}

bool Converter::expect(NodeRef node, NodeKind kind, std::string_view what) {
  if (node.kind() == kind) return true;
  if (node.is_null()) {
    error(node.pos(), fmt::format("'{}' has no value: it must be {}", what, node_kind_name(kind)),
          "type");
  } else {
    error(node.pos(),
          fmt::format("'{}' must be {}, not {}", what, node_kind_name(kind),
                      node_kind_name(node.kind())),
          "type");
  }
  return false;
}

std::optional<std::string> Converter::text(NodeRef node, std::string_view what) {
  const auto view = text_view(node, what);
  if (!view) return std::nullopt;
  return std::string(*view);
}

std::optional<std::string_view> Converter::text_view(NodeRef node, std::string_view what) {
  if (node.is_scalar() && is_plain_boolean(node)) {
    error(node.pos(),
          fmt::format("'{}' must be text, not the boolean '{}' (quote it to mean the text)", what,
                      node.text()),
          "type");
    return std::nullopt;
  }
  if (node.is_null()) {
    error(node.pos(), fmt::format("'{}' has no value", what), "type");
    return std::nullopt;
  }
  if (!node.is_scalar()) {
    error(node.pos(), fmt::format("'{}' must be text, not {}", what, node_kind_name(node.kind())),
          "type");
    return std::nullopt;
  }
  if (node.text().size() > kMaxTextBytes) {
    error(node.pos(),
          fmt::format("'{}' is {} KB long, more than the limit of {} KB for one field", what,
                      (node.text().size() + 1023) / 1024, kMaxTextBytes / 1024),
          "too-long");
    return std::nullopt;
  }
  return node.text();
}

std::optional<std::string> Converter::id(NodeRef node, std::string_view what) {
  const auto value = id_view(node, what);
  if (!value) return std::nullopt;
  return std::string(*value);
}

std::optional<std::string_view> Converter::id_view(NodeRef node, std::string_view what) {
  const auto value = text_view(node, what);
  if (value && !is_id(*value)) {
    error(
        node.pos(),
        fmt::format(
            "'{}' is not a valid id: use lower-case letters, digits and '-', not starting with '-'",
            *value),
        "id");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Converter::boolean(NodeRef node, std::string_view what) {
  if (node.is_scalar() && is_plain_boolean(node))
    return node.text().front() != 'f' && node.text().front() != 'F';
  const std::string shown = node.is_scalar() ? fmt::format("'{}'", node.text())
                                             : std::string(node_kind_name(node.kind()));
  error(node.pos(), fmt::format("'{}' must be true or false, not {}", what, shown), "type");
  return std::nullopt;
}

std::optional<Rational> Converter::decimal(NodeRef node, std::string_view what) {
  if (node.is_scalar() && !node.quoted()) {
    if (auto value = parse_decimal(node.text())) return value;
  }
  const std::string shown = node.is_scalar() ? fmt::format("'{}'", node.text())
                                             : std::string(node_kind_name(node.kind()));
  error(node.pos(),
        fmt::format("'{}' must be a decimal number such as 0.1 or 100, not {}", what, shown),
        "type");
  return std::nullopt;
}

std::optional<NodeRef> Converter::required(const Fields& fields, std::string_view name,
                                           std::string_view noun) {
  if (auto node = fields.get(name)) return node;
  error(fields.pos(), fmt::format("{} needs '{}'", noun, name), "missing-field");
  return std::nullopt;
}

}  // namespace cc::load
