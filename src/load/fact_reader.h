#pragma once
// One element of a fact file's `facts` → RawFact (FORMAT §1, §4, §5, §6).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/convert.h"
#include "load/key_reader.h"
#include "load/raw.h"

namespace cc::load {

// The fact ids of one file so far and where each is written: open addressing over the
// ids' bytes, kept in one string (no allocation for each id, as a node map makes).
class IdTable {
 public:
  // Where `id` was written first, or nullopt when it is new (then remembered at `pos`).
  [[nodiscard]] std::optional<Pos> insert(std::string_view id, Pos pos);

 private:
  struct Slot {  // 20 bytes: a file of 1,000 facts fills 2,048 of them
    std::uint32_t hash = 0;
    std::uint32_t begin = 0;  // in bytes_
    std::uint32_t size = 0;   // 0: a free slot (an id is never empty)
    Pos pos;
  };
  void grow();

  std::string bytes_;
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

class FactReader {
 public:
  FactReader(Converter& convert, const VocabularyView& vocabulary)
      : convert_(convert), keys_(convert, vocabulary) {}

  // nullopt when the element is not a mapping (reported).
  [[nodiscard]] std::optional<RawFact> read(NodeRef item);

 private:
  void read_id(const Fields& fields, RawFact& fact);
  void read_value(const Fields& fields, RawFact& fact);
  void read_relation(const Fields& fields, RawFact& fact);
  void read_relation_fields(NodeRef node, RawFact& fact);
  void read_change(const Fields& fields, RawFact& fact, std::string_view noun);
  void read_time_unit(const Fields& fields, std::string_view name, std::string_view noun,
                      RawFact& fact);
  void read_total(const Fields& fields, RawFact& fact);
  [[nodiscard]] RawRef read_ref(NodeRef node, std::string_view what);
  [[nodiscard]] RawRef required_ref(const Fields& fields, std::string_view name,
                                    std::string_view noun);
  void read_rounding(const Fields& fields, RawFact& fact);
  void read_record(NodeRef node, RawFact& fact);
  void read_record_detail(NodeRef node, RawRecord& record);
  [[nodiscard]] bool read_record_kind(const Fields& fields, NodeRef node, RawRecord& record);
  void read_record_scope(const Fields& fields, RawRecord& record);
  void check_record(const Fields& fields, const RawRecord& record);
  void read_accepts(NodeRef node, RawFact& fact);
  [[nodiscard]] std::optional<RawAccept> read_accept(NodeRef node);

  Converter& convert_;
  KeyReader keys_;
  IdTable ids_;  // fact ids in this file so far
};

}  // namespace cc::load
