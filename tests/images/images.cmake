# End-to-end image tests (tests/images/check_images.sh), on fixtures the
# make_image_fixtures tool generates at test time.
foreach(mode formats hostile)
  add_test(NAME images_${mode}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/images/check_images.sh ${mode}
                   $<TARGET_FILE:broadsheet> $<TARGET_FILE:make_image_fixtures>
                   ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/test-work)
endforeach()
