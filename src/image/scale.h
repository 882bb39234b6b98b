// Pixel operations for preparing images: area-averaging downscale, grayscale
// conversion, and the tests that choose between JPEG and PNG.
#pragma once

#include "image/decode.h"
#include "image/raster.h"

namespace broadsheet {

/// The largest size with the aspect ratio of `size` that fits max_width x
/// max_height; never larger than `size`, never below 1 x 1.
ImageSize fit_within(ImageSize size, int max_width, int max_height);

/// Area averaging (a box filter over each output pixel's footprint in the
/// source, with fractional edges): the standard downscaling filter, with no
/// ringing and deterministic. Colours are weighted by alpha, so transparent
/// pixels do not darken edges. Returns the raster unchanged when the size is.
Raster downscale(const Raster& raster, int width, int height);

/// Luma (ITU-R BT.601), keeping alpha: 3 -> 1 and 4 -> 2 channels.
Raster to_gray(const Raster& raster);

/// Whether any pixel is not fully opaque.
bool uses_transparency(const Raster& raster);

/// The same pixels without their alpha channel (all opaque).
Raster without_alpha(const Raster& raster);

/// Few colours (at most 256): drawings, charts, screenshots of text, which
/// JPEG would smear; PNG keeps them sharp and small.
bool is_line_art(const Raster& raster);

}  // namespace broadsheet
