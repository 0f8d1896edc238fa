# Fails when single_include/oncostate/oncostate.hpp is not what cmake/amalgamate.cmake would
# generate from include/ now.
#   cmake [-DONCOSTATE_SOURCE_DIR=<repo>] [-DONCOSTATE_TMP_DIR=<dir>] -P cmake/check_single_include.cmake
cmake_minimum_required(VERSION 3.20)

if(NOT DEFINED ONCOSTATE_SOURCE_DIR)
  set(ONCOSTATE_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/..")
endif()
get_filename_component(ONCOSTATE_SOURCE_DIR "${ONCOSTATE_SOURCE_DIR}" ABSOLUTE)
if(NOT DEFINED ONCOSTATE_TMP_DIR)
  foreach(_dir "$ENV{TMPDIR}" "$ENV{TEMP}" "/tmp")
    if(_dir AND IS_DIRECTORY "${_dir}")
      set(ONCOSTATE_TMP_DIR "${_dir}")
      break()
    endif()
  endforeach()
endif()
string(RANDOM LENGTH 8 _tag)
set(_fresh "${ONCOSTATE_TMP_DIR}/oncostate-single-include-${_tag}.hpp")
set(_committed "${ONCOSTATE_SOURCE_DIR}/single_include/oncostate/oncostate.hpp")
set(_fix "run `cmake -P cmake/amalgamate.cmake` from the repository root and commit the result")

execute_process(
  COMMAND "${CMAKE_COMMAND}" "-DONCOSTATE_SOURCE_DIR=${ONCOSTATE_SOURCE_DIR}" "-DONCOSTATE_OUTPUT=${_fresh}"
          -P "${CMAKE_CURRENT_LIST_DIR}/amalgamate.cmake"
  RESULT_VARIABLE _rc OUTPUT_QUIET)
if(NOT _rc EQUAL 0)
  file(REMOVE "${_fresh}")
  message(FATAL_ERROR "check_single_include: cmake/amalgamate.cmake failed (${_rc})")
endif()
if(NOT EXISTS "${_committed}")
  file(REMOVE "${_fresh}")
  message(FATAL_ERROR "single_include/oncostate/oncostate.hpp is missing: ${_fix}")
endif()

# Compare ignoring CR, so a CRLF checkout (git autocrlf) is not reported as stale.
file(READ "${_committed}" _old)
file(READ "${_fresh}" _new)
string(REPLACE "\r" "" _old "${_old}")
if(_old STREQUAL _new)
  file(REMOVE "${_fresh}")
  message(STATUS "single_include/oncostate/oncostate.hpp is current")
  return()
endif()

# Show what changed when diff is at hand, then fail.
find_program(_diff NAMES diff)
if(_diff)
  execute_process(COMMAND "${_diff}" -u --strip-trailing-cr "${_committed}" "${_fresh}"
                  OUTPUT_VARIABLE _d ERROR_QUIET)
  string(SUBSTRING "${_d}" 0 4000 _d)
  message("${_d}")
endif()
file(REMOVE "${_fresh}")
message(FATAL_ERROR "single_include/oncostate/oncostate.hpp is out of date with include/: ${_fix}")
