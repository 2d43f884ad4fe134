#include "model/packed_text.h"

#include <fmt/format.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <algorithm>
#include <limits>
#include <new>
#include <stdexcept>
#include <vector>

namespace cc {
namespace {

// Zstandard's level 1: on the bench's quotes it packs the text five times at about 330 MB/s
// and unpacks it at about 800 MB/s, where deflate's fastest level left 9% more bytes, at
// 160 MB/s, and unpacked at 320 MB/s (bench/RESULTS.md, the fifteenth pass).
constexpr int kLevel = 1;

}  // namespace

PackedText::PackedText(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("a text of 4 GiB or more to pack");
  size_ = static_cast<std::uint32_t>(text.size());
  if (text.empty()) return;
  std::vector<unsigned char> out(ZSTD_compressBound(text.size()));
  const std::size_t packed =
      ZSTD_compress(out.data(), out.size(), text.data(), text.size(), kLevel);
  if (ZSTD_isError(packed) != 0) {
    if (ZSTD_getErrorCode(packed) == ZSTD_error_memory_allocation) throw std::bad_alloc();
    throw std::runtime_error(
        fmt::format("zstd could not pack a text: {}", ZSTD_getErrorName(packed)));
  }
  // Held in a block of its own size, not the bound's.
  bytes_ = std::make_unique_for_overwrite<unsigned char[]>(packed);
  std::copy_n(out.data(), packed, bytes_.get());
  packed_size_ = static_cast<std::uint32_t>(packed);
}

std::string PackedText::unpack() const {
  std::string text(size_, '\0');
  if (size_ == 0) return text;
  const std::size_t size = ZSTD_decompress(text.data(), text.size(), bytes_.get(), packed_size_);
  if (ZSTD_isError(size) != 0 && ZSTD_getErrorCode(size) == ZSTD_error_memory_allocation)
    throw std::bad_alloc();
  if (ZSTD_isError(size) != 0 || size != size_)
    throw std::logic_error("a packed text that does not unpack");
  return text;
}

}  // namespace cc
