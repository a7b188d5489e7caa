#include "models/platform/memorytuning.h"

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
        // No fastbins. Decoding a 20,000-chat list frees hundreds of thousands of small blocks
        // into the decode worker's arena; glibc keeps them in fastbins and merges them all
        // later (malloc_consolidate) while it holds that arena's lock: on the next large
        // malloc, on malloc_trim, or when a thread frees a large block there. The GUI thread
        // frees the worker's chats after each refetch, so it waited for that lock or ran the
        // merge itself: 55-225 ms stalls in the 1000/s storm (perf sched, issue 15), 20-46 ms
        // without fastbins. Small blocks still go through the per-thread tcache.
        if (mallopt(M_MXFAST, 0) != 1)
            qCWarning(lcModels) << "could not turn off the allocator's fastbins";
#endif
    });
}

} // namespace WhaTrack
