#pragma once
// measure, where, when and subset, as a fact, `defaults` or a key pattern write them:
// names looked up in the vocabulary (with suggestions), periods parsed.

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "load/convert.h"
#include "load/raw.h"
#include "model/vocabulary.h"

namespace cc::load {

struct VocabularyView {
  const Vocabulary& vocabulary;
  bool usable = true;  // false: vocabulary.yaml is missing or unreadable; names go unchecked
};

// The position of byte `offset` of a scalar's text: exact on a one-line scalar written
// as its text (after the opening quote), else the scalar's own position.
[[nodiscard]] Pos point_into(Pos pos, bool quoted, bool verbatim, std::string_view text,
                             std::size_t offset);

// A mapping or list written back on one line: "{when: 2017-18, subset: {age: under 12}}".
[[nodiscard]] std::string flow_text(NodeRef node);

// A measure or place name looked up in the vocabulary (id or alias, folded), or the
// message saying it is unknown, with the nearest names: "unknown measure 'casse' (did you
// mean 'cases'?)". Fact files and `crosscheck explain` both read names through these.
[[nodiscard]] std::variant<MeasureId, std::string> lookup_measure(const Vocabulary& vocabulary,
                                                                  std::string_view name);
[[nodiscard]] std::variant<PlaceId, std::string> lookup_place(const Vocabulary& vocabulary,
                                                              std::string_view name);

// A key written on one line, as `explain` takes it and describe_key writes it:
// "offences · UK · 2017-18 · platform: Snapchat" (commas may stand for the dots).
struct KeyText {
  MeasureId measure = 0;
  PlaceId place = 0;
  Period period;
  std::vector<std::pair<DimensionId, std::string>> subset;  // values as written, trimmed
};

// The parts of a one-line key, split at "·" and ",", trimmed.
[[nodiscard]] std::vector<std::string> split_key_text(std::string_view text);
// Reads the parts (at least three: measure, place, period; then "dimension: value"
// items), or says what it cannot read. Subset values are taken as written.
[[nodiscard]] std::variant<KeyText, std::string> read_key_parts(
    const Vocabulary& vocabulary, const std::vector<std::string>& parts);

// The measure or place names a file looked up last and what they name: a file writes the
// same few again and again (its periods vary more: a cache of them cost more than it saved). Only
// what was found is kept, so every error is still reported where it is written.
template <typename Value>
class RecentLookups {
 public:
  [[nodiscard]] const Value* find(std::string_view text) const {
    for (const auto& [written, value] : entries_) {
      if (written == text) return &value;
    }
    return nullptr;
  }
  void add(std::string_view text, const Value& value) {
    if (entries_.size() < kMost) {
      entries_.emplace_back(std::string(text), value);
      return;
    }
    entries_[next_] = {std::string(text), value};  // the oldest goes
    next_ = (next_ + 1) % kMost;
  }

 private:
  static constexpr std::size_t kMost = 16;
  std::vector<std::pair<std::string, Value>> entries_;
  std::size_t next_ = 0;
};

class KeyReader {
 public:
  KeyReader(Converter& convert, const VocabularyView& vocabulary)
      : convert_(convert), vocabulary_(vocabulary) {}

  // Reads whichever of measure, where, when and subset `fields` has.
  void read(const Fields& fields, RawKey& key);
  // A period written like `when` (a record's `since`); nullopt when unreadable (reported).
  [[nodiscard]] std::optional<Period> read_period(NodeRef node, std::string_view what);

 private:
  void read_measure(NodeRef node, RawKey& key);
  void read_where(NodeRef node, RawKey& key);
  void read_when(NodeRef node, RawKey& key);
  void read_subset(NodeRef node, RawKey& key);
  [[nodiscard]] bool read_subset_item(NodeRef name, NodeRef value, RawSubset& subset);
  // A dimension's declared values, folded (fold_name), made when first needed.
  [[nodiscard]] const std::vector<std::string>& folded_values(DimensionId dimension);

  Converter& convert_;
  const VocabularyView& vocabulary_;
  std::vector<std::vector<std::string>> folded_values_;  // by dimension; empty: not made yet
  RecentLookups<MeasureId> measures_;
  RecentLookups<PlaceId> places_;
};

}  // namespace cc::load
