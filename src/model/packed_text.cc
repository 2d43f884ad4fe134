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

// A result of zstd's that may be an error: std::bad_alloc when it ran out of memory, else
// `failure` for any other error.
template <class Failure>
std::size_t checked(std::size_t result, const char* failure) {
  if (ZSTD_isError(result) == 0) return result;
  if (ZSTD_getErrorCode(result) == ZSTD_error_memory_allocation) throw std::bad_alloc();
  throw Failure(fmt::format("{}: {}", failure, ZSTD_getErrorName(result)));
}

}  // namespace

PackedText::PackedText(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("a text of 4 GiB or more to pack");
  size_ = static_cast<std::uint32_t>(text.size());
  if (text.empty()) return;
  std::vector<unsigned char> out(ZSTD_compressBound(text.size()));
  const std::size_t packed = checked<std::runtime_error>(
      ZSTD_compress(out.data(), out.size(), text.data(), text.size(), kLevel),
      "zstd could not pack a text");
  // Held in a block of its own size, not the bound's.
  bytes_ = std::make_unique_for_overwrite<unsigned char[]>(packed);
  std::copy_n(out.data(), packed, bytes_.get());
  packed_size_ = static_cast<std::uint32_t>(packed);
}

std::string PackedText::unpack() const {
  std::string text(size_, '\0');
  if (size_ == 0) return text;
  const std::size_t size = checked<std::logic_error>(
      ZSTD_decompress(text.data(), text.size(), bytes_.get(), packed_size_),
      "a packed text that does not unpack");
  if (size != size_) throw std::logic_error("a packed text that does not unpack");
  return text;
}

}  // namespace cc
