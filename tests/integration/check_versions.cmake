# Every file that states oncostate's version must agree with include/oncostate/config.hpp.
#   cmake -DONCOSTATE_SOURCE_DIR=<repo> [-DPACKAGE_DIR=<dir>] -P tests/integration/check_versions.cmake
# PACKAGE_DIR: a package written by cmake/package_arduino.cmake; its manifests are checked too.
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")
if(NOT DEFINED ONCOSTATE_SOURCE_DIR)
  get_filename_component(ONCOSTATE_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
endif()

# Pairs of: file (absolute, or relative to the repository root), regex whose first group is the
# version. To cover a new manifest, add a pair (the file must exist once listed).
set(manifests
  "single_include/oncostate/oncostate.hpp" "// oncostate version ([0-9]+\\.[0-9]+\\.[0-9]+)"
  # "vcpkg.json"         "\"version[-a-z]*\": *\"([0-9.]+)\""  (vcpkg)
)
if(DEFINED PACKAGE_DIR)
  list(APPEND manifests
    "${PACKAGE_DIR}/library.json"       "\"version\": *\"([^\"]*)\""     # PlatformIO
    "${PACKAGE_DIR}/library.properties" "\nversion=([^\n]*)"            # Arduino
    "${PACKAGE_DIR}/src/oncostate.hpp"  "// oncostate version ([0-9]+\\.[0-9]+\\.[0-9]+)")
endif()

oncostate_read_version(version)
set(bad "")
list(LENGTH manifests n)
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET manifests ${i} file)
  list(GET manifests ${j} regex)
  set(path "${file}")
  if(NOT IS_ABSOLUTE "${path}")
    set(path "${ONCOSTATE_SOURCE_DIR}/${file}")
  endif()
  if(NOT EXISTS "${path}")
    list(APPEND bad "${file}: missing")
    continue()
  endif()
  file(READ "${path}" text)
  if(NOT text MATCHES "${regex}")
    list(APPEND bad "${file}: no version found (regex ${regex})")
  elseif(NOT CMAKE_MATCH_1 STREQUAL version)
    list(APPEND bad "${file}: ${CMAKE_MATCH_1}")
  else()
    message(STATUS "${file}: ${version} ok")
  endif()
endforeach()
if(bad)
  list(JOIN bad "\n  " bad)
  message(FATAL_ERROR "include/oncostate/config.hpp says ${version}, but:\n  ${bad}")
endif()
