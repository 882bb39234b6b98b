// The image stage's decoders, scaler and preparation on generated fixtures:
// every accepted variant decodes to the right size and colours; broken and
// oversized files are ImageError with an exact reason, never a crash.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "fixtures.h"
#include "image/codecs.h"
#include "image/decode.h"
#include "image/orientation.h"
#include "image/prepare.h"
#include "image/scale.h"

namespace broadsheet {
namespace {

using namespace fixtures;

std::string reason_of(const std::string& bytes) {
  try {
    decode_image(bytes);
  } catch (const ImageError& e) {
    return e.what();
  }
  return "decoded";
}

}  // namespace

TEST_CASE("image: formats are sniffed from bytes, not names") {
  CHECK(sniff_image_format(png(Png::Gray, 4, 4)) == ImageFormat::Png);
  CHECK(sniff_image_format(jpeg(Jpeg::Baseline, 8, 8)) == ImageFormat::Jpeg);
  CHECK(sniff_image_format(webp(4, 4)) == ImageFormat::Webp);
  CHECK(sniff_image_format(gif(4, 4)) == ImageFormat::Gif);
  CHECK(sniff_image_format(std::string("\xFF\xD8\xFF\xE1....", 8)) == ImageFormat::Jpeg);  // Exif
  CHECK_FALSE(sniff_image_format("These are notes.").has_value());
  CHECK_FALSE(sniff_image_format(std::string("\x89PNG", 4)).has_value());  // a cut signature
  CHECK_FALSE(sniff_image_format("RIFF....WAVE").has_value());             // RIFF, but no WebP
  CHECK_FALSE(sniff_image_format("").has_value());
  CHECK(reason_of("These are notes.") == "not a PNG, JPEG, WebP or GIF image");
}

TEST_CASE("image: PNG variants decode (alpha, Adam7 interlace, 16-bit, gray, palette)") {
  Raster alpha = decode_image(png(Png::Rgba, 30, 20));
  CHECK(alpha.width == 30);
  CHECK(alpha.height == 20);
  CHECK(alpha.channels == 4);
  CHECK(alpha.pixels[3] == 0);                       // alpha ramp starts transparent
  CHECK(alpha.pixels[29 * 4 + 3] == 255);            // and ends opaque
  Raster interlaced = decode_image(png(Png::Interlaced, 30, 20));
  CHECK(interlaced.pixels == alpha.pixels);          // same pixels as the plain file
  Raster deep = decode_image(png(Png::Deep16, 16, 10));
  CHECK(deep.channels == 3);
  CHECK(deep.size() == 16 * 10 * 3);
  CHECK(decode_image(png(Png::Gray, 8, 8)).channels == 1);
  CHECK(decode_image(png(Png::Palette, 8, 8)).channels == 3);
}

TEST_CASE("image: JPEG baseline, progressive, gray and Adobe CMYK decode") {
  Raster base = decode_image(jpeg(Jpeg::Baseline, 64, 40));
  CHECK(base.width == 64);
  CHECK(base.channels == 3);
  CHECK(decode_image(jpeg(Jpeg::Progressive, 64, 40)).size() == base.size());
  CHECK(decode_image(jpeg(Jpeg::Gray, 64, 40)).channels == 1);
  Raster cmyk = decode_image(jpeg(Jpeg::Cmyk, 32, 16));
  REQUIRE(cmyk.channels == 3);
  CHECK(cmyk.pixels[0] >= 250);  // red ink on white: red
  CHECK(cmyk.pixels[1] <= 5);
  CHECK(cmyk.pixels[2] <= 5);
}

TEST_CASE("image: a JPEG's EXIF orientation turns its pixels and its size") {
  const std::string bytes = jpeg(Jpeg::Rotated, 64, 40);
  CHECK(read_image_size(bytes).width == 40);
  CHECK(read_image_size(bytes).height == 64);
  Raster turned = decode_image(bytes);
  CHECK(turned.width == 40);
  CHECK(turned.height == 64);
  // The stored top-left pixel is shown at the top right after a clockwise quarter turn.
  Raster stored = decode_image(jpeg(Jpeg::Baseline, 64, 40));
  for (int c = 0; c < 3; ++c) {
    CHECK(turned.pixels[static_cast<size_t>(39 * 3 + c)] == stored.pixels[static_cast<size_t>(c)]);
  }
}

TEST_CASE("image: apply_orientation moves each pixel where EXIF says") {
  Raster r{3, 2, 1, {1, 2, 3, 4, 5, 6}};  // 1 2 3 / 4 5 6
  auto rows = [](const Raster& x) { return std::vector<std::uint8_t>(x.pixels.begin(), x.pixels.end()); };
  CHECK(rows(apply_orientation(r, 1)) == std::vector<std::uint8_t>{1, 2, 3, 4, 5, 6});
  CHECK(rows(apply_orientation(r, 2)) == std::vector<std::uint8_t>{3, 2, 1, 6, 5, 4});
  CHECK(rows(apply_orientation(r, 3)) == std::vector<std::uint8_t>{6, 5, 4, 3, 2, 1});
  CHECK(rows(apply_orientation(r, 4)) == std::vector<std::uint8_t>{4, 5, 6, 1, 2, 3});
  CHECK(rows(apply_orientation(r, 5)) == std::vector<std::uint8_t>{1, 4, 2, 5, 3, 6});
  CHECK(rows(apply_orientation(r, 6)) == std::vector<std::uint8_t>{4, 1, 5, 2, 6, 3});
  CHECK(rows(apply_orientation(r, 7)) == std::vector<std::uint8_t>{6, 3, 5, 2, 4, 1});
  CHECK(rows(apply_orientation(r, 8)) == std::vector<std::uint8_t>{3, 6, 2, 5, 1, 4});
  CHECK(apply_orientation(r, 6).width == 2);
}

TEST_CASE("image: exif_orientation reads both byte orders and survives hostile segments") {
  using namespace std::string_literals;
  const std::string little = "Exif\0\0II\x2a\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x08\0\0\0"s;
  const std::string big = "Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x03\0\0"s;
  CHECK(exif_orientation(little) == 8);
  CHECK(exif_orientation(big) == 3);
  for (size_t n = 0; n < big.size(); ++n) CHECK(exif_orientation(big.substr(0, n)) == 1);  // truncated
  std::string far = big;
  far[13] = '\x7f';  // IFD0 offset past the end
  CHECK(exif_orientation(far) == 1);
  std::string many = big;
  many[15] = '\xff';  // 255 entries claimed, one present
  CHECK(exif_orientation(many) == 3);  // found before the claimed ones run out
  std::string odd = big;
  odd[25] = 9;  // not an orientation
  CHECK(exif_orientation(odd) == 1);
  CHECK(exif_orientation("http://ns.adobe.com/xap/1.0/") == 1);  // XMP, also APP1
}

TEST_CASE("image: WebP with alpha and a GIF's first frame decode") {
  Raster w = decode_image(webp(20, 10));
  CHECK(w.channels == 4);
  CHECK(w.width == 20);
  Raster g = decode_image(gif(12, 9));  // its second frame claims 60000 x 60000: never read
  CHECK(g.width == 12);
  CHECK(g.height == 9);
  CHECK(g.pixels[3] == 0);      // palette index 0 is transparent
  CHECK(g.pixels[3 * 4 + 3] == 255);
}

TEST_CASE("image: broken files are errors with their reason") {
  const std::string p = png(Png::Rgba, 60, 60), j = jpeg(Jpeg::Baseline, 64, 64);
  CHECK(reason_of(p.substr(0, p.size() / 2)) == "truncated PNG data");
  CHECK(reason_of(j.substr(0, j.size() / 2)) == "corrupt JPEG data: Premature end of JPEG file");
  CHECK(reason_of(p.substr(0, 20)) == "corrupt PNG data: no IHDR header");
  CHECK(reason_of(p.substr(0, 40)) == "corrupt PNG data: read beyond end of data");
  CHECK(reason_of(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) == "corrupt WebP data: the header cannot be read");
}

TEST_CASE("image: a header claiming 30000 x 30000 is refused before decoding") {
  const std::string bomb = png_header_only(30000, 30000);
  CHECK(read_image_size(bomb).width == 30000);
  CHECK(reason_of(bomb) == "30000 x 30000 pixels is over the limit of 50 megapixels");
}

TEST_CASE("image: area averaging keeps the mean and weighs colour by alpha") {
  Raster r{4, 2, 4, {}};
  for (int i = 0; i < 8; ++i) {  // left half opaque red, right half transparent green
    const bool left = i % 4 < 2;
    r.pixels.insert(r.pixels.end(), {std::uint8_t(left ? 255 : 0), std::uint8_t(left ? 0 : 255), 0, std::uint8_t(left ? 255 : 0)});
  }
  Raster one = downscale(r, 1, 1);
  CHECK(one.pixels == std::vector<std::uint8_t>{255, 0, 0, 128});  // no green bleeding in
  CHECK(fit_within({4000, 3000}, 1200, 1200).width == 1200);
  CHECK(fit_within({4000, 3000}, 1200, 1200).height == 900);
  CHECK(fit_within({100, 50}, 1200, 1200).width == 100);  // never enlarged
  CHECK(to_gray(Raster{1, 1, 3, {255, 255, 255}}).pixels == std::vector<std::uint8_t>{255});
}

TEST_CASE("image: photographs become JPEG, line art and transparency PNG, sized per output") {
  ImageTargets targets;  // A4 column 483 pt at 200 dpi: 1342 px wide
  FigureImage huge = prepare_image(jpeg(Jpeg::Baseline, 4800, 3200), targets);
  CHECK(huge.source_size.width == 4800);
  CHECK(huge.pdf.format == ImageFormat::Jpeg);
  CHECK(huge.pdf.width == 1342);
  CHECK(huge.pdf.height == 895);
  CHECK(huge.epub.width == 1200);
  CHECK(huge.epub.height == 800);
  CHECK(huge.epub.encoded.size() < huge.source_bytes);
  FigureImage drawing = prepare_image(png(Png::Palette, 80, 40), targets);
  CHECK(drawing.epub.format == ImageFormat::Png);
  CHECK(drawing.pdf.raster.channels == 3);
  FigureImage alpha = prepare_image(png(Png::Rgba, 80, 40), targets);
  CHECK(alpha.pdf.raster.channels == 4);
  targets.grayscale = true;
  FigureImage gray = prepare_image(webp(40, 20), targets);
  CHECK(gray.pdf.raster.channels == 2);  // gray + alpha
  CHECK(decode_image(gray.epub.encoded).channels == 2);
}

TEST_CASE("image: a half-transparent pixel weighs its colour by its alpha") {
  // Premultiplied: red (200 + 100 * 0.2) / 2 = 110, alpha (255 + 51) / 2 = 153,
  // back to straight colour 110 * 255 / 153 = 183.3; green 55 * 255 / 153 = 91.7.
  Raster r{2, 1, 4, {200, 100, 0, 255, 100, 50, 0, 51}};
  CHECK(downscale(r, 1, 1).pixels == std::vector<std::uint8_t>{183, 92, 0, 153});
}

TEST_CASE("image: a thumbnail is prepare_image's EPUB image at the thumbnail's size") {
  const std::string drawing = png(Png::Rgba, 600, 300);
  ImageTargets targets;
  targets.epub_max_px = 240;
  PreparedImage thumb = prepare_thumbnail(drawing, 240);
  CHECK(thumb.width == 240);
  CHECK(thumb.height == 120);
  CHECK(thumb.encoded == prepare_image(drawing, targets).epub.encoded);
  PreparedImage photo = prepare_thumbnail(jpeg(Jpeg::Baseline, 4800, 3200), 240);
  CHECK(photo.format == ImageFormat::Jpeg);
  CHECK(photo.width == 240);
  CHECK(photo.height == 160);
}

TEST_CASE("image: drawn art's PNG decodes to the same pixels, in every channel count") {
  for (int channels = 1; channels <= 4; ++channels) {
    Raster art{5, 3, channels, {}};
    for (size_t i = 0; i < art.size(); ++i) art.pixels.push_back(static_cast<std::uint8_t>(i * 37 % 256));
    const std::string png = codec::encode_drawn_png(art);
    CHECK(sniff_image_format(png) == ImageFormat::Png);
    Raster back = decode_image(png);
    CHECK(back.channels == channels);
    CHECK(back.pixels == art.pixels);
  }
}

TEST_CASE("image: re-encoding is deterministic") {
  const std::string photo = jpeg(Jpeg::Progressive, 300, 200);
  CHECK(prepare_image(photo, {}).epub.encoded == prepare_image(photo, {}).epub.encoded);
}

}  // namespace broadsheet
