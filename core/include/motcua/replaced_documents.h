#pragma once
// Legal documents known to have been replaced (content/replaced-documents.json): each
// with the document that replaced it and the article that says so. `motcua check` warns
// when a procedure's legal basis still cites one (see quality.h).
#include <string>
#include <vector>

#include "motcua/diagnostic.h"
#include "motcua/fees.h"
#include "motcua/json_document.h"

namespace motcua {

struct ReplacedDocument {
  std::string number;              // "81/2006/QH11", as procedures cite it in legal_basis[].number
  std::string title;               // "Luật Cư trú 2006"
  std::string replaced_by_number;  // "68/2020/QH14"
  std::string replaced_by_title;   // "Luật Cư trú 2020"
  std::string from;                // YYYY-MM-DD: the day the replacement took effect (optional)
  FeeSource source;                // the replacing text's article on entry into force / repeal
  bool sample = false;             // not checked against the legal text
  std::string note;
};

// Reads {"documents": [...]} (see docs/content.md). Reports every problem in `diags`.
void read_replaced_documents(const JsonDocument& doc, std::vector<ReplacedDocument>& out, Diagnostics& diags);

// The form two citations of one document share: spaces removed, ASCII letters upper case,
// "Đ"/"đ" as "D" ("81/2006/qh11" and "81/2006/QH11", "118/2025/NĐ-CP" and "118/2025/ND-CP").
std::string document_number_key(const std::string& number);

}  // namespace motcua
