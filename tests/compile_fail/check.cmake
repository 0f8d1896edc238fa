# Compiles one source that must not compile, and checks the library's own message.
#
#   cmake -DCOMPILER=<c++> -DINCLUDE_DIR=<include/> -DSOURCE=<case.cpp> -P check.cmake
#
# The source names what it expects in a comment line:
#   // expect: <text>     compilation fails and the diagnostics contain <text> verbatim
#   // expect: compiles   compilation succeeds (a control case)
# Any other outcome is reported as "compile-fail check FAILED" and exits non-zero.
cmake_minimum_required(VERSION 3.20)

foreach(_var COMPILER INCLUDE_DIR SOURCE)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "check.cmake: ${_var} is not set")
  endif()
endforeach()
if(NOT EXISTS "${SOURCE}")
  message(FATAL_ERROR "check.cmake: ${SOURCE} does not exist")
endif()

# Read as one string, not as a list of lines: a message may hold a semicolon.
file(READ "${SOURCE}" _text)
string(REGEX MATCH "(^|\n)// expect: [^\n]*" _line "${_text}")
string(REPLACE "${_line}" "" _rest "${_text}")
string(REGEX MATCH "(^|\n)// expect: " _second "${_rest}")
if(_line STREQUAL "" OR NOT _second STREQUAL "")
  message(FATAL_ERROR "check.cmake: ${SOURCE} needs exactly one '// expect: ' line")
endif()
string(REGEX REPLACE "^\n?// expect: " "" _expect "${_line}")
string(STRIP "${_expect}" _expect)

execute_process(
  COMMAND "${COMPILER}" -std=c++17 -fsyntax-only -I "${INCLUDE_DIR}" "${SOURCE}"
  RESULT_VARIABLE _rc
  OUTPUT_VARIABLE _out
  ERROR_VARIABLE _out)

get_filename_component(_name "${SOURCE}" NAME)
if(_expect STREQUAL "compiles")
  if(NOT _rc EQUAL 0)
    message("${_out}")
    message(FATAL_ERROR "compile-fail check FAILED: ${_name} was expected to compile")
  endif()
  message(STATUS "${_name}: compiles, as expected")
  return()
endif()

if(_rc EQUAL 0)
  message(FATAL_ERROR "compile-fail check FAILED: ${_name} compiled; expected the error \"${_expect}\"")
endif()
string(FIND "${_out}" "${_expect}" _at)
if(_at EQUAL -1)
  message("${_out}")
  message(FATAL_ERROR "compile-fail check FAILED: ${_name} failed to compile, but without \"${_expect}\"")
endif()
message(STATUS "${_name}: rejected with \"${_expect}\"")
