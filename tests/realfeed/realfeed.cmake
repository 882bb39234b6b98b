# The real-feed corpus (tests/realfeed): scraped traits built end to end.
foreach(check build valid links hostile voices)
  add_test(NAME realfeed_${check}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check_realfeed.sh ${check} $<TARGET_FILE:broadsheet>
                   ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/e2e)
endforeach()
set_tests_properties(realfeed_valid PROPERTIES TIMEOUT 300)
