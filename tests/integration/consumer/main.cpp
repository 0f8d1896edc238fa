// A consumer of oncostate: includes the umbrella header and prints the version and what the
// build allows, so the integration tests can check both.
#include <oncostate/oncostate.hpp>

#include <cstdio>

int oncostate_consumer_second();  // second.cpp

namespace os = ::oncostate;  // the umbrella header declares the namespace

int main() {
#if defined(__cpp_rtti) || defined(__GXX_RTTI) || defined(_CPPRTTI)
    const int rtti = 1;
#else
    const int rtti = 0;
#endif
    std::printf("oncostate %s\n", ONCOSTATE_VERSION_STRING);
    std::printf("exceptions=%d rtti=%d\n", ONCOSTATE_HAS_EXCEPTIONS, rtti);
    return oncostate_consumer_second();
}
