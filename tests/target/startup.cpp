// Cortex-M startup for the QEMU test runs: vector table, reset handler, fault handler and the
// few C/C++ runtime symbols that newlib-nano and libgcc expect. Nothing here allocates; there
// is deliberately no _sbrk, so any use of malloc fails to link.
#include <cstddef>
#include <cstdint>

#include "semihost.hpp"

// The program's main, called through its symbol (ISO C++ does not allow calling main directly).
int app_main() asm("main");

// Symbols from the linker script (tests/target/sections.ld).
extern "C" {
extern std::uint32_t __data_start__[], __data_end__[], __data_load__[];
extern std::uint32_t __bss_start__[], __bss_end__[];
extern std::uint32_t __stack_top[];
extern void (*__preinit_array_start[])(), (*__preinit_array_end[])();
extern void (*__init_array_start[])(), (*__init_array_end[])();
}

namespace {

constexpr std::uint32_t stack_paint = 0xC0FFEE5Au;  // fills unused RAM to measure the stack

[[noreturn]] void fail(const char* what, int status) {
    semihost::write(what);
    semihost::exit(status);
}

std::uint32_t current_sp() {
    std::uint32_t sp;
    asm volatile("mov %0, sp" : "=r"(sp));
    return sp;
}

}  // namespace

// Bytes of stack used so far: the deepest word below the initial SP that is no longer painted.
// If even the lowest word (just above .bss) was overwritten, the stack has hit static data.
std::size_t target_stack_used() {
    const std::uint32_t* p = __bss_end__;
    while (p < __stack_top && *p == stack_paint) ++p;
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(__stack_top) - reinterpret_cast<std::uintptr_t>(p));
}
std::size_t target_stack_size() {
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(__stack_top) -
                                    reinterpret_cast<std::uintptr_t>(__bss_end__));
}

extern "C" {

[[noreturn]] void reset_handler() {
#if defined(__ARM_FP)
    // Enable CP10/CP11 (the FPU) before any floating-point instruction can run.
    volatile std::uint32_t* const cpacr = reinterpret_cast<volatile std::uint32_t*>(0xE000ED88u);
    *cpacr = *cpacr | (0xFu << 20);
    asm volatile("dsb\n\tisb" ::: "memory");
#endif
    for (std::uint32_t *src = __data_load__, *dst = __data_start__; dst < __data_end__;) *dst++ = *src++;
    for (std::uint32_t* dst = __bss_start__; dst < __bss_end__;) *dst++ = 0;
    // Paint the free RAM between .bss and (a little below) the current stack pointer.
    const auto limit = reinterpret_cast<std::uint32_t*>(current_sp() - 64u);
    for (std::uint32_t* dst = __bss_end__; dst < limit;) *dst++ = stack_paint;

    for (auto f = __preinit_array_start; f < __preinit_array_end; ++f) (*f)();
    for (auto f = __init_array_start; f < __init_array_end; ++f) (*f)();

    const int status = app_main();
    if (*__bss_end__ != stack_paint) fail("stack overflow: the stack reached .bss\n", 4);
    semihost::exit(status);
}

// Every exception except reset lands here; a fault is a failed test.
[[noreturn]] void fault_handler() {
    std::uint32_t ipsr;
    asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    semihost::write("HardFault (exception ");
    semihost::write_dec(static_cast<long>(ipsr & 0x1FFu));
    fail(")\n", 3);
}

// Vector table: the initial SP word comes first from the linker script, then these 15 system
// handlers and 32 external interrupts (none are enabled by the tests).
using handler = void (*)();
__attribute__((section(".isr_vector"), used)) const handler vector_table[15 + 32] = {
    reset_handler,  // 1 reset
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler,  // 2..15: NMI, HardFault, ..., PendSV, SysTick
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler,  // IRQ 0..31
};

// Runtime hooks. Static destructors are never run (the program ends by semihosting exit), so
// registering them is a no-op; this also keeps newlib's atexit machinery out of the image.
void* __dso_handle = nullptr;
int __aeabi_atexit(void*, void (*)(void*), void*) { return 0; }
int __cxa_atexit(void (*)(void*), void*, void*) { return 0; }

[[noreturn]] void _exit(int status) { semihost::exit(status); }
[[noreturn]] void abort() { fail("abort\n", 134); }
[[noreturn]] void __cxa_pure_virtual() { fail("pure virtual call\n", 3); }
// assert() failures: report without newlib's fiprintf (which would need the heap).
[[noreturn]] void __assert_func(const char* file, int line, const char*, const char* expr) {
    semihost::write(file);
    semihost::write(":");
    semihost::write_dec(line);
    semihost::write(": assertion failed: ");
    semihost::write(expr);
    fail("\n", 3);
}

}  // extern "C"
