// Calibrates the instruction counter behind oncostate-target-bench: a loop of exactly 2,000,000
// instructions, timed with the firmware's board::ticks(). Under QEMU -icount shift=0 it must read
// 2,000,000 instructions (check_budget.cmake MODE=calibrate).
#include "board.hpp"

namespace {
void write_u32(const char* label, std::uint32_t v) {
    char text[48];
    int n = 0;
    for (; label[n] != '\0' && n < 24; ++n) text[n] = label[n];
    char digits[10];
    int k = 0;
    do {
        digits[k++] = static_cast<char>('0' + v % 10u);
        v /= 10u;
    } while (v != 0u && k < 10);
    while (k > 0) text[n++] = digits[--k];
    text[n] = '\0';
    board::write(text);
}
}  // namespace

int main() {
    board::init();
    const std::uint32_t before = board::ticks();
    std::uint32_t count = 1000000;
    // two instructions an iteration: subtract and branch
    asm volatile(".syntax unified\n1:\n\tsubs %0, %0, #1\n\tbne 1b" : "+l"(count) : : "cc");
    const std::uint32_t ticks = board::ticks() - before;
    write_u32("calibration loop: ", ticks);
    write_u32(" ticks at ", board::tick_hz());
    board::write(" Hz\n");
    return 0;
}
