// The draft's rest, cached between runs: see rest_cache.h and docs/REPORTS.md, "The
// draft's cache".
#include "cli/rest_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

#include "cli/digest.h"
#include "cli/rest_cache_outcomes.h"
#include "load/files.h"
#include "model/diagnostic.h"

namespace cc::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "crosscheck rest cache 3";
constexpr std::uintmax_t kMaxCacheBytes = std::uintmax_t{64} * 1024 * 1024;
constexpr std::uintmax_t kMaxInputBytes = std::uintmax_t{256} * 1024 * 1024;  // the loader's
constexpr std::uintmax_t kMaxProgramBytes = std::uintmax_t{2} * 1024 * 1024 * 1024;

// A regular file open for reading, with its size; closed with the object.
class RegularFile {
 public:
  // Opens `path` never blocking (a FIFO is refused, not waited on); nullopt when it cannot
  // be opened, is no regular file or is larger than `max_bytes`. With `Links::refused`, a
  // symbolic link is not followed either (the cache file: what it names is none of ours).
  enum class Links { followed, refused };
  [[nodiscard]] static std::optional<RegularFile> open(const fs::path& path,
                                                       std::uintmax_t max_bytes,
                                                       Links links = Links::followed) {
    const int flags =
        O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (links == Links::refused ? O_NOFOLLOW : 0);
    RegularFile file(::open(path.c_str(), flags));
    if (file.fd_ < 0) return std::nullopt;
    struct stat info {};
    if (::fstat(file.fd_, &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    file.size_ = static_cast<std::uintmax_t>(info.st_size);
    if (file.size_ > max_bytes) return std::nullopt;
    return file;
  }
  RegularFile(RegularFile&& other) noexcept
      : fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;
  RegularFile& operator=(RegularFile&&) = delete;
  ~RegularFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] std::uintmax_t size() const { return size_; }

 private:
  explicit RegularFile(int fd) : fd_(fd) {}
  int fd_ = -1;
  std::uintmax_t size_ = 0;
};

// The cache file's bytes, never blocking and not through a symbolic link, or nullopt.
[[nodiscard]] std::optional<std::string> read_regular(const fs::path& path,
                                                      std::uintmax_t max_bytes) {
  const auto file = RegularFile::open(path, max_bytes, RegularFile::Links::refused);
  if (!file) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(file->size()), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(file->fd(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;  // an error, or shorter than fstat said
    done += static_cast<std::size_t>(n);
  }
  return bytes;
}

// Hashes a regular file's size and bytes, read through `buffer` (reused from file to file:
// no allocation, no page faults for each), never blocking; returns its modification time
// after the read, or nullopt when it is no regular file, larger than `max_bytes`, cannot be
// read, or its size changed while it was read.
[[nodiscard]] std::optional<fs::file_time_type> hash_file(const fs::path& path,
                                                          std::uintmax_t max_bytes, Digest& hash,
                                                          std::string& buffer) {
  const auto file = RegularFile::open(path, max_bytes);
  if (!file) return std::nullopt;
  const std::uintmax_t size = file->size();
  hash.add_size(size);
  buffer.resize(std::size_t{256} * 1024);
  std::uintmax_t done = 0;
  while (true) {
    const ssize_t n = ::read(file->fd(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    if (n == 0) break;
    done += static_cast<std::uintmax_t>(n);
    if (done > size) return std::nullopt;
    hash.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
  if (done != size) return std::nullopt;
  std::error_code ec;
  const fs::file_time_type time = fs::last_write_time(path, ec);  // after the read
  if (ec) return std::nullopt;
  return time;
}

// The program that computes the findings: its version and its executable's bytes (so a
// build from other code never reads another's cache). nullopt when it cannot be read.
[[nodiscard]] const std::optional<std::string>& program_digest() {
  static const std::optional<std::string> digest = []() -> std::optional<std::string> {
    Digest hash;
    std::string buffer;
    if (!hash_file("/proc/self/exe", kMaxProgramBytes, hash, buffer)) return std::nullopt;
    return fmt::format("{} {}", CROSSCHECK_VERSION, hash.hex());
  }();
  return digest;
}

// The engine options that change findings, as text; nullopt when one cannot be put so (a
// test's hook on the solve).
[[nodiscard]] std::optional<std::string> options_text(const EngineOptions& options) {
  if (options.solve.adjust_support) return std::nullopt;
  std::vector<std::string> disabled = options.build.disabled_rules;
  std::sort(disabled.begin(), disabled.end());
  std::string text = fmt::format(
      "events/constraint {} bound bits {} conflicts/component {} diagnosis nodes {} disabled",
      options.solve.limits.events_per_constraint, options.solve.limits.max_bound_bits,
      options.solve.max_conflicts_per_component, options.solve.diagnosis_node_budget);
  for (const std::string& id : disabled) text += " " + id;
  return text;
}

// What the key covers besides the program and the options: the inputs of the check whose
// findings the entry holds (the rest's, or a plain check's whole fact base), relative to
// the fact base folder. Which files were left out is not in it: the same inputs are the
// same check, whoever ran it.
struct Inputs {
  std::vector<std::string> fact_files;  // the top's *.yaml but vocabulary.yaml and those left out
  std::vector<std::string> articles;    // the checked sources', normalized, sorted, unique
};

// The key of `inputs` as they are on disk, each file's time in `stamps`; nullopt when one
// cannot be read or was written after `settled_before`.
[[nodiscard]] std::optional<std::string> key_of(const fs::path& dir, const std::string& options,
                                                const Inputs& inputs,
                                                fs::file_time_type settled_before,
                                                std::vector<RestCache::Stamp>& stamps) {
  const std::optional<std::string>& program = program_digest();
  Digest hash;
  if (!program) return std::nullopt;
  hash.add(kMagic);
  hash.add(*program);
  hash.add(options);
  std::string buffer;
  const auto add_file = [&](std::string_view kind, const std::string& name) {
    const fs::path path = dir / name;
    hash.add(kind);
    hash.add(name);
    const std::optional<fs::file_time_type> time = hash_file(path, kMaxInputBytes, hash, buffer);
    if (!time || *time > settled_before) return false;
    stamps.push_back({path, *time});
    return true;
  };
  if (!add_file("vocabulary", "vocabulary.yaml")) return std::nullopt;
  for (const std::string& name : inputs.fact_files)
    if (!add_file("fact file", name)) return std::nullopt;
  for (const std::string& path : inputs.articles)
    if (!add_file("article", path)) return std::nullopt;
  return hash.hex();
}

[[nodiscard]] std::vector<std::string> sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// The *.yaml files at the top of `dir` that the loader reads (vocabulary.yaml apart), or
// nullopt when the folder cannot be listed.
[[nodiscard]] std::optional<std::vector<std::string>> listing(const fs::path& dir) {
  std::error_code ec;
  load::Folder folder;
  folder.path = dir;
  folder.canonical = fs::canonical(dir, ec);
  if (ec) return std::nullopt;
  folder.display = load::display_root(dir);
  folder.max_file_bytes = kMaxInputBytes;
  std::string error;
  Diagnostics refused;
  std::vector<std::string> names = load::list_fact_files(folder, error, refused);
  if (!error.empty()) return std::nullopt;
  return names;
}

[[nodiscard]] std::vector<std::string> without(const std::vector<std::string>& names,
                                               const std::vector<std::string>& left_out) {
  std::vector<std::string> out;
  std::set_difference(names.begin(), names.end(), left_out.begin(), left_out.end(),
                      std::back_inserter(out));
  return out;
}

[[nodiscard]] std::string file_name(const std::string& display) {
  return fs::path(display).filename().string();
}

// The files of the draft's sources, and the articles of the others.
[[nodiscard]] std::vector<std::string> left_out_of(const FactBase& base,
                                                   const std::vector<SourceIndex>& draft) {
  std::vector<std::string> names;
  for (const SourceIndex s : draft) names.push_back(file_name(base.files[base.sources[s].file]));
  return sorted(std::move(names));
}

[[nodiscard]] std::vector<std::string> articles_of(const FactBase& base,
                                                   const std::vector<SourceIndex>& draft) {
  std::vector<std::string> paths;
  for (SourceIndex s = 0; s < base.sources.size(); ++s) {
    if (std::find(draft.begin(), draft.end(), s) != draft.end()) continue;
    const std::string& article = base.sources[s].article;
    if (!article.empty()) paths.push_back(fs::path(article).lexically_normal().generic_string());
  }
  return sorted(std::move(paths));
}

}  // namespace

// The cache file's content (docs/REPORTS.md, "The draft's cache").
struct CacheEntry {
  std::string key;
  Inputs inputs;
  RestIds ids;
  std::string outcomes;  // the lines of cli/rest_cache_outcomes.h, "" for none
};

namespace {

// A name at the top of the fact base; a relative path inside it; a line's value.
[[nodiscard]] bool plain_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos;
}
[[nodiscard]] bool inside_path(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  const fs::path normal = fs::path(path).lexically_normal();
  return normal.generic_string() == path && *normal.begin() != "..";
}
[[nodiscard]] bool line_value(std::string_view value) {
  return !value.empty() && value.find('\n') == std::string_view::npos &&
         value.find('\0') == std::string_view::npos;
}

[[nodiscard]] std::string render(const CacheEntry& entry) {
  std::string text = fmt::format("{}\nkey {}\n", kMagic, entry.key);
  const auto lines = [&](std::string_view tag, const std::vector<std::string>& values) {
    for (const std::string& value : values) text += fmt::format("{} {}\n", tag, value);
  };
  lines("fact-file", entry.inputs.fact_files);
  lines("article", entry.inputs.articles);
  if (!entry.ids) {
    text += "rest none\n";
  } else {
    text += fmt::format("rest {}\n", entry.ids->size());
    lines("id", sorted({entry.ids->begin(), entry.ids->end()}));
  }
  text += entry.outcomes;
  text += fmt::format("sum {}\n", hex(XXH3_128bits(text.data(), text.size())));
  return text;
}

// The entry `text` holds, or nullopt for anything this program did not write.
[[nodiscard]] std::optional<CacheEntry> parse(std::string_view text) {
  if (text.empty() || text.back() != '\n') return std::nullopt;
  const std::size_t last = text.rfind('\n', text.size() - 2);
  if (last == std::string_view::npos) return std::nullopt;
  std::string_view body = text.substr(0, last + 1);
  if (text.substr(last + 1) != fmt::format("sum {}\n", hex(XXH3_128bits(body.data(), body.size()))))
    return std::nullopt;
  CacheEntry entry;
  // The outcomes' lines, after the ids: read when they are used.
  if (const std::size_t at = body.find("\noutcomes "); at != std::string_view::npos) {
    entry.outcomes = std::string(body.substr(at + 1));
    body = body.substr(0, at + 1);
  }
  std::vector<std::string> ids;
  std::optional<std::size_t> count;
  // The sections in order; each line's tag must be the current one's or a later one's.
  const std::vector<std::string_view> tags = {"key", "fact-file", "article", "rest", "id"};
  std::size_t section = 0;
  std::size_t start = 0;
  bool first = true;
  while (start < body.size()) {
    const std::size_t end = body.find('\n', start);
    const std::string_view line = body.substr(start, end - start);
    start = end + 1;
    if (first) {
      if (line != kMagic) return std::nullopt;
      first = false;
      continue;
    }
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const std::string_view tag = line.substr(0, space);
    const std::string_view value = line.substr(space + 1);
    const auto at = std::find(tags.begin(), tags.end(), tag);
    if (at == tags.end() || !line_value(value)) return std::nullopt;
    const auto now = static_cast<std::size_t>(at - tags.begin());
    // The key first and once, the sections in order, rest once, its ids after it.
    if (now < section || (now == 0) == !entry.key.empty()) return std::nullopt;
    if ((tag == "rest" && count) || (tag == "id" && !count)) return std::nullopt;
    section = now;
    std::string v(value);
    if (tag == "key") {
      entry.key = v;
    } else if (tag == "fact-file") {
      if (!plain_name(v)) return std::nullopt;
      entry.inputs.fact_files.push_back(v);
    } else if (tag == "article") {
      if (!inside_path(v)) return std::nullopt;
      entry.inputs.articles.push_back(v);
    } else if (tag == "rest") {
      if (value == "none") {
        count = 0;
        entry.ids.reset();
      } else {
        std::size_t n = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc() || ptr != value.data() + value.size()) return std::nullopt;
        count = n;
        entry.ids.emplace();
      }
    } else {  // id
      if (!entry.ids) return std::nullopt;
      ids.push_back(v);
    }
  }
  if (!count || (entry.ids && ids.size() != *count)) return std::nullopt;
  if (entry.ids) entry.ids->insert(ids.begin(), ids.end());
  if (entry.ids && entry.ids->size() != *count) return std::nullopt;  // duplicates
  return entry;
}

// Writes `text` to `path` whole or not at all: a temporary file beside it, renamed over it.
void write_whole(const fs::path& path, const std::string& text) {
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string pattern = (parent / (path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) return;
  std::string_view rest = text;
  bool ok = true;
  while (ok && !rest.empty()) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) rest.remove_prefix(static_cast<std::size_t>(n));
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(pattern.c_str(), path.c_str()) != 0) ::unlink(pattern.c_str());
}

}  // namespace

fs::path rest_cache_path(const fs::path& out) {
  const fs::path clean = out.lexically_normal();
  const fs::path name = clean.has_filename() ? clean.filename() : clean.parent_path().filename();
  const fs::path parent = (clean.has_filename() ? clean : clean.parent_path()).parent_path();
  return (parent.empty() ? fs::path(".") : parent) / fmt::format(".{}.rest-cache", name.string());
}

RestCache::RestCache(fs::path dir, fs::path out, DraftArgs args, const EngineOptions& options)
    : dir_(std::move(dir)),
      file_(rest_cache_path(out)),
      args_{sorted(std::move(args.files)), sorted(std::move(args.ids))},
      options_(options_text(options)) {}

bool RestCache::look_up() {
  if (!options_) return false;
  const auto started = fs::file_time_type::clock::now();
  const std::optional<std::string> bytes = read_regular(file_, kMaxCacheBytes);
  if (!bytes) return false;
  std::optional<CacheEntry> entry = parse(*bytes);
  if (!entry) return false;
  Inputs& inputs = entry->inputs;
  if (inputs.fact_files != sorted(inputs.fact_files)) return false;
  // The entry's fact files are the fact base's but some: those the draft's sources must be
  // in (confirmed after the load). A draft named by its files leaves out exactly those.
  const std::optional<std::vector<std::string>> names = listing(dir_);
  if (!names || !std::includes(names->begin(), names->end(), inputs.fact_files.begin(),
                               inputs.fact_files.end())) {
    return false;
  }
  std::vector<std::string> left_out = without(*names, inputs.fact_files);
  if (left_out.empty() || (args_.ids.empty() && left_out != args_.files)) return false;
  std::vector<Stamp> stamps;
  if (key_of(dir_, *options_, inputs, started - kSettled, stamps) != entry->key) return false;
  found_ = std::move(entry->ids);
  outcomes_ = std::move(entry->outcomes);
  left_out_ = std::move(left_out);
  articles_ = std::move(inputs.articles);
  stamps_ = std::move(stamps);
  return true;
}

std::optional<RestIds> RestCache::confirm(const FactBase& base,
                                          const std::vector<SourceIndex>& draft) const {
  if (!found_ || left_out_of(base, draft) != left_out_ || articles_of(base, draft) != articles_)
    return std::nullopt;
  for (const Stamp& stamp : stamps_) {
    std::error_code ec;
    if (fs::last_write_time(stamp.path, ec) != stamp.time || ec) return std::nullopt;
  }
  return found_;
}

std::vector<std::optional<ComponentOutcome>> RestCache::known_components(
    const FactBase& base, const FactGraph& graph, const std::vector<SourceIndex>& draft) const {
  if (outcomes_.empty()) return {};
  const std::optional<CachedOutcomes> outcomes = CachedOutcomes::parse(outcomes_);
  if (!outcomes) return {};
  return outcomes->known(base, graph, draft);
}

void RestCache::store(const FactBase& base, const std::vector<SourceIndex>& draft,
                      const RestIds& ids, const CheckResult& checked,
                      fs::file_time_type load_started) const {
  write(prepare(base, draft, checked, load_started), ids);
}

std::shared_ptr<CacheEntry> RestCache::prepare(const FactBase& base,
                                               const std::vector<SourceIndex>& draft,
                                               const CheckResult& checked,
                                               fs::file_time_type load_started,
                                               unsigned threads) const {
  if (!options_) return nullptr;
  const std::optional<std::vector<std::string>> names = listing(dir_);
  if (!names) return nullptr;
  // The files the load read: a file added or removed since, and the key would not be theirs.
  std::vector<std::string> loaded;
  for (std::size_t f = 1; f < base.files.size(); ++f) loaded.push_back(file_name(base.files[f]));
  for (const std::string& skipped : base.skipped) loaded.push_back(file_name(skipped));
  if (sorted(std::move(loaded)) != *names) return nullptr;
  auto entry = std::make_shared<CacheEntry>();
  entry->inputs.fact_files = without(*names, left_out_of(base, draft));
  entry->inputs.articles = articles_of(base, draft);
  const auto valid = [](const std::vector<std::string>& values, auto&& check) {
    return std::all_of(values.begin(), values.end(), check);
  };
  if (!valid(entry->inputs.fact_files, plain_name) || !valid(entry->inputs.articles, inside_path)) {
    return nullptr;
  }
  std::vector<Stamp> stamps;
  std::optional<std::string> key =
      key_of(dir_, *options_, entry->inputs, load_started - kSettled, stamps);
  if (!key) return nullptr;
  entry->key = std::move(*key);
  entry->outcomes = render_outcomes(base, checked, draft, threads);
  return entry;
}

void RestCache::write(std::shared_ptr<CacheEntry> entry, const RestIds& ids) const {
  if (!entry) return;
  if (ids &&
      !std::all_of(ids->begin(), ids->end(), [](const std::string& v) { return line_value(v); })) {
    return;
  }
  entry->ids = ids;
  std::string text = render(*entry);
  // An entry the reader would refuse keeps the ids alone.
  if (text.size() > kMaxCacheBytes) {
    entry->outcomes.clear();
    text = render(*entry);
  }
  write_whole(file_, text);
}

}  // namespace cc::cli
