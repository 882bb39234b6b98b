// JPEG through libjpeg(-turbo). libjpeg's default error handler calls exit();
// ours longjmps back to the caller, which turns the message into ImageError.
// No C++ object with a destructor lives between setjmp and longjmp: the
// decompressor is destroyed on both paths by hand, and the pixels are written
// into a buffer created before setjmp.
#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>

#include <jpeglib.h>

#include "image/codecs.h"
#include "image/orientation.h"

namespace broadsheet::codec {
namespace {

struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void on_error(j_common_ptr cinfo) {
  auto* errors = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, errors->message);
  std::longjmp(errors->jump, 1);
}

// Corrupt-data warnings ("premature end of data segment") are errors here:
// a truncated photo must not be embedded half grey.
void on_warning(j_common_ptr cinfo, int level) {
  if (level < 0) on_error(cinfo);
}

void install(jpeg_error_mgr& base) {
  jpeg_std_error(&base);
  base.error_exit = on_error;
  base.emit_message = on_warning;
}

std::string jpeg_reason(const ErrorManager& errors) {
  return std::string("corrupt JPEG data: ") + errors.message;
}

// The largest DCT reduction (1/8, 1/4, 1/2) that keeps the long side at least min_long_side.
unsigned scale_denominator(const jpeg_decompress_struct& cinfo, int min_long_side) {
  const unsigned long_side = std::max(cinfo.image_width, cinfo.image_height);
  if (min_long_side <= 0) return 1;
  for (unsigned denom : {8u, 4u, 2u}) {
    if (long_side / denom >= static_cast<unsigned>(min_long_side)) return denom;
  }
  return 1;
}

// Adobe's CMYK JPEGs store inverted samples; others store them plainly.
void cmyk_to_rgb(const JSAMPLE* in, std::uint8_t* out, JDIMENSION width, bool inverted) {
  for (JDIMENSION x = 0; x < width; ++x, in += 4, out += 3) {
    const int k = inverted ? in[3] : 255 - in[3];
    for (int c = 0; c < 3; ++c) {
      const int ink = inverted ? in[c] : 255 - in[c];
      out[c] = static_cast<std::uint8_t>((ink * k + 127) / 255);
    }
  }
}

// Reads every scanline into raster (sized here, before any longjmp can happen
// in the loop) converting CMYK to RGB.
void read_lines(jpeg_decompress_struct& cinfo, Raster& raster, std::vector<JSAMPLE>& row) {
  const bool cmyk = cinfo.out_color_space == JCS_CMYK;
  const auto stride = static_cast<size_t>(raster.width) * static_cast<size_t>(raster.channels);
  while (cinfo.output_scanline < cinfo.output_height) {
    std::uint8_t* out = raster.pixels.data() + stride * cinfo.output_scanline;
    JSAMPROW rows[1] = {cmyk ? row.data() : out};
    jpeg_read_scanlines(&cinfo, rows, 1);
    if (cmyk) cmyk_to_rgb(row.data(), out, cinfo.output_width, cinfo.saw_Adobe_marker);
  }
}

// Reads the header, keeping APP1 segments (EXIF) for their orientation.
void start(jpeg_decompress_struct& cinfo, std::string_view bytes) {
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
  jpeg_read_header(&cinfo, TRUE);
}

int orientation(const jpeg_decompress_struct& cinfo) {
  for (jpeg_saved_marker_ptr m = cinfo.marker_list; m != nullptr; m = m->next) {
    std::string_view payload(reinterpret_cast<const char*>(m->data), m->data_length);
    if (int o = exif_orientation(payload); o != 1) return o;
  }
  return 1;
}

void choose_output(jpeg_decompress_struct& cinfo, int min_long_side) {
  const J_COLOR_SPACE in = cinfo.jpeg_color_space;
  if (in == JCS_CMYK || in == JCS_YCCK) cinfo.out_color_space = JCS_CMYK;
  else if (in == JCS_GRAYSCALE) cinfo.out_color_space = JCS_GRAYSCALE;
  else cinfo.out_color_space = JCS_RGB;
  cinfo.scale_num = 1;
  cinfo.scale_denom = scale_denominator(cinfo, min_long_side);
  jpeg_calc_output_dimensions(&cinfo);
}

}  // namespace

ImageSize jpeg_size(std::string_view bytes) {
  jpeg_decompress_struct cinfo{};
  ErrorManager errors{};
  install(errors.base);
  cinfo.err = &errors.base;
  jpeg_create_decompress(&cinfo);
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&cinfo);
    throw ImageError(jpeg_reason(errors));
  }
  start(cinfo, bytes);
  ImageSize size{static_cast<int>(cinfo.image_width), static_cast<int>(cinfo.image_height)};
  size = oriented_size(size, orientation(cinfo));
  jpeg_destroy_decompress(&cinfo);
  return size;
}

Raster decode_jpeg(std::string_view bytes, int min_long_side) {
  jpeg_decompress_struct cinfo{};
  ErrorManager errors{};
  install(errors.base);
  cinfo.err = &errors.base;
  Raster raster;
  std::vector<JSAMPLE> row;
  jpeg_create_decompress(&cinfo);
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&cinfo);
    throw ImageError(jpeg_reason(errors));
  }
  start(cinfo, bytes);
  choose_output(cinfo, min_long_side);
  raster.width = static_cast<int>(cinfo.output_width);
  raster.height = static_cast<int>(cinfo.output_height);
  raster.channels = cinfo.out_color_space == JCS_GRAYSCALE ? 1 : 3;
  raster.pixels.resize(raster.size());
  row.resize(static_cast<size_t>(cinfo.output_width) * 4);
  const int turn = orientation(cinfo);
  jpeg_start_decompress(&cinfo);
  read_lines(cinfo, raster, row);
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return apply_orientation(raster, turn);
}

std::string encode_jpeg(const Raster& raster, int quality) {
  jpeg_compress_struct cinfo{};
  ErrorManager errors{};
  install(errors.base);
  cinfo.err = &errors.base;
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_create_compress(&cinfo);
  if (setjmp(errors.jump)) {
    jpeg_destroy_compress(&cinfo);
    std::free(buffer);
    throw ImageError(std::string("cannot encode JPEG: ") + errors.message);
  }
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = static_cast<JDIMENSION>(raster.width);
  cinfo.image_height = static_cast<JDIMENSION>(raster.height);
  cinfo.input_components = raster.channels;
  cinfo.in_color_space = raster.channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  cinfo.optimize_coding = TRUE;  // smaller files, same pixels
  jpeg_start_compress(&cinfo, TRUE);
  const auto stride = static_cast<size_t>(raster.width) * static_cast<size_t>(raster.channels);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW rows[1] = {const_cast<JSAMPLE*>(raster.pixels.data() + stride * cinfo.next_scanline)};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string out(reinterpret_cast<const char*>(buffer), size);
  std::free(buffer);
  return out;
}

}  // namespace broadsheet::codec
