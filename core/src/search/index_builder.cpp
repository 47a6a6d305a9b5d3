// Writes the search index parts (docs/search.md) from the loaded catalog.
#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "codec.h"
#include "motcua/search.h"
#include "motcua/search_index.h"
#include "motcua/vietnamese_text.h"

namespace motcua {

namespace {

constexpr std::uint8_t kName = 1, kKeywords = 2, kBody = 4;
constexpr std::size_t kMaxVariants = 24;

struct Doc {
  std::string code;  // empty for list pages
  std::string name;
  std::string url;   // empty: thu-tuc/<code>/
  std::string levels;
  std::string field;  // the field's name, or what kind of page this is
  int prior = 0;
  std::string sort_key;
  // The texts indexed, pointing into the catalog (or into the builder's own strings for what
  // it composes): the steps and papers of ten thousand procedures are not copied.
  std::vector<const std::string*> name_texts, keyword_texts, body_texts;
  const Procedure* procedure = nullptr;
};

// A term in one document: the fields it is in (low 3 bits) and, where it is in the name or
// keywords, its marked spellings there (a slot of the builder's Spellings; 0 for none). A
// term's documents are a vector in document order: millions of them at national scale, so
// each is 8 bytes.
struct DocTerm {
  std::uint32_t doc = 0;
  std::uint32_t packed = 0;
  std::uint8_t fields() const { return static_cast<std::uint8_t>(packed & 7u); }
  std::uint32_t slot() const { return packed >> 3; }
  void add_fields(std::uint8_t f) { packed |= f; }
  void set_slot(std::uint32_t s) { packed = (packed & 7u) | (s << 3); }
};
using Postings = std::vector<DocTerm>;

// The marked spellings each (term, document) has in names and keywords: almost always one, so
// a slot holds one spelling id and the rare others sit beside it. Spellings are interned.
class Spellings {
 public:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t intern(const std::string& marked) {
    const auto it = ids_.emplace(marked, static_cast<std::uint32_t>(text_.size()));
    if (it.second) text_.push_back(&it.first->first);
    return it.first->second;
  }
  std::uint32_t find(const std::string& marked) const {
    const auto it = ids_.find(marked);
    return it == ids_.end() ? kNone : it->second;
  }
  const std::string& text(std::uint32_t id) const { return *text_[id]; }
  std::uint32_t new_slot(std::uint32_t id) {
    first_.push_back(id);
    return static_cast<std::uint32_t>(first_.size() - 1);
  }
  void add(std::uint32_t slot, std::uint32_t id) {
    if (first_[slot] == id) return;
    std::vector<std::uint32_t>& more = more_[slot];
    if (std::find(more.begin(), more.end(), id) == more.end()) more.push_back(id);
  }
  bool has(std::uint32_t slot, std::uint32_t id) const {
    if (slot == 0 || id == kNone) return false;
    if (first_[slot] == id) return true;
    const auto it = more_.find(slot);
    return it != more_.end() && std::find(it->second.begin(), it->second.end(), id) != it->second.end();
  }
  template <typename F>
  void each(std::uint32_t slot, F f) const {
    if (slot == 0) return;
    f(first_[slot]);
    const auto it = more_.find(slot);
    if (it != more_.end()) {
      for (const std::uint32_t id : it->second) f(id);
    }
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<const std::string*> text_;
  std::vector<std::uint32_t> first_{kNone};  // slot 0: none
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> more_;
};

// How commonly citizens use a procedure, 0..9 (docs/search.md, "Ranking").
int prior_of(const Procedure& p, const std::set<std::string>& common_fields) {
  const bool common = common_fields.count(p.field) > 0;
  if (p.status == ReviewStatus::reviewed) return 9;
  if (p.has_level(Level::xa)) return common ? 8 : 7;
  if (p.has_level(Level::tinh)) return common ? 5 : 3;
  if (p.has_level(Level::khac)) return 2;
  return common ? 2 : 1;
}

std::string levels_of(const Procedure& p) {
  std::string out;
  for (const Level l : p.levels) {
    if (!out.empty()) out += ',';
    out += level_slug(l);
  }
  return out;
}

// A name as a results list shows it: at most about 130 bytes, cut between words, with "…"
// (the page itself gives the whole name). Keeps the blocks a query downloads small.
std::string short_name(const std::string& name) {
  constexpr std::size_t kMax = 130;
  if (name.size() <= kMax) return name;
  std::size_t cut = name.rfind(' ', kMax);
  if (cut == std::string::npos || cut < kMax / 2) {
    cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // not inside a letter
  }
  std::string out = name.substr(0, cut);
  while (!out.empty() && (out.back() == ',' || out.back() == ' ' || out.back() == ';' || out.back() == '(')) out.pop_back();
  return out + "…";
}

std::string no_tabs(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// "folded/marked" with '_' between syllables: "dang_ky/da-ng_ki4".
std::string joined_word(const std::string& phrase) {
  std::string folded, marked;
  for (const SearchSyllable& s : search_syllables(phrase)) {
    if (!folded.empty()) {
      folded += '_';
      marked += '_';
    }
    folded += s.folded;
    marked += s.marked;
  }
  return folded + "/" + marked;
}

}  // namespace

SearchIndexFiles build_search_index(const Catalog& catalog, const SearchIndexOptions& options) {
  const std::set<std::string> common_fields(catalog.search.common_fields.begin(), catalog.search.common_fields.end());

  // ------------------------------------------------------------------ the documents
  std::vector<Doc> docs;
  std::deque<std::string> owned;  // the texts composed here; a deque keeps their addresses
  const auto own = [&owned](std::string s) -> const std::string* {
    owned.push_back(std::move(s));
    return &owned.back();
  };
  static const std::string no_field;
  for (const Procedure& p : catalog.procedures) {
    Doc d;
    d.code = p.code;
    d.name = p.name;
    d.levels = levels_of(p);
    const Field* field = catalog.find_field(p.field);
    if (field != nullptr) d.field = field->name;
    d.prior = prior_of(p, common_fields);
    d.sort_key = collation_key(p.name);
    d.procedure = &p;
    d.name_texts.push_back(&p.name);
    d.keyword_texts.push_back(field != nullptr ? &field->name : &no_field);
    // The number of the code ("001193" of "1.001193"), as pasted from a paper or the portal.
    d.keyword_texts.push_back(own(p.code.substr(p.code.find('.') + 1)));
    std::string digits = p.code;  // "1001193": the code typed without its dot
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    d.keyword_texts.push_back(own(std::move(digits)));
    for (const ProcedureResult& r : p.results) d.keyword_texts.push_back(&r.name);
    d.body_texts.push_back(&p.summary);
    for (const DossierItem& item : p.dossier) {
      d.body_texts.push_back(&item.name);
      for (const DossierAlternative& a : item.alternatives) d.body_texts.push_back(&a.name);
    }
    d.body_texts.push_back(&p.steps_markdown);
    d.body_texts.push_back(&p.conditions_markdown);
    docs.push_back(std::move(d));
  }
  std::sort(docs.begin(), docs.end(), [](const Doc& a, const Doc& b) {
    // Most used first; within a tier by field, so the results of one query (often of one
    // field) share their blocks of names and a phone downloads fewer of them.
    if (a.prior != b.prior) return a.prior > b.prior;
    if (a.field != b.field) return a.field < b.field;
    if (a.sort_key != b.sort_key) return a.sort_key < b.sort_key;
    return a.code < b.code;
  });
  const std::size_t procedure_count = docs.size();

  // List pages, after every procedure.
  auto page = [&](const std::string& name, const std::string& url, const std::string& kind,
                  const std::string& keywords, const std::string& body) {
    Doc d;
    d.name = name;
    d.url = url;
    d.field = kind;
    d.name_texts.push_back(own(name));
    d.keyword_texts.push_back(own(keywords));
    d.body_texts.push_back(own(body));
    docs.push_back(std::move(d));
  };
  for (const Field& f : catalog.fields) {
    page("Lĩnh vực " + f.name, "linh-vuc/" + f.slug + "/", "Danh sách thủ tục", "", f.description);
  }
  for (const LifeEvent& e : catalog.life_events) {
    page(e.name, "su-kien/" + e.slug + "/", "Danh sách thủ tục", "", e.description);
  }
  for (const ProvinceCatalog& pc : catalog.province_catalogs) {
    const ProvinceInfo* info = catalog.find_province(pc.slug);
    const std::string province = info != nullptr ? info->name : pc.slug;
    page(pc.center.name.empty() ? province : pc.center.name, pc.slug + "/", "Nơi nộp hồ sơ",
         province + " trung tâm phục vụ hành chính công", pc.center.address);
    for (const Commune& cm : pc.communes) {
      page(commune_kind_name(cm.kind) + std::string(" ") + cm.name + ", " + province, pc.slug + "/" + cm.slug + "/",
           "Nơi nộp hồ sơ", cm.center.name + " trung tâm phục vụ hành chính công", cm.center.address);
    }
  }
  page("Đường dây nóng", "duong-day-nong/", "Trang", "hotline số điện thoại liên hệ", "");
  page("Lịch làm việc và ngày nghỉ lễ", "lich-lam-viec/", "Trang", "lịch nghỉ tết ngày lễ", "");

  // ------------------------------------------------------------------ the terms
  // A syllable's postings hold one entry per document that has it, so the number of
  // documents a syllable is in (its df) is the size of its postings.
  // key -> its documents; looked up for every syllable of every text, so hashed, and put in
  // order once (`in_order`) where the order shows in the parts.
  std::unordered_map<std::string, Postings> terms;
  Spellings spellings;
  const auto posting = [](Postings& list, std::uint32_t doc) -> DocTerm& {
    if (list.empty() || list.back().doc != doc) list.push_back({doc, 0});
    return list.back();
  };
  std::vector<std::size_t> name_length(docs.size());
  // Each document's name and keyword texts as folded syllables, to find synonyms' phrases:
  // one sequence per document and kind of the syllables' keys in `terms` (a node of an
  // unordered_map stays where it is), its texts separated by nullptr.
  std::vector<std::vector<const std::string*>> phrases_in[2];
  phrases_in[0].resize(docs.size());
  phrases_in[1].resize(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const Doc& d = docs[i];
    const auto doc = static_cast<std::uint32_t>(i);
    auto add = [&](const std::vector<const std::string*>& texts, std::uint8_t field, bool pairs) {
      for (const std::string* text : texts) {
        const std::vector<SearchSyllable> syl = search_syllables(*text);
        if (field == kName) name_length[i] += syl.size();
        for (std::size_t k = 0; k < syl.size(); ++k) {
          const auto term = terms.try_emplace(syl[k].folded).first;
          DocTerm& t = posting(term->second, doc);
          t.add_fields(field);
          if (field != kBody) {
            phrases_in[field == kName ? 0 : 1][i].push_back(&term->first);
            const std::uint32_t id = spellings.intern(syl[k].marked);
            if (t.slot() == 0) t.set_slot(spellings.new_slot(id));
            else spellings.add(t.slot(), id);
          }
          if (pairs && k + 1 < syl.size()) posting(terms[syl[k].folded + "_" + syl[k + 1].folded], doc).add_fields(field);
        }
        if (field != kBody) phrases_in[field == kName ? 0 : 1][i].push_back(nullptr);
      }
    };
    add(d.name_texts, kName, true);
    add(d.keyword_texts, kKeywords, true);
    add(d.body_texts, kBody, false);
  }

  std::vector<const std::pair<const std::string, Postings>*> in_order;
  in_order.reserve(terms.size());
  for (const auto& t : terms) in_order.push_back(&t);
  std::sort(in_order.begin(), in_order.end(), [](const auto* a, const auto* b) { return a->first < b->first; });

  // Marked spellings of each folded syllable, for "exact diacritics above folded".
  std::unordered_map<std::string, std::vector<std::string>> variants;
  for (const auto& t : terms) {
    if (t.first.find('_') != std::string::npos) continue;
    std::set<std::string> all;
    for (const DocTerm& d : t.second) spellings.each(d.slot(), [&](std::uint32_t id) { all.insert(spellings.text(id)); });
    std::vector<std::string> v(all.begin(), all.end());
    if (v.size() > kMaxVariants) v.resize(kMaxVariants);
    variants[t.first] = v;
  }

  const std::size_t n = docs.size();
  std::size_t shard_count = options.shards;
  if (shard_count == 0) shard_count = std::max<std::size_t>(8, std::min<std::size_t>(512, n / 10));
  std::vector<std::string> shard_text(shard_count);
  for (const auto* term : in_order) {
    const auto& t = *term;
    const bool pair = t.first.find('_') != std::string::npos;
    const std::string first = pair ? t.first.substr(0, t.first.find('_')) : t.first;
    const auto term_df = static_cast<std::uint32_t>(pair ? 0 : t.second.size());
    // A word in the papers and steps of an eighth of the catalog tells little there.
    const bool common_in_body = n >= 200 && term_df * 8 > n;
    const std::vector<std::string>& v = pair ? std::vector<std::string>{} : variants[t.first];
    // Three lists, each document in the best field it has: the name, the keywords, the
    // papers and steps; gaps between documents, one character when under 32. A syllable
    // written several ways ("hoà", "hóa") has, in the name and keyword lists, one list per
    // way, separated by ';', so "exact diacritics above folded" costs no extra character.
    std::vector<std::uint32_t> docs_in[3];
    for (const DocTerm& d : t.second) {
      const std::uint8_t f = d.fields();
      const int list = (f & kName) ? 0 : (f & kKeywords) ? 1 : 2;
      if (list == 2 && common_in_body) continue;
      docs_in[list].push_back(d.doc);
    }
    auto encode = [](const std::vector<std::uint32_t>& ids) {
      std::string out;
      std::int64_t prev = -1;
      for (const std::uint32_t id : ids) {
        search_codec::put(out, static_cast<std::uint32_t>(id - prev - 1));
        prev = id;
      }
      return out;
    };
    std::string lists[3];
    for (int list = 0; list < 3; ++list) {
      if (list == 2 || v.size() <= 1) {
        lists[list] = encode(docs_in[list]);
        continue;
      }
      for (std::size_t k = 0; k < v.size(); ++k) {
        const std::uint32_t spelling = spellings.find(v[k]);
        std::vector<std::uint32_t> with;
        for (const std::uint32_t id : docs_in[list]) {
          const auto at = std::lower_bound(t.second.begin(), t.second.end(), id,
                                           [](const DocTerm& a, std::uint32_t b) { return a.doc < b; });
          if (spellings.has(at->slot(), spelling)) with.push_back(id);
        }
        lists[list] += (k ? ";" : "") + encode(with);
      }
    }
    if (lists[0].empty() && lists[1].empty() && lists[2].empty()) continue;
    std::string line = t.first + "\t" + std::to_string(term_df) + "\t";
    for (std::size_t k = 0; k < v.size(); ++k) line += (k ? "|" : "") + v[k];
    line += "\t" + lists[0] + "\t" + lists[1] + "\t" + lists[2] + "\n";
    shard_text[search_codec::shard_of(first, shard_count)] += line;
  }
  // Synonyms live in the shard of each word's first syllable: the query fetches it anyway.
  // Each meaning comes with the documents whose name (or keywords) holds it, so a query
  // that uses a synonym downloads no further shard:
  // "=\t<words>\t<meaning>|<meaning>\t<name docs>;<keyword docs>|…".
  // A phrase never holds nullptr, so it is found only inside one text.
  auto holds = [](const std::vector<const std::string*>& texts, const std::vector<const std::string*>& phrase) {
    if (phrase.empty() || phrase.size() > texts.size()) return false;
    return std::search(texts.begin(), texts.end(), phrase.begin(), phrase.end()) != texts.end();
  };
  for (const SearchSynonym& syn : catalog.search.synonyms) {
    std::map<std::size_t, std::string> words_by_shard;
    for (const std::string& w : syn.words) {
      const std::vector<SearchSyllable> syl = search_syllables(w);
      if (syl.empty()) continue;
      std::string& list = words_by_shard[search_codec::shard_of(syl[0].folded, shard_count)];
      list += (list.empty() ? "" : "|") + joined_word(w);
    }
    std::string means, lists;
    for (std::size_t m = 0; m < syn.means.size(); ++m) {
      std::vector<std::string> phrase;
      for (const SearchSyllable& x : search_syllables(syn.means[m])) phrase.push_back(x.folded);
      std::vector<const std::string*> phrase_keys;  // the phrase's syllables as keys of `terms`
      std::string found[2];
      std::int64_t prev[2] = {-1, -1};
      // Only a document whose name or keywords hold every syllable of the phrase can hold
      // the phrase: the term lists give those candidates, in document order.
      std::vector<std::uint32_t> candidates;
      for (std::size_t k = 0; k < phrase.size(); ++k) {
        const auto t = terms.find(phrase[k]);
        std::vector<std::uint32_t> with;
        if (t != terms.end()) {
          phrase_keys.push_back(&t->first);
          for (const DocTerm& d : t->second) {
            if ((d.fields() & (kName | kKeywords)) != 0 &&
                (k == 0 || std::binary_search(candidates.begin(), candidates.end(), d.doc))) {
              with.push_back(d.doc);
            }
          }
        }
        candidates = std::move(with);
        if (candidates.empty()) break;
      }
      for (const std::uint32_t i : candidates) {
        for (int f = 0; f < 2; ++f) {
          if (!holds(phrases_in[f][i], phrase_keys)) continue;
          search_codec::put(found[f], static_cast<std::uint32_t>(static_cast<std::int64_t>(i) - prev[f] - 1));
          prev[f] = static_cast<std::int64_t>(i);
          break;  // the name is the better place
        }
      }
      std::string text = syn.means[m];
      for (char& c : text) {
        if (c == '|' || c == '\t' || c == '\n') c = ' ';
      }
      means += (m ? "|" : "") + text;
      lists += (m ? "|" : "") + found[0] + ";" + found[1];
    }
    for (const auto& w : words_by_shard) shard_text[w.first] += "=\t" + w.second + "\t" + means + "\t" + lists + "\n";
  }

  // Parts by kind; each named "<kind>.<hash of its bytes>.txt" below.
  std::vector<std::pair<std::string, std::string>> parts;  // stem, text
  for (std::size_t sh = 0; sh < shard_count; ++sh) parts.push_back({"t" + std::to_string(sh), shard_text[sh]});
  // Names in blocks, for the results a query shows.
  const std::size_t block = std::max<std::size_t>(1, options.block_size);
  for (std::size_t b = 0; b * block < n; ++b) {
    std::string text;
    for (std::size_t i = b * block; i < std::min(n, (b + 1) * block); ++i) {
      const Doc& d = docs[i];
      text += no_tabs(d.code) + "\t" + no_tabs(short_name(d.name)) + "\t" + no_tabs(d.url) + "\t" + d.levels + "\t" +
              no_tabs(d.field) + "\n";
    }
    parts.push_back({"d" + std::to_string(b), text});
  }
  // Filters: level, flags and field of every procedure.
  {
    std::string text;
    std::map<std::string, std::size_t> field_index;
    for (const Field& f : catalog.fields) {
      field_index[f.slug] = field_index.size() + 1;
      text += "field " + f.slug + "\n";
    }
    for (std::size_t i = 0; i < procedure_count; ++i) {
      const Procedure& p = *docs[i].procedure;
      unsigned levels = 0;
      for (const Level l : p.levels) levels |= 1u << static_cast<unsigned>(l);
      const unsigned flags = (p.boundary_independent ? 1u : 0u) | (p.full_online ? 2u : 0u);
      const auto f = field_index.find(p.field);
      text += std::to_string(levels) + " " + std::to_string(flags) + " " +
              std::to_string(f == field_index.end() ? 0 : f->second) + "\n";
    }
    parts.push_back({"f", text});
  }
  // The vocabulary, for near spellings of a typo and for words typed without their spaces:
  // syllables of letters only, 2+ of them, in 2+ documents, of a name or keyword or else of
  // 3+ documents.
  {
    std::string text;
    for (const auto* term : in_order) {
      const auto& t = *term;
      if (t.first.find('_') != std::string::npos) continue;  // a pair of syllables
      const std::size_t df = t.second.size();
      const bool letters = std::all_of(t.first.begin(), t.first.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      if (!letters || t.first.size() < 2 || df < (n >= 200 ? 2u : 1u)) continue;  // a rarity is no target in a large catalog
      bool in_name = false;
      for (const DocTerm& p : t.second) in_name = in_name || (p.fields() & (kName | kKeywords));
      if (!in_name && df < 3) continue;
      text += t.first + " " + std::to_string(df) + "\n";
    }
    parts.push_back({"v", text});
  }
  // One part per province catalog: its procedures and where it lists each (its own version,
  // or the national page).
  std::string provinces;
  {
    std::map<std::string, std::uint32_t> doc_of;
    for (std::size_t i = 0; i < procedure_count; ++i) doc_of[docs[i].code] = static_cast<std::uint32_t>(i);
    for (const ProvinceCatalog& pc : catalog.province_catalogs) {
      std::map<std::uint32_t, std::string> lines;
      for (const CatalogEntry& e : pc.catalog) {
        const auto d = doc_of.find(e.procedure);
        if (d != doc_of.end()) lines[d->second] = catalog.procedure_path(&pc, e.procedure);
      }
      std::string text;
      for (const auto& l : lines) text += std::to_string(l.first) + "\t" + l.second + "\n";
      parts.push_back({"p-" + pc.slug, text});
      provinces += (provinces.empty() ? "" : ",") + pc.slug;
    }
  }

  // ------------------------------------------------------------------ the head
  std::string head_body = "docs " + std::to_string(n) + " " + std::to_string(procedure_count) + "\n";
  head_body += "shards " + std::to_string(shard_count) + "\nblock " + std::to_string(block) + "\n";
  head_body += "provinces " + provinces + "\n";
  std::string prior = "prior ", lengths = "namelen ";
  for (std::size_t i = 0; i < n; ++i) {
    prior += static_cast<char>('0' + std::clamp(docs[i].prior, 0, 9));
    // Name lengths in a few steps (1–4, 6, 8, 12, 16 syllables): enough for the share of
    // the name a query covers, and the line compresses to a third.
    const std::size_t len = std::max<std::size_t>(name_length[i], 1);
    lengths += static_cast<char>('0' + (len <= 4 ? len : len <= 6 ? 6 : len <= 9 ? 8 : len <= 13 ? 12 : 16));
  }
  head_body += prior + "\n" + lengths + "\n";
  // Question words: "soft <folded> <marked> <weight> <weight when typed without marks>". Typed
  // without marks, "the" may be "thế nào" or "thẻ"; a word that many names use keeps its weight.
  auto decimal = [](double v) {
    const long long milli = static_cast<long long>(v * 1000 + 0.5);
    return std::to_string(milli / 1000) + "." + std::to_string(1000 + milli % 1000).substr(1);
  };
  for (const auto& w : catalog.search.question_words) {
    const std::vector<SearchSyllable> syl = search_syllables(w.first);
    if (syl.size() != 1) continue;
    std::size_t in_names = 0;
    const auto t = terms.find(syl[0].folded);
    if (t != terms.end()) {
      for (const DocTerm& d : t->second) in_names += (d.fields() & kName) ? 1 : 0;
    }
    head_body += "soft " + syl[0].folded + " " + syl[0].marked + " " + decimal(w.second) + " " +
                 decimal(in_names >= 10 ? 1.0 : w.second) + "\n";
  }
  // Each part is named by the hash of its own bytes, so an edit renames only the parts it
  // changes; the head, under a fixed name, lists them all. Names are short (every query
  // downloads the head): "parts t <hash><hash>…" for the numbered shards and blocks, in
  // order, and "part f <hash>" for the others.
  std::map<std::string, std::string> series;  // "t", "d" -> their hashes, concatenated
  std::string singles;
  SearchIndexFiles out;
  out.head = kSearchHeadPath;
  out.parts.push_back({out.head, ""});
  for (const auto& p : parts) {
    const std::string hash = search_codec::part_hash(p.second);
    const bool numbered = (p.first[0] == 't' || p.first[0] == 'd') && p.first.size() > 1 &&
                          std::isdigit(static_cast<unsigned char>(p.first[1]));
    if (numbered) series[p.first.substr(0, 1)] += hash;
    else singles += "part " + p.first + " " + hash + "\n";
    out.parts.push_back({"search/" + p.first + "." + hash + ".txt", p.second});
  }
  std::string names;
  for (const auto& s : series) names += "parts " + s.first + " " + s.second + "\n";
  out.parts.front().bytes = "motcua-search 2\n" + head_body + names + singles;
  return out;
}

}  // namespace motcua
