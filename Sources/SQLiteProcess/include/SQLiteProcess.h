#ifndef SQLITE_PROCESS_H
#define SQLITE_PROCESS_H

/// Turns off SQLite's count of the memory it holds. Counting takes a lock shared by every connection of the
/// process on each of SQLite's allocations: about 130 per merged event. Must run before SQLite starts (before
/// the first connection opens); returns SQLite's result code (SQLITE_MISUSE when it started already).
/// `sqlite3_config` takes variable arguments, which Swift cannot call: hence this C function.
int tungnha_sqlite_without_memory_count(void);

#endif
