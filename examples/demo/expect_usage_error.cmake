# cmake -DPROGRAM=<demo> -P expect_usage_error.cmake: a bad option must exit with status 2 and
# print the usage on stderr.
execute_process(COMMAND "${PROGRAM}" --no-such-option RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "demo --no-such-option exited with '${rc}', expected 2")
endif()
if(NOT err MATCHES "unknown option" OR NOT err MATCHES "usage: demo")
  message(FATAL_ERROR "demo --no-such-option did not explain itself on stderr:\n${err}")
endif()
execute_process(COMMAND "${PROGRAM}" --days 0 RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "demo --days 0 exited with '${rc}', expected 2")
endif()
