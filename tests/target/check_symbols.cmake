# Link-time proof: list an ELF's symbols with nm and look for forbidden ones.
#   cmake -DNM=<nm> -DELF=<file> -DCHECK=heap|softfloat [-DEXPECT_FOUND=ON] -P check_symbols.cmake
# Without EXPECT_FOUND the check fails if a forbidden symbol is present. With EXPECT_FOUND=ON
# it is inverted (used to prove the check can fail) and fails if none is present.
foreach(_var NM ELF CHECK)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "check_symbols.cmake: -D${_var}=... is required")
  endif()
endforeach()

if(CHECK STREQUAL "heap")
  # Heap (malloc family, _sbrk, operator new/delete) and exception throwing.
  set(_forbidden "^_?_?(nano_)?(malloc|calloc|realloc|free|sbrk)(_r)?$|^_Zn[wa]|^_Zd[la]|^__cxa_throw$|^__cxa_allocate_exception$")
elseif(CHECK STREQUAL "softfloat")
  # libgcc soft-float helpers (AEABI and generic names).
  set(_forbidden "^__aeabi_[fd]|^__(add|sub|mul|div|neg)[sdt]f3$|^__(eq|ne|lt|le|gt|ge|cmp|unord)[sdt]f2$|^__float|^__fix|^__extend|^__trunc")
else()
  message(FATAL_ERROR "check_symbols.cmake: unknown CHECK '${CHECK}'")
endif()

if(NOT EXISTS "${ELF}")
  message(FATAL_ERROR "check_symbols.cmake: ${ELF} does not exist")
endif()
execute_process(COMMAND "${NM}" --format=posix "${ELF}"
                RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0 OR _out STREQUAL "")
  message(FATAL_ERROR "check_symbols.cmake: '${NM}' failed on ${ELF} (${_rc}): ${_err}")
endif()

# POSIX format: "<name> <type> [<value> [<size>]]" per line.
string(REPLACE "\n" ";" _lines "${_out}")
set(_found "")
foreach(_line IN LISTS _lines)
  string(REGEX REPLACE " .*" "" _name "${_line}")
  if(_name MATCHES "${_forbidden}")
    list(APPEND _found "${_line}")
  endif()
endforeach()
list(REMOVE_DUPLICATES _found)
list(JOIN _found "\n  " _found_text)

if(EXPECT_FOUND)
  if(_found)
    message(STATUS "${ELF}: ${CHECK} check catches, as expected:\n  ${_found_text}")
  else()
    message(FATAL_ERROR "${ELF}: expected forbidden ${CHECK} symbols, found none: the check is blind")
  endif()
elseif(_found)
  message(FATAL_ERROR "${ELF}: forbidden ${CHECK} symbols (see the .map file next to the ELF for who pulls them in):\n  ${_found_text}")
else()
  message(STATUS "${ELF}: no ${CHECK} symbols")
endif()
