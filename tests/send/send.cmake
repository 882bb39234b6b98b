# End-to-end tests of `broadsheet send` against real SMTP peers on loopback:
# aiosmtpd (Debian's python3-aiosmtpd, hence /usr/bin/python3) with STARTTLS
# and AUTH, and a raw-socket peer for faults (tests/send/test_send.py).
find_program(SEND_TEST_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
foreach(case three_subscribers refused_and_deferred wrong_ca_and_wrong_password size_limits
        greeting_421 transport_breaks_mid_run drops stalls two_runs_at_once kill_mid_run sendmail_and_dry_run
        device_lint progress_line variant_warnings)
  add_test(NAME send:${case}
           COMMAND ${SEND_TEST_PYTHON} -W ignore ${CMAKE_SOURCE_DIR}/tests/send/test_send.py
                   $<TARGET_FILE:broadsheet> ${case})
  set_tests_properties(send:${case} PROPERTIES TIMEOUT 240 LABELS send)
endforeach()
