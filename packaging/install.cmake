# Installing (cmake --install, make install) and the Debian package (make package):
# the binary, the styles, the man pages, the bash completion and the example, in
# the places a Debian tool keeps them. The binary finds its styles from its own
# prefix (src/env/style_dirs.h), so the installed tree may be moved.
include(GNUInstallDirs)

install(TARGETS broadsheet RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
add_dependencies(installed_files broadsheet)

# The styles: the checkout's, then whatever the build generates into
# build/styles/ (e.g. stylesheets made from one base), which wins.
set(BROADSHEET_STYLES_DEST ${CMAKE_INSTALL_DATADIR}/broadsheet/styles)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/styles/ DESTINATION ${BROADSHEET_STYLES_DEST}
        FILES_MATCHING PATTERN "*.yaml" PATTERN "*.css")
install(DIRECTORY ${CMAKE_BINARY_DIR}/styles/ DESTINATION ${BROADSHEET_STYLES_DEST} OPTIONAL
        FILES_MATCHING PATTERN "*.yaml" PATTERN "*.css")

install(FILES ${CMAKE_SOURCE_DIR}/completion/broadsheet.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME broadsheet)

# The sample digest and its images, and the package's own documents.
set(BROADSHEET_DOC_DEST ${CMAKE_INSTALL_DATADIR}/doc/broadsheet)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/examples/ DESTINATION ${BROADSHEET_DOC_DEST}/examples)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/copyright DESTINATION ${BROADSHEET_DOC_DEST})
broadsheet_gzip(${CMAKE_SOURCE_DIR}/packaging/changelog ${CMAKE_BINARY_DIR}/changelog.gz changelog)
install(FILES ${CMAKE_BINARY_DIR}/changelog.gz DESTINATION ${BROADSHEET_DOC_DEST})
