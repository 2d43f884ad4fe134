#pragma once
// XXH3-128 (libxxhash) for check --draft's cache: its key, its checksum and the hashes of
// its components (cli/rest_cache.h, cli/rest_cache_outcomes.h).

#include <xxhash.h>

#include <fmt/format.h>

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>

namespace cc::cli {

// 32 hex digits.
[[nodiscard]] inline std::string hex(XXH128_hash_t hash) {
  return fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
}

// XXH3-128 over length-prefixed fields: no two lists of fields hash the same bytes.
class Digest {
 public:
  Digest() : state_(XXH3_createState(), &XXH3_freeState) {
    if (!state_) throw std::bad_alloc();
    reset();
  }
  void reset() { XXH3_128bits_reset(state_.get()); }
  // A field: its length, then its bytes.
  void add(std::string_view bytes) {
    add_size(bytes.size());
    update(bytes);
  }
  // A field's length, its bytes given in parts by `update` (a file read in blocks).
  void add_size(std::uint64_t size) { XXH3_128bits_update(state_.get(), &size, sizeof size); }
  void update(std::string_view bytes) {
    XXH3_128bits_update(state_.get(), bytes.data(), bytes.size());
  }
  [[nodiscard]] std::string hex() const { return cli::hex(XXH3_128bits_digest(state_.get())); }

 private:
  std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> state_;
};

}  // namespace cc::cli
