// Where named styles are looked for: environment first, then the binary's own
// prefix, then the system's data folders; only folders that exist count.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "env/style_dirs.h"

using namespace broadsheet;
namespace fs = std::filesystem;

namespace {

// A fake file system root: prefix/bin, prefix/share/broadsheet/styles, a home,
// a BROADSHEET_STYLES folder and two XDG data dirs.
struct Tree {
  fs::path root;
  Tree() {
    std::string pattern = (fs::temp_directory_path() / "style-dirs-XXXXXX").string();
    root = ::mkdtemp(pattern.data());
    for (const char* d : {"prefix/bin", "prefix/share/broadsheet/styles", "home/.local/share/broadsheet/styles",
                          "env", "xdg-home/broadsheet/styles", "sys1/broadsheet/styles", "sys2"}) {
      fs::create_directories(root / d);
    }
  }
  ~Tree() { fs::remove_all(root); }
  void style(const fs::path& dir, const std::string& name) const {
    std::ofstream(root / dir / (name + ".yaml")) << "page: A4\n";
  }
  StyleDirsEnv env() const {
    StyleDirsEnv e;
    e.home = (root / "home").string();
    e.executable_dir = root / "prefix/bin";
    e.xdg_data_dirs = (root / "sys1").string() + "::" + (root / "sys2").string() + ":relative/dir";
    return e;
  }
};

}  // namespace

TEST_CASE("style dirs: environment, then the user's, then the prefix, then the system's") {
  Tree t;
  StyleDirsEnv env = t.env();
  env.broadsheet_styles = (t.root / "env").string() + ":" + (t.root / "missing").string();
  std::vector<fs::path> path = style_search_path(env);
  std::vector<fs::path> expected = {t.root / "env", t.root / "home/.local/share/broadsheet/styles",
                                    t.root / "prefix/share/broadsheet/styles",
                                    t.root / "sys1/broadsheet/styles"};
  CHECK(path == expected);
}

TEST_CASE("style dirs: XDG_DATA_HOME replaces ~/.local/share; an empty or relative one does not") {
  Tree t;
  StyleDirsEnv env = t.env();
  env.xdg_data_home = (t.root / "xdg-home").string();
  CHECK(style_search_path(env).front() == t.root / "xdg-home/broadsheet/styles");
  env.xdg_data_home = "";
  CHECK(style_search_path(env).front() == t.root / "home/.local/share/broadsheet/styles");
  env.xdg_data_home = "xdg-home";
  CHECK(style_search_path(env).front() == t.root / "home/.local/share/broadsheet/styles");
}

TEST_CASE("style dirs: a build tree's styles beside the binary, no compiled-in path") {
  Tree t;
  fs::create_directories(t.root / "checkout/build");
  fs::create_directories(t.root / "checkout/styles");
  StyleDirsEnv env;
  env.executable_dir = t.root / "checkout/build";
  env.xdg_data_dirs = (t.root / "nowhere").string();
  CHECK(style_search_path(env) == std::vector<fs::path>{t.root / "checkout/styles"});
  env.executable_dir.clear();
  CHECK(style_search_path(env).empty());
}

TEST_CASE("style dirs: the first folder holding NAME.yaml wins") {
  Tree t;
  t.style("prefix/share/broadsheet/styles", "classic");
  t.style("prefix/share/broadsheet/styles", "newspaper");
  t.style("home/.local/share/broadsheet/styles", "classic");
  std::vector<fs::path> path = style_search_path(t.env());
  CHECK(find_style_dir("classic", path) == t.root / "home/.local/share/broadsheet/styles");
  CHECK(find_style_dir("newspaper", path) == t.root / "prefix/share/broadsheet/styles");
}

TEST_CASE("style dirs: an unknown name gives the first folder with any style, to list them") {
  Tree t;
  t.style("prefix/share/broadsheet/styles", "classic");
  std::vector<fs::path> path = style_search_path(t.env());
  CHECK(find_style_dir("nosuch", path) == t.root / "prefix/share/broadsheet/styles");
  CHECK(find_style_dir("nosuch", {}) == std::nullopt);
}
