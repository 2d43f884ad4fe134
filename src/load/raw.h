#pragma once
// A fact file as read, before references are resolved and keys interned: what each file
// yields on its own (parsed in parallel), with positions instead of marks. Names are
// already looked up in the vocabulary and periods parsed; only what needs other files
// (references, key interning, values that depend on them) is left to resolve.

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/text.h"
#include "model/diagnostic.h"
#include "model/fact.h"

namespace cc::load {

// A field that may be absent, present and understood, or present and wrong (reported:
// nothing that depends on it is reported again).
enum class SlotState : std::uint8_t { absent, ok, bad };

template <typename T>
struct Slot {
  using State = SlotState;
  State state = State::absent;
  T value{};
  Pos pos;
  [[nodiscard]] bool absent() const { return state == State::absent; }
  [[nodiscard]] bool ok() const { return state == State::ok; }
  [[nodiscard]] bool bad() const { return state == State::bad; }
  void set(T v, Pos p) {
    state = State::ok;
    value = std::move(v);
    pos = p;
  }
  void fail(Pos p) {
    state = State::bad;
    pos = p;
  }
};

struct RawSubsetItem {
  DimensionId dimension = 0;
  std::string value;  // the declared spelling when the dimension lists its values
  Pos pos;
};
using RawSubset = std::vector<RawSubsetItem>;

// measure, where, when, subset: of a fact, of `defaults`, or of a key pattern.
struct RawKey {
  Slot<MeasureId> measure;
  Slot<PlaceId> where;
  Slot<Period> when;
  Slot<RawSubset> subset;
};

// 64 bytes: a key pattern's fields (96 bytes) are held apart, by the few references that
// are patterns, until the references are resolved.
struct RawRef {
  enum class Kind : std::uint8_t { absent, bad, id, pattern };
  Kind kind = Kind::absent;
  std::string text;  // as written: "offences-2023-24", "{when: 2017-18}"
  Pos pos;
  std::shared_ptr<const RawKey> pattern;  // Kind::pattern: its fields
};

// A scalar whose text is parsed later, with what is needed to point at a column in it.
struct ScalarText {
  std::string text;
  Pos pos;
  bool quoted = false;
  bool verbatim = false;
};

struct RawRecord {
  RecordKind kind = RecordKind::none;
  RecordOver over = RecordOver::level;
  unsigned rank = 1;
  std::optional<Period> since;
  std::optional<Period> records_began;
  bool same_time_of_year = false;
  std::optional<Rational> first_time_above;
  std::optional<Rational> first_time_below;
  Pos pos;
};

struct RawAccept {
  std::string rule;
  std::string with;
  Pos with_pos;
  std::string reason;
  Pos pos;
};

struct RawFact {
  std::string id;
  Pos pos;  // the id's value, else the fact's mapping
  std::string quote;
  Pos quote_pos;
  bool quote_in_article = true;  // match_quotes(): found in the source's article, if it has one
  std::optional<ScalarText> value;
  std::optional<Value> parsed;  // the value read, once its context is known
  RawKey key;
  FactKind kind = FactKind::figure;
  Pos relation_pos;
  bool relation_ok = true;
  std::vector<RawRef> refs;  // in Fact::operands order
  int anchor = -1;           // index into refs of the anchor for patterns, -1: none
  Direction direction = Direction::rise;
  TimeUnit unit = TimeUnit::day;
  bool per = false;  // a difference with `per`
  bool exact = false;
  std::optional<Rational> precision;
  std::string note;
  RawRecord record;
  std::vector<RawAccept> accepts;
};

// One entry of the source's `based_on`: `{source: ID}` or `{publisher: NAME, published: DATE}`.
struct RawUpstream {
  std::string source;  // a source id, resolved once every file is read
  Pos source_pos;      // the id's value
  std::string publisher;
  std::string published;
  Pos pos;  // the entry
};

struct RawSource {
  bool present = false;
  std::string id;
  Pos id_pos;
  std::string title;
  std::string publisher;
  std::string published;
  std::string url;
  std::string article;
  Pos article_pos;
  std::string article_file;  // display path, once read
  std::string article_text;
  std::vector<RawUpstream> based_on;  // the entries read whole (a faulty one is reported, left out)
  Pos pos;
};

// The value of a total or a difference, read once its references tell whether it is a count.
struct ClaimValue {
  ScalarText text;
  std::optional<Rational> precision;
};

// A fact's own key fields as resolving reads them (20 bytes; a RawKey is 96): each field's
// state and value, without the positions (resolving reports at the fact's id or at a
// reference, never at a key field). A subset's items, rare, are FactLinks::subset.
struct LinkKey {
  MeasureId measure = 0;
  PlaceId where = 0;
  Period when;
  SlotState measure_state = SlotState::absent;
  SlotState where_state = SlotState::absent;
  SlotState when_state = SlotState::absent;
  SlotState subset_state = SlotState::absent;
};

// A key pattern's fields as resolving reads them: their states and values without the
// positions (as LinkKey), and its subset's items, if it has any. 40 bytes where a RawKey,
// held behind a shared_ptr, made a heap block of 112.
struct LinkPattern {
  LinkKey key;
  Pos subset_pos;
  std::unique_ptr<const RawSubset> subset;
};

// A reference as resolving reads it (32 bytes; a RawRef is 64, with a heap block for a
// text past 15 bytes and one of 112 for a pattern). An id's text is a view of its file's
// `RawFile::link_texts`, which lives as long as the links; a pattern keeps its fields, not
// its text, which nothing reads once the file is read.
struct LinkRef {
  RawRef::Kind kind = RawRef::Kind::absent;
  Pos pos;
  std::uint32_t text_size = 0;
  const char* text_data = nullptr;
  std::unique_ptr<const LinkPattern> pattern;  // Kind::pattern only
  [[nodiscard]] std::string_view text() const { return {text_data, text_size}; }
};

// What resolving a relation claim (or a fact with accepts) needs besides its key: the
// references as written and where each accept's `with` is written. Most facts are figures
// without accepts and have none.
struct ClaimLinks {
  std::vector<LinkRef> refs;     // in Fact::operands order, reserved to their number
  int anchor = -1;               // index into refs of the anchor for patterns, -1: none
  std::vector<Pos> accept_with;  // per accept: where its `with` is written
};

// What resolving a fact still needs once its Fact is built: the key fields, the
// references as written, and (for totals and differences) the value text, read once the
// references tell whether it is a count. Kept beside the file's facts until resolved;
// 56 bytes a fact (184 when each held a RawKey and three vectors), since at the load's
// peak every fact's links are held at once.
struct FactLinks {
  Pos pos;  // the fact's id
  LinkKey key;
  bool relation_ok = true;
  std::unique_ptr<const RawSubset> subset;  // the items of its own subset, if it has any
  std::unique_ptr<const ClaimValue> value;  // totals and differences with a value only
  std::unique_ptr<const ClaimLinks> claim;  // references or accepts only
};

struct RawFile {
  RawFile() = default;
  RawFile(RawFile&&) = default;
  RawFile& operator=(RawFile&&) = default;
  RawFile(const RawFile&) = delete;  // moved, never copied (its links own their parts)
  RawFile& operator=(const RawFile&) = delete;
  ~RawFile() = default;

  std::string name;      // "lbc.yaml"
  std::string display;   // "facts/lbc.yaml"
  bool read = false;     // false: unreadable, its errors are reported, nothing else is kept
  bool skipped = false;  // neither `source` nor `facts` at the top level
  RawSource source;
  RawKey defaults;
  std::deque<RawFact> facts;  // a deque: no copy of them all as the file grows
  // build_facts() turns `facts` into these (and empties it), in the loader's thread: the
  // facts as the FactBase holds them (marks on file 0 until resolved) and their links.
  std::vector<Fact> built;
  std::vector<FactLinks> links;
  std::shared_ptr<const char[]> texts;       // the bytes the built facts' strings view
  std::shared_ptr<const PackedText> quotes;  // the built facts' quotes, packed (Source::quotes)
  std::unique_ptr<char[]> link_texts;        // the bytes the links' references view
  Diagnostics diagnostics;
};

}  // namespace cc::load
