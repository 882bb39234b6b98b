# Hostile inputs that must BUILD, end to end through the real binary: one ctest
# per tests/hostile/NAME.yaml and per generated case (generate.sh), each checked
# by check_hostile.sh. Included from tests/e2e/e2e.cmake.
set(HOSTILE_DIR ${CMAKE_SOURCE_DIR}/tests/hostile)
file(GLOB HOSTILE_FILES CONFIGURE_DEPENDS ${HOSTILE_DIR}/*.yaml)
set(HOSTILE_CASES title2000 word50k paragraph2mb list10k deep_nesting deep_quotes_pdf sections100
    articles1000 bom_crlf)
foreach(file ${HOSTILE_FILES})
  get_filename_component(name ${file} NAME_WE)
  list(APPEND HOSTILE_CASES ${name})
endforeach()
foreach(name ${HOSTILE_CASES})
  add_test(NAME hostile_${name}
           COMMAND bash ${HOSTILE_DIR}/check_hostile.sh ${name} $<TARGET_FILE:broadsheet>
                   ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/hostile)
  set_tests_properties(hostile_${name} PROPERTIES TIMEOUT 600)
endforeach()


# Open bugs found by fuzzing, in code owned by another stage: listed as disabled
# tests so that every summary shows them (see fuzz/regressions/README.md).
file(GLOB HOSTILE_KNOWN CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/fuzz/regressions/known-*.yaml)
foreach(file ${HOSTILE_KNOWN})
  get_filename_component(name ${file} NAME_WE)
  add_test(NAME fuzz_${name} COMMAND $<TARGET_FILE:broadsheet> build ${file} --out ${CMAKE_BINARY_DIR}/fuzz-known)
  set_tests_properties(fuzz_${name} PROPERTIES DISABLED TRUE)
endforeach()
