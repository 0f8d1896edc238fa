// oncostate: the dormancy machine.
//
// Which dormancy, if any, holds a lesion:
//   cellular    most of its cells are quiescent (they neither divide nor mutate, and therapies that
//               kill dividing cells miss them);
//   angiogenic  an avascular lesion stalled near its cap of about 1e6 cells (0.2-2 mm; Folkman,
//               JNCI 2000;92:94) until the angiogenic switch;
//   immune      held by the immune response (Kuznetsov et al., Bull Math Biol 1994;56:295), set by
//               the lesion layer.
// The machine is a table of allowed transitions; the population kernel classifies a lesion each
// day and moves the machine, emitting lesion_dormant / lesion_woke events.
#ifndef ONCOSTATE_DORMANCY_HPP
#define ONCOSTATE_DORMANCY_HPP

#include "config.hpp"
#include "errc.hpp"
#include "real.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

enum class dormancy : std::uint8_t { none = 0, cellular = 1, angiogenic = 2, immune = 3 };
constexpr int dormancy_state_count = 4;

constexpr const char* dormancy_name(dormancy d) noexcept {
    switch (d) {
        case dormancy::none: return "none";
        case dormancy::cellular: return "cellular";
        case dormancy::angiogenic: return "angiogenic";
        case dormancy::immune: return "immune";
    }
    return "unknown";
}

class dormancy_machine {
public:
    // allowed[from][to]. Every kind of dormancy can start or end, and one kind can give way to
    // another (a stalled avascular lesion whose cells then turn quiescent); staying is no transition.
    static constexpr bool allowed[dormancy_state_count][dormancy_state_count] = {
        //            none   cellular angiogenic immune
        /* none */ {false, true, true, true},
        /* cell */ {true, false, true, true},
        /* angio*/ {true, true, false, true},
        /* immun*/ {true, true, true, false},
    };

    constexpr dormancy state() const noexcept { return state_; }
    constexpr bool dormant() const noexcept { return state_ != dormancy::none; }

    // Moves to `to`; an illegal request returns illegal_transition and changes nothing.
    constexpr errc transition(dormancy to) noexcept {
        const int f = static_cast<int>(state_), t = static_cast<int>(to);
        if (t < 0 || t >= dormancy_state_count || !allowed[f][t]) return errc::illegal_transition;
        state_ = to;
        return errc::ok;
    }

private:
    dormancy state_ = dormancy::none;
};

// Cellular and angiogenic dormancy parameters of one lesion. Probabilities are per cell per day.
template <class R>
struct dormancy_params {
    using k = real_const<R>;
    R entry = k::zero;          // a proliferating cell becomes quiescent
    R reactivation = k::zero;   // a quiescent cell resumes dividing
    R dormant_death = k::zero;  // a quiescent cell dies
    R site_factor = k::one;     // multiplies entry (bone marrow high); >= 0
    R stress_factor = k::zero;  // entry is multiplied by (1 + stress_factor) on therapy days; >= 0
    std::uint64_t avascular_cap = 1000000;  // cells an avascular lesion can reach (Folkman 2000)
    R angiogenic_switch = k::zero;          // daily probability once at the cap
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_DORMANCY_HPP
