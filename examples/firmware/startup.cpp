// Bare-metal start-up for any Cortex-M: the vector table, the reset handler (copy .data, zero
// .bss, paint the stack, run main) and a fault handler. Copy it to a real board unchanged; only
// the linker script (memory sizes) differs between boards.
#include <cstddef>  // std::size_t
#include <cstdint>  // fixed-width integers

#include "board.hpp"

int firmware_main() asm("main");  // the program's main, called through its symbol

extern "C" {
// From the linker script.
extern std::uint32_t __data_start__[], __data_end__[], __data_load__[];
extern std::uint32_t __bss_start__[], __bss_end__[];
extern std::uint32_t __stack_top[];
extern void (*__init_array_start[])(), (*__init_array_end[])();
}

namespace {
constexpr std::uint32_t stack_paint = 0xC0FFEE5Au;
}

std::uintptr_t stack_pointer() {
    std::uintptr_t sp;
    asm volatile("mov %0, sp" : "=r"(sp));
    return sp;
}

// Paints the free stack below the caller's frame, so that stack_used_below() measures what runs
// after this call.
void stack_repaint() {
    for (std::uint32_t* p = __bss_end__; p < reinterpret_cast<std::uint32_t*>(stack_pointer() - 64u);) *p++ = stack_paint;
}

// Bytes below `sp` written since the last paint: from `sp` down to the deepest unpainted word.
std::size_t stack_used_below(std::uintptr_t sp) {
    const std::uint32_t* p = __bss_end__;
    while (p < __stack_top && *p == stack_paint) ++p;
    const std::uintptr_t deepest = reinterpret_cast<std::uintptr_t>(p);
    return deepest < sp ? static_cast<std::size_t>(sp - deepest) : 0u;
}

extern "C" {

[[noreturn]] void reset_handler() {
#if defined(__ARM_FP)
    // Enable the FPU (CP10, CP11) before any floating-point instruction.
    volatile std::uint32_t& cpacr = *reinterpret_cast<volatile std::uint32_t*>(0xE000ED88u);
    cpacr = cpacr | (0xFu << 20);
    asm volatile("dsb\n\tisb" ::: "memory");
#endif
    for (std::uint32_t *src = __data_load__, *dst = __data_start__; dst < __data_end__;) *dst++ = *src++;
    for (std::uint32_t* dst = __bss_start__; dst < __bss_end__;) *dst++ = 0;
    for (auto f = __init_array_start; f < __init_array_end; ++f) (*f)();
    board::finish(firmware_main());
}

[[noreturn]] void fault_handler() {
    board::write("fault: the firmware stopped\n");
    board::finish(3);
}

// The initial stack pointer comes first (from the linker script), then 15 system vectors and
// 32 interrupts. No interrupt is enabled.
using handler = void (*)();
__attribute__((section(".isr_vector"), used)) const handler vectors[15 + 32] = {
    reset_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
};

// C++ runtime hooks: static destructors never run on a device that never exits.
void* __dso_handle = nullptr;
int __aeabi_atexit(void*, void (*)(void*), void*) { return 0; }

}  // extern "C"
