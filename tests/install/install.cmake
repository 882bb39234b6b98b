# The installed tool, away from the checkout: `cmake --install` into a temporary
# prefix, the prefix moved, the source and build folders hidden, then the
# installed sample built with every installed style (tests/install/install_prefix.sh).
add_test(NAME install_prefix
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install/install_prefix.sh
                 ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/install-test)
set_tests_properties(install_prefix PROPERTIES TIMEOUT 300 RUN_SERIAL ON)
