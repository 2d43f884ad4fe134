#pragma once
// A written value as the checker holds it: the interval of true values a careful writer
// could have written that way, and the context that decides it. Reading one is the value
// grammar: grammar/value.h.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/interval.h"
#include "model/interval_pool.h"

namespace cc {

// What a fact states, which is also what its value is a value of: it decides rounding and
// what multipliers mean. A figure is a quantity (a count when the context says `count`, else
// real-valued); a share is part ÷ of, as a fraction ("48%" is 0.48); a change is the rise (or
// fall) as a fraction (89% is 0.89; "doubled" is a rise of 1.0); a ratio is of ÷ to ("double"
// is 2); a rate is `of` per unit of time; an interval is time per one of `of`; a total is a
// sum of quantities; a difference is to − from as a number in the figures' unit ("30,000
// fewer": a fall, stated as its size), or with `per` the change in the rate per unit of time.
enum class FactKind : std::uint8_t {
  figure,
  change,
  share,
  ratio,
  rate,
  interval,
  total,
  difference
};

struct ValueContext {
  FactKind role = FactKind::figure;
  bool count = false;     // a figure, total or difference of an additive (count) measure
  bool fall = false;      // a change or difference with direction: fall ("halved" is a fall of 0.5)
  Rational vague{1, 10};  // tolerances.vague
  bool exact = false;     // `exact: true`: no rounding at all
  // `precision: 100`: the rounding unit (±precision/2), in the units the value is written
  // in: percentage points for a percentage, the whole number for "2.5 million", N for "1 in N".
  std::optional<Rational> precision;
};

// One reading of the written value: "almost half (47%)" has two, "89%" has one.
struct Reading {
  std::string text;   // the part of the written value read: "almost half", "47%"
  Interval interval;  // in the role's terms (a share as a fraction, a change as a rise)
};

// A value's readings, read like a vector, held behind one pointer (8 bytes where a vector
// is 24): a fact holds none unless its value is a hedge (docs/ARCHITECTURE.md, "Loading and
// the fact base in memory"). Copies copy the readings.
class ReadingList {
 public:
  ReadingList() = default;
  ReadingList(const ReadingList& other)
      : list_(other.list_ ? std::make_unique<std::vector<Reading>>(*other.list_) : nullptr) {}
  ReadingList(ReadingList&&) noexcept = default;
  ReadingList& operator=(const ReadingList& other) {
    if (this != &other) *this = ReadingList(other);
    return *this;
  }
  ReadingList& operator=(ReadingList&&) noexcept = default;
  ~ReadingList() = default;

  [[nodiscard]] std::size_t size() const { return list_ ? list_->size() : 0; }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] const Reading& operator[](std::size_t i) const { return (*list_)[i]; }
  [[nodiscard]] const Reading& front() const { return list_->front(); }
  [[nodiscard]] const Reading& back() const { return list_->back(); }
  [[nodiscard]] const Reading* begin() const { return list_ ? list_->data() : nullptr; }
  [[nodiscard]] const Reading* end() const { return begin() + size(); }
  void push_back(Reading reading) {
    if (!list_) list_ = std::make_unique<std::vector<Reading>>();
    list_->push_back(std::move(reading));
  }
  void clear() { list_.reset(); }  // frees them

 private:
  std::unique_ptr<std::vector<Reading>> list_;  // null: none
};

struct Value {
  // As in the file, trimmed: a view of the text it was read from (parse_value's input), which
  // whoever holds the value keeps alive; a fact's is in its source's `texts`, like its quote.
  std::string_view written;
  Interval interval;  // intersection of the readings (may be empty: see hedge)
  // The value grammar gives one or two; the FactBase keeps only the two of a hedged value
  // ("almost half (47%)"): one reading is `interval` itself, and most values have one.
  ReadingList readings;
  bool hedge_conflict = false;  // two readings that do not overlap ("almost half (52%)")
  bool percent = false;         // written as a percentage: reports show it as one
  // Read by the value grammar (false: `written` as given, not understood). The numbers the
  // quote check looks for are those of `written` (grammar/value.h: value_numbers), found
  // when they are needed rather than held by every fact.
  bool parsed = false;
};

// A fact's value as the fact base holds it: a `Value` whose interval is kept once in the
// base's `IntervalPool` (`FactBase::intervals`) and pointed at, 8 bytes where the Interval
// took 48 (docs/ARCHITECTURE.md, "Loading and the fact base in memory"). Copies point at
// the same interval, so a fact is valid while the pool is, as its strings while its
// source's texts are.
class FactValue {
 public:
  FactValue() = default;  // the whole real line, nothing written
  // `value`, its interval kept in `pool`.
  FactValue(Value value, IntervalPool& pool)
      : written(value.written),
        readings(std::move(value.readings)),
        interval_(&pool.keep(value.interval)),
        hedge_conflict(value.hedge_conflict),
        percent(value.percent),
        parsed(value.parsed) {}

  [[nodiscard]] const Interval& interval() const { return *interval_; }
  // `kept` must live as long as the value and its copies: an interval of the pool of the
  // fact base that holds the fact (IntervalPool::keep).
  void set_interval(const Interval& kept) { interval_ = &kept; }

  // As Value's.
  std::string_view written;
  ReadingList readings;

 private:
  [[nodiscard]] static const Interval* whole_line() {
    static const Interval everything;
    return &everything;
  }
  const Interval* interval_ = whole_line();

 public:
  bool hedge_conflict = false;
  bool percent = false;
  bool parsed = false;
};

}  // namespace cc
