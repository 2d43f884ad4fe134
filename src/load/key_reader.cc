#include "load/key_reader.h"

#include <fmt/format.h>

#include <algorithm>

#include "grammar/period.h"

namespace cc::load {

Pos point_into(Pos pos, bool quoted, bool verbatim, std::string_view text, std::size_t offset) {
  if (!verbatim) return pos;
  offset = std::min(offset, text.size());
  pos.column += static_cast<std::uint32_t>((quoted ? 1 : 0) + count_chars(text.substr(0, offset)));
  return pos;
}

namespace {

void append_flow_text(NodeRef node, std::string& out) {
  if (node.is_scalar()) {
    out += node.text();
    return;
  }
  if (node.is_null()) {
    out += '~';
    return;
  }
  const bool mapping = node.is_mapping();
  out += mapping ? '{' : '[';
  bool first = true;
  for (auto it = node.each_child().begin(), end = node.each_child().end(); it != end; ++it) {
    const NodeRef child = *it;
    NodeRef value = child;
    if (mapping) {
      if (++it == end) break;
      value = *it;
    }
    if (!first) out += ", ";
    first = false;
    append_flow_text(child, out);
    if (mapping) {
      out += ": ";
      append_flow_text(value, out);
    }
  }
  out += mapping ? '}' : ']';
}

}  // namespace

std::string flow_text(NodeRef node) {
  std::string out;
  append_flow_text(node, out);
  return out;
}

std::variant<MeasureId, std::string> lookup_measure(const Vocabulary& vocabulary,
                                                    std::string_view name) {
  if (const auto id = vocabulary.find_measure(name)) return *id;
  return fmt::format("unknown measure '{}'{}", name,
                     did_you_mean(rank_suggestions(name, vocabulary.suggest_measures(name))));
}

std::variant<PlaceId, std::string> lookup_place(const Vocabulary& vocabulary,
                                                std::string_view name) {
  if (const auto id = vocabulary.find_place(name)) return *id;
  return fmt::format("unknown place '{}'{}", name,
                     did_you_mean(rank_suggestions(name, vocabulary.suggest_places(name))));
}

namespace {

// A letter or digit of ASCII: the text does not fold to nothing (fold_name keeps them).
[[nodiscard]] bool has_ascii_letter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

std::vector<std::string> split_key_text(std::string_view text) {
  std::vector<std::string> parts;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\u00B7") == 0) {  // "·"
      parts.push_back(trim(current));
      current.clear();
      ++i;
      continue;
    }
    if (text[i] == ',') {
      parts.push_back(trim(current));
      current.clear();
      continue;
    }
    current += text[i];
  }
  parts.push_back(trim(current));
  return parts;
}

std::variant<KeyText, std::string> read_key_parts(const Vocabulary& vocabulary,
                                                  const std::vector<std::string>& parts) {
  KeyText key;
  const auto measure = lookup_measure(vocabulary, parts.at(0));
  if (const auto* error = std::get_if<std::string>(&measure)) return *error;
  key.measure = std::get<MeasureId>(measure);
  const auto place = lookup_place(vocabulary, parts.at(1));
  if (const auto* error = std::get_if<std::string>(&place)) return *error;
  key.place = std::get<PlaceId>(place);
  const PeriodResult period = parse_period(parts.at(2), vocabulary.fiscal_year_start);
  if (const auto* bad = std::get_if<PeriodError>(&period))
    return fmt::format("cannot read the period '{}': {}", parts[2], bad->message);
  key.period = std::get<Period>(period);
  for (std::size_t i = 3; i < parts.size(); ++i) {
    const auto colon = parts[i].find(':');
    const auto dimension = colon == std::string::npos
                               ? std::nullopt
                               : vocabulary.find_dimension(trim(parts[i].substr(0, colon)));
    if (!dimension)
      return fmt::format("cannot read the subset '{}': write 'dimension: value'", parts[i]);
    key.subset.emplace_back(*dimension, trim(parts[i].substr(colon + 1)));
  }
  return key;
}

void KeyReader::read(const Fields& fields, RawKey& key) {
  if (const auto node = fields.get("measure")) read_measure(*node, key);
  if (const auto node = fields.get("where")) read_where(*node, key);
  if (const auto node = fields.get("when")) read_when(*node, key);
  if (const auto node = fields.get("subset")) read_subset(*node, key);
}

void KeyReader::read_measure(NodeRef node, RawKey& key) {
  const auto name = convert_.text_view(node, "measure");
  if (!name || !vocabulary_.usable) return key.measure.fail(node.pos());
  if (const MeasureId* id = measures_.find(*name)) return key.measure.set(*id, node.pos());
  const auto measure = lookup_measure(vocabulary_.vocabulary, *name);
  if (const auto* id = std::get_if<MeasureId>(&measure)) {
    measures_.add(*name, *id);
    return key.measure.set(*id, node.pos());
  }
  convert_.error(node.pos(), std::get<std::string>(measure), "unknown-measure");
  key.measure.fail(node.pos());
}

void KeyReader::read_where(NodeRef node, RawKey& key) {
  const auto name = convert_.text_view(node, "where");
  if (!name || !vocabulary_.usable) return key.where.fail(node.pos());
  if (const PlaceId* id = places_.find(*name)) return key.where.set(*id, node.pos());
  const auto place = lookup_place(vocabulary_.vocabulary, *name);
  if (const auto* id = std::get_if<PlaceId>(&place)) {
    places_.add(*name, *id);
    return key.where.set(*id, node.pos());
  }
  convert_.error(node.pos(), std::get<std::string>(place), "unknown-place");
  key.where.fail(node.pos());
}

void KeyReader::read_when(NodeRef node, RawKey& key) {
  if (const auto period = read_period(node, "when")) return key.when.set(*period, node.pos());
  key.when.fail(node.pos());
}

std::optional<Period> KeyReader::read_period(NodeRef node, std::string_view what) {
  const auto text = convert_.text_view(node, what);
  if (!text) return std::nullopt;
  const PeriodResult result = parse_period(*text, vocabulary_.vocabulary.fiscal_year_start);
  if (const auto* period = std::get_if<Period>(&result)) return *period;
  const auto& error = std::get<PeriodError>(result);
  convert_.error(point_into(node.pos(), node.quoted(), node.verbatim(), *text, error.offset),
                 error.message, "period");
  return std::nullopt;
}

void KeyReader::read_subset(NodeRef node, RawKey& key) {
  if (!convert_.expect(node, NodeKind::mapping, "subset")) return key.subset.fail(node.pos());
  RawSubset subset;
  bool ok = true;
  for (auto it = node.each_child().begin(), end = node.each_child().end(); it != end; ++it) {
    const NodeRef name = *it;
    if (++it == end) break;
    if (!name.is_scalar()) {
      ok = false;
      continue;
    }
    ok = read_subset_item(name, *it, subset) && ok;
  }
  if (ok) return key.subset.set(std::move(subset), node.pos());
  key.subset.fail(node.pos());
}

const std::vector<std::string>& KeyReader::folded_values(DimensionId dimension) {
  const std::vector<std::string>& declared = vocabulary_.vocabulary.dimensions[dimension].values;
  if (folded_values_.size() <= dimension) folded_values_.resize(dimension + std::size_t{1});
  std::vector<std::string>& folded = folded_values_[dimension];
  if (folded.size() != declared.size()) {
    folded.clear();
    for (const std::string& value : declared) folded.push_back(fold_name(value));
  }
  return folded;
}

bool KeyReader::read_subset_item(NodeRef name, NodeRef value, RawSubset& subset) {
  const auto text = convert_.text_view(value, name.text());
  if (!text) return false;
  if (!has_ascii_letter(*text) && fold_name(*text).empty()) {
    convert_.error(value.pos(), fmt::format("'{}' has an empty value", name.text()), "type");
    return false;
  }
  if (!vocabulary_.usable) return false;
  const Vocabulary& vocabulary = vocabulary_.vocabulary;
  const auto dimension = vocabulary.find_dimension(name.text());
  if (!dimension) {
    convert_.error(
        name.pos(),
        fmt::format("unknown dimension '{}'{}: declare it under 'dimensions' in vocabulary.yaml",
                    name.text(),
                    did_you_mean(
                        rank_suggestions(name.text(), vocabulary.suggest_dimensions(name.text())))),
        "unknown-dimension");
    return false;
  }
  const Dimension& declared = vocabulary.dimensions[*dimension];
  for (const RawSubsetItem& item : subset) {
    if (item.dimension == *dimension) {
      convert_.error(name.pos(),
                     fmt::format("the dimension '{}' is given twice in this subset", declared.name),
                     "duplicate-key");
      return false;
    }
  }
  std::string spelling(*text);
  if (!declared.values.empty()) {
    const std::string folded = fold_name(*text);
    const std::vector<std::string>& values = folded_values(*dimension);
    const auto it = std::find(values.begin(), values.end(), folded);
    if (it == values.end()) {
      std::vector<std::string_view> known(declared.values.begin(), declared.values.end());
      convert_.error(value.pos(),
                     fmt::format("'{}' is not a value of the dimension '{}'{}", *text,
                                 declared.name, did_you_mean(nearest_names(folded, known))),
                     "unknown-value");
      return false;
    }
    spelling = declared.values[static_cast<std::size_t>(it - values.begin())];
  }
  subset.push_back({*dimension, std::move(spelling), value.pos()});
  return true;
}

}  // namespace cc::load
