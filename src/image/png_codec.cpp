// PNG through libpng's simplified API (png_image_*): it handles interlacing,
// 16-bit samples, palettes and tRNS, and reports errors through its own
// setjmp, so a truncated or corrupt file is a message, not an abort.
#include <libdeflate.h>
#include <png.h>

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "image/codecs.h"

namespace broadsheet::codec {
namespace {

struct ImageFree {
  void operator()(png_image* image) const { png_image_free(image); }
};
using PngImageGuard = std::unique_ptr<png_image, ImageFree>;

std::string png_reason(const png_image& image) {
  std::string message = image.message;
  return "corrupt PNG data" + (message.empty() ? std::string() : ": " + message);
}

// Begins reading; the guard frees libpng's state however we leave.
void begin(png_image& image, PngImageGuard& guard, std::string_view bytes) {
  image.version = PNG_IMAGE_VERSION;
  guard.reset(&image);
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    throw ImageError(png_reason(image));
  }
}

}  // namespace

// Read from the IHDR chunk by hand: libpng's reader wants the chunks after it
// too, and a file that is only a header claiming a huge size must be refused
// on that claim alone.
ImageSize png_size(std::string_view bytes) {
  if (bytes.size() < 24 || bytes.substr(12, 4) != "IHDR") throw ImageError("corrupt PNG data: no IHDR header");
  auto be32 = [&](size_t at) {
    std::uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(bytes[at + i]);
    return v;
  };
  const std::uint32_t width = be32(16), height = be32(20);
  if (width == 0 || height == 0 || width > 0x7FFFFFFF || height > 0x7FFFFFFF) {
    throw ImageError("corrupt PNG data: impossible size in the IHDR header");
  }
  return {static_cast<int>(width), static_cast<int>(height)};
}

Raster decode_png(std::string_view bytes) {
  png_image image{};
  PngImageGuard guard;
  begin(image, guard, bytes);
  const bool alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  const bool color = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  image.format = color ? (alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB) : (alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY);
  Raster raster;
  raster.width = static_cast<int>(image.width);
  raster.height = static_cast<int>(image.height);
  raster.channels = static_cast<int>(PNG_IMAGE_PIXEL_CHANNELS(image.format));
  raster.pixels.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, raster.pixels.data(), 0, nullptr)) {
    const std::string message = image.message;
    throw ImageError(message.find("beyond end") != std::string::npos ? "truncated PNG data" : png_reason(image));
  }
  return raster;
}

std::string encode_png(const Raster& raster) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(raster.width);
  image.height = static_cast<png_uint_32>(raster.height);
  static constexpr png_uint_32 kFormats[] = {PNG_FORMAT_GRAY, PNG_FORMAT_GA, PNG_FORMAT_RGB, PNG_FORMAT_RGBA};
  image.format = kFormats[raster.channels - 1];
  png_alloc_size_t size = 0;
  PngImageGuard guard(&image);
  if (!png_image_write_get_memory_size(image, size, 0, raster.pixels.data(), 0, nullptr)) {
    throw ImageError("cannot encode PNG: " + std::string(image.message));
  }
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, raster.pixels.data(), 0, nullptr)) {
    throw ImageError("cannot encode PNG: " + std::string(image.message));
  }
  out.resize(size);
  return out;
}

namespace {

void append_be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift & 0xFF));
}

// A chunk: length, type, data, and the CRC-32 of type and data.
void append_chunk(std::string& out, const char (&type)[5], std::string_view data) {
  append_be32(out, static_cast<std::uint32_t>(data.size()));
  const size_t start = out.size();
  out.append(type, 4);
  out.append(data);
  append_be32(out, libdeflate_crc32(0, out.data() + start, out.size() - start));
}

struct CompressorFree {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

}  // namespace

namespace {

// A PNG of rows of samples (bytes_per_pixel each), unfiltered; plte is the
// palette chunk's data for colour type 3 and empty otherwise.
std::string drawn_png(std::vector<std::uint8_t> rows, int width, int height, int bytes_per_pixel, char colour_type,
                      std::string_view plte) {
  // Each row gets its filter byte (0: None) in place, last row first: no
  // second copy of a cover's 6 MB of samples.
  const auto row_bytes = static_cast<size_t>(width) * static_cast<size_t>(bytes_per_pixel);
  const auto row_count = static_cast<size_t>(height);
  rows.resize((row_bytes + 1) * row_count);
  for (size_t y = row_count; y-- > 0;) {
    std::memmove(&rows[y * (row_bytes + 1) + 1], &rows[y * row_bytes], row_bytes);
    rows[y * (row_bytes + 1)] = 0;
  }
  std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(libdeflate_alloc_compressor(6));
  if (!compressor) throw ImageError("cannot encode PNG: out of memory");
  // Left uninitialised: of the bound's pages, only those written are touched.
  const size_t bound = libdeflate_zlib_compress_bound(compressor.get(), rows.size());
  std::unique_ptr<char[]> deflated(new char[bound]);
  const std::string idat(deflated.get(),
                         libdeflate_zlib_compress(compressor.get(), rows.data(), rows.size(), deflated.get(), bound));
  std::string header;
  append_be32(header, static_cast<std::uint32_t>(width));
  append_be32(header, static_cast<std::uint32_t>(height));
  header += {8, colour_type, 0, 0, 0};  // 8 bits, deflate, no interlace
  std::string out = "\x89PNG\r\n\x1a\n";
  append_chunk(out, "IHDR", header);
  if (!plte.empty()) append_chunk(out, "PLTE", plte);
  append_chunk(out, "IDAT", idat);
  append_chunk(out, "IEND", {});
  return out;
}

}  // namespace

std::string encode_drawn_png(Raster raster) {
  static constexpr char kColourTypes[] = {0, 4, 2, 6};  // gray, gray + alpha, RGB, RGBA
  const char colour_type = kColourTypes[raster.channels - 1];
  return drawn_png(std::move(raster.pixels), raster.width, raster.height, raster.channels, colour_type, {});
}

std::string encode_drawn_png(PalettedRaster paletted) {
  constexpr char kIndexed = 3;
  std::string plte;
  for (const auto& colour : paletted.palette) plte.append(colour.begin(), colour.end());
  return drawn_png(std::move(paletted.indices), paletted.width, paletted.height, 1, kIndexed, plte);
}

}  // namespace broadsheet::codec
