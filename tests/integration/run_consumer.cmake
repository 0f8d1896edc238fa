# Builds and runs the consumer in consumer/ one way, taking the build instructions from the
# README's Integration section (see oncostate_readme_snippet in common.cmake), and checks that it
# prints the version of include/oncostate/config.hpp (and EXPECT, when given).
#   -DMODE=add_subdirectory|fetchcontent|find_package   the README's CMake snippet of that name,
#                       in a project made from consumer/CMakeLists.txt.in (-DGENERATOR -DCXX ...)
#   -DMODE=pkg_config|single_header                     the README's shell snippet of that name
#                       (a plain compiler command; -DPKG_CONFIG for pkg_config)
# Always: -DONCOSTATE_SOURCE_DIR -DWORK_DIR -DCXX; find_package and pkg_config: -DPREFIX (the
# install fixture's prefix, the README's /opt/oncostate); optional -DCONSUMER_FLAGS="..." -DEXPECT="...".
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(consumer "${CMAKE_CURRENT_LIST_DIR}/consumer")
oncostate_read_version(version)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
# The README's placeholders.
set(subst "/path/to/oncostate" "${ONCOSTATE_SOURCE_DIR}" "/opt/oncostate" "${PREFIX}")

if(MODE STREQUAL "add_subdirectory" OR MODE STREQUAL "fetchcontent" OR MODE STREQUAL "find_package")
  set(src "${WORK_DIR}/src")
  set(build "${WORK_DIR}/build")
  file(COPY "${consumer}/main.cpp" "${consumer}/second.cpp" DESTINATION "${src}")
  oncostate_readme_snippet(${MODE} SNIPPET)
  oncostate_snippet_subst(SNIPPET ${subst})
  if(MODE STREQUAL "add_subdirectory")
    # The README's layout: the repository at external/oncostate (a symbolic link here).
    file(MAKE_DIRECTORY "${src}/external")
    file(CREATE_LINK "${ONCOSTATE_SOURCE_DIR}" "${src}/external/oncostate" SYMBOLIC RESULT linked)
    if(NOT linked EQUAL 0)
      message(STATUS "no symbolic link (${linked}): using the repository path instead")
      string(REPLACE "add_subdirectory(external/oncostate" "add_subdirectory(\"${ONCOSTATE_SOURCE_DIR}\" oncostate"
             SNIPPET "${SNIPPET}")
    endif()
  endif()
  configure_file("${consumer}/CMakeLists.txt.in" "${src}/CMakeLists.txt" @ONLY)

  set(args -S "${src}" -B "${build}" ${ONCOSTATE_NESTED_ARGS} -DCMAKE_BUILD_TYPE=Release
      "-DCONSUMER_FLAGS=${CONSUMER_FLAGS}")
  if(MODE STREQUAL "find_package")
    # Only the fixture's prefix, and the exact version asked for too; C++14 for the consumer:
    # the target's cxx_std_17 requirement must raise it.
    list(APPEND args "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DONCOSTATE_REQUIRE_VERSION=${version}"
         -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_CXX_STANDARD=14)
  endif()
  oncostate_run(configure "${CMAKE_COMMAND}" ${args})
  if(MODE STREQUAL "find_package")
    file(STRINGS "${build}/CMakeCache.txt" found REGEX "^oncostate_DIR:")
    string(FIND "${found}" "${PREFIX}/" at)
    if(NOT at GREATER -1)
      message(FATAL_ERROR "find_package found oncostate outside ${PREFIX}: ${found}")
    endif()
  else()
    # As a subproject oncostate must add none of its own tests or examples.
    file(GLOB_RECURSE own_tests "${build}/*/tests/cmake_install.cmake" "${build}/*/examples/cmake_install.cmake")
    if(own_tests)
      message(FATAL_ERROR "oncostate as a subproject configured its tests or examples: ${own_tests}")
    endif()
  endif()
  oncostate_run(build "${CMAKE_COMMAND}" --build "${build}" --config Release)
  set(exe "${build}/bin/app")
elseif(MODE STREQUAL "pkg_config" OR MODE STREQUAL "single_header")
  if(MODE STREQUAL "pkg_config" AND (NOT PKG_CONFIG OR NOT EXISTS "${PKG_CONFIG}"))
    message(STATUS "ONCOSTATE_TEST_SKIPPED: pkg-config not found")
    return()
  endif()
  file(COPY "${consumer}/main.cpp" "${consumer}/second.cpp" DESTINATION "${WORK_DIR}")
  separate_arguments(extra UNIX_COMMAND "${CONSUMER_FLAGS}")
  oncostate_run_snippet(${MODE} WORKING_DIRECTORY "${WORK_DIR}" SUBST ${subst} CXX_ARGS second.cpp ${extra})
  if(MODE STREQUAL "pkg_config")
    # The snippet exported PKG_CONFIG_PATH.
    oncostate_run(modversion "${PKG_CONFIG}" --modversion oncostate)
    string(STRIP "${ONCOSTATE_RUN_OUTPUT}" pc_version)
    if(NOT pc_version STREQUAL version)
      message(FATAL_ERROR "oncostate.pc says version '${pc_version}', config.hpp says '${version}'")
    endif()
  endif()
  set(exe "${WORK_DIR}/app")
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()

if(CMAKE_HOST_WIN32)
  string(APPEND exe ".exe")
endif()
oncostate_run(run "${exe}")
set(out "${ONCOSTATE_RUN_OUTPUT}")
foreach(want "oncostate ${version}" ${EXPECT})
  string(FIND "${out}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "consumer output lacks '${want}':\n${out}")
  endif()
endforeach()
message(STATUS "consumer (${MODE}) OK")
