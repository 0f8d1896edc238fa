// virtual_trial: a simulated two-arm trial over a cohort of virtual patients.
//
// Every patient starts at day 0 with an in-situ primary of 2e7 cells (the cancer type's preset),
// is diagnosed when a scan or a symptom shows the disease, is treated by the care team under the
// arm's plan, and is followed until death or the end of follow-up. The program prints, per arm,
// the Kaplan-Meier medians of overall survival (from diagnosis) and of time to progression on
// line 1 (from its start), writes both arms' curves as SVG, and optionally one CSV row per patient.
//
// A patient's randomness comes only from (seed, patient index), so a patient's result does not
// depend on the arm run next to it, the number of threads, or how the cohort is split with
// --patients A:B: the rows of `--patients 0:1000` and `--patients 1000:2000` are the rows of
// `--patients 0:2000`.
//
// For education and research only: a simulation with illustrative parameters, not a prediction
// for any patient and not a medical device.
#include <oncostate/oncostate.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <unistd.h>  // isatty

namespace {

namespace os = oncostate;

constexpr std::uint64_t founder_cells = 20000000;  // the primary at day 0: 2e7 cells, in situ
constexpr double days_per_month = 365.25 / 12.0;
constexpr int arm_count = 2;

enum class comparison { continuous_vs_adaptive, sequence_vs_combination };
enum class scalar_kind { single, twice, fixed };

struct options {
    os::cancer type = os::cancer::prostate;  // or breast_triple_negative for sequence-vs-combination
    bool type_given = false;
    comparison compare = comparison::continuous_vs_adaptive;
    std::uint64_t n = 2000;
    std::uint64_t first = 0, last = 0;  // patients [first, last)
    bool range_given = false;
    std::uint64_t seed = 1;
    scalar_kind scalar = scalar_kind::single;
    double years = 15.0;
    double growth_cv = 0.5;  // between-patient spread of doubling times (log-normal)
    std::string svg = "trial_km.svg";
    std::string csv;
    bool quiet = false;
    unsigned threads = 0;  // 0: one per core
};

const char* comparison_name(comparison c) {
    return c == comparison::continuous_vs_adaptive ? "continuous-vs-adaptive" : "sequence-vs-combination";
}
const char* scalar_name(scalar_kind s) {
    return s == scalar_kind::single ? "float" : (s == scalar_kind::twice ? "double" : "fixed");
}
const char* arm_name(comparison c, int arm) {
    if (c == comparison::continuous_vs_adaptive) return arm == 0 ? "continuous" : "adaptive";
    return arm == 0 ? "sequence" : "combination";
}

void usage(std::FILE* to) {
    std::fprintf(to,
                 "usage: virtual_trial [options]\n"
                 "A simulated two-arm trial over a cohort of virtual patients (education and research only;\n"
                 "not a prediction for any patient). Each patient starts with an in-situ primary of 2e7 cells.\n"
                 "\n"
                 "  --preset NAME      cancer type (default prostate for continuous-vs-adaptive,\n"
                 "                     breast_triple_negative for sequence-vs-combination):\n"
                 "                    ");
    for (int i = 0; i < os::cancer_count; ++i) std::fprintf(to, "%s%s", i == 0 ? " " : ", ", os::cancer_name(static_cast<os::cancer>(i)));
    std::fprintf(to,
                 "\n"
                 "  --compare WHAT     continuous-vs-adaptive (default): the preset's standard lines given\n"
                 "                     continuously, or adaptively (pause when the marker halves, resume at\n"
                 "                     baseline); both arms assessed every 28 days\n"
                 "                     sequence-vs-combination: the standard lines one after another, or\n"
                 "                     lines 1 and 2 given together as line 1\n"
                 "  --n N              cohort size: patients 0 to N-1 (default 2000)\n"
                 "  --patients A:B     run only patients A to B-1 (default 0:N); the rows are the same\n"
                 "                     however the cohort is split\n"
                 "  --seed S           cohort seed (default 1)\n"
                 "  --scalar TYPE      float (default), double or fixed (Q16.16)\n"
                 "  --years Y          follow-up from day 0, in years (default 15)\n"
                 "  --growth-cv CV     how much doubling times differ between patients: the coefficient\n"
                 "                     of variation of a log-normal around the preset's (default 0.5;\n"
                 "                     0: every patient's tumour grows alike; at most 4)\n"
                 "  --svg FILE         Kaplan-Meier curves (default trial_km.svg)\n"
                 "  --no-svg           do not write the SVG\n"
                 "  --csv FILE         one row per patient and arm\n"
                 "  --threads T        worker threads (default: one per core); results do not depend on it\n"
                 "  --quiet            no progress bar on stderr\n"
                 "  --help             this text\n");
}

[[noreturn]] void bad(const char* what, const char* value) {
    std::fprintf(stderr, "virtual_trial: %s%s%s%s\n\n", what, value ? " '" : "", value ? value : "", value ? "'" : "");
    usage(stderr);
    std::exit(2);
}

bool parse_u64(const char* s, std::uint64_t& out) {
    if (s == nullptr || *s < '0' || *s > '9') return false;
    char* end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0') return false;
    out = static_cast<std::uint64_t>(v);
    return true;
}

options parse(int argc, char** argv) {
    options o;
    bool svg_off = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) bad("missing value after", argv[i]);
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            usage(stdout);
            std::exit(0);
        } else if (a == "--preset") {
            const char* v = value();
            bool found = false;
            for (int c = 0; c < os::cancer_count; ++c) {
                if (std::strcmp(v, os::cancer_name(static_cast<os::cancer>(c))) == 0) {
                    o.type = static_cast<os::cancer>(c);
                    found = true;
                    o.type_given = true;
                }
            }
            if (!found) bad("unknown preset", v);
        } else if (a == "--compare") {
            const char* v = value();
            if (std::strcmp(v, "continuous-vs-adaptive") == 0) {
                o.compare = comparison::continuous_vs_adaptive;
            } else if (std::strcmp(v, "sequence-vs-combination") == 0) {
                o.compare = comparison::sequence_vs_combination;
            } else {
                bad("unknown comparison", v);
            }
        } else if (a == "--n") {
            const char* v = value();
            if (!parse_u64(v, o.n) || o.n == 0 || o.n > 100000000) bad("--n wants a patient count from 1 to 1e8, not", v);
        } else if (a == "--patients") {
            const char* v = value();
            const char* colon = std::strchr(v, ':');
            if (colon == nullptr) bad("--patients wants A:B, not", v);
            const std::string lo(v, static_cast<std::size_t>(colon - v)), hi(colon + 1);
            if (!parse_u64(lo.c_str(), o.first) || !parse_u64(hi.c_str(), o.last) || o.first >= o.last)
                bad("--patients wants A:B with A < B, not", v);
            o.range_given = true;
        } else if (a == "--seed") {
            const char* v = value();
            if (!parse_u64(v, o.seed)) bad("--seed wants an unsigned integer, not", v);
        } else if (a == "--scalar") {
            const char* v = value();
            if (std::strcmp(v, "float") == 0) {
                o.scalar = scalar_kind::single;
            } else if (std::strcmp(v, "double") == 0) {
                o.scalar = scalar_kind::twice;
            } else if (std::strcmp(v, "fixed") == 0) {
                o.scalar = scalar_kind::fixed;
            } else {
                bad("--scalar wants float, double or fixed, not", v);
            }
        } else if (a == "--years") {
            const char* v = value();
            char* end = nullptr;
            o.years = std::strtod(v, &end);
            if (end == v || *end != '\0' || !(o.years > 0.0) || o.years > 50.0) bad("--years wants a number in (0, 50], not", v);
        } else if (a == "--growth-cv") {
            const char* v = value();
            char* end = nullptr;
            o.growth_cv = std::strtod(v, &end);
            if (end == v || *end != '\0' || !(o.growth_cv >= 0.0) || o.growth_cv > os::max_doubling_time_cv)
                bad("--growth-cv wants a number in [0, 4], not", v);
        } else if (a == "--svg") {
            o.svg = value();
            if (o.svg.empty()) bad("--svg wants a file name", nullptr);
        } else if (a == "--no-svg") {
            svg_off = true;
        } else if (a == "--csv") {
            o.csv = value();
            if (o.csv.empty()) bad("--csv wants a file name", nullptr);
        } else if (a == "--threads") {
            const char* v = value();
            std::uint64_t t = 0;
            if (!parse_u64(v, t) || t == 0 || t > 256) bad("--threads wants a number from 1 to 256, not", v);
            o.threads = static_cast<unsigned>(t);
        } else if (a == "--quiet" || a == "-q") {
            o.quiet = true;
        } else {
            bad("unknown option", argv[i]);
        }
    }
    if (svg_off) o.svg.clear();
    if (!o.type_given) {  // adaptive therapy was first tested in prostate cancer (Zhang et al. 2017)
        o.type = o.compare == comparison::continuous_vs_adaptive ? os::cancer::prostate : os::cancer::breast_triple_negative;
    }
    if (!o.range_given) {
        o.first = 0;
        o.last = o.n;
    } else if (o.last > o.n) {
        bad("--patients goes beyond the cohort (raise --n):", std::to_string(o.last).c_str());
    }
    return o;
}

// ---------------------------------------------------------------------------------------------
// One patient's result: what the record says, captured the first time it happened.

struct patient_result {
    std::uint64_t index = 0;
    std::int32_t end_day = 0;          // last day followed (death or end of follow-up)
    std::int32_t diagnosis_day = -1;
    std::int32_t death_day = -1;
    std::int32_t line1_start = -1;     // first start of line 1
    std::int32_t line1_progression = -1;
    std::int32_t line1_end = -1;       // first end of line 1, and why
    os::stop_reason line1_stop = os::stop_reason::none;
    std::int32_t drug_days = 0;
    std::int32_t holiday_days = 0;     // days on a treatment holiday (adaptive pauses)
    int lines_started = 0;
    os::death_cause cause = os::death_cause::none;
    bool cured = false;  // alive at the end with no cell left (truth)
    bool ned = false;    // alive, diagnosed, nothing visible at the end (the clinic's view)

    bool diagnosed() const { return diagnosis_day >= 0; }
    bool died() const { return death_day >= 0; }
    std::int32_t os_days() const { return (died() ? death_day : end_day) - diagnosis_day; }
    bool on_line1() const { return line1_start >= 0; }
    bool progressed() const { return line1_progression >= line1_start && line1_start >= 0; }
    // The watch for progression on line 1 ends when the line is stopped for toxicity (or by
    // hand): the care team moves on and no longer assesses line 1. A completed fixed course is
    // still watched (surveillance).
    bool line1_stopped_early() const {
        return line1_end >= 0 && (line1_stop == os::stop_reason::toxicity || line1_stop == os::stop_reason::by_hand);
    }
    // Time to progression on line 1: censored at an early stop, at death, or at the end of follow-up.
    std::int32_t ttp_days() const {
        if (progressed()) return line1_progression - line1_start;
        if (line1_stopped_early()) return line1_end - line1_start;
        return (died() ? death_day : end_day) - line1_start;
    }
};

template <class R>
void describe_lines(const os::treatment_plan<R>& plan, std::string& out) {
    for (int l = 0; l < plan.line_count; ++l) {
        out += l == 0 ? "" : "; ";
        out += "line " + std::to_string(l + 1) + ":";
        for (int i = 0; i < plan.lines[l].count; ++i) {
            out += i == 0 ? " " : " + ";
            const int t = plan.lines[l].therapy[i];
            out += os::therapy_class_name(plan.therapies[t].kind);
            int same = 0, rank = 0;  // two therapies of a class: "chemotherapy A", "chemotherapy B"
            for (int j = 0; j < plan.therapy_count; ++j) {
                same += plan.therapies[j].kind == plan.therapies[t].kind ? 1 : 0;
                rank += (j < t && plan.therapies[j].kind == plan.therapies[t].kind) ? 1 : 0;
            }
            if (same > 1) out += std::string(" ") + static_cast<char>('A' + rank);
        }
    }
    if (plan.curative_local) out += "; local treatment first when operable";
}

// The two arms from the preset's standard plan.
template <class R>
bool make_arms(const options& o, os::treatment_plan<R> (&arms)[arm_count], std::string (&what)[arm_count],
               int (&assess_days)[arm_count]) {
    const os::treatment_plan<R> standard = os::standard_plan<R>(o.type);
    arms[0] = standard;
    arms[1] = standard;
    if (o.compare == comparison::continuous_vs_adaptive) {
        // same schedule of assessments in both arms, so that TTP is not biased by how often one looks
        arms[0].assess_days = 28;
        arms[1].assess_days = 28;
        arms[1].kind = os::strategy::adaptive;
    } else {
        if (standard.line_count < 2) return false;
        os::treatment_plan<R>& c = arms[1];
        os::therapy_line together{{0, 0, 0}, 0};
        for (int l = 0; l < 2; ++l) {
            for (int i = 0; i < standard.lines[l].count; ++i) {
                const std::uint8_t t = standard.lines[l].therapy[i];
                bool seen = false;
                for (int j = 0; j < together.count && j < os::max_line_therapies; ++j) seen = seen || together.therapy[j] == t;
                if (seen) continue;
                if (together.count >= os::max_line_therapies) return false;
                together.therapy[together.count++] = t;
            }
        }
        c.lines[0] = together;
        for (int l = 2; l < standard.line_count; ++l) c.lines[l - 1] = standard.lines[l];
        c.lines[standard.line_count - 1] = os::therapy_line{};
        c.line_count = static_cast<std::uint8_t>(standard.line_count - 1);
    }
    for (int a = 0; a < arm_count; ++a) {
        what[a].clear();
        describe_lines(arms[a], what[a]);
        what[a] += arms[a].kind == os::strategy::adaptive
                       ? "; adaptive: pause below 50% of the line's baseline marker, resume at 100%"
                       : "; continuous";
        assess_days[a] = arms[a].assess_days;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Progress bar on stderr: redrawn in place on a terminal, drawn once as a growing line of '#'
// elsewhere (a CI log gets one line). At most 50 updates either way.

class progress_bar {
public:
    progress_bar(bool on, std::uint64_t total) : on_(on), tty_(isatty(2) != 0), total_(total == 0 ? 1 : total) {
        start_ = std::chrono::steady_clock::now();
        if (on_ && !tty_) std::fputs("simulating [", stderr);
        update(0);
    }
    void update(std::uint64_t done) {
        if (!on_) return;
        const int filled = static_cast<int>(done * width / total_);
        if (filled == filled_ && done != 0) return;
        if (tty_) {
            char bar[width + 1];
            for (int i = 0; i < width; ++i) bar[i] = i < filled ? '#' : '.';
            bar[width] = '\0';
            std::fprintf(stderr, "\rsimulating [%s] %3d%% %llu/%llu patient-arms %5.1f s", bar,
                         static_cast<int>(done * 100 / total_), static_cast<unsigned long long>(done),
                         static_cast<unsigned long long>(total_), seconds());
        } else {
            for (int i = filled_; i < filled; ++i) std::fputc('#', stderr);
        }
        filled_ = filled;
        std::fflush(stderr);
    }
    void finish() {
        if (!on_) return;
        update(total_);
        std::fprintf(stderr, tty_ ? "\nsimulated in %.1f s\n" : "] %.1f s\n", seconds());
    }
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

private:
    static constexpr int width = 50;
    bool on_, tty_;
    std::uint64_t total_;
    int filled_ = 0;
    std::chrono::steady_clock::time_point start_;
};

// ---------------------------------------------------------------------------------------------
// The simulation: results[arm * count + (index - first)].

template <class S>
int simulate(const options& o, std::vector<patient_result>& results, std::string (&what)[arm_count], int (&assess_days)[arm_count]) {
    using R = os::real_t<S>;
    using care_type = os::care<S, 16, 4>;
    const os::patient_params<R> params = os::preset<R>(o.type);
    os::treatment_plan<R> plans[arm_count];
    if (!make_arms(o, plans, what, assess_days)) {
        std::fprintf(stderr, "virtual_trial: the %s preset has no two lines that fit into one combination line\n",
                     os::cancer_name(o.type));
        return 1;
    }
    os::errc e = params.validate();
    for (int a = 0; a < arm_count && e == os::errc::ok; ++a) e = plans[a].validate();
    if (e != os::errc::ok) {
        std::fprintf(stderr, "virtual_trial: invalid parameters: %s\n", os::error_name(e));
        return 1;
    }
    const std::uint64_t count = o.last - o.first;
    const std::uint64_t total = count * arm_count;
    const std::int32_t follow_days = static_cast<std::int32_t>(std::lround(o.years * 365.25));
    results.assign(static_cast<std::size_t>(total), patient_result{});
    std::atomic<std::uint64_t> next{0}, done{0};
    std::atomic<int> failure{0};

    auto worker = [&]() {
        care_type c;  // 2.5 KB, trivially copyable
        for (;;) {
            const std::uint64_t k = next.fetch_add(1);
            if (k >= total) break;
            const int arm = static_cast<int>(k % arm_count);  // both arms of a patient side by side
            const std::uint64_t index = o.first + k / arm_count;
            const os::treatment_plan<R>& plan = plans[arm];
            patient_result& r = results[static_cast<std::size_t>(static_cast<std::uint64_t>(arm) * count + (index - o.first))];
            r.index = index;
            // the patient's own tumour: the same in both arms (the same seed and index)
            os::patient_params<R> mine = params;
            os::errc started = os::individual_params(mine, R(o.growth_cv), o.seed, index);
            if (started == os::errc::ok) started = c.start(mine, plan, o.seed, index, founder_cells);
            if (started != os::errc::ok) {
                failure.store(static_cast<int>(started) + 1);
                done.fetch_add(1);
                continue;
            }
            const os::care_record& rec = c.record();
            while (c.truth().alive() && c.truth().day() < follow_days) {  // bounded: one day per step
                c.step(mine, plan);
                if (r.line1_start < 0 && rec.line_start[0] >= 0) r.line1_start = rec.line_start[0];
                if (r.line1_progression < 0 && rec.line_progression[0] >= 0) r.line1_progression = rec.line_progression[0];
                if (r.line1_end < 0 && rec.line_end[0] >= 0) {
                    r.line1_end = rec.line_end[0];
                    r.line1_stop = rec.line_stop[0];
                }
                r.holiday_days += c.state() == os::care_state::holiday ? 1 : 0;
            }
            r.end_day = c.truth().day();
            r.diagnosis_day = rec.diagnosis_day;
            r.death_day = rec.death_day;
            r.cause = rec.cause;
            r.drug_days = rec.drug_days;
            r.lines_started = rec.lines_started;
            const bool alive = c.truth().alive();
            r.cured = alive && c.truth().cured();
            r.ned = alive && r.diagnosed() && c.truth().observe(mine).ned();
            done.fetch_add(1);
        }
    };

    unsigned threads = o.threads != 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    if (threads > total) threads = static_cast<unsigned>(total);
    progress_bar bar(!o.quiet, total);
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    while (done.load() < total) {  // the main thread only draws the bar
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        bar.update(done.load());
    }
    for (std::thread& t : pool) t.join();
    bar.finish();
    if (failure.load() != 0) {
        std::fprintf(stderr, "virtual_trial: a patient could not start: %s\n",
                     os::error_name(static_cast<os::errc>(failure.load() - 1)));
        return 1;
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Kaplan-Meier product-limit estimator and the log-rank test.

struct observation {
    std::int32_t days;
    bool event;  // false: censored
};

struct km_step {
    double months;
    double survival;  // after the events at this time
};

struct km_curve {
    std::vector<km_step> steps;      // one per distinct event time
    std::vector<km_step> censored;   // one per distinct censoring time, at the curve's height there
    double last_months = 0.0;        // the longest observation
    std::size_t n = 0, events = 0;

    // Median: the first time the curve reaches 0.5 or below; when it rests at exactly 0.5, the
    // midpoint of that flat stretch up to the next event (as R's survival package). NaN: not reached.
    double median() const {
        for (std::size_t i = 0; i < steps.size(); ++i) {
            if (std::fabs(steps[i].survival - 0.5) < 1e-9) {
                return i + 1 < steps.size() ? (steps[i].months + steps[i + 1].months) / 2 : steps[i].months;
            }
            if (steps[i].survival < 0.5) return steps[i].months;
        }
        return NAN;
    }
    double at(double months) const {  // S(t); NaN beyond the longest observation
        if (n == 0 || months > last_months) return NAN;
        double s = 1.0;
        for (const km_step& k : steps) {
            if (k.months > months) break;
            s = k.survival;
        }
        return s;
    }
};

bool by_time_events_first(const observation& a, const observation& b) {
    if (a.days != b.days) return a.days < b.days;
    return a.event && !b.event;  // at a tie, the censored are still at risk at the event
}

km_curve kaplan_meier(std::vector<observation> obs) {
    std::sort(obs.begin(), obs.end(), by_time_events_first);
    km_curve c;
    c.n = obs.size();
    std::size_t at_risk = obs.size(), i = 0;
    double s = 1.0;
    while (i < obs.size()) {  // every pass consumes at least one observation
        const std::int32_t t = obs[i].days;
        std::size_t d = 0, censored = 0;
        for (; i < obs.size() && obs[i].days == t; ++i) (obs[i].event ? d : censored) += 1;
        const double months = t / days_per_month;
        if (d > 0) {
            s *= 1.0 - static_cast<double>(d) / static_cast<double>(at_risk);
            c.steps.push_back({months, s});
            c.events += d;
        }
        if (censored > 0) c.censored.push_back({months, s});
        at_risk -= d + censored;
        c.last_months = months;
    }
    return c;
}

struct logrank {
    double chi2 = NAN, p = NAN;
    double hazard_ratio = NAN;  // arm 1 against arm 0: (O1/E1) / (O0/E0)
};

logrank log_rank(const std::vector<observation>& a, const std::vector<observation>& b) {
    struct tagged {
        observation o;
        int group;
    };
    std::vector<tagged> all;
    all.reserve(a.size() + b.size());
    for (const observation& o : a) all.push_back({o, 0});
    for (const observation& o : b) all.push_back({o, 1});
    std::sort(all.begin(), all.end(), [](const tagged& x, const tagged& y) { return by_time_events_first(x.o, y.o); });
    double at_risk[2] = {static_cast<double>(a.size()), static_cast<double>(b.size())};
    double observed0 = 0, expected0 = 0, variance = 0, events = 0;
    std::size_t i = 0;
    while (i < all.size()) {
        const std::int32_t t = all[i].o.days;
        double d[2] = {0, 0}, leaving[2] = {0, 0};
        for (; i < all.size() && all[i].o.days == t; ++i) {
            if (all[i].o.event) d[all[i].group] += 1;
            leaving[all[i].group] += 1;
        }
        const double n = at_risk[0] + at_risk[1], dt = d[0] + d[1];
        if (dt > 0 && n > 0) {
            observed0 += d[0];
            expected0 += dt * at_risk[0] / n;
            if (n > 1) variance += dt * (at_risk[0] / n) * (1 - at_risk[0] / n) * (n - dt) / (n - 1);
            events += dt;
        }
        at_risk[0] -= leaving[0];
        at_risk[1] -= leaving[1];
    }
    logrank r;
    if (variance > 0) {
        r.chi2 = (observed0 - expected0) * (observed0 - expected0) / variance;
        r.p = std::erfc(std::sqrt(r.chi2 / 2));  // chi-square, one degree of freedom
        const double observed1 = events - observed0, expected1 = events - expected0;
        if (observed0 > 0 && expected1 > 0) r.hazard_ratio = (observed1 / expected1) / (observed0 / expected0);
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// Summaries.

struct arm_summary {
    std::size_t n = 0, diagnosed = 0, deaths = 0, on_line1 = 0, progressed = 0, cured = 0, ned = 0;
    double drug_months_mean = 0;     // per patient on line 1 or later
    double holiday_months_mean = 0;  // the same, on treatment holidays
    std::vector<observation> os, ttp;
    km_curve os_curve, ttp_curve;
};

arm_summary summarise(const patient_result* r, std::size_t count) {
    arm_summary s;
    s.n = count;
    double drug_days = 0, holiday_days = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const patient_result& p = r[i];
        s.deaths += p.died() ? 1u : 0u;
        s.cured += p.cured ? 1u : 0u;
        s.ned += p.ned ? 1u : 0u;
        if (!p.diagnosed()) continue;
        ++s.diagnosed;
        s.os.push_back({p.os_days(), p.died()});
        if (!p.on_line1()) continue;
        ++s.on_line1;
        s.progressed += p.progressed() ? 1u : 0u;
        s.ttp.push_back({p.ttp_days(), p.progressed()});
        drug_days += p.drug_days;
        holiday_days += p.holiday_days;
    }
    s.drug_months_mean = s.on_line1 > 0 ? drug_days / static_cast<double>(s.on_line1) / days_per_month : NAN;
    s.holiday_months_mean = s.on_line1 > 0 ? holiday_days / static_cast<double>(s.on_line1) / days_per_month : NAN;
    s.os_curve = kaplan_meier(s.os);
    s.ttp_curve = kaplan_meier(s.ttp);
    return s;
}

std::string fmt(double v, const char* spec = "%.1f") {
    if (std::isnan(v)) return "NA";
    char b[64];
    std::snprintf(b, sizeof b, spec, v);
    return b;
}

// ---------------------------------------------------------------------------------------------
// SVG: OS solid, TTP dashed, censoring ticks, numbers at risk, legend with medians.

struct svg_meta {
    std::string title, subtitle;
    const char* names[arm_count];
    std::string plans[arm_count];
    std::vector<std::string> notes;  // shown under the legend
    logrank os_test, ttp_test;
    double follow_months;
};

std::string p_text(double p) { return p == 0.0 ? "&lt; 1e-300" : fmt(p, "%.3g"); }  // 0: erfc underflowed

bool write_svg(const std::string& path, const svg_meta& m, const arm_summary (&arms)[arm_count]) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (f == nullptr) return false;
    constexpr double W = 1000, H = 640, x0 = 130, x1 = 690, y0 = 100, y1 = 450;
    const char* colour[arm_count] = {"#1f5fa8", "#d1495b"};
    // x range: the longest observation, rounded up to a whole tick
    double longest = 0;
    for (const arm_summary& a : arms) longest = std::max({longest, a.os_curve.last_months, a.ttp_curve.last_months});
    if (longest <= 0) longest = m.follow_months;
    double tick = 48;  // months between ticks: the finest that gives at most 10
    for (const double t : {1.0, 2.0, 3.0, 6.0, 12.0, 24.0}) {
        if (std::ceil(longest / t) <= 10) {
            tick = t;
            break;
        }
    }
    const double xmax = std::max(tick, std::ceil(longest / tick) * tick);
    auto X = [&](double months) { return x0 + (x1 - x0) * months / xmax; };
    auto Y = [&](double p) { return y1 - (y1 - y0 - 12) * p; };  // headroom: a curve at 1 is not the frame

    std::fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                    "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n", W, H, W, H);
    std::fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    std::fprintf(f, "<text x=\"20\" y=\"28\" font-size=\"17\" font-weight=\"bold\">%s</text>\n", m.title.c_str());
    std::fprintf(f, "<text x=\"20\" y=\"48\" fill=\"#444\">%s</text>\n", m.subtitle.c_str());
    for (int a = 0; a < arm_count; ++a) {
        std::fprintf(f, "<text x=\"20\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s: %s</text>\n", 66 + 15 * a, colour[a], m.names[a],
                     m.plans[a].c_str());
    }
    // grid and axes
    for (int i = 0; i <= 10; ++i) {
        const double p = i / 10.0;
        std::fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>\n", x0, Y(p), x1,
                     Y(p), i == 5 ? "#bbb" : "#eee");
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>\n", x0 - 8, Y(p) + 4, p);
    }
    for (double t = 0; t <= xmax + 1e-9; t += tick) {
        std::fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>\n", X(t), y0, X(t), y1);
        std::fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>\n", X(t), y1, X(t), y1 + 5);
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>\n", X(t), y1 + 20, t);
    }
    std::fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"black\"/>\n", x0, y0,
                 x1 - x0, y1 - y0);
    std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">months (OS from diagnosis; TTP from the start of line 1)</text>\n",
                 (x0 + x1) / 2, y1 + 42);
    std::fprintf(f, "<text transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"middle\">probability (OS: alive; TTP: free of "
                    "progression on line 1)</text>\n", x0 - 52, (y0 + y1) / 2);
    // curves
    for (int a = 0; a < arm_count; ++a) {
        for (int which = 0; which < 2; ++which) {
            const km_curve& c = which == 0 ? arms[a].os_curve : arms[a].ttp_curve;
            if (c.n == 0) continue;
            // the second arm thinner, on top: where the curves coincide both colours show
            std::fprintf(f, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s d=\"M%.2f %.2f", colour[a],
                         which == 0 ? (a == 0 ? "3.2" : "1.8") : (a == 0 ? "2.8" : "1.6"),
                         which == 0 ? "" : " stroke-dasharray=\"8 4\"", X(0), Y(1));
            for (const km_step& k : c.steps) std::fprintf(f, " H%.2f V%.2f", X(k.months), Y(k.survival));
            std::fprintf(f, " H%.2f\"/>\n", X(c.last_months));
            // censoring ticks, at most one per 3 pixels
            std::fprintf(f, "<path stroke=\"%s\" stroke-width=\"1\" d=\"", colour[a]);
            double last_x = -10;
            for (const km_step& k : c.censored) {
                const double x = X(k.months);
                if (x - last_x < 3) continue;
                last_x = x;
                std::fprintf(f, "M%.1f %.1fv7", x, Y(k.survival) - 3.5);
            }
            std::fprintf(f, "\"/>\n");
        }
    }
    // numbers at risk (OS)
    double row = y1 + 74;
    std::fprintf(f, "<text x=\"20\" y=\"%.1f\" font-weight=\"bold\">Number at risk (OS)</text>\n", row);
    for (int a = 0; a < arm_count; ++a) {
        row += 20;
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s</text>\n", x0 - 24, row, colour[a], m.names[a]);
        for (double t = 0; t <= xmax + 1e-9; t += tick) {
            std::size_t n = 0;
            for (const observation& o : arms[a].os) n += (o.days / days_per_month >= t) ? 1 : 0;
            std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%zu</text>\n", X(t),
                         row, colour[a], n);
        }
    }
    // legend
    const double lx = x1 + 24;
    double ly = y0 + 8;
    for (int a = 0; a < arm_count; ++a) {
        const arm_summary& s = arms[a];
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\" fill=\"%s\">%s</text>\n", lx, ly, colour[a], m.names[a]);
        ly += 20;
        std::fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>\n", lx, ly - 4,
                     lx + 30, ly - 4, colour[a], a == 0 ? "3.2" : "1.8");
        const double os_med = s.os_curve.median(), ttp_med = s.ttp_curve.median();
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">OS: median %s</text>\n", lx + 38, ly,
                     std::isnan(os_med) ? "not reached" : (fmt(os_med) + " months").c_str());
        ly += 20;
        std::fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\" "
                        "stroke-dasharray=\"8 4\"/>\n", lx, ly - 4, lx + 30, ly - 4, colour[a], a == 0 ? "2.8" : "1.6");
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">TTP line 1: median %s</text>\n", lx + 38, ly,
                     std::isnan(ttp_med) ? "not reached" : (fmt(ttp_med) + " months").c_str());
        ly += 18;
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#444\">%zu diagnosed, %zu deaths</text>\n",
                     lx + 38, ly, s.diagnosed, s.deaths);
        ly += 16;
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#444\">%zu on line 1, %zu progressed on it</text>\n", lx + 38, ly,
                     s.on_line1, s.progressed);
        ly += 16;
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#444\">mean time on drug %s months</text>\n", lx + 38,
                     ly, fmt(s.drug_months_mean).c_str());
        ly += 30;
    }
    std::fprintf(f, "<path stroke=\"black\" stroke-width=\"1\" d=\"M%.1f %.1fv7\"/>\n", lx + 15, ly - 9.5);
    std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">censored</text>\n", lx + 38, ly);
    ly += 30;
    std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">log-rank OS: p %s, HR %s</text>\n", lx, ly, p_text(m.os_test.p).c_str(),
                 fmt(m.os_test.hazard_ratio, "%.2f").c_str());
    ly += 18;
    std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">log-rank TTP: p %s, HR %s</text>\n", lx, ly, p_text(m.ttp_test.p).c_str(),
                 fmt(m.ttp_test.hazard_ratio, "%.2f").c_str());
    ly += 16;
    std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#444\">(HR: %s against %s)</text>\n", lx, ly, m.names[1],
                 m.names[0]);
    for (std::size_t i = 0; i < m.notes.size(); ++i) {
        const std::string& line = m.notes[i];
        ly += i == 0 ? 24 : 16;
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#a00\">%s</text>\n", lx, ly, line.c_str());
    }
    std::fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#666\">Simulated with oncostate for education and research; "
                    "not a prediction for any patient.</text>\n", 20.0, H - 12);
    std::fprintf(f, "</svg>\n");
    return std::fclose(f) == 0;
}

bool write_csv(const std::string& path, comparison compare, const std::vector<patient_result>& results, std::size_t count) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (f == nullptr) return false;
    std::fprintf(f, "arm,patient,diagnosed,diagnosis_day,overall_survival_days,died,time_to_progression_days,progressed,"
                    "line1_stop,cause_of_death,cured,ned,lines_started,drug_days,holiday_days\n");
    for (int a = 0; a < arm_count; ++a) {
        for (std::size_t i = 0; i < count; ++i) {
            const patient_result& p = results[static_cast<std::size_t>(a) * count + i];
            const std::string os_days = p.diagnosed() ? std::to_string(p.os_days()) : "NA";
            const std::string ttp = p.on_line1() ? std::to_string(p.ttp_days()) : "NA";
            std::fprintf(f, "%s,%llu,%d,%s,%s,%d,%s,%s,%s,%s,%d,%d,%d,%d,%d\n", arm_name(compare, a), static_cast<unsigned long long>(p.index),
                         p.diagnosed() ? 1 : 0, p.diagnosed() ? std::to_string(p.diagnosis_day).c_str() : "NA", os_days.c_str(),
                         p.died() ? 1 : 0, ttp.c_str(), p.on_line1() ? (p.progressed() ? "1" : "0") : "NA",
                         p.on_line1() ? os::stop_reason_name(p.line1_stop) : "NA",
                         os::death_cause_name(p.cause), p.cured ? 1 : 0, p.ned ? 1 : 0, p.lines_started, p.drug_days, p.holiday_days);
        }
    }
    return std::fclose(f) == 0;
}

std::string signed_fmt(double v) { return std::isnan(v) ? "NA" : fmt(v, "%+.1f"); }

}  // namespace

int main(int argc, char** argv) {
    const options o = parse(argc, argv);
    std::vector<patient_result> results;
    std::string what[arm_count];
    int assess_days[arm_count] = {};
    int rc = 0;
    switch (o.scalar) {
        case scalar_kind::single: rc = simulate<float>(o, results, what, assess_days); break;
        case scalar_kind::twice: rc = simulate<double>(o, results, what, assess_days); break;
        case scalar_kind::fixed: rc = simulate<os::q16_16>(o, results, what, assess_days); break;
    }
    if (rc != 0) return rc;
    const std::size_t count = static_cast<std::size_t>(o.last - o.first);
    const std::int32_t follow_days = static_cast<std::int32_t>(std::lround(o.years * 365.25));

    arm_summary arms[arm_count];
    for (int a = 0; a < arm_count; ++a) arms[a] = summarise(results.data() + static_cast<std::size_t>(a) * count, count);
    const logrank os_test = log_rank(arms[0].os, arms[1].os), ttp_test = log_rank(arms[0].ttp, arms[1].ttp);

    std::printf("# oncostate virtual trial: a simulation for education and research, not a prediction for any patient\n");
    std::printf("# preset %s, compare %s, patients %llu:%llu, seed %llu, scalar %s, follow-up %g years (%d days from day 0)\n",
                os::cancer_name(o.type), comparison_name(o.compare), static_cast<unsigned long long>(o.first),
                static_cast<unsigned long long>(o.last), static_cast<unsigned long long>(o.seed), scalar_name(o.scalar), o.years,
                follow_days);
    std::printf("# doubling times differ between patients: log-normal around the preset's, coefficient of variation %g\n",
                o.growth_cv);
    std::printf("# each patient: an in-situ primary of 2e7 cells at day 0, diagnosed when a scan or a symptom shows the disease,\n"
                "# followed until death or day %d; OS from diagnosis, TTP on line 1 from its start (censored when line 1\n"
                "# stops for toxicity, at death, at the end); Kaplan-Meier medians in months, NA = not reached;\n"
                "# undiagnosed patients are left out of OS and TTP; cured = no cell left (truth), ned = nothing visible (clinic)\n",
                follow_days);
    for (int a = 0; a < arm_count; ++a)
        std::printf("# arm %s: %s; assessed every %d days\n", arm_name(o.compare, a), what[a].c_str(), assess_days[a]);
    for (int a = 0; a < arm_count; ++a) {
        const arm_summary& s = arms[a];
        std::printf("arm %s: n %zu diagnosed %zu undiagnosed %zu deaths %zu median_os_months %s median_ttp_months %s os_5y %s on_line1 %zu "
                    "progressed %zu cured %zu ned %zu drug_months_mean %s holiday_months_mean %s\n",
                    arm_name(o.compare, a), s.n, s.diagnosed, s.n - s.diagnosed, s.deaths, fmt(s.os_curve.median()).c_str(),
                    fmt(s.ttp_curve.median()).c_str(), fmt(s.os_curve.at(60.0), "%.3f").c_str(),
                    s.on_line1, s.progressed, s.cured, s.ned, fmt(s.drug_months_mean).c_str(),
                    fmt(s.holiday_months_mean).c_str());
    }
    std::printf("difference %s-%s: median_os_months %s median_ttp_months %s hr_os %s logrank_os_p %s hr_ttp %s logrank_ttp_p %s "
                "cured %+lld ned %+lld\n",
                arm_name(o.compare, 1), arm_name(o.compare, 0),
                signed_fmt(arms[1].os_curve.median() - arms[0].os_curve.median()).c_str(),
                signed_fmt(arms[1].ttp_curve.median() - arms[0].ttp_curve.median()).c_str(), fmt(os_test.hazard_ratio, "%.3f").c_str(),
                fmt(os_test.p, "%.3g").c_str(), fmt(ttp_test.hazard_ratio, "%.3f").c_str(), fmt(ttp_test.p, "%.3g").c_str(),
                static_cast<long long>(arms[1].cured) - static_cast<long long>(arms[0].cured),
                static_cast<long long>(arms[1].ned) - static_cast<long long>(arms[0].ned));
    const bool no_pause = o.compare == comparison::continuous_vs_adaptive && arms[1].on_line1 > 0 && !(arms[1].holiday_months_mean > 0);
    if (no_pause) {
        std::printf("# note: no adaptive pause happened (the marker never fell below half of a line's baseline marker),\n"
                    "# so the two arms received the same treatment\n");
    }

    if (!o.svg.empty()) {
        svg_meta m;
        m.title = std::string("Virtual trial: ") + os::cancer_name(o.type) + ", " + arm_name(o.compare, 0) + " vs " +
                  arm_name(o.compare, 1) + " (simulated)";
        m.subtitle = "patients " + std::to_string(o.first) + ":" + std::to_string(o.last) + " per arm, seed " + std::to_string(o.seed) +
                     ", " + scalar_name(o.scalar) + ", primary of 2e7 cells at day 0, doubling-time CV " + fmt(o.growth_cv, "%g") +
                     ", follow-up " + fmt(o.years, "%g") +
                     " years from day 0, assessments every " + std::to_string(assess_days[0]) + " days";
        for (int a = 0; a < arm_count; ++a) {
            m.names[a] = arm_name(o.compare, a);
            m.plans[a] = what[a];
        }
        m.os_test = os_test;
        m.ttp_test = ttp_test;
        m.follow_months = follow_days / days_per_month;
        if (no_pause) m.notes = {"No adaptive pause happened:", "both arms got the same treatment."};
        if (!write_svg(o.svg, m, arms)) {
            std::fprintf(stderr, "virtual_trial: cannot write %s\n", o.svg.c_str());
            return 1;
        }
        std::printf("# wrote %s\n", o.svg.c_str());
    }
    if (!o.csv.empty()) {
        if (!write_csv(o.csv, o.compare, results, count)) {
            std::fprintf(stderr, "virtual_trial: cannot write %s\n", o.csv.c_str());
            return 1;
        }
        std::printf("# wrote %s\n", o.csv.c_str());
    }
    return 0;
}
