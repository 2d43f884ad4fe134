// A fact's `record` (FORMAT §5.5): `high`, `low`, or a mapping
// {kind, over, rank, since, records_began, same_time_of_year, first_time_above|below}
// (`high: true` / `low: true` still stand for `kind`).
#include <fmt/format.h>

#include "load/fact_reader.h"

namespace cc::load {
namespace {

std::optional<RecordKind> record_kind_named(std::string_view name) {
  if (name == "high") return RecordKind::high;
  if (name == "low") return RecordKind::low;
  if (name == "first") return RecordKind::first;
  return std::nullopt;
}

std::optional<RecordOver> record_over_named(std::string_view name) {
  if (name == "level") return RecordOver::level;
  if (name == "rise") return RecordOver::rise;
  if (name == "fall") return RecordOver::fall;
  return std::nullopt;
}

}  // namespace

void FactReader::read_record(NodeRef node, RawFact& fact) {
  RawRecord& record = fact.record;
  record.pos = node.pos();
  if (node.is_mapping()) return read_record_detail(node, record);
  if (node.is_scalar() && (node.text() == "high" || node.text() == "low")) {
    record.kind = node.text() == "high" ? RecordKind::high : RecordKind::low;
    return;
  }
  const std::string shown = node.is_scalar() ? fmt::format("'{}'", node.text())
                                             : std::string(node_kind_name(node.kind()));
  convert_.error(
      node.pos(),
      fmt::format(
          "'record' must be 'high', 'low' or a mapping such as {{high: true, first_time_above: "
          "7000}}, not {}",
          shown),
      "record");
}

bool FactReader::read_record_kind(const Fields& fields, NodeRef node, RawRecord& record) {
  const auto flag = [&](std::string_view name) {
    const auto value = fields.get(name);
    return value && convert_.boolean(*value, name).value_or(false);
  };
  const bool high = flag("high");
  const bool low = flag("low");
  const auto kind_node = fields.get("kind");
  const int ways = int{high} + int{low} + int{kind_node.has_value()};
  if (ways != 1) {
    convert_.error(node.pos(),
                   ways > 1
                       ? "a record is one kind: 'kind', 'high: true' or 'low: true', once"
                       : "a record needs 'kind: high|low|first' (or 'high: true', 'low: true')",
                   "record");
    return false;
  }
  if (!kind_node) {
    record.kind = high ? RecordKind::high : RecordKind::low;
    return true;
  }
  const auto text = convert_.text_view(*kind_node, "kind");
  if (!text) return false;
  const auto kind = record_kind_named(*text);
  if (!kind) {
    convert_.error(kind_node->pos(),
                   fmt::format("a record's 'kind' is 'high', 'low' or 'first', not '{}'", *text),
                   "record");
    return false;
  }
  record.kind = *kind;
  return true;
}

void FactReader::read_record_scope(const Fields& fields, RawRecord& record) {
  if (const auto over = fields.get("over")) {
    const auto text = convert_.text_view(*over, "over");
    const auto named = text ? record_over_named(*text) : std::nullopt;
    if (named) record.over = *named;
    if (text && !named) {
      convert_.error(over->pos(),
                     fmt::format("a record's 'over' is 'level', 'rise' or 'fall', not '{}'", *text),
                     "record");
    }
  }
  if (const auto rank = fields.get("rank")) {
    const auto value = convert_.decimal(*rank, "rank");
    if (value && (!is_integer(*value) || *value < 1 || *value > 100)) {
      convert_.error(rank->pos(), "a record's 'rank' is a whole number from 1 to 100", "record");
    } else if (value) {
      record.rank = static_cast<unsigned>(to_double(*value));
    }
  }
  if (const auto since = fields.get("since")) record.since = keys_.read_period(*since, "since");
  if (const auto began = fields.get("records_began"))
    record.records_began = keys_.read_period(*began, "records_began");
  if (const auto same = fields.get("same_time_of_year"))
    record.same_time_of_year = convert_.boolean(*same, "same_time_of_year").value_or(false);
}

// The combinations a record cannot have, each said where it is written.
void FactReader::check_record(const Fields& fields, const RawRecord& record) {
  const auto wrong = [&](std::string_view field, std::string message) {
    convert_.error(fields.key_pos(field), std::move(message), "record");
  };
  const bool change = record.over != RecordOver::level;
  if (record.kind == RecordKind::first && !change)
    wrong("kind", "'kind: first' needs 'over: rise' or 'over: fall' (the first fall since …)");
  if (record.kind == RecordKind::low && change)
    wrong("over", "a record over changes is the largest rise or fall: write 'kind: high'");
  if (record.rank > 1 && (change || record.kind == RecordKind::first))
    wrong("rank", "'rank' goes with a record of the figures themselves ('over: level')");
  if (record.same_time_of_year && change)
    wrong("same_time_of_year", "'same_time_of_year' goes with a record of the figures themselves");
  if (record.since && record.records_began)
    wrong("records_began", "a record is 'since' a period or since 'records_began', not both");
  const auto bound = [&](std::string_view name, RecordKind kind) {
    if (!fields.get(name)) return;
    const std::string_view with = kind == RecordKind::high ? "high" : "low";
    if (record.kind != kind) {
      wrong(name, fmt::format("'{}' goes with '{}: true'", name, with));
    } else if (change || record.rank > 1) {
      wrong(name, fmt::format("'{}' goes with a record {} of the figures themselves", name, with));
    }
  };
  bound("first_time_above", RecordKind::high);
  bound("first_time_below", RecordKind::low);
}

void FactReader::read_record_detail(NodeRef node, RawRecord& record) {
  const auto fields = convert_.fields(node, ObjectKind::record, "record");
  if (!fields) return;
  if (!read_record_kind(*fields, node, record)) return;
  read_record_scope(*fields, record);
  check_record(*fields, record);
  if (const auto value = fields->get("first_time_above"); value && record.kind == RecordKind::high)
    record.first_time_above = convert_.decimal(*value, "first_time_above");
  if (const auto value = fields->get("first_time_below"); value && record.kind == RecordKind::low)
    record.first_time_below = convert_.decimal(*value, "first_time_below");
}

}  // namespace cc::load
