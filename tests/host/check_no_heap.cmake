# cmake -DNM=<nm> -DBINARY=<exe> -P check_no_heap.cmake
# Fails when the executable references heap allocation or the C++ exception runtime.
execute_process(COMMAND ${NM} -u -C --no-demangle ${BINARY} OUTPUT_VARIABLE undefined RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${BINARY}")
endif()
string(REGEX MATCHALL "[^\n]*(malloc|calloc|realloc|_Znw|_Zna|__cxa_throw|__cxa_allocate_exception)[^\n]*" hits "${undefined}")
if(hits)
  message(FATAL_ERROR "${BINARY} references allocation or exceptions:\n${hits}")
endif()
message(STATUS "${BINARY}: no allocation, no exception runtime")
