#include "load/fields.h"

#include <stdexcept>

namespace cc::load {
namespace {

// Fills each table's index of its fields by length.
std::vector<FieldTable> indexed(std::vector<FieldTable> tables) {
  for (FieldTable& table : tables) {
    if (table.fields.size() > kMaxFields) throw std::logic_error("a field table past kMaxFields");
    for (std::size_t i = 0; i < table.fields.size(); ++i) {
      const std::size_t length = table.fields[i].size();
      if (length == 0 || length >= table.by_length.size())
        throw std::logic_error("a field name longer than a field table indexes");
      table.by_length[length] |= std::uint32_t{1} << i;
    }
  }
  return tables;
}

}  // namespace

const std::vector<FieldTable>& field_tables() {
  static const std::vector<FieldTable> tables = indexed({
      {ObjectKind::fact_file, "facts", "", "a fact file", {"source", "defaults", "facts"}},
      {ObjectKind::source,
       "facts",
       "source",
       "the source",
       {"id", "title", "publisher", "published", "url", "article", "based_on"}},
      {ObjectKind::upstream,
       "facts",
       "upstream",
       "an upstream",
       {"source", "publisher", "published"}},
      {ObjectKind::defaults,
       "facts",
       "defaults",
       "the defaults",
       {"measure", "where", "when", "subset"}},
      {ObjectKind::fact,
       "facts",
       "fact",
       "a fact",
       {"id", "quote", "value", "measure", "where", "when", "subset", "change", "share", "ratio",
        "rate", "interval", "total", "difference", "note", "record", "accept", "exact",
        "precision"}},
      {ObjectKind::pattern,
       "facts",
       "keyPattern",
       "a key pattern",
       {"measure", "where", "when", "subset"}},
      {ObjectKind::change, "facts", "change", "a change", {"from", "to", "direction"}},
      {ObjectKind::share, "facts", "share", "a share", {"of", "part"}},
      {ObjectKind::ratio, "facts", "ratio", "a ratio", {"of", "to"}},
      {ObjectKind::rate, "facts", "rate", "a rate", {"of", "per"}},
      {ObjectKind::interval, "facts", "interval", "an interval", {"of", "unit"}},
      {ObjectKind::total, "facts", "total", "a total", {"of"}},
      {ObjectKind::difference,
       "facts",
       "difference",
       "a difference",
       {"from", "to", "direction", "per"}},
      {ObjectKind::record,
       "facts",
       "recordDetail",
       "a record",
       {"kind", "high", "low", "over", "rank", "since", "records_began", "same_time_of_year",
        "first_time_above", "first_time_below"}},
      {ObjectKind::accept, "facts", "accept", "an accept", {"rule", "with", "reason"}},
      {ObjectKind::vocabulary,
       "vocabulary",
       "",
       "the vocabulary",
       {"tolerances", "fiscal_year_start", "measures", "places", "dimensions", "rules"}},
      {ObjectKind::tolerances, "vocabulary", "tolerances", "the tolerances", {"vague", "warn"}},
      {ObjectKind::measure,
       "vocabulary",
       "measure",
       "a measure",
       {"name", "unit", "additive", "count", "stock", "aliases", "within", "tolerances"}},
      {ObjectKind::dimension, "vocabulary", "dimension", "a dimension", {"exclusive", "values"}},
  });
  return tables;
}

const FieldTable& field_table(ObjectKind kind) {
  const std::vector<FieldTable>& tables = field_tables();
  const auto at = static_cast<std::size_t>(kind);  // the tables are in the order of ObjectKind
  if (at < tables.size() && tables[at].kind == kind) return tables[at];
  for (const FieldTable& table : field_tables()) {
    if (table.kind == kind) return table;
  }
  return field_tables().front();
}

const std::vector<std::string_view>& relation_fields() {
  static const std::vector<std::string_view> fields = {"change",   "share", "ratio",     "rate",
                                                       "interval", "total", "difference"};
  return fields;
}

const std::vector<std::string_view>& finding_rules() {
  static const std::vector<std::string_view> rules = {"conflict",    "recompute", "implied",
                                                      "containment", "record",    "hedge",
                                                      "units",       "quote",     "stale-accept"};
  return rules;
}

}  // namespace cc::load
