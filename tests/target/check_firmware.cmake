# Runs the firmware example under the emulator and checks that it completed, survived its
# simulated power cut, and reproduced its golden run (tests/core/golden_runs.hpp) bit for bit.
#   cmake -DEMULATOR=<cmd|arg|...> -DELF=<firmware.elf> -DGOLDEN=<golden_runs.hpp> -DSCENARIO=<name>
#         -P check_firmware.cmake
foreach(_var EMULATOR ELF GOLDEN SCENARIO)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "check_firmware.cmake: -D${_var}=... is required")
  endif()
endforeach()
file(STRINGS "${GOLDEN}" _rows REGEX "^ *\\{\"${SCENARIO}\",")
if(NOT _rows MATCHES "\\{\"${SCENARIO}\", *([0-9]+), *([0-9]+), *([0-9]+), *([0-9]+)u, *([0-9]+)u\\}")
  message(FATAL_ERROR "no golden row for '${SCENARIO}' in ${GOLDEN}")
endif()
set(_expect "digest: events ${CMAKE_MATCH_3} ${CMAKE_MATCH_4} state ${CMAKE_MATCH_5}")

string(REPLACE "|" ";" _emulator "${EMULATOR}")
execute_process(COMMAND ${_emulator} "${ELF}" RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out TIMEOUT 600)
string(LENGTH "${_out}" _length)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the firmware exited with '${_rc}':\n${_out}")
endif()
foreach(_re "run complete" "power cycle: restored day [0-9]+ from flash: ok" "${_expect}")
  if(NOT _out MATCHES "${_re}")
    string(REGEX MATCH "digest:[^\n]*" _got "${_out}")
    message(FATAL_ERROR "the firmware's output lacks '${_re}' (got '${_got}')")
  endif()
endforeach()
message(STATUS "firmware: ${_length} bytes of output, ${_expect}, as in the golden table")
