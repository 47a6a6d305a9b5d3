#include "motcua/site_renderer.h"
#include "motcua/search_index.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

#include "motcua/catalog_diff.h"
#include "motcua/civil_date.h"
#include "motcua/deadline.h"
#include "motcua/forms.h"
#include "motcua/format.h"
#include "motcua/lunar_calendar.h"
#include "motcua/procedure_data.h"
#include "motcua/vietnamese_text.h"
#include "motcua/work_calendar.h"
#include "page_data.h"
#include "page_scripts.h"

namespace motcua {

using render::Data;
using render::put;

namespace {

// All 64 bits of FNV-1a, in hex: a job's key (SiteBuilder::job_key), only ever compared with
// the previous key of the same job; content_hash() is its first ten digits.
std::string key_hash(const std::string& bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::string content_hash(const std::string& bytes) { return key_hash(bytes).substr(0, 10); }

bool normalize_base_url(std::string& url, std::string& error) {
  const bool http = url.rfind("http://", 0) == 0, https = url.rfind("https://", 0) == 0;
  const std::size_t scheme = https ? 8 : 7;
  if ((!http && !https) || url.size() <= scheme) {
    error = "the base URL must be an absolute http:// or https:// URL, e.g. https://tthc.laichau.gov.vn/";
    return false;
  }
  if (url.size() > 2000) {
    error = "the base URL is longer than 2000 characters";
    return false;
  }
  for (const char c : url) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      error = "the base URL may not contain control characters (a line break or tab pasted with it?)";
      return false;
    }
    if (c == ' ' || c == '"' || c == '<' || c == '>' || c == '\'' || c == '\\' || c == '?' || c == '#' || c == '`' ||
        c == '{' || c == '}' || c == '|' || c == '^') {
      error = "the base URL may not contain spaces, quotes, angle brackets, '?' or '#'";
      return false;
    }
  }
  const std::size_t host_end = url.find('/', scheme);
  const std::string host = url.substr(scheme, host_end == std::string::npos ? std::string::npos : host_end - scheme);
  if (host.empty() || host.find('@') != std::string::npos) {
    error = "the base URL needs a host name, e.g. https://tthc.laichau.gov.vn/";
    return false;
  }
  if (url.find('/', scheme) == std::string::npos) url += '/';
  if (url.back() != '/') url += '/';
  return true;
}

namespace {

struct Crumb {
  std::string name;
  std::string dir;  // site-relative directory of the page, "" for home
};

struct PageMeta {
  std::string title;
  std::string description;
  std::vector<Crumb> crumbs;
  Data help;  // the hotline shown in the header of every page (WCAG 3.2.6)
  bool noindex = false;
};

// Text for XML (the Atom feed): escaped, and without the control characters XML 1.0 does not
// allow (a name pasted from a word processor may carry one; a feed reader would reject the feed).
std::string xml_text(const std::string& text) {
  std::string clean;
  clean.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    clean += c;
  }
  return escape_html(clean);
}

std::string root_for(const std::string& dir) {
  std::string root;
  for (const char c : dir) {
    if (c == '/') root += "../";
  }
  return root;
}

// The thread's set of templates: 0 is the builder's own, 1.. the other rendering threads'
// copies (a Mustache template is not safe to render from two threads at once).
thread_local std::size_t t_worker = 0;

// The files and pages of the keyed job this thread is rendering, if any (SiteBuilder::keyed).
thread_local JobOutput* t_recording = nullptr;

// Jobs done between two returns of freed memory to the system (run_jobs).
constexpr std::size_t kTrimEvery = 100;

class SiteBuilder {
 public:
  SiteBuilder(const Catalog& catalog, const SiteOptions& options, Diagnostics& diags, FileSink& sink)
      : c_(catalog), opt_(options), diags_(diags), sink_(sink) {
    // A–Z ranks, filled before any thread reads them.
    const auto& all = c_.procedures_by_name();
    for (std::size_t i = 0; i < all.size(); ++i) rank_.emplace(all[i]->code, i);
    for (std::size_t i = 0; i < c_.fields.size(); ++i) field_position_.emplace(c_.fields[i].slug, i);
  }

  void build(const std::vector<SourceFile>& templates) {
    if (!load_templates(templates)) return;
    // The search index is built beside the pages (they name its head by its fixed path) and
    // written after them.
    std::exception_ptr index_failed;
    std::thread index;
    const auto build_index = [this, &index_failed] {
      try {
        search_ = build_search_index(c_);
      } catch (...) {
        index_failed = std::current_exception();
      }
    };
    struct Joined {  // never left running, whatever ends the build
      std::thread& t;
      ~Joined() {
        if (t.joinable()) t.join();
      }
    } joined{index};
    if (opt_.jobs > 1) {
      index = std::thread(build_index);
    } else {
      build_index();
    }
    national_help_ = national_help();
    // The days of the dated content, and what the pages announce of those to come.
    changes_ = dated_changes(c_);
    for (const DatedChange& day : changes_) {
      if (day.date <= c_.in_force_on) continue;
      for (const ItemChange& item : day.diff.procedures) upcoming_[{"", item.code}].push_back({day.date, &item});
      for (const ProvinceChange& pc : day.diff.provinces) {
        for (const ItemChange& item : pc.entries) upcoming_[{pc.slug, item.code}].push_back({day.date, &item});
      }
    }
    // Every page and data file is one job among many, rendered on every core and written as
    // soon as it is done. The longest jobs come first, so that no thread is left with one at
    // the end; the order of the output never depends on which thread made what.
    std::vector<std::function<void()>> jobs;
    jobs.push_back([this] { az_list(); });
    jobs.push_back([this] { field_pages(); });
    jobs.push_back([this] { level_pages(); });
    for (const ProvinceCatalog& pc : c_.province_catalogs) jobs.push_back([this, &pc] { center_page(pc, nullptr); });
    for (const ProvinceInfo& info : c_.provinces) {
      if (const ProvinceCatalog* pc = c_.find_province_catalog(info.slug)) {
        jobs.push_back([this, &info, pc] { emit(province_api_file(c_, info, *pc, opt_)); });
      }
    }
    jobs.push_back([this] { emit(catalog_api_file(c_, opt_)); });
    for (const Procedure& p : c_.procedures) {
      jobs.push_back([this, &p] {
        keyed("thu-tuc/" + p.code + "/", job_key(p, nullptr), [&] {
          procedure_page(p, nullptr, nullptr);
          emit(procedure_api_file(p, opt_));
        });
      });
    }
    for (const ProvinceCatalog& pc : c_.province_catalogs) {
      for (const CatalogEntry& e : pc.catalog) {
        if (!e.local_version) continue;  // its lists link to the national page
        if (const Procedure* p = c_.find_procedure(e.procedure)) {
          jobs.push_back([this, p, &pc, &e] {
            keyed(pc.slug + "/thu-tuc/" + p->code + "/", job_key(*p, &pc), [&] { procedure_page(*p, &pc, &e); });
          });
        }
      }
    }
    // A commune's page needs what every commune of its province receives (their shared lists).
    std::deque<EveryCommune> every_commune;
    for (const ProvinceCatalog& pc : c_.province_catalogs) {
      every_commune.push_back(receives_everywhere(pc));
      for (const Commune& cm : pc.communes) {
        jobs.push_back([this, &pc, &cm, &every = every_commune.back()] { center_page(pc, &cm, every); });
      }
    }
    jobs.push_back([this] { home(); });
    jobs.push_back([this] { search_page(); });
    jobs.push_back([this] { flag_pages(); });
    jobs.push_back([this] { life_event_pages(); });
    jobs.push_back([this] { hotline_directory(); });
    jobs.push_back([this] { essential_services_page(); });
    jobs.push_back([this] { working_calendar(); });
    jobs.push_back([this] { drafts_pages(); });
    jobs.push_back([this] { form_pages(); });
    jobs.push_back([this] { not_found(); });
    jobs.push_back([this] { changes_page(); });
    total_ = jobs.size();
    run_jobs(jobs);
    // Threads finish in any order: the sitemap lists the pages in the order of their paths.
    std::sort(page_paths_.begin(), page_paths_.end());
    for (OutputFile& f : render_sitemap(page_paths_, opt_)) emit(std::move(f));
    if (index.joinable()) index.join();
    if (index_failed) std::rethrow_exception(index_failed);
    for (OutputFile& f : search_.parts) emit(std::move(f));
    search_.parts.clear();
    web_app();
    report_progress(true);
  }

 private:
  const Catalog& c_;
  const SiteOptions& opt_;
  Diagnostics& diags_;
  FileSink& sink_;
  const std::string shared_key_ = opt_.shared_inputs.empty() ? std::string() : key_hash(opt_.shared_inputs);
  const bool dated_ = c_.has_dated_content();
  std::mutex mutex_;  // guards diags_, sums_, page_paths_, shared_lists_ and the progress count
  std::vector<std::pair<std::string, std::string>> sums_;  // path, content hash: the service worker's version
  std::vector<std::map<std::string, kainjow::mustache::mustache>> worker_templates_;
  std::size_t done_ = 0, total_ = 0;
  std::set<std::string> shared_lists_;  // the communes' shared field lists already rendered (under mutex_)
  std::chrono::steady_clock::time_point last_report_{};

  // True for the first commune page to reach a shared list: that one renders it (whichever
  // commune it is, the list is the same).
  bool claim_shared_list(const std::string& dir) {
    std::lock_guard<std::mutex> lock(mutex_);
    return shared_lists_.insert(dir).second;
  }

  // Hands a file to the sink, keeping its hash for the service worker's version.
  void emit(OutputFile f) {
    const std::string sum = content_hash(f.bytes);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      sums_.emplace_back(f.path, sum);
    }
    if (t_recording != nullptr) t_recording->files.emplace_back(f.path, sum);
    sink_.put(std::move(f), sum);
  }

  // The fingerprint of what a procedure's page (national, or `province`'s version) is made
  // from: everything but the procedures (the province's catalog included), the procedure's
  // own folder, and the folders of the procedures it names as related (their names and
  // links are on the page). Empty, and the job is always rendered, when a folder is unknown.
  std::string job_key(const Procedure& p, const ProvinceCatalog* province) const {
    if (shared_key_.empty()) return "";
    const auto own = opt_.procedure_inputs.find(p.code);
    if (own == opt_.procedure_inputs.end()) return "";
    // The day shown, where content is dated: another day may show another version.
    std::string k = shared_key_ + "\n" + (province != nullptr ? province->slug : "") + "\n" + p.code + "\n" +
                    own->second + (dated_ ? "\ndate " + c_.in_force_on : std::string());
    for (const std::string& code : p.related) {
      const auto other = opt_.procedure_inputs.find(code);
      k += "\nrelated " + code + "\n" + (other != opt_.procedure_inputs.end() ? other->second : "-");
    }
    return key_hash(k);
  }

  // Runs `render` unless the sink holds what a job of this id and key made before; either way
  // the job's files count for the service worker and its pages for the sitemap.
  template <typename Render>
  void keyed(const std::string& id, const std::string& key, Render&& render) {
    if (key.empty()) {
      render();
      return;
    }
    JobOutput made;
    if (sink_.reuse(id, key, made)) {
      std::lock_guard<std::mutex> lock(mutex_);
      for (const auto& [path, sum] : made.files) sums_.emplace_back(path, sum);
      for (const std::string& dir : made.pages) page_paths_.push_back(dir);
      return;
    }
    t_recording = &made;
    struct Stop {  // never left pointing at a finished job, whatever ends it
      ~Stop() { t_recording = nullptr; }
    } stop;
    render();
    sink_.record(id, key, made);
  }

  void error(const std::string& file, const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    diags_.error(file, 0, 0, "", message);
  }

  void report_progress(bool last) {
    if (!opt_.progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (!last && now - last_report_ < std::chrono::milliseconds(200)) return;
    last_report_ = now;
    opt_.progress(done_, total_);
  }

  // Runs the jobs on opt_.jobs threads (this one included); any exception becomes an error.
  void run_jobs(const std::vector<std::function<void()>>& jobs) {
    const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(opt_.jobs, jobs.size()));
    while (worker_templates_.size() + 1 < threads) worker_templates_.push_back(templates_);
    std::atomic<std::size_t> next{0};
    const auto work = [&](std::size_t worker) {
      t_worker = worker;
      for (std::size_t i = next++; i < jobs.size() && sink_.ok(); i = next++) {
        try {
          jobs[i]();
        } catch (const std::exception& e) {
          error("", std::string("rendering failed: ") + e.what());
        }
        bool trim = false;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          trim = ++done_ % kTrimEvery == 0;
          report_progress(false);
        }
#if defined(__GLIBC__)
        // Each thread allocates from an arena of its own (no lock to wait for); what a page
        // freed goes back to the system now and then, or every arena would keep its own
        // high-water mark: the 10,568-procedure bench build peaks at ~250 MiB instead of ~310
        // (bench/README.md).
        if (trim) malloc_trim(0);
#else
        (void)trim;
#endif
      }
      t_worker = 0;
    };
    std::vector<std::thread> others;
    for (std::size_t w = 1; w < threads; ++w) others.emplace_back(work, w);
    work(0);
    for (std::thread& t : others) t.join();
  }
  std::vector<DatedChange> changes_;  // every day of the dated content (Catalog::change_dates)
  // (province slug or "", code) -> the changes to come: day, and what changes.
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, const ItemChange*>>> upcoming_;
  const std::vector<std::pair<std::string, const ItemChange*>> no_upcoming_;
  std::map<std::string, kainjow::mustache::mustache> templates_;
  std::map<std::string, std::string> template_files_;
  std::map<std::string, std::string> assets_;  // logical name -> hashed site path
  std::vector<std::string> page_paths_;
  Data national_help_;
  SearchIndexFiles search_;
  std::unordered_map<std::string, std::size_t> rank_;  // procedure code -> position A–Z
  std::unordered_map<std::string, std::size_t> field_position_;  // field slug -> its first place in fields.json

  bool load_templates(const std::vector<SourceFile>& templates) {
    static const char* const required[] = {"layout", "home",   "az",       "procedure", "procedure-list",
                                           "link-list", "center", "hotlines", "not-found",
                                           "calendar", "drafts", "offline", "sw.js", "form", "search",
                                           "essential-services", "embed", "nhung.js", "changes"};
    // The publisher's logo (site.json "brand"), hashed like the assets.
    const Brand& brand = c_.site.brand;
    if (!brand.logo_bytes.empty()) {
      const std::string hashed = "assets/logo." + content_hash(brand.logo_bytes) + brand.logo.substr(brand.logo.rfind('.'));
      assets_["logo"] = hashed;
      emit({hashed, brand.logo_bytes});
    }
    for (const SourceFile& t : templates) {
      if (t.path.rfind("assets/", 0) == 0) {
        // Hash in the name: a new build never mixes with an old cached copy.
        const std::string name = t.path.substr(7);
        const auto dot = name.rfind('.');
        const std::string hashed = dot == std::string::npos
                                       ? name + "." + content_hash(t.text)
                                       : name.substr(0, dot) + "." + content_hash(t.text) + name.substr(dot);
        assets_[name] = "assets/" + hashed;
        emit({"assets/" + hashed, t.text});
        continue;
      }
      if (t.path.rfind("api/", 0) == 0) {
        // Published as they are: the JSON Schemas of the open data (docs/api.md).
        emit({t.path, t.text});
        continue;
      }
      const std::string suffix = ".mustache";
      if (t.path.size() <= suffix.size() || t.path.compare(t.path.size() - suffix.size(), suffix.size(), suffix) != 0) {
        continue;
      }
      const std::string name = t.path.substr(0, t.path.size() - suffix.size());
      kainjow::mustache::mustache m(t.text);
      if (!m.is_valid()) {
        error("templates/" + t.path, "template error: " + m.error_message());
        continue;
      }
      templates_.emplace(name, std::move(m));
      template_files_[name] = "templates/" + t.path;
    }
    for (const char* name : required) {
      if (!templates_.count(name)) diags_.error(std::string("templates/") + name + ".mustache", 0, 0, "", "required template is missing");
    }
    std::vector<std::string> required_assets = {"style.css", "icon.svg", "icon-192.png", "icon-512.png", "embed.js", "embed.css"};
    for (const std::string& script : render::client_scripts()) required_assets.push_back(script);
    for (const std::string& asset : required_assets) {
      if (!assets_.count(asset)) diags_.error("templates/assets/" + asset, 0, 0, "", "required asset is missing");
    }
    return !diags_.has_errors();
  }

  std::string render_template(const std::string& name, const Data& data) {
    kainjow::mustache::mustache& t =
        t_worker == 0 ? templates_.at(name) : worker_templates_.at(t_worker - 1).at(name);
    std::string out = t.render(data);
    if (!t.is_valid()) error(template_files_.at(name), "template error: " + t.error_message());
    return out;
  }

  // The header of every page offers one number, in the same place (WCAG 3.2.6), and only a
  // checked one: a sample number stays on the center and hotline pages with its mark. The
  // national number is the first of hotlines.json (the general help line; a later one, such
  // as a child-protection line, is no answer to "who do I ask about this procedure"). With
  // no checked number the header keeps only the link to all hotlines.
  Data national_help() {
    Data h;
    put(h, "label", "Tổng đài hỗ trợ");
    put(h, "number", "");
    put(h, "tel", "");
    put(h, "sample", false);
    if (!c_.hotlines.empty() && !c_.hotlines.front().sample) {
      const NationalHotline& n = c_.hotlines.front();
      put(h, "number", n.number);
      put(h, "tel", tel_uri(n.number));
    }
    return h;
  }

  // A center's first checked hotline, else the national one.
  Data center_help(const Center& center) {
    for (const Hotline& line : center.hotlines) {
      if (line.sample) continue;
      Data h;
      put(h, "label", "Đường dây nóng");
      put(h, "number", line.number);
      put(h, "tel", tel_uri(line.number));
      put(h, "sample", false);
      return h;
    }
    return Data(national_help_);
  }

  // Writes dir/index.html (or `file` when given) from `tmpl` inside the layout.
  void page(const std::string& dir, const std::string& tmpl, Data data, PageMeta meta,
            const std::string& file = "") {
    const bool absolute_root = !file.empty();  // 404 pages are served at any depth
    std::string root = root_for(dir);
    if (absolute_root) {
      const std::size_t path_start = opt_.base_url.find('/', opt_.base_url.find("//") + 2);
      root = opt_.base_url.substr(path_start);
    }
    put(data, "root", root);
    const std::string body = render_template(tmpl, data);

    Data layout;
    put(layout, "root", root);
    put(layout, "no_header_search", tmpl == "home" || tmpl == "search");
    put(layout, "home_href", root.empty() ? "./" : root);
    put(layout, "title", meta.title);
    put(layout, "is_home", dir.empty() && !absolute_root);
    put(layout, "page_title", dir.empty() && !absolute_root ? c_.site.title : meta.title + " – " + c_.site.title);
    put(layout, "description", meta.description.empty() ? c_.site.description : meta.description);
    put(layout, "site_title", c_.site.title);
    put(layout, "publisher", c_.site.publisher);
    // A province or commune publishing its own copy: its logo, colours and contact.
    const Brand& brand = c_.site.brand;
    put(layout, "brand_logo", assets_.count("logo") ? root + assets_.at("logo") : std::string());
    put(layout, "brand_name", brand.name);
    put(layout, "theme_color", brand.primary.empty() ? std::string("#0b4f8a") : brand.primary);
    put(layout, "brand_css", brand.primary.empty() ? std::string()
                                                   : ":root{--brand:" + brand.primary + ";--brand-dark:" +
                                                         brand.primary_dark + "}");
    put(layout, "has_contact", !brand.phone.empty() || !brand.email.empty() || !brand.address.empty());
    put(layout, "contact_address", brand.address);
    put(layout, "contact_phone", brand.phone);
    put(layout, "contact_tel", brand.phone.empty() ? std::string() : tel_uri(brand.phone));
    put(layout, "contact_email", brand.email);
    put(layout, "content_as_of", format_date(c_.site.content_as_of));
    put(layout, "canonical", opt_.base_url + dir);
    put(layout, "css", root + assets_.at("style.css"));
    put(layout, "icon", root + assets_.at("icon.svg"));
    put(layout, "touch_icon", root + assets_.at("icon-192.png"));
    // The shared script, and the scripts of the tools this page has (render/page_scripts.h).
    Data scripts = render::list();
    for (const std::string& script : render::page_scripts(body)) {
      Data x;
      put(x, "src", root + assets_.at(script));
      scripts.push_back(x);
    }
    put(layout, "scripts", scripts);
    // The WebAssembly core is there when the build found it (motcua build --wasm): the module
    // of this page's engines (render/page_scripts.h), both behind the same loader.
    const std::string wasm_module = render::page_wasm(body);
    const bool wasm = assets_.count("motcua.js") && assets_.count(wasm_module);
    put(layout, "wasm", wasm);
    put(layout, "wasm_js", wasm ? root + assets_.at("motcua.js") : "");
    put(layout, "wasm_url", wasm ? root + assets_.at(wasm_module) : "");
    put(layout, "content_as_of_iso", c_.site.content_as_of);
    // The search: its index head, and its engine when the build has the WebAssembly modules.
    put(layout, "search_head", root + kSearchHeadPath);
    const bool search_wasm = assets_.count("motcua-search.wasm") > 0;
    put(layout, "search_wasm", search_wasm);
    put(layout, "search_wasm_url", search_wasm ? root + assets_.at("motcua-search.wasm") : "");
    put(layout, "search_js", assets_.count("search.js") ? root + assets_.at("search.js") : "");
    // On a province's pages the search puts that province's own versions first.
    const std::string first_dir = dir.substr(0, dir.find('/'));
    put(layout, "here", !first_dir.empty() && c_.find_province_catalog(first_dir) != nullptr ? first_dir : "");
    put(layout, "noindex", meta.noindex);
    put(layout, "has_forms", !c_.forms.empty());
    put(layout, "has_essential_services", c_.essential_services.loaded);
    put(layout, "help", meta.help);
    Data crumbs = render::list();
    for (const Crumb& cr : meta.crumbs) {
      Data x;
      put(x, "name", cr.name);
      put(x, "href", root + cr.dir);
      crumbs.push_back(x);
    }
    put(layout, "breadcrumbs", crumbs);
    put(layout, "has_breadcrumbs", !meta.crumbs.empty());
    put(layout, "body", body);
    const std::string path = absolute_root ? file : dir + "index.html";
    emit({path, render_template("layout", layout)});
    if (!meta.noindex) {
      if (t_recording != nullptr) t_recording->pages.push_back(dir);
      std::lock_guard<std::mutex> lock(mutex_);
      page_paths_.push_back(dir);
    }
  }

  PageMeta meta(std::string title, std::string description, std::vector<Crumb> crumbs) {
    PageMeta m;
    m.title = std::move(title);
    m.description = std::move(description);
    m.crumbs = std::move(crumbs);
    m.help = Data(national_help_);
    return m;
  }

  static Crumb home_crumb() { return {"Trang chủ", ""}; }

  void home() {
    Data d;
    put(d, "site_title", c_.site.title);
    put(d, "description", c_.site.description);
    put(d, "procedure_count", std::to_string(c_.procedures.size()));
    Data events = render::list();
    for (const LifeEvent& e : c_.life_events) {
      Data x;
      put(x, "name", e.name);
      put(x, "description", e.description);
      put(x, "href", "su-kien/" + e.slug + "/");
      events.push_back(x);
    }
    put(d, "life_events", events);
    Data fields = render::list();
    for (const Field& f : c_.fields) {
      Data x;
      put(x, "name", f.name);
      put(x, "href", "linh-vuc/" + f.slug + "/");
      fields.push_back(x);
    }
    put(d, "fields", fields);
    Data published = render::list(), others = render::list();
    for (const ProvinceInfo& p : c_.provinces) {
      Data x;
      put(x, "name", p.name);
      if (const ProvinceCatalog* pc = c_.find_province_catalog(p.slug)) {
        put(x, "href", p.slug + "/");
        Data communes = render::list();
        for (const Commune& cm : pc->communes) {
          Data y;
          put(y, "name", std::string(commune_kind_name(cm.kind)) + " " + cm.name);
          put(y, "href", p.slug + "/" + cm.slug + "/");
          communes.push_back(y);
        }
        put(x, "communes", communes);
        published.push_back(x);
      } else {
        others.push_back(x);
      }
    }
    put(d, "published_provinces", published);
    put(d, "other_provinces", others);
    PageMeta m = meta(c_.site.title, c_.site.description, {});
    page("", "home", d, m);
  }

  // Long lists are split into pages of this many procedures: no list page a phone
  // downloads grows with the catalog (~100 KB gzip is the budget, issue 10).
  static constexpr std::size_t kPageSize = 100;

  // One line of a list: the procedure, the site-relative page it links to and, on a
  // province's lists, where it is received.
  struct ListEntry {
    const Procedure* procedure;
    std::string target;
    std::string where;
  };

  // The position of a procedure in Vietnamese A–Z order, by code (lists of a province hold
  // localized copies, which are not in procedures_by_name()).
  std::size_t name_rank(const Procedure& p) const {
    const auto it = rank_.find(p.code);
    return it == rank_.end() ? rank_.size() : it->second;
  }

  void sort_by_name(std::vector<const Procedure*>& procedures) {
    std::stable_sort(procedures.begin(), procedures.end(),
                     [&](const Procedure* a, const Procedure* b) { return name_rank(*a) < name_rank(*b); });
  }

  static std::string page_dir(const std::string& dir, std::size_t n) {
    return n <= 1 ? dir : dir + "trang-" + std::to_string(n) + "/";
  }

  // The first words of a name, as guide words for a page of a list ("Cấp giấy phép xây…";
  // four, because thousands of names start with the same two, "Thủ tục …", "Cấp giấy …").
  static std::string guide_words(const std::string& name) {
    std::size_t words = 0, i = 0;
    while (i < name.size() && words < 4) {
      while (i < name.size() && name[i] == ' ') ++i;
      while (i < name.size() && name[i] != ' ') ++i;
      ++words;
    }
    std::string out = name.substr(0, i);
    while (!out.empty() && (out.back() == ',' || out.back() == '.' || out.back() == ':' || out.back() == ';')) out.pop_back();
    return i < name.size() ? out + "…" : out;
  }

  // Writes `entries` as dir/, dir/trang-2/, … with at most kPageSize each. Every page says
  // "Trang 2/5", links the previous and next pages (rel="prev"/"next") and every other page
  // with its guide words, and works without JavaScript. `decorate` adds page-specific data
  // (it gets the page's root).
  template <typename Decorate>
  void list_pages(const std::string& dir, const std::string& heading, const std::string& intro,
                  const std::vector<ListEntry>& entries, const std::vector<Crumb>& crumbs, Decorate decorate) {
    const std::size_t pages = std::max<std::size_t>(1, (entries.size() + kPageSize - 1) / kPageSize);
    for (std::size_t n = 1; n <= pages; ++n) {
      const std::string here = page_dir(dir, n);
      const std::string root = root_for(here);
      const std::size_t first = (n - 1) * kPageSize, last = std::min(entries.size(), n * kPageSize);
      Data items = render::list();
      for (std::size_t i = first; i < last; ++i) {
        const ListEntry& e = entries[i];
        Data x = render::procedure_item(*e.procedure, root + e.target, c_);
        put(x, "where", e.where);
        items.push_back(x);
      }
      Data d;
      put(d, "heading", heading);
      put(d, "intro", n == 1 ? intro : "");
      put(d, "procedures", items);
      put(d, "count", std::to_string(entries.size()));
      if (pages > 1) {
        Data pager;
        put(pager, "page", std::to_string(n));
        put(pager, "pages", std::to_string(pages));
        put(pager, "first", std::to_string(first + 1));
        put(pager, "last", std::to_string(last));
        put(pager, "prev", n > 1 ? root + page_dir(dir, n - 1) : "");
        put(pager, "next", n < pages ? root + page_dir(dir, n + 1) : "");
        Data links = render::list();
        for (std::size_t k = 1; k <= pages; ++k) {
          const std::size_t a = (k - 1) * kPageSize, b = std::min(entries.size(), k * kPageSize) - 1;
          Data l;
          put(l, "number", std::to_string(k));
          put(l, "href", root + page_dir(dir, k));
          put(l, "current", k == n);
          put(l, "from", guide_words(entries[a].procedure->name));
          put(l, "to", guide_words(entries[b].procedure->name));
          links.push_back(l);
        }
        put(pager, "links", links);
        put(d, "pager", pager);
      }
      decorate(d, root);
      std::vector<Crumb> page_crumbs = crumbs;
      std::string title = heading;
      if (n > 1) {
        page_crumbs.push_back({heading, dir});
        title += " (trang " + std::to_string(n) + "/" + std::to_string(pages) + ")";
      }
      page(here, "procedure-list", d, meta(title, n == 1 ? intro : heading + ", trang " + std::to_string(n) + ".",
                                           std::move(page_crumbs)));
    }
  }

  static std::vector<ListEntry> national_entries(const std::vector<const Procedure*>& procedures) {
    std::vector<ListEntry> out;
    for (const Procedure* p : procedures) out.push_back({p, "thu-tuc/" + p->code + "/", ""});
    return out;
  }

  // The A–Z letters of the catalog in Vietnamese order, each with its procedures in order.
  std::vector<std::pair<std::string, std::vector<const Procedure*>>> letters() const {
    std::vector<std::pair<std::string, std::vector<const Procedure*>>> out;
    std::map<std::string, std::size_t> at;
    for (const Procedure* p : c_.procedures_by_name()) {
      const std::string l = index_letter(p->name);
      const auto it = at.find(l);
      if (it == at.end()) {
        at.emplace(l, out.size());
        out.push_back({l, {p}});
      } else {
        out[it->second].second.push_back(p);
      }
    }
    // A name that starts with a digit or a sign sorts among the letters; its heading goes
    // first ("0–9") or last ("#"), the letters in dictionary order.
    const auto key = [](const std::string& l) {
      return l == "0–9" ? std::string(1, '\0') : l == "#" ? std::string(1, '\x7f') + "#" : collation_key(l);
    };
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return key(a.first) < key(b.first); });
    return out;
  }

  // "C" -> "chu-c/", "Đ" -> "chu-dd/": the folder of a letter's pages under thu-tuc/.
  static std::string letter_dir(const std::string& letter) {
    if (letter == "Đ") return "chu-dd/";
    if (letter == "0–9") return "chu-so/";
    if (letter.size() == 1 && letter[0] >= 'A' && letter[0] <= 'Z') {
      return "chu-" + std::string(1, static_cast<char>(letter[0] - 'A' + 'a')) + "/";
    }
    return "chu-khac/";
  }

  // /thu-tuc/: the A–Z index, one tile per letter with its count. When the whole catalog
  // fits on one page it is listed there too, by letter (find with Ctrl+F). Each letter has
  // its own pages, /thu-tuc/chu-c/, /thu-tuc/chu-c/trang-2/, …
  void az_list() {
    const auto groups = letters();
    const std::size_t total = c_.procedures.size();
    const auto letter_nav = [&](const std::string& root, const std::string& current) {
      Data nav = render::list();
      for (const auto& [letter, procs] : groups) {
        Data x;
        put(x, "letter", letter);
        put(x, "href", root + "thu-tuc/" + letter_dir(letter));
        put(x, "count", std::to_string(procs.size()));
        put(x, "current", letter == current);
        nav.push_back(x);
      }
      return nav;
    };
    Data inline_groups = render::list();
    if (total <= kPageSize) {
      for (const auto& [letter, procs] : groups) {
        Data g;
        put(g, "letter", letter);
        Data items = render::list();
        for (const Procedure* p : procs) items.push_back(render::procedure_item(*p, "../thu-tuc/" + p->code + "/", c_));
        put(g, "procedures", items);
        inline_groups.push_back(g);
      }
    }
    Data d;
    put(d, "letters", letter_nav("../", ""));
    put(d, "groups", inline_groups);
    put(d, "count", std::to_string(total));
    page("thu-tuc/", "az", d,
         meta("Tất cả thủ tục từ A đến Z", "Danh sách " + std::to_string(total) +
                                               " thủ tục hành chính xếp theo vần A–Z.",
              {home_crumb()}));
    for (const auto& [letter, procs] : groups) {
      list_pages("thu-tuc/" + letter_dir(letter), "Thủ tục vần " + letter,
                 std::to_string(procs.size()) + " thủ tục có tên bắt đầu bằng chữ " + letter + ".",
                 national_entries(procs), {home_crumb(), {"Thủ tục A–Z", "thu-tuc/"}},
                 [&, letter = letter](Data& page_data, const std::string& root) {
                   put(page_data, "letters", letter_nav(root, letter));
                 });
    }
  }

  // /tim-kiem/: where every search box leads. With JavaScript the results appear as the
  // citizen types (templates/assets/search.js), with filters; without it the page still
  // answers with the A–Z letters and the fields, so the form never leads nowhere.
  void search_page() {
    Data d;
    Data letters = render::list();
    for (const auto& [letter, procs] : this->letters()) {
      Data x;
      put(x, "letter", letter);
      put(x, "href", "../thu-tuc/" + letter_dir(letter));
      put(x, "count", std::to_string(procs.size()));
      letters.push_back(x);
    }
    put(d, "letters", letters);
    std::map<std::string, std::size_t> per_field;
    for (const Procedure& p : c_.procedures) ++per_field[p.field];
    Data fields = render::list();
    for (const Field& f : c_.fields) {
      if (!per_field.count(f.slug)) continue;
      Data x;
      put(x, "slug", f.slug);
      put(x, "name", f.name);
      put(x, "href", "../linh-vuc/" + f.slug + "/");
      put(x, "count", std::to_string(per_field[f.slug]));
      fields.push_back(x);
    }
    put(d, "fields", fields);
    Data provinces = render::list();
    for (const ProvinceCatalog& pc : c_.province_catalogs) {
      Data x;
      put(x, "slug", pc.slug);
      put(x, "name", render::province_name(c_, pc.slug));
      provinces.push_back(x);
    }
    put(d, "provinces", provinces);
    put(d, "has_provinces", !c_.province_catalogs.empty());
    put(d, "count", std::to_string(c_.procedures.size()));
    page("tim-kiem/", "search", d,
         meta("Tìm thủ tục", "Tìm thủ tục hành chính theo tên hoặc từ quen dùng, có dấu hay không dấu.",
              {home_crumb()}));
  }

  void procedure_page(const Procedure& national, const ProvinceCatalog* province, const CatalogEntry* entry) {
    const Procedure p = entry != nullptr ? Catalog::localize(national, *entry) : national;
    const std::string dir = (province != nullptr ? province->slug + "/" : "") + "thu-tuc/" + p.code + "/";
    Data d = render::procedure_data(c_, p, root_for(dir), province, entry);
    std::vector<Crumb> crumbs = {home_crumb()};
    PageMeta m = meta(plain_title(p), p.summary, {});
    if (province != nullptr) {
      crumbs.push_back({render::province_name(c_, province->slug), province->slug + "/"});
      m.help = center_help(province->center);
    } else {
      crumbs.push_back({"Thủ tục", "thu-tuc/"});
    }
    m.crumbs = crumbs;
    // What the page's fee calculator and checklist run on, offline too.
    const std::string data_path = procedure_data_path(p.code, province != nullptr ? province->slug : "");
    emit({data_path, procedure_data_json(c_, p, province)});
    put(d, "tool_data", root_for(dir) + data_path);
    put(d, "upcoming", upcoming_data(p.code, province, root_for(dir)));
    page(dir, "procedure", d, m);
  }

  // "Từ ngày 01/01/2027 thủ tục này thay đổi: …": the changes to come of a procedure, day by
  // day. The national page says what changes nationally, and which provinces add it to their
  // list or take it off. A province's page says what changes for a citizen of that province:
  // both versions with the province's entry of their day applied, so a national change the
  // province overrides is not announced there, and one of its own is.
  Data upcoming_data(const std::string& code, const ProvinceCatalog* province, const std::string& root) const {
    Data days = render::list();
    const auto notice = [&](const std::string& date, const std::string& heading, const std::vector<FieldChange>& changes) {
      Data x;
      put(x, "date", format_date(date));
      put(x, "href", root + "thay-doi/#ngay-" + date);
      put(x, "heading", heading);
      Data lines = render::list();
      for (const FieldChange& f : changes) lines.push_back(Data(f.text));
      put(x, "has_lines", !changes.empty());
      put(x, "lines", lines);
      days.push_back(x);
    };
    const auto national = upcoming_.find({"", code});
    const auto& none = no_upcoming_;
    const auto& nation = national != upcoming_.end() ? national->second : none;
    if (province == nullptr) {
      std::map<std::string, std::vector<std::string>> listed, unlisted;  // date -> province names
      for (const auto& [key, items] : upcoming_) {
        if (key.first.empty() || key.second != code) continue;
        for (const auto& [date, item] : items) {
          if (item->kind == ChangeKind::added) listed[date].push_back(render::province_name(c_, key.first));
          if (item->kind == ChangeKind::removed) unlisted[date].push_back(render::province_name(c_, key.first));
        }
      }
      std::set<std::string> dates;
      for (const auto& [date, item] : nation) dates.insert(date);
      for (const auto& [date, names] : listed) dates.insert(date);
      for (const auto& [date, names] : unlisted) dates.insert(date);
      for (const std::string& date : dates) {
        for (const auto& [day, item] : nation) {
          if (day != date) continue;
          if (item->kind == ChangeKind::removed) notice(date, "thủ tục này bị bãi bỏ", {});
          if (item->kind == ChangeKind::amended) notice(date, "thủ tục này thay đổi", item->changes);
        }
        if (listed.count(date)) notice(date, join_nonempty(listed[date]) + " thêm thủ tục này vào danh mục", {});
        if (unlisted.count(date)) notice(date, join_nonempty(unlisted[date]) + " bỏ thủ tục này khỏi danh mục", {});
      }
      return days;
    }
    const auto own = upcoming_.find({province->slug, code});
    std::set<std::string> dates;
    for (const auto& [date, item] : nation) dates.insert(date);
    if (own != upcoming_.end()) {
      for (const auto& [date, item] : own->second) dates.insert(date);
    }
    const std::string where = " tại " + render::province_name(c_, province->slug);
    for (const std::string& date : dates) {
      const bool abolished = std::any_of(nation.begin(), nation.end(), [&](const auto& x) {
        return x.first == date && x.second->kind == ChangeKind::removed;
      });
      if (abolished) {
        notice(date, "thủ tục này bị bãi bỏ", {});
      } else if (c_.entry_on(province->slug, code, date) == nullptr) {
        notice(date, "thủ tục này không còn trong danh mục" + where, {});
      } else {
        const std::vector<FieldChange> lines = localized_changes(c_, *province, code, date);
        if (!lines.empty()) notice(date, "thủ tục này thay đổi" + where, lines);
      }
    }
    return days;
  }

  // Words for a change of the catalog, as the changes page and the feed say it.
  static std::string change_kind_words(ChangeKind kind, bool entry) {
    switch (kind) {
      case ChangeKind::added: return entry ? "Thêm vào danh mục" : "Thủ tục mới";
      case ChangeKind::removed: return entry ? "Bỏ khỏi danh mục" : "Bãi bỏ";
      case ChangeKind::amended: break;
    }
    return "Sửa đổi";
  }

  Data change_item(const ItemChange& item, const std::string& province, const std::string& date,
                   const std::string& href) const {
    const bool entry = !province.empty();
    Data x;
    put(x, "name", item.name);
    put(x, "code", item.code);
    put(x, "kind", change_kind_words(item.kind, entry));
    put(x, "href", href);
    put(x, "anchor", "ngay-" + date + "-" + (entry ? province + "-" : std::string()) + item.code);
    Data lines = render::list();
    for (const FieldChange& f : item.changes) lines.push_back(Data(f.text));
    put(x, "has_lines", !item.changes.empty());
    put(x, "lines", lines);
    return x;
  }

  // /thay-doi/: every day of the dated content, those to come first, each with what changes
  // (the same words as motcua diff); and /thay-doi.xml, its Atom feed.
  void changes_page() {
    const std::string dir = "thay-doi/";
    const std::string root = root_for(dir);
    Data upcoming = render::list(), past = render::list();
    std::string feed_entries;
    std::string latest;
    for (auto day = changes_.rbegin(); day != changes_.rend(); ++day) {
      const bool to_come = day->date > c_.in_force_on;
      Data d;
      put(d, "date", format_date(day->date));
      put(d, "id", "ngay-" + day->date);
      Data items = render::list();
      const std::string updated =
          (to_come && !c_.site.content_as_of.empty() ? std::min(c_.site.content_as_of, day->date) : day->date) +
          "T00:00:00+07:00";
      if (latest < updated) latest = updated;
      const auto feed_entry = [&](const std::string& title, const std::string& anchor, const std::string& link,
                                  const std::vector<FieldChange>& lines) {
        std::string summary;
        for (const FieldChange& f : lines) summary += (summary.empty() ? "" : "\n") + f.text;
        feed_entries += "<entry><title>" + xml_text(title) + "</title><id>" + xml_text(opt_.base_url + dir + "#" + anchor) +
                        "</id><link href=\"" + xml_text(link) + "\"/><updated>" + updated + "</updated><summary type=\"text\">" +
                        xml_text(summary) + "</summary></entry>\n";
      };
      for (const ItemChange& item : day->diff.procedures) {
        const bool page_now = c_.find_procedure(item.code) != nullptr;
        items.push_back(change_item(item, "", day->date, page_now ? root + "thu-tuc/" + item.code + "/" : ""));
        feed_entry("Từ " + format_date(day->date) + ": " + item.name + " – " + change_kind_words(item.kind, false),
                   "ngay-" + day->date + "-" + item.code,
                   page_now ? opt_.base_url + "thu-tuc/" + item.code + "/" : opt_.base_url + dir + "#ngay-" + day->date,
                   item.changes);
      }
      put(d, "has_procedures", !day->diff.procedures.empty());
      put(d, "procedures", items);
      Data provinces = render::list();
      for (const ProvinceChange& pc : day->diff.provinces) {
        Data x;
        put(x, "name", pc.name);
        put(x, "href", c_.find_province_catalog(pc.slug) != nullptr ? root + pc.slug + "/" : "");
        Data entries = render::list();
        const ProvinceCatalog* now = c_.find_province_catalog(pc.slug);
        for (const ItemChange& item : pc.entries) {
          const bool listed = now != nullptr && c_.find_entry(*now, item.code) != nullptr && c_.find_procedure(item.code) != nullptr;
          entries.push_back(change_item(item, pc.slug, day->date, listed ? root + c_.procedure_path(now, item.code) : ""));
          feed_entry("Từ " + format_date(day->date) + ", " + pc.name + ": " + item.name + " – " + change_kind_words(item.kind, true),
                     "ngay-" + day->date + "-" + pc.slug + "-" + item.code,
                     opt_.base_url + dir + "#ngay-" + day->date, item.changes);
        }
        put(x, "entries", entries);
        Data center = render::list();
        for (const FieldChange& f : pc.center) center.push_back(Data(f.text));
        put(x, "center", center);
        provinces.push_back(x);
      }
      put(d, "provinces", provinces);
      (to_come ? upcoming : past).push_back(d);
    }
    // Those to come in the order they come, then those past, the latest first.
    Data days = render::list();
    const auto& to_come = upcoming.list_value();
    for (auto it = to_come.rbegin(); it != to_come.rend(); ++it) {
      Data x = *it;
      put(x, "group_heading", it == to_come.rbegin() ? "Sắp có hiệu lực" : "");
      put(x, "group_id", "sap-co-hieu-luc");
      days.push_back(x);
    }
    bool first_past = true;
    for (const Data& y : past.list_value()) {
      Data x = y;
      put(x, "group_heading", first_past ? "Đã có hiệu lực" : "");
      put(x, "group_id", "da-co-hieu-luc");
      first_past = false;
      days.push_back(x);
    }
    Data d;
    put(d, "days", days);
    put(d, "has_any", !changes_.empty());
    put(d, "feed", root + "thay-doi.xml");
    const std::string heading = "Thay đổi của danh mục thủ tục";
    page(dir, "changes", d, meta(heading, "Thủ tục hành chính mới, sửa đổi và bãi bỏ theo ngày có hiệu lực.", {home_crumb()}));
    // Never the day of the build: a feed (and the site) must not change when nothing did.
    const std::string updated = !latest.empty() ? latest
                                : !c_.site.content_as_of.empty() ? c_.site.content_as_of + "T00:00:00+07:00"
                                                                  : std::string("1970-01-01T00:00:00Z");
    emit({"thay-doi.xml",
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n<title>" +
              xml_text(heading + " – " + c_.site.title) + "</title>\n<id>" + xml_text(opt_.base_url + dir) +
              "</id>\n<link rel=\"self\" href=\"" + xml_text(opt_.base_url + "thay-doi.xml") +
              "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(opt_.base_url + dir) +
              "\"/>\n<updated>" + updated + "</updated>\n<author><name>" +
              xml_text(c_.site.publisher.empty() ? c_.site.title : c_.site.publisher) + "</name></author>\n" +
              feed_entries + "</feed>\n"});
  }

  void list_page(const std::string& dir, const std::string& heading, const std::string& intro,
                 const std::vector<const Procedure*>& procedures, std::vector<Crumb> crumbs) {
    list_pages(dir, heading, intro, national_entries(procedures), crumbs, [](Data&, const std::string&) {});
  }

  void link_list_page(const std::string& dir, const std::string& heading, const std::string& intro, Data links) {
    Data d;
    put(d, "heading", heading);
    put(d, "intro", intro);
    put(d, "links", links);
    page(dir, "link-list", d, meta(heading, intro, {home_crumb()}));
  }

  template <typename Pred>
  std::vector<const Procedure*> select(Pred pred) const {
    std::vector<const Procedure*> out;
    for (const Procedure* p : c_.procedures_by_name()) {
      if (pred(*p)) out.push_back(p);
    }
    return out;
  }

  Data link(const std::string& name, const std::string& href, const std::string& description, std::size_t count) {
    Data x;
    put(x, "name", name);
    put(x, "href", href);
    put(x, "description", description);
    put(x, "count", std::to_string(count));
    return x;
  }

  void field_pages() {
    Data links = render::list();
    for (const Field& f : c_.fields) {
      const auto procs = select([&](const Procedure& p) { return p.field == f.slug; });
      links.push_back(link(f.name, f.slug + "/", f.description, procs.size()));
      list_page("linh-vuc/" + f.slug + "/", "Lĩnh vực " + f.name, f.description, procs,
                {home_crumb(), {"Lĩnh vực", "linh-vuc/"}});
    }
    link_list_page("linh-vuc/", "Thủ tục theo lĩnh vực", "Chọn lĩnh vực để xem các thủ tục.", links);
  }

  void level_pages() {
    Data links = render::list();
    for (const Level l : {Level::tinh, Level::xa, Level::bo, Level::khac}) {
      const auto procs = select([&](const Procedure& p) { return p.has_level(l); });
      const std::string intro = std::string("Thủ tục do cơ quan ") + (l == Level::khac ? "khác" : level_name(l)) +
                                " giải quyết.";
      links.push_back(link(level_name(l), std::string(level_slug(l)) + "/", intro, procs.size()));
      list_page(std::string("cap-thuc-hien/") + level_slug(l) + "/", std::string("Thủ tục ") + level_name(l), intro,
                procs, {home_crumb(), {"Cấp thực hiện", "cap-thuc-hien/"}});
    }
    link_list_page("cap-thuc-hien/", "Thủ tục theo cấp thực hiện", "Thủ tục cấp tỉnh, cấp xã và cấp bộ.", links);
  }

  void flag_pages() {
    list_page("phi-dia-gioi/", "Thủ tục không phụ thuộc địa giới hành chính",
              "Những thủ tục này nộp được tại bất kỳ Trung tâm Phục vụ hành chính công nào trong tỉnh, "
              "không phải về nơi cư trú.",
              select([](const Procedure& p) { return p.boundary_independent; }), {home_crumb()});
    list_page("truc-tuyen-toan-trinh/", "Thủ tục trực tuyến toàn trình",
              "Những thủ tục này làm được hoàn toàn trên mạng, từ nộp hồ sơ đến nhận kết quả, "
              "qua Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.",
              select([](const Procedure& p) { return p.full_online; }), {home_crumb()});
  }

  void life_event_pages() {
    Data links = render::list();
    for (const LifeEvent& e : c_.life_events) {
      const auto procs = select([&](const Procedure& p) {
        return std::find(p.life_events.begin(), p.life_events.end(), e.slug) != p.life_events.end();
      });
      links.push_back(link(e.name, e.slug + "/", e.description, procs.size()));
      list_page("su-kien/" + e.slug + "/", e.name, e.description, procs, {home_crumb(), {"Sự kiện", "su-kien/"}});
    }
    link_list_page("su-kien/", "Thủ tục theo sự kiện cuộc sống",
                   "Sinh con, kết hôn, chuyển nhà, mở cửa hàng: những việc cần làm cho từng dịp.", links);
  }

  // Where a province receives an entry, as its lists say it.
  std::string received_where(const ProvinceCatalog& pc, const CatalogEntry& e) const {
    const bool at_province = c_.receives(pc, e, nullptr);
    bool at_commune = false;
    for (const Commune& cm : pc.communes) {
      if (c_.receives(pc, e, &cm)) {
        at_commune = true;
        break;
      }
    }
    if (at_province && at_commune) return "Tiếp nhận tại Trung tâm tỉnh và Trung tâm cấp xã, phường";
    if (at_province) return "Tiếp nhận tại Trung tâm tỉnh";
    if (at_commune) return "Tiếp nhận tại Trung tâm cấp xã, phường";
    if (const Procedure* p = c_.find_procedure(e.procedure); p != nullptr && p->received_at) {
      if (p->received_at->place == "commune_police") return "Nộp tại Công an xã, phường";
      if (p->received_at->place == "online_only") return "Chỉ nộp trực tuyến";
    }
    return "";
  }

  using Listed = std::pair<const Procedure*, const CatalogEntry*>;

  // Catalog entries by field, in the order of fields.json, each A–Z; empty fields left out.
  std::vector<std::pair<const Field*, std::vector<Listed>>> by_field(std::vector<Listed> listed) {
    // Each rank looked up once, not once per comparison (a national build sorts every commune's list).
    std::vector<std::pair<std::size_t, Listed>> ranked;
    ranked.reserve(listed.size());
    for (const Listed& l : listed) ranked.emplace_back(name_rank(*l.first), l);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < ranked.size(); ++i) listed[i] = ranked[i].second;
    // One pass into the fields' buckets (a national build lists 1,601 entries for each of
    // 3,321 communes: comparing every entry's field with every field's slug was most of it).
    std::vector<std::vector<Listed>> buckets(c_.fields.size());
    for (const Listed& l : listed) {
      const auto at = field_position_.find(l.first->field);
      if (at != field_position_.end()) buckets[at->second].push_back(l);
    }
    std::vector<std::pair<const Field*, std::vector<Listed>>> out;
    for (std::size_t i = 0; i < c_.fields.size(); ++i) {
      if (!buckets[i].empty()) out.push_back({&c_.fields[i], std::move(buckets[i])});
    }
    return out;
  }

  // A center's page: its contacts and what it receives. A short catalog is listed in the
  // page by field; a long one (more than one list page) as fields with counts, each linking
  // to the center's own list of that field, <center>/linh-vuc/<field>/ (paged), so the page
  // never repeats the whole catalog. The province's field lists hold its whole catalog and
  // say where each procedure is received; a commune's hold what that commune receives.
  // What every commune of a province receives (their field lists are shared), and how many of
  // those entries each field holds, counted once per province rather than once per commune.
  struct EveryCommune {
    std::set<const CatalogEntry*> entries;
    std::map<std::string, std::size_t> per_field;
  };

  void center_page(const ProvinceCatalog& pc, const Commune* commune, const EveryCommune& every_commune = {}) {
    const std::string province = render::province_name(c_, pc.slug);
    const std::string dir = pc.slug + "/" + (commune != nullptr ? commune->slug + "/" : "");
    const std::string root = root_for(dir);
    const Center& center = commune != nullptr ? commune->center : pc.center;
    // Lists show the province's own "boundary-independent" and "fully online" where its
    // list sets them; only those entries are localized (a deque keeps the pointers valid).
    std::deque<Procedure> localized;
    const auto as_listed = [&](const CatalogEntry& e) -> const Procedure* {
      const Procedure* p = c_.find_procedure(e.procedure);
      if (p == nullptr || (!e.overrides.boundary_independent && !e.overrides.full_online)) return p;
      localized.push_back(Catalog::localize(*p, e));
      return &localized.back();
    };
    std::vector<Listed> received;
    for (const CatalogEntry* e : c_.received_at(pc, commune)) {
      if (const Procedure* p = as_listed(*e)) received.push_back({p, e});
    }
    // Everything this province publishes, including what only the communes receive.
    std::vector<Listed> all;
    if (commune == nullptr) {
      for (const CatalogEntry& e : pc.catalog) {
        if (const Procedure* p = as_listed(e)) all.push_back({p, &e});
      }
    }
    const std::vector<Listed>& listed = commune != nullptr ? received : all;
    const bool inline_list = listed.size() <= kPageSize;
    const std::string center_label = commune != nullptr
                                         ? std::string(commune_kind_name(commune->kind)) + " " + commune->name
                                         : province;

    // The center's field lists, and what the page says of each field.
    std::map<std::string, std::size_t> received_in;
    for (const Listed& l : received) ++received_in[l.first->field];
    Data fields = render::list();
    for (const auto& [field, items] : by_field(listed)) {
      // A commune whose list of a field is the one every commune of the province receives
      // links to the province's shared list of it (<province>/cap-xa/linh-vuc/<field>/):
      // 3,321 communes do not each repeat the same lists.
      const auto in_field = every_commune.per_field.find(field->slug);
      const bool shared = commune != nullptr && !inline_list && in_field != every_commune.per_field.end() &&
                          items.size() == in_field->second &&
                          std::all_of(items.begin(), items.end(),
                                      [&](const Listed& l) { return every_commune.entries.count(l.second) != 0; });
      const std::string list_dir = (shared ? pc.slug + "/cap-xa/" : dir) + "linh-vuc/" + field->slug + "/";
      if (!(shared && !claim_shared_list(list_dir)) && (commune == nullptr || !inline_list)) {
        std::vector<ListEntry> entries;
        for (const Listed& l : items) {
          entries.push_back({l.first, c_.procedure_path(&pc, l.first->code),
                             commune != nullptr ? "" : received_where(pc, *l.second)});
        }
        std::vector<Crumb> crumbs = {home_crumb(), {province, pc.slug + "/"}};
        if (commune != nullptr && !shared) crumbs.push_back({center_label, dir});
        list_pages(list_dir,
                   "Lĩnh vực " + field->name + " – " +
                       (shared ? "các xã, phường, đặc khu của " + province : center_label),
                   shared ? "Thủ tục lĩnh vực " + field->name + " mà Trung tâm Phục vụ hành chính công của mọi xã, "
                                "phường, đặc khu thuộc " + province + " đều tiếp nhận."
                   : commune != nullptr
                       ? "Thủ tục lĩnh vực " + field->name + " tiếp nhận tại " + center.name + "."
                       : "Thủ tục lĩnh vực " + field->name + " trong danh mục của " + province +
                             ", với nơi tiếp nhận. Mở từng thủ tục để xem phí, lệ phí và nơi nộp của tỉnh.",
                   entries, crumbs, [](Data&, const std::string&) {});
      }
      Data g;
      put(g, "name", field->name);
      // A commune's short list is all in its page: no list of a field to link to.
      put(g, "href", commune != nullptr && inline_list ? "" : root + list_dir);
      put(g, "count", std::to_string(items.size()));
      put(g, "received", std::to_string(received_in[field->slug]));
      Data procs = render::list();
      if (inline_list) {
        for (const Listed& l : items) {
          procs.push_back(render::procedure_item(*l.first, root + c_.procedure_path(&pc, l.first->code), c_));
        }
      }
      put(g, "procedures", procs);
      fields.push_back(g);
    }

    Data d;
    // What citizens might come here for but must file elsewhere (Procedure::received_at):
    // listed apart so that nobody makes the trip. The province page lists its whole catalog's.
    Data police = render::list(), online_only = render::list();
    std::vector<const CatalogEntry*> elsewhere;
    if (commune != nullptr) {
      elsewhere = c_.received_elsewhere(pc, commune);
    } else {
      for (const CatalogEntry& e : pc.catalog) {
        const Procedure* p = c_.find_procedure(e.procedure);
        if (p != nullptr && Catalog::received_outside_centers(*p)) elsewhere.push_back(&e);
      }
    }
    for (const CatalogEntry* e : elsewhere) {
      const Procedure* p = c_.find_procedure(e->procedure);
      Data item = render::procedure_item(*p, root + c_.procedure_path(&pc, p->code), c_);
      (p->received_at->place == "commune_police" ? police : online_only).push_back(item);
    }
    put(d, "police", police);
    put(d, "online_only", online_only);
    put(d, "center", render::center_data(center));
    put(d, "province_name", province);
    put(d, "province_href", root + pc.slug + "/");
    put(d, "is_commune", commune != nullptr);
    put(d, "received_count", std::to_string(received.size()));
    put(d, "inline_list", inline_list);
    put(d, "field_links", !inline_list && commune != nullptr);
    put(d, "field_table", !inline_list && commune == nullptr);
    put(d, "has_received", !received.empty());
    if (commune != nullptr || !inline_list) {
      put(d, "groups", fields);
    } else {
      // A short province catalog: what the province center receives, then everything.
      Data groups = render::list();
      for (const auto& [field, items] : by_field(received)) {
        Data g;
        put(g, "name", field->name);
        put(g, "href", root + dir + "linh-vuc/" + field->slug + "/");
        put(g, "count", std::to_string(items.size()));
        Data procs = render::list();
        for (const Listed& l : items) {
          procs.push_back(render::procedure_item(*l.first, root + c_.procedure_path(&pc, l.first->code), c_));
        }
        put(g, "procedures", procs);
        groups.push_back(g);
      }
      put(d, "groups", groups);
      put(d, "catalog_groups", fields);
    }
    if (commune != nullptr) {
      put(d, "code", commune->code);
      put(d, "code_verified", commune->code_verified);
    } else {
      if (const ProvinceInfo* info = c_.find_province(pc.slug)) {
        put(d, "code", info->code);
        put(d, "code_verified", info->code_verified);
        put(d, "merged_from", render::strings(info->merged_from));
        // "Hải Dương", "A và B", "A, B và C": a list in words, not items each ending in ";".
        std::string merged;
        for (std::size_t i = 0; i < info->merged_from.size(); ++i) {
          merged += (i ? (i + 1 == info->merged_from.size() ? " và " : ", ") : "") + info->merged_from[i];
        }
        put(d, "merged_from_text", merged);
      }
      Data communes = render::list();
      for (const Commune& cm : pc.communes) {
        Data x;
        put(x, "name", std::string(commune_kind_name(cm.kind)) + " " + cm.name);
        put(x, "href", root + pc.slug + "/" + cm.slug + "/");
        put(x, "sample", cm.center.sample);
        communes.push_back(x);
      }
      put(d, "communes", communes);
      put(d, "catalog_count", std::to_string(all.size()));
    }
    put(d, "heading", center_label);
    PageMeta m = meta(center_label, center.name + ": địa chỉ, giờ làm việc, đường dây nóng và danh mục thủ tục tiếp nhận.",
                      {home_crumb()});
    if (commune != nullptr) m.crumbs.push_back({province, pc.slug + "/"});
    m.help = center_help(center);
    // The lines a portal pastes to show this center's catalog (embed_page).
    put(d, "embed_url", opt_.base_url + "nhung/" + dir);
    put(d, "embed_script", opt_.base_url + "nhung.js");
    put(d, "embed_where", dir.substr(0, dir.size() - 1));
    put(d, "province_slug", pc.slug);
    page(dir, "center", d, m);
    embed_page(pc, commune, dir, center_label, listed);
  }

  // The center's catalog made to be embedded in another site (a commune's own portal):
  // nhung/<province>/[<commune>/], in an iframe or through nhung.js. One page of its own,
  // without the site's header, menu or service worker, neutral in style, every procedure
  // grouped by field in the page itself (it works without JavaScript) and opening on this
  // site in a new tab; with JavaScript, a search over the center's list, and the page's
  // height told to the embedding page so that nhung.js sizes the iframe to it.
  void embed_page(const ProvinceCatalog& pc, const Commune* commune, const std::string& dir,
                  const std::string& center_label, const std::vector<Listed>& listed) {
    const std::string out_dir = "nhung/" + dir;
    const std::string root = root_for(out_dir);
    const Center& center = commune != nullptr ? commune->center : pc.center;
    // One deadline and one fee where every channel has the same (as the province lists it).
    const auto uniform = [](const Procedure& p, auto words) {
      std::set<std::string> distinct;
      for (const Channel& c : p.channels) distinct.insert(words(c));
      return distinct.size() == 1 ? *distinct.begin() : std::string();
    };
    // The rows of some procedures, in one group of a field.
    const auto group_of = [&](const Field& field, const std::vector<Listed>& items, const std::string& page_root) {
      Data g;
      put(g, "name", field.name);
      put(g, "count", std::to_string(items.size()));
      Data procs = render::list();
      for (const Listed& l : items) {
        const Procedure local = l.second->overrides.channels.empty() ? Procedure() : Catalog::localize(*l.first, *l.second);
        const Procedure& p = l.second->overrides.channels.empty() ? *l.first : local;
        Data x;
        put(x, "code", p.code);
        put(x, "name", p.name);
        put(x, "href", page_root + c_.procedure_path(&pc, p.code));
        put(x, "deadline", uniform(p, [](const Channel& c) { return deadline_words(c.deadline); }));
        put(x, "fee", uniform(p, [](const Channel& c) { return fee_words(c.fee); }));
        // The province's whole catalog: where each is received (the commune's list is its own).
        put(x, "where", commune == nullptr ? received_where(pc, *l.second) : std::string());
        procs.push_back(x);
      }
      put(g, "procedures", procs);
      return g;
    };
    // A long catalog (a province's whole list at national scale) would not stay under 100 KB
    // gzip in one page: its fields link to a page each (nhung/<center>/linh-vuc/<field>/), and
    // the search asks the site's engine alone.
    const bool by_page = listed.size() > opt_.embed_inline_rows;
    const auto fields = by_field(listed);
    Data groups = render::list();
    for (const auto& [field, items] : fields) {
      if (!by_page) {
        Data g = group_of(*field, items, root);
        put(g, "open", fields.size() == 1);
        groups.push_back(g);
        continue;
      }
      Data g;
      put(g, "name", field->name);
      put(g, "count", std::to_string(items.size()));
      put(g, "href", "linh-vuc/" + field->slug + "/");
      groups.push_back(g);
      const std::string field_dir = out_dir + "linh-vuc/" + field->slug + "/";
      const std::string field_root = root_for(field_dir);
      Data one = render::list();
      Data fg = group_of(*field, items, field_root);
      put(fg, "open", true);
      one.push_back(fg);
      Data fd = embed_data(pc, center, center_label, dir, field_root, commune);
      put(fd, "heading", "Lĩnh vực " + field->name + " – " + center_label);
      put(fd, "back", "../../");
      put(fd, "count", std::to_string(items.size()));
      put(fd, "groups", one);
      emit({field_dir + "index.html", render_template("embed", fd)});
    }
    Data d = embed_data(pc, center, center_label, dir, root, commune);
    put(d, "by_page", by_page);
    put(d, "count", std::to_string(listed.size()));
    put(d, "groups", groups);
    emit({out_dir + "index.html", render_template("embed", d)});
  }

  // What every embed page of a center says besides its list.
  Data embed_data(const ProvinceCatalog& pc, const Center& center, const std::string& center_label,
                  const std::string& dir, const std::string& root, const Commune* commune) {
    Data d;
    put(d, "root", root);
    put(d, "center_label", center_label);
    put(d, "center_name", center.name);
    put(d, "heading", commune != nullptr ? "Thủ tục hành chính tiếp nhận tại " + center.name
                                         : "Danh mục thủ tục hành chính của " + center_label);
    put(d, "address", center.address);
    put(d, "sample", center.sample);
    // The first hotline; a number nobody checked is shown as text, never as a link to call.
    if (!center.hotlines.empty()) {
      const Hotline& h = center.hotlines.front();
      Data x;
      put(x, "number", h.number);
      put(x, "tel", h.sample ? std::string() : tel_uri(h.number));
      put(x, "hours", h.hours);
      put(d, "hotline", x);
      if (h.sample) put(d, "sample", true);
    }
    put(d, "province_slug", pc.slug);
    put(d, "center_href", root + dir);
    put(d, "canonical", opt_.base_url + dir);
    put(d, "site_title", c_.site.title);
    put(d, "content_as_of", format_date(c_.site.content_as_of));
    put(d, "search_head", root + kSearchHeadPath);
    const bool search_wasm = assets_.count("motcua-search.wasm") > 0;
    put(d, "search_wasm", search_wasm);
    put(d, "search_wasm_url", search_wasm ? root + assets_.at("motcua-search.wasm") : "");
    put(d, "search_js", assets_.count("search.js") ? root + assets_.at("search.js") : "");
    put(d, "embed_js", root + assets_.at("embed.js"));
    put(d, "embed_css", root + assets_.at("embed.css"));
    return d;
  }

  // What every commune of the province receives: their field lists are shared.
  EveryCommune receives_everywhere(const ProvinceCatalog& pc) const {
    EveryCommune every_commune;
    if (pc.communes.empty()) return every_commune;
    for (const CatalogEntry& e : pc.catalog) {
      if (std::all_of(pc.communes.begin(), pc.communes.end(), [&](const Commune& cm) { return c_.receives(pc, e, &cm); })) {
        every_commune.entries.insert(&e);
        if (const Procedure* p = c_.find_procedure(e.procedure)) ++every_commune.per_field[p->field];
      }
    }
    return every_commune;
  }

  void hotline_directory() {
    Data national = render::list();
    for (const NationalHotline& h : c_.hotlines) {
      Data x;
      put(x, "name", h.name);
      put(x, "number", h.number);
      put(x, "tel", h.sample ? std::string() : tel_uri(h.number));  // no call link to an unchecked number
      put(x, "hours", h.hours);
      put(x, "description", h.description);
      put(x, "source", h.source);
      put(x, "checked", h.checked.empty() ? std::string() : format_date(h.checked));
      put(x, "sample", h.sample);
      national.push_back(x);
    }
    Data provinces = render::list();
    const std::string root = "../";
    for (const ProvinceCatalog& pc : c_.province_catalogs) {
      Data p;
      put(p, "name", render::province_name(c_, pc.slug));
      Data centers = render::list();
      Data pcenter = render::center_data(pc.center);
      put(pcenter, "href", root + pc.slug + "/");
      centers.push_back(pcenter);
      for (const Commune& cm : pc.communes) {
        Data x = render::center_data(cm.center);
        put(x, "href", root + pc.slug + "/" + cm.slug + "/");
        centers.push_back(x);
      }
      put(p, "centers", centers);
      provinces.push_back(p);
    }
    Data d;
    put(d, "national", national);
    put(d, "provinces", provinces);
    page("duong-day-nong/", "hotlines", d,
         meta("Đường dây nóng", "Số điện thoại đường dây nóng của các Trung tâm Phục vụ hành chính công.",
              {home_crumb()}));
  }

  // /dich-vu-cong-thiet-yeu/: the essential public services that must be done fully online,
  // each with the procedures of the catalog it maps to (content/essential-services.json).
  void essential_services_page() {
    const EssentialServices& es = c_.essential_services;
    if (!es.loaded) return;
    const std::string root = "../";
    Data d;
    put(d, "count", std::to_string(es.services.size()));
    std::string rule = render::kEssentialServiceRule;
    const std::string prefix = "Dịch vụ công thiết yếu: ";
    put(d, "rule_lower", rule.rfind(prefix, 0) == 0 ? rule.substr(prefix.size()) : rule);
    put(d, "document", es.document);
    put(d, "issued", format_date(es.issued));
    put(d, "url", es.url);
    put(d, "read", format_date(es.read));
    put(d, "reported", es.status == "reported");
    put(d, "from", format_date(es.applies_from));
    Data reports = render::list();
    for (const std::string& url : es.reported_by) {
      Data x;
      put(x, "href", url);
      put(x, "host", render::link_host(url));
      reports.push_back(x);
    }
    put(d, "reported_by", reports);
    put(d, "note", es.note);
    Data services = render::list();
    for (const EssentialService& s : es.services) {
      Data x;
      put(x, "number", std::to_string(s.number));
      put(x, "name", s.name);
      put(x, "note", s.note);
      Data procs = render::list();
      for (const std::string& code : s.procedures) {
        const Procedure* p = c_.find_procedure(code);
        if (p == nullptr) continue;
        Data y;
        put(y, "code", code);
        put(y, "name", p->name);
        put(y, "href", root + "thu-tuc/" + code + "/");
        procs.push_back(y);
      }
      put(x, "procedures", procs);
      services.push_back(x);
    }
    put(d, "services", services);
    page("dich-vu-cong-thiet-yeu/", "essential-services", d,
         meta(std::to_string(es.services.size()) + " dịch vụ công thiết yếu",
              "Các dịch vụ công phải làm trực tuyến toàn trình, không nộp hồ sơ giấy, và thủ tục tương ứng.",
              {home_crumb()}));
  }

  // /lich-lam-viec/: the days off of this year and next (the year of the content's date),
  // with their sources, so citizens and officials can check the deadline engine.
  void working_calendar() {
    const CalendarRules& rules = c_.calendar.rules;
    const WorkCalendar calendar(c_.calendar);
    const std::optional<CivilDate> as_of = parse_iso_date(c_.site.content_as_of);
    const int first = as_of ? as_of->year : 2026;
    Data years = render::list();
    for (int y = first; y <= first + 1; ++y) {
      if (!calendar.covers(y)) continue;
      Data yd;
      put(yd, "year", std::to_string(y));
      const bool estimated = calendar.estimated_year(y);
      put(yd, "estimated", estimated);
      put(yd, "estimate_note", rules.estimate_note);
      Data sources = render::list();
      for (const YearSchedule& s : c_.calendar.years) {
        if (s.year != y) continue;
        put(yd, "reported", s.status == "reported");
        for (const DocumentSource& src : s.sources) {
          Data x;
          put(x, "document", src.document);
          put(x, "url", src.url);
          put(x, "note", src.note);
          sources.push_back(x);
        }
      }
      put(yd, "sources", sources);
      Data days = render::list();
      for (const auto& [date, status] : calendar.special_days(y)) {
        Data x;
        put(x, "date", to_vietnamese(date));
        put(x, "iso", to_iso(date));
        put(x, "weekday", std::string(weekday_name(weekday(date))));
        const LunarDate l = to_lunar(date);
        put(x, "lunar", std::to_string(l.day) + "/" + std::to_string(l.month) + (l.leap ? " nhuận" : ""));
        put(x, "reason", status.reason);
        put(x, "working", status.working);
        put(x, "source", status.source);
        days.push_back(x);
      }
      put(yd, "days", days);
      years.push_back(yd);
    }
    Data d;
    put(d, "years", years);
    std::vector<std::string> rest;
    // Monday first, as Vietnamese calendars are read: "Thứ Bảy và Chủ nhật".
    for (const int w : {1, 2, 3, 4, 5, 6, 0}) {
      if (std::find(rules.weekly_rest_days.begin(), rules.weekly_rest_days.end(), w) != rules.weekly_rest_days.end()) {
        rest.push_back(weekday_name(w));
      }
    }
    std::string rest_text;
    for (std::size_t i = 0; i < rest.size(); ++i) rest_text += (i ? (i + 1 == rest.size() ? " và " : ", ") : "") + rest[i];
    put(d, "weekly_rest", rest_text);
    put(d, "weekly_rest_source", rules.weekly_rest_source);
    OpeningHours hours;
    for (const int w : rules.working_time.weekdays) hours.days.push_back(weekday_key(w));
    for (const auto& [a, b] : rules.working_time.sessions) hours.sessions.push_back({minutes_text(a), minutes_text(b)});
    put(d, "working_time", describe_opening_hours(hours));
    put(d, "working_time_source", rules.working_time.source);
    put(d, "working_time_sample", rules.working_time.sample);
    put(d, "outside_hours_next", rules.outside_hours_rule == "next_session");
    put(d, "outside_hours_source", rules.outside_hours_source);
    Data counting = render::list();
    for (const DeadlineUnit unit : {DeadlineUnit::working_days, DeadlineUnit::calendar_days,
                                    DeadlineUnit::working_hours, DeadlineUnit::same_day}) {
      Deadline dl;
      dl.unit = unit;
      Data x;
      put(x, "unit", unit == DeadlineUnit::working_days    ? "Ngày làm việc"
                     : unit == DeadlineUnit::calendar_days ? "Ngày (tính cả ngày nghỉ)"
                     : unit == DeadlineUnit::working_hours ? "Giờ làm việc"
                                                           : "Trong ngày");
      put(x, "text", explain_deadline_counting(dl, rules));
      counting.push_back(x);
    }
    put(d, "counting", counting);
    page("lich-lam-viec/", "calendar", d,
         meta("Lịch làm việc và ngày nghỉ " + std::to_string(first) + "–" + std::to_string(first + 1),
              "Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù dùng để tính thời hạn giải quyết thủ tục hành chính.",
              {home_crumb()}));
    emit({"api/lich-lam-viec.json", deadline_data_json(c_)});
  }

  static std::string weekday_key(int w) {
    static const char* const keys[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    return keys[w];
  }
  static std::string minutes_text(int m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
    return buf;
  }

  // "Hồ sơ nháp của tôi" (drafts kept on the device) and the page shown offline when a
  // page was never visited.
  void drafts_pages() {
    page("ho-so-nhap/", "drafts", Data(), meta("Hồ sơ nháp của tôi", "Tờ khai bạn đang điền, lưu trên thiết bị của bạn.",
                                              {}));
    PageMeta m = meta("Bạn đang ngoại tuyến", "", {});
    m.noindex = true;
    // The service worker shows it at the address of any page never visited, at any depth:
    // its links start at the site's own path, like the 404 page's.
    page("ngoai-tuyen/", "offline", Data(), m, "ngoai-tuyen/index.html");
  }

  // Declaration forms: one page each, a paper-like form that works without JavaScript
  // (fill in and print) and, with it, keeps a draft on the device and checks it with
  // the core; the data beside it is what the browser validates with.
  void form_pages() {
    if (c_.forms.empty()) return;
    Data links = render::list();
    for (const Form& f : c_.forms) {
      Data x;
      put(x, "name", f.title);
      put(x, "href", f.id + "/");  // from bieu-mau/ itself
      put(x, "description", f.code);
      put(x, "count", std::to_string(f.procedures.size()));
      links.push_back(x);
      form_page(f);
    }
    Data d;
    put(d, "heading", "Tờ khai điền sẵn");
    put(d, "intro", "Điền tờ khai trên điện thoại hoặc máy tính, lưu nháp ngay trên máy (cả khi không có mạng), "
                    "kiểm tra lỗi rồi in ra giấy A4.");
    put(d, "links", links);
    page("bieu-mau/", "link-list", d, meta("Tờ khai điền sẵn", "", {home_crumb()}));
  }

  static std::string describe_form_condition(const nlohmann::json& c, const nlohmann::json& labels) {
    if (c.contains("all") || c.contains("any")) {
      const bool all = c.contains("all");
      std::string out;
      for (const nlohmann::json& part : c[all ? "all" : "any"]) {
        out += (out.empty() ? "" : all ? " và " : " hoặc ") + describe_form_condition(part, labels);
      }
      return out;
    }
    if (c.contains("not")) return "không phải " + describe_form_condition(c["not"], labels);
    const std::string field = c["field"].get<std::string>();
    const nlohmann::json& f = labels[field];
    const auto answer = [&](const nlohmann::json& v) -> std::string {
      if (v.is_boolean()) return v.get<bool>() ? "Có" : "Không";
      for (const nlohmann::json& o : f.value("options", nlohmann::json::array())) {
        if (o["value"] == v) return o["label"].get<std::string>();
      }
      return v.dump();
    };
    std::string answers;
    if (c.contains("equals")) answers = answer(c["equals"]);
    else {
      for (const nlohmann::json& v : c["in"]) answers += (answers.empty() ? "" : " hoặc ") + answer(v);
    }
    return "“" + f.value("label", field) + "” – " + answers;
  }

  void form_page(const Form& f) {
    const std::string dir = "bieu-mau/" + f.id + "/";
    const std::string root = root_for(dir);
    const nlohmann::json& def = f.definition;
    nlohmann::json labels = nlohmann::json::object();
    for (const nlohmann::json& s : def["sections"]) {
      for (const nlohmann::json& x : s["fields"]) labels[x["id"].get<std::string>()] = x;
    }
    Data d;
    put(d, "id", f.id);
    put(d, "title", f.title);
    put(d, "code", f.code);
    put(d, "source", f.source.text());
    put(d, "sample", f.sample);
    put(d, "note", def.value("note", ""));
    put(d, "addressee", def.value("addressee", ""));
    put(d, "declaration", def.value("declaration", ""));
    put(d, "signature", def.value("signature", ""));
    Data procedures = render::list();
    for (const std::string& code : f.procedures) {
      const Procedure* p = c_.find_procedure(code);
      if (p == nullptr) continue;
      Data x;
      put(x, "name", p->name);
      put(x, "href", root + "thu-tuc/" + code + "/");
      procedures.push_back(x);
    }
    put(d, "procedures", procedures);
    Data sections = render::list();
    for (const nlohmann::json& s : def["sections"]) {
      Data sd;
      put(sd, "title", s["title"].get<std::string>());
      Data fields = render::list();
      for (const nlohmann::json& x : s["fields"]) {
        const std::string id = x["id"].get<std::string>();
        const std::string type = x["type"].get<std::string>();
        Data fd;
        put(fd, "id", id);
        put(fd, "dom_id", "f-" + id);
        put(fd, "label", x["label"].get<std::string>());
        put(fd, "help", x.value("help", ""));
        put(fd, "required", x.value("required", false));
        put(fd, "if_text", x.contains("if") ? describe_form_condition(x["if"], labels) : "");
        put(fd, "is_text", type == "text" || type == "citizen_id" || type == "phone" || type == "email" ||
                               type == "number");
        put(fd, "is_textarea", type == "textarea");
        put(fd, "is_date", type == "date");
        put(fd, "is_choice", type == "choice" || type == "yes_no");
        put(fd, "uppercase", x.value("uppercase", false));
        put(fd, "lunar", x.value("calendar", "solar") == "solar_or_lunar");
        std::string input_type = "text", inputmode, autocomplete, max_length;
        if (type == "phone") input_type = "tel", autocomplete = "tel";
        if (type == "email") input_type = "email", autocomplete = "email";
        if (type == "citizen_id" || type == "number") inputmode = "numeric";
        if (x.contains("max_length")) max_length = std::to_string(x["max_length"].get<long long>());
        put(fd, "input_type", input_type);
        put(fd, "inputmode", inputmode);
        put(fd, "autocomplete", autocomplete);
        put(fd, "max_length", max_length);
        put(fd, "rows", type == "textarea" && x.value("max_length", 0) > 500 ? "5" : "3");
        Data options = render::list();
        nlohmann::json opts = x.value("options", nlohmann::json::array());
        if (type == "yes_no") opts = {{{"value", "true"}, {"label", "Có"}}, {{"value", "false"}, {"label", "Không"}}};
        int n = 0;
        for (const nlohmann::json& o : opts) {
          Data od;
          put(od, "value", o["value"].get<std::string>());
          put(od, "label", o["label"].get<std::string>());
          put(od, "dom_id", "f-" + id + "-" + std::to_string(++n));
          put(od, "name", id);
          options.push_back(od);
        }
        put(fd, "options", options);
        fields.push_back(fd);
      }
      put(sd, "fields", fields);
      sections.push_back(sd);
    }
    put(d, "sections", sections);
    // Where the ID-number check comes from, when the form asks for one.
    bool asks_id = false;
    for (const nlohmann::json& s : def["sections"]) {
      for (const nlohmann::json& x : s["fields"]) asks_id = asks_id || x["type"] == "citizen_id";
    }
    if (asks_id && c_.citizen_id.loaded) {
      const CitizenIdRules& ids = c_.citizen_id;
      put(d, "id_sources", "Số định danh cá nhân được kiểm tra theo cấu trúc quy định tại " + ids.structure_source.text() +
                               "; mã tỉnh theo " + ids.province_codes_source.text() + ".");
      put(d, "id_note", ids.data.value("note", ""));
    }
    const std::string data_path = form_data_path(f.id);
    emit({data_path, form_data_json(f, c_.citizen_id)});
    put(d, "tool_data", root + data_path);
    PageMeta m = meta(f.title, "Điền " + f.title + ", lưu nháp trên máy và in ra giấy A4.",
                      {home_crumb(), {"Tờ khai điền sẵn", "bieu-mau/"}});
    page(dir, "form", d, m);
  }

  // The web app manifest and the service worker. The worker's version is a hash of
  // every file of this build, so any new deploy is offered as an update.
  void web_app() {
    nlohmann::json manifest = {
        {"name", c_.site.title},
        {"short_name", "Một cửa"},
        {"description", c_.site.description},
        {"lang", "vi"},
        {"start_url", "./"},
        {"scope", "./"},
        {"display", "standalone"},
        {"background_color", "#ffffff"},
        {"theme_color", c_.site.brand.primary.empty() ? std::string("#0b4f8a") : c_.site.brand.primary},
        {"icons", {{{"src", assets_.at("icon-192.png")}, {"sizes", "192x192"}, {"type", "image/png"}},
                   {{"src", assets_.at("icon-512.png")}, {"sizes", "512x512"}, {"type", "image/png"}},
                   {{"src", assets_.at("icon.svg")}, {"sizes", "any"}, {"type", "image/svg+xml"}}}}};
    emit({"manifest.webmanifest", manifest.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)});

    nlohmann::json precache = nlohmann::json::array();
    for (const auto& [name, path] : assets_) precache.push_back(path);
    // The search's head too (under its fixed name, this build's copy): offline, the search
    // box still answers from what was kept.
    precache.push_back(kSearchHeadPath);
    // The manifest too: every page links to it, and the browser asks for it offline as well.
    for (const char* p : {"manifest.webmanifest", "ho-so-nhap/", "ngoai-tuyen/", "lich-lam-viec/", "api/lich-lam-viec.json"}) {
      precache.push_back(p);
    }
    std::string everything;
    std::sort(sums_.begin(), sums_.end());
    for (const auto& [path, sum] : sums_) everything += path + '\n' + sum + '\n';
    Data d;
    put(d, "version", content_hash(everything));
    put(d, "precache", precache.dump());
    put(d, "offline", "ngoai-tuyen/");
    emit({"sw.js", render_template("sw.js", d)});
    // The script a portal includes to embed a center's catalog (embed_page): a fixed name,
    // since portals link to it for years.
    emit({"nhung.js", render_template("nhung.js", Data())});
  }

  void not_found() {
    PageMeta m = meta("Không tìm thấy trang", "", {});
    m.noindex = true;
    Data d;
    std::string slugs;
    for (const ProvinceCatalog& pc : c_.province_catalogs) slugs += (slugs.empty() ? "" : " ") + pc.slug;
    put(d, "province_slugs", slugs);
    page("", "not-found", d, m, "404.html");
  }
};

}  // namespace

void render_site(const Catalog& catalog, const std::vector<SourceFile>& templates, const SiteOptions& options,
                 Diagnostics& diags, FileSink& sink) {
  SiteBuilder builder(catalog, options, diags, sink);
  builder.build(templates);
}

std::vector<OutputFile> render_site(const Catalog& catalog, const std::vector<SourceFile>& templates,
                                    const SiteOptions& options, Diagnostics& diags) {
  struct Collect : FileSink {
    std::mutex mutex;
    std::vector<OutputFile> files;
    void put(OutputFile&& f, const std::string&) override {
      std::lock_guard<std::mutex> lock(mutex);
      files.push_back(std::move(f));
    }
  } collect;
  render_site(catalog, templates, options, diags, collect);
  std::sort(collect.files.begin(), collect.files.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return std::move(collect.files);
}

}  // namespace motcua
