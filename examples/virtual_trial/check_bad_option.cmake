# cmake -DPROGRAM=<virtual_trial> -P check_bad_option.cmake
# Bad options end with a message, the usage text and exit status 2.
foreach(args IN ITEMS "--bogus" "--patients;5" "--patients;10:5" "--preset;nowhere" "--n" "--scalar;half"
                      "--n;10;--patients;0:20")
  execute_process(COMMAND "${PROGRAM}" ${args} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "virtual_trial ${args}: exit status ${rc}, expected 2\n${out}${err}")
  endif()
  if(NOT err MATCHES "virtual_trial: " OR NOT err MATCHES "usage: virtual_trial")
    message(FATAL_ERROR "virtual_trial ${args}: no message and usage on stderr\n${err}")
  endif()
endforeach()
message(STATUS "bad options rejected with exit status 2")
