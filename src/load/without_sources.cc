#include "load/without_sources.h"

#include <limits>
#include <unordered_set>

namespace cc::load {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// The key table a load of the rest builds: the rest's files' key events replayed in the
// resolver's order (every file's figures, then every file's relation claims), so each
// value, period, subset and key gets the id, and each value the spelling, that load gives.
class KeyReplay {
 public:
  KeyReplay(const KeyTable& whole, const ResolveTrace& trace)
      : whole_(whole),
        trace_(trace),
        values_(whole.value_count(), kNone),
        keys_(whole.key_count(), kNone) {}

  [[nodiscard]] bool replay(std::span<const KeyEvent> events) {
    for (const KeyEvent& event : events) {
      if (event.kind == KeyEvent::Kind::value) {
        if (event.id >= values_.size()) return false;
        if (event.spelling != KeyEvent::kSame && event.spelling >= trace_.spellings.size())
          return false;
        values_[event.id] = table.intern_value(event.spelling == KeyEvent::kSame
                                                   ? whole_.value_name(event.id)
                                                   : trace_.spellings[event.spelling]);
        continue;
      }
      if (event.id >= keys_.size()) return false;
      const Key& key = whole_.key(event.id);
      Key own = key;
      own.period = table.intern_period(whole_.period(key.period));
      Subset items = whole_.subset(key.subset);
      for (SubsetItem& item : items) {
        if (values_[item.value] == kNone) return false;
        item.value = values_[item.value];
      }
      own.subset = table.intern_subset(std::move(items));
      keys_[event.id] = table.intern(own);
    }
    return true;
  }

  // The rest's id of the whole's key `id`; kNone when no file of the rest interned it.
  [[nodiscard]] std::uint32_t key(KeyId id) const { return id < keys_.size() ? keys_[id] : kNone; }

  KeyTable table;

 private:
  const KeyTable& whole_;
  const ResolveTrace& trace_;
  std::vector<SubsetValueId> values_;  // the whole's value id → the rest's
  std::vector<KeyId> keys_;            // the whole's key id → the rest's
};

// The whole's indexes of files, sources and facts → the rest's (kNone: left out).
struct Renumbering {
  std::vector<std::uint32_t> file;
  std::vector<SourceIndex> source;
  std::vector<FactIndex> fact;
};

// Sets `index` to its new value; false when it was left out (or out of range).
[[nodiscard]] bool renumber(std::uint32_t& index, const std::vector<std::uint32_t>& to) {
  if (index >= to.size() || to[index] == kNone) return false;
  index = to[index];
  return true;
}

[[nodiscard]] bool renumber_fact(Fact& fact, const Renumbering& to, const KeyReplay& keys) {
  bool ok = renumber(fact.source, to.source);
  ok = ok && renumber(fact.mark.file, to.file);  // and so its other marks' file
  // As the resolver sets it: only a figure's key is interned (others keep the default).
  if (fact.kind == FactKind::figure) {
    fact.key = keys.key(fact.key);
    ok = ok && fact.key != kNone;
  }
  for (Operand& operand : fact.operands) {
    ok = ok && renumber(operand.mark.file, to.file);
    if (operand.kind == Operand::Kind::key) {
      operand.key = keys.key(operand.key);
      ok = ok && operand.key != kNone;
    }
    if (operand.kind == Operand::Kind::fact) ok = ok && renumber(operand.fact, to.fact);
  }
  if (!fact.accepts().empty()) {
    std::vector<Accept> accepts = fact.accepts();
    for (Accept& accept : accepts) {
      ok = ok && renumber(accept.mark.file, to.file);
      if (accept.with_fact) ok = ok && renumber(*accept.with_fact, to.fact);
    }
    fact.set_accepts(std::move(accepts));
  }
  if (fact.record().kind != RecordKind::none || fact.record().mark != Mark{}) {
    Record record = fact.record();
    ok = ok && renumber(record.mark.file, to.file);
    fact.set_record(std::move(record));
  }
  return ok;
}

[[nodiscard]] Renumbering renumbering(const FactBase& base, const std::vector<bool>& out) {
  Renumbering to;
  to.file.assign(base.files.size(), kNone);
  to.source.assign(base.sources.size(), kNone);
  to.fact.assign(base.facts.size(), kNone);
  if (!base.files.empty()) to.file[0] = 0;  // the vocabulary
  std::uint32_t files = 1;
  SourceIndex sources = 0;
  FactIndex facts = 0;
  for (SourceIndex s = 0; s < base.sources.size(); ++s) {
    if (out[s]) continue;
    const Source& source = base.sources[s];
    if (source.file < to.file.size()) to.file[source.file] = files++;
    to.source[s] = sources++;
    for (const FactIndex f : source.facts)
      if (f < to.fact.size()) to.fact[f] = facts++;
  }
  return to;
}

// Marks the sources left out; false when an index is out of range or the trace does not
// fit the fact base.
[[nodiscard]] bool mark_left_out(const FactBase& base, const ResolveTrace& trace,
                                 std::span<const SourceIndex> left_out, std::vector<bool>& out) {
  const std::size_t n = base.sources.size();
  if (trace.events.size() != 2 * n || trace.refers_to.size() != n || base.files.size() != n + 1)
    return false;
  out.assign(n, false);
  for (const SourceIndex s : left_out) {
    if (s >= n) return false;
    out[s] = true;
  }
  return true;
}

}  // namespace

bool rest_names_left_out(const FactBase& base, const ResolveTrace& trace,
                         std::span<const SourceIndex> left_out) {
  std::vector<bool> out;
  if (!mark_left_out(base, trace, left_out, out)) return false;
  std::unordered_set<std::string_view> left_ids;
  for (SourceIndex s = 0; s < base.sources.size(); ++s)
    if (out[s]) left_ids.insert(base.sources[s].id);
  for (SourceIndex s = 0; s < base.sources.size(); ++s) {
    if (out[s]) continue;
    for (const SourceIndex t : trace.refers_to[s])
      if (t < out.size() && out[t]) return true;
    for (const Upstream& upstream : base.sources[s].based_on)
      if (!upstream.source.empty() && left_ids.contains(upstream.source)) return true;
  }
  return false;
}

std::optional<FactBase> without_sources(const FactBase& base, const ResolveTrace& trace,
                                        std::span<const SourceIndex> left_out) {
  const std::size_t n = base.sources.size();
  std::vector<bool> out;
  if (!mark_left_out(base, trace, left_out, out)) return std::nullopt;
  if (rest_names_left_out(base, trace, left_out)) return std::nullopt;

  KeyReplay keys(base.keys, trace);
  for (std::size_t pass = 0; pass < 2; ++pass) {
    for (SourceIndex s = 0; s < n; ++s)
      if (!out[s] && !keys.replay(trace.events[pass * n + s])) return std::nullopt;
  }
  const Renumbering to = renumbering(base, out);

  FactBase rest;
  rest.root = base.root;
  rest.files.push_back(base.files[0]);
  rest.skipped = base.skipped;
  rest.vocabulary = base.vocabulary;
  rest.intervals = base.intervals;  // the facts copied point into it
  rest.facts.reserve(base.facts.size());
  for (SourceIndex s = 0; s < n; ++s) {
    if (out[s]) continue;
    Source source = base.sources[s];
    rest.files.push_back(base.files[source.file]);
    bool ok = renumber(source.file, to.file) && renumber(source.mark.file, to.file);
    for (Upstream& upstream : source.based_on) ok = ok && renumber(upstream.mark.file, to.file);
    for (FactIndex& f : source.facts) {
      Fact fact = base.facts[f];
      ok = ok && renumber(f, to.fact) && f == rest.facts.size() && renumber_fact(fact, to, keys);
      rest.facts.push_back(std::move(fact));
    }
    if (!ok) return std::nullopt;
    rest.sources.push_back(std::move(source));
  }
  rest.keys = std::move(keys.table);
  rest.index();
  return rest;
}

}  // namespace cc::load
