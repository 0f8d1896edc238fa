// oncostate: where a lesion grows. An organ, and whether the lesion is in a lymph node
// (regional, the primary's draining node; or distant).
#ifndef ONCOSTATE_SITE_HPP
#define ONCOSTATE_SITE_HPP

#include "config.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

// Primary organs first, then the organs metastases favour (MODEL_SPEC section 4).
enum class organ : std::uint8_t {
    breast, prostate, colon, lung, skin, pancreas, stomach, kidney, testis,  // primaries
    bone, liver, brain, adrenal, peritoneum, lymph_node,                     // metastatic sites
    count_
};
constexpr int organ_count = static_cast<int>(organ::count_);
static_assert(organ_count <= 32, "oncostate: sets of organs are 32-bit masks");

constexpr const char* organ_name(organ o) noexcept {
    switch (o) {
        case organ::breast: return "breast";
        case organ::prostate: return "prostate";
        case organ::colon: return "colon";
        case organ::lung: return "lung";
        case organ::skin: return "skin";
        case organ::pancreas: return "pancreas";
        case organ::stomach: return "stomach";
        case organ::kidney: return "kidney";
        case organ::testis: return "testis";
        case organ::bone: return "bone";
        case organ::liver: return "liver";
        case organ::brain: return "brain";
        case organ::adrenal: return "adrenal";
        case organ::peritoneum: return "peritoneum";
        case organ::lymph_node: return "lymph_node";
        case organ::count_: break;
    }
    return "unknown";
}

enum class node : std::uint8_t { none = 0, regional = 1, distant = 2 };

struct site {
    organ where = organ::breast;
    node nodal = node::none;

    constexpr bool is_node() const noexcept { return nodal != node::none; }
    friend constexpr bool operator==(site a, site b) noexcept { return a.where == b.where && a.nodal == b.nodal; }
    friend constexpr bool operator!=(site a, site b) noexcept { return !(a == b); }
};

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_SITE_HPP
