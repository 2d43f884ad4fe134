#pragma once
// From the YAML tree to plain values, strictly: every mapping is checked against its
// field table, every scalar against the type its field needs. Problems become errors
// on the file being read; a getter that fails returns nullopt and the caller moves on.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/fields.h"
#include "load/yaml_reader.h"
#include "model/diagnostic.h"
#include "model/number.h"

namespace cc::load {

// A mapping's fields, looked up by name (the first of a key given twice). Held in place,
// a slot for each field of its table: reading a fact's mapping allocates nothing.
class Fields {
 public:
  [[nodiscard]] std::optional<NodeRef> get(std::string_view name) const {
    const std::uint8_t entry = entry_of(name);
    if (entry == kNone) return std::nullopt;
    return NodeRef(tree_, key_node(entry).next_sibling);
  }
  [[nodiscard]] bool has(std::string_view name) const { return entry_of(name) != kNone; }
  [[nodiscard]] Pos key_pos(std::string_view name) const {  // where `name:` is written
    const std::uint8_t entry = entry_of(name);
    return entry == kNone ? pos_ : key_node(entry).pos;
  }
  [[nodiscard]] Pos pos() const { return pos_; }  // the mapping
  // The known fields present, in the order written: name(0) … name(count() - 1).
  [[nodiscard]] std::size_t count() const { return count_; }
  [[nodiscard]] std::string_view name(std::size_t entry) const {
    return table_->fields[field_[entry]];
  }
  [[nodiscard]] std::vector<std::string_view> present() const;

 private:
  friend class Converter;
  static constexpr std::uint8_t kNone = 0xFF;
  [[nodiscard]] std::uint8_t entry_of(std::string_view name) const {
    const int field = table_->find(name);
    return field < 0 ? kNone : entry_[static_cast<std::size_t>(field)];
  }
  [[nodiscard]] const Node& key_node(std::uint8_t entry) const {
    return NodeRef(tree_, key_[entry]).node();
  }

  const FieldTable* table_ = nullptr;
  const Tree* tree_ = nullptr;
  Pos pos_;
  std::uint8_t count_ = 0;
  std::array<std::uint8_t, kMaxFields> entry_{};  // by field of the table: its entry, or kNone
  std::array<std::uint8_t, kMaxFields> field_{};  // by entry: its field
  std::array<std::uint32_t, kMaxFields> key_{};   // by entry: its key's node
};

// True for `[a-z0-9][a-z0-9-]*`: fact, source and measure ids.
[[nodiscard]] bool is_id(std::string_view text);

// An exact decimal ("0.10", "7,000" with thousands groups): nullopt when not one.
[[nodiscard]] std::optional<Rational> parse_decimal(std::string_view text);

// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
[[nodiscard]] std::size_t typo_distance(std::string_view a, std::string_view b);

// The vocabulary's suggestions for `name`, nearest first.
[[nodiscard]] std::vector<std::string> rank_suggestions(std::string_view name,
                                                        std::vector<std::string> suggestions);

// The known names nearest to `name`, best first, at most three.
[[nodiscard]] std::vector<std::string> nearest_names(std::string_view name,
                                                     const std::vector<std::string_view>& known);

class Converter {
 public:
  Converter(const std::string& file, Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  [[nodiscard]] const std::string& file() const { return file_; }
  // Errors not listed because the file had kMaxErrorsPerFile already.
  [[nodiscard]] std::size_t dropped() const { return dropped_; }
  void error(Pos pos, std::string message, std::string rule);

  // Checks `node` is a mapping of `kind` (errors for unknown fields, with suggestions).
  [[nodiscard]] std::optional<Fields> fields(NodeRef node, ObjectKind kind, std::string_view what);

  // `what` names the field in messages: "'quote' must be text, not a list".
  [[nodiscard]] bool expect(NodeRef node, NodeKind kind, std::string_view what);
  [[nodiscard]] std::optional<std::string> text(NodeRef node, std::string_view what);
  [[nodiscard]] std::optional<std::string> id(NodeRef node, std::string_view what);
  // The same, as views of the node's text: valid while its tree is.
  [[nodiscard]] std::optional<std::string_view> text_view(NodeRef node, std::string_view what);
  [[nodiscard]] std::optional<std::string_view> id_view(NodeRef node, std::string_view what);
  [[nodiscard]] std::optional<bool> boolean(NodeRef node, std::string_view what);
  [[nodiscard]] std::optional<Rational> decimal(NodeRef node, std::string_view what);

  // A required field: reports it missing (at the mapping) when absent.
  [[nodiscard]] std::optional<NodeRef> required(const Fields& fields, std::string_view name,
                                                std::string_view noun);

 private:
  const std::string& file_;
  Diagnostics& diagnostics_;
  std::size_t dropped_ = 0;
};

}  // namespace cc::load
