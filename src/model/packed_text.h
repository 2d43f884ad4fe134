#pragma once
// Text held packed (Zstandard) where it is read rarely: a file's facts' quotes, which
// only the quote check and the reports read, once the file is loaded (docs/ARCHITECTURE.md,
// "Loading and the fact base in memory").

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace cc {

class PackedText {
 public:
  // Packs `text` (std::length_error from 4 GiB on, std::bad_alloc when zstd runs out of
  // memory).
  explicit PackedText(std::string_view text);
  // The text as it was given.
  [[nodiscard]] std::string unpack() const;
  [[nodiscard]] std::size_t size() const { return size_; }  // the text's bytes
  [[nodiscard]] std::size_t packed_size() const { return packed_size_; }

 private:
  std::unique_ptr<unsigned char[]> bytes_;
  std::uint32_t packed_size_ = 0;
  std::uint32_t size_ = 0;
};

}  // namespace cc
