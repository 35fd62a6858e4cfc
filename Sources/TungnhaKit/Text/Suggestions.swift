/// "Did you mean": the names closest to what was typed, compared folded (case, diacritics and i/y aside).
public enum Suggestions {
    /// Candidates within a few edits of `typed` (or containing it), closest first, at most `limit`.
    public static func closest(to typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        let key = Folding.fold(typed)
        guard !key.isEmpty else { return [] }
        let reach = max(2, key.count / 3)
        let ranked = candidates.map { candidate -> (String, Int) in
            let other = Folding.fold(candidate)
            let distance = Folding.distance(key, other)
            // A prefix or part typed ("hous" for "household") counts as close.
            let contained = key.count >= 3 && (other.hasPrefix(key) || other.contains(key))
            return (candidate, contained ? min(distance, 1) : distance)
        }
        return Array(ranked.filter { $0.1 <= reach }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0).prefix(limit))
    }
}
