// Coverage: each validate() rejects each bad parameter with its own errc, in float, double and
// sfloat (their comparisons compile to different branches), and the setters' argument checks.
#include <doctest/doctest.h>
#include <oncostate/oncostate.hpp>

#include <limits>

namespace os = oncostate;
using os::errc;

namespace {

template <class R>
os::kernel_params<R> good_kernel() {
    os::kernel_params<R> k;
    k.growth.birth = R(0.14);
    k.growth.death = R(0.13);
    k.dormancy.entry = R(0.01);
    k.dormancy.reactivation = R(0.01);
    k.dormancy.dormant_death = R(0.01);
    return k;
}

template <class R>
void kernel_validation() {
    using K = os::kernel_params<R>;
    CHECK(good_kernel<R>().validate() == errc::ok);
    const auto bad = [](void (*edit)(K&)) {
        K k = good_kernel<R>();
        edit(k);
        return k.validate();
    };
    CHECK(bad([](K& k) { k.growth.birth = R(-0.1); }) == errc::birth_probability_out_of_range);
    CHECK(bad([](K& k) { k.growth.birth = R(1.5); }) == errc::birth_probability_out_of_range);
    CHECK(bad([](K& k) { k.growth.death = R(-0.1); }) == errc::death_probability_out_of_range);
    CHECK(bad([](K& k) { k.growth.death = R(1.5); }) == errc::death_probability_out_of_range);
    CHECK(bad([](K& k) { k.dormancy.entry = R(-0.1); }) == errc::dormancy_entry_out_of_range);
    CHECK(bad([](K& k) { k.dormancy.entry = R(2.0); }) == errc::dormancy_entry_out_of_range);
    CHECK(bad([](K& k) { k.dormancy.reactivation = R(-0.1); }) == errc::reactivation_out_of_range);
    CHECK(bad([](K& k) { k.dormancy.reactivation = R(1.1); }) == errc::reactivation_out_of_range);
    CHECK(bad([](K& k) { k.dormancy.dormant_death = R(-0.1); }) == errc::dormant_death_out_of_range);
    CHECK(bad([](K& k) { k.dormancy.dormant_death = R(1.1); }) == errc::dormant_death_out_of_range);
    CHECK(bad([](K& k) { k.dormancy.angiogenic_switch = R(-0.5); }) == errc::angiogenic_switch_out_of_range);
    CHECK(bad([](K& k) { k.dormancy.angiogenic_switch = R(1.5); }) == errc::angiogenic_switch_out_of_range);
    CHECK(bad([](K& k) { k.dormancy.site_factor = R(-1.0); }) == errc::site_dormancy_factor_invalid);
    CHECK(bad([](K& k) { k.dormancy.stress_factor = R(-1.0); }) == errc::stress_dormancy_factor_invalid);
    // divide + die + enter dormancy (with the site and stress factors) above 1
    CHECK(bad([](K& k) { k.dormancy.entry = R(0.9); }) == errc::cell_fates_exceed_one);
    CHECK(bad([](K& k) {
              k.dormancy.entry = R(0.2);
              k.dormancy.stress_factor = R(3.0);
          }) == errc::cell_fates_exceed_one);
    CHECK(bad([](K& k) {
              k.dormancy.reactivation = R(0.6);
              k.dormancy.dormant_death = R(0.6);
          }) == errc::cell_fates_exceed_one);
    CHECK(bad([](K& k) { k.growth.carrying_capacity = 1; }) == errc::carrying_capacity_invalid);
    CHECK(bad([](K& k) { k.growth.carrying_capacity = os::max_cells + 1; }) == errc::carrying_capacity_invalid);
    CHECK(bad([](K& k) { k.growth.gompertz_reference = os::max_cells + 1; }) == errc::carrying_capacity_invalid);
    CHECK(bad([](K& k) { k.growth.carrying_capacity = 2; }) == errc::ok);
    CHECK(bad([](K& k) { k.dormancy.avascular_cap = 1; }) == errc::avascular_cap_invalid);
    CHECK(bad([](K& k) { k.dormancy.avascular_cap = os::max_cells + 1; }) == errc::avascular_cap_invalid);
    CHECK(bad([](K& k) { k.resistance.instability = R(0.5); }) == errc::instability_multiplier_invalid);
    CHECK(bad([](K& k) { k.resistance.instability = R(2e6); }) == errc::instability_multiplier_invalid);
}

template <class R>
void resistance_validation() {
    os::resistance_model<R> model;
    os::mechanism<R> m;
    m.mutation_probability = R(-0.1);
    CHECK(model.add(m) == errc::mutation_probability_out_of_range);
    m.mutation_probability = R(1.5);
    CHECK(model.add(m) == errc::mutation_probability_out_of_range);
    m.mutation_probability = R(1e-6);
    m.fitness_cost = R(1.0);  // must stay below 1
    CHECK(model.add(m) == errc::fitness_cost_out_of_range);
    m.fitness_cost = R(-0.1);
    CHECK(model.add(m) == errc::fitness_cost_out_of_range);
    m.fitness_cost = R(0.1);
    m.residual[3] = R(1.5);
    CHECK(model.add(m) == errc::residual_efficacy_out_of_range);
    m.residual[3] = R(-0.5);
    CHECK(model.add(m) == errc::residual_efficacy_out_of_range);
    CHECK(model.count() == 0);  // unchanged on error
    m.residual[3] = R(0.0);
    for (int i = 0; i < os::max_mechanisms; ++i) CHECK(model.add(m) == errc::ok);
    CHECK(model.add(m) == errc::too_many_mechanisms);
    CHECK(model.count() == os::max_mechanisms);
    CHECK(model.validate() == errc::ok);
    model.instability = R(1e6);  // the upper bound itself is allowed
    CHECK(model.validate() == errc::ok);
}

template <class R>
void dissemination_validation() {
    using D = os::dissemination_params<R>;
    R D::*fields[] = {&D::shed, &D::survive, &D::arrest, &D::extravasate, &D::colonise, &D::lymphatic, &D::skip, &D::first_bed};
    for (R D::*f : fields) {
        D d;
        CHECK(d.validate() == errc::ok);
        d.*f = R(-0.25);
        CHECK(d.validate() == errc::dissemination_probability_out_of_range);
        d.*f = R(1.25);
        CHECK(d.validate() == errc::dissemination_probability_out_of_range);
        d.*f = R(1.0);
        CHECK(d.validate() == errc::ok);
    }
}

template <class R>
os::patient_params<R> good_patient() {
    os::patient_params<R> p;
    p.primary = good_kernel<R>();
    p.metastasis = good_kernel<R>();
    p.sites[static_cast<int>(os::organ::bone)].tropism = R(1.0);
    return p;
}

template <class R>
void patient_validation() {
    using P = os::patient_params<R>;
    CHECK(good_patient<R>().validate() == errc::ok);
    const auto bad = [](void (*edit)(P&)) {
        P p = good_patient<R>();
        edit(p);
        return p.validate();
    };
    // the kernels and the cascade report their own codes
    CHECK(bad([](P& p) { p.primary.growth.birth = R(2.0); }) == errc::birth_probability_out_of_range);
    CHECK(bad([](P& p) { p.metastasis.growth.death = R(2.0); }) == errc::death_probability_out_of_range);
    CHECK(bad([](P& p) { p.spread.skip = R(2.0); }) == errc::dissemination_probability_out_of_range);
    CHECK(bad([](P& p) { p.invasion = R(-0.5); }) == errc::invasion_out_of_range);
    CHECK(bad([](P& p) { p.invasion = R(1.5); }) == errc::invasion_out_of_range);
    CHECK(bad([](P& p) { p.primary_organ = os::organ::count_; }) == errc::tropism_invalid);
    CHECK(bad([](P& p) { p.sites[3].tropism = R(-1.0); }) == errc::tropism_invalid);
    CHECK(bad([](P& p) { p.sites[3].founder_dormant = R(-0.5); }) == errc::tropism_invalid);
    CHECK(bad([](P& p) { p.sites[3].founder_dormant = R(1.5); }) == errc::tropism_invalid);
    CHECK(bad([](P& p) { p.sites[3].dormancy_factor = R(-1.0); }) == errc::site_dormancy_factor_invalid);
    CHECK(bad([](P& p) { p.sites[static_cast<int>(os::organ::bone)].tropism = R(0.0); }) == errc::tropism_invalid);
    CHECK(bad([](P& p) { p.lethal_cells = 1; }) == errc::lethal_burden_invalid);
    CHECK(bad([](P& p) { p.lethal_cells = os::max_cells + 1; }) == errc::lethal_burden_invalid);
    CHECK(bad([](P& p) { p.clinic.cells_per_cm3 = 0; }) == errc::clinic_parameter_invalid);
    CHECK(bad([](P& p) { p.clinic.imaging_mm = R(0.0); }) == errc::clinic_parameter_invalid);
    CHECK(bad([](P& p) { p.clinic.oligometastatic_lesions = 0; }) == errc::clinic_parameter_invalid);
    CHECK(bad([](P& p) { p.clinic.oligometastatic_organs = 0; }) == errc::clinic_parameter_invalid);
    CHECK(bad([](P& p) { p.immune_on = 2; }) == errc::immune_parameter_invalid);
    CHECK(bad([](P& p) { p.immune.delta = R(-1.0); }) == errc::immune_parameter_invalid);
    CHECK(bad([](P& p) { p.immune_on = 1; }) == errc::ok);
}

template <class R>
void immune_validation() {
    using I = os::immune_params<R>;
    CHECK(I{}.validate() == errc::ok);
    R I::*fields[] = {&I::sigma, &I::rho, &I::eta, &I::mu, &I::delta, &I::alpha, &I::beta, &I::days_per_unit, &I::strength, &I::visibility};
    for (R I::*f : fields) {
        I p;
        p.*f = R(-0.5);
        CHECK(p.validate() == errc::negative_value);
    }
    const auto bad = [](void (*edit)(I&)) {
        I p;
        edit(p);
        return p.validate();
    };
    CHECK(bad([](I& p) { p.days_per_unit = R(0.0); }) == errc::negative_value);
    CHECK(bad([](I& p) { p.cells_per_unit = 0; }) == errc::negative_value);
    CHECK(bad([](I& p) { p.delta = R(0.0); }) == errc::negative_value);   // no resting level sigma / delta
    CHECK(bad([](I& p) { p.delta = -R(0.0); }) == errc::negative_value);
    CHECK(bad([](I& p) { p.visibility = R(1.5); }) == errc::probability_out_of_range);
    CHECK(bad([](I& p) { p.strength = R(100.0); }) == errc::value_too_large);  // rho * strength > 20
    CHECK(bad([](I& p) { p.delta = R(25.0); }) == errc::value_too_large);
    CHECK(bad([](I& p) { p.alpha = R(25.0); }) == errc::value_too_large);
    CHECK(bad([](I& p) { p.cells_per_unit = os::max_cells + 1; }) == errc::value_too_large);
    CHECK(bad([](I& p) { p.alpha = R(20.0); }) == errc::ok);  // the bound itself is allowed
}

template <class R>
void therapy_validation() {
    using T = os::therapy<R>;
    CHECK(T{}.validate() == errc::ok);
    R T::*fields[] = {&T::kill_dividing, &T::kill_all, &T::birth_reduction, &T::toxicity};
    for (R T::*f : fields) {
        T t;
        t.*f = R(-0.1);
        CHECK(t.validate() == errc::therapy_effect_out_of_range);
        t.*f = R(1.1);
        CHECK(t.validate() == errc::therapy_effect_out_of_range);
    }
    const auto bad = [](void (*edit)(T&)) {
        T t;
        edit(t);
        return t.validate();
    };
    CHECK(bad([](T& t) { t.immune_boost = R(-1.0); }) == errc::therapy_effect_out_of_range);
    CHECK(bad([](T& t) { t.column = 7; }) == errc::therapy_effect_out_of_range);  // 7 is the immune response
    CHECK(bad([](T& t) { t.column = 6; }) == errc::ok);
    CHECK(bad([](T& t) { t.cycle_days = 21; }) == errc::therapy_effect_out_of_range);  // no dosing day
    CHECK(bad([](T& t) {
              t.cycle_days = 21;
              t.dosing_days = 22;
          }) == errc::therapy_effect_out_of_range);
    CHECK(bad([](T& t) {
              t.cycle_days = 21;
              t.dosing_days = 21;
          }) == errc::ok);
    CHECK(bad([](T& t) { t.kind = static_cast<os::therapy_class>(6); }) == errc::therapy_effect_out_of_range);
}

template <class R>
os::treatment_plan<R> good_plan() {
    os::treatment_plan<R> plan;
    plan.therapies[0].kind = os::therapy_class::chemotherapy;
    plan.therapies[0].kill_dividing = R(0.3);
    plan.therapy_count = 1;
    plan.lines[0].count = 1;
    plan.line_count = 1;
    return plan;
}

template <class R>
void plan_validation() {
    using P = os::treatment_plan<R>;
    CHECK(good_plan<R>().validate() == errc::ok);
    const auto bad = [](void (*edit)(P&)) {
        P p = good_plan<R>();
        edit(p);
        return p.validate();
    };
    CHECK(bad([](P& p) { p.therapy_count = os::max_plan_therapies + 1; }) == errc::therapy_index_out_of_range);
    CHECK(bad([](P& p) { p.line_count = os::max_lines + 1; }) == errc::therapy_index_out_of_range);
    CHECK(bad([](P& p) { p.assess_days = 0; }) == errc::therapy_index_out_of_range);
    CHECK(bad([](P& p) { p.therapies[0].kill_all = R(2.0); }) == errc::therapy_effect_out_of_range);
    CHECK(bad([](P& p) { p.lines[0].count = 0; }) == errc::therapy_index_out_of_range);
    CHECK(bad([](P& p) { p.lines[0].count = os::max_line_therapies + 1; }) == errc::therapy_index_out_of_range);
    CHECK(bad([](P& p) { p.lines[0].therapy[0] = 1; }) == errc::therapy_index_out_of_range);  // only one therapy
    CHECK(bad([](P& p) { p.pause_below = R(-0.1); }) == errc::therapy_effect_out_of_range);
    CHECK(bad([](P& p) {
              p.pause_below = R(0.8);
              p.resume_at = R(0.5);
          }) == errc::therapy_effect_out_of_range);
    CHECK(bad([](P& p) { p.line_count = 0; }) == errc::ok);  // supportive care only
}

template <class R>
void all_validation() {
    kernel_validation<R>();
    resistance_validation<R>();
    dissemination_validation<R>();
    patient_validation<R>();
    immune_validation<R>();
    therapy_validation<R>();
    plan_validation<R>();
}

}  // namespace

TEST_CASE("coverage: validation, float") { all_validation<float>(); }
TEST_CASE("coverage: validation, double") { all_validation<double>(); }
TEST_CASE("coverage: validation, sfloat") { all_validation<os::sfloat>(); }

TEST_CASE("coverage: NaN parameters are rejected (float and double)") {
    const float nan_f = std::numeric_limits<float>::quiet_NaN();
    const double nan_d = std::numeric_limits<double>::quiet_NaN();
    os::immune_params<float> ip;
    ip.eta = nan_f;
    CHECK(ip.validate() == errc::not_a_number);
    os::immune_params<double> ipd;
    ipd.visibility = nan_d;
    CHECK(ipd.validate() == errc::not_a_number);
    os::kernel_params<double> k = good_kernel<double>();
    k.growth.birth = nan_d;
    CHECK(k.validate() == errc::birth_probability_out_of_range);
    k = good_kernel<double>();
    k.dormancy.site_factor = nan_d;
    CHECK(k.validate() == errc::site_dormancy_factor_invalid);
    os::patient_params<float> p = good_patient<float>();
    p.invasion = nan_f;
    CHECK(p.validate() == errc::invasion_out_of_range);
    p = good_patient<float>();
    p.sites[2].tropism = nan_f;
    CHECK(p.validate() == errc::tropism_invalid);
    os::therapy<float> t;
    t.kill_all = nan_f;
    CHECK(t.validate() == errc::therapy_effect_out_of_range);
    os::treatment_plan<float> plan = good_plan<float>();
    plan.resume_at = nan_f;
    CHECK(plan.validate() == errc::therapy_effect_out_of_range);
}

TEST_CASE("coverage: patient start, add_cells and resect check their arguments") {
    using P = os::patient<float, 4, 2>;
    const os::patient_params<float> p = good_patient<float>();
    P pt;
    os::patient_params<float> broken = p;
    broken.lethal_cells = 0;
    CHECK(pt.start(broken, 1, 0, 10) == errc::lethal_burden_invalid);
    CHECK(pt.start(p, 1, 0, 0) == errc::cell_count_too_large);
    CHECK(pt.start(p, 1, 0, os::max_cells + 1) == errc::cell_count_too_large);
    REQUIRE(pt.start(p, 1, 0, 1000) == errc::ok);
    CHECK(pt.add_cells(-1, 0, 5) == errc::lesion_index_out_of_range);
    CHECK(pt.add_cells(4, 0, 5) == errc::lesion_index_out_of_range);
    CHECK(pt.add_cells(1, 0, 5) == errc::lesion_not_active);  // an empty slot
    CHECK(pt.add_cells(0, 0, os::max_cells + 1) == errc::cell_count_too_large);
    CHECK(pt.add_cells(0, 1, 5) == errc::ok);
    CHECK(pt.add_cells(0, 2, 5) == errc::clone_table_full);  // two clone slots
    CHECK(pt.total_cells() == 1005);
    CHECK(pt.resect(-1) == errc::lesion_index_out_of_range);
    CHECK(pt.resect(4) == errc::lesion_index_out_of_range);
    CHECK(pt.resect(2) == errc::lesion_not_active);
    CHECK(pt.resect(0) == errc::ok);
    CHECK(pt.resect(0) == errc::lesion_not_active);  // already resected
    CHECK(pt.total_cells() == 0);
    CHECK(pt[0].progress.state() == os::progression::resected);
    CHECK(pt[-3].progress.state() == os::progression::resected);  // clamped to slot 0
    CHECK(pt[99].used == 0);                                       // clamped to the last slot
}
