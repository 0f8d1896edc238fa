# Builds and runs the consumer in consumer/ one way, and checks that it prints the version of
# include/oncostate/config.hpp (and EXPECT, when given).
#   -DMODE=subdirectory|find_package   CMake project in consumer/ (-DGENERATOR -DCXX ...)
#   -DMODE=pkg_config                  plain compiler + `pkg-config --cflags oncostate` (-DPKG_CONFIG)
#   -DMODE=single_header               plain compiler + -I single_include
# Always: -DONCOSTATE_SOURCE_DIR -DWORK_DIR -DCXX; find_package and pkg_config: -DPREFIX (the
# install fixture's prefix); optional -DCONSUMER_FLAGS="..." -DEXPECT="...".
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(consumer "${CMAKE_CURRENT_LIST_DIR}/consumer")
oncostate_read_version(version)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

if(MODE STREQUAL "subdirectory" OR MODE STREQUAL "find_package")
  set(args -S "${consumer}" -B "${WORK_DIR}" ${ONCOSTATE_NESTED_ARGS} -DCMAKE_BUILD_TYPE=Release
      "-DMODE=${MODE}" "-DCONSUMER_FLAGS=${CONSUMER_FLAGS}")
  if(MODE STREQUAL "subdirectory")
    list(APPEND args "-DONCOSTATE_SOURCE_DIR=${ONCOSTATE_SOURCE_DIR}")
  else()
    # Only the fixture's prefix, and ask for the exact version (exercises ConfigVersion);
    # C++14 for the consumer: the target's cxx_std_17 requirement must raise it.
    list(APPEND args "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DONCOSTATE_REQUIRE_VERSION=${version}"
         -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_CXX_STANDARD=14)
  endif()
  oncostate_run(configure "${CMAKE_COMMAND}" ${args})
  if(MODE STREQUAL "find_package")
    file(STRINGS "${WORK_DIR}/CMakeCache.txt" found REGEX "^oncostate_DIR:")
    string(FIND "${found}" "${PREFIX}/" at)
    if(NOT at GREATER -1)
      message(FATAL_ERROR "find_package found oncostate outside ${PREFIX}: ${found}")
    endif()
  endif()
  oncostate_run(build "${CMAKE_COMMAND}" --build "${WORK_DIR}" --config Release)
  set(exe "${WORK_DIR}/bin/oncostate_consumer")
else()
  # Plain compiler line, as a user without CMake would write it.
  if(MODE STREQUAL "pkg_config")
    if(NOT PKG_CONFIG OR NOT EXISTS "${PKG_CONFIG}")
      message(STATUS "ONCOSTATE_TEST_SKIPPED: pkg-config not found")
      return()
    endif()
    set(ENV{PKG_CONFIG_PATH} "${PREFIX}/share/pkgconfig")
    oncostate_run(modversion "${PKG_CONFIG}" --modversion oncostate)
    string(STRIP "${ONCOSTATE_RUN_OUTPUT}" pc_version)
    if(NOT pc_version STREQUAL version)
      message(FATAL_ERROR "oncostate.pc says version '${pc_version}', config.hpp says '${version}'")
    endif()
    oncostate_run(cflags "${PKG_CONFIG}" --cflags oncostate)
    separate_arguments(flags UNIX_COMMAND "${ONCOSTATE_RUN_OUTPUT}")
  elseif(MODE STREQUAL "single_header")
    set(flags "-I${ONCOSTATE_SOURCE_DIR}/single_include")
  else()
    message(FATAL_ERROR "unknown MODE '${MODE}'")
  endif()
  separate_arguments(extra UNIX_COMMAND "${CONSUMER_FLAGS}")
  set(exe "${WORK_DIR}/oncostate_consumer")
  oncostate_run(compile "${CXX}" -std=c++17 ${flags} ${extra}
                "${consumer}/main.cpp" "${consumer}/second.cpp" -o "${exe}")
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
