// The floor of the stack: how long libharu alone takes to draw and save the
// pages broadsheet lays out for a digest. Layout runs first, untimed; then each
// text item is drawn with one plain HPDF_Page_TextOut (one show per line, like
// broadsheet's one TJ per line) in embedded TrueType, and the file is saved.
#include <hpdf.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <map>
#include <memory>

#include "doc/document.h"
#include "env/fonts.h"
#include "input/load.h"
#include "model/days.h"
#include "pdf/write_pdf.h"
#include "style/style.h"

namespace {

using namespace broadsheet;

struct HaruFree {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using HaruPtr = std::unique_ptr<HPDF_Doc_Rec, HaruFree>;

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

const std::filesystem::path& face_file(const FontFiles& files, const FontFace& face) {
  const FontFamilyFiles& family = face.role == FontRole::Body      ? files.body
                                  : face.role == FontRole::Heading ? files.heading
                                                                   : files.mono;
  if (face.bold) return face.italic ? family.bold_italic : family.bold;
  return face.italic ? family.italic : family.regular;
}

// One embedded UTF-8 font per file, loaded on first use, as broadsheet does.
HPDF_Font font_for(HPDF_Doc pdf, const std::filesystem::path& file,
                   std::map<std::filesystem::path, HPDF_Font>& loaded) {
  auto [it, inserted] = loaded.try_emplace(file, nullptr);
  if (inserted) {
    const char* name = HPDF_LoadTTFontFromFile(pdf, file.c_str(), HPDF_TRUE);
    it->second = HPDF_GetFont(pdf, name, "UTF-8");
  }
  return it->second;
}

void draw_page(HPDF_Doc pdf, const PageSet& set, const Page& page, const FontFiles& files,
               std::map<std::filesystem::path, HPDF_Font>& fonts) {
  HPDF_Page p = HPDF_AddPage(pdf);
  HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(set.width));
  HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(set.height));
  HPDF_Page_BeginText(p);
  for (const PageItem& item : page.items) {
    if (item.kind != ItemKind::Text || item.text.empty()) continue;
    HPDF_Page_SetFontAndSize(p, font_for(pdf, face_file(files, item.face), fonts),
                             static_cast<HPDF_REAL>(item.size));
    HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(item.x), static_cast<HPDF_REAL>(item.y), item.text.c_str());
  }
  HPDF_Page_EndText(p);
  for (const PageItem& item : page.items) {
    if (item.kind != ItemKind::Rule) continue;
    HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(item.size));
    HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(item.x), static_cast<HPDF_REAL>(item.y));
    HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(item.x + item.w), static_cast<HPDF_REAL>(item.y + item.h));
    HPDF_Page_Stroke(p);
  }
}

// Draws and saves one edition's pages; returns the saved size in bytes.
size_t write_floor(const PageSet& set, const FontFiles& files) {
  HaruPtr pdf(HPDF_New(nullptr, nullptr));
  HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf.get());
  std::map<std::filesystem::path, HPDF_Font> fonts;
  for (const Page& page : set.pages) draw_page(pdf.get(), set, page, files, fonts);
  HPDF_SaveToStream(pdf.get());
  return HPDF_GetStreamSize(pdf.get());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: haru_floor DIGEST.yaml STYLES_DIR\n"
                 "prints: pages bytes cpu_seconds wall_seconds (drawing and saving only)\n";
    return 2;
  }
  Diagnostics diags;
  Digest digest = load_digests({argv[1]}, diags);
  Style style = load_style("classic", argv[2], diags);
  if (diags.has_errors()) {
    std::cerr << diags.format();
    return 1;
  }
  FontFiles files = find_fonts(style.fonts);
  std::vector<PageSet> layouts;
  for (Edition& edition : split_days(digest, DayFilter{})) {
    edition.build_time = choose_build_time(edition, std::nullopt);
    layouts.push_back(render_pdf(build_document(edition), style, files).pages);
  }
  size_t pages = 0, bytes = 0;
  double cpu0 = cpu_seconds();
  auto wall0 = std::chrono::steady_clock::now();
  for (const PageSet& set : layouts) {
    pages += set.pages.size();
    bytes += write_floor(set, files);
  }
  std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wall0;
  std::cout << pages << " " << bytes << " " << cpu_seconds() - cpu0 << " " << wall.count() << "\n";
  return 0;
}
