#pragma once
// Turns the text of the content files into a Catalog, validating everything and
// reporting every problem found in one run.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "motcua/catalog.h"
#include "motcua/diagnostic.h"
#include "motcua/json_document.h"

namespace motcua {

// `files` have paths relative to the content folder, with '/' separators
// ("procedures/1.001193/procedure.json"). `display_prefix` is put in front of
// every path in messages ("content/"). Returns the catalog; it is only usable
// when `diags` has no errors.
Catalog load_catalog(const std::vector<SourceFile>& files, const std::string& display_prefix,
                     Diagnostics& diags);

// The same, for a caller that keeps the files only for the excerpts of messages: the text
// of each procedure's files (procedure.json, steps.md, conditions.md) is freed as soon as
// the procedure is read, unless a message names the file. The content as read and the
// catalog are then never in memory together (a national catalog is 10,000 such folders).
//
// `parallel`, when given, runs body(0) … body(count - 1) and returns when all are done, on as
// many threads as it likes (the core starts none: it also runs in the browser). The procedure
// folders are then read on them; the catalog and the messages are the same.
using ParallelFor = std::function<void(std::size_t count, const std::function<void(std::size_t)>& body)>;
Catalog load_catalog_releasing(std::vector<SourceFile>& files, const std::string& display_prefix,
                               Diagnostics& diags, ParallelFor parallel = {});

// Reads and validates one procedure.json on its own (without cross-references).
// Used by the wasm module and by editors.
// `categories`: the applicant categories fee exemptions may name (nullptr: not checked).
bool read_procedure(const JsonDocument& doc, Procedure& out, Diagnostics& diags,
                    const std::vector<std::string>* categories = nullptr);

// Top-level names a province slug may not take, because the site uses them.
const std::vector<std::string>& reserved_top_level_slugs();

// A national procedure code: one digit, a dot, six digits ("1.001193").
bool is_procedure_code(const std::string& code);

}  // namespace motcua
