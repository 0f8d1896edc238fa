// Arbitrary sequences of manual treatment commands on a care object.
//
// Input: scalar (byte % 2: float or fixed), cancer type (preset parameters and standard plan),
// strategy, founder cells, seed, then commands until the input ends (at most max_commands, at
// most max_days simulated days): step by hand or automatically, start_line (any line number),
// pause, resume, stop, treat_locally, resect or add cells on the patient, observe.
//
// Checks: every command returns ok exactly when the treatment machine's table (and the
// documented argument checks) allow it; a refused command leaves the object byte for byte
// unchanged; an accepted one lands in the state it names; every day moves the machine only
// along the table; supportive care is final; a dead patient's object no longer moves; the
// state stays well formed with counts in range.
#include "fuzz_common.hpp"

namespace {

using namespace oncostate;
using fuzz::reader;

constexpr int max_commands = 64;
constexpr int max_days = 160;

bool allowed(care_state from, care_state to) {
    return from == to || treatment_machine::allowed[static_cast<int>(from)][static_cast<int>(to)];
}

template <class Scalar, int L, int C>
void run(reader& in) {
    using care_type = care<Scalar, L, C>;
    using R = real_t<Scalar>;
    const cancer type = static_cast<cancer>(in.u8() % static_cast<unsigned>(cancer_count));
    const patient_params<R> p = preset<R>(type);
    treatment_plan<R> plan = standard_plan<R>(type);
    const std::uint8_t plan_bits = in.u8();
    if (plan_bits & 1u) plan.kind = strategy::adaptive;
    if (plan_bits & 2u) plan.curative_local = 1;
    if (plan_bits & 4u) plan.biomarker_positive = 0;
    if (plan_bits & 8u) plan.assess_days = static_cast<std::uint16_t>(1u + in.u8() % 90u);
    if (plan_bits & 16u) plan.line_count = static_cast<std::uint8_t>(in.u8() % (plan.line_count + 1u));
    FUZZ_CHECK(plan.validate() == errc::ok);
    std::uint64_t founder = fuzz::count_value(in);
    if (founder == 0 || founder > 100000000000u) founder = 1000000;  // keep the runs short and alive
    static care_type c;
    static care_type before;
    FUZZ_CHECK(c.start(p, plan, in.u32(), in.u8(), founder) == errc::ok);
    fuzz::check_care(c);

    std::uint32_t events = 0;
    const fuzz::checking_sink<L> sink{&events};
    int days = 0;
    bool supportive = false;
    for (int k = 0; k < max_commands && !in.empty() && days < max_days; ++k) {
        const std::uint8_t op = in.u8();
        const care_state s0 = c.state();
        const bool alive0 = c.truth().alive();
        fuzz::copy_bytes(before, c);
        switch (op % 10u) {
            case 0:
            case 1: {  // days by hand (no decisions) or automatic
                const int n = 1 + in.u8() % 16;
                const bool automatic = op % 10u == 1;
                for (int d = 0; d < n && days < max_days; ++d, ++days) {
                    const care_state s = c.state();
                    const std::int32_t day = c.truth().day();
                    const bool alive = c.truth().alive();
                    if (!alive) fuzz::copy_bytes(before, c);
                    c.step(p, plan, sink, automatic);
                    if (alive) {
                        FUZZ_CHECK(c.truth().day() == day + 1);
                    } else {
                        FUZZ_CHECK(fuzz::same_bytes(before, c));
                    }
                    FUZZ_CHECK(allowed(s, c.state()));
                    // by hand the machine moves only at diagnosis (a line or surveillance never start alone)
                    if (!automatic) FUZZ_CHECK(c.state() == s);
                    fuzz::check_care(c);
                }
                break;
            }
            case 2: {  // start_line with any number, including 0, negative and past the plan
                const int l = static_cast<std::int8_t>(in.u8()) % 9;
                const errc e = c.start_line(p, plan, l, sink);
                if (l < 1 || l > plan.line_count) {
                    FUZZ_CHECK(e == errc::therapy_index_out_of_range);
                } else if (!alive0) {
                    FUZZ_CHECK(e == errc::patient_dead);
                } else if (!treatment_machine::allowed[static_cast<int>(s0)][static_cast<int>(care_state::on_line)]) {
                    FUZZ_CHECK(e == errc::illegal_transition);
                } else {
                    FUZZ_CHECK(e == errc::ok);
                    FUZZ_CHECK(c.state() == care_state::on_line && c.line() == l);
                    FUZZ_CHECK(c.record().line_start[l - 1] == c.truth().day() && c.record().line_end[l - 1] < 0);
                    FUZZ_CHECK(c.recist().has_baseline() && c.recist().baseline_day() == c.truth().day());
                }
                if (e != errc::ok) FUZZ_CHECK(fuzz::same_bytes(before, c));
                break;
            }
            case 3: {
                const errc e = c.pause(sink);
                FUZZ_CHECK((e == errc::ok) == (s0 == care_state::on_line));
                if (e == errc::ok) FUZZ_CHECK(c.state() == care_state::holiday);
                else FUZZ_CHECK(e == errc::illegal_transition && fuzz::same_bytes(before, c));
                break;
            }
            case 4: {
                const errc e = c.resume(sink);
                FUZZ_CHECK((e == errc::ok) == (s0 == care_state::holiday));
                if (e == errc::ok) FUZZ_CHECK(c.state() == care_state::on_line);
                else FUZZ_CHECK(e == errc::illegal_transition && fuzz::same_bytes(before, c));
                break;
            }
            case 5: {
                const errc e = c.stop(sink);
                FUZZ_CHECK((e == errc::ok) == treatment_machine::allowed[static_cast<int>(s0)][static_cast<int>(care_state::supportive)]);
                if (e == errc::ok) FUZZ_CHECK(c.state() == care_state::supportive);
                else FUZZ_CHECK(e == errc::illegal_transition && fuzz::same_bytes(before, c));
                break;
            }
            case 6: {  // local therapy removes everything visible, and only that
                const int visible = c.truth().observe(p).visible_count;
                const int removed = c.treat_locally(p, sink);
                FUZZ_CHECK(removed == visible);
                FUZZ_CHECK(c.truth().observe(p).visible_count == 0);
                FUZZ_CHECK(c.state() == s0);
                break;
            }
            case 7: {  // resect one lesion, any index
                const int i = static_cast<std::int8_t>(in.u8()) % (L + 3);
                const errc e = c.truth().resect(i);
                if (i < 0 || i >= L) FUZZ_CHECK(e == errc::lesion_index_out_of_range);
                else if (!c.truth()[i].active() && e != errc::ok) FUZZ_CHECK(e == errc::lesion_not_active);
                if (e == errc::ok) FUZZ_CHECK(c.truth()[i].progress.state() == progression::resected && c.truth()[i].cells.cells() == 0);
                else FUZZ_CHECK(fuzz::same_bytes(before, c));
                break;
            }
            case 8: {  // add cells of any genotype to any lesion
                const int i = static_cast<std::int8_t>(in.u8()) % (L + 3);
                const genotype g = in.u8();
                const std::uint64_t a = fuzz::count_value(in), b = fuzz::count_value(in);
                const std::uint64_t total = c.truth().total_cells();
                const errc e = c.truth().add_cells(i, g, a, b);
                if (e == errc::ok) {
                    FUZZ_CHECK(c.truth().total_cells() >= total);
                } else {
                    FUZZ_CHECK(e == errc::lesion_index_out_of_range || e == errc::lesion_not_active ||
                               e == errc::cell_count_too_large || e == errc::clone_table_full);
                    FUZZ_CHECK(fuzz::same_bytes(before, c));
                }
                break;
            }
            default:  // looking changes nothing
                fuzz::check_view(c.truth(), p);
                FUZZ_CHECK(fuzz::same_bytes(before, c));
                break;
        }
        fuzz::check_care(c);
        if (op % 10u > 1u) FUZZ_CHECK(allowed(s0, c.state()));  // steps are checked day by day
        if (supportive) FUZZ_CHECK(c.state() == care_state::supportive);
        supportive = c.state() == care_state::supportive;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    reader in(data, size);
    if (in.u8() & 1u)
        run<q16_16, 8, 4>(in);
    else
        run<float, 8, 4>(in);
    return 0;
}
