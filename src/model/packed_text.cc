#include "model/packed_text.h"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <new>
#include <stdexcept>
#include <vector>

namespace cc {
namespace {

// Deflate's fastest level: on quotes it packs the text 2 to 5 times (more in a large file
// of like sentences), at about 150 MB/s, where the default level (6) packs a third more
// for two and a half times the time (bench/RESULTS.md, the twelfth pass).
constexpr int kLevel = 1;

}  // namespace

PackedText::PackedText(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("a text of 4 GiB or more to pack");
  size_ = static_cast<std::uint32_t>(text.size());
  if (text.empty()) return;
  uLongf packed = compressBound(static_cast<uLong>(text.size()));
  std::vector<unsigned char> out(packed);
  const int status = compress2(out.data(), &packed, reinterpret_cast<const Bytef*>(text.data()),
                               static_cast<uLong>(text.size()), kLevel);
  if (status == Z_MEM_ERROR) throw std::bad_alloc();
  if (status != Z_OK) throw std::runtime_error("zlib could not pack a text");
  // Held in a block of its own size, not the bound's.
  bytes_ = std::make_unique_for_overwrite<unsigned char[]>(packed);
  std::copy_n(out.data(), packed, bytes_.get());
  packed_size_ = static_cast<std::uint32_t>(packed);
}

std::string PackedText::unpack() const {
  std::string text(size_, '\0');
  if (size_ == 0) return text;
  uLongf size = size_;
  const int status =
      uncompress(reinterpret_cast<Bytef*>(text.data()), &size, bytes_.get(), packed_size_);
  if (status == Z_MEM_ERROR) throw std::bad_alloc();
  if (status != Z_OK || size != size_) throw std::logic_error("a packed text that does not unpack");
  return text;
}

}  // namespace cc
