// Semihosting calls: r0 = operation, r1 = argument, then bkpt 0xab (M-profile encoding).
#include "semihost.hpp"

namespace semihost {
namespace {

constexpr int sys_write0 = 0x04;
constexpr int sys_exit_extended = 0x20;
constexpr unsigned long adp_stopped_application_exit = 0x20026;

int call(int op, const void* arg) {
    register int r0 asm("r0") = op;
    register const void* r1 asm("r1") = arg;
    asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

}  // namespace

void write(const char* s) { call(sys_write0, s); }

char* format_dec(long v, char (&buf)[dec_buffer_size]) {
    // Work on the magnitude as unsigned so that the most negative value does not overflow.
    unsigned long mag = v < 0 ? 0ul - static_cast<unsigned long>(v) : static_cast<unsigned long>(v);
    char tmp[dec_buffer_size];
    int n = 0;
    do {
        tmp[n++] = static_cast<char>('0' + mag % 10u);
        mag /= 10u;
    } while (mag != 0u);
    int i = 0;
    if (v < 0) buf[i++] = '-';
    while (n > 0) buf[i++] = tmp[--n];
    buf[i] = '\0';
    return buf;
}

void write_dec(long v) {
    char buf[dec_buffer_size];
    write(format_dec(v, buf));
}

void exit(int status) {
    // Parameter block {reason, subcode}; QEMU returns subcode as its process status.
    const unsigned long block[2] = {adp_stopped_application_exit, static_cast<unsigned long>(status)};
    call(sys_exit_extended, block);
    for (;;) {
    }
}

}  // namespace semihost
