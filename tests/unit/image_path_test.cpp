// Where images may come from: the digest's folder and explicitly allowed ones.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "image/image_path.h"
#include "image/raster.h"

namespace broadsheet {
namespace fs = std::filesystem;
namespace {

std::string refusal(const std::string& written, const fs::path& base, const std::vector<fs::path>& roots = {}) {
  try {
    resolve_image_path(written, base, roots);
  } catch (const ImageError& e) {
    return e.what();
  }
  return "allowed";
}

struct Folders {
  fs::path root = fs::temp_directory_path() / "broadsheet-image-path-test";
  fs::path digest = root / "digest", outside = root / "outside";
  Folders() {
    fs::remove_all(root);
    fs::create_directories(digest / "photos");
    fs::create_directories(outside);
    std::ofstream(outside / "secret.png") << "x";
    std::ofstream(digest / "photos" / "a.png") << "x";
    fs::create_symlink(outside / "secret.png", digest / "link.png");
    fs::create_symlink(digest / "photos" / "a.png", digest / "inner-link.png");
  }
  ~Folders() { fs::remove_all(root); }
};

}  // namespace

TEST_CASE("image paths: inside the digest's folder, links followed") {
  Folders f;
  CHECK(refusal("photos/a.png", f.digest) == "allowed");
  CHECK(refusal("photos/../photos/a.png", f.digest) == "allowed");
  CHECK(refusal("inner-link.png", f.digest) == "allowed");
  CHECK(resolve_image_path("inner-link.png", f.digest, {}) == fs::canonical(f.digest / "photos" / "a.png"));
  CHECK(refusal("missing.png", f.digest) == "allowed");  // reading it will say so
}

TEST_CASE("image paths: escapes, absolute paths, links out and URLs are refused") {
  Folders f;
  CHECK(refusal("../outside/secret.png", f.digest) == "leads outside the digest's folder ('..')");
  CHECK(refusal((f.outside / "secret.png").string(), f.digest) == "is an absolute path outside the digest's folder");
  CHECK(refusal("/etc/passwd", f.digest) == "is an absolute path outside the digest's folder");
  CHECK(refusal("link.png", f.digest) == "is a symbolic link that leads outside the digest's folder");
  CHECK(refusal("https://example.org/a.png", f.digest) == "is a URL; only local files are read");
  CHECK(refusal("file:///etc/passwd", f.digest) == "is a URL; only local files are read");
  // The same rule as every link's (doc/link_policy): a network path and a
  // scheme hidden by a browser's cleaning are addresses too.
  CHECK(refusal("//cdn.example/a.png", f.digest) == "is a URL; only local files are read");
  CHECK(refusal(" java\tscript:alert(1)", f.digest) == "is a URL; only local files are read");
}

TEST_CASE("image paths: --allow-images-from widens the roots") {
  Folders f;
  CHECK(refusal("../outside/secret.png", f.digest, {f.outside}) == "allowed");
  CHECK(refusal("link.png", f.digest, {f.outside}) == "allowed");
  CHECK(refusal("../outside-not/x.png", f.digest, {f.outside}) == "leads outside the digest's folder ('..')");
}

TEST_CASE("image files: only regular files are read") {
  Folders f;
  auto reason = [](const fs::path& p) {
    try {
      read_image_file(p);
    } catch (const ImageError& e) {
      return std::string(e.what());
    }
    return std::string("read");
  };
  CHECK(reason(f.digest / "photos" / "a.png") == "read");
  CHECK(reason(f.digest / "missing.png") == "does not exist");
  CHECK(reason(f.digest / "photos") == "is not a regular file");
  CHECK(reason("/dev/zero") == "is not a regular file");
}

}  // namespace broadsheet
