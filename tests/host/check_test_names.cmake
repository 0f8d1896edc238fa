# Fails when a test case's name contains ';': CMake splits the name there, and the doctest test
# that ctest then runs (one per name) matches no test case and passes with no assertion.
#   cmake -DSOURCES="<file;file;...>" -P check_test_names.cmake
set(_bad "")
foreach(_f IN LISTS SOURCES)
  file(STRINGS "${_f}" _lines REGEX "TEST_CASE\\(\"[^\"]*;")
  foreach(_l IN LISTS _lines)
    string(APPEND _bad "  ${_f}: ${_l}\n")
  endforeach()
endforeach()
if(_bad)
  message(FATAL_ERROR "test case names with ';' (ctest would run them with no assertion):\n${_bad}")
endif()
message("test names: none contains ';'")
