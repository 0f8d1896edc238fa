// oncostate: the error code every recoverable failure returns.
#ifndef ONCOSTATE_ERRC_HPP
#define ONCOSTATE_ERRC_HPP

#include "config.hpp"

#include <cstdint>  // std::uint8_t

ONCOSTATE_NAMESPACE_BEGIN

// Each code names one problem. Codes are stable: more are only ever appended.
#define ONCOSTATE_ERRC_LIST(X)                                                                   \
    X(ok)                                                                                        \
    X(not_a_number)               /* a NaN where a number was expected */                        \
    X(negative_value)             /* a value that must be >= 0 was negative */                   \
    X(probability_out_of_range)   /* a probability outside [0, 1] */                             \
    X(value_too_large)            /* beyond what the type or the model accepts */                \
    X(empty_weights)              /* a categorical draw over no positive weight */               \
    X(birth_probability_out_of_range)                                                            \
    X(death_probability_out_of_range)                                                            \
    X(dormancy_entry_out_of_range)                                                               \
    X(reactivation_out_of_range)                                                                 \
    X(dormant_death_out_of_range)                                                                \
    X(cell_fates_exceed_one)      /* divide + die + go dormant > 1 for a proliferating cell */   \
    X(carrying_capacity_invalid)  /* K must be 0 (no competition) or >= 2 cells */                \
    X(avascular_cap_invalid)      /* the angiogenic cap must be >= 2 cells */                    \
    X(angiogenic_switch_out_of_range)                                                            \
    X(site_dormancy_factor_invalid)                                                              \
    X(stress_dormancy_factor_invalid)                                                            \
    X(mutation_probability_out_of_range)                                                         \
    X(fitness_cost_out_of_range)                                                                 \
    X(residual_efficacy_out_of_range)                                                            \
    X(instability_multiplier_invalid)                                                            \
    X(too_many_mechanisms)                                                                       \
    X(therapy_index_out_of_range)                                                                \
    X(therapy_effect_out_of_range)                                                               \
    X(clone_index_out_of_range)                                                                  \
    X(clone_table_full)                                                                          \
    X(cell_count_too_large)                                                                      \
    X(illegal_transition)         /* a state machine was asked for a transition its table forbids */ \
    X(dissemination_probability_out_of_range)                                                    \
    X(tropism_invalid)            /* a negative organ weight, or none positive */                 \
    X(invasion_out_of_range)                                                                     \
    X(lethal_burden_invalid)                                                                     \
    X(clinic_parameter_invalid)                                                                  \
    X(immune_parameter_invalid)                                                                  \
    X(lesion_index_out_of_range)                                                                 \
    X(lesion_not_active)          /* the lesion slot is empty, eradicated or resected */          \
    X(patient_dead)                                                                              \
    X(buffer_too_small)                                                                          \
    X(snapshot_size_mismatch)                                                                    \
    X(snapshot_bad_magic)                                                                        \
    X(snapshot_version_unsupported)                                                              \
    X(snapshot_layout_mismatch)   /* built with another scalar type or capacity */                \
    X(snapshot_checksum_mismatch)                                                                \
    X(snapshot_state_invalid)     /* the checksum matches but a field is out of range */         \
    X(growth_variability_invalid) /* a between-patient coefficient of variation outside [0, 4] */

// Each code names one problem. Codes are stable: more are only ever appended.
enum class errc : std::uint8_t {
#define ONCOSTATE_ERRC_ENUM(name) name,
    ONCOSTATE_ERRC_LIST(ONCOSTATE_ERRC_ENUM)
#undef ONCOSTATE_ERRC_ENUM
    count_
};

// A short, stable name for the code, for logs and serial lines.
constexpr const char* error_name(errc e) noexcept {
    switch (e) {
#define ONCOSTATE_ERRC_NAME(name) \
    case errc::name: return #name;
        ONCOSTATE_ERRC_LIST(ONCOSTATE_ERRC_NAME)
#undef ONCOSTATE_ERRC_NAME
        case errc::count_: break;
    }
    return "unknown_error";
}

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_ERRC_HPP
