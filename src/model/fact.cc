#include "model/fact.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>

namespace cc {

bool same_record_claim(const Record& a, const Record& b) {
  return a.kind == b.kind && a.over == b.over && a.rank == b.rank && a.since == b.since &&
         a.records_began == b.records_began && a.same_time_of_year == b.same_time_of_year &&
         a.first_time_above == b.first_time_above && a.first_time_below == b.first_time_below;
}

std::string_view fact_kind_name(FactKind kind) {
  switch (kind) {
    case FactKind::figure:
      return "figure";
    case FactKind::change:
      return "change";
    case FactKind::share:
      return "share";
    case FactKind::ratio:
      return "ratio";
    case FactKind::rate:
      return "rate";
    case FactKind::interval:
      return "interval";
    case FactKind::total:
      return "total";
    case FactKind::difference:
      return "difference";
  }
  return "figure";
}

std::string_view time_unit_name(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::second:
      return "second";
    case TimeUnit::minute:
      return "minute";
    case TimeUnit::hour:
      return "hour";
    case TimeUnit::day:
      return "day";
    case TimeUnit::week:
      return "week";
    case TimeUnit::month:
      return "month";
    case TimeUnit::year:
      return "year";
  }
  return "day";
}

OperandList::OperandList(std::initializer_list<Operand> operands) {
  reserve(operands.size());
  for (const Operand& operand : operands) push_back(operand);
}

OperandList::OperandList(const OperandList& other) {
  reserve(other.size());
  for (const Operand& operand : other) push_back(operand);
}

OperandList& OperandList::operator=(const OperandList& other) {
  if (this != &other) *this = OperandList(other);
  return *this;
}

OperandList& OperandList::operator=(OperandList&& other) noexcept {
  if (this != &other) {
    free();
    block_ = other.block_;
    other.block_ = nullptr;
  }
  return *this;
}

OperandList::~OperandList() {
  free();
}

void OperandList::free() {
  ::operator delete(block_);  // Operand is trivially destructible
  block_ = nullptr;
}

const Operand& OperandList::at(std::size_t i) const {
  if (i >= size()) throw std::out_of_range("OperandList::at");
  return items()[i];
}

void OperandList::reserve(std::size_t count) {
  static_assert(std::is_trivially_copyable_v<Operand> && std::is_trivially_destructible_v<Operand>);
  if (count <= (block_ ? block_->capacity : 0)) return;
  void* bytes = ::operator new(sizeof(Block) + count * sizeof(Operand));
  auto* block =
      new (bytes) Block{static_cast<std::uint32_t>(size()), static_cast<std::uint32_t>(count)};
  auto* items = reinterpret_cast<Operand*>(block + 1);
  std::uninitialized_copy(begin(), end(), items);
  free();
  block_ = block;
}

void OperandList::push_back(const Operand& operand) {
  const std::size_t capacity = block_ ? block_->capacity : 0;
  if (size() == capacity) {
    const Operand copy = operand;  // `operand` may be one of ours
    reserve(capacity == 0 ? 2 : 2 * capacity);
    std::construct_at(items() + block_->size++, copy);
    return;
  }
  std::construct_at(items() + block_->size++, operand);
}

const FactExtra& Fact::no_extra() {
  static const FactExtra none;
  return none;
}

const std::vector<Accept>& Fact::accepts() const {
  return extra_ ? extra_->accepts : no_extra().accepts;
}

const Record& Fact::record() const {
  return extra_ ? extra_->record : no_extra().record;
}

FactExtra& Fact::extra_to_change() {
  if (!extra_) {
    extra_ = new FactExtra();
  } else if (extra_->use_count() > 1) {
    extra_ = new FactExtra(*extra_);  // the count starts again at the new one's owner
  }
  return *extra_;
}

void Fact::drop_empty_extra() {
  const FactExtra& extra = *extra_;
  const bool far = std::any_of(near_.begin(), near_.end(),
                               [](NearMark at) { return at.line == NearMark::kFar; });
  if (extra.note.empty() && extra.accepts.empty() && same_record_claim(extra.record, Record{}) &&
      extra.record.mark == Mark{} && !far) {
    extra_.reset();
  }
}

void Fact::set_quote_size(std::size_t bytes) {
  if (bytes > UINT32_MAX) throw std::length_error("a quote of 4 GiB or more");
  quote_size_ = static_cast<std::uint32_t>(bytes);
}

Mark Fact::near_mark(Near which) const {
  const NearMark at = near_[static_cast<std::size_t>(which)];
  if (at.line == NearMark::kFar) {
    const LineColumn far = extra_->far_marks[static_cast<std::size_t>(which)];
    return {mark.file, far.line, far.column};
  }
  if (at.line == NearMark::kUnwritten) return {mark.file, 0, at.column};
  return {mark.file, static_cast<std::uint32_t>(static_cast<std::int64_t>(mark.line) + at.line),
          at.column};
}

void Fact::set_near_mark(Near which, const Mark& at) {
  NearMark& near = near_[static_cast<std::size_t>(which)];
  const std::int64_t distance = static_cast<std::int64_t>(at.line) - mark.line;
  if (at.column <= UINT16_MAX &&
      (at.line == 0 || (distance > NearMark::kUnwritten && distance <= INT16_MAX))) {
    near.line = at.line == 0 ? NearMark::kUnwritten : static_cast<std::int16_t>(distance);
    near.column = static_cast<std::uint16_t>(at.column);
    if (extra_) drop_empty_extra();  // it may have held this mark
    return;
  }
  extra_to_change().far_marks[static_cast<std::size_t>(which)] = {at.line, at.column};
  near = {NearMark::kFar, 0};
}

void Fact::set_note(std::string_view note) {
  if (note.empty() && !extra_) return;
  extra_to_change().note = note;
  drop_empty_extra();
}

void Fact::set_accepts(std::vector<Accept> accepts) {
  if (accepts.empty() && !extra_) return;
  extra_to_change().accepts = std::move(accepts);
  drop_empty_extra();
}

void Fact::set_record(Record record) {
  if (same_record_claim(record, Record{}) && record.mark == Mark{} && !extra_) return;
  extra_to_change().record = std::move(record);
  drop_empty_extra();
}

UnpackedQuotes& UnpackedQuotes::operator=(const UnpackedQuotes& other) {
  if (this == &other) return *this;
  const std::lock_guard lock(mutex_);
  kept_.clear();
  bytes_ = 0;
  return *this;
}

std::size_t UnpackedQuotes::kept_bytes() const {
  const std::lock_guard lock(mutex_);
  return bytes_;
}

namespace {

// Where each fact's quote starts in its source's unpacked quotes (`size` bytes), by its place
// in the source's `facts`.
std::vector<std::uint32_t> quote_starts(const FactBase& base, const Source& source,
                                        std::size_t size) {
  std::vector<std::uint32_t> starts;
  starts.reserve(source.facts.size());
  std::size_t at = 0;
  for (const FactIndex f : source.facts) {
    starts.push_back(static_cast<std::uint32_t>(at));
    at += base.facts[f].quote_size();
  }
  if (at != size) throw std::logic_error("a source's quotes that are not its facts'");
  return starts;
}

}  // namespace

std::string UnpackedQuotes::quote(const FactBase& base, FactIndex fact) {
  const Fact& f = base.facts.at(fact);
  if (f.quote_size() == 0) return {};
  const Source& source = base.sources.at(f.source);
  if (!source.quotes) throw std::logic_error("a quote that its source does not hold");
  // The fact's place among its source's facts (in index order).
  const auto place = std::lower_bound(source.facts.begin(), source.facts.end(), fact);
  if (place == source.facts.end() || *place != fact)
    throw std::logic_error("a fact that its source does not list");
  const auto i = static_cast<std::size_t>(place - source.facts.begin());
  const std::lock_guard lock(mutex_);
  auto kept = kept_.find(source.quotes.get());
  if (kept == kept_.end()) {
    Unpacked unpacked{source.quotes, source.quotes->unpack(), {}, 0};
    unpacked.at = quote_starts(base, source, unpacked.text.size());
    // The least recently read go until the new one fits (a source larger than the whole
    // allowance is kept alone).
    while (!kept_.empty() && bytes_ + unpacked.bytes() > kKeptBytes) {
      const auto oldest = std::min_element(
          kept_.begin(), kept_.end(),
          [](const auto& a, const auto& b) { return a.second.read < b.second.read; });
      bytes_ -= oldest->second.bytes();
      kept_.erase(oldest);
    }
    bytes_ += unpacked.bytes();
    kept = kept_.emplace(source.quotes.get(), std::move(unpacked)).first;
  }
  kept->second.read = ++reads_;
  return kept->second.text.substr(kept->second.at[i], f.quote_size());
}

void FactBase::for_each_quote(SourceIndex s,
                              const std::function<void(FactIndex, std::string_view)>& fn) const {
  const Source& source = sources.at(s);
  const std::string text = source.quotes ? source.quotes->unpack() : std::string();
  const std::vector<std::uint32_t> starts = quote_starts(*this, source, text.size());
  for (std::size_t i = 0; i < source.facts.size(); ++i) {
    const FactIndex f = source.facts[i];
    fn(f, std::string_view(text).substr(starts[i], facts[f].quote_size()));
  }
}

std::string FactBase::ref(FactIndex fact) const {
  return fmt::format("{}/{}", sources[facts[fact].source].id, facts[fact].id);
}

void FactBase::index() {
  ref_index_.clear();
  source_index_.clear();
  for (SourceIndex s = 0; s < sources.size(); ++s) source_index_.emplace(sources[s].id, s);
  ref_index_.resize(facts.size());
  for (FactIndex f = 0; f < facts.size(); ++f) ref_index_[f] = f;
  // The first fact of a ref given twice comes first, as find_fact promises.
  std::sort(ref_index_.begin(), ref_index_.end(), [&](FactIndex a, FactIndex b) {
    const SourceIndex sa = facts[a].source;
    const SourceIndex sb = facts[b].source;
    if (sa != sb) {
      if (const int c = sources[sa].id.compare(sources[sb].id); c != 0) return c < 0;
    }
    if (const int c = facts[a].id.compare(facts[b].id); c != 0) return c < 0;
    return a < b;
  });
}

std::optional<FactIndex> FactBase::find_fact(std::string_view ref_text) const {
  const std::size_t slash = ref_text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view source = ref_text.substr(0, slash);
  const std::string_view id = ref_text.substr(slash + 1);
  const auto key = [&](FactIndex f) {
    return std::pair<std::string_view, std::string_view>(sources[facts[f].source].id, facts[f].id);
  };
  const auto it =
      std::lower_bound(ref_index_.begin(), ref_index_.end(), std::pair(source, id),
                       [&](FactIndex f, const std::pair<std::string_view, std::string_view>& k) {
                         return key(f) < k;
                       });
  if (it == ref_index_.end() || key(*it) != std::pair(source, id)) return std::nullopt;
  return *it;
}

std::optional<SourceIndex> FactBase::find_source(std::string_view id) const {
  const auto it = source_index_.find(std::string(id));
  if (it == source_index_.end()) return std::nullopt;
  return it->second;
}

const Measure& FactBase::measure_of(KeyId key) const {
  return vocabulary.measures[keys.key(key).measure];
}

}  // namespace cc
