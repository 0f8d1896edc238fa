// Deliberately allocates: the no-heap check must reject this program.
#include <cstdio>
#include <cstdlib>

int main() {
    void* volatile p = std::malloc(16);
    std::printf("%p\n", p);
    std::free(p);
    return 0;
}
