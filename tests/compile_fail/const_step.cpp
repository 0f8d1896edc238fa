// step() advances the patient by a day, so a const patient cannot take it.
// expect: oncostate: step() changes the patient; it cannot be called on a const patient
#include <oncostate/oncostate.hpp>

int main() {
    using model = oncostate::patient<float, 8, 4>;
    static model someone;
    const model& view = someone;
    const model::params_type p;
    view.step(p);
    return view.day();
}
