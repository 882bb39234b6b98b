# The libFuzzer target (make fuzz): clang only, in its own build folder
# (build-fuzz). Included from CMakeLists.txt before the core is defined, so that
# the core, too, gets coverage instrumentation and the sanitizers.
option(BROADSHEET_FUZZ "Build the libFuzzer target fuzz_pipeline (needs clang)" OFF)
if(BROADSHEET_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BROADSHEET_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  add_executable(fuzz_pipeline ${CMAKE_CURRENT_LIST_DIR}/fuzz_pipeline.cpp)
  target_link_libraries(fuzz_pipeline PRIVATE broadsheet_core)
  target_link_options(fuzz_pipeline PRIVATE -fsanitize=fuzzer)
  target_compile_options(fuzz_pipeline PRIVATE ${BROADSHEET_WARNINGS})
  target_compile_definitions(fuzz_pipeline PRIVATE BROADSHEET_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
      BROADSHEET_BUILT_STYLES="${BROADSHEET_BUILT_STYLES}")
endif()
