// Control: fails to compile, but with a different library message than the one expected here.
// The harness must report it as failing (the test is registered WILL_FAIL), so the text check bites.
// expect: oncostate: the scalar type must be float, double or oncostate::fixed<I, F>
#include <oncostate/oncostate.hpp>

int main() {
    oncostate::population<float, 0> lesion;
    return static_cast<int>(lesion.cells());
}
