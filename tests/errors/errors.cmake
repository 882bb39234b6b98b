# Error cases: one ctest per tests/errors/NAME.yaml, run through the real binary
# from this folder (so diagnostics name just NAME.yaml). The expected exit code
# and stderr lines are in each case's leading comments: see check_error_case.sh.
file(GLOB BROADSHEET_ERROR_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.yaml)
foreach(error_case ${BROADSHEET_ERROR_CASES})
  get_filename_component(error_name ${error_case} NAME_WE)
  add_test(NAME error_${error_name}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check_error_case.sh
                   $<TARGET_FILE:broadsheet> ${error_name}.yaml
           WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR})
endforeach()
