// Must fail the heap checks. Built two ways:
//  - as is: malloc needs _sbrk, which the target runtime does not provide -> link error;
//  - with PROBE_PROVIDE_SBRK: links, and the nm check must then find malloc/free.
#include <cstddef>
#include <cstdlib>

#include "semihost.hpp"

#ifdef PROBE_PROVIDE_SBRK
extern "C" void* _sbrk(std::ptrdiff_t increment) {
    alignas(8) static char arena[1024];
    static std::size_t used = 0;
    if (increment < 0 || used + static_cast<std::size_t>(increment) > sizeof arena) return reinterpret_cast<void*>(-1);
    void* p = arena + used;
    used += static_cast<std::size_t>(increment);
    return p;
}
#endif

namespace {
volatile std::size_t request = 16;
}

int main() {
    void* p = std::malloc(request);
    semihost::write(p != nullptr ? "allocated\n" : "no memory\n");
    std::free(p);
    return 0;
}
