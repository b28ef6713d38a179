#ifndef FACECHART_CSQLITE_SHIM_H
#define FACECHART_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import: it tells SQLite to copy a bound value.
static inline sqlite3_destructor_type facechart_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
