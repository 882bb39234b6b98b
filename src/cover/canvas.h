// A cairo image surface with a pango context whose font options, resolution
// and language are fixed, so that nothing from the environment (desktop font
// settings, LANG) reaches the pixels. C handles live in unique_ptrs.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "image/raster.h"
#include "style/style.h"

namespace broadsheet::cover {

/// Calls a C library's free function; the pointer type is deduced.
template <auto Free>
struct CFree {
  template <typename T>
  void operator()(T* handle) const { Free(handle); }
};

using SurfacePtr = std::unique_ptr<cairo_surface_t, CFree<cairo_surface_destroy>>;
using CairoPtr = std::unique_ptr<cairo_t, CFree<cairo_destroy>>;
template <typename T>
using GObjectPtr = std::unique_ptr<T, CFree<g_object_unref>>;

/// One block of text to lay out: font, size, alignment and line limit.
struct TextRun {
  std::string text;                       ///< valid UTF-8 (sanitize first)
  std::string family;                     ///< fontconfig family; fallback fills gaps
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoStyle slant = PANGO_STYLE_NORMAL;
  double size = 40;                       ///< pixels
  PangoAlignment align = PANGO_ALIGN_LEFT;
  int max_lines = 0;                      ///< 0: any; else ellipsized after that many
  double tracking = 0;                    ///< extra space between letters, pixels
  bool uppercase = false;                 ///< by the language's rules (pango 1.50)
  std::string language;                   ///< "" keeps the canvas's language
};

class Canvas {
 public:
  /// A width × height RGB surface; text defaults to language (a BCP 47 tag).
  Canvas(int width, int height, const std::string& language);

  int width() const { return width_; }
  int height() const { return height_; }
  cairo_t* cr() const { return cr_.get(); }

  /// run laid out in a box width pixels wide.
  GObjectPtr<PangoLayout> layout(const TextRun& run, double width) const;
  /// Draws layout with its top left at (x, y); returns its height in pixels.
  double draw(PangoLayout* layout, double x, double y, const Color& color) const;
  /// Fills a rectangle.
  void fill(double x, double y, double w, double h, const Color& color) const;
  /// Draws a PNG (bytes) scaled to fit max_w × max_h, centred on centre_x,
  /// top at y; returns the drawn height, 0 when the bytes are no readable PNG.
  double draw_png(std::string_view png, double centre_x, double y, double max_w, double max_h) const;
  /// The surface's pixels as RGB. Throws EnvironmentError when cairo failed.
  Raster pixels() const;
  /// The surface as PNG bytes (drawn_png of pixels()).
  std::string png() const;

 private:
  int width_, height_;
  // Declared in dependency order: destroyed context first, surface last.
  SurfacePtr surface_;
  CairoPtr cr_;
  GObjectPtr<PangoFontMap> font_map_;
  GObjectPtr<PangoContext> context_;
};

/// Drawn pixels as PNG bytes: with a palette when they hold few colours.
std::string drawn_png(Raster rgb);

/// The same PNG and the pixels it holds, which decoding it gives back: a
/// palette moves antialiased edges a little.
struct DrawnPng {
  std::string png;
  Raster pixels;
};
DrawnPng drawn_png_with_pixels(Raster rgb);

}  // namespace broadsheet::cover
