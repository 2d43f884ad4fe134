#pragma once
// The fields each object of the two file formats may have. The loader checks every
// mapping against these tables (an unknown field is an error), and a test checks that the
// JSON Schemas in schema/ list exactly the same properties, so they cannot drift apart.

#include <string_view>
#include <vector>

namespace cc::load {

enum class ObjectKind {
  fact_file,
  source,
  upstream,
  defaults,
  fact,
  pattern,
  change,
  share,
  ratio,
  rate,
  interval,
  total,
  difference,
  record,
  accept,
  vocabulary,
  tolerances,
  measure,
  dimension,
};

struct FieldTable {
  ObjectKind kind;
  std::string_view schema;      // "facts" or "vocabulary": schema/<schema>.schema.json
  std::string_view definition;  // "" for the schema's root, else its definitions/<name>
  std::string_view noun;        // for messages: "a fact", "the source"
  std::vector<std::string_view> fields;
};

[[nodiscard]] const std::vector<FieldTable>& field_tables();
[[nodiscard]] const FieldTable& field_table(ObjectKind kind);

// The relation claims, in the order FORMAT §4 lists them.
[[nodiscard]] const std::vector<std::string_view>& relation_fields();

// The finding rules an `accept` may name (docs/rules/README.md).
[[nodiscard]] const std::vector<std::string_view>& finding_rules();

}  // namespace cc::load
