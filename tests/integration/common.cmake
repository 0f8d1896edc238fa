# Helpers shared by the integration test drivers (-P scripts in this directory).
cmake_minimum_required(VERSION 3.20)

# oncostate_run(<what> <command>...): runs a command, echoes its output, fails the test on error.
function(oncostate_run what)
  string(REPLACE ";" " " shown "${ARGN}")
  message(STATUS "[${what}] ${shown}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  message("${out}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "[${what}] failed (${rc})")
  endif()
  set(ONCOSTATE_RUN_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

# oncostate_read_version(<out_var>): x.y.z from ${ONCOSTATE_SOURCE_DIR}/include/oncostate/config.hpp.
function(oncostate_read_version out_var)
  file(STRINGS "${ONCOSTATE_SOURCE_DIR}/include/oncostate/config.hpp" lines
       REGEX "^#define ONCOSTATE_VERSION_(MAJOR|MINOR|PATCH) [0-9]+$")
  set(v "")
  foreach(part MAJOR MINOR PATCH)
    if(NOT lines MATCHES "ONCOSTATE_VERSION_${part} ([0-9]+)")
      message(FATAL_ERROR "no ONCOSTATE_VERSION_${part} in include/oncostate/config.hpp")
    endif()
    list(APPEND v "${CMAKE_MATCH_1}")
  endforeach()
  list(JOIN v "." v)
  set(${out_var} "${v}" PARENT_SCOPE)
endfunction()

# Arguments that make a nested configure use the parent's generator and compiler.
set(ONCOSTATE_NESTED_ARGS -G "${GENERATOR}" "-DCMAKE_CXX_COMPILER=${CXX}")
if(GENERATOR_PLATFORM)
  list(APPEND ONCOSTATE_NESTED_ARGS -A "${GENERATOR_PLATFORM}")
endif()
if(GENERATOR_TOOLSET)
  list(APPEND ONCOSTATE_NESTED_ARGS -T "${GENERATOR_TOOLSET}")
endif()
if(MAKE_PROGRAM)
  list(APPEND ONCOSTATE_NESTED_ARGS "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
