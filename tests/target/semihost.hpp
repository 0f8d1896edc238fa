// Minimal ARM semihosting (bkpt 0xab) for the Cortex-M test runs under QEMU.
// No heap, no printf: only NUL-terminated strings, decimal integers and exit.
#ifndef ONCOSTATE_TARGET_SEMIHOST_HPP
#define ONCOSTATE_TARGET_SEMIHOST_HPP

namespace semihost {

// Longest decimal text of a long (32-bit on Cortex-M: "-2147483648") plus NUL, with margin.
constexpr int dec_buffer_size = 24;

// SYS_WRITE0: print a NUL-terminated string (QEMU prints it on its stdout).
void write(const char* s);

// Format v in decimal into buf (NUL-terminated); returns buf. Handles the most negative value.
char* format_dec(long v, char (&buf)[dec_buffer_size]);

// Print v in decimal.
void write_dec(long v);

// SYS_EXIT_EXTENDED with ADP_Stopped_ApplicationExit: QEMU exits with `status`.
[[noreturn]] void exit(int status);

}  // namespace semihost

#endif
