#pragma once
// The fact base after loading: plain structs, keys interned, YAML gone.

#include <array>
#include <boost/smart_ptr/intrusive_ptr.hpp>
#include <boost/smart_ptr/intrusive_ref_counter.hpp>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/interval_pool.h"
#include "model/key.h"
#include "model/packed_text.h"
#include "model/value.h"
#include "model/vocabulary.h"

namespace cc {

using FactIndex = std::uint32_t;
using SourceIndex = std::uint32_t;

enum class Direction : std::uint8_t { rise, fall };
enum class TimeUnit : std::uint8_t { second, minute, hour, day, week, month, year };

[[nodiscard]] std::string_view fact_kind_name(FactKind kind);
[[nodiscard]] std::string_view time_unit_name(TimeUnit unit);

// A resolved reference to a quantity: a key (a figure's key or a key pattern filled in
// from its anchor), or a relation claim's own quantity (a share of a change, say).
struct Operand {
  enum class Kind { key, fact, anonymous };  // anonymous: a share with no `part`
  Kind kind = Kind::key;
  KeyId key = 0;       // Kind::key
  FactIndex fact = 0;  // Kind::fact: a relation claim
  Mark mark;           // where the reference is written
};

// A relation claim's operands, read like a vector, held behind one pointer (8 bytes where a
// vector is 24: a figure has none); the block holds their count and room before them.
// Copies copy the operands.
class OperandList {
 public:
  OperandList() = default;
  OperandList(std::initializer_list<Operand> operands);
  OperandList(const OperandList& other);
  OperandList(OperandList&& other) noexcept : block_(other.block_) { other.block_ = nullptr; }
  OperandList& operator=(const OperandList& other);
  OperandList& operator=(OperandList&& other) noexcept;
  ~OperandList();

  [[nodiscard]] std::size_t size() const { return block_ ? block_->size : 0; }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] Operand* begin() { return items(); }
  [[nodiscard]] Operand* end() { return items() + size(); }
  [[nodiscard]] const Operand* begin() const { return items(); }
  [[nodiscard]] const Operand* end() const { return items() + size(); }
  [[nodiscard]] Operand& operator[](std::size_t i) { return items()[i]; }
  [[nodiscard]] const Operand& operator[](std::size_t i) const { return items()[i]; }
  [[nodiscard]] const Operand& at(std::size_t i) const;  // throws std::out_of_range
  [[nodiscard]] const Operand& front() const { return items()[0]; }
  [[nodiscard]] const Operand& back() const { return items()[size() - 1]; }
  void reserve(std::size_t count);
  void push_back(const Operand& operand);

 private:
  struct Block {
    std::uint32_t size = 0;
    std::uint32_t capacity = 0;
  };
  static_assert(alignof(Operand) <= alignof(Block) && sizeof(Block) % alignof(Operand) == 0);
  [[nodiscard]] Operand* items() const {
    return block_ ? reinterpret_cast<Operand*>(block_ + 1) : nullptr;
  }
  void free();
  Block* block_ = nullptr;  // null: none
};

// A line and column in its fact's file (the file of `Fact::mark`): a Mark without the file.
struct LineColumn {
  std::uint32_t line = 0;  // 1-based; 0: not written
  std::uint32_t column = 0;
};

// A record claim (FORMAT §5.5). `high`/`low`: the figure (or its change, with `over`) is
// the highest (lowest) of those it is compared with; `first`: the first rise (fall) since
// `since`.
enum class RecordKind { none, high, low, first };
// What is compared: the figures themselves, or the change from the previous period of the
// same length (the rise: this − previous; the fall: previous − this).
enum class RecordOver { level, rise, fall };

struct Record {
  RecordKind kind = RecordKind::none;
  RecordOver over = RecordOver::level;
  unsigned rank = 1;                         // 2: the second-highest (second-lowest)
  std::optional<Period> since;               // "the highest since 2019": the bound
  std::optional<Period> records_began;       // compared figures start on or after this
  bool same_time_of_year = false;            // only the same months/days of earlier years
  std::optional<Rational> first_time_above;  // with high: every earlier figure ≤ this
  std::optional<Rational> first_time_below;  // with low: every earlier figure ≥ this
  Mark mark;
};

// The same claim (the mark aside).
[[nodiscard]] bool same_record_claim(const Record& a, const Record& b);

struct Accept {
  std::string rule;                    // a finding rule id: "conflict", "implied", …
  std::string with;                    // as written; empty when absent
  std::optional<FactIndex> with_fact;  // resolved `with`
  std::string reason;
  Mark mark;
};

// What few facts have: a note, accepts, a record claim. Held apart from the `Fact`, shared
// by its copies, and made only for the facts that have one of them.
struct FactExtra : boost::intrusive_ref_counter<FactExtra, boost::thread_safe_counter> {
  std::string_view note;  // a view of its source's `texts`, like Fact::id
  std::vector<Accept> accepts;
  Record record;  // kind none: no record claim
  // The quote's, value's and relation field's marks that are too far from the fact's own
  // to be a `NearMark` (by Fact::Near; read only where the fact's says so).
  std::array<LineColumn, 3> far_marks{};
};

// A mark of a fact besides its `id:`, as the distance of its line from the id's line and
// its column: 4 bytes where a LineColumn is 8 (docs/ARCHITECTURE.md, "Loading and the fact
// base in memory"). A line too far (more than 32,766 lines before the id's or 32,767 after)
// or a column past 65,535 is kept in the fact's FactExtra instead (`kFar`); a mark not
// written (line 0) is `kUnwritten`.
struct NearMark {
  static constexpr std::int16_t kFar = INT16_MIN;
  static constexpr std::int16_t kUnwritten = INT16_MIN + 1;
  std::int16_t line = kUnwritten;  // the distance from the fact's line, or kFar, kUnwritten
  std::uint16_t column = 0;
};

// Fields ordered so that it has little padding (docs/ARCHITECTURE.md, "Loading and the fact
// base in memory": compact_base_test.cc asserts its size).
struct Fact {
  SourceIndex source = 0;
  KeyId key = 0;  // a figure's key
  // A view of its source's `texts` (one buffer per file): valid while the source is.
  std::string_view id;
  // The bytes of its quote, which its source holds packed with its other facts' quotes
  // (Source::quotes; FactBase::quote unpacks it).
  [[nodiscard]] std::size_t quote_size() const { return quote_size_; }
  void set_quote_size(std::size_t bytes);  // std::length_error from 4 GiB on
  Mark mark;  // the fact's `id:` value; its file is that of every mark of the fact
  // Its `quote:` and `value:` values, and the `change:`/`share:`/… field of a relation claim
  // (line 0 when not written), in the file of `mark`.
  [[nodiscard]] Mark quote_mark() const { return near_mark(Near::quote); }
  [[nodiscard]] Mark value_mark() const { return near_mark(Near::value); }
  [[nodiscard]] Mark relation_mark() const { return near_mark(Near::relation); }
  // Each keeps the line and column, relative to `mark`'s line: set `mark` first. The file
  // is `mark`'s.
  void set_quote_mark(const Mark& at) { set_near_mark(Near::quote, at); }
  void set_value_mark(const Mark& at) { set_near_mark(Near::value, at); }
  void set_relation_mark(const Mark& at) { set_near_mark(Near::relation, at); }

 private:
  enum class Near : std::uint8_t { quote, value, relation };
  std::uint32_t quote_size_ = 0;
  std::array<NearMark, 3> near_;  // by Near

 public:
  FactKind kind = FactKind::figure;
  Direction direction = Direction::rise;  // change, difference
  TimeUnit unit = TimeUnit::day;          // rate: `per`; interval: `unit`; difference: `per`
  bool per : 1 = false;                   // a difference with `per`: of the rates per `unit`
  bool exact : 1 = false;
  // Whether the quote occurs in its source's article (true when the source names none):
  // the quote check's answer, found as the file is loaded (load/quotes.h), so that the
  // article's text is never held.
  bool quote_in_article : 1 = true;

 public:
  FactValue value;
  // change: {from, to}; share: {of, part}; ratio: {of, to}; rate, interval: {of};
  // total: the references in order; difference: {from, to}.
  OperandList operands;

 private:
  // Shared by copies of the fact (changed only through extra_to_change); null: none. Its
  // count is in the FactExtra (8 bytes where a shared_ptr is 16).
  boost::intrusive_ptr<FactExtra> extra_;

 public:
  // Its `note:` (a view of its source's `texts`; empty when none).
  [[nodiscard]] std::string_view note() const { return extra_ ? extra_->note : std::string_view(); }
  void set_note(std::string_view note);
  // Its `accept:` entries, in the order written.
  [[nodiscard]] const std::vector<Accept>& accepts() const;
  void set_accepts(std::vector<Accept> accepts);
  // The record claim (kind none for most facts).
  [[nodiscard]] const Record& record() const;
  void set_record(Record record);

 private:
  [[nodiscard]] Mark near_mark(Near which) const;
  void set_near_mark(Near which, const Mark& at);
  [[nodiscard]] static const FactExtra& no_extra();
  // The extra to change: made when there is none, copied when another fact shares it.
  FactExtra& extra_to_change();
  void drop_empty_extra();
};

// Where a source's figures come from (FORMAT §1.1): another source of the fact base, or a
// release outside it. Exactly one of `source` and `publisher` is set.
struct Upstream {
  std::string source;     // a source id in the fact base, or empty
  std::string publisher;  // an outside release's publisher, or empty
  std::string published;  // with `publisher`: as written (ISO date), like Source::published
  Mark mark;              // the entry in `based_on`
};

struct Source {
  std::string id;
  std::string title;
  std::string publisher;
  std::string published;  // as written (ISO date)
  std::string url;
  std::string article;       // as written, relative to the fact file
  std::string article_file;  // display path of the article ("facts/articles/x.txt"), if any
  std::uint32_t file = 0;    // index into FactBase::files
  Mark mark;
  std::shared_ptr<const char[]> texts;  // the bytes its facts' ids, notes and values view
  // Its facts' quotes, one after another in the order of `facts`, packed: only the quote
  // check and the reports read them (FactBase::quote). Null when no fact has one.
  std::shared_ptr<const PackedText> quotes;
  std::vector<FactIndex> facts;
  std::vector<Upstream> based_on;  // whose figures it reports, as written
};

struct FactBase;

// The sources' quotes last unpacked, for FactBase::quote, up to kKeptBytes of them (the
// least recently read go first), so that reading the quotes of the facts of a report, a
// few sources' facts after another's, unpacks each source about once. Safe to use from
// several threads at once; a copy starts empty.
class UnpackedQuotes {
 public:
  // About 230 sources of the 1M bench base's 35 KB; all of a 100k base's.
  static constexpr std::size_t kKeptBytes = std::size_t{8} << 20;
  UnpackedQuotes() = default;
  UnpackedQuotes(const UnpackedQuotes& /*other*/) {}
  UnpackedQuotes& operator=(const UnpackedQuotes& other);
  ~UnpackedQuotes() = default;
  [[nodiscard]] std::string quote(const FactBase& base, FactIndex fact);
  [[nodiscard]] std::size_t kept_bytes() const;  // for tests

 private:
  struct Unpacked {
    std::shared_ptr<const PackedText> packed;  // held, so no other block takes its address
    std::string text;
    std::vector<std::uint32_t> at;  // where each fact's quote starts, by its place in `facts`
    std::uint64_t read = 0;         // when it was last read (a count of reads)
    [[nodiscard]] std::size_t bytes() const { return text.size() + at.size() * 4; }
  };
  mutable std::mutex mutex_;
  std::unordered_map<const PackedText*, Unpacked> kept_;
  std::size_t bytes_ = 0;  // kept_'s, summed
  std::uint64_t reads_ = 0;
};

struct FactBase {
  std::string root;                  // the folder as the user named it: "facts"
  std::vector<std::string> files;    // display paths, "facts/vocabulary.yaml" first
  std::vector<std::string> skipped;  // *.yaml files that are not fact files (display paths)
  Vocabulary vocabulary;
  KeyTable keys;
  std::vector<Source> sources;  // sorted by file name
  std::vector<Fact> facts;      // grouped by source, in file order
  // The facts' values' intervals, each once (FactValue): shared by copies of the base, whose
  // facts point into it.
  std::shared_ptr<IntervalPool> intervals = std::make_shared<IntervalPool>();

  // Fact f's quote, unpacked from its source's `quotes`.
  [[nodiscard]] std::string quote(FactIndex f) const { return unpacked_quotes_.quote(*this, f); }
  // Calls fn(f, quote) for each fact f of source s in order, its quotes unpacked once for the
  // pass and not kept (for a pass over every fact of a source: the quote check).
  void for_each_quote(SourceIndex s,
                      const std::function<void(FactIndex, std::string_view)>& fn) const;
  // "lbc-2024-11-01/rise-since-2017-18"
  [[nodiscard]] std::string ref(FactIndex fact) const;
  [[nodiscard]] std::optional<FactIndex> find_fact(std::string_view ref) const;  // "src/fact"
  [[nodiscard]] std::optional<SourceIndex> find_source(std::string_view id) const;
  // "offences · UK · 2017-18 · platform: Snapchat"
  [[nodiscard]] const std::string& file_of(const Mark& mark) const { return files[mark.file]; }
  [[nodiscard]] const Measure& measure_of(KeyId key) const;
  [[nodiscard]] bool is_count(KeyId key) const { return measure_of(key).count; }
  // Call after loading: builds the ref index.
  void index();

 private:
  std::vector<FactIndex> ref_index_;  // facts sorted by (source id, fact id, index)
  std::unordered_map<std::string, SourceIndex> source_index_;
  mutable UnpackedQuotes unpacked_quotes_;
};

}  // namespace cc
