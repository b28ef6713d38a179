import FaceChartCore

/// How a format-1 concern, written in words, maps onto an indication key when the record is migrated.
/// Frozen with format 1: the indication catalogue (assets) may grow, but what a format-1 file means
/// does not change.
extension Format1 {
    /// Words that name an indication in a free-text concern, most specific first, with its key.
    static let indicationWords: [(word: String, key: String)] = [
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
    static func indicationKey(forConcern concern: String, kind: FaceChartCore.Indication.Kind) -> String {
        let text = concern.lowercased()
        return indicationWords.first { text.contains($0.word) }?.key ?? FaceChartCore.Indication.otherKey(kind)
    }
}
