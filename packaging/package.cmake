# `make package` (cpack -G DEB): broadsheet_VERSION_ARCH.deb for Debian 12. The
# libraries come from dpkg-shlibdeps on the binary; what it reads at run time
# (fonts, hyphenation dictionaries, time zones) is listed here. Test tools are
# not dependencies. Lintian's findings are triaged in docs/install.md.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME broadsheet)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "the broadsheet authors")
set(CPACK_PACKAGE_CONTACT "broadsheet maintainers <broadsheet@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline news digests as typeset PDF and EPUB, one edition per day")
# The extended description only: CPack puts the summary above it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION [=[broadsheet turns YAML lists of news articles into one edition per calendar
day: a typeset PDF (justified, hyphenated, with a front page, contents,
bookmarks and images) and an EPUB 3 laid out like a periodical. It is meant
to run from cron: the same input gives the same bytes, and bad input gives
precise diagnostics and no half-written file.]=])
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/broadsheet")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
# Read at run time: the default faces and the fallback chain (DejaVu; Droid Sans
# Fallback for CJK; Nanum for Hangul), the time-zone database, and the
# hyphenation dictionaries of the languages the shipped hyphenation covers.
set(BROADSHEET_RUNTIME_DEPENDS
    fonts-dejavu-core fonts-dejavu-extra fonts-droid-fallback fonts-nanum fonts-noto-core fonts-symbola tzdata
    hyphen-en-us hyphen-de hyphen-ru hyphen-fr hyphen-pl hyphen-el hyphen-es hyphen-it
    hyphen-pt-pt hyphen-nl hyphen-hu hyphen-cs hyphen-sk hyphen-uk hyphen-ro hyphen-hr
    hyphen-sl hyphen-lt hyphen-da hyphen-sv hyphen-ca)
list(JOIN BROADSHEET_RUNTIME_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
include(CPack)
