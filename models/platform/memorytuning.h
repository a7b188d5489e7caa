#pragma once

//! \file memorytuning.h
//! \brief Allocator settings for a process that receives 10-20 MB JSON bodies all day.

namespace WhaTrack {

//! glibc raises its mmap threshold to the size of each large block freed, so after the first
//! 20 MB chat list every later one is carved out of the heap and fragments it (RSS measured
//! 190 MB instead of 136 MB at 20,000 chats + 100,000 messages, see docs/performance.md).
//! Pinning the threshold keeps large bodies in mmap()ed blocks that go back to the system.
//! Fastbins are turned off: their deferred merging held an arena's lock for tens of ms while
//! the GUI thread waited for it (issue 15, docs/performance.md "Storm").
//! Idempotent; a no-op outside glibc. InboxStore calls it; the app may call it earlier.
void tuneAllocatorForLargeBodies();

} // namespace WhaTrack
