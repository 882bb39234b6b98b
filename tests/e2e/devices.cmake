# Device profiles, lint and the OPDS shelf (its catalog validated by jing), end to end
# (tests/e2e/devices.sh).
foreach(check device_build device_lint device_epubcheck device_calibre shelf shelf_opds_schema)
  add_test(NAME e2e_${check}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/e2e/devices.sh ${check} $<TARGET_FILE:broadsheet>
                   ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/e2e)
endforeach()
set_tests_properties(e2e_device_calibre PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
set_tests_properties(e2e_device_epubcheck PROPERTIES TIMEOUT 300)
