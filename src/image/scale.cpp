// Downscaling by area averaging in two separable passes (rows, then columns),
// on alpha-premultiplied floating-point samples.
#include "image/scale.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace broadsheet {
namespace {

// For one output pixel: the source pixels it covers and how much of each.
struct Footprint {
  int first = 0;
  std::vector<double> weights;  // sum to 1
};

std::vector<Footprint> footprints(int from, int to) {
  std::vector<Footprint> out(static_cast<size_t>(to));
  const double scale = static_cast<double>(from) / to;
  for (int i = 0; i < to; ++i) {
    const double begin = i * scale, end = (i + 1) * scale;
    Footprint& f = out[static_cast<size_t>(i)];
    f.first = static_cast<int>(std::floor(begin));
    for (int s = f.first; s < from && s < end; ++s) {
      f.weights.push_back((std::min<double>(end, s + 1) - std::max<double>(begin, s)) / scale);
    }
  }
  return out;
}

// A source sample as a double, its colour multiplied by alpha. Read in place by
// the first pass: a copy of the whole image as doubles was 8 bytes per sample
// (68 MB for the EPUB cover), most of the time of making its thumbnail.
struct PremultipliedSamples {
  const Raster& raster;
  double operator()(size_t pixel, size_t c) const {
    const double v = raster.pixels[pixel + c];
    const size_t n = static_cast<size_t>(raster.channels);
    if (!raster.has_alpha() || c + 1 == n) return v;
    return v * (raster.pixels[pixel + n - 1] / 255.0);
  }
};

// A source without alpha, read as it is: the premultiplying reader's test per
// sample was most of the time of scaling the EPUB cover for its thumbnail.
struct ByteSamples {
  const std::vector<std::uint8_t>& pixels;
  double operator()(size_t pixel, size_t c) const { return pixels[pixel + c]; }
};

// Samples of an earlier pass.
struct DoubleSamples {
  const std::vector<double>& samples;
  double operator()(size_t pixel, size_t c) const { return samples[pixel + c]; }
};

std::uint8_t to_byte(double v) { return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L)); }

// Where the samples of one pass are: `count` lines of `length` samples, `step`
// apart along a line, `line_step` between lines (in doubles).
struct Axis {
  int count = 0, length = 0;
  size_t step = 0, line_step = 0;
};

// One pass along an axis: each line of `from` shrinks to `to` samples, stored
// at the layout of `out` (out.length is ignored).
// Channels is the raster's (1 to 4), fixed at compile time so that the
// innermost loop unrolls: the thumbnail of the EPUB cover took twice as long
// with it counted at run time.
template <size_t Channels, class Samples>
std::vector<double> resample(const Samples& in, Axis from, int to, Axis out_axis) {
  const std::vector<Footprint> prints = footprints(from.length, to);
  constexpr size_t n = Channels;
  const int count = from.count;
  const size_t step = from.step, line_step = from.line_step;
  const size_t out_step = out_axis.step, out_line = out_axis.line_step;
  std::vector<double> out(static_cast<size_t>(count) * static_cast<size_t>(to) * n, 0.0);
  for (int line = 0; line < count; ++line) {
    for (int i = 0; i < to; ++i) {
      const Footprint& f = prints[static_cast<size_t>(i)];
      double* dst = &out[static_cast<size_t>(line) * out_line + static_cast<size_t>(i) * out_step];
      for (size_t k = 0; k < f.weights.size(); ++k) {
        const size_t src = static_cast<size_t>(line) * line_step + static_cast<size_t>(f.first + static_cast<int>(k)) * step;
        for (size_t c = 0; c < n; ++c) dst[c] += in(src, c) * f.weights[k];
      }
    }
  }
  return out;
}

template <class Samples>
std::vector<double> resample(const Samples& in, int channels, Axis from, int to, Axis out_axis) {
  switch (channels) {
    case 1: return resample<1>(in, from, to, out_axis);
    case 2: return resample<2>(in, from, to, out_axis);
    case 3: return resample<3>(in, from, to, out_axis);
    default: return resample<4>(in, from, to, out_axis);
  }
}

}  // namespace

ImageSize fit_within(ImageSize size, int max_width, int max_height) {
  const double scale = std::min({1.0, static_cast<double>(max_width) / size.width,
                                 static_cast<double>(max_height) / size.height});
  if (scale >= 1.0) return size;
  return {std::max(1, static_cast<int>(std::lround(size.width * scale))),
          std::max(1, static_cast<int>(std::lround(size.height * scale)))};
}

Raster downscale(const Raster& raster, int width, int height) {
  if (width == raster.width && height == raster.height) return raster;
  const auto n = static_cast<size_t>(raster.channels);
  const auto w = static_cast<size_t>(raster.width);
  // Rows first (each row shrinks to `width`), then columns (each shrinks to `height`).
  const auto new_w = static_cast<size_t>(width);
  const Axis source{raster.height, raster.width, n, w * n}, rows_axis{0, 0, n, n * new_w};
  std::vector<double> rows = raster.has_alpha()
                                 ? resample(PremultipliedSamples{raster}, raster.channels, source, width, rows_axis)
                                 : resample(ByteSamples{raster.pixels}, raster.channels, source, width, rows_axis);
  std::vector<double> both = resample(DoubleSamples{rows}, raster.channels, Axis{width, raster.height, n * new_w, n},
                                      height, Axis{0, 0, n * new_w, n});
  Raster out{width, height, raster.channels, std::vector<std::uint8_t>(both.size())};
  for (size_t p = 0; p < both.size(); p += n) {
    const double alpha = raster.has_alpha() ? both[p + n - 1] : 255.0;
    for (size_t c = 0; c < n; ++c) {
      const bool colour = raster.has_alpha() && c + 1 < n;
      out.pixels[p + c] = to_byte(colour ? (alpha > 0 ? both[p + c] * 255.0 / alpha : 0) : both[p + c]);
    }
  }
  return out;
}

Raster to_gray(const Raster& raster) {
  if (raster.is_gray()) return raster;
  const bool alpha = raster.has_alpha();
  Raster out{raster.width, raster.height, alpha ? 2 : 1, {}};
  out.pixels.reserve(out.size());
  for (size_t p = 0; p < raster.pixels.size(); p += static_cast<size_t>(raster.channels)) {
    const int luma = (299 * raster.pixels[p] + 587 * raster.pixels[p + 1] + 114 * raster.pixels[p + 2] + 500) / 1000;
    out.pixels.push_back(static_cast<std::uint8_t>(luma));
    if (alpha) out.pixels.push_back(raster.pixels[p + 3]);
  }
  return out;
}

bool uses_transparency(const Raster& raster) {
  if (!raster.has_alpha()) return false;
  const auto n = static_cast<size_t>(raster.channels);
  for (size_t p = n - 1; p < raster.pixels.size(); p += n) {
    if (raster.pixels[p] != 255) return true;
  }
  return false;
}

Raster without_alpha(const Raster& raster) {
  if (!raster.has_alpha()) return raster;
  const auto n = static_cast<size_t>(raster.channels);
  Raster out{raster.width, raster.height, raster.channels - 1, {}};
  out.pixels.reserve(out.size());
  for (size_t p = 0; p < raster.pixels.size(); p += n) {
    out.pixels.insert(out.pixels.end(), raster.pixels.begin() + static_cast<long>(p),
                      raster.pixels.begin() + static_cast<long>(p + n - 1));
  }
  return out;
}

bool is_line_art(const Raster& raster) {
  constexpr size_t kMaxColours = 256;
  const auto n = static_cast<size_t>(raster.channels);
  std::unordered_set<std::uint32_t> colours;
  // Drawn art is mostly runs of one colour: only a change of colour is looked up.
  std::uint32_t previous = 0;
  for (size_t p = 0; p < raster.pixels.size(); p += n) {
    std::uint32_t key = 0;
    for (size_t c = 0; c < n; ++c) key = key << 8 | raster.pixels[p + c];
    if (p > 0 && key == previous) continue;
    previous = key;
    if (colours.insert(key).second && colours.size() > kMaxColours) return false;
  }
  return true;
}

}  // namespace broadsheet
