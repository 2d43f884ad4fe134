#pragma once
// A YAML reader on libyaml's event parser (yaml_parser_parse, on the bytes in memory). It
// builds a compact tree of its own (nodes in one vector, scalar text in one string) with
// 1-based positions, and refuses what a fact file never needs and an attacker would use:
// anchors and aliases, more than one document, deep nesting, explicit tags. A key given
// twice in one mapping is an error (YAML parsers accept it silently). The elements of one
// top-level sequence (the `facts` of a fact file) can be streamed: each is handed over when
// complete, then dropped, so memory stays that of one fact whatever the size of the file.

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "load/text.h"
#include "model/diagnostic.h"

namespace cc::load {

enum class NodeKind : std::uint8_t { null, scalar, sequence, mapping };

[[nodiscard]] std::string_view node_kind_name(NodeKind kind);  // "a list", "a mapping", …

inline constexpr std::uint32_t kNoNode = std::numeric_limits<std::uint32_t>::max();

struct Node {
  NodeKind kind = NodeKind::null;
  bool quoted = false;    // a scalar written quoted, as a block scalar, or tagged !!str
  bool verbatim = false;  // a one-line scalar whose text is its bytes in the file (after
                          // the opening quote): byte offsets in it map to columns
  Pos pos;
  std::uint32_t text_begin = 0;  // scalar text, in Tree::text_
  std::uint32_t text_size = 0;
  std::uint32_t first_child = kNoNode;  // a mapping's children are key, value, key, value…
  std::uint32_t last_child = kNoNode;
  std::uint32_t next_sibling = kNoNode;
  std::uint32_t size = 0;  // children (2 per pair in a mapping)
};

class Tree;
class ChildRange;

// A view of one node; valid while its tree is (a streamed item: during the callback).
class NodeRef {
 public:
  NodeRef(const Tree* tree, std::uint32_t index) : tree_(tree), index_(index) {}
  [[nodiscard]] NodeKind kind() const { return node().kind; }
  [[nodiscard]] bool is_null() const { return kind() == NodeKind::null; }
  [[nodiscard]] bool is_scalar() const { return kind() == NodeKind::scalar; }
  [[nodiscard]] bool is_sequence() const { return kind() == NodeKind::sequence; }
  [[nodiscard]] bool is_mapping() const { return kind() == NodeKind::mapping; }
  [[nodiscard]] bool quoted() const { return node().quoted; }
  [[nodiscard]] bool verbatim() const { return node().verbatim; }
  [[nodiscard]] Pos pos() const { return node().pos; }
  [[nodiscard]] std::string_view text() const;                    // a scalar's text; "" otherwise
  [[nodiscard]] std::size_t size() const { return node().size; }  // children
  // The children in order (a sequence's elements; a mapping's keys and values alternating).
  [[nodiscard]] std::vector<NodeRef> children() const;
  // The same, walked in place (no list made): for the loops run on every fact.
  [[nodiscard]] ChildRange each_child() const;
  [[nodiscard]] const Node& node() const;
  [[nodiscard]] const Tree* tree() const { return tree_; }
  [[nodiscard]] std::uint32_t index() const { return index_; }

 private:
  const Tree* tree_;
  std::uint32_t index_;
};

class Tree {
 public:
  [[nodiscard]] bool empty() const { return root_ == kNoNode; }  // no document at all
  [[nodiscard]] NodeRef root() const { return {this, root_}; }
  [[nodiscard]] std::size_t node_count() const { return nodes_.size(); }

 private:
  friend class NodeRef;
  friend class TreeBuilder;
  std::vector<Node> nodes_;
  std::string text_;
  std::uint32_t root_ = kNoNode;
};

// A node's children, first to last, each a NodeRef.
class ChildIterator {
 public:
  ChildIterator(const Tree* tree, std::uint32_t at) : tree_(tree), at_(at) {}
  [[nodiscard]] NodeRef operator*() const { return {tree_, at_}; }
  ChildIterator& operator++() {
    at_ = NodeRef(tree_, at_).node().next_sibling;
    return *this;
  }
  [[nodiscard]] bool operator==(const ChildIterator& other) const { return at_ == other.at_; }

 private:
  const Tree* tree_;
  std::uint32_t at_;
};

class ChildRange {
 public:
  ChildRange(const Tree* tree, std::uint32_t first) : tree_(tree), first_(first) {}
  [[nodiscard]] ChildIterator begin() const { return {tree_, first_}; }
  [[nodiscard]] ChildIterator end() const { return {tree_, kNoNode}; }

 private:
  const Tree* tree_;
  std::uint32_t first_;
};

inline const Node& NodeRef::node() const {
  return tree_->nodes_[index_];
}

inline std::string_view NodeRef::text() const {
  const Node& n = node();
  if (n.kind != NodeKind::scalar) return {};
  return {tree_->text_.data() + n.text_begin, n.text_size};
}

inline ChildRange NodeRef::each_child() const {
  return {tree_, node().first_child};
}

struct ReadOptions {
  std::uint32_t max_depth = 64;
  std::string_view stream_key;  // a top-level key whose sequence elements are streamed
};

// Called with each element of the streamed sequence, then the element is dropped.
using ItemHandler = std::function<void(NodeRef item)>;

struct ReadResult {
  Tree tree;
  // false: the file could not be read through (a syntax error, an anchor, deep nesting…);
  // errors that leave the tree whole (a key given twice) are reported with ok true.
  bool ok = false;
  std::size_t streamed = 0;  // elements handed to the item handler
};

// Parses `bytes` (checked as UTF-8 before: see check_utf8). Every problem becomes an
// error on `file` in `diagnostics`; nothing is thrown.
[[nodiscard]] ReadResult read_yaml(std::string_view bytes, const std::string& file,
                                   Diagnostics& diagnostics, const ReadOptions& options = {},
                                   const ItemHandler& on_item = {});

}  // namespace cc::load
