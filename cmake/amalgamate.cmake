# Generates the single header single_include/oncostate/oncostate.hpp from include/.
#
#   cmake -P cmake/amalgamate.cmake                      (from anywhere; paths default to this repo)
#   cmake -DONCOSTATE_SOURCE_DIR=<repo> -DONCOSTATE_OUTPUT=<file> -P cmake/amalgamate.cmake
#
# Starting at include/oncostate/oncostate.hpp, every quoted include is replaced by the file's
# contents, recursively: each file once, where it is first used, its path resolved relative to
# the including file (then to include/, as the compiler would with -Iinclude). Include guards
# are kept. Angle-bracket includes are kept; one that repeats an earlier unconditional one is
# dropped. The output is byte-identical from run to run (no dates, no absolute paths).
cmake_minimum_required(VERSION 3.20)

set(ONCOSTATE_AMALGAMATE_MAX_FILES 200)

if(NOT DEFINED ONCOSTATE_SOURCE_DIR)
  set(ONCOSTATE_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/..")
endif()
get_filename_component(ONCOSTATE_SOURCE_DIR "${ONCOSTATE_SOURCE_DIR}" ABSOLUTE)
if(NOT DEFINED ONCOSTATE_OUTPUT)
  set(ONCOSTATE_OUTPUT "${ONCOSTATE_SOURCE_DIR}/single_include/oncostate/oncostate.hpp")
endif()
get_filename_component(ONCOSTATE_OUTPUT "${ONCOSTATE_OUTPUT}" ABSOLUTE)
set(_root "${ONCOSTATE_SOURCE_DIR}/include/oncostate/oncostate.hpp")
if(NOT EXISTS "${_root}")
  message(FATAL_ERROR "amalgamate: ${_root} does not exist")
endif()

# Version, from the one place it lives.
file(STRINGS "${ONCOSTATE_SOURCE_DIR}/include/oncostate/config.hpp" _lines
     REGEX "^#define ONCOSTATE_VERSION_(MAJOR|MINOR|PATCH) [0-9]+$")
foreach(_part MAJOR MINOR PATCH)
  if(NOT _lines MATCHES "ONCOSTATE_VERSION_${_part} ([0-9]+)")
    message(FATAL_ERROR "amalgamate: no ONCOSTATE_VERSION_${_part} in include/oncostate/config.hpp")
  endif()
  set(_v_${_part} "${CMAKE_MATCH_1}")
endforeach()
set(_version "${_v_MAJOR}.${_v_MINOR}.${_v_PATCH}")

# CMake lists split on ';' and treat '[', ']' and '\' specially, so while a file is handled as
# a list of lines those characters stand in as control characters; they are put back at the end.
string(ASCII 1 _SEMI)
string(ASCII 2 _LBR)
string(ASCII 3 _RBR)
string(ASCII 4 _BSL)

set_property(GLOBAL PROPERTY _ONCOSTATE_FILES "")        # inlined files, in order
set_property(GLOBAL PROPERTY _ONCOSTATE_COND_FILES "")   # ... of those, inlined inside an #if
set_property(GLOBAL PROPERTY _ONCOSTATE_SYSTEM "")       # <headers> already included unconditionally

# Appends the contents of <file> (quoted includes inlined) to the variable <out_var> of the
# caller. <outer_cond> is how many non-guard #if blocks enclose the place it is included from.
function(_oncostate_inline file outer_cond out_var)
  get_property(done GLOBAL PROPERTY _ONCOSTATE_FILES)
  list(LENGTH done count)
  if(count GREATER_EQUAL ONCOSTATE_AMALGAMATE_MAX_FILES)
    message(FATAL_ERROR "amalgamate: more than ${ONCOSTATE_AMALGAMATE_MAX_FILES} files to inline; "
                        "raise ONCOSTATE_AMALGAMATE_MAX_FILES in cmake/amalgamate.cmake if that is right")
  endif()
  set_property(GLOBAL APPEND PROPERTY _ONCOSTATE_FILES "${file}")
  if(outer_cond GREATER 0)
    set_property(GLOBAL APPEND PROPERTY _ONCOSTATE_COND_FILES "${file}")
  endif()

  get_filename_component(dir "${file}" DIRECTORY)
  file(RELATIVE_PATH name "${ONCOSTATE_SOURCE_DIR}" "${file}")
  file(READ "${file}" text)
  string(REPLACE "\r" "" text "${text}")
  string(REPLACE "\\" "${_BSL}" text "${text}")
  string(REPLACE ";" "${_SEMI}" text "${text}")
  string(REPLACE "[" "${_LBR}" text "${text}")
  string(REPLACE "]" "${_RBR}" text "${text}")
  string(REGEX REPLACE "\n$" "" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")

  set(out "// ---- begin ${name} ----\n")
  set(depth 0)      # #if blocks open in this file
  set(guard OFF)    # the outermost one is the include guard
  set(any_if OFF)
  foreach(line IN LISTS lines)
    math(EXPR cond "${outer_cond} + ${depth}")
    if(guard)
      math(EXPR cond "${cond} - 1")
    endif()
    if(line MATCHES "^[ \t]*#[ \t]*if")  # #if, #ifdef, #ifndef
      if(NOT any_if AND line MATCHES "^[ \t]*#[ \t]*ifndef[ \t]")
        set(guard ON)
      endif()
      set(any_if ON)
      math(EXPR depth "${depth} + 1")
    elseif(line MATCHES "^[ \t]*#[ \t]*endif")
      math(EXPR depth "${depth} - 1")
      if(depth EQUAL 0)
        set(guard OFF)
      endif()
    elseif(line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\"")
      set(inc "${CMAKE_MATCH_1}")
      get_filename_component(path "${inc}" ABSOLUTE BASE_DIR "${dir}")
      if(NOT EXISTS "${path}")
        get_filename_component(path "${inc}" ABSOLUTE BASE_DIR "${ONCOSTATE_SOURCE_DIR}/include")
      endif()
      if(NOT EXISTS "${path}" OR IS_DIRECTORY "${path}")
        message(FATAL_ERROR "amalgamate: ${name}: cannot find \"${inc}\"")
      endif()
      get_property(done GLOBAL PROPERTY _ONCOSTATE_FILES)
      if(NOT path IN_LIST done)
        _oncostate_inline("${path}" ${cond} child)
        string(APPEND out "${child}")
      else()
        # Already inlined. That is only safe if it was not hidden inside an #if back then.
        get_property(cond_files GLOBAL PROPERTY _ONCOSTATE_COND_FILES)
        if(cond EQUAL 0 AND path IN_LIST cond_files)
          file(RELATIVE_PATH pname "${ONCOSTATE_SOURCE_DIR}" "${path}")
          message(FATAL_ERROR "amalgamate: ${name} includes ${pname}, which was first included "
                              "inside an #if block; include it unconditionally earlier")
        endif()
      endif()
      continue()  # the include line itself is replaced
    elseif(line MATCHES "^[ \t]*#[ \t]*include[ \t]*<([^>]+)>")
      get_property(system GLOBAL PROPERTY _ONCOSTATE_SYSTEM)
      if(CMAKE_MATCH_1 IN_LIST system)
        continue()
      endif()
      if(cond EQUAL 0)
        set_property(GLOBAL APPEND PROPERTY _ONCOSTATE_SYSTEM "${CMAKE_MATCH_1}")
      endif()
    endif()
    string(APPEND out "${line}\n")
  endforeach()
  string(APPEND out "// ---- end ${name} ----\n")
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

_oncostate_inline("${_root}" 0 _body)
get_property(_files GLOBAL PROPERTY _ONCOSTATE_FILES)
list(LENGTH _files _nfiles)

string(REPLACE "${_BSL}" "\\" _body "${_body}")
string(REPLACE "${_SEMI}" ";" _body "${_body}")
string(REPLACE "${_LBR}" "[" _body "${_body}")
string(REPLACE "${_RBR}" "]" _body "${_body}")

set(_content "// oncostate single header (${_nfiles} files from include/ inlined)
// oncostate version ${_version}
// SPDX-License-Identifier: MIT
//
// Generated by cmake/amalgamate.cmake from include/; do not edit.
// Regenerate with: cmake -P cmake/amalgamate.cmake

${_body}")

# Rewrite only on change, so an unchanged header keeps its timestamp.
if(EXISTS "${ONCOSTATE_OUTPUT}")
  file(READ "${ONCOSTATE_OUTPUT}" _old)
  if(_old STREQUAL _content)
    message(STATUS "amalgamate: ${ONCOSTATE_OUTPUT} is up to date (${_nfiles} files, version ${_version})")
    return()
  endif()
endif()
file(WRITE "${ONCOSTATE_OUTPUT}" "${_content}")
message(STATUS "amalgamate: wrote ${ONCOSTATE_OUTPUT} (${_nfiles} files, version ${_version})")
