#pragma once
// measure, where, when and subset, as a fact, `defaults` or a key pattern write them:
// names looked up in the vocabulary (with suggestions), periods parsed.

#include <string>
#include <string_view>

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

class KeyReader {
 public:
  KeyReader(Converter& convert, const VocabularyView& vocabulary)
      : convert_(convert), vocabulary_(vocabulary) {}

  // Reads whichever of measure, where, when and subset `fields` has.
  void read(const Fields& fields, RawKey& key);

 private:
  void read_measure(NodeRef node, RawKey& key);
  void read_where(NodeRef node, RawKey& key);
  void read_when(NodeRef node, RawKey& key);
  void read_subset(NodeRef node, RawKey& key);
  [[nodiscard]] bool read_subset_item(NodeRef name, NodeRef value, RawSubset& subset);

  Converter& convert_;
  const VocabularyView& vocabulary_;
};

}  // namespace cc::load
