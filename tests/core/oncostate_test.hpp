// Test spelling shared by the host suite (doctest) and the Cortex-M suite (minitest).
// Shared tests use only TEST_CASE, CHECK, CHECK_FALSE and REQUIRE.
#ifndef ONCOSTATE_TEST_HPP
#define ONCOSTATE_TEST_HPP
#ifdef ONCOSTATE_TARGET_TEST
#include "minitest.hpp"
#else
#include <doctest/doctest.h>
#endif
#endif
