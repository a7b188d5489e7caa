#include "models/memorytuning.h"

#include "models/logging.h"

#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace WhaTrack {

void tuneAllocatorForLargeBodies()
{
    static std::once_flag once;
    std::call_once(once, [] {
#if defined(__GLIBC__)
        // A fixed value also turns off the dynamic adjustment.
        if (mallopt(M_MMAP_THRESHOLD, 256 * 1024) != 1)
            qCWarning(lcModels) << "could not set the allocator's mmap threshold";
#endif
    });
}

} // namespace WhaTrack
