# The man pages: written in scdoc (man/*.scd), turned into roff at build time
# (build/man/NAME.N) and installed gzipped. -DBROADSHEET_MAN=OFF builds without
# scdoc and without the pages.
option(BROADSHEET_MAN "Build and install the man pages (needs scdoc)" ON)
if(BROADSHEET_MAN)
  find_program(SCDOC_PROGRAM scdoc REQUIRED)
  set(BROADSHEET_MAN_PAGES broadsheet.1 broadsheet-digest.5 broadsheet-style.5 broadsheet-subscribers.5)
  set(man_outputs)
  foreach(page ${BROADSHEET_MAN_PAGES})
    set(src ${CMAKE_SOURCE_DIR}/man/${page}.scd)
    set(roff ${CMAKE_BINARY_DIR}/man/${page})
    add_custom_command(OUTPUT ${roff}
                       COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
                       COMMAND sh -c "\"$0\" < \"$1\" > \"$2\"" ${SCDOC_PROGRAM} ${src} ${roff}
                       DEPENDS ${src} VERBATIM)
    broadsheet_gzip(${roff} ${roff}.gz man_${page})
    string(REGEX MATCH "[0-9]$" section ${page})
    install(FILES ${roff}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
  endforeach()

  # Each page renders without a warning from groff (man --warnings), and every
  # option that `--help` lists (of every subcommand) is in broadsheet(1) and in
  # the bash completion.
  foreach(page ${BROADSHEET_MAN_PAGES})
    add_test(NAME man_render_${page}
             COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install/man_render.sh ${CMAKE_BINARY_DIR}/man/${page})
  endforeach()
  add_test(NAME man_options
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install/man_options.sh $<TARGET_FILE:broadsheet>
                   ${CMAKE_BINARY_DIR}/man/broadsheet.1 ${CMAKE_SOURCE_DIR}/completion/broadsheet.bash)
endif()
