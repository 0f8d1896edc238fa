# Toolchain file for the oncostate Cortex-M test suite (tests/target), run under QEMU.
#
#   cmake -S . -B build-m0 --toolchain cmake/arm-none-eabi.cmake -DONCOSTATE_CORTEX=m0
#
# ONCOSTATE_CORTEX = m0 (default) | m3 | m4f | m7 selects the CPU flags and the QEMU board.
# The choice is exported as cache variables (ONCOSTATE_CORTEX_FLAGS, ONCOSTATE_QEMU_*) that
# tests/target re-applies to each of its targets, so a user's -DCMAKE_CXX_FLAGS cannot drop them.
# No syscalls library is linked: anything that pulls in malloc fails to link on _sbrk.

set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
# Compiler checks cannot link without our startup code and linker script.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# try_compile projects re-read this file; hand them the CPU choice.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES ONCOSTATE_CORTEX)

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

if(NOT ONCOSTATE_CORTEX)
  set(ONCOSTATE_CORTEX m0)
endif()
set(ONCOSTATE_CORTEX "${ONCOSTATE_CORTEX}" CACHE STRING "Cortex-M core for the target tests: m0, m3, m4f or m7")
set_property(CACHE ONCOSTATE_CORTEX PROPERTY STRINGS m0 m3 m4f m7)

# Memory maps (QEMU 7.2, checked with `info mtree`):
#   microbit (nRF51, Cortex-M0): 256 KiB flash at 0x0, 16 KiB SRAM at 0x20000000
#   mps2-an385/an386/an500:      4 MiB SSRAM1 (code) at 0x0, 4 MiB SSRAM2/3 at 0x20000000
if(ONCOSTATE_CORTEX STREQUAL "m0")
  set(_flags -mcpu=cortex-m0 -mthumb -mfloat-abi=soft)
  set(_machine microbit)
  set(_cpu "")
  set(_board microbit)
elseif(ONCOSTATE_CORTEX STREQUAL "m3")
  set(_flags -mcpu=cortex-m3 -mthumb)
  set(_machine mps2-an385)
  set(_cpu cortex-m3)
  set(_board mps2)
elseif(ONCOSTATE_CORTEX STREQUAL "m4f")
  set(_flags -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16)
  set(_machine mps2-an386)
  set(_cpu cortex-m4)
  set(_board mps2)
elseif(ONCOSTATE_CORTEX STREQUAL "m7")
  set(_flags -mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16)
  set(_machine mps2-an500)
  set(_cpu cortex-m7)
  set(_board mps2)
else()
  message(FATAL_ERROR "ONCOSTATE_CORTEX must be m0, m3, m4f or m7 (got '${ONCOSTATE_CORTEX}')")
endif()

# CMAKE_CXX_FLAGS is cached from the first configure, so switching cores needs a new build dir.
if(DEFINED CACHE{_ONCOSTATE_CORTEX_CONFIGURED} AND NOT _ONCOSTATE_CORTEX_CONFIGURED STREQUAL ONCOSTATE_CORTEX)
  message(FATAL_ERROR "This build directory was configured for ONCOSTATE_CORTEX=${_ONCOSTATE_CORTEX_CONFIGURED}; "
                      "use a fresh build directory for ${ONCOSTATE_CORTEX}.")
endif()
set(_ONCOSTATE_CORTEX_CONFIGURED "${ONCOSTATE_CORTEX}" CACHE INTERNAL "")

set(_qemu_args -M ${_machine})
if(_cpu)
  list(APPEND _qemu_args -cpu ${_cpu})
endif()

set(ONCOSTATE_CORTEX_FLAGS "${_flags}" CACHE INTERNAL "CPU flags for ONCOSTATE_CORTEX (a list)")
set(ONCOSTATE_QEMU_MACHINE "${_machine}" CACHE INTERNAL "QEMU -M value")
set(ONCOSTATE_QEMU_CPU "${_cpu}" CACHE INTERNAL "QEMU -cpu value (empty: the board's own)")
set(ONCOSTATE_QEMU_BOARD "${_board}" CACHE INTERNAL "Board family; selects tests/target/<board>.ld")
set(ONCOSTATE_TARGET_TEST_TIMEOUT 300 CACHE STRING "ctest TIMEOUT (seconds) for each QEMU run")

find_program(ONCOSTATE_QEMU qemu-system-arm)
if(NOT ONCOSTATE_QEMU)
  set(ONCOSTATE_QEMU qemu-system-arm)
endif()
# add_test(NAME x COMMAND <elf target>) runs: qemu ... -kernel x.elf. The exit status comes from
# semihosting SYS_EXIT_EXTENDED, the output from SYS_WRITE0 (QEMU 7.2 prints it on its stdout).
set(CMAKE_CROSSCOMPILING_EMULATOR
    "${ONCOSTATE_QEMU};${_qemu_args};-nographic;-monitor;none;-serial;none;-semihosting-config;enable=on,target=native;-kernel")

string(REPLACE ";" " " _flags_str "${_flags}")
set(CMAKE_C_FLAGS_INIT "${_flags_str} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${_flags_str} -fno-exceptions -fno-rtti -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${_flags_str}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${_flags_str} -Wl,--gc-sections --specs=nano.specs -nostartfiles")

unset(_flags)
unset(_flags_str)
unset(_machine)
unset(_cpu)
unset(_board)
unset(_qemu_args)
