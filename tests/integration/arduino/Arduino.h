// Host stand-in for an Arduino core: only what the packaged example sketch uses. Serial writes
// to stdout (host_main.cpp). Also compiles for a bare Cortex-M (declarations only).
#ifndef ONCOSTATE_TEST_ARDUINO_H
#define ONCOSTATE_TEST_ARDUINO_H

#include <stddef.h>

class HostSerial {
public:
    void begin(unsigned long baud);
    explicit operator bool() const { return true; }
    size_t print(const char* s);
    size_t print(char c);
    size_t print(int n);
    size_t print(unsigned int n);
    size_t print(long n);
    size_t print(unsigned long n);
    size_t println();
    template <class T>
    size_t println(T v) {
        const size_t n = print(v);
        return n + println();
    }
};

extern HostSerial Serial;

void setup();
void loop();

#endif
