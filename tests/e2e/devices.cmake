# Device profiles, lint and the OPDS shelf, end to end (tests/e2e/devices.sh).
foreach(check device_build)
  add_test(NAME e2e_${check}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/e2e/devices.sh ${check} $<TARGET_FILE:broadsheet>
                   ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/e2e)
endforeach()
