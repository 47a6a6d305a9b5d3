#pragma once
// The output folder of `motcua build`: which folders it may replace, and the atomic swap.
//
// A build replaces the whole folder, so the folder must be motcua's alone. It writes
// only into a folder that is absent, empty (apart from entries named with --keep), or
// a site motcua built itself: marked by `.motcua-site`, which lists every file that
// build wrote. Anything else is refused with a message saying what is in the way.
// The new site is written beside the folder (`.NAME.tmp-XXXXXXXX`) and exchanged with
// it in one step, so a failed or killed build always leaves the complete previous site.
// README.md ("The command") states the rules for users.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "motcua/site_renderer.h"

namespace motcua::io {

inline constexpr const char* kSiteMark = ".motcua-site";

// Folders the output must never be, hold, or (content and templates) sit inside.
struct ProtectedFolders {
  std::string content_dir;
  std::string templates_dir;
  std::string wasm_dir;  // may be empty
};

struct OutputFolder {
  std::filesystem::path path;  // the real path: absolute, parents resolved; never "/", never a symbolic link
  std::string shown;           // as given with --out, for messages
};

// Resolves --out and applies the rules that depend on its place alone (not "/", not a
// symbolic link, not the content, templates or wasm folder nor one holding them, not
// inside the content or templates, not the git repository the command runs in nor one
// holding it, not the home folder nor one holding it). False with a message otherwise.
bool resolve_output_folder(const std::string& out_dir, const ProtectedFolders& protect, OutputFolder& folder,
                           std::string& error);

// The names given with --keep are single entries directly inside the output folder.
bool check_keep_names(const std::vector<std::string>& keep, std::string& error);

// The brotli and zlib versions the copies are made with ("brotli 1.0.9 zlib 1.2.13").
std::string compressor_versions();

// The .gz and .br copies' bytes, as a build writes them (also what `motcua serve` sends to a
// browser that accepts them). False when the compressor fails.
bool gzip_copy(const std::string& in, std::string& out);
bool brotli_copy(const std::string& in, std::string& out);
// Whether a file of this name gets the copies (HTML, CSS, JS, JSON, XML, text, SVG, wasm…).
bool is_text_file(const std::string& path);

// True when the folder exists and holds anything: the "previous site" of messages.
bool holds_anything(const OutputFolder& folder);

struct WriteOptions {
  std::vector<std::string> keep;  // top-level entries copied into the new site
  bool precompress = false;       // write NAME.gz and NAME.br beside every text file
  bool force = false;             // replace an unmarked site built by an older motcua
  unsigned threads = 1;           // removing the previous site after the swap, on this many threads
  std::string generator_version;  // written into the mark
  std::string contents = "site";  // "site", or "posters": a folder of one is never replaced by the other
  std::function<void(const std::string&)> notice;  // tells the user what is happening (waiting, cleaning up)
};

enum class WriteResult {
  written,
  unchanged,  // the new site is the previous one, byte for byte: no file was touched
  refused,    // the folder is not ours to replace; nothing was touched
  failed,     // the filesystem failed us; the previous site is as it was
};

// Writes a site file by file as it is rendered, from several threads at once.
//
// begin() takes the lock beside the folder (`.NAME.lock`, waiting for another build if
// need be), removes what killed builds left beside it, checks that the folder may be
// replaced, and reads the previous build's mark: the content hash and size of every file.
// put() compares each new file with the previous one: the same bytes are not written
// again but hard-linked from the previous site (same inode, same modification time);
// other files are written, with `.gz` and `.br` copies of text files when asked. The new
// site grows beside the folder (`.NAME.tmp-XXXXXXXX`), and only from the first file that
// differs: a build whose every file is the same touches nothing. finish() copies the kept
// entries, writes the mark, checks the folder again and swaps the new site in, in one
// step, so a failed or killed build always leaves the complete previous site.
class SiteWriter : public FileSink {
 public:
  SiteWriter();
  ~SiteWriter() override;  // a site not finished is removed, the previous one left as it was
  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;

  WriteResult begin(const OutputFolder& folder, const WriteOptions& options, std::string& error);
  // After begin(): true when the folder holds, untouched, the site a build from exactly
  // these `inputs` wrote (its mark names them, every file it lists is there with its size,
  // nothing else is). The build can stop before rendering anything; finish() is not needed.
  bool up_to_date(const std::string& inputs) const;
  void put(OutputFile&& file, const std::string& hash) override;
  bool ok() const override;
  // A procedure's pages made from the same inputs as in the previous build (its mark keeps,
  // for each such job, the key and the files): those files, every one still there as that
  // build left it, are linked into the new site as put() links an unchanged file.
  bool reuse(const std::string& id, const std::string& key, JobOutput& out) override;
  void record(const std::string& id, const std::string& key, const JobOutput& made) override;
  // `inputs`: a fingerprint of what the site was built from, kept in the mark (see
  // inputs_unchanged()).
  WriteResult finish(const std::string& inputs, std::string& error);

  struct Counts {
    std::size_t files = 0;     // the site's files (not counting .gz and .br copies)
    std::size_t written = 0;   // of which new or changed
    std::size_t removed = 0;   // files of the previous site the new one no longer has
    std::size_t keyed = 0;     // procedure pages made from known inputs (reuse(), record())
    std::size_t reused = 0;    // of which taken from the previous build, not rendered again
  };
  Counts counts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> s_;
};

}  // namespace motcua::io
