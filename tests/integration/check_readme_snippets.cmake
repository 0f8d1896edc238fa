# Every <!-- snippet: NAME --> in README.md is one that a test uses (-DSNIPPETS=a,b,...), and
# each of those is there once: a marked block no test reads would go unchecked.
#   cmake -DONCOSTATE_SOURCE_DIR=<repo> -DSNIPPETS=<names> -P check_readme_snippets.cmake
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")
string(REPLACE "," ";" SNIPPETS "${SNIPPETS}")

file(STRINGS "${ONCOSTATE_SOURCE_DIR}/README.md" markers REGEX "<!-- snippet: [^ ]+ -->")
set(bad "")
foreach(m IN LISTS markers)
  string(REGEX REPLACE ".*<!-- snippet: ([^ ]+) -->.*" "\\1" name "${m}")
  if(NOT name IN_LIST SNIPPETS)
    list(APPEND bad "README.md marks a snippet '${name}' that no test uses")
  endif()
endforeach()
foreach(name IN LISTS SNIPPETS)
  oncostate_readme_snippet(${name} block)  # fails when missing, repeated or not followed by a block
  message(STATUS "snippet ${name}: found")
endforeach()
if(bad)
  list(JOIN bad "\n  " bad)
  message(FATAL_ERROR "${bad}")
endif()
