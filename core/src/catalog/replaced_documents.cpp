#include "motcua/replaced_documents.h"

#include <set>

#include "motcua/format.h"
#include "motcua/object_reader.h"

namespace motcua {

using nlohmann::json;

std::string document_number_key(const std::string& number) {
  std::string out;
  for (std::size_t i = 0; i < number.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(number[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    // "Đ" is C4 90 and "đ" C4 91 in UTF-8.
    if (c == 0xC4 && i + 1 < number.size() &&
        (static_cast<unsigned char>(number[i + 1]) == 0x90 || static_cast<unsigned char>(number[i + 1]) == 0x91)) {
      out += 'D';
      ++i;
      continue;
    }
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : static_cast<char>(c);
  }
  return out;
}

void read_replaced_documents(const JsonDocument& doc, std::vector<ReplacedDocument>& out, Diagnostics& diags) {
  ObjectReader top(doc, doc.value, "", diags, "file");
  top.string("$schema", Need::optional);
  std::set<std::string> seen;
  if (const json* items = top.array("documents", Need::required)) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      ObjectReader r(doc, (*items)[i], "/documents/" + std::to_string(i), diags, "replaced document");
      ReplacedDocument d;
      d.number = r.string("number", Need::required);
      if (!d.number.empty() && !seen.insert(document_number_key(d.number)).second) {
        r.error("number", "document \"" + d.number + "\" is listed twice");
      }
      d.title = r.string("title", Need::required);
      if (const json* by = r.object("replaced_by", Need::required)) {
        ObjectReader br(doc, *by, r.pointer_of("replaced_by"), diags, "replacing document");
        d.replaced_by_number = br.string("number", Need::required);
        d.replaced_by_title = br.string("title", Need::required);
        if (!d.number.empty() && document_number_key(d.replaced_by_number) == document_number_key(d.number)) {
          br.error("number", "a document cannot replace itself");
        }
        br.finish();
      }
      d.from = r.string("from", Need::optional);
      if (!d.from.empty() && !is_valid_date(d.from)) {
        r.error("from", "invalid date \"" + d.from + "\": write it as YYYY-MM-DD, e.g. 2021-07-01");
      }
      d.source = read_fee_source(r, "source", "source");
      d.sample = r.boolean("sample", Need::optional, false);
      d.note = r.string("note", Need::optional);
      if (!d.sample && r.has("source") && d.source.article.empty() && !d.source.document.empty()) {
        r.error_at_pointer(r.pointer_of("source"),
                           "name the article of " + d.source.document +
                               " that repeals or replaces the document in \"article\", or mark the entry "
                               "\"sample\": true until it is checked");
      }
      r.finish();
      out.push_back(d);
    }
  }
  top.finish();
}

}  // namespace motcua
