# Writes oncostate as an Arduino-layout library, which is also a PlatformIO library:
#   <OUT>/library.properties   Arduino manifest (from arduino/library.properties.in)
#   <OUT>/library.json         PlatformIO manifest (from arduino/library.json.in)
#   <OUT>/src/oncostate.hpp    the single header, copied
#   <OUT>/examples/TeachingScenario/TeachingScenario.ino
#   <OUT>/LICENSE
# The version comes from include/oncostate/config.hpp, the description from CMakeLists.txt.
#   cmake -DOUT=<dir> [-DZIP=<file.zip>] [-DURL=<homepage>] [-DARCHITECTURES=<list>] -P cmake/package_arduino.cmake
# ZIP also packs <OUT> (top folder: OUT's name) for the Arduino IDE's "Add .ZIP Library".
cmake_minimum_required(VERSION 3.20)

if(NOT OUT)
  message(FATAL_ERROR "usage: cmake -DOUT=<dir> [-DZIP=<file.zip>] -P cmake/package_arduino.cmake")
endif()
get_filename_component(_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
get_filename_component(OUT "${OUT}" ABSOLUTE)  # relative to the working directory
set(_here "${CMAKE_CURRENT_LIST_DIR}/arduino")
set(_single "${_root}/single_include/oncostate/oncostate.hpp")

# Version: the three #defines of config.hpp.
file(STRINGS "${_root}/include/oncostate/config.hpp" _lines
     REGEX "^#define ONCOSTATE_VERSION_(MAJOR|MINOR|PATCH) [0-9]+$")
set(_v "")
foreach(_part MAJOR MINOR PATCH)
  if(NOT _lines MATCHES "ONCOSTATE_VERSION_${_part} ([0-9]+)")
    message(FATAL_ERROR "no ONCOSTATE_VERSION_${_part} in include/oncostate/config.hpp")
  endif()
  list(APPEND _v "${CMAKE_MATCH_1}")
endforeach()
list(JOIN _v "." ONCOSTATE_VERSION)

# The single header must be of the same version (a stale one would ship old code).
file(STRINGS "${_single}" _stamp REGEX "^// oncostate version " LIMIT_COUNT 1)
if(NOT _stamp STREQUAL "// oncostate version ${ONCOSTATE_VERSION}")
  message(FATAL_ERROR "single_include/oncostate/oncostate.hpp is not version ${ONCOSTATE_VERSION} "
                      "('${_stamp}'): run `cmake -P cmake/amalgamate.cmake` first")
endif()

# Description: project(... DESCRIPTION "...") in the top-level CMakeLists.txt.
file(READ "${_root}/CMakeLists.txt" _top)
if(NOT _top MATCHES "DESCRIPTION \"([^\"]*)\"")
  message(FATAL_ERROR "no DESCRIPTION in CMakeLists.txt's project()")
endif()
set(ONCOSTATE_DESCRIPTION "${CMAKE_MATCH_1}")
if(ONCOSTATE_DESCRIPTION MATCHES "\\\\" OR ONCOSTATE_DESCRIPTION MATCHES "\n")
  message(FATAL_ERROR "the description must be one line without backslashes (it goes into JSON)")
endif()

set(ONCOSTATE_URL "${URL}")
if(DEFINED ARCHITECTURES)
  set(ONCOSTATE_ARCHITECTURES "${ARCHITECTURES}")
else()
  # 32-bit cores (C++17 and <cstdint> needed; the AVR core has neither).
  set(ONCOSTATE_ARCHITECTURES "sam,samd,mbed,mbed_nano,mbed_rp2040,mbed_portenta,renesas_uno,rp2040,esp32,stm32")
endif()

# Refuse to write into a folder that holds something else.
if(EXISTS "${OUT}")
  file(GLOB _present "${OUT}/*")
  set(_ours FALSE)
  if(EXISTS "${OUT}/library.properties")
    file(STRINGS "${OUT}/library.properties" _name REGEX "^name=oncostate$")
    if(_name)
      set(_ours TRUE)
    endif()
  endif()
  if(_present AND NOT _ours)
    message(FATAL_ERROR "${OUT} is not empty and is not an oncostate package; not writing there")
  endif()
  file(REMOVE_RECURSE "${OUT}/src" "${OUT}/examples")
endif()

configure_file("${_here}/library.properties.in" "${OUT}/library.properties" @ONLY NEWLINE_STYLE UNIX)
configure_file("${_here}/library.json.in" "${OUT}/library.json" @ONLY NEWLINE_STYLE UNIX)
configure_file("${_single}" "${OUT}/src/oncostate.hpp" COPYONLY)
configure_file("${_here}/TeachingScenario.ino" "${OUT}/examples/TeachingScenario/TeachingScenario.ino" COPYONLY)
configure_file("${_root}/LICENSE" "${OUT}/LICENSE" COPYONLY)
message(STATUS "oncostate ${ONCOSTATE_VERSION}: Arduino/PlatformIO library in ${OUT}")

if(ZIP)
  get_filename_component(ZIP "${ZIP}" ABSOLUTE)
  get_filename_component(_parent "${OUT}" DIRECTORY)
  get_filename_component(_name "${OUT}" NAME)
  file(REMOVE "${ZIP}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E tar cf "${ZIP}" --format=zip "${_name}"
                  WORKING_DIRECTORY "${_parent}" RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "could not write ${ZIP}")
  endif()
  message(STATUS "zipped into ${ZIP}")
endif()
