// The same for a lone population.
// expect: oncostate: step() changes the population; it cannot be called on a const population
#include <oncostate/oncostate.hpp>

int main() {
    const oncostate::population<float, 4> lesion;
    const oncostate::kernel_params<float> p;
    oncostate::xoshiro128pp rng(1, 0);
    lesion.step(p, rng);
    return static_cast<int>(lesion.cells());
}
