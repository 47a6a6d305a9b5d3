#pragma once
// The only place that touches the filesystem.
#include <string>
#include <vector>

#include "motcua/json_document.h"
#include "motcua/site_renderer.h"

namespace motcua::io {

// Every regular file below `dir` (hidden entries skipped), with paths relative to
// it using '/'. Returns false with `error` set when the folder cannot be read.
bool read_tree(const std::string& dir, std::vector<SourceFile>& out, std::string& error);

// The bytes of one file; false when it cannot be read.
bool read_file(const std::string& path, std::string& out);

// Writes `files` into a fresh folder beside `out_dir`, then swaps it into place,
// so a failed or interrupted build leaves the previous site untouched.
bool write_site_atomically(const std::string& out_dir, const std::vector<OutputFile>& files, std::string& error);

}  // namespace motcua::io
