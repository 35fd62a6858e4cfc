import SQLiteProcess

extension Store {
    /// SQLite's settings for the whole process, made by each program before any store opens: SQLite takes them
    /// only before it starts. Without them everything works the same, more slowly (about 7 % more instructions
    /// in a merge: see bench/README.md); a process where SQLite started already, like the tests', goes without.
    public static func prepareProcess() {
        _ = tungnha_sqlite_without_memory_count()
    }
}
