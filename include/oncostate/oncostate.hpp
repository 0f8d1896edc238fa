// oncostate: the umbrella header. #include <oncostate/oncostate.hpp> and everything is there.
#ifndef ONCOSTATE_ONCOSTATE_HPP
#define ONCOSTATE_ONCOSTATE_HPP

#include "config.hpp"
#include "errc.hpp"
#include "sfloat.hpp"
#include "fixed.hpp"
#include "real.hpp"
#include "math.hpp"
#include "random.hpp"
#include "distributions.hpp"
#include "events.hpp"
#include "resistance.hpp"
#include "dormancy.hpp"
#include "population.hpp"
#include "immune.hpp"
#include "site.hpp"
#include "progression.hpp"
#include "observables.hpp"
#include "patient.hpp"
#include "snapshot.hpp"
#include "recist.hpp"
#include "treatment.hpp"
#include "presets.hpp"
#include "scenarios.hpp"
#include "variability.hpp"
#include "digest.hpp"

#endif  // ONCOSTATE_ONCOSTATE_HPP
