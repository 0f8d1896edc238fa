// Second translation unit including oncostate: the headers must be ODR-safe (inline only).
#include <oncostate/oncostate.hpp>

int oncostate_consumer_second() { return 0; }
