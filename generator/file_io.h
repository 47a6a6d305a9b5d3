#pragma once
// With output_folder.h, the only places that touch the filesystem.
#include <string>
#include <string_view>
#include <vector>

#include "motcua/json_document.h"
#include "motcua/site_renderer.h"

namespace motcua::io {

// Every regular file below `dir` (hidden entries skipped), with paths relative to
// it using '/', sorted. Reading is all or nothing: a folder that cannot be listed, a
// file that cannot be read, a dangling or looping symbolic link, a named pipe, socket
// or device, or a file larger than limits::kMaxFileBytes (16 MiB) is an error naming
// it, never a silently shorter list. Symbolic links to files and folders are followed.
bool read_tree(const std::string& dir, std::vector<SourceFile>& out, std::string& error);

// One line per file that read_tree would read (path, size, modification time), in its
// order, appended to `out`: what a build can compare to tell that nothing has changed.
// False when the folder cannot be walked.
bool stat_tree(const std::string& dir, std::string& out);

// The bytes of one regular file of at most limits::kMaxFileBytes; false when it cannot be read.
bool read_file(const std::string& path, std::string& out);

// A file name made safe to print on one line: control characters (a newline, an escape
// sequence) are written as \n, \t, \r or \xHH.
std::string printable(std::string_view text);

}  // namespace motcua::io
