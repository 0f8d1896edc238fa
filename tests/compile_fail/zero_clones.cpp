// A population with no clone slot cannot hold a cell.
// expect: oncostate: a population needs at least one clone slot (MaxClones >= 1)
#include <oncostate/oncostate.hpp>

int main() {
    oncostate::population<float, 0> lesion;
    return static_cast<int>(lesion.cells());
}
