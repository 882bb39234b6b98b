# The shipped styles as the binary and the installed package read them, in
# build/styles/: each NAME.yaml as written, and NAME.css made of css/base.css
# (the rules every style shares) followed by css/NAME.css (what NAME adds).
# Made when CMake configures, which it does again when any of these files
# changes; file(GENERATE) rewrites a file only when its text changed.
set(BROADSHEET_BUILT_STYLES ${CMAKE_BINARY_DIR}/styles)
file(GLOB BROADSHEET_STYLE_YAMLS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/styles/*.yaml)
file(GLOB BROADSHEET_STYLE_CSS_PARTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/styles/css/*.css)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${BROADSHEET_STYLE_CSS_PARTS})
file(READ ${CMAKE_SOURCE_DIR}/styles/css/base.css BROADSHEET_BASE_CSS)
foreach(yaml ${BROADSHEET_STYLE_YAMLS})
  get_filename_component(style ${yaml} NAME_WE)
  set(own_css ${CMAKE_SOURCE_DIR}/styles/css/${style}.css)
  if(NOT EXISTS ${own_css})
    message(FATAL_ERROR "style ${style} has no stylesheet: ${own_css} is missing")
  endif()
  file(READ ${own_css} style_css)
  configure_file(${yaml} ${BROADSHEET_BUILT_STYLES}/${style}.yaml COPYONLY)
  file(GENERATE OUTPUT ${BROADSHEET_BUILT_STYLES}/${style}.css
       CONTENT "${BROADSHEET_BASE_CSS}\n${style_css}")
endforeach()
