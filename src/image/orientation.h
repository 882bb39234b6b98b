// EXIF orientation: phones store photos as the sensor saw them and record how
// to turn them in the EXIF Orientation tag. Readers that re-encode (as we do)
// drop that tag, so the turn is applied to the pixels. Internal to src/image.
#pragma once

#include <string_view>

#include "image/decode.h"
#include "image/raster.h"

namespace broadsheet {

/// The Orientation (tag 0x0112) of an APP1 segment's payload ("Exif\0\0" then a
/// TIFF header): 1-8, or 1 when the payload is not EXIF, is malformed or has
/// no such tag. Bounds-checked: a hostile segment can only read as 1.
int exif_orientation(std::string_view app1);

/// Orientations 5-8 turn the picture by a quarter: width and height swap.
bool swaps_sides(int orientation);
ImageSize oriented_size(ImageSize stored, int orientation);

/// The pixels as they should be shown, for orientation 1-8 (others: unchanged).
Raster apply_orientation(const Raster& stored, int orientation);

}  // namespace broadsheet
