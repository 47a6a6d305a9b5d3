#pragma once
// Every bound on input, in one place (docs/security.md explains each). Content comes
// from many hands and requests come from pages anyone can edit, so each input is
// refused fast, with a positioned error, before it can cost seconds or gigabytes.
#include <cstddef>

namespace motcua::limits {

// Content files.
constexpr std::size_t kMaxFileBytes = 16u << 20;      // one content or template file (16 MiB)
constexpr int kMaxJsonDepth = 64;                     // nesting of objects and arrays
constexpr std::size_t kMaxArrayItems = 20'000;        // items in one array (a province lists ~2,300)
constexpr std::size_t kMaxJsonValues = 1'000'000;     // values in one JSON file (a province file has ~20,000)
constexpr std::size_t kMaxNameBytes = 4'000;          // names, labels, titles, ids (about 1,000 words)
constexpr std::size_t kMaxTextBytes = 128u << 10;     // any other string: notes, a source's own words
constexpr std::size_t kMaxMarkdownBytes = 256u << 10; // one Markdown text (steps.md, conditions.md)

// Requests to `motcua calc` and to the WebAssembly module.
constexpr std::size_t kMaxRequestBytes = 1u << 20;  // one request (1 MiB)
constexpr int kMaxRequestDepth = 16;                // nesting in a request
constexpr std::size_t kMaxPauses = 100;             // pauses in one deadline request
constexpr std::size_t kMaxStages = 50;              // stages in one deadline request
constexpr int kMaxDeadlineSpanYears = 20;           // received_at to the end of the last pause

}  // namespace motcua::limits
