// Image files made at test time (no binaries in the repository): every format
// and variant the image stage accepts, and the broken ones it must refuse.
// Shared by the unit tests and the make_image_fixtures tool (end-to-end cases).
#pragma once

#include <string>

namespace broadsheet::fixtures {

enum class Png { Rgba, Interlaced, Deep16, Gray, Palette };
/// Rotated: RGB stored as the sensor saw it, with EXIF Orientation 6 (turn a quarter clockwise).
enum class Jpeg { Baseline, Progressive, Cmyk, Gray, Rotated };

/// A w x h PNG of a colour gradient (with an alpha ramp for Rgba).
std::string png(Png kind, int w, int h);
/// A w x h JPEG photograph-like gradient with noise.
std::string jpeg(Jpeg kind, int w, int h);
/// A lossless WebP with alpha.
std::string webp(int w, int h);
/// A two-frame GIF with a transparent colour; the second frame claims 60000 x 60000.
std::string gif(int w, int h);
/// A valid PNG header (IHDR) claiming w x h pixels, with no image data after it.
std::string png_header_only(int w, int h);

}  // namespace broadsheet::fixtures
