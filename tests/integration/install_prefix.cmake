# Test fixture: configures oncostate alone and installs it into ${WORK_DIR}/prefix, then checks
# that the package files and every header are there.
#   -DONCOSTATE_SOURCE_DIR -DWORK_DIR -DGENERATOR -DCXX [-DGENERATOR_PLATFORM ...] -P install_prefix.cmake
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(build "${WORK_DIR}/build")
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${build}" "${prefix}")

oncostate_run(configure "${CMAKE_COMMAND}" -S "${ONCOSTATE_SOURCE_DIR}" -B "${build}" ${ONCOSTATE_NESTED_ARGS}
  -DCMAKE_BUILD_TYPE=Release "-DCMAKE_INSTALL_PREFIX=${prefix}" -DONCOSTATE_INSTALL=ON
  -DONCOSTATE_BUILD_TESTS=OFF -DONCOSTATE_BUILD_EXAMPLES=OFF -DONCOSTATE_BUILD_BENCHMARKS=OFF)
oncostate_run(install "${CMAKE_COMMAND}" --install "${build}" --config Release)

foreach(f share/cmake/oncostate/oncostateConfig.cmake
          share/cmake/oncostate/oncostateConfigVersion.cmake
          share/cmake/oncostate/oncostateTargets.cmake
          share/pkgconfig/oncostate.pc)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(GLOB_RECURSE headers RELATIVE "${ONCOSTATE_SOURCE_DIR}/include"
     "${ONCOSTATE_SOURCE_DIR}/include/*.hpp" "${ONCOSTATE_SOURCE_DIR}/include/*.h"
     "${ONCOSTATE_SOURCE_DIR}/include/*.ipp" "${ONCOSTATE_SOURCE_DIR}/include/*.inl")
if(NOT headers)
  message(FATAL_ERROR "no headers found under ${ONCOSTATE_SOURCE_DIR}/include")
endif()
foreach(h IN LISTS headers)
  if(NOT EXISTS "${prefix}/include/${h}")
    message(FATAL_ERROR "header not installed: include/${h}")
  endif()
endforeach()
list(LENGTH headers n)
message(STATUS "installed oncostate (${n} headers) into ${prefix}")
