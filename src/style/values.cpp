// Scalar values of a style file, parsed with std::from_chars so that the
// result never depends on the locale: lengths in pt/mm/cm/in, "#RRGGBB"
// colours, page presets and small whole numbers.
#include "style/values.h"

#include <charconv>
#include <cmath>

namespace broadsheet {
namespace {

struct Unit {
  std::string_view name;
  double points;  // how many points one unit is
};

constexpr Unit kUnits[] = {
    {"", 1.0}, {"pt", 1.0}, {"mm", 72.0 / 25.4}, {"cm", 72.0 / 2.54}, {"in", 72.0},
};

struct Preset {
  std::string_view name;
  PageSize size;
};

constexpr Preset kPresets[] = {
    {"a4", {595.276, 841.89}},
    {"a5", {419.528, 595.276}},
    {"letter", {612, 792}},
};

std::string_view trim(std::string_view text) {
  size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char lower = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (lower != b[i]) return false;
  }
  return true;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool parse_length(const std::string& text, double& points) {
  std::string_view rest = trim(text);
  double number = 0;
  auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
  if (error != std::errc{} || !std::isfinite(number) || number < 0) return false;
  std::string_view unit = trim(rest.substr(static_cast<size_t>(end - rest.data())));
  for (const Unit& known : kUnits) {
    if (unit == known.name) {
      points = number * known.points;
      return true;
    }
  }
  return false;
}

std::optional<Color> parse_color(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  double channels[3];
  for (int i = 0; i < 3; ++i) {
    int high = hex_digit(text[1 + 2 * i]), low = hex_digit(text[2 + 2 * i]);
    if (high < 0 || low < 0) return std::nullopt;
    channels[i] = (high * 16 + low) / 255.0;
  }
  return Color{channels[0], channels[1], channels[2]};
}

std::optional<PageSize> page_preset(std::string_view name) {
  for (const Preset& preset : kPresets) {
    if (equals_ignoring_case(name, preset.name)) return preset.size;
  }
  return std::nullopt;
}

std::optional<int> parse_int_in_range(std::string_view text, int min, int max) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (value < min || value > max) return std::nullopt;
  return value;
}

}  // namespace broadsheet
