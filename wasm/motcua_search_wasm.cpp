// The search engine's WebAssembly boundary (templates/assets/search.js loads it): the
// index parts go in as text, replies come out as JSON text. Built from the search sources
// alone (no JSON library), so the first query on a phone downloads little.
#include <cstdlib>
#include <cstring>
#include <string>

#include "motcua/search.h"

namespace {

motcua::SearchEngine* engine = nullptr;

char* to_c_string(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out != nullptr) std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

}  // namespace

extern "C" {

// Adds one index part (the head first). Returns "" or the reason it was refused.
char* motcua_search_add(const char* name, const char* text) {
  if (engine == nullptr) engine = new motcua::SearchEngine();
  std::string error;
  engine->add_part(name != nullptr ? name : "", text != nullptr ? text : "", error);
  return to_c_string(error);
}

// Answers a query: {"query","results":[…],"missing":[parts to fetch first],"unavailable":[…],
// "incomplete":bool}. `options` as in SearchOptions ("limit=10&level=xa&partial=1").
char* motcua_search_query(const char* query, const char* options) {
  if (engine == nullptr) engine = new motcua::SearchEngine();
  const std::string q = query != nullptr ? query : "";
  const motcua::SearchReply reply = engine->search(q, motcua::parse_search_options(options != nullptr ? options : ""));
  return to_c_string(motcua::SearchEngine::reply_json(q, reply, true));
}

void motcua_search_free(char* p) { std::free(p); }

}  // extern "C"
