// demo: one teaching scenario told as a timeline a student can follow -- what the clinic sees next
// to what is really happening -- and an SVG chart of every lesion's burden (svg.hpp).
//
//   demo [--scenario NAME | --preset NAME] [--seed N] [--scalar float|double|fixed] [--days N]
//        [--founder N] [--svg FILE] [--csv FILE] [--quiet] [--list] [--help]
//
// For education and research only: not a prediction for any patient.
#include <oncostate/oncostate.hpp>

#include "svg.hpp"

#include <cinttypes>  // PRIu64
#include <cmath>      // std::log10
#include <cstdint>    // fixed-width integers
#include <cstdio>     // std::printf
#include <cstdlib>    // std::strtoull
#include <cstring>    // std::strcmp
#include <string>
#include <vector>

namespace os = oncostate;

namespace {

constexpr int max_lesions = 16;
constexpr int max_clones = 4;
constexpr std::uint64_t preset_founder_cells = 20000000;  // a primary of 2e7 cells (about 3 mm) at day 0
constexpr int preset_days = 3650;
constexpr std::uint64_t matters_cells = 1000000;  // a lesion whose hidden life the timeline tells
constexpr std::uint64_t drawn_cells = 1000;       // a lesion the chart draws

// --- options -------------------------------------------------------------------------------

struct options {
    const os::scenario* story = &os::scenarios[0];
    bool use_preset = false;
    os::cancer type = os::cancer::breast_hr_positive;
    bool seed_given = false;
    std::uint64_t seed = 1;
    std::string scalar = "fixed";
    int days = 0;  // 0: the scenario's own length
    std::uint64_t founder = 0;  // 0: the scenario's own primary
    std::string svg = "demo.svg";
    std::string csv;
    bool quiet = false;
};

void usage(std::FILE* to) {
    std::fprintf(to,
                 "usage: demo [options]\n"
                 "Tells one simulated patient's story: what the clinic sees, and what is really happening.\n"
                 "For education and research only; not a prediction for any patient.\n\n"
                 "  --scenario NAME   a teaching scenario (default: %s); see --list\n"
                 "  --preset NAME     a cancer type with its standard lines of therapy instead of a scenario\n"
                 "  --seed N          random seed (default: the scenario's own, or 1 for a preset)\n"
                 "  --scalar TYPE     float, double or fixed (Q16.16, bit-identical on every platform; default)\n"
                 "  --days N          days to simulate, 1 to 36500 (default: the scenario's length, or %d)\n"
                 "  --founder N       cells of the primary at day 0 (default: the scenario's, or 2e7 for a preset)\n"
                 "  --svg FILE        the chart of the run (default: demo.svg)\n"
                 "  --csv FILE        also write the daily trajectory as CSV\n"
                 "  --quiet           no timeline, only the outcome\n"
                 "  --list            list the scenarios and presets, then exit\n"
                 "  --help            this text\n",
                 os::scenarios[0].name, preset_days);
}

void list() {
    std::printf("scenarios (--scenario NAME):\n");
    for (const os::scenario& s : os::scenarios) {
        std::printf("  %-22s %s\n  %-22s (%s, seed %" PRIu64 ", %d days)\n", s.name, s.teaches, "", os::cancer_name(s.type),
                    s.seed, s.days);
    }
    std::printf("presets (--preset NAME, with their standard lines of therapy):\n ");
    for (int c = 0; c < os::cancer_count; ++c) std::printf(" %s", os::cancer_name(static_cast<os::cancer>(c)));
    std::printf("\n");
}

bool parse_uint(const char* s, std::uint64_t max, std::uint64_t& out) {
    if (s == nullptr || *s < '0' || *s > '9') return false;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(s, &end, 10);
    if (*end != '\0' || v > max) return false;
    out = v;
    return true;
}

// 0: run; 1: done (help, list); 2: bad command line (message already printed).
int parse(int argc, char** argv, options& o) {
    bool scenario_given = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i], value;
        bool has_value = false;
        const std::size_t eq = arg.find('=');
        if (arg.compare(0, 2, "--") == 0 && eq != std::string::npos) {  // --days=400
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
            has_value = true;
        }
        auto fail = [&](const std::string& why) {
            std::fprintf(stderr, "demo: %s\n\n", why.c_str());
            usage(stderr);
            return 2;
        };
        const bool takes = arg == "--scenario" || arg == "--preset" || arg == "--seed" || arg == "--scalar" ||
                           arg == "--days" || arg == "--founder" || arg == "--svg" || arg == "--csv";
        if (takes && !has_value) {
            if (i + 1 >= argc) return fail(arg + " needs a value");
            value = argv[++i];
        } else if (!takes && has_value) {
            return fail(arg + " takes no value");
        }
        if (arg == "--help" || arg == "-h") {
            usage(stdout);
            return 1;
        } else if (arg == "--list") {
            list();
            return 1;
        } else if (arg == "--quiet") {
            o.quiet = true;
        } else if (arg == "--scenario") {
            o.story = os::find_scenario(value.c_str());
            if (o.story == nullptr) return fail("no scenario named '" + value + "' (demo --list shows them)");
            scenario_given = true;
        } else if (arg == "--preset") {
            for (char& ch : value) ch = ch == '-' ? '_' : ch;  // breast-hr-positive works too
            int c = 0;
            while (c < os::cancer_count && value != os::cancer_name(static_cast<os::cancer>(c))) ++c;
            if (c == os::cancer_count) return fail("no preset named '" + value + "' (demo --list shows them)");
            o.type = static_cast<os::cancer>(c);
            o.use_preset = true;
        } else if (arg == "--seed") {
            if (!parse_uint(value.c_str(), UINT64_MAX, o.seed)) return fail("--seed needs a whole number, not '" + value + "'");
            o.seed_given = true;
        } else if (arg == "--scalar") {
            if (value != "float" && value != "double" && value != "fixed")
                return fail("--scalar is float, double or fixed, not '" + value + "'");
            o.scalar = value;
        } else if (arg == "--days") {
            std::uint64_t d = 0;
            if (!parse_uint(value.c_str(), 36500, d) || d == 0)
                return fail("--days needs a whole number from 1 to 36500, not '" + value + "'");
            o.days = static_cast<int>(d);
        } else if (arg == "--founder") {
            if (!parse_uint(value.c_str(), os::max_cells, o.founder) || o.founder == 0)
                return fail("--founder needs a number of cells from 1 to 2^62, not '" + value + "'");
        } else if (arg == "--svg") {
            if (value.empty()) return fail("--svg needs a file name");
            o.svg = value;
        } else if (arg == "--csv") {
            if (value.empty()) return fail("--csv needs a file name");
            o.csv = value;
        } else {
            return fail("unknown option '" + arg + "'");
        }
    }
    if (scenario_given && o.use_preset) {
        std::fprintf(stderr, "demo: give --scenario or --preset, not both\n\n");
        usage(stderr);
        return 2;
    }
    return 0;
}

// --- one run, whatever the scalar ------------------------------------------------------------

struct status {  // what the clinic sees and what is true, at one moment
    bool looked = true;  // false: no scan before symptoms, and none yet (clinic.scanned_before_diagnosis)
    int visible = 0;
    os::stage stage = os::stage::none;
    double marker = 0;
    std::uint64_t ctc = 0;
    int lesions = 0;  // lesions with at least one cell
    std::uint64_t total = 0, resistant = 0;
};

template <class Care, class Params>
status take(const Care& c, const Params& p) {
    using R = typename Care::real;
    status s;
    const auto& pt = c.truth();
    const auto v = pt.observe(p);
    s.looked = pt.clinic_looks(p);
    s.visible = v.visible_count;
    s.stage = v.clinical_stage;
    s.marker = static_cast<double>(os::real_traits<R>::floor_int(v.marker * R(1000.0))) / 1000.0;
    s.ctc = v.ctc_per_7_5_ml;
    for (int i = 0; i < Care::max_lesions; ++i) {
        const auto& l = pt[i];
        if (!l.used || l.cells.cells() == 0) continue;
        ++s.lesions;
        s.total += l.cells.cells();
        for (int k = 0; k < max_clones; ++k) {
            if (l.cells[k].alive && l.cells[k].genes != 0) s.resistant += l.cells[k].cells();
        }
    }
    return s;
}

struct day_row {  // the end of one day
    status now;
    std::uint64_t before_care = 0;  // the total burden after the day's growth, before any surgery
    std::uint64_t dormant = 0;
    os::care_state care = os::care_state::untreated;
    int line = 0;
    std::uint64_t cells[max_lesions] = {};
    std::uint64_t resistant_cells[max_lesions] = {};
    int episode[max_lesions] = {};  // index into run::episodes, -1 for an empty slot
};

struct episode {  // one lesion from its founding on (a slot can hold several in turn)
    int slot = 0;
    int founded = 0;
    os::site where;
    int first_day = -1, last_day = -1;  // days with at least one cell
    std::uint64_t max_cells = 0;
    bool detected = false;
};

struct logged {
    int day;
    os::event e;
    int line;  // the line of therapy current when it happened
    bool has_status;
    status then;  // after the day's growth, before the care team acts; or when the care team acted
};

struct run {
    std::string title, teaches, scalar;
    std::uint64_t seed = 0;
    int days = 0;
    os::organ primary = os::organ::breast;
    std::vector<day_row> rows;  // rows[d]: the end of day d; rows[0]: the start
    std::vector<logged> events;
    std::vector<episode> episodes;
    std::vector<std::string> line_what;  // per line: "chemotherapy", "targeted+chemotherapy"
    std::vector<int> mechanism_lines;    // per mechanism: a bit per line of therapy it defeats
    std::vector<bool> mechanism_immune;  // the mechanism escapes the immune response
    int assess_days = 56;
    os::care_record record;
    os::outcome result;
    bool cured = false;
    std::uint64_t shed = 0, colonised = 0, founders_lost = 0, imaging_cells = 0, lethal_cells = 0;
    std::uint64_t clone_table_full = 0, illegal = 0;
};

bool timeline_event(os::event_code c) {
    using e = os::event_code;
    return c != e::cells_shed && c != e::cells_arrested && c != e::cells_extravasated && c != e::cells_colonised &&
           c != e::clone_extinct;
}

template <class S>
bool simulate(const options& o, run& out) {
    using R = os::real_t<S>;
    const os::patient_params<R> p = o.use_preset ? os::preset<R>(o.type) : os::scenario_params<R>(*o.story);
    const os::treatment_plan<R> plan = o.use_preset ? os::standard_plan<R>(o.type) : os::scenario_plan<R>(*o.story);
    out.seed = o.seed_given ? o.seed : (o.use_preset ? 1 : o.story->seed);
    out.days = o.days > 0 ? o.days : (o.use_preset ? preset_days : o.story->days);
    out.primary = p.primary_organ;
    out.assess_days = plan.assess_days;
    out.imaging_cells = os::cells_for_diameter(p.clinic.imaging_mm, p.clinic.cells_per_cm3);
    out.lethal_cells = p.lethal_cells;

    // What the plan's lines are ("targeted", then "targeted #2": a class's later drugs are
    // numbered) and which lines each resistance mechanism defeats.
    std::string therapy_what[os::max_plan_therapies];
    for (int t = 0; t < plan.therapy_count; ++t) {
        int same = 1;
        for (int u = 0; u < t; ++u) same += plan.therapies[u].kind == plan.therapies[t].kind ? 1 : 0;
        therapy_what[t] = os::therapy_class_name(plan.therapies[t].kind);
        if (same > 1) therapy_what[t] += " #" + std::to_string(same);
    }
    for (int l = 0; l < plan.line_count; ++l) {
        std::string what;
        for (int i = 0; i < plan.lines[l].count; ++i) what += (i ? "+" : "") + therapy_what[plan.lines[l].therapy[i]];
        out.line_what.push_back(what);
    }
    const os::resistance_model<R>& resistance = p.primary.resistance;
    for (int m = 0; m < resistance.count(); ++m) {
        int lines = 0;
        for (int l = 0; l < plan.line_count; ++l) {
            for (int i = 0; i < plan.lines[l].count; ++i) {
                const os::therapy<R>& t = plan.therapies[plan.lines[l].therapy[i]];
                const bool acts = t.kill_dividing > R(0.0) || t.kill_all > R(0.0) || t.birth_reduction > R(0.0);
                if (acts && resistance[m].residual[t.column] < R(1.0)) lines |= 1 << l;
            }
        }
        out.mechanism_lines.push_back(lines);
        out.mechanism_immune.push_back(p.immune_on && resistance[m].residual[os::immune_therapy] < R(1.0));
    }

    os::care<S, max_lesions, max_clones> c;
    const std::uint64_t founder = o.founder ? o.founder : (o.use_preset ? preset_founder_cells : o.story->founder_cells);
    const os::errc e = o.use_preset ? c.start(p, plan, out.seed, 0, founder)
                                    : os::start_scenario(c, *o.story, p, plan, out.seed, founder);
    if (e != os::errc::ok) {
        std::fprintf(stderr, "demo: the simulation does not start: %s\n", os::error_name(e));
        return false;
    }
    int day = 0, line = 0;
    int slot_episode[max_lesions];
    for (int& s : slot_episode) s = -1;
    std::size_t first_today = 0;  // the day's first event in out.events
    auto sink = [&](const os::event& ev) {
        if (ev.code == os::event_code::line_started) line = static_cast<int>(ev.value);
        if (ev.code == os::event_code::clone_table_full) ++out.clone_table_full;
        if (ev.code == os::event_code::illegal_transition) ++out.illegal;
        if (!timeline_event(ev.code)) return;
        // The care team's events (codes from 30) come after the day's growth: the state they
        // saw is the state at that moment (a resection changes it between two of them). Looking
        // at the patient from inside step() is safe: observe() only reads, from its own stream.
        const bool care_event = static_cast<int>(ev.code) >= static_cast<int>(os::event_code::diagnosis);
        out.events.push_back(logged{day, ev, line, care_event, care_event ? take(c, p) : status{}});
    };
    auto record_day = [&]() {
        const auto& pt = c.truth();
        day_row r;
        r.now = take(c, p);
        // the day's growth events show the state before the care team acted, if it did
        const logged* acted = nullptr;
        for (std::size_t k = first_today; k < out.events.size() && acted == nullptr; ++k) {
            if (out.events[k].has_status) acted = &out.events[k];
        }
        for (std::size_t k = first_today; k < out.events.size(); ++k) {
            if (!out.events[k].has_status) out.events[k].then = acted ? acted->then : r.now;
            out.events[k].has_status = true;
        }
        first_today = out.events.size();
        r.before_care = acted ? acted->then.total : r.now.total;
        r.care = c.state();
        r.line = c.line();
        for (int i = 0; i < max_lesions; ++i) {
            const auto& l = pt[i];
            r.episode[i] = -1;
            if (!l.used) {
                slot_episode[i] = -1;
                continue;
            }
            int& ep = slot_episode[i];
            if (ep < 0 || out.episodes[static_cast<unsigned>(ep)].founded != l.founded_day) {
                episode fresh;
                fresh.slot = i;
                fresh.founded = l.founded_day;
                fresh.where = l.where;
                out.episodes.push_back(fresh);
                ep = static_cast<int>(out.episodes.size()) - 1;
            }
            episode& x = out.episodes[static_cast<unsigned>(ep)];
            r.episode[i] = ep;
            r.cells[i] = l.cells.cells();
            for (int k = 0; k < max_clones; ++k) {
                const os::clone& cl = l.cells[k];
                if (cl.alive && cl.genes != 0) r.resistant_cells[i] += cl.cells();
            }
            if (r.cells[i] > 0) {
                if (x.first_day < 0) x.first_day = day;
                x.last_day = day;
            }
            if (r.cells[i] > x.max_cells) x.max_cells = r.cells[i];
            x.detected = x.detected || l.detected;
            r.dormant += l.cells.dormant_cells();
        }
        out.rows.push_back(r);
    };
    record_day();
    while (day < out.days && c.truth().alive()) {
        ++day;
        c.step(p, plan, sink);
        record_day();
    }
    out.days = day;
    out.record = c.record();
    out.result = c.truth().result();
    out.cured = c.truth().cured();
    out.shed = c.truth().cells_shed();
    out.colonised = c.truth().cells_colonised();
    out.founders_lost = c.truth().founders_lost();
    return true;
}

// --- words ---------------------------------------------------------------------------------

using demo::cells_text;

std::string percent_text(std::uint64_t part, std::uint64_t whole) {
    if (whole == 0 || part == 0) return "0%";
    const double pc = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    char b[16];
    if (pc < 0.1) return "<0.1%";
    std::snprintf(b, sizeof b, pc < 9.95 ? "%.1f%%" : "%.0f%%", pc);
    return b;
}

std::string marker_text(double m) {
    char b[24];
    std::snprintf(b, sizeof b, m < 99.95 ? "%.1f" : "%.0f", m);
    return b;
}

std::string lesion_name(const run& r, int slot, int day) {
    if (slot == 0) return "primary";
    const int ep = r.rows[static_cast<unsigned>(day)].episode[slot];
    const os::site w = ep >= 0 ? r.episodes[static_cast<unsigned>(ep)].where : os::site{};
    std::string s = "L" + std::to_string(slot) + " ";
    if (w.is_node()) return s + (w.nodal == os::node::regional ? "reg. node" : "dist. node");
    return s + os::organ_name(w.where);
}

std::string lines_text(int mask) {
    std::string s;
    int n = 0;
    for (int l = 0; l < os::max_lines; ++l) {
        if (!(mask & (1 << l))) continue;
        s += (n++ ? "," : "") + std::to_string(l + 1);
    }
    return (n > 1 ? "lines " : "line ") + s;
}

std::string genotype_text(const run& r, unsigned genes) {
    int lines = 0;
    bool immune = false;
    for (unsigned m = 0; m < r.mechanism_lines.size(); ++m) {
        if (!((genes >> m) & 1u)) continue;
        lines |= r.mechanism_lines[m];
        immune = immune || r.mechanism_immune[m];
    }
    if (lines && immune) return "resists " + lines_text(lines) + ", immune";
    if (lines) return "resists " + lines_text(lines);
    if (immune) return "escapes T cells";
    return "resists no drug given";
}

std::string clinic_text(const status& d) {
    if (!d.looked) return "no one has looked yet";
    std::string s = d.visible ? std::to_string(d.visible) + " seen, " + os::stage_name(d.stage) : "none seen";
    return s + ", CTC " + std::to_string(d.ctc) + ", mk " + marker_text(d.marker);
}

std::string truth_text(const status& d) {
    return std::to_string(d.lesions) + (d.lesions == 1 ? " lesion, " : " lesions, ") + cells_text(d.total) + " cells, " +
           percent_text(d.resistant, d.total) + " resistant";
}

const char* dormancy_text(std::uint64_t kind) {
    switch (static_cast<os::dormancy>(kind)) {
        case os::dormancy::cellular: return "falls asleep";
        case os::dormancy::angiogenic: return "stalls, no blood supply";
        case os::dormancy::immune: return "held by T cells";
        default: return "dormant";
    }
}

// --- the timeline --------------------------------------------------------------------------

bool matters(const run& r, const logged& x) {
    const int ep = r.rows[static_cast<unsigned>(x.day)].episode[x.e.lesion];
    if (ep < 0) return false;
    const episode& e = r.episodes[static_cast<unsigned>(ep)];
    return e.max_cells >= matters_cells || e.detected;
}

// True when the lesion's dormancy changes back within 90 days: a lesion with about as many
// quiescent cells as dividing ones flips to and fro, and that is not worth a line each time.
bool brief(const run& r, std::size_t at) {
    using c = os::event_code;
    const logged& x = r.events[at];
    const c back = x.e.code == c::lesion_dormant ? c::lesion_woke : c::lesion_dormant;
    for (std::size_t j = at + 1; j < r.events.size() && r.events[j].day < x.day + 90; ++j) {
        if (r.events[j].e.code == back && r.events[j].e.lesion == x.e.lesion) return true;
    }
    return false;
}

// A stage change the line next to it already tells: the diagnosis names the stage, and a lesion
// removed yesterday is not visible today.
bool redundant_stage(const run& r, std::size_t at) {
    using c = os::event_code;
    const int day = r.events[at].day;
    for (std::size_t j = at + 1; j < r.events.size() && r.events[j].day == day; ++j) {
        if (r.events[j].e.code == c::diagnosis) return true;
    }
    if (r.events[at].e.value != static_cast<std::uint64_t>(os::stage::none)) return false;
    for (std::size_t j = at; j-- > 0 && r.events[j].day >= day - 1;) {
        if (r.events[j].e.code == c::local_therapy) return true;
    }
    return false;
}

// The words for one event, or "" to leave it out. A leading "*" marks what only the truth knows.
std::string describe(const run& r, std::size_t at, bool asleep[], bool genotype_seen[], os::response& last_scan) {
    using c = os::event_code;
    const logged& x = r.events[at];
    const os::event& e = x.e;
    const std::string where = lesion_name(r, e.lesion, x.day);
    const std::string line = "line " + std::to_string(x.line);
    char b[128];
    switch (e.code) {
        case c::invasion: return "* the primary turns invasive";
        case c::new_lesion:
            asleep[e.lesion] = false;  // a new lesion in the slot
            if (!matters(r, x)) return "";
            return std::string("* a ") + (e.genotype ? "resistant " : "") + "cell seeds " + where;
        case c::resistant_clone_appeared:
            if (genotype_seen[e.genotype]) return "";
            genotype_seen[e.genotype] = true;
            return "* " + where.substr(0, where.find(' ')) + ": mutant " + genotype_text(r, e.genotype);
        case c::lesion_dormant:  // the angiogenic stall is told by the switch that ends it
            if (asleep[e.lesion] || !matters(r, x) || e.value == static_cast<std::uint64_t>(os::dormancy::angiogenic) ||
                brief(r, at))
                return "";
            asleep[e.lesion] = true;
            return "* " + where + (e.value == static_cast<std::uint64_t>(os::dormancy::immune) ? ": " : " ") + dormancy_text(e.value);
        case c::lesion_woke:
            if (!asleep[e.lesion] || brief(r, at)) return "";
            asleep[e.lesion] = false;
            return "* " + where + " wakes up";
        case c::angiogenic_switch: return matters(r, x) ? "* " + where + ": grows vessels" : "";
        case c::lesion_eradicated: return matters(r, x) ? "* " + where + ": last cell dies" : "";
        case c::detection:
            std::snprintf(b, sizeof b, "scan finds %s, %.1f mm", where.c_str(), static_cast<double>(e.value) / 10.0);
            return b;
        case c::symptom_onset: {
            std::string what = os::symptom_name(static_cast<os::symptom>(e.value));
            for (char& ch : what) ch = ch == '_' ? ' ' : ch;
            return "symptom: " + what + " (" + where.substr(0, where.find(' ')) + ")";
        }
        case c::stage_change:
            if (redundant_stage(r, at)) return "";
            return e.value == 0 ? std::string("stage: nothing visible") : std::string("stage: ") + os::stage_name(static_cast<os::stage>(e.value));
        case c::death:
            if (r.result.cause == os::death_cause::vital_organ)
                return std::string("DEATH: ") + os::organ_name(r.result.failed_organ) + " fails";
            return "DEATH: tumour burden";
        case c::diagnosis: return std::string("DIAGNOSIS, stage ") + os::stage_name(static_cast<os::stage>(e.value));
        case c::line_started:
            last_scan = os::response::not_applicable;
            return "LINE " + std::to_string(e.value) + " starts: " + r.line_what[static_cast<unsigned>(e.value - 1)];
        case c::line_stopped:
            return line + " stops: " + os::stop_reason_name(static_cast<os::stop_reason>(e.value));
        case c::therapy_paused: return line + " paused (drug holiday)";
        case c::therapy_resumed: return line + " resumed";
        case c::assessment: {
            const os::response now = static_cast<os::response>(e.value);
            if (now == last_scan) return "";  // the same result as the last scan
            last_scan = now;
            if (now == os::response::non_cr_non_pd) return "scan: non-CR/non-PD (unmeasurable)";
            return std::string("scan: ") + os::response_name(now) + " (" + os::response_long_name(now) + ")";
        }
        case c::progression: return "PROGRESSION on " + line;
        case c::local_therapy: return "surgery or SBRT removes " + where;
        case c::surveillance_started:
            last_scan = os::response::not_applicable;
            return "surveillance: a scan every " + std::to_string(r.assess_days / 7) + " weeks";
        case c::supportive_care: return "no line left: supportive care";
        case c::relapse: return "RELAPSE, " + std::to_string(e.value) + " days after surgery";
        default: return "";  // counted in the summary instead
    }
}

void print_timeline(const run& r) {
    std::printf("%5s | %-34s | %-32s | %s\n", "day", "what happens", "clinic sees", "truly");
    std::printf("%s+%s+%s+%s\n", std::string(6, '-').c_str(), std::string(36, '-').c_str(), std::string(34, '-').c_str(),
                std::string(40, '-').c_str());
    bool asleep[max_lesions] = {};
    bool genotype_seen[256] = {};
    os::response last_scan = os::response::not_applicable;
    int shown_day = -1;
    std::string shown_clinic, shown_truth;
    for (std::size_t i = 0; i < r.events.size(); ++i) {
        const std::string what = describe(r, i, asleep, genotype_seen, last_scan);
        if (what.empty()) continue;
        const int d = r.events[i].day;
        const std::string clinic = clinic_text(r.events[i].then), truth = truth_text(r.events[i].then);
        if (d == shown_day && clinic == shown_clinic && truth == shown_truth) {  // said once
            std::printf("%5s | %-34s |\n", "", what.c_str());
        } else if (d == shown_day) {
            std::printf("%5s | %-34s | %-32s | %s\n", "", what.c_str(), clinic.c_str(), truth.c_str());
        } else {
            std::printf("%5d | %-34s | %-32s | %s\n", d, what.c_str(), clinic.c_str(), truth.c_str());
        }
        shown_day = d;
        shown_clinic = clinic;
        shown_truth = truth;
    }
    std::printf("\n");
}

void print_outcome(const run& r) {
    const status& last = r.rows.back().now;
    const os::care_record& rec = r.record;
    std::printf("Outcome on day %d (%s):\n", r.days, r.title.c_str());
    if (rec.diagnosis_day < 0) {
        std::printf("  diagnosis  not yet: nothing seen or felt\n");
    } else {
        std::printf("  diagnosis  day %d\n", rec.diagnosis_day);
    }
    if (r.result.death_day >= 0) {
        const char* cause = r.result.cause == os::death_cause::vital_organ ? os::organ_name(r.result.failed_organ) : "tumour burden";
        std::printf("  survival   died on day %d (%s%s)", r.result.death_day, cause,
                    r.result.cause == os::death_cause::vital_organ ? " failure" : "");
        if (rec.diagnosis_day >= 0) std::printf(", %d days after diagnosis", rec.overall_survival());
        std::printf("\n");
    } else {
        std::printf("  survival   alive on day %d", r.days);
        if (rec.diagnosis_day >= 0) std::printf(", %d days after diagnosis", r.days - rec.diagnosis_day);
        std::printf("\n");
    }
    int removed = 0;
    for (const logged& x : r.events) {
        if (x.e.code != os::event_code::local_therapy) continue;
        if (removed == 0) std::printf("  surgery   ");
        if (removed < 5) std::printf("%s day %d (%s)", removed ? "," : "", x.day, lesion_name(r, x.e.lesion, x.day).c_str());
        ++removed;
    }
    if (removed > 5) std::printf(" and %d more", removed - 5);
    if (removed > 0) std::printf("\n");
    for (const logged& x : r.events) {
        if (x.e.code == os::event_code::relapse) std::printf("  relapse    day %d, %d days after surgery\n", x.day, static_cast<int>(x.e.value));
    }
    std::printf("  lines      %d of %d started, drug given on %d days\n", rec.lines_started, static_cast<int>(r.line_what.size()),
                rec.drug_days);
    for (int l = 0; l < rec.lines_started; ++l) {
        if (rec.line_start[l] < 0) continue;
        const bool ongoing = rec.line_end[l] < 0;
        std::printf("    line %d   %-15s day %d-%d, %s; best response %s", l + 1, r.line_what[static_cast<unsigned>(l)].c_str(),
                    rec.line_start[l], ongoing ? r.days : rec.line_end[l],
                    ongoing ? "ongoing" : os::stop_reason_name(rec.line_stop[l]),
                    ongoing ? "(not final)" : os::response_name(rec.line_best[l]));
        if (rec.line_progression[l] >= 0) std::printf("; progressed after %d days", rec.time_to_progression(l + 1));
        std::printf("\n");
    }
    const bool ned = last.visible == 0 && rec.diagnosis_day >= 0;
    if (r.result.death_day < 0) {
        if (rec.diagnosis_day < 0) {
            std::printf("  clinic     nothing to see yet: the cancer has not been diagnosed\n");
        } else if (last.visible == 0) {
            std::printf("  clinic     no evidence of disease (NED): no lesion visible\n");
        } else {
            std::printf("  clinic     %d visible (stage %s), marker %s\n", last.visible, os::stage_name(last.stage),
                        marker_text(last.marker).c_str());
        }
        if (r.cured) {
            std::printf("  truth      CURED: not one cancer cell is left\n");
        } else {
            std::printf("  truth      not cured: %s cells in %d %s (%s dormant)%s\n", cells_text(last.total).c_str(),
                        last.lesions, last.lesions == 1 ? "lesion" : "lesions", percent_text(r.rows.back().dormant, last.total).c_str(),
                        ned ? ": NED is not cure" : "");
        }
    }
    std::printf("  cascade    %s cells shed into blood and lymph; %s founded or joined a lesion",
                cells_text(r.shed).c_str(), cells_text(r.colonised).c_str());
    if (r.colonised > 0) std::printf(" (1 in %s)", cells_text(r.shed / r.colonised).c_str());
    std::printf("\n");
    int seeded = 0;
    for (const episode& e : r.episodes) seeded += e.slot > 0 ? 1 : 0;
    int grew = 0;
    for (const episode& e : r.episodes) grew += e.slot > 0 && e.max_cells >= matters_cells ? 1 : 0;
    std::printf("  lesions    %d metastases seeded, %d grew past %s cells", seeded, grew, cells_text(matters_cells).c_str());
    if (r.founders_lost > 0) std::printf("; %s founders found no free slot", cells_text(r.founders_lost).c_str());
    std::printf("\n");
    if (r.clone_table_full > 0 || r.illegal > 0) {
        std::printf("  model      %" PRIu64 " days a clone table was full, %" PRIu64 " illegal transitions\n", r.clone_table_full,
                    r.illegal);
    }
}

// One sentence for the chart: how it ended, for the clinic and in truth.
std::string outcome_sentence(const run& r) {
    const status& last = r.rows.back().now;
    std::string s = "Day " + std::to_string(r.days) + ": ";
    if (r.result.death_day >= 0) {
        s += r.result.cause == os::death_cause::vital_organ ? std::string("died, ") + os::organ_name(r.result.failed_organ) + " failure"
                                                             : std::string("died of the tumour burden");
        if (r.record.diagnosis_day >= 0) s += ", " + std::to_string(r.record.overall_survival()) + " days after diagnosis";
        return s + ".";
    }
    const bool ned = last.visible == 0 && r.record.diagnosis_day >= 0;
    if (r.record.diagnosis_day < 0) {
        s += "alive, not diagnosed yet";
    } else {
        s += ned ? "alive; the clinic sees no disease (NED)"
                 : "alive; the clinic sees " + std::to_string(last.visible) + (last.visible == 1 ? " lesion" : " lesions");
    }
    if (r.cured) return s + "; truly cured: no cancer cell left.";
    s += "; truly " + cells_text(last.total) + " cancer cells remain";
    return s + (ned ? ": NED is not cure." : ".");
}

// --- files -----------------------------------------------------------------------------------

bool write_csv(const run& r, const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    std::fprintf(f, "day,total_cells,visible_lesions,stage,marker,ctc,care_state,line");
    for (int i = 0; i < max_lesions; ++i) std::fprintf(f, ",lesion_%d_cells", i);
    std::fprintf(f, "\n");
    for (std::size_t d = 0; d < r.rows.size(); ++d) {
        const day_row& x = r.rows[d];
        std::fprintf(f, "%zu,%" PRIu64 ",%d,%s,%.3f,%" PRIu64 ",%s,%d", d, x.now.total, x.now.visible, os::stage_name(x.now.stage),
                     x.now.marker, x.now.ctc, os::care_state_name(x.care), x.line);
        for (int i = 0; i < max_lesions; ++i) std::fprintf(f, ",%" PRIu64, x.cells[i]);
        std::fprintf(f, "\n");
    }
    return std::fclose(f) == 0;
}

demo::chart make_chart(const run& r) {
    demo::chart c;
    c.title = "oncostate demo: " + r.title;
    c.subtitle = r.teaches;
    c.days = r.days;
    c.imaging_cells = r.imaging_cells;
    c.lethal_cells = r.lethal_cells;
    c.hidden_below = drawn_cells;
    c.outcome = outcome_sentence(r);
    for (const day_row& d : r.rows) c.total.push_back(d.now.total);
    for (std::size_t k = 0; k < r.episodes.size(); ++k) {
        const episode& e = r.episodes[k];
        if (e.first_day < 0) continue;
        if (e.max_cells < drawn_cells) {
            ++c.hidden_tracks;
            continue;
        }
        demo::lesion_track t;
        t.slot = e.slot;
        t.label = lesion_name(r, e.slot, e.first_day);
        if (e.slot == 0) t.label += " (" + std::string(os::organ_name(r.primary)) + ")";
        if (e.slot != 0) t.label += ", day " + std::to_string(e.founded);
        t.first_day = e.first_day;
        t.last_day = e.last_day;
        for (int d = e.first_day; d <= e.last_day; ++d) {
            const day_row& row = r.rows[static_cast<unsigned>(d)];
            const bool mine = row.episode[e.slot] == static_cast<int>(k);
            t.cells.push_back(mine ? row.cells[e.slot] : 0);
            t.resistant.push_back(mine ? row.resistant_cells[e.slot] : 0);
        }
        c.tracks.push_back(t);
    }
    // therapy bands: the days a line was being given (holidays leave gaps)
    for (std::size_t d = 1; d < r.rows.size(); ++d) {
        const day_row& row = r.rows[d];
        if (row.care != os::care_state::on_line) continue;
        const int day = static_cast<int>(d);
        if (!c.bands.empty() && c.bands.back().line == row.line && c.bands.back().to == day - 1) {
            c.bands.back().to = day;
        } else {
            c.bands.push_back(demo::band{row.line, day, day, r.line_what[static_cast<unsigned>(row.line - 1)]});
        }
    }
    for (const logged& x : r.events) {
        using e = os::event_code;
        const std::size_t before = c.markers.size();
        if (x.e.code == e::diagnosis) {
            c.markers.push_back({demo::marker::diagnosis, x.day, 0, std::string("diagnosis, stage ") +
                                                                      os::stage_name(static_cast<os::stage>(x.e.value))});
        } else if (x.e.code == e::progression) {
            c.markers.push_back({demo::marker::progression, x.day, 0, "progression on line " + std::to_string(x.e.value)});
        } else if (x.e.code == e::relapse) {
            c.markers.push_back({demo::marker::relapse, x.day, 0, "relapse"});
        } else if (x.e.code == e::local_therapy) {
            c.markers.push_back({demo::marker::local_therapy, x.day, 0, "surgery or SBRT removes " + lesion_name(r, x.e.lesion, x.day)});
        } else if (x.e.code == e::death) {
            c.markers.push_back({demo::marker::death, x.day, 0, "death"});
        }
        if (c.markers.size() > before) c.markers.back().cells = r.rows[static_cast<unsigned>(x.day)].before_care;
    }
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    options o;
    const int parsed = parse(argc, argv, o);
    if (parsed != 0) return parsed == 1 ? 0 : 2;

    run r;
    r.scalar = o.scalar;
    if (o.use_preset) {
        r.title = std::string("preset ") + os::cancer_name(o.type);
        r.teaches = "";  // its lines of therapy, once known
    } else {
        r.title = std::string("scenario ") + o.story->name + " (" + os::cancer_name(o.story->type) + ")";
        r.teaches = o.story->teaches;
    }
    bool ok = false;
    if (o.scalar == "float") {
        ok = simulate<float>(o, r);
    } else if (o.scalar == "double") {
        ok = simulate<double>(o, r);
    } else {
        ok = simulate<os::q16_16>(o, r);
    }
    if (!ok) return 1;
    if (o.use_preset) {
        r.teaches = "The standard lines of therapy:";
        for (std::size_t l = 0; l < r.line_what.size(); ++l) r.teaches += (l ? ", then " : " ") + r.line_what[l];
        r.teaches += r.line_what.empty() ? " none." : ".";
    }
    r.title += ", seed " + std::to_string(r.seed) + ", " + r.scalar;

    if (!o.quiet) {
        std::printf("oncostate demo: %s\n%s\n", r.title.c_str(), r.teaches.c_str());
        std::printf("For education and research only: a simulation, not a prediction for any patient.\n\n");
        std::printf("How to read it: one line per event. \"clinic sees\" is what scans, blood tests and symptoms\n"
                    "show: lesions visible on imaging and the stage, circulating tumour cells (CTC) per 7.5 mL, the\n"
                    "tumour marker (mk). \"truly\" is what no clinician sees: lesions with at least one cell, all\n"
                    "cancer cells, the share that resists a drug. * marks an event only the truth knows. Only lesions\n"
                    "that grow past a million cells are followed; a scan that repeats the last result is left out.\n\n");
        print_timeline(r);
    }
    print_outcome(r);

    if (!demo::write_svg(make_chart(r), o.svg)) {
        std::fprintf(stderr, "demo: cannot write %s\n", o.svg.c_str());
        return 1;
    }
    std::printf("\nchart: %s", o.svg.c_str());
    if (!o.csv.empty()) {
        if (!write_csv(r, o.csv)) {
            std::fprintf(stderr, "demo: cannot write %s\n", o.csv.c_str());
            return 1;
        }
        std::printf(", daily trajectory: %s", o.csv.c_str());
    }
    std::printf("\n");
    return 0;
}
