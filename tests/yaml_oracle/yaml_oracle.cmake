# The YAML differential as a test over a fixed set of inputs (the sample, the
# error cases, the hostile inputs, the fuzz regressions, the real-feed digest)
# and every truncation and single deletion of a syntax character in them:
# wherever libyaml reports a syntax error, broadsheet must too. baseline.tsv
# lists the classes not fixed yet; the test fails when one grows or a new one
# appears. docs/input.md says how to run it over anything else.
set(YAML_ORACLE_INPUTS ${CMAKE_SOURCE_DIR}/examples/world-brief.yaml ${CMAKE_SOURCE_DIR}/tests/realfeed/feed.yaml)
foreach(name articles_wrong_type date_without_offset duplicate_key empty_title format_unknown impossible_date
        item_not_mapping lone_surrogate many_errors missing_title only_comments several_documents tabs title_list
        top_level_scalar unknown_key unknown_timezone unquoted_colon unclosed_double_quote unclosed_single_quote
        key_without_colon anchor_entity content_after_document key_without_colon_time anchor_in_flow
        stray_after_value)
  list(APPEND YAML_ORACLE_INPUTS ${CMAKE_SOURCE_DIR}/tests/errors/${name}.yaml)
endforeach()
foreach(name controls image_paths injection scripts zones)
  list(APPEND YAML_ORACLE_INPUTS ${CMAKE_SOURCE_DIR}/tests/hostile/${name}.yaml)
endforeach()
foreach(name c1_controls yaml_loadall_hang year_sentinels)
  list(APPEND YAML_ORACLE_INPUTS ${CMAKE_SOURCE_DIR}/fuzz/regressions/${name}.yaml)
endforeach()
add_test(NAME yaml_differential
         COMMAND yaml_differential --mutate --quiet --baseline ${CMAKE_CURRENT_LIST_DIR}/baseline.tsv
                 ${YAML_ORACLE_INPUTS})
