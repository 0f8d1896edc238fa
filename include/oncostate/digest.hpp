// oncostate: a 64-bit digest of a run, to prove that a replay (or another machine) produced the
// same events and the same final state. The digest is FNV-1a over a canonical byte stream: each
// field goes in as a fixed-width little-endian integer, in a fixed order, so the result does not
// depend on struct layout, padding, word size or byte order. A fixed-point run therefore has the
// same digest on a Cortex-M0, a 32-bit PC and a 64-bit PC. A digest is also an event sink.
#ifndef ONCOSTATE_DIGEST_HPP
#define ONCOSTATE_DIGEST_HPP

#include "config.hpp"
#include "detail/bits.hpp"
#include "events.hpp"
#include "fixed.hpp"
#include "patient.hpp"
#include "sfloat.hpp"
#include "treatment.hpp"

#include <cstdint>  // fixed-width integers

ONCOSTATE_NAMESPACE_BEGIN

class digest {
public:
    static constexpr std::uint64_t offset_basis = 0xcbf29ce484222325u;  // FNV-1a, 64 bits
    static constexpr std::uint64_t prime = 0x100000001b3u;

    // The low `bytes` bytes of v, least significant first.
    constexpr void add(std::uint64_t v, int bytes = 8) noexcept {
        for (int i = 0; i < bytes && i < 8; ++i) {
            h_ = (h_ ^ ((v >> (8 * i)) & 0xFFu)) * prime;
            ++size_;
        }
    }
    constexpr void add_signed(std::int64_t v, int bytes = 8) noexcept { add(static_cast<std::uint64_t>(v), bytes); }

    // Scalars by their exact bits.
    template <int I, int F>
    constexpr void add_real(fixed<I, F> x) noexcept { add_signed(x.raw(), 4); }
    constexpr void add_real(sfloat x) noexcept {
        add(x.negative() ? 1u : 0u, 1);
        add(x.mantissa(), 4);
        add_signed(x.exponent(), 4);
    }
    constexpr void add_real(float x) noexcept { add(detail::bit_cast<std::uint32_t>(x), 4); }
    constexpr void add_real(double x) noexcept { add(detail::bit_cast<std::uint64_t>(x)); }

    // As an event sink: code, clone, genotype, value, lesion.
    constexpr void operator()(const event& e) noexcept {
        add(static_cast<std::uint8_t>(e.code), 1);
        add(e.clone, 1);
        add(e.genotype, 1);
        add(e.value);
        add(e.lesion, 1);
    }

    constexpr std::uint64_t value() const noexcept { return h_; }
    constexpr std::uint64_t bytes() const noexcept { return size_; }  // bytes digested so far

private:
    std::uint64_t h_ = offset_basis;
    std::uint64_t size_ = 0;
};

// One lesion's cells: every clone slot (living or not), the dormancy state and the vasculature.
template <class Scalar, int MaxClones>
constexpr void digest_state(digest& d, const population<Scalar, MaxClones>& pop) noexcept {
    for (int c = 0; c < MaxClones; ++c) {
        const clone& k = pop[c];
        d.add(k.alive, 1);
        d.add(k.genes, 1);
        d.add(k.proliferating);
        d.add(k.dormant);
    }
    d.add(static_cast<std::uint8_t>(pop.dormancy_state()), 1);
    d.add(pop.vascularised() ? 1u : 0u, 1);
    d.add(pop.mutations_not_placed());
}

// The patient's truth: day, outcome, the random stream's position, totals and every lesion slot.
template <class Scalar, int MaxLesions, int MaxClones>
constexpr void digest_state(digest& d, const patient<Scalar, MaxLesions, MaxClones>& pt) noexcept {
    d.add_signed(pt.day(), 4);
    const outcome& o = pt.result();
    d.add_signed(o.death_day, 4);
    d.add(static_cast<std::uint8_t>(o.cause), 1);
    d.add(static_cast<std::uint8_t>(o.failed_organ), 1);
    d.add_signed(o.diagnosis_day, 4);
    for (int i = 0; i < 4; ++i) d.add(pt.rng().state(i), 4);
    d.add(pt.cells_shed());
    d.add(pt.cells_colonised());
    d.add(pt.founders_lost());
    for (int i = 0; i < MaxLesions; ++i) {
        const auto& l = pt[i];
        d.add(l.used, 1);
        if (l.used == 0) continue;
        d.add(static_cast<std::uint8_t>(l.where.where), 1);
        d.add(static_cast<std::uint8_t>(l.where.nodal), 1);
        d.add(static_cast<std::uint8_t>(l.progress.state()), 1);
        d.add(l.detected, 1);
        d.add(l.symptomatic, 1);
        d.add(l.parent, 1);
        d.add(l.invaded, 1);
        d.add_signed(l.founded_day, 4);
        d.add_signed(l.detected_day, 4);
        d.add_real(l.immune.effectors);
        digest_state(d, l.cells);
    }
}

// A patient under care: the truth, then the treatment machine and the record.
template <class Scalar, int MaxLesions, int MaxClones>
constexpr void digest_state(digest& d, const care<Scalar, MaxLesions, MaxClones>& c) noexcept {
    digest_state(d, c.truth());
    d.add(static_cast<std::uint8_t>(c.state()), 1);
    d.add_signed(c.line(), 1);
    const care_record& r = c.record();
    d.add(r.lines_started, 1);
    for (int l = 0; l < max_lines; ++l) {
        d.add_signed(r.line_start[l], 4);
        d.add_signed(r.line_end[l], 4);
        d.add_signed(r.line_progression[l], 4);
        d.add(static_cast<std::uint8_t>(r.line_stop[l]), 1);
        d.add(static_cast<std::uint8_t>(r.line_best[l]), 1);
    }
    d.add_signed(r.drug_days, 4);
    d.add_signed(r.curative_day, 4);
    d.add_signed(r.relapse_day, 4);
}

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_DIGEST_HPP
