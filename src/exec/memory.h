// The process's dealings with glibc's allocator, in one place: threads (the
// executor's workers) each get a malloc arena of their own, which glibc keeps
// rather than returning to the system, so what a task frees can stay counted
// in the process's peak.
#pragma once

namespace broadsheet {

/// Once, at start: big freed blocks go back to the system at once.
void return_freed_memory_to_the_system();

/// After a task that built and freed much on a worker (the EPUB beside the
/// PDF): gives that thread's arena's free pages back while other work grows.
void trim_freed_memory();

}  // namespace broadsheet
