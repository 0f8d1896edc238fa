// The board: everything the firmware needs from the hardware, in one small interface.
// board_qemu.cpp implements it for the QEMU boards (semihosting). To run on a real board, write
// one more file with these functions: text to a UART, levels to LEDs or a display, a snapshot
// to a flash page, and a free-running counter.
#ifndef ONCOSTATE_FIRMWARE_BOARD_HPP
#define ONCOSTATE_FIRMWARE_BOARD_HPP

#include <cstddef>  // std::size_t
#include <cstdint>  // fixed-width integers

namespace board {

// Clocks, UART, LED pins, the cycle counter. Called once, first.
void init();

// A NUL-terminated line of text for the host (a UART at 115200 baud on a real board).
void write(const char* text);

// One level per organ, 0 (no cells) to 8 (1e12 cells or more): an LED bar, a row of a LED
// matrix, or a bar on a display. `count` is the number of organs (oncostate::organ_count).
void show_levels(const std::uint8_t* levels, int count);

// Persistent storage for one snapshot (a flash page on a real board). store() may be called
// often; a real board should alternate two pages so a power cut during a write leaves the
// other intact (restore_snapshot's CRC rejects the torn one).
// Returns false when the snapshot does not fit (or the write failed).
bool store(const std::uint8_t* bytes, std::size_t size);
// The stored snapshot, or size 0 when there is none.
std::size_t load(std::uint8_t* bytes, std::size_t capacity);

// A free-running 32-bit count of CPU clock ticks (SysTick on Cortex-M; wraps).
std::uint32_t ticks();
// CPU clock frequency in Hz (ticks per second).
std::uint32_t tick_hz();

// Ends the program with a status (0: the run completed). On a real board: sleep forever.
[[noreturn]] void finish(int status);

}  // namespace board

#endif
