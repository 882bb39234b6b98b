# The layering check (scripts/check_layering.py): no folder under src/ includes
# a folder that includes it back. The second test feeds it a three-folder cycle
# so that a check that stopped seeing cycles would fail too.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME layering
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/check_layering.py ${CMAKE_SOURCE_DIR}/src)
add_test(NAME layering_finds_cycle
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/check_layering.py
                 ${CMAKE_SOURCE_DIR}/tests/layering/cycle/src)
set_tests_properties(layering_finds_cycle PROPERTIES
    PASS_REGULAR_EXPRESSION "include cycle between folders: high low mid")
