#!/usr/bin/env python3
"""Makes a national-size catalog to measure the site at scale. TEST DATA, never shipped.

Copies the shipped content folder and adds N synthetic procedures, cloned from the shipped
ones, so that the site can be built with the size of the real catalog (~2,700 procedures,
140 fields, ~570 at commune level, most of the rest at province level) before the imported
catalog lands:

    python3 tests/make_large_catalog.py --content content --out /tmp/large --total 2700
    motcua build --content /tmp/large/content --out /tmp/large-site

Each province's catalog (in the copy) also gets the shipped procedures at province or commune
level that it does not list yet, as a province's published list would hold them.

Every synthetic procedure is plainly marked: its code is 9.9xxxxx (no such national codes
exist), its name ends with "(thủ tục thử nghiệm <code>)", its summary, source decision and
note say it is generated test data, and the fields it adds are named "… (thử nghiệm)".
The shares of first words, name lengths and levels follow the 2,642 records of the National
Public Service Portal (counted once; the records themselves are not needed). The output is
the same for the same arguments (a fixed seed), so tests can rely on it.
"""
import argparse
import json
import os
import random
import shutil
import sys

# First words of procedure names and how often the portal's records start with them
# (per 2,642 records), so the A–Z letters are as lopsided as the real catalog's.
FIRST_WORDS = [
    ("Thủ tục", 657), ("Cấp", 590), ("Đăng ký", 218), ("Công nhận", 94), ("Khai báo", 76),
    ("Phê duyệt", 68), ("Gia hạn", 57), ("Chấp thuận", 50), ("Điều chỉnh", 42), ("Giải quyết", 40),
    ("Thẩm định", 39), ("Thông báo", 39), ("Đề nghị", 38), ("Chuyển đổi", 37), ("Thay đổi", 36),
    ("Xác nhận", 30), ("Quyết định", 28), ("Thu hồi", 27), ("Sửa đổi", 25), ("Hỗ trợ", 21),
    ("Chấm dứt", 19), ("Kiểm tra", 17), ("Chứng nhận", 17), ("Miễn", 15), ("Giao", 15),
    ("Trình", 14), ("Trả lại", 14), ("Xét duyệt", 13), ("Xóa đăng ký", 13), ("Bổ sung", 13),
    ("Cho phép", 12), ("Tuyển chọn", 8), ("Hoàn thuế", 8), ("Đổi", 7), ("Thành lập", 7),
    ("Báo cáo", 6), ("Lựa chọn", 6), ("Nộp", 5), ("Mua", 4), ("Ủy quyền", 2), ("Yêu cầu", 2),
    ("Rút", 2), ("Vay", 1), ("Ý kiến", 1),
]
# The portal's name lengths in characters: median 81, 90th percentile 178, longest 1,094.
LENGTH_BANDS = [(60, 0.50), (120, 0.30), (200, 0.12), (400, 0.06), (900, 0.02)]
# Level combinations and their shares in the portal's records.
LEVELS = [
    (["bo"], 1012), (["tinh"], 785), (["xa"], 306), (["bo", "tinh"], 223), (["bo", "tinh", "xa"], 141),
    (["tinh", "xa"], 90), (["bo", "xa"], 34), (["khac"], 28), (["xa", "khac"], 10),
    (["tinh", "xa", "khac"], 6), (["tinh", "khac"], 4), (["bo", "tinh", "xa", "khac"], 1),
]
FIELD_WORDS = [
    "Hải quan", "Hàng hải", "Đường thủy nội địa", "Ngân hàng", "Thuế", "Hàng không", "Chứng khoán",
    "Xuất nhập cảnh", "Đường bộ", "Khoáng sản", "Ngoại hối", "Thủy lợi", "Lâm nghiệp", "Thủy sản",
    "Trồng trọt", "Chăn nuôi", "Thú y", "Bảo vệ thực vật", "Môi trường", "Tài nguyên nước", "Khí tượng",
    "Đo đạc bản đồ", "Biển và hải đảo", "Kế toán", "Kiểm toán", "Bảo hiểm", "Giá", "Quản lý công sản",
    "Tài chính doanh nghiệp", "Dự trữ quốc gia", "Kho bạc", "Luật sư", "Công chứng", "Trợ giúp pháp lý",
    "Giám định tư pháp", "Đấu giá tài sản", "Trọng tài thương mại", "Hòa giải", "Bồi thường nhà nước",
    "Quốc tịch", "Nuôi con nuôi", "Phòng cháy chữa cháy", "Vũ khí vật liệu nổ", "Con dấu",
    "Quản lý ngành nghề kinh doanh có điều kiện", "Đường sắt", "Đăng kiểm", "Nhà ở", "Kinh doanh bất động sản",
    "Quy hoạch kiến trúc", "Hạ tầng kỹ thuật", "Vật liệu xây dựng", "Phát triển đô thị", "Tín dụng",
    "Thanh toán", "Phát hành tiền", "Thông tin tín dụng", "Tổ chức tài chính vi mô", "Quỹ tín dụng nhân dân",
    "Kinh tế hợp tác", "Phát triển nông thôn", "Quản lý chất lượng nông lâm sản", "Giống cây trồng",
    "Phân bón", "Thức ăn chăn nuôi", "Đê điều", "Phòng chống thiên tai", "Biến đổi khí hậu", "Viễn thám",
    "Bảo hiểm tiền gửi", "Xổ số", "Trò chơi điện tử có thưởng", "Hóa đơn", "Phí và lệ phí", "Ngân sách",
]


def weighted(rng, table):
    total = sum(w for _, w in table)
    x = rng.uniform(0, total)
    for value, w in table:
        x -= w
        if x <= 0:
            return value
    return table[-1][0]


def slugify(text):
    table = str.maketrans("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
                          "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd")
    out = "".join(c if c.isalnum() else "-" for c in text.lower().translate(table))
    return "-".join(part for part in out.split("-") if part)


def texts_of(procedure):
    """Sentences of a shipped procedure that name things: where synthetic names get their words."""
    out = [procedure.get("name", ""), procedure.get("summary", "")]
    out += [d.get("name", "") for d in procedure.get("dossier", [])]
    out += [l.get("title", "") for l in procedure.get("legal_basis", [])]
    out.append(procedure.get("result", {}).get("name", ""))
    return [t for t in out if t]


def word_chain(texts):
    """Which word follows which in the shipped texts (a first-order Markov chain)."""
    chain = {}
    for text in texts:
        words = text.replace("(", " ").replace(")", " ").replace(";", ",").split()
        for a, b in zip(words, words[1:]):
            chain.setdefault(a.lower(), []).append(b.lower())
    return chain


def make_name(rng, chain, code, field_name):
    """A name as varied as the portal's (so pages compress like real ones), clearly marked."""
    words = weighted(rng, FIRST_WORDS).split()
    target = weighted(rng, [(n, int(w * 100)) for n, w in LENGTH_BANDS])
    target = rng.randint(target // 2, target)
    keys = sorted(chain)
    while len(" ".join(words)) < target:
        following = chain.get(words[-1].lower())
        words.append(rng.choice(following) if following else rng.choice(keys))
    words = [w.rstrip(",.:") if i == len(words) - 1 else w for i, w in enumerate(words)]
    return " ".join(words) + " thuộc lĩnh vực " + field_name.lower() + " (thủ tục thử nghiệm " + code + ")"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--content", default="content", help="the shipped content folder to copy")
    ap.add_argument("--out", required=True, help="a new folder; the catalog goes to OUT/content")
    ap.add_argument("--count", type=int, default=2650, help="synthetic procedures to add (default 2650)")
    ap.add_argument("--total", type=int, help="instead of --count: add as many as needed to reach this many "
                                               "procedures (none when the content already has them)")
    ap.add_argument("--fields", type=int, default=len(FIELD_WORDS), help="synthetic fields to add")
    ap.add_argument("--seed", type=int, default=10)
    args = ap.parse_args()
    if not 0 <= args.count <= 99999:
        sys.exit("make_large_catalog: --count must be between 0 and 99999 (codes 9.900001–9.999999)")
    if not 1 <= args.fields <= len(FIELD_WORDS):
        sys.exit("make_large_catalog: --fields must be between 1 and %d" % len(FIELD_WORDS))
    dest = os.path.join(args.out, "content")
    if os.path.exists(dest):
        sys.exit("make_large_catalog: %s already exists; give a new --out folder" % dest)
    shutil.copytree(args.content, dest)
    rng = random.Random(args.seed)
    if args.total is not None:
        shipped_count = len([d for d in os.listdir(os.path.join(dest, "procedures")) if not d.startswith(".")])
        args.count = max(0, args.total - shipped_count)
        if args.count > 99999:
            sys.exit("make_large_catalog: --total needs more than 99999 synthetic codes")

    with open(os.path.join(dest, "fields.json"), encoding="utf-8") as f:
        fields_doc = json.load(f)
    new_fields = []
    # About 20 synthetic procedures per synthetic field, as in the portal (2,642 in 140 fields).
    for word in FIELD_WORDS[: min(args.fields, max(1, (args.count + 19) // 20))]:
        name = word + " (thử nghiệm)"
        slug = "thu-nghiem-" + slugify(word)
        new_fields.append((slug, name))
        fields_doc["fields"].append({"slug": slug, "name": name,
                                     "description": "Lĩnh vực tạo tự động để đo trang web với danh mục lớn; "
                                                    "không phải dữ liệu thật."})
    with open(os.path.join(dest, "fields.json"), "w", encoding="utf-8") as f:
        json.dump(fields_doc, f, ensure_ascii=False, indent=2)
        f.write("\n")

    proc_dir = os.path.join(dest, "procedures")
    templates = sorted(d for d in os.listdir(proc_dir) if not d.startswith("."))
    # A few fields hold most procedures, as in the portal (Hải quan 192, Thuế 140, …).
    field_weights = [(f, max(1, int(200 / (i + 1) ** 0.8))) for i, f in enumerate(new_fields)]
    shipped = {}
    for code in templates:
        with open(os.path.join(proc_dir, code, "procedure.json"), encoding="utf-8") as f:
            shipped[code] = json.load(f)
    chain = word_chain([t for code in templates for t in texts_of(shipped[code])])
    added = []
    for i in range(1, args.count + 1):
        code = "9.9%05d" % i
        source = templates[(i - 1) % len(templates)]
        p = json.loads(json.dumps(shipped[source]))
        slug, field_name = weighted(rng, field_weights)
        levels = weighted(rng, LEVELS)
        p["code"] = code
        p["name"] = make_name(rng, chain, code, field_name.replace(" (thử nghiệm)", ""))
        p["summary"] = ("Thủ tục thử nghiệm tạo tự động (nhân bản từ thủ tục " + source +
                        ") để đo trang web với danh mục cỡ toàn quốc. Không phải dữ liệu thật.")
        p["field"] = slug
        p["levels"] = levels
        p["related"] = []
        p["source"] = {"decision": "Dữ liệu thử nghiệm, không có quyết định công bố"}
        p["notes"] = ["Dữ liệu thử nghiệm tạo bởi tests/make_large_catalog.py."]
        target = os.path.join(proc_dir, code)
        shutil.copytree(os.path.join(proc_dir, source), target)
        with open(os.path.join(target, "procedure.json"), "w", encoding="utf-8") as f:
            json.dump(p, f, ensure_ascii=False, indent=2)
            f.write("\n")
        added.append((code, levels))

    # Every province publishes the province- and commune-level procedures, shipped and
    # synthetic, as a provincial decision does (a few left out, so provinces differ); the
    # entries it already has are kept as they are.
    everything = [(code, shipped[code].get("levels", [])) for code in templates] + added
    prov_root = os.path.join(dest, "provinces")
    for province in sorted(os.listdir(prov_root)):
        path = os.path.join(prov_root, province, "province.json")
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        listed = {e.get("procedure") for e in doc.get("catalog", [])}
        prng = random.Random(args.seed * 1000 + sum(map(ord, province)))
        for code, levels in everything:
            if code not in listed and ("tinh" in levels or "xa" in levels) and prng.random() < 0.97:
                doc.setdefault("catalog", []).append({"procedure": code})
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")

    commune_level = sum(1 for _, levels in added if "xa" in levels)
    province_level = sum(1 for _, levels in added if "tinh" in levels)
    print("make_large_catalog: %d procedures (%d synthetic: %d at commune level, %d at province level), "
          "%d fields added, in %s" % (len(templates) + len(added), len(added), commune_level, province_level,
                                      len(new_fields), dest))


if __name__ == "__main__":
    main()
