// oncostate: configuration, version, contract macro and the versioned namespace.
#ifndef ONCOSTATE_CONFIG_HPP
#define ONCOSTATE_CONFIG_HPP

// The one place the version lives; CMake parses these three lines.
#define ONCOSTATE_VERSION_MAJOR 0
#define ONCOSTATE_VERSION_MINOR 1
#define ONCOSTATE_VERSION_PATCH 0

#define ONCOSTATE_VERSION_STRING_I(a, b, c) #a "." #b "." #c
#define ONCOSTATE_VERSION_STRING_X(a, b, c) ONCOSTATE_VERSION_STRING_I(a, b, c)
#define ONCOSTATE_VERSION_STRING \
    ONCOSTATE_VERSION_STRING_X(ONCOSTATE_VERSION_MAJOR, ONCOSTATE_VERSION_MINOR, ONCOSTATE_VERSION_PATCH)

#if __cplusplus < 201703L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 201703L)
#error "oncostate needs C++17 or later"
#endif

// Exceptions are never thrown by oncostate; this only tells user code what the build allows.
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#define ONCOSTATE_HAS_EXCEPTIONS 1
#else
#define ONCOSTATE_HAS_EXCEPTIONS 0
#endif

// Contract checks guard programming errors (a broken internal invariant), never user input:
// bad input always comes back as an oncostate::errc.
//   ONCOSTATE_CONFIG_CONTRACTS = 0: off (the condition is not evaluated)
//                                1: call the user's handler
//                                   void oncostate_contract_violation(const char* expr, const char* file, int line);
//                                2: trap (default)
#ifndef ONCOSTATE_CONFIG_CONTRACTS
#define ONCOSTATE_CONFIG_CONTRACTS 2
#endif
#if ONCOSTATE_CONFIG_CONTRACTS != 0 && ONCOSTATE_CONFIG_CONTRACTS != 1 && ONCOSTATE_CONFIG_CONTRACTS != 2
#error "ONCOSTATE_CONFIG_CONTRACTS must be 0 (off), 1 (user handler) or 2 (trap)"
#endif

#if ONCOSTATE_CONFIG_CONTRACTS == 1
extern "C++" void oncostate_contract_violation(const char* expr, const char* file, int line);
#define ONCOSTATE_CONTRACT(cond) \
    ((cond) ? static_cast<void>(0) : oncostate_contract_violation(#cond, __FILE__, __LINE__))
#elif ONCOSTATE_CONFIG_CONTRACTS == 2
#if defined(__GNUC__) || defined(__clang__)
#define ONCOSTATE_CONTRACT(cond) ((cond) ? static_cast<void>(0) : __builtin_trap())
#else
#define ONCOSTATE_CONTRACT(cond) ((cond) ? static_cast<void>(0) : static_cast<void>(*static_cast<volatile int*>(nullptr) = 0))
#endif
#else
#define ONCOSTATE_CONTRACT(cond) static_cast<void>(0)
#endif

// Keeps a function out of its callers, so that its stack frame is not merged into theirs
// (stack budgets on microcontrollers: docs/performance.md). Only an optimisation hint.
#if defined(__GNUC__) || defined(__clang__)
#define ONCOSTATE_NOINLINE [[gnu::noinline]]
#else
#define ONCOSTATE_NOINLINE
#endif
// Inlines a thin wrapper into every caller (only an optimisation hint).
#if defined(__GNUC__) || defined(__clang__)
#define ONCOSTATE_ALWAYS_INLINE [[gnu::always_inline]]
#else
#define ONCOSTATE_ALWAYS_INLINE
#endif
// Inlines a helper into its one caller on 32-bit cores, where one merged frame takes less stack
// than two; elsewhere the compiler decides (on x86-64 the call was faster).
#if (defined(__GNUC__) || defined(__clang__)) && defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ <= 4
#define ONCOSTATE_INLINE_FOR_STACK [[gnu::always_inline]]
#else
#define ONCOSTATE_INLINE_FOR_STACK
#endif

// The inline namespace carries the version and every option that changes behaviour, so two
// translation units built with different settings fail to link instead of misbehaving.
#define ONCOSTATE_ABI_CONCAT_I(a, b, c, d) v##a##_##b##_##c##_contracts##d
#define ONCOSTATE_ABI_CONCAT(a, b, c, d) ONCOSTATE_ABI_CONCAT_I(a, b, c, d)
#define ONCOSTATE_ABI_NAMESPACE                                                                \
    ONCOSTATE_ABI_CONCAT(ONCOSTATE_VERSION_MAJOR, ONCOSTATE_VERSION_MINOR, ONCOSTATE_VERSION_PATCH, \
                         ONCOSTATE_CONFIG_CONTRACTS)
#define ONCOSTATE_NAMESPACE_BEGIN      \
    namespace oncostate {              \
    inline namespace ONCOSTATE_ABI_NAMESPACE {
#define ONCOSTATE_NAMESPACE_END \
    }                           \
    }

#endif  // ONCOSTATE_CONFIG_HPP
