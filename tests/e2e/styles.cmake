# Every shipped style builds the sample into PDFs that qpdf accepts, whose
# text holds every title, at the style's page size (tests/e2e/styles.sh).
foreach(style classic newspaper ereader)
  add_test(NAME e2e_style_${style}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/e2e/styles.sh ${style} $<TARGET_FILE:broadsheet>
                   ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/e2e)
endforeach()
