#pragma once
// The procedure search engine, shared by `motcua search` and the browser (wasm/search).
//
// The index is a set of small text parts (docs/search.md) written by the generator
// (search_index.h): a head (vocabulary, synonyms, ranking), term shards, document
// blocks, a filter part and one part per province. The engine holds whatever parts it
// was given; a query names the parts it still needs, so the browser downloads only
// those, and a query over a partly missing index still answers and says so.
//
// Pure: no I/O, no exceptions, no JSON library (the wasm module stays small).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace motcua {

// One syllable of a text as the index sees it.
struct SearchSyllable {
  std::string folded;  // lowercase ASCII, no marks, đ -> d, final "y" after a consonant -> "i"
  std::string marked;  // the same with its letter marks and tone, tone placement normalised
  bool has_marks = false;  // the text wrote a mark on this syllable
};

// Splits text (any normalisation form) into syllables: runs of letters and digits.
// "Hoà giải" and "hòa giải" give the same `marked` keys; "kí" and "ký" too.
std::vector<SearchSyllable> search_syllables(const std::string& text);

struct SearchOptions {
  int limit = 10;
  std::string province;  // filter: what can be done there (its catalog, province and commune levels); implies here
  std::string here;      // the province whose pages the search runs on: its versions first
  std::string level;     // filter: "xa" | "tinh" | "bo" | "khac"
  std::string field;     // filter: field slug
  bool boundary_independent = false;  // filter
  bool full_online = false;           // filter
  bool partial = false;  // answer with the parts at hand instead of naming missing ones
};

// Reads "limit=5&province=lai-chau&level=xa&field=ho-tich&boundary=1&online=1&here=…&partial=1".
SearchOptions parse_search_options(const std::string& query_string);

struct SearchHit {
  int doc = 0;
  std::string code;  // national code; empty for list pages
  std::string name;
  std::string url;   // relative to the site root
  std::string levels;  // level slugs joined by ','
  std::string field;   // field name
  double score = 0;
  bool local = false;  // the `here` province's version
};

struct SearchReply {
  std::vector<std::string> missing;  // parts to fetch before the answer is complete
  std::vector<SearchHit> results;    // best first
  bool incomplete = false;           // answered without some parts (offline)
  std::vector<std::string> unavailable;  // those parts
  std::string note;                  // e.g. the synonym used, for the results' heading
};

class SearchEngine {
 public:
  // Adds a part by its name as the head lists it (the head itself first). Returns false with a
  // reason when the text is not a part of this index.
  bool add_part(const std::string& name, const std::string& text, std::string& error);
  bool has_head() const { return has_head_; }
  // Every part the head lists, in order (the generator writes exactly these).
  const std::vector<std::string>& part_names() const { return part_names_; }
  std::size_t doc_count() const { return doc_count_; }

  SearchReply search(const std::string& query, const SearchOptions& options) const;
  // The reply as one JSON object {"query","results":[{code,name,score,url,…}],…}.
  static std::string reply_json(const std::string& query, const SearchReply& reply, bool with_parts);

  // The index as read (docs/search.md).
  struct Posting {
    std::uint32_t doc;
    std::uint8_t fields;    // bit 0 name, bit 1 keywords, bit 2 body
    std::uint32_t variants;  // bit i: the doc's name/keywords write the term as variant i
  };
  struct Term {
    std::uint32_t df = 0;  // documents with this syllable (0 for a pair)
    std::vector<std::string> variants;  // marked spellings of this folded term
    std::vector<Posting> postings;
  };
  struct Synonym {
    std::vector<std::string> words;  // "folded/marked" phrases that trigger it
    std::vector<std::string> means;  // phrases searched as well, as written
    std::vector<std::vector<Posting>> means_docs;  // per meaning: the documents whose name or keywords hold it
  };
  struct Shard {
    std::map<std::string, Term> terms;  // folded syllable, or "a_b" for an adjacent pair
    std::vector<Synonym> synonyms;      // those whose words start with a syllable of this shard
  };
  struct DocInfo {
    std::string code, name, url, levels, field;
  };

 private:

  bool read_head(const std::string& text, std::string& error);
  bool read_shard(std::size_t index, const std::string& text, std::string& error);
  bool read_block(std::size_t index, const std::string& text, std::string& error);
  bool read_filters(const std::string& text, std::string& error);
  bool read_vocab(const std::string& text, std::string& error);
  bool read_province(const std::string& slug, const std::string& text, std::string& error);

  std::size_t shard_of(const std::string& folded_syllable) const;
  const Term* find_term(const std::string& key, std::vector<std::string>& missing,
                        std::vector<std::string>& unavailable, bool partial) const;

  friend struct SearchQueryRun;

  bool has_head_ = false;
  std::size_t doc_count_ = 0;
  std::size_t procedure_count_ = 0;  // docs [0, procedure_count_) are procedures, then list pages
  std::size_t shard_count_ = 1;
  std::size_t block_size_ = 64;
  std::vector<std::string> part_names_;
  std::vector<std::string> shard_parts_, block_parts_;
  std::string filter_part_;
  std::map<std::string, std::string> province_parts_;  // slug -> part name
  std::string vocab_part_;
  bool vocab_loaded_ = false;
  std::map<std::string, std::uint32_t> vocab_;  // folded syllable -> documents, for near spellings
  std::vector<std::uint8_t> prior_;          // per doc, 0..9: how commonly it is used
  std::vector<std::uint8_t> name_length_;    // syllables in each doc's name
  struct SoftWord {
    std::string marked;
    double weight = 1;           // typed with these very marks
    double unmarked_weight = 1;  // typed without marks
  };
  std::map<std::string, SoftWord> soft_words_;  // question words ("cần gì", "ở đâu"), by folded form
  std::vector<Shard> shards_;
  std::vector<char> shard_loaded_;
  std::vector<std::vector<DocInfo>> blocks_;
  std::vector<char> block_loaded_;
  bool filters_loaded_ = false;
  std::vector<std::uint8_t> doc_levels_;  // bit per Level
  std::vector<std::uint8_t> doc_flags_;   // bit 0 boundary-independent, bit 1 fully online
  std::vector<std::uint16_t> doc_field_;
  std::vector<std::string> field_slugs_;
  std::map<std::string, std::map<std::uint32_t, std::string>> province_docs_;  // slug -> doc -> local url
  std::map<std::string, bool> province_loaded_;
};

}  // namespace motcua
