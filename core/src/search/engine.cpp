// The procedure search engine: reads the index parts (docs/search.md) and answers queries.
#include <algorithm>
#include <cmath>
#include <set>

#include "codec.h"
#include "motcua/search.h"

namespace motcua {

namespace {

// The fields a term is found in (the index builder sets the same bits; 4, the papers and steps,
// is what is left when neither of these is set).
constexpr std::uint8_t kName = 1, kKeywords = 2;
constexpr std::size_t kMaxSyllables = 24;
constexpr int kMaxLimit = 100;
// A question word weighed at most this ("gì", "nào") is left out: never downloaded, never scored.
constexpr double kSilent = 0.1;

// Splits `text` into lines (without '\n'); a final '\r' is dropped.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

bool to_number(const std::string& s, std::size_t& out) {
  if (s.empty() || s.size() > 9) return false;
  std::size_t v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  out = v;
  return true;
}

// Damerau–Levenshtein distance at most one (one letter changed, added, removed, or two
// neighbours swapped).
bool within_one_edit(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::size_t la = a.size(), lb = b.size();
  if (la + 1 < lb || lb + 1 < la) return false;
  std::size_t i = 0;
  while (i < la && i < lb && a[i] == b[i]) ++i;
  if (la == lb) {
    if (a.compare(i + 1, std::string::npos, b, i + 1, std::string::npos) == 0) return true;
    return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.compare(i + 2, std::string::npos, b, i + 2, std::string::npos) == 0;
  }
  if (la > lb) return a.compare(i + 1, std::string::npos, b, i, std::string::npos) == 0;
  return b.compare(i + 1, std::string::npos, a, i, std::string::npos) == 0;
}

bool all_letters(const std::string& s) {
  for (const char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return !s.empty();
}

// Length of the valid UTF-8 sequence at `i`, 0 when the bytes there are not one.
std::size_t utf8_length(const std::string& s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1Fu; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0Fu; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07u; }
  else return 0;
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3Fu);
  }
  if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  return len;
}

// A JSON string of `s`; bytes that are not UTF-8 (a command line can pass any) become U+FFFD.
void json_string(std::string& out, const std::string& s) {
  out += '"';
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::size_t len = utf8_length(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    if (len > 1) {
      out.append(s, i, len);
      i += len - 1;
      continue;
    }
    const char ch = s[i];
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          static const char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

// Decimal text of a number without the C library's printf/strtod (they would double the
// size of the wasm module).
std::string num(std::size_t v) {
  std::string out;
  do {
    out.insert(out.begin(), static_cast<char>('0' + v % 10));
    v /= 10;
  } while (v != 0);
  return out;
}

std::string fixed3(double v) {
  if (!(v >= 0)) v = 0;
  const auto scaled = static_cast<std::size_t>(v * 1000.0 + 0.5);
  std::string frac = num(scaled % 1000);
  while (frac.size() < 3) frac = "0" + frac;
  return num(scaled / 1000) + "." + frac;
}

// "0.05" -> 0.05; 1 for anything else.
double decimal(const std::string& s) {
  double v = 0, scale = 0;
  bool any = false;
  for (const char c : s) {
    if (c == '.' && scale == 0) {
      scale = 1;
    } else if (c >= '0' && c <= '9') {
      any = true;
      if (scale == 0) {
        v = v * 10 + (c - '0');
      } else {
        scale /= 10;
        v += (c - '0') * scale;
      }
    } else {
      return 1;
    }
  }
  return any ? v : 1;
}

// The level slugs in the filter part's bit order.
constexpr const char* kLevelSlugs[] = {"bo", "tinh", "xa", "khac"};

}  // namespace

SearchOptions parse_search_options(const std::string& query_string) {
  SearchOptions o;
  for (const std::string& pair : split(query_string, '&')) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = pair.substr(0, eq), value = pair.substr(eq + 1);
    std::size_t n = 0;
    if (key == "limit" && to_number(value, n)) o.limit = static_cast<int>(std::min<std::size_t>(n, kMaxLimit));
    else if (key == "province") o.province = value;
    else if (key == "here") o.here = value;
    else if (key == "level") o.level = value;
    else if (key == "field") o.field = value;
    else if (key == "boundary") o.boundary_independent = value == "1";
    else if (key == "online") o.full_online = value == "1";
    else if (key == "partial") o.partial = value == "1";
  }
  return o;
}

// ------------------------------------------------------------------------- reading parts

bool SearchEngine::add_part(const std::string& name, const std::string& text, std::string& error) {
  if (text.compare(0, 16, "motcua-search 2\n") == 0) {
    if (has_head_) {
      error = "a head is already loaded";
      return false;
    }
    return read_head(text, error);
  }
  if (!has_head_) {
    error = "the head must come first";
    return false;
  }
  for (std::size_t i = 0; i < shard_parts_.size(); ++i) {
    if (shard_parts_[i] == name) return shard_loaded_[i] ? true : read_shard(i, text, error);
  }
  for (std::size_t i = 0; i < block_parts_.size(); ++i) {
    if (block_parts_[i] == name) return block_loaded_[i] ? true : read_block(i, text, error);
  }
  if (name == filter_part_) return filters_loaded_ ? true : read_filters(text, error);
  if (name == vocab_part_) return vocab_loaded_ ? true : read_vocab(text, error);
  for (const auto& p : province_parts_) {
    if (p.second == name) return province_loaded_.count(p.first) ? true : read_province(p.first, text, error);
  }
  error = "\"" + name + "\" is not a part of this index";
  return false;
}

bool SearchEngine::read_head(const std::string& text, std::string& error) {
  const std::vector<std::string> lines = lines_of(text);
  std::size_t i = 1;
  auto fail = [&](const std::string& what) {
    error = "search head, line " + num(i + 1) + ": " + what;
    return false;
  };
  std::vector<std::string> provinces;
  std::map<std::string, std::string> named;  // stem ("t12", "d3", "f", "v", "p-lai-chau") -> part name
  for (; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    const std::vector<std::string> f = split(line, ' ');
    if (line.empty()) continue;
    if (f[0] == "docs" && f.size() == 3) {
      if (!to_number(f[1], doc_count_) || !to_number(f[2], procedure_count_) || procedure_count_ > doc_count_)
        return fail("bad document counts");
    } else if (f[0] == "shards" && f.size() == 2) {
      if (!to_number(f[1], shard_count_) || shard_count_ == 0 || shard_count_ > 4096) return fail("bad shard count");
    } else if (f[0] == "block" && f.size() == 2) {
      if (!to_number(f[1], block_size_) || block_size_ == 0) return fail("bad block size");
    } else if (f[0] == "provinces" && f.size() == 2) {
      for (const std::string& slug : split(f[1], ',')) {
        if (!slug.empty()) provinces.push_back(slug);
      }
    } else if ((f[0] == "parts" || f[0] == "part") && f.size() == 3) {
      // Each part under the hash of its own bytes: "part f <hash>" is "f.<hash>.txt";
      // "parts t <hash><hash>…" is "t0.<hash>.txt", "t1.<hash>.txt", … in order.
      const std::size_t width = search_codec::kPartHashLength;
      const bool numbered = f[0] == "parts";
      if (f[2].empty() || f[2].size() % width != 0 || (!numbered && f[2].size() != width))
        return fail("bad part names for \"" + f[1].substr(0, 40) + "\"");
      for (std::size_t k = 0; k * width < f[2].size(); ++k) {
        const std::string stem = numbered ? f[1] + num(k) : f[1];
        if (!named.emplace(stem, stem + "." + f[2].substr(k * width, width) + ".txt").second)
          return fail("part " + stem + " named twice");
      }
    } else if (f[0] == "prior" && f.size() == 2) {
      for (const char c : f[1]) prior_.push_back(static_cast<std::uint8_t>(c >= '0' && c <= '9' ? c - '0' : 0));
    } else if (f[0] == "namelen" && f.size() == 2) {
      for (const char c : f[1]) name_length_.push_back(static_cast<std::uint8_t>(c >= '0' ? c - '0' : 1));
    } else if (f[0] == "soft" && f.size() == 5) {
      soft_words_[f[1]] = {f[2], decimal(f[3]), decimal(f[4])};
    } else {
      return fail("unknown line \"" + line.substr(0, 40) + "\"");
    }
  }
  if (doc_count_ == 0) return fail("the document counts are missing");
  if (prior_.size() != doc_count_ || name_length_.size() != doc_count_) return fail("prior or name lengths do not cover every document");
  // Every part the index has must be named, and nothing else.
  std::size_t used = 0;
  auto part = [&](const std::string& stem, std::string& into) {
    const auto p = named.find(stem);
    if (p == named.end()) return false;
    into = p->second;
    ++used;
    return true;
  };
  std::vector<std::string> shards(shard_count_), blocks((doc_count_ + block_size_ - 1) / block_size_);
  for (std::size_t s = 0; s < shards.size(); ++s) {
    if (!part("t" + num(s), shards[s])) return fail("no part named for shard " + num(s));
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!part("d" + num(b), blocks[b])) return fail("no part named for block " + num(b));
  }
  if (!part("f", filter_part_) || !part("v", vocab_part_)) return fail("no part named for the filters or the vocabulary");
  for (const std::string& slug : provinces) {
    if (!part("p-" + slug, province_parts_[slug])) return fail("no part named for province " + slug);
  }
  if (used != named.size()) return fail("the head names parts the index does not have");
  part_names_ = shards;
  part_names_.insert(part_names_.end(), blocks.begin(), blocks.end());
  part_names_.push_back(filter_part_);
  part_names_.push_back(vocab_part_);
  for (const auto& p : province_parts_) part_names_.push_back(p.second);
  shard_parts_ = shards;
  block_parts_ = blocks;
  shards_.assign(shard_count_, Shard{});
  shard_loaded_.assign(shard_count_, false);
  blocks_.assign(blocks.size(), {});
  block_loaded_.assign(blocks.size(), false);
  has_head_ = true;
  return true;
}

bool SearchEngine::read_shard(std::size_t index, const std::string& text, std::string& error) {
  Shard shard;
  std::size_t n = 0;
  for (const std::string& line : lines_of(text)) {
    ++n;
    if (line.empty()) continue;
    const std::vector<std::string> f = split(line, '\t');
    if (f[0] == "=" && f.size() == 4) {
      // A synonym: "=", words ("folded/marked", '_' between syllables, '|' between words),
      // meanings ('|' between them), and per meaning "<name docs>;<keyword docs>".
      Synonym syn;
      syn.words = split(f[1], '|');
      syn.means = split(f[2], '|');
      const std::vector<std::string> lists = split(f[3], '|');
      if (lists.size() != syn.means.size()) {
        error = shard_parts_[index] + ", line " + num(n) + ": a synonym needs one list of documents per meaning";
        return false;
      }
      for (const std::string& l : lists) {
        std::vector<Posting> docs;
        const std::vector<std::string> by_field = split(l, ';');
        for (std::size_t fi = 0; fi < by_field.size() && fi < 2; ++fi) {
          std::size_t pos = 0;
          long long doc = -1;
          while (pos < by_field[fi].size()) {
            std::uint32_t gap = 0;
            if (!search_codec::get(by_field[fi], pos, gap) || (doc += static_cast<long long>(gap) + 1) >= static_cast<long long>(doc_count_)) {
              error = shard_parts_[index] + ", line " + num(n) + ": malformed synonym documents";
              return false;
            }
            docs.push_back({static_cast<std::uint32_t>(doc), static_cast<std::uint8_t>(1u << fi), 1u});
          }
        }
        syn.means_docs.push_back(std::move(docs));
      }
      shard.synonyms.push_back(std::move(syn));
      continue;
    }
    std::size_t df = 0;
    if (f.size() != 6 || !to_number(f[1], df)) {
      error = shard_parts_[index] + ", line " + num(n) + ": expected term, documents, variants and three postings lists";
      return false;
    }
    Term term;
    term.df = static_cast<std::uint32_t>(df);
    if (!f[2].empty()) term.variants = split(f[2], '|');
    const bool with_variants = term.variants.size() > 1;
    for (int list = 0; list < 3; ++list) {
      // Name and keyword lists of a syllable written several ways: one list per way.
      const std::vector<std::string> ways =
          list < 2 && with_variants ? split(f[3 + list], ';') : std::vector<std::string>{f[3 + list]};
      for (std::size_t way = 0; way < ways.size() && way < 32; ++way) {
        const std::string& text = ways[way];
        const std::uint32_t variants = list < 2 && with_variants ? (1u << way) : 1u;
        std::size_t pos = 0;
        long long doc = -1;
        while (pos < text.size()) {
          std::uint32_t gap = 0;
          if (!search_codec::get(text, pos, gap)) {
            error = shard_parts_[index] + ", line " + num(n) + ": malformed postings";
            return false;
          }
          doc += static_cast<long long>(gap) + 1;
          if (doc >= static_cast<long long>(doc_count_)) {
            error = shard_parts_[index] + ", line " + num(n) + ": document out of range";
            return false;
          }
          term.postings.push_back({static_cast<std::uint32_t>(doc), static_cast<std::uint8_t>(1u << list), variants});
        }
      }
    }
    shard.terms[f[0]] = std::move(term);
  }
  shards_[index] = std::move(shard);
  shard_loaded_[index] = true;
  return true;
}

bool SearchEngine::read_vocab(const std::string& text, std::string& error) {
  std::map<std::string, std::uint32_t> df;
  for (const std::string& line : lines_of(text)) {
    if (line.empty()) continue;
    const std::size_t space = line.find(' ');
    std::size_t n = 0;
    if (space == std::string::npos || !to_number(line.substr(space + 1), n)) {
      error = vocab_part_ + ": bad line \"" + line.substr(0, 40) + "\"";
      return false;
    }
    df[line.substr(0, space)] = static_cast<std::uint32_t>(n);
  }
  vocab_ = std::move(df);
  vocab_loaded_ = true;
  return true;
}

bool SearchEngine::read_block(std::size_t index, const std::string& text, std::string& error) {
  std::vector<DocInfo> docs;
  for (const std::string& line : lines_of(text)) {
    if (line.empty()) continue;
    const std::vector<std::string> f = split(line, '\t');
    if (f.size() != 5) {
      error = block_parts_[index] + ": expected code, name, url, levels and field on each line";
      return false;
    }
    docs.push_back({f[0], f[1], f[2].empty() ? "thu-tuc/" + f[0] + "/" : f[2], f[3], f[4]});
  }
  const std::size_t expected = std::min(block_size_, doc_count_ - index * block_size_);
  if (docs.size() != expected) {
    error = block_parts_[index] + ": " + num(docs.size()) + " documents, expected " + num(expected);
    return false;
  }
  blocks_[index] = std::move(docs);
  block_loaded_[index] = true;
  return true;
}

bool SearchEngine::read_filters(const std::string& text, std::string& error) {
  const std::vector<std::string> lines = lines_of(text);
  std::vector<std::string> fields;
  std::vector<std::uint8_t> levels, flags;
  std::vector<std::uint16_t> field_of;
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    if (line.compare(0, 6, "field ") == 0) {
      fields.push_back(line.substr(6));
      continue;
    }
    const std::vector<std::string> f = split(line, ' ');
    std::size_t l = 0, fl = 0, fi = 0;
    if (f.size() != 3 || !to_number(f[0], l) || !to_number(f[1], fl) || !to_number(f[2], fi) || fi > fields.size()) {
      error = filter_part_ + ": bad line \"" + line.substr(0, 40) + "\"";
      return false;
    }
    levels.push_back(static_cast<std::uint8_t>(l));
    flags.push_back(static_cast<std::uint8_t>(fl));
    field_of.push_back(static_cast<std::uint16_t>(fi));
  }
  if (levels.size() != procedure_count_) {
    error = filter_part_ + ": does not cover every procedure";
    return false;
  }
  field_slugs_ = fields;
  doc_levels_ = levels;
  doc_flags_ = flags;
  doc_field_ = field_of;
  filters_loaded_ = true;
  return true;
}

bool SearchEngine::read_province(const std::string& slug, const std::string& text, std::string& error) {
  std::map<std::uint32_t, std::string> docs;
  for (const std::string& line : lines_of(text)) {
    if (line.empty()) continue;
    const std::vector<std::string> f = split(line, '\t');
    std::size_t doc = 0;
    if (f.size() != 2 || !to_number(f[0], doc) || doc >= doc_count_) {
      error = province_parts_[slug] + ": bad line \"" + line.substr(0, 40) + "\"";
      return false;
    }
    docs[static_cast<std::uint32_t>(doc)] = f[1];
  }
  province_docs_[slug] = std::move(docs);
  province_loaded_[slug] = true;
  return true;
}

std::size_t SearchEngine::shard_of(const std::string& folded_syllable) const {
  return search_codec::shard_of(folded_syllable, shard_count_);
}

const SearchEngine::Term* SearchEngine::find_term(const std::string& key, std::vector<std::string>& missing,
                                                  std::vector<std::string>& unavailable, bool partial) const {
  const std::size_t underscore = key.find('_');
  const std::size_t s = shard_of(underscore == std::string::npos ? key : key.substr(0, underscore));
  if (!shard_loaded_[s]) {
    std::vector<std::string>& list = partial ? unavailable : missing;
    if (std::find(list.begin(), list.end(), shard_parts_[s]) == list.end()) list.push_back(shard_parts_[s]);
    return nullptr;
  }
  const auto it = shards_[s].terms.find(key);
  return it == shards_[s].terms.end() ? nullptr : &it->second;
}

// --------------------------------------------------------------------------- querying

namespace {

struct QuerySyllable {
  SearchSyllable text;
  double weight = 1.0;  // question words ("cần gì", "ở đâu") count little
  // Spellings to look up: the syllable itself (quality 1) and near spellings (typos).
  std::vector<std::pair<std::string, double>> spellings;
};

struct Alternative {
  std::vector<QuerySyllable> syllables;
  double quality = 1.0;
  // A synonym's meaning: the documents that hold it, scored as a full match of the words
  // it stands for (`syllables` are then those words).
  const std::vector<SearchEngine::Posting>* docs = nullptr;
};

struct Clause {
  std::vector<Alternative> alternatives;
};

double field_weight(std::uint8_t fields) {
  if (fields & kName) return 3.0;
  if (fields & kKeywords) return 2.0;
  return 1.0;
}

}  // namespace

struct SearchQueryRun {
  const SearchEngine& e;
  const SearchOptions& opt;
  SearchReply& reply;
  bool all_soft = false;

  double idf(std::uint32_t df) const {
    return std::log(1.0 + static_cast<double>(e.doc_count_) / static_cast<double>(std::max<std::uint32_t>(df, 1)));
  }

  // A term, its shard asked for unless the syllable barely counts (then only if at hand).
  const SearchEngine::Term* lookup(const std::string& key, double weight) {
    // Never from whatever happens to be loaded: the same query gives the same answer.
    return weight > kSilent ? term(key) : nullptr;
  }

  const SearchEngine::Term* term(const std::string& key) {
    return e.find_term(key, reply.missing, reply.unavailable, opt.partial);
  }
  // A loaded term, without asking for its shard.
  const SearchEngine::Term* loaded_term(const std::string& key) const {
    const std::size_t s = e.shard_of(key.substr(0, key.find('_')));
    if (!e.shard_loaded_[s]) return nullptr;
    const auto it = e.shards_[s].terms.find(key);
    return it == e.shards_[s].terms.end() ? nullptr : &it->second;
  }

  // Near spellings of a syllable the index does not know, or knows only as a rarity
  // (from the vocabulary part, fetched only for such a syllable).
  void add_spellings(QuerySyllable& q) {
    const std::string& s = q.text.folded;
    q.spellings.push_back({s, 1.0});
    const SearchEngine::Term* known = loaded_term(s);
    const std::uint32_t own_df = known == nullptr ? 0 : known->df;
    if (!all_letters(s) || s.size() < 3 || own_df > 3) return;
    if (!e.vocab_loaded_) {
      need(e.vocab_part_);
      return;
    }
    std::vector<std::pair<std::uint32_t, std::string>> near;
    for (const auto& v : e.vocab_) {
      const std::string& t = v.first;
      if (t == s || std::max(t.size(), s.size()) < 4 || !all_letters(t)) continue;
      if (t.size() + 1 < s.size() || s.size() + 1 < t.size()) continue;
      if (v.second < std::max<std::uint32_t>(2, own_df * 20)) continue;
      if (within_one_edit(s, t)) near.push_back({v.second, t});
    }
    std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (near.size() > 4) near.resize(4);
    for (const auto& n : near) q.spellings.push_back({n.second, own_df == 0 ? 0.7 : 0.5});
  }

  // Syllables typed without the space between them ("khaisinh", "dangky"): a word the index
  // does not know, of 5+ letters, split where both halves are syllables the catalog uses
  // (the most common pair of halves wins). Needs the vocabulary part, like a typo.
  std::vector<SearchSyllable> unglued(const std::vector<SearchSyllable>& in) {
    std::vector<SearchSyllable> out;
    for (const SearchSyllable& syl : in) {
      const std::string& w = syl.folded;
      const bool candidate = w.size() >= 5 && w.size() <= 24 && all_letters(w) &&
                             make_syllable(syl, false).weight > kSilent && loaded_term(w) == nullptr;
      if (!candidate) {
        out.push_back(syl);
        continue;
      }
      if (!e.vocab_loaded_) {
        need(e.vocab_part_);
        out.push_back(syl);
        continue;
      }
      // Fewest syllables first, then the commonest: a small dynamic programme over the letters.
      const std::size_t n = w.size();
      std::vector<int> pieces(n + 1, -1);
      std::vector<std::uint32_t> common(n + 1, 0);
      std::vector<std::size_t> from(n + 1, 0);
      pieces[0] = 0;
      common[0] = 0xFFFFFFFFu;
      for (std::size_t i = 2; i <= n; ++i) {
        for (std::size_t j = (i > 7 ? i - 7 : 0); j + 2 <= i; ++j) {
          if (pieces[j] < 0) continue;
          const std::vector<SearchSyllable> piece = search_syllables(w.substr(j, i - j));
          if (piece.size() != 1) continue;
          const auto df = e.vocab_.find(piece[0].folded);
          if (df == e.vocab_.end()) continue;
          const int p = pieces[j] + 1;
          const std::uint32_t c = std::min(common[j], df->second);
          if (pieces[i] < 0 || p < pieces[i] || (p == pieces[i] && c > common[i])) {
            pieces[i] = p;
            common[i] = c;
            from[i] = j;
          }
        }
      }
      std::vector<SearchSyllable> halves;
      if (pieces[n] >= 2) {
        for (std::size_t i = n; i > 0; i = from[i]) halves.insert(halves.begin(), search_syllables(w.substr(from[i], i - from[i]))[0]);
      }
      if (halves.empty()) out.push_back(syl);
      else out.insert(out.end(), halves.begin(), halves.end());
    }
    return out;
  }

  // Scores one alternative (a phrase) into `out` (per document).
  // `strong`: the weight of the query's syllables found in each document's name or keywords.
  void score_alternative(const Alternative& alt, std::vector<float>& out, std::vector<std::uint8_t>& name_hits,
                         std::vector<float>& strong) {
    if (alt.docs != nullptr) {
      // As if every word typed were in the name, side by side.
      double full = 0;
      for (std::size_t k = 0; k < alt.syllables.size(); ++k) {
        const QuerySyllable& q = alt.syllables[k];
        if (q.weight <= kSilent) continue;
        const SearchEngine::Term* t = loaded_term(q.text.folded);
        const double i = idf(t != nullptr ? t->df : 1);
        full += q.weight * i * 3.0;
        if (k + 1 < alt.syllables.size()) {
          const QuerySyllable& next = alt.syllables[k + 1];
          const SearchEngine::Term* pair = loaded_term(q.text.folded + "_" + next.text.folded);
          const double pi = pair != nullptr ? idf(static_cast<std::uint32_t>(pair->postings.size())) : i;
          if (next.weight > kSilent) full += std::min(q.weight, next.weight) * pi * 3.0;
        }
      }
      int typed = 0;
      double weight = 0;
      for (const QuerySyllable& q : alt.syllables) {
        typed += q.weight >= 0.5 ? 1 : 0;
        weight += q.weight > kSilent ? q.weight : 0;
      }
      for (const SearchEngine::Posting& p : *alt.docs) {
        const float v = static_cast<float>(full * alt.quality * field_weight(p.fields) / 3.0);
        if (v > out[p.doc]) {
          out[p.doc] = v;
          if (p.fields & kName) name_hits[p.doc] = static_cast<std::uint8_t>(typed);
          strong[p.doc] = static_cast<float>(weight);
        }
      }
      return;
    }
    std::vector<float> syllable(e.doc_count_);
    std::vector<std::uint8_t> in_name(e.doc_count_), in_names_or_keywords(e.doc_count_);
    for (std::size_t k = 0; k < alt.syllables.size(); ++k) {
      const QuerySyllable& q = alt.syllables[k];
      std::fill(syllable.begin(), syllable.end(), 0.0f);
      std::fill(in_name.begin(), in_name.end(), 0);
      std::fill(in_names_or_keywords.begin(), in_names_or_keywords.end(), 0);
      for (const auto& spelling : q.spellings) {
        const SearchEngine::Term* t = lookup(spelling.first, q.weight);
        if (t == nullptr) continue;
        const double base = q.weight * idf(t->df) * spelling.second * alt.quality;
        int variant = -1;
        if (q.text.has_marks && spelling.second == 1.0) {
          for (std::size_t v = 0; v < t->variants.size(); ++v) {
            if (t->variants[v] == q.text.marked) variant = static_cast<int>(v);
          }
        }
        for (const auto& p : t->postings) {
          double marks = 1.0;
          if (q.text.has_marks) {
            if (spelling.second != 1.0) marks = 0.85;
            else if (!(p.fields & (kName | kKeywords))) marks = 0.9;
            else if (t->variants.size() <= 1) marks = (variant == 0) ? 1.0 : 0.8;
            else marks = (variant >= 0 && (p.variants >> variant) & 1u) ? 1.0 : 0.8;
          }
          const float v = static_cast<float>(base * field_weight(p.fields) * marks);
          if (v > syllable[p.doc]) syllable[p.doc] = v;
          if (p.fields & kName) in_name[p.doc] = 1;
          if (p.fields & (kName | kKeywords)) in_names_or_keywords[p.doc] = 1;
        }
      }
      for (std::size_t d = 0; d < e.doc_count_; ++d) {
        out[d] += syllable[d];
        if (in_name[d] && q.weight >= 0.5) name_hits[d] = static_cast<std::uint8_t>(name_hits[d] + 1);
        if (in_names_or_keywords[d] && q.weight > kSilent) strong[d] += static_cast<float>(q.weight);
      }
    }
    // Adjacent pairs: "khai sinh" together beats a page with both words apart.
    for (std::size_t k = 0; k + 1 < alt.syllables.size(); ++k) {
      const QuerySyllable& a = alt.syllables[k];
      const QuerySyllable& b = alt.syllables[k + 1];
      std::vector<float> pair(e.doc_count_);
      for (const auto& sa : a.spellings) {
        for (const auto& sb : b.spellings) {
          const double w = std::min(a.weight, b.weight);
          const SearchEngine::Term* t = lookup(sa.first + "_" + sb.first, w);
          if (t == nullptr) continue;
          // The pair weighs what the pair itself says: "hộ chiếu" is rare even though
          // "chiếu" (đối chiếu) and "hộ" are everywhere.
          const double base = idf(static_cast<std::uint32_t>(t->postings.size())) * w *
                              sa.second * sb.second * alt.quality;
          for (const auto& p : t->postings) {
            const float v = static_cast<float>(base * field_weight(p.fields));
            if (v > pair[p.doc]) pair[p.doc] = v;
          }
        }
      }
      for (std::size_t d = 0; d < e.doc_count_; ++d) out[d] += pair[d];
    }
  }

  // `all_soft`: the query has only question words, so they count as words.
  QuerySyllable make_syllable(const SearchSyllable& s, bool spellings = true) {
    QuerySyllable q;
    q.text = s;
    const auto soft = e.soft_words_.find(s.folded);
    if (soft != e.soft_words_.end() && !all_soft) {
      if (!s.has_marks) q.weight = soft->second.unmarked_weight;
      else if (s.marked == soft->second.marked) q.weight = soft->second.weight;
    }
    if (spellings && q.weight > kSilent) add_spellings(q);
    return q;
  }

  std::vector<Clause> clauses(const std::vector<SearchSyllable>& syllables) {
    std::vector<Clause> out;
    Alternative run;
    auto flush = [&]() {
      if (run.syllables.empty()) return;
      Clause c;
      c.alternatives.push_back(run);
      out.push_back(c);
      run = Alternative{};
    };
    for (std::size_t i = 0; i < syllables.size();) {
      // The longest synonym phrase starting here; among equals, the one written with the
      // query's own marks ("thuê đất" is not "thuế đất").
      std::size_t best_len = 0;
      int best_marks = -1;
      const SearchEngine::Synonym* best = nullptr;
      const std::size_t host = e.shard_of(syllables[i].folded);
      const std::vector<SearchEngine::Synonym> none;
      const bool silent = make_syllable(syllables[i], false).weight <= kSilent;
      const std::vector<SearchEngine::Synonym>& rules = e.shard_loaded_[host] && !silent ? e.shards_[host].synonyms : none;
      for (const SearchEngine::Synonym& syn : rules) {
        for (const std::string& w : syn.words) {
          const std::size_t slash = w.find('/');
          const std::vector<std::string> words = split(w.substr(0, slash), '_');
          const std::vector<std::string> marked =
              slash == std::string::npos ? words : split(w.substr(slash + 1), '_');
          if (words.size() < best_len || i + words.size() > syllables.size() || marked.size() != words.size()) continue;
          bool match = true;
          int marks = 0;
          for (std::size_t k = 0; k < words.size() && match; ++k) {
            match = syllables[i + k].folded == words[k];
            if (syllables[i + k].has_marks && syllables[i + k].marked == marked[k]) ++marks;
            if (syllables[i + k].has_marks && syllables[i + k].marked != marked[k]) --marks;
          }
          if (match && (words.size() > best_len || marks > best_marks)) {
            best_len = words.size();
            best_marks = marks;
            best = &syn;
          }
        }
      }
      if (best == nullptr) {
        run.syllables.push_back(make_syllable(syllables[i]));
        ++i;
        continue;
      }
      flush();
      Clause c;
      Alternative original;
      for (std::size_t k = 0; k < best_len; ++k) original.syllables.push_back(make_syllable(syllables[i + k]));
      c.alternatives.push_back(original);
      for (std::size_t m = 0; m < best->means.size() && m < best->means_docs.size(); ++m) {
        // A curated meaning counts as much as the words typed: "so do" is "sổ đỏ" far more
        // often than an accidental "thô sơ do" in a long name.
        // ... as long as the meaning is specific: one that many names hold ("giấy chứng
        // nhận", 300 names) says less about which procedure is meant.
        Alternative a = original;
        const double held = static_cast<double>(std::max<std::size_t>(20, best->means_docs[m].size()));
        a.quality = std::min(1.0, 0.6 + 0.4 * 20.0 / held);
        a.docs = &best->means_docs[m];
        c.alternatives.push_back(a);
      }
      for (std::size_t m = 0; m < best->means.size(); ++m) {
        const std::string& phrase = best->means[m];
        if (reply.note.find(phrase) != std::string::npos) continue;
        reply.note += (reply.note.empty() ? "" : ", ") + phrase;
      }
      out.push_back(c);
      i += best_len;
    }
    flush();
    return out;
  }

  // A province's filter keeps what can be done there: its published catalog, and every
  // national procedure handled at province or commune level (the catalogs we hold are
  // partial); its own versions come first and link to its pages (as `here`).
  bool filtering() const {
    return !opt.level.empty() || !opt.field.empty() || opt.boundary_independent || opt.full_online ||
           !opt.province.empty();
  }

  bool passes(std::size_t d) const {
    if (!filtering()) return true;
    if (d >= e.procedure_count_) return false;  // list pages have no level, field or flags
    if (!e.filters_loaded_) return true;         // offline without the filter part: unfiltered, and said
    const auto has_level = [&](const std::string& slug) {
      for (int l = 0; l < 4; ++l) {
        if (slug == kLevelSlugs[l]) return ((e.doc_levels_[d] >> l) & 1u) != 0;
      }
      return false;
    };
    if (!opt.level.empty() && !has_level(opt.level)) return false;
    if (!opt.field.empty()) {
      const std::uint16_t f = e.doc_field_[d];
      if (f == 0 || e.field_slugs_[f - 1] != opt.field) return false;
    }
    if (opt.boundary_independent && !(e.doc_flags_[d] & 1u)) return false;
    if (opt.full_online && !(e.doc_flags_[d] & 2u)) return false;
    if (!opt.province.empty()) {
      const auto it = e.province_docs_.find(opt.province);
      const bool listed = it != e.province_docs_.end() && it->second.count(static_cast<std::uint32_t>(d));
      if (!listed && !has_level("tinh") && !has_level("xa")) return false;
    }
    return true;
  }

  void need(const std::string& part) {
    std::vector<std::string>& list = opt.partial ? reply.unavailable : reply.missing;
    if (std::find(list.begin(), list.end(), part) == list.end()) list.push_back(part);
  }

  void run(const std::string& query) {
    std::vector<SearchSyllable> syllables = search_syllables(query);
    if (syllables.size() > kMaxSyllables) syllables.resize(kMaxSyllables);
    if (syllables.empty() || !e.has_head_) return;
    if (filtering() && !e.filters_loaded_ && !e.filter_part_.empty()) need(e.filter_part_);
    for (const std::string& slug : {opt.province, opt.here}) {
      if (slug.empty()) continue;
      const auto part = e.province_parts_.find(slug);
      if (part != e.province_parts_.end() && !e.province_loaded_.count(slug)) need(part->second);
    }

    // First the shards of the query's own syllables: they hold its synonyms and counts.
    // (A question word that barely counts, "gì", "nào", is not worth a download.)
    // Question words count only when the query has nothing else.
    bool soft_only = true;
    for (const SearchSyllable& syl : syllables) soft_only = soft_only && make_syllable(syl, false).weight < 1.0;
    all_soft = soft_only;
    for (const SearchSyllable& syl : syllables) {
      const std::size_t s = e.shard_of(syl.folded);
      if (!e.shard_loaded_[s] && make_syllable(syl, false).weight > kSilent) need(e.shard_parts_[s]);
    }
    if (!reply.missing.empty()) return;
    syllables = unglued(syllables);
    if (!reply.missing.empty()) return;
    std::vector<Clause> cs = clauses(syllables);
    if (!reply.missing.empty()) return;
    std::vector<float> total(e.doc_count_);
    std::vector<std::uint8_t> name_hits(e.doc_count_);
    std::vector<float> strong(e.doc_count_);
    double weight = 0;  // of every syllable that counts
    for (const Clause& c : cs) {
      for (const QuerySyllable& q : c.alternatives.front().syllables) weight += q.weight > kSilent ? q.weight : 0;
      std::vector<float> best(e.doc_count_), best_strong(e.doc_count_);
      std::vector<std::uint8_t> best_hits(e.doc_count_);
      for (const Alternative& a : c.alternatives) {
        std::vector<float> s(e.doc_count_), st(e.doc_count_);
        std::vector<std::uint8_t> hits(e.doc_count_);
        score_alternative(a, s, hits, st);
        for (std::size_t d = 0; d < e.doc_count_; ++d) {
          if (s[d] > best[d]) {
            best[d] = s[d];
            best_hits[d] = hits[d];
            best_strong[d] = st[d];
          }
        }
      }
      for (std::size_t d = 0; d < e.doc_count_; ++d) {
        total[d] += best[d];
        name_hits[d] = static_cast<std::uint8_t>(std::min(255, name_hits[d] + best_hits[d]));
        strong[d] += best_strong[d];
      }
    }
    if (!reply.missing.empty()) return;  // fetch first, then answer

    const std::map<std::uint32_t, std::string>* here = nullptr;
    const std::string& home = opt.here.empty() ? opt.province : opt.here;  // a province filter is home too
    if (!home.empty()) {
      const auto it = e.province_docs_.find(home);
      if (it != e.province_docs_.end()) here = &it->second;
    }
    std::vector<std::pair<double, std::uint32_t>> ranked;
    double top = 0;  // the best answer to the query, before any filter
    for (std::size_t d = 0; d < e.doc_count_; ++d) {
      if (total[d] <= 0) continue;
      // The share of the name the query covers: "khai sinh" is "Đăng ký khai sinh" more
      // than "Đăng ký khai sinh có yếu tố nước ngoài".
      const double length = std::max<double>(1, e.name_length_[d]);
      const double cover = std::min(1.0, name_hits[d] / length);
      double score = total[d] * (0.8 + 0.2 * cover) * (1.0 + 0.06 * e.prior_[d]);
      if (d >= e.procedure_count_) score *= 0.5;  // procedures before list pages
      top = std::max(top, score);
      if (!passes(d)) continue;
      // Under a filter, what is left must answer the query: most of what was typed in its
      // name or keywords, not one word of it and another in the steps.
      if (filtering() && strong[d] <= 0.5 * weight) continue;
      if (here != nullptr && here->count(static_cast<std::uint32_t>(d))) score *= 1.5;
      ranked.push_back({score, static_cast<std::uint32_t>(d)});
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    // Weak tails (one common word of a long question) are noise, not answers; under a
    // filter, what is left must still answer the query, not merely pass the filter.
    const double floor = (filtering() ? 0.25 : 0.12) * top;
    while (!ranked.empty() && ranked.back().first < floor) ranked.pop_back();
    const std::size_t limit = static_cast<std::size_t>(std::max(0, std::min(opt.limit, kMaxLimit)));
    if (ranked.size() > limit) ranked.resize(limit);

    for (const auto& r : ranked) {
      const std::size_t block = r.second / e.block_size_;
      if (!e.block_loaded_[block]) need(e.block_parts_[block]);
    }
    if (!reply.missing.empty()) return;
    for (const auto& r : ranked) {
      const std::size_t block = r.second / e.block_size_;
      if (!e.block_loaded_[block]) {
        reply.incomplete = true;
        continue;
      }
      const SearchEngine::DocInfo& info = e.blocks_[block][r.second % e.block_size_];
      SearchHit h;
      h.doc = static_cast<int>(r.second);
      h.code = info.code;
      h.name = info.name;
      h.url = info.url;
      h.levels = info.levels;
      h.field = info.field;
      h.score = r.first;
      if (here != nullptr) {
        const auto local = here->find(r.second);
        if (local != here->end()) {
          h.url = local->second;
          h.local = true;
        }
      }
      reply.results.push_back(h);
    }
    if (!reply.unavailable.empty()) reply.incomplete = true;
  }
};

SearchReply SearchEngine::search(const std::string& query, const SearchOptions& options) const {
  SearchReply reply;
  SearchQueryRun run{*this, options, reply};
  run.run(query);
  if (!reply.missing.empty()) reply.results.clear();
  return reply;
}

std::string SearchEngine::reply_json(const std::string& query, const SearchReply& reply, bool with_parts) {
  std::string out = "{\"query\":";
  json_string(out, query);
  out += ",\"results\":[";
  for (std::size_t i = 0; i < reply.results.size(); ++i) {
    const SearchHit& h = reply.results[i];
    if (i) out += ',';
    out += "{\"code\":";
    json_string(out, h.code);
    out += ",\"name\":";
    json_string(out, h.name);
    out += ",\"score\":" + fixed3(h.score) + ",\"url\":";
    json_string(out, h.url);
    out += ",\"levels\":";
    json_string(out, h.levels);
    out += ",\"field\":";
    json_string(out, h.field);
    if (h.local) out += ",\"local\":true";
    out += '}';
  }
  out += ']';
  if (!reply.note.empty()) {
    out += ",\"also\":";
    json_string(out, reply.note);
  }
  if (with_parts) {
    out += ",\"missing\":[";
    for (std::size_t i = 0; i < reply.missing.size(); ++i) {
      if (i) out += ',';
      json_string(out, reply.missing[i]);
    }
    out += "],\"unavailable\":[";
    for (std::size_t i = 0; i < reply.unavailable.size(); ++i) {
      if (i) out += ',';
      json_string(out, reply.unavailable[i]);
    }
    out += "],\"incomplete\":";
    out += reply.incomplete ? "true" : "false";
  }
  out += '}';
  return out;
}

}  // namespace motcua
