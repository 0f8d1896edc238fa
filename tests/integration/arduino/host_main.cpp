// Runs a sketch on the host the way an Arduino core would: setup() once, then loop(). The
// sketch's loop() must go idle by itself; LOOPS calls are made.
#include <Arduino.h>

#include <cstdio>

#ifndef ONCOSTATE_SKETCH_LOOPS
#define ONCOSTATE_SKETCH_LOOPS 10000
#endif

HostSerial Serial;

void HostSerial::begin(unsigned long) {}
size_t HostSerial::print(const char* s) { return static_cast<size_t>(std::printf("%s", s)); }
size_t HostSerial::print(char c) { return static_cast<size_t>(std::printf("%c", c)); }
size_t HostSerial::print(int n) { return static_cast<size_t>(std::printf("%d", n)); }
size_t HostSerial::print(unsigned int n) { return static_cast<size_t>(std::printf("%u", n)); }
size_t HostSerial::print(long n) { return static_cast<size_t>(std::printf("%ld", n)); }
size_t HostSerial::print(unsigned long n) { return static_cast<size_t>(std::printf("%lu", n)); }
size_t HostSerial::println() { return static_cast<size_t>(std::printf("\n")); }

int main() {
    setup();
    for (long i = 0; i < ONCOSTATE_SKETCH_LOOPS; ++i) loop();
    return 0;
}
