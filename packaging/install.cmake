# Installing (cmake --install, make install) and the Debian package (make package):
# the binary, the styles, the man pages, the bash completion and the example, in
# the places a Debian tool keeps them. The binary finds its styles from its own
# prefix (src/env/style_dirs.h), so the installed tree may be moved.
include(GNUInstallDirs)

install(TARGETS broadsheet RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
add_dependencies(installed_files broadsheet)

# The styles as the build made them (styles/styles.cmake): whole NAME.css files,
# so a user copies one and has a style, without the base it was made from.
set(BROADSHEET_STYLES_DEST ${CMAKE_INSTALL_DATADIR}/broadsheet/styles)
install(DIRECTORY ${BROADSHEET_BUILT_STYLES}/ DESTINATION ${BROADSHEET_STYLES_DEST}
        FILES_MATCHING PATTERN "*.yaml" PATTERN "*.css")

install(FILES ${CMAKE_SOURCE_DIR}/completion/broadsheet.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME broadsheet)

# The sample digest and its images, and the package's own documents.
set(BROADSHEET_DOC_DEST ${CMAKE_INSTALL_DATADIR}/doc/broadsheet)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/examples/ DESTINATION ${BROADSHEET_DOC_DEST}/examples)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/copyright DESTINATION ${BROADSHEET_DOC_DEST})
broadsheet_gzip(${CMAKE_SOURCE_DIR}/packaging/changelog ${CMAKE_BINARY_DIR}/changelog.gz changelog)
install(FILES ${CMAKE_BINARY_DIR}/changelog.gz DESTINATION ${BROADSHEET_DOC_DEST})
