#include <sqlite3.h>
#include "SQLiteProcess.h"

int tungnha_sqlite_without_memory_count(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
