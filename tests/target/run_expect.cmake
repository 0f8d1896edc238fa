# Run an ELF under the emulator and check its exit status and output.
#   cmake -DEMULATOR=<cmd|arg|...> -DELF=<file> -DEXPECT_STATUS=<n>
#         [-DEXPECT_OUTPUT=<regex>...] [-DREJECT_OUTPUT=<regex>] [-DTIMEOUT=<s>] -P run_expect.cmake
# EMULATOR uses '|' between arguments (a ';' list would be split by add_test).
# EXPECT_OUTPUT may hold several regexes separated by '|||'; each must match.
foreach(_var EMULATOR ELF EXPECT_STATUS)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "run_expect.cmake: -D${_var}=... is required")
  endif()
endforeach()
if(NOT DEFINED TIMEOUT)
  set(TIMEOUT 300)
endif()
string(REPLACE "|" ";" _emulator "${EMULATOR}")
execute_process(COMMAND ${_emulator} "${ELF}" RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out
                TIMEOUT ${TIMEOUT})
message("${_out}")
if(NOT "${_rc}" STREQUAL "${EXPECT_STATUS}")
  message(FATAL_ERROR "exit status '${_rc}', expected ${EXPECT_STATUS}")
endif()
if(DEFINED EXPECT_OUTPUT)
  string(REPLACE "|||" ";" _expected "${EXPECT_OUTPUT}")
  foreach(_re IN LISTS _expected)
    if(NOT _out MATCHES "${_re}")
      message(FATAL_ERROR "output does not match '${_re}'")
    endif()
  endforeach()
endif()
if(DEFINED REJECT_OUTPUT AND _out MATCHES "${REJECT_OUTPUT}")
  message(FATAL_ERROR "output matches '${REJECT_OUTPUT}', which it must not")
endif()
message(STATUS "exit status ${_rc} and output as expected")
