// make_image_fixtures OUTDIR: writes the image fixtures of the end-to-end
// image tests (tests/images/check_images.sh) into OUTDIR.
// make_image_fixtures --examples DIR: draws the sample's images
// (examples/images/: a harbour at dawn, a bar chart), committed once.
#include <fstream>
#include <iostream>
#include <string>

#include "fixtures.h"
#include "image/codecs.h"

using namespace broadsheet::fixtures;

namespace {
void write(const std::string& dir, const std::string& name, const std::string& bytes) {
  std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
}
using broadsheet::Raster;

// Sky, sun, sea with ripples and a quay: a photograph-like JPEG.
Raster harbour(int w, int h) {
  Raster r{w, h, 3, {}};
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const double dx = x - w * 0.7, dy = y - h * 0.42;
      const bool sun = dx * dx + dy * dy < (h * 0.08) * (h * 0.08);
      int red, green, blue;
      if (y < h / 2) {  // sky: dawn gradient
        red = 250 - y * 60 / h, green = 170 + y * 80 / h, blue = 150 + y * 160 / h;
        if (sun) red = 255, green = 236, blue = 180;
      } else {          // sea with ripples
        const int ripple = ((x / 7 + y * y / 40) % 9) * 3;
        red = 40 + ripple, green = 90 + ripple, blue = 130 + ripple + (y - h / 2) * 40 / h;
      }
      if (y > h * 0.78 && x < w * 0.45 - (y - h * 0.78) * 0.5) red = 70, green = 62, blue = 58;  // quay
      r.pixels.insert(r.pixels.end(), {std::uint8_t(red), std::uint8_t(green), std::uint8_t(blue)});
    }
  }
  return r;
}

// Bars on a transparent ground: line art with alpha, kept as PNG.
Raster chart(int w, int h) {
  Raster r{w, h, 4, std::vector<std::uint8_t>(static_cast<size_t>(w * h * 4), 0)};
  const int heights[] = {40, 55, 48, 70, 82, 76};
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      std::uint8_t* p = &r.pixels[static_cast<size_t>((y * w + x) * 4)];
      const int bar = x * 6 / w, in_bar = x % (w / 6);
      const bool filled = in_bar > w / 40 && in_bar < w / 6 - w / 40 && h - y < heights[bar] * h / 100;
      const bool axis = y == h - 1 || x == 0;
      if (filled) p[0] = 140, p[1] = 26, p[2] = 26, p[3] = 255;
      if (axis) p[0] = p[1] = p[2] = 20, p[3] = 255;
    }
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--examples") {
    write(argv[2], "harbour.jpg", broadsheet::codec::encode_jpeg(harbour(640, 400), 80));
    write(argv[2], "chart.png", broadsheet::codec::encode_png(chart(480, 240)));
    return 0;
  }
  if (argc != 2) {
    std::cerr << "usage: make_image_fixtures OUTDIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  write(dir, "alpha.png", png(Png::Rgba, 300, 200));
  write(dir, "interlaced.png", png(Png::Interlaced, 120, 90));
  write(dir, "deep16.png", png(Png::Deep16, 160, 100));
  write(dir, "baseline.jpg", jpeg(Jpeg::Baseline, 320, 200));
  write(dir, "progressive.jpg", jpeg(Jpeg::Progressive, 320, 200));
  write(dir, "cmyk.jpg", jpeg(Jpeg::Cmyk, 200, 120));
  write(dir, "picture.webp", webp(200, 140));
  write(dir, "animation.gif", gif(90, 60));
  write(dir, "huge.jpg", jpeg(Jpeg::Baseline, 4800, 3200));
  std::string good_png = png(Png::Rgba, 200, 200), good_jpeg = jpeg(Jpeg::Baseline, 200, 200);
  write(dir, "truncated.png", good_png.substr(0, good_png.size() / 2));
  write(dir, "truncated.jpg", good_jpeg.substr(0, good_jpeg.size() / 2));
  write(dir, "notes.png", "These are notes, not a picture.\n");
  write(dir, "bomb.png", png_header_only(30000, 30000));
  return 0;
}
