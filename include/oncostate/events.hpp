// oncostate: events. Every event has a stable numeric code and a short name, so a device can send
// it over a serial line or map it to an LED. Events reach the caller through a sink: any object
// callable as sink(const event&). No allocation, no virtual call.
#ifndef ONCOSTATE_EVENTS_HPP
#define ONCOSTATE_EVENTS_HPP

#include "config.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

#define ONCOSTATE_EVENT_LIST(X)                                                                   \
    /* population kernel (one lesion) */                                                          \
    X(resistant_clone_appeared, 1)  /* clone: the clone founded; genotype; value: its first cells */  \
    X(clone_extinct, 2)             /* clone; genotype */                                         \
    X(clone_table_full, 3)          /* genotype: the mutant that found no slot; value: cells */   \
    X(lesion_dormant, 4)            /* value: the dormancy kind (dormancy.hpp) */                 \
    X(lesion_woke, 5)               /* value: the dormancy kind that ended */                     \
    X(angiogenic_switch, 6)         /* value: cells at the switch */                              \
    /* patient: the metastatic cascade, one event per step per day (counts aggregated) */         \
    X(invasion, 10)                 /* lesion: the primary broke its basement membrane */         \
    X(cells_shed, 11)               /* value: cells that entered the blood or lymph today */      \
    X(cells_arrested, 12)           /* value: survived circulation and lodged in an organ */      \
    X(cells_extravasated, 13)       /* value: left the vessel */                                  \
    X(cells_colonised, 14)          /* value: founded (or joined) a lesion */                     \
    X(new_lesion, 15)               /* lesion: its slot; value: its organ (site.hpp) */           \
    X(lesion_table_full, 16)        /* value: founders lost today: no lesion slot was free */     \
    X(lesion_eradicated, 17)        /* lesion: every cell gone */                                 \
    X(detection, 18)                /* lesion: first visible on imaging; value: diameter, 0.1 mm */ \
    X(symptom_onset, 19)            /* lesion; value: the symptom (observables.hpp) */            \
    X(stage_change, 20)             /* value: the clinical stage (observables.hpp) */             \
    X(death, 21)                    /* value: the cause (patient.hpp) */                          \
    X(illegal_transition, 22)       /* lesion; value: the requested progression state */          \
    /* treatment (treatment.hpp) */                                                               \
    X(diagnosis, 30)                /* value: the clinical stage */                               \
    X(line_started, 31)             /* value: the line number (1 = first line) */                 \
    X(line_stopped, 32)             /* value: the reason (treatment.hpp: stop_reason) */          \
    X(therapy_paused, 33)           /* value: the line number (adaptive holiday or by hand) */    \
    X(therapy_resumed, 34)          /* value: the line number */                                  \
    X(assessment, 35)               /* value: the RECIST overall response (recist.hpp) */         \
    X(progression, 36)              /* value: the line number on which the disease progressed */  \
    X(local_therapy, 37)            /* lesion: the lesion removed */                              \
    X(surveillance_started, 38)                                                                    \
    X(supportive_care, 39)          /* the lines of therapy are exhausted */                      \
    X(relapse, 40)                  /* value: days since the end of curative treatment */

enum class event_code : std::uint8_t {
#define ONCOSTATE_EVENT_ENUM(name, code) name = (code),
    ONCOSTATE_EVENT_LIST(ONCOSTATE_EVENT_ENUM)
#undef ONCOSTATE_EVENT_ENUM
};

constexpr const char* event_name(event_code c) noexcept {
    switch (c) {
#define ONCOSTATE_EVENT_NAME(name, code) \
    case event_code::name: return #name;
        ONCOSTATE_EVENT_LIST(ONCOSTATE_EVENT_NAME)
#undef ONCOSTATE_EVENT_NAME
    }
    return "unknown_event";
}

struct event {
    event_code code{};
    std::uint8_t clone = 0;     // clone slot, where it applies
    std::uint8_t genotype = 0;  // resistance bitmask, where it applies
    std::uint64_t value = 0;    // see the list above
    std::uint8_t lesion = 0;    // lesion slot (set by the patient; 0 for a lone population)
};

// A sink that drops every event.
struct null_sink {
    constexpr void operator()(const event&) const noexcept {}
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_EVENTS_HPP
