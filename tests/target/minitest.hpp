// minitest: a heap-free, exception-free test harness for the Cortex-M runs. It accepts the
// doctest subset used by the shared tests (tests/core/oncostate_test.hpp): TEST_CASE, CHECK,
// CHECK_FALSE and REQUIRE. Test cases register themselves through static objects linked into
// an intrusive list (no heap, no size limit); main.cpp runs them and prints "N passed, N failed".
#ifndef ONCOSTATE_MINITEST_HPP
#define ONCOSTATE_MINITEST_HPP

namespace minitest {

struct test_case {
    const char* name;
    const char* file;
    int line;
    void (*body)();
    test_case* next = nullptr;

    // Appends this case to the global list (runs as a static constructor, in link order).
    test_case(const char* name_, const char* file_, int line_, void (*body_)());
};

// Records one assertion; prints "file:line: MACRO(expr) failed" when ok is false.
// Returns ok, so REQUIRE can leave the test body.
bool check(bool ok, const char* macro, const char* expr, const char* file, int line);

// Runs every registered case; returns 1 if a case failed (or none is registered), else 0.
int run_all();

}  // namespace minitest

#define MINITEST_CAT_I(a, b) a##b
#define MINITEST_CAT(a, b) MINITEST_CAT_I(a, b)
#define MINITEST_TEST_CASE_I(name, fn)                                                \
    static void fn();                                                                 \
    static ::minitest::test_case MINITEST_CAT(fn, _case)(name, __FILE__, __LINE__, fn); \
    static void fn()

#define TEST_CASE(name) MINITEST_TEST_CASE_I(name, MINITEST_CAT(minitest_case_body_, __COUNTER__))

// Variadic so that commas inside the expression (template arguments) need no extra parentheses.
#define CHECK(...) \
    static_cast<void>(::minitest::check(static_cast<bool>(__VA_ARGS__), "CHECK", #__VA_ARGS__, __FILE__, __LINE__))
#define CHECK_FALSE(...) \
    static_cast<void>(::minitest::check(!(__VA_ARGS__), "CHECK_FALSE", #__VA_ARGS__, __FILE__, __LINE__))
// Ends the current test case on failure (a plain return: test bodies are void functions).
#define REQUIRE(...)                                                                                \
    do {                                                                                            \
        if (!::minitest::check(static_cast<bool>(__VA_ARGS__), "REQUIRE", #__VA_ARGS__, __FILE__, __LINE__)) \
            return;                                                                                 \
    } while (false)

#endif
