#include "load/resolve.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <latch>
#include <limits>
#include <thread>
#include <unordered_map>
#include <utility>

#include "load/convert.h"
#include "load/upstreams.h"

namespace cc::load {
namespace {

struct FileState {
  const RawFile* raw = nullptr;
  std::uint32_t file = 0;
  SourceIndex source = 0;
  FactIndex first_fact = 0;
  // The file's facts with an id, sorted by id and then by index, so that the first of a
  // duplicate comes first: 4 bytes a fact (a hash map of views was about 50).
  std::vector<FactIndex> ids;
};

// measure, where, when, subset as far as known: where a pattern's missing fields come from.
struct Fill {
  Slot<MeasureId> measure;
  Slot<PlaceId> where;
  Slot<Period> when;
  Slot<Subset> subset;
};

template <typename T>
[[nodiscard]] Slot<T> either(const Slot<T>& own, const Slot<T>& fallback) {
  return own.absent() ? fallback : own;
}

// A field of a fact's LinkKey as a Slot (no position: resolving never reports at one).
template <typename T>
[[nodiscard]] Slot<T> slot_of(SlotState state, T value) {
  Slot<T> slot;
  slot.state = state;
  slot.value = std::move(value);
  return slot;
}

const ClaimLinks kNoClaim;
const RawSubset kNoItems;  // a key or pattern whose subset has no items

// The references and accepts' positions of a fact (none for most).
[[nodiscard]] const ClaimLinks& claim_of(const FactLinks& links) {
  return links.claim ? *links.claim : kNoClaim;
}

class Resolver {
 public:
  Resolver(std::vector<RawFile>& files, FactBase& base, Diagnostics& diagnostics,
           ResolveTrace* trace)
      : files_(files), base_(base), diagnostics_(diagnostics), trace_(trace) {}

  // With `threads` > 1, sorting each file's ids and then the base's index of refs
  // (FactBase::index) run on a thread of their own beside the keys' passes, which read the
  // facts but write what they find apart (figure_keys_, claim_operands_) until that thread
  // is done: no fact is written while it reads them. Then the facts take what was found,
  // and the `based_on` fields (which look sources up in the index) are resolved.
  void run(unsigned threads) {
    std::size_t count = base_.facts.size();
    for (const RawFile& file : files_) count += file.built.size();
    base_.facts.reserve(count);
    for (RawFile& file : files_) add_file(file);
    figure_ok_.assign(base_.facts.size(), 0);
    claim_counts_.assign(base_.facts.size(), 0);
    figure_keys_.assign(base_.facts.size(), 0);
    std::exception_ptr index_failed;
    std::latch ids_sorted(1);
    const auto sort_and_index = [&] {
      try {
        for (FileState& state : states_) sort_ids(state);
      } catch (...) {
        index_failed = std::current_exception();
      }
      ids_sorted.count_down();
      if (index_failed) return;
      try {
        base_.index();
      } catch (...) {
        index_failed = std::current_exception();
      }
    };
    std::jthread indexing;
    if (threads > 1) {
      indexing = std::jthread(sort_and_index);
    } else {
      sort_and_index();
    }
    if (trace_) {
      trace_->events.assign(2 * states_.size(), {});
      trace_->refers_to.assign(states_.size(), {});
      trace_->spellings.clear();
    }
    for (FileState& state : states_) {
      trace_to(0, state);
      resolve_figures(state);
    }
    ids_sorted.wait();
    if (index_failed) {
      if (indexing.joinable()) indexing.join();
      std::rethrow_exception(index_failed);
    }
    for (FileState& state : states_) {
      trace_to(1, state);
      resolve_claims(state);
    }
    events_ = nullptr;
    if (indexing.joinable()) indexing.join();
    if (index_failed) std::rethrow_exception(index_failed);
    take_found();
    resolve_upstreams(files_, base_, diagnostics_);
    find_cycles();
    for (FileState& state : states_) resolve_accepts(state);
  }

  [[nodiscard]] std::vector<bool> counts() const {
    std::vector<bool> out(base_.facts.size(), false);
    for (FactIndex f = 0; f < base_.facts.size(); ++f) {
      const Fact& fact = base_.facts[f];
      if (fact.kind == FactKind::figure) out[f] = figure_ok_[f] != 0 && base_.is_count(fact.key);
      if (fact.kind == FactKind::total || fact.kind == FactKind::difference)
        out[f] = claim_counts_[f] != 0;
    }
    return out;
  }

 private:
  void error(const FileState& state, Pos pos, std::string message, std::string rule) {
    diagnostics_.error(base_.files[state.file], pos.line, pos.column, std::move(message),
                       std::move(rule));
  }

  [[nodiscard]] Mark mark(const FileState& state, Pos pos) const {
    return {state.file, pos.line, pos.column};
  }

  // Sources and facts ------------------------------------------------------------------

  void add_file(RawFile& file) {
    FileState state;
    state.raw = &file;
    state.file = static_cast<std::uint32_t>(base_.files.size());
    base_.files.push_back(file.display);
    state.source = static_cast<SourceIndex>(base_.sources.size());
    state.first_fact = static_cast<FactIndex>(base_.facts.size());
    base_.sources.push_back(make_source(state, file.source));
    check_source_id(state, file.source);
    base_.sources[state.source].facts.reserve(file.built.size());
    for (Fact& fact : file.built) {
      const auto index = static_cast<FactIndex>(base_.facts.size());
      base_.sources[state.source].facts.push_back(index);
      set_file(fact, state.file);
      fact.source = state.source;
      base_.facts.push_back(std::move(fact));
      if (!base_.facts.back().id.empty()) state.ids.push_back(index);
    }
    // The moved-from facts, freed file by file. Not `= {}`: that is the initializer_list
    // assignment, which clears but keeps the capacity (the storage would stay held).
    file.built = std::vector<Fact>();
    states_.push_back(std::move(state));
  }

  // The file's ids sorted (run() sorts them all before the claims look ids up).
  void sort_ids(FileState& state) const {
    std::sort(state.ids.begin(), state.ids.end(), [&](FactIndex a, FactIndex b) {
      const std::string_view x = base_.facts[a].id;
      const std::string_view y = base_.facts[b].id;
      return x != y ? x < y : a < b;
    });
  }

  // The figures' keys and the claims' operands the passes found, into their facts.
  void take_found() {
    for (FactIndex f = 0; f < base_.facts.size(); ++f)
      if (figure_ok_[f] != 0) base_.facts[f].key = figure_keys_[f];
    figure_keys_ = std::vector<KeyId>();
    for (auto& [index, operands] : claim_operands_)
      base_.facts[index].operands = std::move(operands);
    claim_operands_ = std::vector<std::pair<FactIndex, OperandList>>();
  }

  static void set_file(Fact& fact, std::uint32_t file) {
    fact.mark.file = file;  // and so that of its other marks
    if (fact.record().kind != RecordKind::none || fact.record().mark != Mark{}) {
      Record record = fact.record();
      record.mark.file = file;
      fact.set_record(std::move(record));
    }
    if (!fact.accepts().empty()) {
      std::vector<Accept> accepts = fact.accepts();
      for (Accept& accept : accepts) accept.mark.file = file;
      fact.set_accepts(std::move(accepts));
    }
  }

  [[nodiscard]] Source make_source(const FileState& state, RawSource& raw) const {
    Source source;
    source.id = raw.id;
    source.title = raw.title;
    source.publisher = raw.publisher;
    source.published = raw.published;
    source.url = raw.url;
    source.article = raw.article;
    source.article_file = raw.article_file;
    source.texts = std::move(state.raw->texts);
    source.quotes = std::move(state.raw->quotes);
    source.file = state.file;
    source.mark = mark(state, raw.id_pos);
    return source;
  }

  void check_source_id(const FileState& state, const RawSource& raw) {
    if (raw.id.empty()) return;
    const auto [it, inserted] = source_ids_.emplace(raw.id, state.source);
    if (inserted) return;
    const Source& first = base_.sources[it->second];
    error(state, raw.id_pos,
          fmt::format("duplicate source id '{}' (first at {}:{})", raw.id, base_.files[first.file],
                      first.mark.line),
          "duplicate-id");
  }

  // Keys -------------------------------------------------------------------------------

  // The key events of `state`'s file in `pass` go to the trace from here on.
  void trace_to(std::size_t pass, const FileState& state) {
    if (trace_) events_ = &trace_->events[pass * states_.size() + state.source];
  }

  [[nodiscard]] SubsetValueId intern_value(const std::string& value) {
    const SubsetValueId id = base_.keys.intern_value(value);
    if (events_) {
      KeyEvent event{KeyEvent::Kind::value, id};
      if (base_.keys.value_name(id) != value) {
        event.spelling = static_cast<std::uint32_t>(trace_->spellings.size());
        trace_->spellings.push_back(value);
      }
      events_->push_back(event);
    }
    return id;
  }

  [[nodiscard]] Slot<Subset> intern_subset(const Slot<RawSubset>& raw) {
    return intern_subset(raw.state, raw.value, raw.pos);
  }

  [[nodiscard]] Slot<Subset> intern_subset(SlotState state, const RawSubset& items, Pos pos) {
    Slot<Subset> out;
    out.state = state;
    out.pos = pos;
    for (const RawSubsetItem& item : items) {
      out.value.push_back({item.dimension, intern_value(item.value)});
    }
    return out;
  }

  // The fact's own fields, else those of the file's `defaults`.
  [[nodiscard]] Fill own_fill(const FactLinks& fact, const RawFile& file) {
    const LinkKey& key = fact.key;
    Fill fill;
    fill.measure = either(slot_of(key.measure_state, key.measure), file.defaults.measure);
    fill.where = either(slot_of(key.where_state, key.where), file.defaults.where);
    fill.when = either(slot_of(key.when_state, key.when), file.defaults.when);
    fill.subset = key.subset_state == SlotState::absent
                      ? intern_subset(file.defaults.subset)
                      : intern_subset(key.subset_state, fact.subset ? *fact.subset : kNoItems, {});
    return fill;
  }

  [[nodiscard]] Fill key_fill(KeyId id) const {
    const Key& key = base_.keys.key(id);
    Fill fill;
    fill.measure.set(key.measure, {});
    fill.where.set(key.place, {});
    fill.when.set(base_.keys.period(key.period), {});
    fill.subset.set(base_.keys.subset(key.subset), {});
    return fill;
  }

  // A pattern's own fields over `fill`; its subset adds to the fill's.
  [[nodiscard]] Fill apply(const LinkPattern& pattern, const Fill& fill) {
    const LinkKey& key = pattern.key;
    Fill out;
    out.measure = either(slot_of(key.measure_state, key.measure), fill.measure);
    out.where = either(slot_of(key.where_state, key.where), fill.where);
    out.when = either(slot_of(key.when_state, key.when), fill.when);
    out.subset = fill.subset;
    if (key.subset_state == SlotState::absent) return out;
    const Slot<Subset> own = intern_subset(
        key.subset_state, pattern.subset ? *pattern.subset : kNoItems, pattern.subset_pos);
    if (own.bad() || fill.subset.bad()) {
      out.subset.fail(own.pos);
      return out;
    }
    out.subset.state = Slot<Subset>::State::ok;
    for (const SubsetItem& item : own.value) {
      std::erase_if(out.subset.value,
                    [&](const SubsetItem& i) { return i.dimension == item.dimension; });
      out.subset.value.push_back(item);
    }
    return out;
  }

  // The key of a complete fill; nullopt when a field is missing (`missing` names them) or
  // was wrong (already reported).
  [[nodiscard]] std::optional<KeyId> intern(const Fill& fill,
                                            std::vector<std::string_view>& missing) {
    if (fill.measure.absent()) missing.push_back("measure");
    if (fill.where.absent()) missing.push_back("where");
    if (fill.when.absent()) missing.push_back("when");
    if (!missing.empty() || fill.measure.bad() || fill.where.bad() || fill.when.bad() ||
        fill.subset.bad()) {
      return std::nullopt;
    }
    Key key;
    key.measure = fill.measure.value;
    key.place = fill.where.value;
    key.period = base_.keys.intern_period(fill.when.value);
    key.subset = base_.keys.intern_subset(fill.subset.value);
    const KeyId id = base_.keys.intern(key);
    if (events_) events_->push_back({KeyEvent::Kind::key, id});
    return id;
  }

  [[nodiscard]] static std::string quoted_list(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
      out += fmt::format("'{}'", names[i]);
    }
    return out;
  }

  void resolve_figures(FileState& state) {
    const RawFile& file = *state.raw;
    for (std::size_t i = 0; i < file.links.size(); ++i) {
      const FactLinks& raw = file.links[i];
      const FactIndex index = state.first_fact + static_cast<FactIndex>(i);
      if (base_.facts[index].kind != FactKind::figure) continue;
      std::vector<std::string_view> missing;
      const auto key = intern(own_fill(raw, file), missing);
      if (key) {
        figure_keys_[index] = *key;
        figure_ok_[index] = 1;
      } else if (!missing.empty()) {
        error(state, raw.pos,
              fmt::format("the figure has no {}: give it on the fact or in 'defaults'",
                          quoted_list(missing)),
              "missing-field");
      }
    }
  }

  // References -------------------------------------------------------------------------

  [[nodiscard]] std::optional<FactIndex> lookup(const FileState& state, std::string_view text,
                                                Pos pos) {
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos) return lookup_in(state, state, text, pos, "");
    const std::string source_id(text.substr(0, slash));
    const auto source = source_ids_.find(source_id);
    if (source == source_ids_.end()) {
      std::vector<std::string_view> known;
      for (const auto& [id, index] : source_ids_) known.push_back(id);
      std::sort(known.begin(), known.end());
      error(state, pos,
            fmt::format("unknown source '{}' in '{}'{}", source_id, text,
                        did_you_mean(nearest_names(source_id, known))),
            "dangling-ref");
      return std::nullopt;
    }
    const FileState& target = states_[source->second];
    if (trace_ && target.source != state.source) {
      std::vector<SourceIndex>& named = trace_->refers_to[state.source];
      if (std::find(named.begin(), named.end(), target.source) == named.end())
        named.push_back(target.source);
    }
    return lookup_in(state, target, text.substr(slash + 1), pos, source_id);
  }

  [[nodiscard]] std::optional<FactIndex> lookup_in(const FileState& from, const FileState& target,
                                                   std::string_view id, Pos pos,
                                                   std::string_view source_id) {
    const auto it = std::lower_bound(
        target.ids.begin(), target.ids.end(), id,
        [&](FactIndex f, std::string_view wanted) { return base_.facts[f].id < wanted; });
    if (it != target.ids.end() && base_.facts[*it].id == id) return *it;
    std::vector<std::string_view> known;  // sorted, each once
    for (const FactIndex f : target.ids)
      if (known.empty() || known.back() != base_.facts[f].id) known.push_back(base_.facts[f].id);
    const std::string where =
        source_id.empty() ? "in this file" : fmt::format("in source '{}'", source_id);
    error(from, pos,
          fmt::format("unknown fact '{}' {}{}", id, where, did_you_mean(nearest_names(id, known))),
          "dangling-ref");
    return std::nullopt;
  }

  // A reference by id: the figure's key, or the relation claim itself.
  [[nodiscard]] std::optional<Operand> operand_for(const FileState& state, FactIndex self,
                                                   const LinkRef& ref) {
    const auto target = lookup(state, ref.text(), ref.pos);
    if (!target) return std::nullopt;
    if (*target == self) {
      error(state, ref.pos, fmt::format("the fact '{}' refers to itself", ref.text()), "cycle");
      return std::nullopt;
    }
    Operand operand;
    operand.mark = mark(state, ref.pos);
    if (base_.facts[*target].kind != FactKind::figure) {
      operand.kind = Operand::Kind::fact;
      operand.fact = *target;
      return operand;
    }
    if (figure_ok_[*target] == 0) return std::nullopt;  // its own error is reported
    operand.kind = Operand::Kind::key;
    operand.key = figure_keys_[*target];
    return operand;
  }

  [[nodiscard]] std::optional<Operand> pattern_operand(const FileState& state, const LinkRef& ref,
                                                       const Fill& fill, bool has_anchor) {
    std::vector<std::string_view> missing;
    const auto key = intern(apply(*ref.pattern, fill), missing);
    if (!missing.empty()) {
      error(state, ref.pos,
            fmt::format("the pattern names no quantity: no {} in it, {}the fact or 'defaults'",
                        quoted_list(missing), has_anchor ? "its anchor, " : ""),
            "missing-field");
    }
    if (!key) return std::nullopt;
    Operand operand;
    operand.kind = Operand::Kind::key;
    operand.key = *key;
    operand.mark = mark(state, ref.pos);
    return operand;
  }

  void resolve_claims(FileState& state) {
    const RawFile& file = *state.raw;
    for (std::size_t i = 0; i < file.links.size(); ++i) {
      const FactLinks& raw = file.links[i];
      const FactIndex index = state.first_fact + static_cast<FactIndex>(i);
      if (base_.facts[index].kind == FactKind::figure || !raw.relation_ok) continue;
      resolve_claim(state, raw, index);
    }
  }

  void resolve_claim(const FileState& state, const FactLinks& links, FactIndex index) {
    const Fill own = own_fill(links, *state.raw);
    const ClaimLinks& raw = claim_of(links);
    const bool has_anchor = raw.anchor >= 0;
    std::vector<std::optional<Operand>> operands(raw.refs.size());
    std::optional<Fill> anchor_fill;  // set when the anchor names a key
    std::string anchor_claim;         // set when the anchor is a relation claim
    if (has_anchor) {
      const auto a = static_cast<std::size_t>(raw.anchor);
      operands[a] = resolve_ref(state, index, raw.refs[a], own, false);
      if (operands[a] && operands[a]->kind == Operand::Kind::key)
        anchor_fill = key_fill(operands[a]->key);
      if (operands[a] && operands[a]->kind == Operand::Kind::fact)
        anchor_claim = raw.refs[a].text();
    }
    for (std::size_t r = 0; r < raw.refs.size(); ++r) {
      if (has_anchor && r == static_cast<std::size_t>(raw.anchor)) continue;
      const LinkRef& ref = raw.refs[r];
      if (ref.kind == RawRef::Kind::pattern && has_anchor && !anchor_fill) {
        if (!anchor_claim.empty()) {
          error(
              state, ref.pos,
              fmt::format(
                  "a key pattern takes its missing fields from its anchor, but '{}' is a relation "
                  "claim, not a figure: name the quantity by a figure's id",
                  anchor_claim),
              "relation");
        }
        continue;
      }
      operands[r] = resolve_ref(state, index, ref, anchor_fill ? *anchor_fill : own, has_anchor);
    }
    const Fact& fact = base_.facts[index];
    const bool all_counts =
        std::all_of(operands.begin(), operands.end(), [&](const std::optional<Operand>& o) {
          return o && o->kind == Operand::Kind::key && base_.is_count(o->key);
        });
    if (fact.kind == FactKind::total && !operands.empty() && all_counts) claim_counts_[index] = 1;
    if (fact.kind == FactKind::difference && !fact.per && all_counts) claim_counts_[index] = 1;
    check_time_operands(state, fact, raw, operands);
    OperandList list;
    list.reserve(operands.size());
    for (std::size_t r = 0; r < operands.size(); ++r) {
      Operand operand = operands[r].value_or(Operand{});
      if (!operands[r]) operand.mark = mark(state, raw.refs[r].pos);
      if (raw.refs[r].kind == RawRef::Kind::absent) {
        operand.kind = Operand::Kind::anonymous;
        operand.mark = fact.relation_mark();
      }
      list.push_back(std::move(operand));
    }
    claim_operands_.emplace_back(index, std::move(list));
  }

  // A rate's `of` and the operands of a difference with `per` are divided by the length
  // of their period, so they must be keys. A rate of a difference is written as the
  // difference with `per` (FORMAT §4).
  void check_time_operands(const FileState& state, const Fact& raw, const ClaimLinks& links,
                           const std::vector<std::optional<Operand>>& operands) {
    const bool per_difference = raw.kind == FactKind::difference && raw.per;
    if (raw.kind != FactKind::rate && !per_difference) return;
    for (std::size_t r = 0; r < operands.size(); ++r) {
      if (!operands[r] || operands[r]->kind != Operand::Kind::fact) continue;
      const Fact& target = base_.facts[operands[r]->fact];
      if (raw.kind == FactKind::rate && target.kind == FactKind::difference) {
        error(state, links.refs[r].pos,
              fmt::format("a rate of a difference is written as the difference itself with "
                          "'per: {}' ('{}' is a difference)",
                          time_unit_name(raw.unit), links.refs[r].text()),
              "relation");
      } else if (per_difference) {
        error(state, links.refs[r].pos,
              fmt::format("a difference with 'per' divides each figure by the length of its "
                          "period: name a figure or a key pattern, not the {} '{}'",
                          fact_kind_name(target.kind), links.refs[r].text()),
              "relation");
      }
    }
  }

  [[nodiscard]] std::optional<Operand> resolve_ref(const FileState& state, FactIndex self,
                                                   const LinkRef& ref, const Fill& fill,
                                                   bool has_anchor) {
    switch (ref.kind) {
      case RawRef::Kind::id:
        return operand_for(state, self, ref);
      case RawRef::Kind::pattern:
        return pattern_operand(state, ref, fill, has_anchor);
      case RawRef::Kind::absent:
      case RawRef::Kind::bad:
        return std::nullopt;
    }
    return std::nullopt;
  }

  // Cycles of relation claims ----------------------------------------------------------

  [[nodiscard]] std::vector<FactIndex> claims_named_by(FactIndex fact) const {
    std::vector<FactIndex> out;
    for (const Operand& operand : base_.facts[fact].operands) {
      if (operand.kind == Operand::Kind::fact) out.push_back(operand.fact);
    }
    return out;
  }

  // One error per set of claims that depend on each other (a strongly connected
  // component, Tarjan's algorithm without recursion), at its first fact.
  void find_cycles() {
    const std::size_t count = base_.facts.size();
    constexpr std::uint32_t kUnseen = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> order(count, kUnseen);
    std::vector<std::uint32_t> low(count, 0);
    std::vector<bool> on_stack(count, false);
    std::vector<FactIndex> stack;
    std::uint32_t counter = 0;
    for (FactIndex root = 0; root < count; ++root) {
      if (order[root] != kUnseen || base_.facts[root].kind == FactKind::figure) continue;
      std::vector<std::pair<FactIndex, std::size_t>> calls = {{root, 0}};
      order[root] = low[root] = counter++;
      stack.push_back(root);
      on_stack[root] = true;
      while (!calls.empty()) {
        const FactIndex at = calls.back().first;
        const std::vector<FactIndex> next = claims_named_by(at);
        if (calls.back().second < next.size()) {
          const FactIndex to = next[calls.back().second++];
          if (order[to] == kUnseen) {
            order[to] = low[to] = counter++;
            stack.push_back(to);
            on_stack[to] = true;
            calls.emplace_back(to, 0);
          } else if (on_stack[to]) {
            low[at] = std::min(low[at], order[to]);
          }
          continue;
        }
        calls.pop_back();
        if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[at]);
        if (low[at] != order[at]) continue;
        std::vector<FactIndex> component;
        FactIndex member = 0;
        do {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = false;
          component.push_back(member);
        } while (member != at);
        if (component.size() > 1) report_cycle(component);
      }
    }
  }

  // "a/v → a/u → a/v": the shortest way round from the component's first fact.
  void report_cycle(std::vector<FactIndex> component) {
    std::sort(component.begin(), component.end());
    const FactIndex first = component.front();
    std::unordered_map<FactIndex, FactIndex> came_from;
    std::vector<FactIndex> queue = {first};
    for (std::size_t q = 0; q < queue.size(); ++q) {
      for (const FactIndex to : claims_named_by(queue[q])) {
        if (!std::binary_search(component.begin(), component.end(), to) || came_from.contains(to))
          continue;
        came_from.emplace(to, queue[q]);
        if (to != first) queue.push_back(to);
      }
    }
    std::vector<std::string> path = {base_.ref(first)};
    for (FactIndex at = came_from.at(first); at != first; at = came_from.at(at))
      path.push_back(base_.ref(at));
    path.push_back(base_.ref(first));
    std::reverse(path.begin(), path.end());
    const Fact& fact = base_.facts[first];
    diagnostics_.error(base_.files[fact.mark.file], fact.mark.line, fact.mark.column,
                       fmt::format("a cycle of relation claims: {}", fmt::join(path, " → ")),
                       "cycle");
  }

  // Accepts ----------------------------------------------------------------------------

  void resolve_accepts(FileState& state) {
    const RawFile& file = *state.raw;
    for (std::size_t i = 0; i < file.links.size(); ++i) {
      Fact& fact = base_.facts[state.first_fact + i];
      if (fact.accepts().empty()) continue;
      std::vector<Accept> accepts = fact.accepts();
      for (std::size_t a = 0; a < accepts.size(); ++a) {
        Accept& accept = accepts[a];
        if (!accept.with.empty())
          accept.with_fact = lookup(state, accept.with, claim_of(file.links[i]).accept_with[a]);
      }
      fact.set_accepts(std::move(accepts));
    }
  }

  std::vector<RawFile>& files_;
  FactBase& base_;
  Diagnostics& diagnostics_;
  ResolveTrace* trace_ = nullptr;
  std::vector<KeyEvent>* events_ = nullptr;  // where the key events go now, when traced
  std::vector<FileState> states_;
  std::unordered_map<std::string, SourceIndex> source_ids_;  // the first source with each id
  std::vector<char> figure_ok_;                              // by fact: a figure whose key is known
  std::vector<char> claim_counts_;  // by fact: a total or difference of counts only
  // What the keys' passes found, until take_found() gives it to the facts: by fact, a
  // figure's key (where figure_ok_); the operands of each claim resolved.
  std::vector<KeyId> figure_keys_;
  std::vector<std::pair<FactIndex, OperandList>> claim_operands_;
};

// The bytes of a file's facts' strings (quote, id, written value, note), copied into one buffer
// that the facts view.
class FileTexts {
 public:
  explicit FileTexts(std::size_t bytes) : texts_(new char[std::max<std::size_t>(bytes, 1)]) {}
  [[nodiscard]] std::string_view keep(std::string_view text) {
    std::copy(text.begin(), text.end(), texts_.get() + at_);
    const std::string_view kept(texts_.get() + at_, text.size());
    at_ += text.size();
    return kept;
  }
  [[nodiscard]] std::shared_ptr<const char[]> buffer() const { return texts_; }

 private:
  std::shared_ptr<char[]> texts_;
  std::size_t at_ = 0;
};

[[nodiscard]] std::size_t text_bytes(const RawFact& raw) {
  return raw.id.size() + raw.note.size() + (raw.value ? raw.value->text.size() : 0);
}

// The fact as the FactBase holds it: its strings kept in `texts` (its quote is packed apart,
// build_facts), its value moved out of `raw`.
[[nodiscard]] Fact make_fact(RawFact& raw, FileTexts& texts, IntervalPool& intervals) {
  const auto mark = [](Pos pos) { return Mark{0, pos.line, pos.column}; };
  Fact fact;
  fact.id = texts.keep(raw.id);
  fact.set_quote_size(raw.quote.size());
  fact.mark = mark(raw.pos);
  fact.set_quote_mark(mark(raw.quote_pos));
  fact.set_value_mark(raw.value ? mark(raw.value->pos) : fact.mark);
  // The written value views the file's buffer too (the parsed value views the raw text).
  const std::string_view written = raw.value ? texts.keep(raw.value->text) : std::string_view();
  if (raw.parsed) {
    fact.value = FactValue(std::move(*raw.parsed), intervals);
    fact.value.written = same_part(fact.value.written, raw.value->text, written);
  } else if (raw.value) {
    fact.value.written = written;
  }
  fact.kind = raw.kind;
  fact.set_relation_mark(mark(raw.relation_pos));
  fact.direction = raw.direction;
  fact.unit = raw.unit;
  fact.per = raw.per;
  fact.exact = raw.exact;
  fact.quote_in_article = raw.quote_in_article;
  fact.set_note(texts.keep(raw.note));
  RawRecord& r = raw.record;
  fact.set_record({r.kind, r.over, r.rank, r.since, r.records_began, r.same_time_of_year,
                   std::move(r.first_time_above), std::move(r.first_time_below), mark(r.pos)});
  // One reading is the value's interval itself: only the two of a hedge are kept.
  if (fact.value.readings.size() < 2) fact.value.readings.clear();  // freed
  std::vector<Accept> accepts;
  accepts.reserve(raw.accepts.size());
  for (RawAccept& accept : raw.accepts) {
    accepts.push_back({std::move(accept.rule), std::move(accept.with), std::nullopt,
                       std::move(accept.reason), mark(accept.pos)});
  }
  fact.set_accepts(std::move(accepts));
  return fact;
}

[[nodiscard]] LinkKey make_link_key(const RawKey& raw) {
  LinkKey key;
  key.measure = raw.measure.value;
  key.measure_state = raw.measure.state;
  key.where = raw.where.value;
  key.where_state = raw.where.state;
  key.when = raw.when.value;
  key.when_state = raw.when.state;
  key.subset_state = raw.subset.state;
  return key;
}

// The bytes of a file's references by id, which its links view (RawFile::link_texts).
[[nodiscard]] std::size_t link_text_bytes(const RawFact& raw) {
  std::size_t bytes = 0;
  for (const RawRef& ref : raw.refs)
    if (ref.kind == RawRef::Kind::id) bytes += ref.text.size();
  return bytes;
}

[[nodiscard]] LinkRef make_link_ref(RawRef& raw, char*& texts) {
  LinkRef ref;
  ref.kind = raw.kind;
  ref.pos = raw.pos;
  if (raw.kind == RawRef::Kind::id) {
    std::copy(raw.text.begin(), raw.text.end(), texts);
    ref.text_data = texts;
    ref.text_size = static_cast<std::uint32_t>(raw.text.size());
    texts += raw.text.size();
  }
  if (raw.kind == RawRef::Kind::pattern && raw.pattern) {
    auto pattern = std::make_unique<LinkPattern>();
    pattern->key = make_link_key(*raw.pattern);
    pattern->subset_pos = raw.pattern->subset.pos;
    if (!raw.pattern->subset.value.empty())
      pattern->subset = std::make_unique<const RawSubset>(raw.pattern->subset.value);
    ref.pattern = std::move(pattern);
  }
  return ref;
}

[[nodiscard]] FactLinks make_links(RawFact& raw, char*& link_texts) {
  FactLinks links;
  links.pos = raw.pos;
  links.key = make_link_key(raw.key);
  // The items whatever the state: resolving interns the values of those it has.
  if (!raw.key.subset.value.empty())
    links.subset = std::make_unique<const RawSubset>(std::move(raw.key.subset.value));
  links.relation_ok = raw.relation_ok;
  if ((raw.kind == FactKind::total || raw.kind == FactKind::difference) && raw.value) {
    links.value = std::make_unique<const ClaimValue>(
        ClaimValue{std::move(*raw.value), std::move(raw.precision)});
  }
  if (!raw.refs.empty() || !raw.accepts.empty() || raw.anchor >= 0) {
    auto claim = std::make_unique<ClaimLinks>();
    claim->refs.reserve(raw.refs.size());
    for (RawRef& ref : raw.refs) claim->refs.push_back(make_link_ref(ref, link_texts));
    claim->anchor = raw.anchor;
    claim->accept_with.reserve(raw.accepts.size());
    for (const RawAccept& accept : raw.accepts) claim->accept_with.push_back(accept.with_pos);
    links.claim = std::move(claim);
  }
  return links;
}

}  // namespace

void build_facts(RawFile& file, IntervalPool& intervals) {
  std::size_t bytes = 0;
  std::size_t link_bytes = 0;
  std::size_t quote_bytes = 0;
  for (const RawFact& raw : file.facts) {
    bytes += text_bytes(raw);
    quote_bytes += raw.quote.size();
    link_bytes += link_text_bytes(raw);
  }
  FileTexts texts(bytes);
  // The quotes, one after another in the facts' order, packed: only the quote check and the
  // reports read them, a few facts' at a time (FactBase::quote).
  std::string quotes;
  quotes.reserve(quote_bytes);
  for (const RawFact& raw : file.facts) quotes += raw.quote;
  file.quotes = quotes.empty() ? nullptr : std::make_shared<const PackedText>(quotes);
  quotes = std::string();
  file.link_texts = link_bytes > 0 ? std::make_unique_for_overwrite<char[]>(link_bytes) : nullptr;
  char* link_texts = file.link_texts.get();
  file.built.reserve(file.facts.size());
  file.links.reserve(file.facts.size());
  while (!file.facts.empty()) {  // each raw fact freed as soon as it is built
    RawFact& raw = file.facts.front();
    file.built.push_back(
        make_fact(raw, texts, intervals));  // copies the written value make_links moves
    file.links.push_back(make_links(raw, link_texts));
    file.facts.pop_front();
  }
  file.facts = std::deque<RawFact>();
  file.texts = texts.buffer();
}

std::vector<bool> resolve(std::vector<RawFile>& files, FactBase& base, Diagnostics& diagnostics,
                          ResolveTrace* trace, unsigned threads) {
  Resolver resolver(files, base, diagnostics, trace);
  resolver.run(threads);
  return resolver.counts();
}

}  // namespace cc::load
