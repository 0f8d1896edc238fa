// Parameter sets: every field of patient_params and treatment_plan set from the input (any bit
// pattern for reals, any value for integers and enums), validated, then, if valid, a short run.
//
// Input: scalar (byte % 3: float, double, fixed), base set (byte % (cancer_count + 1): a preset
// and its standard plan, or a bare single-lesion set), founder cells, seed, days, then edits
// (field id, value) until the input ends, at most max_edits.
//
// Checks: validate() and start() agree; a rejected start() leaves the care object byte for
// byte unchanged; an accepted set runs without UB, every day keeps the state well formed, counts
// within max_cells, enums and machines in range; a snapshot of the result restores.
#include "fuzz_common.hpp"

namespace {

using namespace oncostate;
using fuzz::reader;

constexpr int max_edits = 96;
constexpr int max_days = 48;

template <class R>
void edit_kernel(kernel_params<R>& k, unsigned field, reader& in) {
    switch (field % 15u) {
        case 0: k.growth.birth = fuzz::real_value<R>(in); break;
        case 1: k.growth.death = fuzz::real_value<R>(in); break;
        case 2: k.growth.carrying_capacity = fuzz::count_value(in); break;
        case 3: k.growth.gompertz_reference = fuzz::count_value(in); break;
        case 4: k.dormancy.entry = fuzz::real_value<R>(in); break;
        case 5: k.dormancy.reactivation = fuzz::real_value<R>(in); break;
        case 6: k.dormancy.dormant_death = fuzz::real_value<R>(in); break;
        case 7: k.dormancy.site_factor = fuzz::real_value<R>(in); break;
        case 8: k.dormancy.stress_factor = fuzz::real_value<R>(in); break;
        case 9: k.dormancy.avascular_cap = fuzz::count_value(in); break;
        case 10: k.dormancy.angiogenic_switch = fuzz::real_value<R>(in); break;
        case 11: k.resistance.instability = fuzz::real_value<R>(in); break;
        case 12: k.resistance = resistance_model<R>{}; break;
        default: {  // add a mechanism; a rejected one leaves the model unchanged
            mechanism<R> m;
            m.mutation_probability = fuzz::real_value<R>(in);
            m.fitness_cost = fuzz::real_value<R>(in);
            const unsigned which = in.u8();  // residual columns to set
            for (unsigned t = 0; t < static_cast<unsigned>(max_therapies); ++t)
                if ((which >> t) & 1u) m.residual[t] = fuzz::real_value<R>(in);
            resistance_model<R> before;
            fuzz::copy_bytes(before, k.resistance);
            const errc e = k.resistance.add(m);
            FUZZ_CHECK(static_cast<int>(e) < static_cast<int>(errc::count_));
            if (e != errc::ok) FUZZ_CHECK(fuzz::same_bytes(before, k.resistance));
            FUZZ_CHECK(k.resistance.count() <= max_mechanisms);
            break;
        }
    }
}

template <class R>
void edit_params(patient_params<R>& p, unsigned field, reader& in) {
    if (field < 30) {
        edit_kernel(field < 15 ? p.primary : p.metastasis, field, in);
        return;
    }
    field -= 30;
    if (field < 8) {
        R* spread[] = {&p.spread.shed,   &p.spread.survive,   &p.spread.arrest, &p.spread.extravasate,
                       &p.spread.colonise, &p.spread.lymphatic, &p.spread.skip,   &p.spread.first_bed};
        *spread[field] = fuzz::real_value<R>(in);
        return;
    }
    field -= 8;
    if (field < 5) {  // one organ's profile
        site_profile<R>& s = p.sites[in.u8() % static_cast<unsigned>(organ_count)];
        switch (field) {
            case 0: s.tropism = fuzz::real_value<R>(in); break;
            case 1: s.dormancy_factor = fuzz::real_value<R>(in); break;
            case 2: s.founder_dormant = fuzz::real_value<R>(in); break;
            case 3: s.symptom_cells = fuzz::count_value(in); break;
            default: s.vital_cells = fuzz::count_value(in); break;
        }
        return;
    }
    field -= 5;
    if (field < 10) {
        R* immune[] = {&p.immune.sigma, &p.immune.rho,           &p.immune.eta,      &p.immune.mu,
                       &p.immune.delta, &p.immune.alpha,         &p.immune.beta,     &p.immune.days_per_unit,
                       &p.immune.strength, &p.immune.visibility};
        *immune[field] = fuzz::real_value<R>(in);
        return;
    }
    field -= 10;
    if (field < 9) {
        R* clinic[] = {&p.clinic.imaging_mm,          &p.clinic.measurable_mm, &p.clinic.measurable_node_mm,
                       &p.clinic.normal_node_mm,      &p.clinic.ctc_half_life_hours, &p.clinic.blood_ml,
                       &p.clinic.ctc_captured,        &p.clinic.marker_baseline,     &p.clinic.marker_per_1e9_cells};
        *clinic[field] = fuzz::real_value<R>(in);
        return;
    }
    field -= 9;
    switch (field) {
        case 0: p.immune.cells_per_unit = fuzz::count_value(in); break;
        case 1: p.clinic.cells_per_cm3 = fuzz::count_value(in); break;
        case 2: p.clinic.oligometastatic_lesions = static_cast<int>(in.u32()); break;
        case 3: p.clinic.oligometastatic_organs = static_cast<int>(in.u32()); break;
        case 4: p.lethal_cells = fuzz::count_value(in); break;
        case 5: p.invasion = fuzz::real_value<R>(in); break;
        case 6: p.invasion_min_cells = fuzz::count_value(in); break;
        case 7: p.primary_organ = static_cast<organ>(in.u8()); break;
        default: p.immune_on = in.u8(); break;
    }
}
constexpr unsigned param_fields = 30 + 8 + 5 + 10 + 9 + 9;

template <class R>
void edit_plan(treatment_plan<R>& plan, unsigned field, reader& in) {
    if (field < 11) {  // one therapy
        therapy<R>& t = plan.therapies[in.u8() % static_cast<unsigned>(max_plan_therapies)];
        switch (field) {
            case 0: t.kind = static_cast<therapy_class>(in.u8()); break;
            case 1: t.column = in.u8(); break;
            case 2: t.kill_dividing = fuzz::real_value<R>(in); break;
            case 3: t.kill_all = fuzz::real_value<R>(in); break;
            case 4: t.birth_reduction = fuzz::real_value<R>(in); break;
            case 5: t.immune_boost = fuzz::real_value<R>(in); break;
            case 6: t.needs_biomarker = in.u8(); break;
            case 7: t.cycle_days = in.u16(); break;
            case 8: t.dosing_days = in.u16(); break;
            case 9: t.max_days = in.u16(); break;
            default: t.toxicity = fuzz::real_value<R>(in); break;
        }
        return;
    }
    field -= 11;
    switch (field) {
        case 0: plan.therapy_count = in.u8(); break;
        case 1: {  // one line
            therapy_line& l = plan.lines[in.u8() % static_cast<unsigned>(max_lines)];
            for (std::uint8_t& t : l.therapy) t = in.u8();
            l.count = in.u8();
            break;
        }
        case 2: plan.line_count = in.u8(); break;
        case 3: plan.kind = static_cast<strategy>(in.u8()); break;
        case 4: plan.assess_days = in.u16(); break;
        case 5: plan.pause_below = fuzz::real_value<R>(in); break;
        case 6: plan.resume_at = fuzz::real_value<R>(in); break;
        case 7: plan.curative_local = in.u8(); break;
        default: plan.biomarker_positive = in.u8(); break;
    }
}
constexpr unsigned plan_fields = 11 + 9;

template <class R>
patient_params<R> bare_params() {
    patient_params<R> p;
    p.primary.growth.birth = R(0.14);
    p.primary.growth.death = R(0.13);
    p.primary.growth.carrying_capacity = 1000000000000;
    p.metastasis = p.primary;
    p.metastasis.dormancy.angiogenic_switch = R(0.01);
    p.sites[static_cast<int>(organ::bone)].tropism = R(1.0);
    return p;
}

template <class Scalar, int MaxLesions, int MaxClones>
void run(reader& in) {
    using care_type = care<Scalar, MaxLesions, MaxClones>;
    using R = real_t<Scalar>;
    const unsigned base = in.u8() % static_cast<unsigned>(cancer_count + 1);
    patient_params<R> p = base < static_cast<unsigned>(cancer_count) ? preset<R>(static_cast<cancer>(base)) : bare_params<R>();
    treatment_plan<R> plan = base < static_cast<unsigned>(cancer_count) ? standard_plan<R>(static_cast<cancer>(base))
                                                                         : treatment_plan<R>{};
    const std::uint64_t founder = fuzz::count_value(in);
    const std::uint64_t seed = in.u32();
    const int days = 1 + in.u8() % max_days;
    for (int i = 0; i < max_edits && !in.empty(); ++i) {
        const unsigned field = in.u8() % (param_fields + plan_fields);
        if (field < param_fields)
            edit_params(p, field, in);
        else
            edit_plan(plan, field - param_fields, in);
    }

    // validate() must agree with start(); a refused start leaves the object as it was
    const errc e_params = p.validate();
    const errc e_plan = plan.validate();
    FUZZ_CHECK(static_cast<int>(e_params) < static_cast<int>(errc::count_));
    FUZZ_CHECK(static_cast<int>(e_plan) < static_cast<int>(errc::count_));
    static care_type c;      // static: keeps the stack small under ASan
    static care_type before;
    static bool primed = false;
    if (!primed) {  // a started object, so that "unchanged" means something
        const patient_params<R> good = bare_params<R>();
        FUZZ_CHECK(c.start(good, treatment_plan<R>{}, 1, 2, 1000) == errc::ok);
        primed = true;
    }
    fuzz::copy_bytes(before, c);
    const errc got = c.start(p, plan, seed, 0, founder);
    errc expected = e_plan;
    if (expected == errc::ok) expected = e_params;
    if (expected == errc::ok && (founder == 0 || founder > max_cells)) expected = errc::cell_count_too_large;
    FUZZ_CHECK(got == expected);
    if (got != errc::ok) {
        FUZZ_CHECK(fuzz::same_bytes(before, c));
        return;
    }
    fuzz::check_care(c);
    FUZZ_CHECK(c.truth().day() == 0 && c.truth().total_cells() == founder);

    std::uint32_t events = 0;
    for (int d = 0; d < days && c.truth().alive(); ++d) {
        const std::int32_t day = c.truth().day();
        c.step(p, plan, fuzz::checking_sink<MaxLesions>{&events});
        FUZZ_CHECK(c.truth().day() == day + 1);
        fuzz::check_care(c);
    }
    fuzz::check_view(c.truth(), p);
    // a dead patient's care object does not move
    if (!c.truth().alive()) {
        fuzz::copy_bytes(before, c);
        c.step(p, plan, fuzz::checking_sink<MaxLesions>{&events});
        FUZZ_CHECK(fuzz::same_bytes(before, c));
    }
    // the state survives a snapshot
    static std::uint8_t buf[snapshot_size<care_type>()];
    std::size_t written = 0;
    FUZZ_CHECK(save_snapshot(c, buf, sizeof buf, written) == errc::ok && written == sizeof buf);
    fuzz::copy_bytes(before, c);
    FUZZ_CHECK(restore_snapshot(before, buf, written) == errc::ok);
    FUZZ_CHECK(before.truth().total_cells() == c.truth().total_cells() && before.truth().day() == c.truth().day());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    reader in(data, size);
    switch (in.u8() % 3u) {
        case 0: run<float, 8, 4>(in); break;
        case 1: run<double, 4, 2>(in); break;
        default: run<q16_16, 8, 4>(in); break;
    }
    return 0;
}
