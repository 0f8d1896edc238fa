// Writes the seed corpus of the fuzz targets: build/fuzz/fuzz_make_corpus tests/fuzz/corpus
// Each seed follows its target's input format (see the comment at the top of each target).
#include <oncostate/oncostate.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

using namespace oncostate;
using bytes = std::vector<std::uint8_t>;

void u8(bytes& b, unsigned v) { b.push_back(static_cast<std::uint8_t>(v)); }
void u16(bytes& b, unsigned v) {
    u8(b, v & 0xFFu);
    u8(b, (v >> 8) & 0xFFu);
}
void u32(bytes& b, std::uint32_t v) {
    u16(b, v & 0xFFFFu);
    u16(b, v >> 16);
}
void power_of_ten(bytes& b, unsigned k) {  // count_value mode 4
    u8(b, 4);
    u8(b, k);
}

bool write(const char* dir, const char* target, const char* name, const bytes& b) {
    char path[512];
    std::snprintf(path, sizeof path, "%s/%s/%s", dir, target, name);
    std::FILE* f = std::fopen(path, "wb");
    if (f == nullptr) {
        std::fprintf(stderr, "cannot write %s (does the directory exist?)\n", path);
        return false;
    }
    const bool ok = std::fwrite(b.data(), 1, b.size(), f) == b.size();
    return std::fclose(f) == 0 && ok;
}

bool params_seeds(const char* dir) {
    bool ok = true;
    char name[64];
    for (unsigned scalar = 0; scalar < 3; ++scalar) {
        for (unsigned base = 0; base <= static_cast<unsigned>(cancer_count); ++base) {
            bytes b;
            u8(b, scalar);
            u8(b, base);
            power_of_ten(b, base % 2 ? 8 : 5);  // 1e8 cells: diagnosed at once
            u32(b, 1000 + base);
            u8(b, 30);
            if (base == 2) {  // edits: the immune model on, adaptive strategy
                u8(b, 30 + 8 + 5 + 10 + 9 + 8);
                u8(b, 1);
                u8(b, 71 + 11 + 3);  // param_fields + plan field 14: the strategy
                u8(b, 1);
            }
            std::snprintf(name, sizeof name, "s%u_base%u", scalar, base);
            ok = write(dir, "params", name, b) && ok;
        }
    }
    return ok;
}

template <class R>
const patient_params<R>& snapshot_params() {
    static const patient_params<R> p = preset<R>(cancer::breast_triple_negative);
    return p;
}

// One state of type State after `days` days, in both snapshot input modes.
template <class State>
bool snapshot_pair(const char* dir, unsigned type, int days, std::uint64_t founder) {
    using R = typename State::real;
    static State s;
    const patient_params<R>& p = snapshot_params<R>();
    const treatment_plan<R> plan = standard_plan<R>(cancer::breast_triple_negative);
    if constexpr (std::is_same<State, care<typename State::scalar, State::max_lesions, State::lesion_type::max_clones>>::value) {
        if (s.start(p, plan, 11, type, founder) != errc::ok) return false;
        for (int d = 0; d < days; ++d) s.step(p, plan);
    } else {
        if (s.start(p, 11, type, founder) != errc::ok) return false;
        for (int d = 0; d < days; ++d) s.step(p);
    }
    bytes raw(1 + snapshot_size<State>());
    raw[0] = static_cast<std::uint8_t>(type);
    std::size_t written = 0;
    if (save_snapshot(s, raw.data() + 1, raw.size() - 1, written) != errc::ok) return false;
    bytes body(1 + sizeof(State));
    body[0] = static_cast<std::uint8_t>(0x80u | (4u << 3) | type);  // fixed-up checksum, 4 days
    std::memcpy(body.data() + 1, &s, sizeof(State));
    char name[64];
    std::snprintf(name, sizeof name, "t%u_day%d_raw", type, days);
    bool ok = write(dir, "snapshot", name, raw);
    std::snprintf(name, sizeof name, "t%u_day%d_body", type, days);
    return write(dir, "snapshot", name, body) && ok;
}

bool snapshot_seeds(const char* dir) {
    bool ok = true;
    ok = snapshot_pair<patient<q16_16, 16, 4>>(dir, 0, 200, 100000000) && ok;
    ok = snapshot_pair<patient<float, 4, 2>>(dir, 1, 60, 1000000) && ok;
    ok = snapshot_pair<patient<double, 4, 2>>(dir, 2, 60, 100000000) && ok;
    ok = snapshot_pair<care<q16_16, 4, 2>>(dir, 3, 90, 100000000) && ok;
    ok = snapshot_pair<care<float, 8, 4>>(dir, 4, 120, 1000000000) && ok;
    ok = snapshot_pair<care<double, 4, 2>>(dir, 5, 70, 100000000) && ok;
    // the header alone, and a wrong size
    bytes header = {0, 'O', 'N', 'C', 'S', 1, 0, 3, 0};
    ok = write(dir, "snapshot", "header_only", header) && ok;
    return ok;
}

// recist_lesion as fuzz_recist reads it: flag bits, id, organ, size (mode 5: a raw u16).
void lesion(bytes& b, unsigned id, organ where, unsigned size, bool nodal = false, bool missing = false, bool fresh = false) {
    u8(b, (nodal ? 1u : 0u) | (missing ? 6u : 0u) | (fresh ? 24u : 0u));
    u8(b, id);
    u8(b, static_cast<unsigned>(where));
    u8(b, 5);
    u16(b, size);
}

bool recist_seeds(const char* dir) {
    bool ok = true;
    char name[64];
    const unsigned sizes[][3] = {{420, 180, 0}, {250, 90, 1}, {600, 90, 0}, {0, 50, 0}};
    for (unsigned sel = 0; sel < 3; ++sel) {
        for (unsigned confirm = 0; confirm < 2; ++confirm) {
            bytes b;
            u8(b, sel);
            u8(b, 42);
            u8(b, confirm);
            u8(b, 28);
            // baseline: a liver lesion, a node, a non-measurable bone lesion
            u8(b, 0);
            u8(b, 3);
            lesion(b, 1, organ::liver, 420);
            lesion(b, 2, organ::lymph_node, 180, true);
            lesion(b, 3, organ::bone, 0, false, true);
            u8(b, 0);  // day 0
            for (unsigned scan = 1; scan < 4; ++scan) {
                u8(b, 1);
                u8(b, 3);
                lesion(b, 1, organ::liver, sizes[scan][0]);
                lesion(b, 2, organ::lymph_node, sizes[scan][1], true);
                lesion(b, 3, organ::bone, sizes[scan][2]);
                u8(b, 56);
            }
            u8(b, 1);  // a new lesion
            u8(b, 4);
            lesion(b, 1, organ::liver, 300);
            lesion(b, 2, organ::lymph_node, 80, true);
            lesion(b, 3, organ::bone, 1);
            lesion(b, 9, organ::brain, 120, false, false, true);
            u8(b, 56);
            std::snprintf(name, sizeof name, "sel%u_confirm%u", sel, confirm);
            ok = write(dir, "recist", name, b) && ok;
        }
    }
    return ok;
}

bool treatment_seeds(const char* dir) {
    bool ok = true;
    char name[64];
    for (unsigned scalar = 0; scalar < 2; ++scalar) {
        for (unsigned type = 0; type < static_cast<unsigned>(cancer_count); ++type) {
            bytes b;
            u8(b, scalar);
            u8(b, type);
            u8(b, type % 4u);  // plan bits: adaptive, curative_local
            power_of_ten(b, 8 + type % 3u);
            u32(b, 7 + type);
            u8(b, 0);
            // a day of automatic care, a line by hand, a pause, days, resume, stop, local therapy
            const unsigned cmds[][2] = {{1, 3}, {2, 1}, {0, 10}, {3, 0}, {0, 5}, {4, 0}, {2, 2}, {6, 0},
                                        {7, 1}, {8, 0}, {9, 0}, {1, 15}, {5, 0}, {0, 8}};
            for (const auto& c : cmds) {
                u8(b, c[0]);
                if (c[0] <= 2 || c[0] == 7) u8(b, c[1]);
                if (c[0] == 8) {  // lesion 0, genotype 1, 1e6 + 0 cells
                    u8(b, 0);
                    u8(b, 1);
                    power_of_ten(b, 6);
                    u8(b, 0);
                }
            }
            std::snprintf(name, sizeof name, "s%u_cancer%u", scalar, type);
            ok = write(dir, "treatment", name, b) && ok;
        }
    }
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR (with params/, snapshot/, recist/, treatment/ inside)\n", argv[0]);
        return 2;
    }
    const bool ok = params_seeds(argv[1]) && snapshot_seeds(argv[1]) && recist_seeds(argv[1]) && treatment_seeds(argv[1]);
    return ok ? 0 : 1;
}
