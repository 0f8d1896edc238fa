# The Arduino / PlatformIO package: writes it with the README's "package" and "arduino" snippets
# (cmake/package_arduino.cmake), checks its layout and manifests (the version through
# check_versions.cmake), checks that the README's platformio.ini points at it, and builds the
# example sketch with the host compiler against a stub Arduino core (arduino/), then runs it.
#   -DONCOSTATE_SOURCE_DIR -DWORK_DIR -DCXX [-DARM_CXX=<arm-none-eabi-g++>] -P check_package.cmake
# With ARM_CXX the sketch is also compiled (not linked) for a Cortex-M3.
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

oncostate_read_version(version)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(pkg "${WORK_DIR}/oncostate-arduino")
set(sketch_name TeachingScenario)
# Longer placeholders first: /path/to/oncostate is a prefix of /path/to/oncostate-arduino.
set(subst "/path/to/oncostate-arduino" "${pkg}" "/path/to/oncostate" "${ONCOSTATE_SOURCE_DIR}"
          "$HOME" "${WORK_DIR}/home")

# 1. The package, as the README writes it for PlatformIO.
oncostate_run_snippet(package WORKING_DIRECTORY "${WORK_DIR}" SUBST ${subst})
foreach(f library.properties library.json LICENSE src/oncostate.hpp
          examples/${sketch_name}/${sketch_name}.ino)
  if(NOT EXISTS "${pkg}/${f}")
    message(FATAL_ERROR "package lacks ${f}")
  endif()
endforeach()
file(GLOB_RECURSE all RELATIVE "${pkg}" "${pkg}/*")
list(LENGTH all n)
if(NOT n EQUAL 5)
  message(FATAL_ERROR "package holds unexpected files: ${all}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files
                "${ONCOSTATE_SOURCE_DIR}/single_include/oncostate/oncostate.hpp" "${pkg}/src/oncostate.hpp"
                RESULT_VARIABLE differs)
if(differs)
  message(FATAL_ERROR "src/oncostate.hpp is not a copy of the single header")
endif()

# 2. Manifests: the version (the same check as version_manifests_agree) and the fields the
# Arduino library specification requires.
oncostate_run(versions "${CMAKE_COMMAND}" "-DONCOSTATE_SOURCE_DIR=${ONCOSTATE_SOURCE_DIR}"
              "-DPACKAGE_DIR=${pkg}" -P "${CMAKE_CURRENT_LIST_DIR}/check_versions.cmake")
file(READ "${pkg}/library.json" json)
string(JSON name ERROR_VARIABLE err GET "${json}" name)
if(err OR NOT name STREQUAL "oncostate")
  message(FATAL_ERROR "library.json: name '${name}' ${err}")
endif()
string(JSON headers GET "${json}" headers)
if(NOT headers STREQUAL "oncostate.hpp")
  message(FATAL_ERROR "library.json: headers is '${headers}'")
endif()
file(STRINGS "${pkg}/library.properties" props)
foreach(key name version author maintainer sentence paragraph category url architectures includes)
  if(NOT props MATCHES "(^|;)${key}=")
    message(FATAL_ERROR "library.properties has no ${key}=")
  endif()
endforeach()
if(NOT props MATCHES "(^|;)includes=oncostate.hpp(;|$)")
  message(FATAL_ERROR "library.properties: includes is not oncostate.hpp")
endif()

# 3. The README's platformio.ini uses the package written above and builds as C++17.
oncostate_readme_snippet(platformio ini)
oncostate_snippet_subst(ini ${subst})
if(NOT ini MATCHES "\nlib_deps *= *symlink://([^\n]*)\n")
  message(FATAL_ERROR "README platformio.ini: no lib_deps = symlink://...")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL pkg)
  message(FATAL_ERROR "README platformio.ini: lib_deps points at ${CMAKE_MATCH_1}, the package is at ${pkg}")
endif()
if(NOT ini MATCHES "\nframework *= *arduino\n" OR NOT ini MATCHES "\nbuild_flags *=[^\n]*-std=gnu\\+\\+17")
  message(FATAL_ERROR "README platformio.ini: needs framework = arduino and build_flags with -std=gnu++17")
endif()

# 4. The README's Arduino commands: into a sketchbook, and as a zip.
oncostate_run_snippet(arduino WORKING_DIRECTORY "${WORK_DIR}" SUBST ${subst})
set(sketchbook_lib "${WORK_DIR}/home/Arduino/libraries/oncostate")
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${pkg}/library.properties"
                "${sketchbook_lib}/library.properties" RESULT_VARIABLE differs)
if(differs)
  message(FATAL_ERROR "the sketchbook copy differs from the package (or is missing): ${sketchbook_lib}")
endif()
oncostate_run(zip "${CMAKE_COMMAND}" -E tar tf "${WORK_DIR}/oncostate.zip")
foreach(f library.properties library.json src/oncostate.hpp examples/${sketch_name}/${sketch_name}.ino)
  string(FIND "${ONCOSTATE_RUN_OUTPUT}" "oncostate/${f}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "oncostate.zip lacks oncostate/${f}")
  endif()
endforeach()

# 5. The sketch, made into C++ the way the Arduino builder does it (Arduino.h first, #line), built
# with the flags of an embedded build and run on the host.
set(stub "${CMAKE_CURRENT_LIST_DIR}/arduino")
set(ino "${pkg}/examples/${sketch_name}/${sketch_name}.ino")
file(READ "${ino}" code)
file(WRITE "${WORK_DIR}/sketch/${sketch_name}.ino.cpp" "#include <Arduino.h>\n#line 1 \"${ino}\"\n${code}")
set(flags -std=gnu++17 -Os -fno-exceptions -fno-rtti -Wall -Wextra -Werror "-I${stub}" "-I${pkg}/src")
set(exe "${WORK_DIR}/sketch/sketch")
oncostate_run(compile "${CXX}" ${flags} "${WORK_DIR}/sketch/${sketch_name}.ino.cpp" "${stub}/host_main.cpp" -o "${exe}")
if(CMAKE_HOST_WIN32)
  string(APPEND exe ".exe")
endif()
oncostate_run(run "${exe}")
foreach(want "oncostate ${version}\n" "day 0: " "end of the story")
  string(FIND "${ONCOSTATE_RUN_OUTPUT}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the sketch's output lacks '${want}'")
  endif()
endforeach()
if(ARM_CXX)
  oncostate_run(compile-m3 "${ARM_CXX}" -mcpu=cortex-m3 -mthumb ${flags} -c
                "${WORK_DIR}/sketch/${sketch_name}.ino.cpp" -o "${WORK_DIR}/sketch/sketch-m3.o")
else()
  message(STATUS "no arm-none-eabi-g++: the Cortex-M3 compile is left out")
endif()
message(STATUS "Arduino / PlatformIO package OK")
