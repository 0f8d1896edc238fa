# Every file that states oncostate's version must agree with include/oncostate/config.hpp.
#   cmake -DONCOSTATE_SOURCE_DIR=<repo> -P tests/integration/check_versions.cmake
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")
if(NOT DEFINED ONCOSTATE_SOURCE_DIR)
  get_filename_component(ONCOSTATE_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
endif()

# Pairs of: file relative to the repository root, regex whose first group is the version.
# To cover a new manifest, add a pair (the file must exist once listed).
set(manifests
  "single_include/oncostate/oncostate.hpp" "// oncostate version ([0-9]+\\.[0-9]+\\.[0-9]+)"
  # "library.json"       "\"version\": *\"([0-9.]+)\""        (PlatformIO)
  # "library.properties" "version=([0-9.]+)"                  (Arduino)
  # "vcpkg.json"         "\"version[-a-z]*\": *\"([0-9.]+)\""  (vcpkg)
)

oncostate_read_version(version)
set(bad "")
list(LENGTH manifests n)
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET manifests ${i} file)
  list(GET manifests ${j} regex)
  if(NOT EXISTS "${ONCOSTATE_SOURCE_DIR}/${file}")
    list(APPEND bad "${file}: missing")
    continue()
  endif()
  file(READ "${ONCOSTATE_SOURCE_DIR}/${file}" text)
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
