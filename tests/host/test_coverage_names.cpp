// Coverage: every name function over every value and one value out of range, and the
// site -> symptom and primary -> first capillary bed maps.
#include <doctest/doctest.h>
#include <oncostate/oncostate.hpp>

#include <cstring>
#include <set>
#include <string>

namespace os = oncostate;

TEST_CASE("coverage: error_name names each errc by its own identifier, distinct, and unknown beyond") {
    std::set<std::string> seen;
    const int n = static_cast<int>(os::errc::count_);
    CHECK(n >= 44);
    for (int i = 0; i < n; ++i) {
        const char* name = os::error_name(static_cast<os::errc>(i));
        REQUIRE(name != nullptr);
        CHECK(std::strcmp(name, "unknown_error") != 0);
        CHECK(seen.insert(name).second);  // no two codes share a name
    }
    CHECK(std::strcmp(os::error_name(os::errc::ok), "ok") == 0);
    CHECK(std::strcmp(os::error_name(os::errc::not_a_number), "not_a_number") == 0);
    CHECK(std::strcmp(os::error_name(os::errc::illegal_transition), "illegal_transition") == 0);
    CHECK(std::strcmp(os::error_name(os::errc::snapshot_state_invalid), "snapshot_state_invalid") == 0);
    CHECK(std::strcmp(os::error_name(os::errc::count_), "unknown_error") == 0);
    CHECK(std::strcmp(os::error_name(static_cast<os::errc>(250)), "unknown_error") == 0);
}

template <class E, class F>
static void check_names(F name_of, int count, const char* first, const char* unknown = "unknown") {
    std::set<std::string> seen;
    for (int i = 0; i < count; ++i) {
        const char* s = name_of(static_cast<E>(i));
        REQUIRE(s != nullptr);
        CHECK(std::strcmp(s, unknown) != 0);
        CHECK(seen.insert(s).second);
    }
    CHECK(std::strcmp(name_of(static_cast<E>(0)), first) == 0);
    CHECK(std::strcmp(name_of(static_cast<E>(count)), unknown) == 0);
    CHECK(std::strcmp(name_of(static_cast<E>(200)), unknown) == 0);
}

TEST_CASE("coverage: enum names are distinct and fall back to unknown") {
    check_names<os::symptom>([](os::symptom s) { return os::symptom_name(s); }, 9, "none");
    check_names<os::stage>([](os::stage s) { return os::stage_name(s); }, 4, "none");
    check_names<os::organ>([](os::organ o) { return os::organ_name(o); }, os::organ_count, "breast");
    check_names<os::progression>([](os::progression p) { return os::progression_name(p); },
                                 os::progression_state_count, "in_situ");
    check_names<os::response>([](os::response r) { return os::response_name(r); }, 7, "CR");
    check_names<os::response>([](os::response r) { return os::response_long_name(r); }, 7, "complete response");
    check_names<os::therapy_class>([](os::therapy_class c) { return os::therapy_class_name(c); }, 6, "chemotherapy");
    check_names<os::care_state>([](os::care_state s) { return os::care_state_name(s); }, os::care_state_count,
                                "untreated");
    check_names<os::stop_reason>([](os::stop_reason r) { return os::stop_reason_name(r); }, 6, "none");
    check_names<os::death_cause>([](os::death_cause c) { return os::death_cause_name(c); }, 3, "none");
    check_names<os::dormancy>([](os::dormancy d) { return os::dormancy_name(d); }, os::dormancy_state_count, "none");
    CHECK(std::strcmp(os::response_name(os::response::not_applicable), "NA") == 0);
    CHECK(std::strcmp(os::response_long_name(os::response::pd), "progressive disease") == 0);
}

TEST_CASE("coverage: site_symptom follows the organ, the node and the primary") {
    using os::organ;
    using os::symptom;
    const auto at = [](organ o) { return os::site{o, os::node::none}; };
    CHECK(os::site_symptom(at(organ::bone), organ::breast) == symptom::bone_pain);
    CHECK(os::site_symptom(at(organ::lung), organ::breast) == symptom::breathlessness);
    CHECK(os::site_symptom(at(organ::liver), organ::breast) == symptom::jaundice);
    CHECK(os::site_symptom(at(organ::brain), organ::breast) == symptom::headache);
    CHECK(os::site_symptom(at(organ::peritoneum), organ::breast) == symptom::abdominal_swelling);
    CHECK(os::site_symptom(at(organ::adrenal), organ::breast) == symptom::flank_pain);
    CHECK(os::site_symptom(at(organ::skin), organ::breast) == symptom::local_mass);  // no organ-specific symptom
    CHECK(os::site_symptom(at(organ::lung), organ::lung) == symptom::local_mass);     // the primary itself
    CHECK(os::site_symptom(os::site{organ::lymph_node, os::node::regional}, organ::breast) == symptom::palpable_node);
    CHECK(os::site_symptom(os::site{organ::liver, os::node::distant}, organ::liver) == symptom::palpable_node);
}

TEST_CASE("coverage: the first capillary bed is the liver for the gut, none for the lung, else the lung") {
    using os::organ;
    CHECK(os::first_capillary_bed(organ::colon) == organ::liver);
    CHECK(os::first_capillary_bed(organ::pancreas) == organ::liver);
    CHECK(os::first_capillary_bed(organ::stomach) == organ::liver);
    CHECK(os::first_capillary_bed(organ::lung) == organ::count_);
    CHECK(os::first_capillary_bed(organ::breast) == organ::lung);
    CHECK(os::first_capillary_bed(organ::kidney) == organ::lung);
}

TEST_CASE("coverage: remission_name for CR, PR, nothing visible and the rest") {
    os::recist_assessment a;
    a.overall = os::response::cr;
    CHECK(std::string(os::remission_name(a)) == "complete remission");
    a.overall = os::response::pr;
    CHECK(std::string(os::remission_name(a)) == "partial remission");
    a.overall = os::response::ne;
    a.no_evidence_of_disease = true;
    CHECK(std::string(os::remission_name(a)) == "no evidence of disease");
    a.no_evidence_of_disease = false;
    a.overall = os::response::sd;
    CHECK(std::string(os::remission_name(a)) == "no remission");
}

TEST_CASE("coverage: recist_overall_response follows tables 4 and 5 of RECIST 1.1") {
    using os::response;
    const auto o = [](response t, response nt, bool nl) { return os::recist_overall_response(t, nt, nl); };
    CHECK(o(response::cr, response::cr, true) == response::pd);
    CHECK(o(response::sd, response::pd, false) == response::pd);
    CHECK(o(response::pd, response::cr, false) == response::pd);
    CHECK(o(response::not_applicable, response::not_applicable, false) == response::ne);
    CHECK(o(response::not_applicable, response::non_cr_non_pd, false) == response::non_cr_non_pd);
    CHECK(o(response::not_applicable, response::cr, false) == response::cr);
    CHECK(o(response::ne, response::cr, false) == response::ne);
    CHECK(o(response::cr, response::cr, false) == response::cr);
    CHECK(o(response::cr, response::not_applicable, false) == response::cr);
    CHECK(o(response::cr, response::non_cr_non_pd, false) == response::pr);
    CHECK(o(response::cr, response::ne, false) == response::pr);
    CHECK(o(response::pr, response::ne, false) == response::pr);
    CHECK(o(response::sd, response::non_cr_non_pd, false) == response::sd);
}
