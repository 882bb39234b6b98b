# End-to-end tests: the real binary on the sample and on bad inputs, checked with
# the real validators (epubcheck, qpdf --check, pdftotext, pdfinfo, mutool).
set(E2E_SCRIPT ${CMAKE_SOURCE_DIR}/tests/e2e/e2e.sh)
set(E2E_WORK ${CMAKE_BINARY_DIR}/e2e)

function(broadsheet_e2e name)
  add_test(NAME e2e_${name}
           COMMAND bash ${E2E_SCRIPT} ${name} $<TARGET_FILE:broadsheet> ${CMAKE_SOURCE_DIR} ${E2E_WORK})
  if(ARGN)
    set_tests_properties(e2e_${name} PROPERTIES ${ARGN})
  endif()
endfunction()

# The sample is built once; the validators read that build.
broadsheet_e2e(sample_build FIXTURES_SETUP sample)
foreach(check qpdf pdftotext pdfinfo epubcheck mutool reproducible structure fonts)
  broadsheet_e2e(${check} FIXTURES_REQUIRED sample)
endforeach()
foreach(check cli_usage day_filter unwritable_output golden glyphs)
  broadsheet_e2e(${check})
endforeach()
set_tests_properties(e2e_epubcheck PROPERTIES TIMEOUT 300)

# The progress line on a terminal (script(1) makes one), and silence without it.
add_test(NAME e2e_progress
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/e2e/progress.sh $<TARGET_FILE:broadsheet> ${CMAKE_SOURCE_DIR} ${E2E_WORK})
# Work not redone (the build record) and duplicate articles, on copies of the sample.
foreach(case skip duplicates)
  add_test(NAME e2e_${case}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/e2e/skip.sh ${case} $<TARGET_FILE:broadsheet> ${CMAKE_SOURCE_DIR} ${E2E_WORK})
endforeach()
