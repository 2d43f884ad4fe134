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

// An input of a check, relative to the fact base folder, and its content's XXH3-128 (of its
// size and bytes).
struct Input {
  std::string name;
  std::string digest;
};

// The inputs of the check whose findings an entry holds (the rest's, or the whole fact
// base's for a check without a draft). Which files were left out is not among them: the
// same inputs are the same check, whoever ran it.
struct Inputs {
  std::string vocabulary;         // vocabulary.yaml's digest
  std::vector<Input> fact_files;  // the top's *.yaml but vocabulary.yaml and those left out
  std::vector<Input> articles;    // the checked sources', normalized; sorted, unique
};

[[nodiscard]] std::vector<std::string> names_of(const std::vector<Input>& inputs) {
  std::vector<std::string> names;
  names.reserve(inputs.size());
  for (const Input& input : inputs) names.push_back(input.name);
  return names;
}

// The key of an entry: the program, the options, and its inputs' names and digests; nullopt
// when the program cannot be read.
[[nodiscard]] std::optional<std::string> key_of(const std::string& options, const Inputs& inputs) {
  const std::optional<std::string>& program = program_digest();
  if (!program) return std::nullopt;
  Digest hash;
  hash.add(kMagic);
  hash.add(*program);
  hash.add(options);
  hash.add("vocabulary");
  hash.add(inputs.vocabulary);
  for (const Input& input : inputs.fact_files) {
    hash.add("fact file");
    hash.add(input.name);
    hash.add(input.digest);
  }
  for (const Input& input : inputs.articles) {
    hash.add("article");
    hash.add(input.name);
    hash.add(input.digest);
  }
  return hash.hex();
}

// Hashes the inputs under `dir`, reading through `buffer`: each one's digest, and its
// modification time after the read. nullopt when it cannot be read.
struct Hashed {
  std::string digest;
  fs::file_time_type time;
};
[[nodiscard]] std::optional<Hashed> hash_input(const fs::path& path, std::string& buffer) {
  Digest hash;
  const std::optional<fs::file_time_type> time = hash_file(path, kMaxInputBytes, hash, buffer);
  if (!time) return std::nullopt;
  return Hashed{hash.hex(), *time};
}

// `names` under `dir` hashed now, each one's time in `stamps`; nullopt when one cannot be
// read or was written after `settled_before`.
[[nodiscard]] std::optional<std::vector<Input>> hashed_now(const fs::path& dir,
                                                           const std::vector<std::string>& names,
                                                           fs::file_time_type settled_before,
                                                           std::vector<RestCache::Stamp>& stamps,
                                                           std::string& buffer) {
  std::vector<Input> out;
  out.reserve(names.size());
  for (const std::string& name : names) {
    const fs::path path = dir / name;
    const std::optional<Hashed> hashed = hash_input(path, buffer);
    if (!hashed || hashed->time > settled_before) return std::nullopt;
    stamps.push_back({path, hashed->time});
    out.push_back({name, hashed->digest});
  }
  return out;
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

[[nodiscard]] bool digest_text(std::string_view text) {
  return text.size() == 32 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

[[nodiscard]] std::string render(const CacheEntry& entry) {
  std::string text =
      fmt::format("{}\nkey {}\nvocabulary {}\n", kMagic, entry.key, entry.inputs.vocabulary);
  const auto lines = [&](std::string_view tag, const std::vector<std::string>& values) {
    for (const std::string& value : values) text += fmt::format("{} {}\n", tag, value);
  };
  const auto inputs = [&](std::string_view tag, const std::vector<Input>& values) {
    for (const Input& input : values)
      text += fmt::format("{} {} {}\n", tag, input.digest, input.name);
  };
  inputs("fact-file", entry.inputs.fact_files);
  inputs("article", entry.inputs.articles);
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
  const std::vector<std::string_view> tags = {"key",     "vocabulary", "fact-file",
                                              "article", "rest",       "id"};
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
    } else if (tag == "vocabulary") {
      if (!entry.inputs.vocabulary.empty() || !digest_text(v)) return std::nullopt;
      entry.inputs.vocabulary = v;
    } else if (tag == "fact-file" || tag == "article") {
      // A digest, a space, the name.
      const std::size_t gap = v.find(' ');
      if (gap == std::string::npos) return std::nullopt;
      Input input{v.substr(gap + 1), v.substr(0, gap)};
      if (!digest_text(input.digest)) return std::nullopt;
      if (tag == "fact-file" ? !plain_name(input.name) : !inside_path(input.name))
        return std::nullopt;
      (tag == "fact-file" ? entry.inputs.fact_files : entry.inputs.articles)
          .push_back(std::move(input));
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
  // Each list sorted by name, each name once.
  const auto strictly_sorted = [](const std::vector<Input>& inputs) {
    return std::adjacent_find(inputs.begin(), inputs.end(), [](const Input& a, const Input& b) {
             return !(a.name < b.name);
           }) == inputs.end();
  };
  if (entry.inputs.vocabulary.empty() || !strictly_sorted(entry.inputs.fact_files) ||
      !strictly_sorted(entry.inputs.articles)) {
    return std::nullopt;
  }
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

RestCache::Found RestCache::look_up() {
  if (!options_) return Found::none;
  const auto started = fs::file_time_type::clock::now();
  const std::optional<std::string> bytes = read_regular(file_, kMaxCacheBytes);
  if (!bytes) return Found::none;
  std::optional<CacheEntry> entry = parse(*bytes);
  // Another program or other options: another key.
  if (!entry || key_of(*options_, entry->inputs) != entry->key) return Found::none;
  const std::optional<std::vector<std::string>> names = listing(dir_);
  if (!names) return Found::none;
  const fs::file_time_type settled = started - kSettled;
  std::string buffer;
  std::vector<Stamp> stamps;
  // An input is relied on when it is as the entry has it now and settled; the others are
  // "changed", which only the draft's may be.
  const auto same = [&](const std::string& name, const std::string& digest) {
    const fs::path path = dir_ / name;
    const std::optional<Hashed> now = hash_input(path, buffer);
    if (!now || now->digest != digest || now->time > settled) return false;
    stamps.push_back({path, now->time});
    return true;
  };
  if (!same("vocabulary.yaml", entry->inputs.vocabulary)) return Found::none;
  const std::vector<std::string> entry_files = names_of(entry->inputs.fact_files);
  // A file of the entry gone: not the same fact base but for the draft.
  if (!std::includes(names->begin(), names->end(), entry_files.begin(), entry_files.end()))
    return Found::none;
  const std::vector<std::string> added = without(*names, entry_files);
  std::vector<std::string> changed;
  for (const Input& input : entry->inputs.fact_files)
    if (!same(input.name, input.digest)) changed.push_back(input.name);
  std::vector<std::string> articles;  // the entry's, as it has them now
  bool articles_changed = false;
  for (const Input& input : entry->inputs.articles) {
    if (same(input.name, input.digest)) {
      articles.push_back(input.name);
    } else {
      articles_changed = true;
    }
  }
  // Only the draft's files may differ; when it is named by files alone, those are known now.
  const bool by_files = args_.ids.empty();
  Found found = Found::none;
  if (!added.empty() && changed.empty() && !articles_changed &&
      (!by_files || added == args_.files)) {
    // The entry is the rest: the draft's files are the ones it did not read.
    found = Found::rest;
    found_ = std::move(entry->ids);
    left_out_ = added;
  } else if (added.empty() && (!by_files || std::includes(args_.files.begin(), args_.files.end(),
                                                          changed.begin(), changed.end()))) {
    // The entry read the draft's files too: its components the draft leaves alone are the
    // whole check's, if the files that changed are the draft's.
    found = Found::components;
    left_out_ = std::move(changed);
  } else {
    return Found::none;
  }
  outcomes_ = std::move(entry->outcomes);
  entry_files_ = entry_files;
  articles_ = std::move(articles);
  stamps_ = std::move(stamps);
  found_kind_ = found;
  return found;
}

bool RestCache::unchanged_since_look_up() const {
  for (const Stamp& stamp : stamps_) {
    std::error_code ec;
    if (fs::last_write_time(stamp.path, ec) != stamp.time || ec) return false;
  }
  return true;
}

std::optional<RestIds> RestCache::confirm(const FactBase& base,
                                          const std::vector<SourceIndex>& draft) const {
  if (found_kind_ != Found::rest || left_out_of(base, draft) != left_out_ ||
      articles_of(base, draft) != articles_ || !unchanged_since_look_up()) {
    return std::nullopt;
  }
  return found_;
}

bool RestCache::confirm_components(const FactBase& base,
                                   const std::vector<SourceIndex>& draft) const {
  if (found_kind_ != Found::components || outcomes_.empty()) return false;
  // The files that changed are the draft's, the rest's articles as the entry has them.
  const std::vector<std::string> draft_files = left_out_of(base, draft);
  const std::vector<std::string> rest_articles = articles_of(base, draft);
  return std::includes(draft_files.begin(), draft_files.end(), left_out_.begin(),
                       left_out_.end()) &&
         std::includes(articles_.begin(), articles_.end(), rest_articles.begin(),
                       rest_articles.end()) &&
         unchanged_since_look_up();
}

std::vector<std::optional<ComponentOutcome>> RestCache::known_components(
    const FactBase& base, const FactGraph& graph, const std::vector<SourceIndex>& draft) const {
  if (outcomes_.empty()) return {};
  const std::optional<CachedOutcomes> outcomes = CachedOutcomes::parse(outcomes_);
  if (!outcomes) return {};
  // The entry's provenance is that of the sources of its files.
  std::vector<SourceIndex> outside;
  for (SourceIndex s = 0; s < base.sources.size(); ++s) {
    const std::string name = file_name(base.files[base.sources[s].file]);
    if (!std::binary_search(entry_files_.begin(), entry_files_.end(), name)) outside.push_back(s);
  }
  return outcomes->known(base, graph, draft, outside);
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
  const std::vector<std::string> fact_files = without(*names, left_out_of(base, draft));
  const std::vector<std::string> articles = articles_of(base, draft);
  if (!std::all_of(fact_files.begin(), fact_files.end(), plain_name) ||
      !std::all_of(articles.begin(), articles.end(), inside_path)) {
    return nullptr;
  }
  const fs::file_time_type settled = load_started - kSettled;
  std::vector<Stamp> stamps;
  std::string buffer;
  const std::optional<std::vector<Input>> vocabulary =
      hashed_now(dir_, {"vocabulary.yaml"}, settled, stamps, buffer);
  if (!vocabulary) return nullptr;
  auto entry = std::make_shared<CacheEntry>();
  entry->inputs.vocabulary = vocabulary->front().digest;
  auto hashed_files = hashed_now(dir_, fact_files, settled, stamps, buffer);
  auto hashed_articles = hashed_now(dir_, articles, settled, stamps, buffer);
  if (!hashed_files || !hashed_articles) return nullptr;
  entry->inputs.fact_files = std::move(*hashed_files);
  entry->inputs.articles = std::move(*hashed_articles);
  std::optional<std::string> key = key_of(*options_, entry->inputs);
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
