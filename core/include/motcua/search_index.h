#pragma once
// Writes the search index (docs/search.md) from the loaded catalog, for the site
// (`motcua build`) and for `motcua search`. Pure: parts come out as {path, bytes}.
#include <string>
#include <vector>

#include "motcua/catalog.h"
#include "motcua/site_renderer.h"

namespace motcua {

// The head's path: the same in every build, so that pages name it without waiting for the index.
inline constexpr const char* kSearchHeadPath = "search/head.txt";

struct SearchIndexFiles {
  // The head first ("search/head.txt", a fixed name), then each part under the hash of its
  // own bytes ("search/t7.<hash>.txt", …), as the head lists them.
  std::vector<OutputFile> parts;
  std::string head;  // the head's path among them
};

struct SearchIndexOptions {
  std::size_t shards = 0;       // 0: chosen from the catalog's size
  std::size_t block_size = 8;  // documents per block of names
};

// `pages` adds the list pages (fields, provinces, communes) after the procedures.
SearchIndexFiles build_search_index(const Catalog& catalog, const SearchIndexOptions& options = {});

}  // namespace motcua
