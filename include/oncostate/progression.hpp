// oncostate: the progression machine, one per lesion: where the lesion stands in the metastatic
// cascade (Fidler, Nat Rev Cancer 2003; MODEL_SPEC section 4).
//
//   primary:     in_situ -> invasive (breaks the basement membrane; sheds cells)
//   metastasis:  micrometastasis (founded, avascular, below imaging) -> dormant <-> growing
//                -> vascularised
//   both:        -> detectable (visible on imaging) -> symptomatic, and back down as they shrink;
//                any -> eradicated (every cell gone) or resected (removed by local therapy).
// The allowed transitions are a table; a request outside it returns errc::illegal_transition and
// changes nothing.
#ifndef ONCOSTATE_PROGRESSION_HPP
#define ONCOSTATE_PROGRESSION_HPP

#include "config.hpp"
#include "errc.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

enum class progression : std::uint8_t {
    in_situ,
    invasive,
    micrometastasis,
    dormant,
    growing,
    vascularised,
    detectable,
    symptomatic,
    eradicated,
    resected,
    count_
};
constexpr int progression_state_count = static_cast<int>(progression::count_);

constexpr const char* progression_name(progression p) noexcept {
    switch (p) {
        case progression::in_situ: return "in_situ";
        case progression::invasive: return "invasive";
        case progression::micrometastasis: return "micrometastasis";
        case progression::dormant: return "dormant";
        case progression::growing: return "growing";
        case progression::vascularised: return "vascularised";
        case progression::detectable: return "detectable";
        case progression::symptomatic: return "symptomatic";
        case progression::eradicated: return "eradicated";
        case progression::resected: return "resected";
        case progression::count_: break;
    }
    return "unknown";
}

namespace detail {
constexpr std::uint16_t bit(progression p) noexcept { return static_cast<std::uint16_t>(1u << static_cast<unsigned>(p)); }
}  // namespace detail

class progression_machine {
    static constexpr std::uint16_t ends = detail::bit(progression::eradicated) | detail::bit(progression::resected);
    // NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): a constant pointer to a function
    static constexpr std::uint16_t (*bit)(progression) noexcept = detail::bit;

public:
    // allowed_from[s]: the states reachable from s in one transition.
    static constexpr std::uint16_t allowed_from[progression_state_count] = {
        /* in_situ */ bit(progression::invasive) | bit(progression::detectable) | ends,
        /* invasive */ bit(progression::detectable) | bit(progression::symptomatic) | ends,
        /* micrometastasis */ bit(progression::dormant) | bit(progression::growing) | bit(progression::vascularised) | ends,
        /* dormant */ bit(progression::growing) | bit(progression::vascularised) | ends,
        /* growing */ bit(progression::dormant) | bit(progression::vascularised) | ends,
        /* vascularised */ bit(progression::dormant) | bit(progression::detectable) | bit(progression::symptomatic) | ends,
        /* detectable */ bit(progression::in_situ) | bit(progression::invasive) | bit(progression::vascularised) |
            bit(progression::dormant) | bit(progression::symptomatic) | ends,
        /* symptomatic */ bit(progression::in_situ) | bit(progression::invasive) | bit(progression::detectable) |
            bit(progression::vascularised) | ends,
        /* eradicated */ 0,
        /* resected */ 0,
    };

    static constexpr bool allowed(progression from, progression to) noexcept {
        const int f = static_cast<int>(from), t = static_cast<int>(to);
        return f >= 0 && f < progression_state_count && t >= 0 && t < progression_state_count &&
               (allowed_from[f] & (1u << t)) != 0;
    }

    constexpr progression_machine() noexcept = default;
    constexpr explicit progression_machine(progression start) noexcept : state_(start) {}

    constexpr progression state() const noexcept { return state_; }
    constexpr bool ended() const noexcept { return state_ == progression::eradicated || state_ == progression::resected; }

    constexpr errc transition(progression to) noexcept {
        if (!allowed(state_, to)) return errc::illegal_transition;
        state_ = to;
        return errc::ok;
    }

private:
    progression state_ = progression::in_situ;
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_PROGRESSION_HPP
