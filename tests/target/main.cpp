// Runs every minitest case linked into the image and reports over semihosting.
// The exit status (0: all passed, 1: a case failed) becomes QEMU's exit status.
#include <cstddef>

#include "minitest.hpp"
#include "semihost.hpp"

std::size_t target_stack_used();  // startup.cpp
std::size_t target_stack_size();

namespace minitest {
namespace {

// Constant-initialised, so registration order between translation units does not matter.
test_case* first = nullptr;
test_case* last = nullptr;
bool current_failed = false;

}  // namespace

test_case::test_case(const char* name_, const char* file_, int line_, void (*body_)())
    : name(name_), file(file_), line(line_), body(body_) {
    if (last != nullptr) {
        last->next = this;
    } else {
        first = this;
    }
    last = this;
}

bool check(bool ok, const char* macro, const char* expr, const char* file, int line) {
    if (!ok) {
        current_failed = true;
        semihost::write(file);
        semihost::write(":");
        semihost::write_dec(line);
        semihost::write(": ");
        semihost::write(macro);
        semihost::write("(");
        semihost::write(expr);
        semihost::write(") failed\n");
    }
    return ok;
}

int run_all() {
    long passed = 0;
    long failed = 0;
    for (test_case* tc = first; tc != nullptr; tc = tc->next) {
        current_failed = false;
        tc->body();
        if (current_failed) {
            ++failed;
            semihost::write("test case \"");
            semihost::write(tc->name);
            semihost::write("\" failed\n");
        } else {
            ++passed;
        }
    }
    semihost::write("stack: ");
    semihost::write_dec(static_cast<long>(target_stack_used()));
    semihost::write(" of ");
    semihost::write_dec(static_cast<long>(target_stack_size()));
    semihost::write(" bytes used\n");
    if (first == nullptr) semihost::write("no test cases were linked in\n");
    semihost::write_dec(passed);
    semihost::write(" passed, ");
    semihost::write_dec(failed);
    semihost::write(" failed\n");
    return (failed != 0 || first == nullptr) ? 1 : 0;
}

}  // namespace minitest

int main() { return minitest::run_all(); }
