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

// True when the folder exists and holds anything: the "previous site" of messages.
bool holds_anything(const OutputFolder& folder);

struct WriteOptions {
  std::vector<std::string> keep;  // top-level entries copied into the new site
  bool force = false;             // replace an unmarked site built by an older motcua
  std::string generator_version;  // written into the mark
  std::function<void(const std::string&)> notice;  // tells the user what is happening (waiting, cleaning up)
};

enum class WriteResult {
  written,
  refused,  // the folder is not ours to replace; nothing was touched
  failed,   // the filesystem failed us; the previous site is as it was
};

// Takes the lock beside the folder (`.NAME.lock`, waiting for another build if need be),
// removes what killed builds left beside it, checks that the folder may be replaced,
// writes the new site with its mark beside it, copies the kept entries into it, and
// swaps it into place.
WriteResult write_site(const OutputFolder& folder, const std::vector<OutputFile>& files, const WriteOptions& options,
                       std::string& error);

}  // namespace motcua::io
