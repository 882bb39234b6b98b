# broadsheet_gzip(IN OUT TARGET_SUFFIX): OUT is IN compressed with gzip -9n (no
# name, no time stamp: the same bytes on every build), made by the `all` target.
find_program(GZIP_PROGRAM gzip REQUIRED)
# Everything `cmake --install` copies that a build makes (make release builds only this).
add_custom_target(installed_files)
function(broadsheet_gzip in out suffix)
  add_custom_command(OUTPUT ${out}
                     COMMAND sh -c "\"$0\" -9n -c \"$1\" > \"$2\"" ${GZIP_PROGRAM} ${in} ${out}
                     DEPENDS ${in} VERBATIM)
  add_custom_target(gzip_${suffix} ALL DEPENDS ${out})
  add_dependencies(installed_files gzip_${suffix})
endfunction()
