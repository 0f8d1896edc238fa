// The RAM budget's subject: one patient of 16 lesions x 4 clones in fixed point, as a global
// (its size is read from the symbol table). It runs a few days so nothing is optimised away.
#include <oncostate/oncostate.hpp>

#include "semihost.hpp"

oncostate::patient<oncostate::q16_16, 16, 4> budget_patient;

int main() {
    constexpr oncostate::patient_params<oncostate::sfloat> p = oncostate::preset<oncostate::sfloat>(oncostate::cancer::colorectal);
    if (budget_patient.start(p, 1, 0, 1000000) != oncostate::errc::ok) return 1;
    for (int day = 0; day < 10; ++day) budget_patient.step(p);
    semihost::write("probe_budget: ");
    semihost::write_dec(static_cast<long>(budget_patient.total_cells() & 0xFFFFFu));
    semihost::write("\n");
    return 0;
}
