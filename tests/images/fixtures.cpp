// The fixture encoders: libpng's full API (interlacing, 16 bits), libjpeg
// (progressive, CMYK with an Adobe marker), libwebp and giflib. Pixels are
// computed, never random, so fixtures are the same on every run.
#include "fixtures.h"

#include <gif_lib.h>
#include <jpeglib.h>
#include <png.h>
#include <webp/encode.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace broadsheet::fixtures {
namespace {

int wave(int x, int y, int seed) { return (x * 7 + y * 13 + seed * 31 + ((x * y) % 17) * 5) & 255; }

void append_to(png_structp png_ptr, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png_ptr))->append(reinterpret_cast<char*>(data), length);
}

struct PngSpec {
  int color_type, depth, channels;
  bool interlace;
};

PngSpec png_spec(Png kind) {
  switch (kind) {
    case Png::Rgba: return {PNG_COLOR_TYPE_RGBA, 8, 4, false};
    case Png::Interlaced: return {PNG_COLOR_TYPE_RGBA, 8, 4, true};
    case Png::Deep16: return {PNG_COLOR_TYPE_RGB, 16, 3, false};
    case Png::Gray: return {PNG_COLOR_TYPE_GRAY, 8, 1, false};
    case Png::Palette: return {PNG_COLOR_TYPE_PALETTE, 8, 1, false};
  }
  return {};
}

std::vector<png_byte> png_rows(const PngSpec& spec, int w, int h) {
  const int bytes = spec.depth / 8;
  std::vector<png_byte> pixels(static_cast<size_t>(w * h * spec.channels * bytes));
  size_t i = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      for (int c = 0; c < spec.channels; ++c) {
        int v = spec.color_type == PNG_COLOR_TYPE_PALETTE ? (x / 4 + y / 4) % 4 : wave(x, y, c);
        if (spec.channels == 4 && c == 3) v = x * 255 / std::max(1, w - 1);  // alpha ramp
        for (int b = 0; b < bytes; ++b) pixels[i++] = static_cast<png_byte>(v);
      }
    }
  }
  return pixels;
}

}  // namespace

std::string png(Png kind, int w, int h) {
  const PngSpec spec = png_spec(kind);
  std::string out;
  png_structp png_ptr = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png_ptr);
  std::vector<png_byte> pixels = png_rows(spec, w, h);
  std::vector<png_bytep> rows;
  for (int y = 0; y < h; ++y) rows.push_back(pixels.data() + static_cast<size_t>(y * w * spec.channels * spec.depth / 8));
  if (setjmp(png_jmpbuf(png_ptr))) {
    png_destroy_write_struct(&png_ptr, &info);
    throw std::runtime_error("fixture PNG failed");
  }
  png_set_write_fn(png_ptr, &out, append_to, nullptr);
  png_set_IHDR(png_ptr, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), spec.depth, spec.color_type,
               spec.interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_color palette[4] = {{20, 20, 20}, {200, 30, 30}, {30, 160, 60}, {240, 240, 230}};
  if (spec.color_type == PNG_COLOR_TYPE_PALETTE) png_set_PLTE(png_ptr, info, palette, 4);
  png_set_rows(png_ptr, info, rows.data());
  png_write_png(png_ptr, info, PNG_TRANSFORM_IDENTITY, nullptr);
  png_destroy_write_struct(&png_ptr, &info);
  return out;
}

std::string jpeg(Jpeg kind, int w, int h) {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr errors{};
  cinfo.err = jpeg_std_error(&errors);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  const int channels = kind == Jpeg::Cmyk ? 4 : kind == Jpeg::Gray ? 1 : 3;
  cinfo.image_width = static_cast<JDIMENSION>(w);
  cinfo.image_height = static_cast<JDIMENSION>(h);
  cinfo.input_components = channels;
  cinfo.in_color_space = kind == Jpeg::Cmyk ? JCS_CMYK : kind == Jpeg::Gray ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 90, TRUE);
  if (kind == Jpeg::Progressive) jpeg_simple_progression(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  if (kind == Jpeg::Rotated) {
    // EXIF, big-endian TIFF: IFD0 at 8 with one entry, Orientation (0x0112) SHORT = 6.
    static const unsigned char exif[] = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1,
                                         0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
    jpeg_write_marker(&cinfo, JPEG_APP0 + 1, exif, sizeof exif);
  }
  std::vector<JSAMPLE> row(static_cast<size_t>(w * channels));
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      for (int c = 0; c < channels; ++c) {
        // CMYK: pure red ink (M and Y full), stored inverted as Adobe does.
        int v = kind == Jpeg::Cmyk ? 255 - (c == 1 || c == 2 ? 255 : 0) : wave(x, y, c);
        row[static_cast<size_t>(x * channels + c)] = static_cast<JSAMPLE>(v);
      }
    }
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string out(reinterpret_cast<char*>(buffer), size);
  std::free(buffer);
  return out;
}

std::string webp(int w, int h) {
  std::vector<std::uint8_t> rgba(static_cast<size_t>(w * h * 4));
  for (int i = 0; i < w * h; ++i) {
    for (int c = 0; c < 4; ++c) rgba[static_cast<size_t>(i * 4 + c)] = static_cast<std::uint8_t>(c == 3 ? (i % w) * 255 / w : wave(i % w, i / w, c));
  }
  std::uint8_t* data = nullptr;
  const size_t size = WebPEncodeLosslessRGBA(rgba.data(), w, h, w * 4, &data);
  std::string out(reinterpret_cast<char*>(data), size);
  WebPFree(data);
  return out;
}

namespace {
int gif_write(GifFileType* gif, const GifByteType* data, int length) {
  static_cast<std::string*>(gif->UserData)->append(reinterpret_cast<const char*>(data), static_cast<size_t>(length));
  return length;
}
}  // namespace

std::string gif(int w, int h) {
  std::string out;
  int error = 0;
  GifFileType* gif = EGifOpen(&out, gif_write, &error);
  GifColorType colours[4] = {{0, 0, 0}, {220, 40, 40}, {40, 40, 220}, {250, 250, 250}};
  ColorMapObject* map = GifMakeMapObject(4, colours);
  EGifSetGifVersion(gif, true);
  EGifPutScreenDesc(gif, w, h, 2, 0, map);
  GraphicsControlBlock gcb{};
  gcb.TransparentColor = 0;
  GifByteType ext[4];
  EGifGCBToExtension(&gcb, ext);
  EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, ext);
  EGifPutImageDesc(gif, 0, 0, w, h, false, nullptr);
  std::vector<GifPixelType> line(static_cast<size_t>(w));
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) line[static_cast<size_t>(x)] = static_cast<GifPixelType>((x / 3 + y / 3) % 4);
    EGifPutLine(gif, line.data(), w);
  }
  EGifCloseFile(gif, &error);
  GifFreeMapObject(map);
  // A second frame header claiming 60000 x 60000: never allocated by the reader.
  out.pop_back();  // the trailer ';'
  const unsigned char desc[] = {0x2C, 0, 0, 0, 0, 0x60, 0xEA, 0x60, 0xEA, 0, 2, 2, 0x4C, 0x01, 0, 0x3B};
  out.append(reinterpret_cast<const char*>(desc), sizeof desc);
  return out;
}

std::string png_header_only(int w, int h) {
  auto be32 = [](std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 255);
  };
  std::string chunk = "IHDR";
  be32(chunk, static_cast<std::uint32_t>(w));
  be32(chunk, static_cast<std::uint32_t>(h));
  chunk += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
  std::string out("\x89PNG\r\n\x1a\n", 8);
  be32(out, 13);
  out += chunk;
  be32(out, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()))));
  return out;
}

}  // namespace broadsheet::fixtures
