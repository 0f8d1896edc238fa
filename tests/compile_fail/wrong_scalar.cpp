// A population over an integer scalar: only float, double and fixed<I, F> are models.
// expect: oncostate: the scalar type must be float, double or oncostate::fixed<I, F>
#include <oncostate/oncostate.hpp>

int main() {
    oncostate::population<int, 4> lesion;
    return static_cast<int>(lesion.cells());
}
