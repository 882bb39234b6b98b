// GIF through giflib: the first frame only, drawn onto the logical screen,
// with its transparent colour as alpha. Records are read one by one (not
// DGifSlurp) so that a later frame, however large it claims to be, is never
// allocated.
#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "image/codecs.h"

namespace broadsheet::codec {
namespace {

struct Memory {
  std::string_view bytes;
  size_t offset = 0;
};

int read_memory(GifFileType* gif, GifByteType* out, int wanted) {
  auto* memory = static_cast<Memory*>(gif->UserData);
  const size_t n = std::min(static_cast<size_t>(std::max(wanted, 0)), memory->bytes.size() - memory->offset);
  std::memcpy(out, memory->bytes.data() + memory->offset, n);
  memory->offset += n;
  return static_cast<int>(n);
}

struct GifClose {
  void operator()(GifFileType* gif) const {
    int error = 0;
    DGifCloseFile(gif, &error);
  }
};
using GifHandle = std::unique_ptr<GifFileType, GifClose>;

GifHandle open_gif(Memory& memory) {
  int error = 0;
  GifHandle gif(DGifOpen(&memory, read_memory, &error));
  if (!gif) throw ImageError(std::string("corrupt GIF data: ") + GifErrorString(error));
  return gif;
}

[[noreturn]] void fail(const GifFileType& gif) {
  const char* reason = GifErrorString(gif.Error);
  throw ImageError(std::string("corrupt or truncated GIF data") + (reason ? std::string(": ") + reason : ""));
}

// The transparent palette index from a graphics control extension, or -1.
int transparent_index(GifFileType& gif) {
  int transparent = -1;
  int code = 0;
  GifByteType* block = nullptr;
  if (DGifGetExtension(&gif, &code, &block) == GIF_ERROR) fail(gif);
  while (block) {
    if (code == GRAPHICS_EXT_FUNC_CODE && block[0] >= 4 && (block[1] & 1)) transparent = block[4];
    code = CONTINUE_EXT_FUNC_CODE;
    if (DGifGetExtensionNext(&gif, &block) == GIF_ERROR) fail(gif);
  }
  return transparent;
}

// The frame's rows in file order: interlaced GIFs store them in four passes.
std::vector<int> row_order(int height, bool interlaced) {
  std::vector<int> rows;
  if (!interlaced) {
    for (int y = 0; y < height; ++y) rows.push_back(y);
    return rows;
  }
  for (auto [start, step] : {std::pair{0, 8}, {4, 8}, {2, 4}, {1, 2}}) {
    for (int y = start; y < height; y += step) rows.push_back(y);
  }
  return rows;
}

Raster draw_frame(GifFileType& gif, int transparent) {
  if (DGifGetImageDesc(&gif) == GIF_ERROR) fail(gif);
  const GifImageDesc& desc = gif.Image;
  const ColorMapObject* map = desc.ColorMap ? desc.ColorMap : gif.SColorMap;
  if (!map) throw ImageError("corrupt GIF data: no colour table");
  if (desc.Left < 0 || desc.Top < 0 || desc.Width <= 0 || desc.Height <= 0 ||
      desc.Left + desc.Width > gif.SWidth || desc.Top + desc.Height > gif.SHeight) {
    throw ImageError("corrupt GIF data: the first frame lies outside the image");
  }
  Raster raster{gif.SWidth, gif.SHeight, 4, {}};
  raster.pixels.assign(raster.size(), 0);  // outside the frame: transparent
  std::vector<GifPixelType> line(static_cast<size_t>(desc.Width));
  for (int y : row_order(desc.Height, desc.Interlace)) {
    if (DGifGetLine(&gif, line.data(), desc.Width) == GIF_ERROR) fail(gif);
    std::uint8_t* out = raster.pixels.data() + (static_cast<size_t>(desc.Top + y) * gif.SWidth + desc.Left) * 4;
    for (int x = 0; x < desc.Width; ++x, out += 4) {
      const int index = line[static_cast<size_t>(x)];
      if (index == transparent || index >= map->ColorCount) continue;
      const GifColorType& c = map->Colors[index];
      out[0] = c.Red, out[1] = c.Green, out[2] = c.Blue, out[3] = 255;
    }
  }
  return raster;
}

}  // namespace

ImageSize gif_size(std::string_view bytes) {
  Memory memory{bytes};
  GifHandle gif = open_gif(memory);
  return {gif->SWidth, gif->SHeight};
}

Raster decode_gif(std::string_view bytes) {
  Memory memory{bytes};
  GifHandle gif = open_gif(memory);
  int transparent = -1;
  for (;;) {
    GifRecordType type = UNDEFINED_RECORD_TYPE;
    if (DGifGetRecordType(gif.get(), &type) == GIF_ERROR) fail(*gif);
    if (type == EXTENSION_RECORD_TYPE) transparent = transparent_index(*gif);
    else if (type == IMAGE_DESC_RECORD_TYPE) return draw_frame(*gif, transparent);
    else throw ImageError("corrupt GIF data: no image in the file");
  }
}

}  // namespace broadsheet::codec
