// The board for QEMU's micro:bit (Cortex-M0) and MPS2 (Cortex-M3/M4F/M7) machines: text and LED
// bars over ARM semihosting, the snapshot "flash" in RAM, SysTick as the tick counter.
#include "board.hpp"

#include <oncostate/site.hpp>  // organ names

namespace {

constexpr int sys_write0 = 0x04;
constexpr int sys_exit_extended = 0x20;
constexpr std::uint32_t adp_stopped_application_exit = 0x20026;

int semihost(int op, const void* arg) {
    register int r0 asm("r0") = op;
    register const void* r1 asm("r1") = arg;
    asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

// SysTick registers (ARMv6-M and ARMv7-M).
volatile std::uint32_t& syst_csr = *reinterpret_cast<volatile std::uint32_t*>(0xE000E010u);
volatile std::uint32_t& syst_rvr = *reinterpret_cast<volatile std::uint32_t*>(0xE000E014u);
volatile std::uint32_t& syst_cvr = *reinterpret_cast<volatile std::uint32_t*>(0xE000E018u);
constexpr std::uint32_t systick_max = 0x00FFFFFFu;  // a 24-bit down-counter

std::uint32_t last_count = 0;  // SysTick value at the previous ticks() call
std::uint32_t elapsed = 0;     // ticks counted so far (extended to 32 bits)

// Stands in for a flash page (QEMU keeps nothing across runs).
std::uint8_t flash_page[3072];
std::size_t flash_used = 0;

}  // namespace

namespace board {

void init() {
    syst_rvr = systick_max;
    syst_cvr = 0;
    syst_csr = 0x5u;  // enable, CPU clock, no interrupt
    last_count = syst_cvr;
}

void write(const char* text) { semihost(sys_write0, text); }

void show_levels(const std::uint8_t* levels, int count) {
    // Eight "LEDs" per organ as text, for the organs that hold cells: "liver [#####   ]".
    char line[24 * 15 + 2];
    int n = 0;
    for (int i = 0; i < count && i < oncostate::organ_count; ++i) {
        if (levels[i] == 0) continue;
        if (n + 24 > static_cast<int>(sizeof line) - 2) break;  // a name (12 at most) and a bar: 24 chars
        const char* name = oncostate::organ_name(static_cast<oncostate::organ>(i));
        for (int k = 0; name[k] != '\0' && k < 12; ++k) line[n++] = name[k];
        line[n++] = ' ';
        line[n++] = '[';
        for (int k = 0; k < 8; ++k) line[n++] = k < levels[i] ? '#' : ' ';
        line[n++] = ']';
        line[n++] = ' ';
    }
    line[n++] = '\n';
    line[n] = '\0';
    write(line);
}

bool store(const std::uint8_t* bytes, std::size_t size) {
    if (size > sizeof flash_page) return false;
    for (std::size_t i = 0; i < size; ++i) flash_page[i] = bytes[i];
    flash_used = size;
    return true;
}

std::size_t load(std::uint8_t* bytes, std::size_t capacity) {
    if (flash_used == 0 || flash_used > capacity) return 0;
    for (std::size_t i = 0; i < flash_used; ++i) bytes[i] = flash_page[i];
    return flash_used;
}

// Must be called at least once per 2^24 ticks (0.35 s at 48 MHz) to see every wrap.
std::uint32_t ticks() {
    const std::uint32_t now = syst_cvr;
    elapsed += (last_count - now) & systick_max;  // a down-counter
    last_count = now;
    return elapsed;
}

std::uint32_t tick_hz() {
#if defined(ONCOSTATE_FIRMWARE_MICROBIT)
    return 16000000u;  // nRF51 HCLK
#else
    return 25000000u;  // MPS2 FPGA images
#endif
}

void finish(int status) {
    const std::uint32_t block[2] = {adp_stopped_application_exit, static_cast<std::uint32_t>(status)};
    semihost(sys_exit_extended, block);
    for (;;) {
    }
}

}  // namespace board
