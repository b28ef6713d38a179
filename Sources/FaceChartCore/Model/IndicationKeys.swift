/// The indication keys FaceChart knows (docs/format.md), and how a concern written in words maps onto
/// one, for records from before sessions named their indication by key.
public enum IndicationKeys {
    /// Words that name an indication in a free-text concern, most specific first, with its key.
    static let words: [(word: String, key: String)] = [
        ("glabell", "glabellar-lines"), ("frown", "glabellar-lines"), ("forehead", "forehead-lines"),
        ("crow", "lateral-canthal-lines"), ("canthal", "lateral-canthal-lines"), ("upper face", "upper-face"),
        ("platysma", "platysma-bands"), ("masseter", "masseter-hypertrophy"), ("jaw", "masseter-hypertrophy"),
        ("gummy", "gummy-smile"), ("perioral", "perioral-lines"), ("lip", "perioral-lines"),
        ("bunny", "bunny-lines"), ("nasalis", "bunny-lines"), ("mouth corner", "mouth-corners"),
        ("dao", "mouth-corners"), ("chin", "chin"), ("mentalis", "chin"), ("brow", "brow-asymmetry"),
        ("migraine", "chronic-migraine"), ("dystonia", "cervical-dystonia"), ("torticollis", "cervical-dystonia"),
        ("blepharospasm", "blepharospasm"), ("hemifacial", "hemifacial-spasm"), ("sialorrh", "sialorrhea"),
        ("drool", "sialorrhea"), ("hyperhidrosis", "axillary-hyperhidrosis"), ("sweat", "axillary-hyperhidrosis"),
        ("brux", "bruxism"), ("spastic", "spasticity"),
    ]

    /// The key whose word appears in `concern` (any case), else `other-aesthetic` / `other-medical`.
    public static func key(forConcern concern: String, kind: Indication.Kind) -> String {
        let text = concern.lowercased()
        return words.first { text.contains($0.word) }?.key ?? Indication.otherKey(kind)
    }
}
