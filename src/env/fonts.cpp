// Finding font files through fontconfig. Each role's family is matched in four
// faces (regular, bold, italic, bold italic); only TrueType-outline files are
// accepted, because libharu 2.3.0 cannot embed CFF (.otf) outlines.
#include "env/fonts.h"

#include <fontconfig/fontconfig.h>

#include <memory>
#include <optional>

#include "env/files.h"

namespace broadsheet {
namespace fs = std::filesystem;

namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

bool is_truetype_file(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return ext == ".ttf" || ext == ".ttc";
}

// Weight and slant of one of a family's four files, by name at each use.
struct FaceShape {
  bool bold = false;
  bool italic = false;
};
constexpr FaceShape kRegular{false, false};
constexpr FaceShape kBold{true, false};
constexpr FaceShape kItalic{false, true};
constexpr FaceShape kBoldItalic{true, true};

// The file fontconfig considers the best match for family in this weight and
// slant, or nullopt when it offers no TrueType file. A different family in the
// answer (fontconfig's own substitution) is accepted: the text still renders.
std::optional<fs::path> match_face(FcConfig* config, const std::string& family, FaceShape shape) {
  PatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, shape.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, shape.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  // Condensed DejaVu files share the family name; ask for normal width explicitly.
  FcPatternAddInteger(pattern.get(), FC_WIDTH, FC_WIDTH_NORMAL);
  FcPatternAddString(pattern.get(), FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
  FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  PatternPtr match(FcFontMatch(config, pattern.get(), &result));
  if (!match) return std::nullopt;
  FcChar8* file = nullptr;
  if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch || !file) {
    return std::nullopt;
  }
  fs::path path(reinterpret_cast<const char*>(file));
  if (!is_truetype_file(path)) return std::nullopt;
  return path;
}

// All four faces of a family. A missing bold or italic file makes fontconfig
// return the nearest face (usually the regular one): accepted, the text is
// still readable, only without the slant or weight.
FontFamilyFiles match_family(FcConfig* config, const std::string& family, const char* role) {
  auto face = [&](FaceShape shape) {
    auto path = match_face(config, family, shape);
    if (!path) {
      throw EnvironmentError("no TrueType font file found for the " + std::string(role) +
                             " font family '" + family + "' (install it, or name another family in the style)");
    }
    return *path;
  };
  return {face(kRegular), face(kBold), face(kItalic), face(kBoldItalic)};
}

// A fallback is only useful when fontconfig finds the family itself, not a substitute.
std::optional<fs::path> match_exact_family(FcConfig* config, const std::string& family) {
  PatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcObjectSet* keys = FcObjectSetBuild(FC_FILE, FC_STYLE, FC_WEIGHT, FC_SLANT, FC_WIDTH, nullptr);
  FcFontSet* set = FcFontList(config, pattern.get(), keys);
  FcObjectSetDestroy(keys);
  if (!set) return std::nullopt;
  std::optional<fs::path> best;
  for (int i = 0; i < set->nfont; ++i) {
    FcChar8* file = nullptr;
    int weight = 0, slant = 0, width = FC_WIDTH_NORMAL;
    FcPatternGetString(set->fonts[i], FC_FILE, 0, &file);
    FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(set->fonts[i], FC_SLANT, 0, &slant);
    FcPatternGetInteger(set->fonts[i], FC_WIDTH, 0, &width);
    if (!file || !is_truetype_file(reinterpret_cast<const char*>(file))) continue;
    bool upright_regular = slant == FC_SLANT_ROMAN && weight == FC_WEIGHT_REGULAR &&
                           width == FC_WIDTH_NORMAL;
    // Prefer the upright regular face; take any face rather than none. The file
    // list comes in fontconfig's cache order, so sort-free selection stays stable.
    if (!best || upright_regular) best = fs::path(reinterpret_cast<const char*>(file));
    if (upright_regular) break;
  }
  FcFontSetDestroy(set);
  return best;
}

}  // namespace

FontFiles find_fonts(const FontRoles& roles) {
  // The process's default configuration, which pango (the EPUB cover) uses
  // too: a configuration of its own for the lookup loaded fontconfig's files
  // and caches a second time, 7-10 ms of every build and of each variant.
  prepare_fontconfig();
  FcConfig* config = FcConfigGetCurrent();
  FontFiles files;
  files.body = match_family(config, roles.body, "body");
  files.heading = match_family(config, roles.heading, "heading");
  files.mono = match_family(config, roles.mono, "mono");
  // The style's own fallbacks come first and must exist: the style asked for them.
  for (const std::string& family : roles.fallbacks) {
    auto path = match_exact_family(config, family);
    if (!path) {
      throw EnvironmentError("no TrueType font file found for the fallback font family '" + family +
                             "' named in the style's fonts.fallbacks (install it, or remove it)");
    }
    files.fallbacks.push_back(*path);
  }
  // DejaVu Sans covers Hebrew, Arabic (with its presentation forms) and many
  // symbols the serif lacks; Droid Sans Fallback covers CJK ideographs and kana;
  // NanumGothic covers Hangul, which Droid lacks; Noto Sans has the newer
  // currency signs (the manat, U+20BC); Noto Sans Symbols and Symbols2 have
  // dingbats and technical symbols; Symbola has emoji and the rest of the
  // symbols (U+274C, U+2705, regional indicators). Missing ones are skipped.
  for (const char* family : {"DejaVu Sans", "Droid Sans Fallback", "NanumGothic", "Noto Sans",
                             "Noto Sans Symbols", "Noto Sans Symbols2", "Symbola"}) {
    if (auto path = match_exact_family(config, family)) files.fallbacks.push_back(*path);
  }
  return files;
}

void prepare_fontconfig() {
  if (!FcInit()) throw EnvironmentError("fontconfig could not be initialised");
}

}  // namespace broadsheet
