// oncostate: save a patient (or any of the library's state objects) to bytes and restore it.
//
// Format, version 1 (little- or big-endian as the machine that wrote it; the layout check
// refuses a snapshot from a build with another scalar, capacity or object size):
//   bytes 0-3   magic "ONCS"
//   bytes 4-5   format version (1)
//   byte  6     scalar kind (1 float, 2 double, 3 fixed)
//   byte  7     reserved (0)
//   bytes 8-11  size of the state object in bytes
//   bytes 12-15 layout tag (the state type's capacities, chosen by the caller)
//   ...         the state object's bytes
//   last 4      CRC-32 (IEEE 802.3) of everything before it
// Restoring checks size, magic, version, layout and CRC, then the state's own well_formed(), and
// only then overwrites the target: a rejected snapshot leaves it untouched. CRC-32 detects every
// single-byte corruption.
#ifndef ONCOSTATE_SNAPSHOT_HPP
#define ONCOSTATE_SNAPSHOT_HPP

#include "config.hpp"
#include "errc.hpp"
#include "real.hpp"

#include <cstddef>      // std::size_t
#include <cstdint>      // fixed-width integers
#include <type_traits>  // std::is_trivially_copyable

ONCOSTATE_NAMESPACE_BEGIN

constexpr std::uint16_t snapshot_version = 1;
constexpr std::size_t snapshot_header_bytes = 16;

namespace detail {
// CRC-32, reflected polynomial 0xEDB88320, four bits at a time (a 16-entry table in flash).
constexpr std::uint32_t crc32(const std::uint8_t* data, std::size_t n, std::uint32_t crc = 0) noexcept {
    constexpr std::uint32_t table[16] = {0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u,
                                         0x4DB26158u, 0x5005713Cu, 0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
                                         0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu};
    crc = ~crc;
    for (std::size_t i = 0; i < n; ++i) {
        crc = table[(crc ^ data[i]) & 0x0Fu] ^ (crc >> 4);
        crc = table[(crc ^ (static_cast<std::uint32_t>(data[i]) >> 4)) & 0x0Fu] ^ (crc >> 4);
    }
    return ~crc;
}

template <class Scalar>
constexpr std::uint8_t scalar_kind() noexcept {
    if (std::is_same<Scalar, float>::value) return 1;
    if (std::is_same<Scalar, double>::value) return 2;
    return 3;
}

constexpr void put32(std::uint8_t* p, std::uint32_t v) noexcept {
    for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
constexpr std::uint32_t get32(const std::uint8_t* p) noexcept {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

template <class State>
constexpr std::uint32_t layout_tag() noexcept {
    return static_cast<std::uint32_t>(State::max_lesions) << 8 | static_cast<std::uint32_t>(State::lesion_type::max_clones);
}
}  // namespace detail

// Bytes a snapshot of State takes.
template <class State>
constexpr std::size_t snapshot_size() noexcept {
    return snapshot_header_bytes + sizeof(State) + 4;
}

// Writes the snapshot into out[0, capacity); `written` receives its size.
template <class State>
errc save_snapshot(const State& state, std::uint8_t* out, std::size_t capacity, std::size_t& written) noexcept {
    static_assert(std::is_trivially_copyable<State>::value, "oncostate: only trivially copyable state can be saved");
    written = 0;
    if (out == nullptr || capacity < snapshot_size<State>()) return errc::buffer_too_small;
    out[0] = 'O';
    out[1] = 'N';
    out[2] = 'C';
    out[3] = 'S';
    out[4] = static_cast<std::uint8_t>(snapshot_version & 0xFFu);
    out[5] = static_cast<std::uint8_t>(snapshot_version >> 8);
    out[6] = detail::scalar_kind<typename State::scalar>();
    out[7] = 0;
    detail::put32(out + 8, static_cast<std::uint32_t>(sizeof(State)));
    detail::put32(out + 12, detail::layout_tag<State>());
    __builtin_memcpy(out + snapshot_header_bytes, &state, sizeof(State));
    const std::size_t body = snapshot_header_bytes + sizeof(State);
    detail::put32(out + body, detail::crc32(out, body));
    written = body + 4;
    return errc::ok;
}

// Restores `state` from a snapshot; on any error `state` is unchanged.
template <class State>
errc restore_snapshot(State& state, const std::uint8_t* in, std::size_t size) noexcept {
    static_assert(std::is_trivially_copyable<State>::value, "oncostate: only trivially copyable state can be restored");
    if (in == nullptr || size != snapshot_size<State>()) return errc::snapshot_size_mismatch;
    if (in[0] != 'O' || in[1] != 'N' || in[2] != 'C' || in[3] != 'S') return errc::snapshot_bad_magic;
    const std::uint16_t version = static_cast<std::uint16_t>(in[4] | in[5] << 8);
    if (version != snapshot_version) return errc::snapshot_version_unsupported;
    if (in[6] != detail::scalar_kind<typename State::scalar>() || in[7] != 0 ||
        detail::get32(in + 8) != sizeof(State) || detail::get32(in + 12) != detail::layout_tag<State>())
        return errc::snapshot_layout_mismatch;
    const std::size_t body = snapshot_header_bytes + sizeof(State);
    if (detail::crc32(in, body) != detail::get32(in + body)) return errc::snapshot_checksum_mismatch;
    State candidate;
    __builtin_memcpy(&candidate, in + snapshot_header_bytes, sizeof(State));
    if (!candidate.well_formed()) return errc::snapshot_state_invalid;
    state = candidate;
    return errc::ok;
}

ONCOSTATE_NAMESPACE_END

#endif  // ONCOSTATE_SNAPSHOT_HPP
