import Foundation

/// Keys already read, by their bytes: the lines of a batch file repeat a few dozen keys, and making a `String` of
/// each took longer than the rest of reading it. For ASCII keys without escapes only; its memory is fixed, whatever
/// a file holds: a key in a taken slot replaces the one there.
final class JSONKeys {
    private static let slots = 128
    private static let longest = 24
    private let lengths: UnsafeMutablePointer<Int>
    private let bytes: UnsafeMutablePointer<UInt8>
    private let texts: UnsafeMutablePointer<String>

    init() {
        lengths = .allocate(capacity: Self.slots)
        lengths.initialize(repeating: 0, count: Self.slots)
        bytes = .allocate(capacity: Self.slots * Self.longest)
        bytes.initialize(repeating: 0, count: Self.slots * Self.longest)
        texts = .allocate(capacity: Self.slots)
        texts.initialize(repeating: "", count: Self.slots)
    }

    deinit {
        lengths.deallocate()
        bytes.deallocate()
        texts.deinitialize(count: Self.slots)
        texts.deallocate()
    }

    /// The text of these ASCII bytes.
    func text(_ key: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = key.baseAddress, key.count <= Self.longest else { return String(decoding: key, as: UTF8.self) }
        // A few bytes tell apart the keys on every line of a batch; the comparison below makes any clash harmless.
        let hash = key.isEmpty ? 0 : (key.count &* 43) ^ (Int(key[0]) &* 9) ^ (Int(key[key.count / 2]) &* 3) ^ Int(key[key.count - 1])
        let slot = hash & (Self.slots - 1)
        let stored = bytes + slot * Self.longest
        if lengths[slot] == key.count, memcmp(stored, base, key.count) == 0 { return texts[slot] }
        let text = String(decoding: key, as: UTF8.self)
        lengths[slot] = key.count
        stored.update(from: base, count: key.count)
        texts[slot] = text
        return text
    }
}
