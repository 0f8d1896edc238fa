// Snapshot restore from arbitrary bytes.
//
// Input: a selector byte, then bytes. Selector bit 7 clear: the bytes go to restore_snapshot()
// as they are (header, checksum and size checks). Bit 7 set: the bytes become the state object
// and the harness writes a correct header and CRC-32 around them, so the state's own
// well_formed() is what decides; an accepted state is then stepped for a few days (bits 3-6)
// with valid parameters. Bits 0-2 pick the state type (patient or care; fixed, float, double).
//
// Checks: a refused snapshot leaves the target byte for byte unchanged and names a snapshot
// error; an accepted one saves and restores again, and steps without UB, keeping the state well
// formed and its counts and machines in range.
#include "fuzz_common.hpp"

namespace {

using namespace oncostate;
using fuzz::reader;

bool snapshot_error(errc e) {
    return e == errc::snapshot_size_mismatch || e == errc::snapshot_bad_magic || e == errc::snapshot_version_unsupported ||
           e == errc::snapshot_layout_mismatch || e == errc::snapshot_checksum_mismatch ||
           e == errc::snapshot_state_invalid;
}

template <class R>
const patient_params<R>& params() {
    static const patient_params<R> p = preset<R>(cancer::breast_triple_negative);
    return p;
}
template <class R>
const treatment_plan<R>& plan() {
    static const treatment_plan<R> t = standard_plan<R>(cancer::breast_triple_negative);
    return t;
}

template <class Scalar, int L, int C>
void step_days(patient<Scalar, L, C>& pt, int days) {
    std::uint32_t events = 0;
    for (int d = 0; d < days && pt.alive(); ++d) {
        pt.step(params<real_t<Scalar>>(), fuzz::checking_sink<L>{&events});
        fuzz::check_patient(pt, false);
    }
    fuzz::check_view(pt, params<real_t<Scalar>>());
}
template <class Scalar, int L, int C>
void step_days(care<Scalar, L, C>& c, int days) {
    std::uint32_t events = 0;
    for (int d = 0; d < days && c.truth().alive(); ++d) {
        c.step(params<real_t<Scalar>>(), plan<real_t<Scalar>>(), fuzz::checking_sink<L>{&events});
        fuzz::check_care(c, false);
    }
    fuzz::check_view(c.truth(), params<real_t<Scalar>>());
}
template <class Scalar, int L, int C>
void check_state(const patient<Scalar, L, C>& pt) {
    fuzz::check_patient(pt, false);
}
template <class Scalar, int L, int C>
void check_state(const care<Scalar, L, C>& c) {
    fuzz::check_care(c, false);
}

template <class Scalar, int L, int C>
errc prime(patient<Scalar, L, C>& pt) {
    const errc e = pt.start(params<real_t<Scalar>>(), 5, 1, 1000000);
    for (int d = 0; d < 30 && e == errc::ok; ++d) pt.step(params<real_t<Scalar>>());
    return e;
}
template <class Scalar, int L, int C>
errc prime(care<Scalar, L, C>& c) {
    const errc e = c.start(params<real_t<Scalar>>(), plan<real_t<Scalar>>(), 5, 1, 100000000);
    for (int d = 0; d < 30 && e == errc::ok; ++d) c.step(params<real_t<Scalar>>(), plan<real_t<Scalar>>());
    return e;
}

template <class State>
void run(std::uint8_t selector, reader& in) {
    constexpr std::size_t size = snapshot_size<State>();
    static std::uint8_t buf[size + 64];
    static State target;
    static State before;
    static bool primed = false;
    if (!primed) {  // a non-trivial target so that "unchanged" means something
        FUZZ_CHECK(prime(target) == errc::ok);
        primed = true;
    }
    std::size_t n = 0;
    if ((selector & 0x80u) == 0) {
        n = in.left() < sizeof buf ? in.left() : sizeof buf;
        in.bytes(buf, n);
    } else {
        n = size;
        const std::size_t body = snapshot_header_bytes + sizeof(State);
        std::memset(buf, 0, sizeof buf);
        std::size_t w = 0;
        FUZZ_CHECK(save_snapshot(target, buf, sizeof buf, w) == errc::ok && w == size);
        in.bytes(buf + snapshot_header_bytes, sizeof(State));
        detail::put32(buf + body, detail::crc32(buf, body));
    }
    fuzz::copy_bytes(before, target);
    const errc e = restore_snapshot(target, buf, n);
    if (e != errc::ok) {
        FUZZ_CHECK(snapshot_error(e));
        FUZZ_CHECK(fuzz::same_bytes(before, target));
        return;
    }
    FUZZ_CHECK(n == size);
    // an accepted state saves and restores again (padding bytes may differ, so no byte compare)
    static std::uint8_t again[size];
    std::size_t w = 0;
    FUZZ_CHECK(save_snapshot(target, again, sizeof again, w) == errc::ok && w == size);
    fuzz::copy_bytes(before, target);
    FUZZ_CHECK(restore_snapshot(before, again, w) == errc::ok);
    check_state(target);
    step_days(target, (selector >> 3) & 15);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    reader in(data, size);
    const std::uint8_t selector = in.u8();
    switch (selector & 7u) {
        case 0: run<patient<q16_16, 16, 4>>(selector, in); break;
        case 1: run<patient<float, 4, 2>>(selector, in); break;
        case 2: run<patient<double, 4, 2>>(selector, in); break;
        case 3: run<care<q16_16, 4, 2>>(selector, in); break;
        case 4: run<care<float, 8, 4>>(selector, in); break;
        default: run<care<double, 4, 2>>(selector, in); break;
    }
    return 0;
}
