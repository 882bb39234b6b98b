// A style: page geometry, fonts and sizes for the PDF, and the stylesheet for
// the EPUB. styles/NAME.yaml and styles/NAME.css; one name selects both.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "env/font_roles.h"

namespace broadsheet {

struct Color {
  double r = 0, g = 0, b = 0;    ///< 0..1
};

/// The generated EPUB cover (style key `cover:`): colours and an optional logo.
struct CoverStyle {
  Color background{0.99, 0.98, 0.96};
  Color foreground{0.08, 0.08, 0.08};
  Color accent{0.55, 0.1, 0.1};
  std::string logo_png;          ///< the logo's bytes (PNG), read when the style loads; may be empty
};

/// A new field that changes the outputs also goes into the day's inputs hash
/// (app/fingerprint.cpp, add_style), or builds would leave days it changed.
struct Style {
  std::string name = "classic";
  // Page geometry, in PDF points (1/72 in).
  double page_width = 595.276;   ///< A4
  double page_height = 841.89;
  double margin_top = 62, margin_bottom = 62, margin_inner = 56, margin_outer = 56;
  int columns = 1;
  double gutter = 18;
  bool column_rule = false;      ///< a hairline between columns
  // Type.
  FontRoles fonts;
  double body_size = 10.5, body_leading = 14;
  double title_size = 20;        ///< article titles
  double heading_size = 13;      ///< body headings (level 2; others scale)
  double masthead_size = 30;     ///< front-page publication title
  double small_size = 8.5;       ///< byline, running head, folio
  double code_size = 9;
  double paragraph_indent = 12;  ///< first-line indent of follow-on paragraphs
  bool justify = true;
  bool hyphenate = true;
  // Justified lines in narrow columns: the most letter-spacing (em) a loose
  // line may add, and the widest word space (a multiple of the natural one)
  // before a line is set ragged instead; 0 turns either off.
  double letter_spacing = 0;
  double max_word_space = 0;
  Color text{0.08, 0.08, 0.08};
  Color accent{0.55, 0.1, 0.1};  ///< rules, section labels
  Color link{0.1, 0.2, 0.55};
  // Article images in the PDF: pixels per inch at the column's width, and
  // grayscale for e-ink (the EPUB's images follow `grayscale` too).
  int image_dpi = 200;
  bool grayscale = false;
  // EPUB stylesheet text (styles/NAME.css) and generated cover.
  std::string css;
  CoverStyle cover;
};

/// Loads a style by name (looked up in styles_dir) or by path to a .yaml file;
/// the .css beside it becomes style.css. Problems go to diags with locations.
Style load_style(const std::string& name_or_path, const std::filesystem::path& styles_dir,
                 Diagnostics& diags);

/// Parses a length such as "20mm", "1.5in", "12pt", "2cm" into points.
bool parse_length(const std::string& text, double& points);

}  // namespace broadsheet
