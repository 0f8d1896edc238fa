// demo: the SVG chart of one run, written by hand (no library). Plain data in, text out; the same
// data gives the same bytes.
#ifndef ONCOSTATE_DEMO_SVG_HPP
#define ONCOSTATE_DEMO_SVG_HPP

#include <cmath>    // std::log10, std::fabs
#include <cstdint>  // fixed-width integers
#include <cstdio>   // std::FILE, std::fprintf
#include <cstdlib>  // std::atoi
#include <string>
#include <vector>

namespace demo {

// One lesion from its founding to its end: a slot of the lesion table may hold several in turn.
struct lesion_track {
    int slot = 0;
    std::string label;                   // "L3 liver"
    int first_day = 0, last_day = 0;     // days with at least one cell
    std::vector<std::uint64_t> cells;    // per day from first_day
    std::vector<std::uint64_t> resistant;
};

struct band {  // a line of therapy being given
    int line = 0, from = 0, to = 0;
    std::string what;  // "chemotherapy"
};

struct marker {  // an event drawn on the total burden
    enum kind_t { diagnosis, progression, relapse, local_therapy, death } kind;
    int day = 0;
    std::uint64_t cells = 0;  // the total burden when it happened
    std::string title;
};

struct chart {
    std::string title, subtitle, outcome;
    int days = 0;                       // the x axis runs over [0, days]
    std::vector<std::uint64_t> total;   // per day, every lesion
    std::vector<lesion_track> tracks;   // the ones worth drawing
    int hidden_tracks = 0;              // lesions that never reached hidden_below cells: not drawn
    std::uint64_t hidden_below = 0;
    std::vector<band> bands;
    std::vector<marker> markers;
    std::uint64_t imaging_cells = 0, lethal_cells = 0;
};

// 3.1e9, or the exact number below 10000.
inline std::string cells_text(std::uint64_t n) {
    char b[32];
    if (n < 10000) {
        std::snprintf(b, sizeof b, "%llu", static_cast<unsigned long long>(n));
        return b;
    }
    std::snprintf(b, sizeof b, "%.1e", static_cast<double>(n));  // 3.1e+09
    const std::string s = b;
    const std::size_t e = s.find('e');
    std::string mantissa = s.substr(0, e);
    if (mantissa.size() == 3 && mantissa[2] == '0') mantissa = mantissa.substr(0, 1);  // 1.0e12 -> 1e12
    return mantissa + "e" + std::to_string(std::atoi(s.c_str() + e + 1));
}

namespace svg_detail {

constexpr double width = 900, height = 590;
constexpr double left = 62, right = 688, top = 74, bottom = 486;
constexpr double max_log = 13;  // 1e13 cells at the top

inline double x_of(const chart& c, double day) { return left + (right - left) * day / (c.days > 0 ? c.days : 1); }
inline double y_of_log(double l) { return bottom - (bottom - top) * (l < 0 ? 0 : (l > max_log ? max_log : l)) / max_log; }
inline double y_of(std::uint64_t cells) { return y_of_log(cells == 0 ? 0.0 : std::log10(static_cast<double>(cells))); }

inline std::string escape(const std::string& s) {
    std::string out;
    for (char ch : s) {
        if (ch == '&') out += "&amp;";
        else if (ch == '<') out += "&lt;";
        else if (ch == '>') out += "&gt;";
        else if (ch == '"') out += "&quot;";
        else out += ch;
    }
    return out;
}

inline const char* colour(int slot) {
    static const char* const palette[] = {"#222222", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
                                          "#17becf", "#8c564b", "#e377c2", "#7f7f00", "#3949ab", "#00897b",
                                          "#c2185b", "#5d4037", "#f9a825", "#546e7a"};
    return palette[static_cast<unsigned>(slot) % (sizeof palette / sizeof palette[0])];
}
inline const char* band_colour(int line) {
    static const char* const palette[] = {"#4c9be8", "#f0a030", "#6cc06c", "#c080e0", "#e07070", "#50c0c0"};
    return palette[static_cast<unsigned>(line - 1) % 6];
}

// Polylines through the days where `series` is positive, one per unbroken run, a point every
// `every` days plus the first and last day of each run (so a resection ends a line where it happens).
inline void polylines(std::FILE* f, const chart& c, int first_day, const std::vector<std::uint64_t>& series, int every,
                      const char* style) {
    const int n = static_cast<int>(series.size());
    int i = 0;
    while (i < n) {
        while (i < n && series[static_cast<unsigned>(i)] == 0) ++i;
        if (i >= n) break;
        int j = i;
        while (j < n && series[static_cast<unsigned>(j)] != 0) ++j;  // run [i, j)
        if (j - i < 2) {  // one day draws nothing
            i = j;
            continue;
        }
        std::fprintf(f, "<polyline %s points=\"", style);
        for (int k = i; k < j; ++k) {
            const int day = first_day + k;
            if (k != i && k != j - 1 && day % every != 0) continue;
            std::fprintf(f, "%.1f,%.1f ", x_of(c, day), y_of(series[static_cast<unsigned>(k)]));
        }
        std::fprintf(f, "\"/>\n");
        i = j;
    }
}

inline const char* marker_fill(marker::kind_t k) {
    switch (k) {
        case marker::diagnosis: return "#ffd54f";
        case marker::progression: return "#e53935";
        case marker::relapse: return "#fb8c00";
        case marker::local_therapy: return "#81c784";
        case marker::death: return "#000";
    }
    return "#fff";
}
inline const char* marker_name(marker::kind_t k) {
    switch (k) {
        case marker::diagnosis: return "diagnosis";
        case marker::progression: return "progression (RECIST PD)";
        case marker::relapse: return "relapse";
        case marker::local_therapy: return "surgery / radiotherapy";
        case marker::death: return "death";
    }
    return "";
}

// A marker's symbol, closed; with a tooltip when `title` is not empty.
inline void symbol(std::FILE* f, marker::kind_t k, double x, double y, const std::string& title) {
    const char* stroke = "stroke=\"#000\" stroke-width=\"0.8\"";
    const char* tag = "path";
    switch (k) {
        case marker::diagnosis:
            std::fprintf(f, "<path d=\"M%.1f,%.1f l6,10 h-12 z\" fill=\"%s\" %s", x, y - 6, marker_fill(k), stroke);
            break;
        case marker::progression:
            std::fprintf(f, "<path d=\"M%.1f,%.1f l6,6 l-6,6 l-6,-6 z\" fill=\"%s\" %s", x, y - 6, marker_fill(k), stroke);
            break;
        case marker::relapse:
            tag = "circle";
            std::fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" %s", x, y, marker_fill(k), stroke);
            break;
        case marker::local_therapy:
            tag = "rect";
            std::fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\" %s", x - 5, y - 5,
                         marker_fill(k), stroke);
            break;
        case marker::death:
            std::fprintf(f, "<path d=\"M%.1f,%.1f l10,10 m0,-10 l-10,10\" stroke=\"#000\" stroke-width=\"2.5\" fill=\"none\"",
                         x - 5, y - 5);
            break;
    }
    if (title.empty()) {
        std::fprintf(f, "/>\n");
    } else {
        std::fprintf(f, "><title>%s</title></%s>\n", escape(title).c_str(), tag);
    }
}

// A tick step in days that gives about six to twelve ticks.
inline int tick_step(int days) {
    static const int steps[] = {7, 14, 30, 60, 90, 182, 365, 730, 1825, 3650};
    for (int s : steps) {
        if (days / s <= 11) return s;
    }
    return 7300;
}

}  // namespace svg_detail

// Writes the chart; false when the file cannot be written.
inline bool write_svg(const chart& c, const std::string& path) {
    using namespace svg_detail;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    const int every = c.days > 800 ? (c.days + 799) / 800 : 1;  // about 800 points per line at most
    std::fprintf(f,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                 "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"11\">\n",
                 width, height, width, height);
    std::fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n");
    std::fprintf(f, "<text x=\"%.0f\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>\n", left,
                 escape(c.title).c_str());
    std::fprintf(f, "<text x=\"%.0f\" y=\"44\" font-size=\"12\" fill=\"#444\">%s</text>\n", left, escape(c.subtitle).c_str());

    // therapy lines as bands, labelled at the top
    std::fprintf(f, "<g id=\"therapy\">\n");
    int labelled = 0;
    for (const band& b : c.bands) {
        const double x0 = x_of(c, b.from), x1 = x_of(c, b.to > b.from ? b.to : b.from + 1);
        std::fprintf(f, "<rect x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"%.0f\" fill=\"%s\" fill-opacity=\"0.18\">"
                     "<title>line %d (%s): day %d to %d</title></rect>\n",
                     x0, top, x1 - x0 < 1 ? 1 : x1 - x0, bottom - top, band_colour(b.line), b.line, escape(b.what).c_str(),
                     b.from, b.to);
        if (b.line > labelled) {  // the first stretch of each line carries the label
            labelled = b.line;
            std::fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"10\" fill=\"#333\">line %d</text>\n", x0 + 2, top - 4,
                         b.line);
        }
    }
    std::fprintf(f, "</g>\n");

    // axes and grid
    std::fprintf(f, "<g id=\"axes\" stroke=\"#ccc\" stroke-width=\"0.6\">\n");
    for (int e = 0; e <= static_cast<int>(max_log); ++e) {
        std::fprintf(f, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>\n", left, y_of_log(e), right, y_of_log(e));
    }
    const int step = tick_step(c.days);
    for (int d = 0; d <= c.days; d += step) {
        std::fprintf(f, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\"/>\n", x_of(c, d), top, x_of(c, d), bottom);
    }
    std::fprintf(f, "</g>\n<g id=\"labels\" fill=\"#333\">\n");
    for (int e = 0; e <= static_cast<int>(max_log); ++e) {
        if (e == 0) {
            std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">1</text>\n", left - 6, y_of_log(e) + 4);
        } else {
            std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">10<tspan font-size=\"8\" dy=\"-5\">%d</tspan></text>\n",
                         left - 6 - (e >= 10 ? 5 : 0), y_of_log(e) + 4, e);
        }
    }
    for (int d = 0; d <= c.days; d += step) {
        std::fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%d</text>\n", x_of(c, d), bottom + 15, d);
        if (step % 365 == 0 && d > 0) {
            std::fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\" fill=\"#888\" font-size=\"9.5\">%d y</text>\n",
                         x_of(c, d), bottom + 27, d / 365);
        }
    }
    std::fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">day%s</text>\n", (left + right) / 2,
                 bottom + (step % 365 == 0 ? 42 : 32),
                 step % 365 == 0 ? " (and years) since the simulation began" : " since the simulation began");
    std::fprintf(f, "<text transform=\"translate(16 %.0f) rotate(-90)\" text-anchor=\"middle\">cells (log scale)</text>\n",
                 (top + bottom) / 2);
    std::fprintf(f, "</g>\n<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#666\"/>\n", left,
                 top, right - left, bottom - top);

    // thresholds
    const double yi = y_of(c.imaging_cells), yl = y_of(c.lethal_cells);
    std::fprintf(f, "<g id=\"thresholds\" font-size=\"10\">\n");
    std::fprintf(f, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#2e7d32\" stroke-width=\"1.2\" "
                 "stroke-dasharray=\"8 3 2 3\"/>\n", left, yi, right, yi);
    std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#2e7d32\">visible on imaging (%s cells)</text>\n",
                 right - 4, yi - 4, cells_text(c.imaging_cells).c_str());
    std::fprintf(f, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#b71c1c\" stroke-width=\"1.2\" "
                 "stroke-dasharray=\"8 3 2 3\"/>\n", left, yl, right, yl);
    std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#b71c1c\">lethal total burden (%s cells)</text>\n",
                 right - 4, yl - 4, cells_text(c.lethal_cells).c_str());
    std::fprintf(f, "</g>\n");

    // the burden: total, then each lesion, its resistant cells dashed
    std::fprintf(f, "<g id=\"burden\" fill=\"none\" stroke-linejoin=\"round\">\n");
    polylines(f, c, 0, c.total, every, "stroke=\"#999\" stroke-opacity=\"0.55\" stroke-width=\"5\"");
    for (const lesion_track& t : c.tracks) {
        char style[160];
        std::snprintf(style, sizeof style, "stroke=\"%s\" stroke-width=\"1.6\"", colour(t.slot));
        std::fprintf(f, "<g><title>%s, day %d to %d</title>\n", escape(t.label).c_str(), t.first_day, t.last_day);
        polylines(f, c, t.first_day, t.cells, every, style);
        std::snprintf(style, sizeof style, "stroke=\"%s\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"", colour(t.slot));
        polylines(f, c, t.first_day, t.resistant, every, style);
        std::fprintf(f, "</g>\n");
    }
    std::fprintf(f, "</g>\n");

    // events on the total burden when they happened; symbols that would overlap move up
    std::fprintf(f, "<g id=\"events\">\n");
    std::vector<double> placed;  // x, y pairs
    for (const marker& m : c.markers) {
        const double x = x_of(c, m.day);
        double y = y_of(m.cells == 0 ? 1 : m.cells);
        for (bool moved = true; moved;) {
            moved = false;
            for (std::size_t k = 0; k + 1 < placed.size(); k += 2) {
                if (std::fabs(placed[k] - x) < 11 && std::fabs(placed[k + 1] - y) < 12) {
                    y = placed[k + 1] - 13;
                    moved = true;
                }
            }
        }
        placed.push_back(x);
        placed.push_back(y);
        char title[200];
        std::snprintf(title, sizeof title, "day %d: %s", m.day, m.title.c_str());
        symbol(f, m.kind, x, y, title);
    }
    std::fprintf(f, "</g>\n");

    // legend
    const double lx = right + 14;
    double ly = top + 4;
    std::fprintf(f, "<g id=\"legend\" font-size=\"10.5\">\n");
    auto entry_line = [&](const char* style, const std::string& text) {
        std::fprintf(f, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" %s/>\n", lx, ly, lx + 22, ly, style);
        std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\">%s</text>\n", lx + 28, ly + 3.5, escape(text).c_str());
        ly += 15;
    };
    entry_line("stroke=\"#999\" stroke-opacity=\"0.55\" stroke-width=\"5\"", "all lesions (total)");
    const int max_rows = 15;
    int shown = 0;
    if (!c.tracks.empty()) {
        std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" fill=\"#555\">lesions (the day each was seeded):</text>\n", lx, ly + 3.5);
        ly += 15;
    }
    for (const lesion_track& t : c.tracks) {
        if (shown == max_rows) break;
        char style[96];
        std::snprintf(style, sizeof style, "stroke=\"%s\" stroke-width=\"1.6\"", colour(t.slot));
        entry_line(style, t.label);
        ++shown;
    }
    if (static_cast<int>(c.tracks.size()) > shown) {
        std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\">+ %d more lesions</text>\n", lx + 28, ly + 3.5,
                     static_cast<int>(c.tracks.size()) - shown);
        ly += 15;
    }
    entry_line("stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"", "resistant cells in it");
    if (c.hidden_tracks > 0) {
        std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" fill=\"#555\">%d more seeded lesions never</text>\n", lx, ly + 3.5,
                     c.hidden_tracks);
        std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" fill=\"#555\">reached %s cells (only in total)</text>\n", lx,
                     ly + 16.5, cells_text(c.hidden_below).c_str());
        ly += 30;
    }
    ly += 6;
    bool used[5] = {};
    for (const marker& m : c.markers) used[m.kind] = true;
    for (int k = 0; k < 5; ++k) {
        if (!used[k]) continue;
        symbol(f, static_cast<marker::kind_t>(k), lx + 11, ly, std::string());
        std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\">%s</text>\n", lx + 28, ly + 3.5,
                     marker_name(static_cast<marker::kind_t>(k)));
        ly += 16;
    }
    int listed = 0;  // each line of therapy once, in the order given
    for (const band& b : c.bands) {
        if (b.line <= listed) continue;
        listed = b.line;
        std::fprintf(f, "<rect x=\"%.0f\" y=\"%.1f\" width=\"22\" height=\"10\" fill=\"%s\" fill-opacity=\"0.3\"/>\n", lx,
                     ly - 5, band_colour(b.line));
        std::fprintf(f, "<text x=\"%.0f\" y=\"%.1f\">line %d: %s</text>\n", lx + 28, ly + 3.5, b.line, escape(b.what).c_str());
        ly += 15;
    }
    std::fprintf(f, "</g>\n");
    std::fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\">%s</text>\n", left, bottom + 68, escape(c.outcome).c_str());
    std::fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"10\" fill=\"#777\">oncostate: a simulation for education and "
                 "research only; not a prediction for any patient.</text>\n", left, height - 12);
    std::fprintf(f, "</svg>\n");
    return std::fclose(f) == 0;
}

}  // namespace demo

#endif  // ONCOSTATE_DEMO_SVG_HPP
