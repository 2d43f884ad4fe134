#pragma once
// The fields each object of the two file formats may have. The loader checks every
// mapping against these tables (an unknown field is an error), and a test checks that the
// JSON Schemas in schema/ list exactly the same properties, so they cannot drift apart.

#include <array>
#include <bit>
#include <cstdint>
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

// The most fields one object may have (a fact has 19).
inline constexpr std::size_t kMaxFields = 24;

struct FieldTable {
  ObjectKind kind;
  std::string_view schema;      // "facts" or "vocabulary": schema/<schema>.schema.json
  std::string_view definition;  // "" for the schema's root, else its definitions/<name>
  std::string_view noun;        // for messages: "a fact", "the source"
  std::vector<std::string_view> fields;
  // By the length of a name (shorter than 32 bytes): a bit for each field of that length,
  // so that a key is compared with the one or two fields of its length only.
  std::array<std::uint32_t, 32> by_length{};

  // The index of `name` in `fields`, or -1 when it is not one of them.
  [[nodiscard]] int find(std::string_view name) const {
    if (name.empty() || name.size() >= by_length.size()) return -1;
    for (std::uint32_t mask = by_length[name.size()]; mask != 0; mask &= mask - 1) {
      const int i = std::countr_zero(mask);
      const std::string_view field = fields[static_cast<std::size_t>(i)];
      if (field.front() == name.front() && field == name) return i;
    }
    return -1;
  }
};

[[nodiscard]] const std::vector<FieldTable>& field_tables();
[[nodiscard]] const FieldTable& field_table(ObjectKind kind);

// The relation claims, in the order FORMAT §4 lists them.
[[nodiscard]] const std::vector<std::string_view>& relation_fields();

// The finding rules an `accept` may name (docs/rules/README.md).
[[nodiscard]] const std::vector<std::string_view>& finding_rules();

}  // namespace cc::load
