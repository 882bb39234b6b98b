// Downscaling by area averaging in two separable passes (rows, then columns),
// on alpha-premultiplied floating-point samples.
#include "image/scale.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <utility>

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

std::uint8_t to_byte(double v) { return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L)); }

// One source row, starting at sample `start`, shrunk to prints.size() pixels
// of N channels in dst.
template <size_t N, class Samples>
void shrink_row(const Samples& in, size_t start, const std::vector<Footprint>& prints, double* dst) {
  for (const Footprint& f : prints) {
    for (size_t c = 0; c < N; ++c) dst[c] = 0.0;
    for (size_t k = 0; k < f.weights.size(); ++k) {
      const size_t src = start + static_cast<size_t>(f.first + static_cast<int>(k)) * N;
      for (size_t c = 0; c < N; ++c) dst[c] += in(src, c) * f.weights[k];
    }
    dst += N;
  }
}

// Rows first (each shrinks to `width`), then columns (to `height`), the
// second pass fed one shrunk row at a time: each output row adds the source
// rows it covers in their order, the sums of two whole passes without the
// image-sized buffer between them (7 MB of doubles for the EPUB cover, most of
// its thumbnail's time in page faults). N, the channels (1 to 4), is fixed at
// compile time so that the innermost loops unroll.
template <size_t N, class Samples>
std::vector<double> shrink(const Samples& in, const Raster& raster, int width, int height) {
  const std::vector<Footprint> across = footprints(raster.width, width), down = footprints(raster.height, height);
  std::vector<std::vector<std::pair<size_t, double>>> into(static_cast<size_t>(raster.height));
  for (size_t j = 0; j < down.size(); ++j) {
    for (size_t k = 0; k < down[j].weights.size(); ++k) {
      into[static_cast<size_t>(down[j].first) + k].emplace_back(j, down[j].weights[k]);
    }
  }
  const size_t line = static_cast<size_t>(width) * N;
  std::vector<double> out(line * static_cast<size_t>(height), 0.0), row(line);
  for (size_t r = 0; r < into.size(); ++r) {
    if (into[r].empty()) continue;
    shrink_row<N>(in, r * static_cast<size_t>(raster.width) * N, across, row.data());
    for (const auto& [j, weight] : into[r]) {
      double* dst = &out[j * line];
      for (size_t i = 0; i < line; ++i) dst[i] += row[i] * weight;
    }
  }
  return out;
}

template <class Samples>
std::vector<double> shrink(const Samples& in, const Raster& raster, int width, int height) {
  switch (raster.channels) {
    case 1: return shrink<1>(in, raster, width, height);
    case 2: return shrink<2>(in, raster, width, height);
    case 3: return shrink<3>(in, raster, width, height);
    default: return shrink<4>(in, raster, width, height);
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
  std::vector<double> both = raster.has_alpha() ? shrink(PremultipliedSamples{raster}, raster, width, height)
                                                : shrink(ByteSamples{raster.pixels}, raster, width, height);
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
