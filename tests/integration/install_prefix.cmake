# Test fixture: installs oncostate into ${WORK_DIR}/prefix with the README's "install" snippet
# (the commands as written there; /path/to/oncostate and /opt/oncostate replaced, the parent's
# generator and compiler added), then checks that the package files and every header are there.
#   -DONCOSTATE_SOURCE_DIR -DWORK_DIR -DGENERATOR -DCXX [-DGENERATOR_PLATFORM ...] -P install_prefix.cmake
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")

set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

oncostate_run_snippet(install WORKING_DIRECTORY "${WORK_DIR}"
  SUBST "/path/to/oncostate" "${ONCOSTATE_SOURCE_DIR}" "/opt/oncostate" "${prefix}"
  CONFIGURE_ARGS ${ONCOSTATE_NESTED_ARGS} -DCMAKE_BUILD_TYPE=Release
  INSTALL_ARGS --config Release)

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
