// A patient with no lesion slot has nowhere for the primary.
// expect: oncostate: MaxLesions must be in [1, 255]
#include <oncostate/oncostate.hpp>

int main() {
    static oncostate::patient<float, 0, 4> someone;
    return someone.day();
}
