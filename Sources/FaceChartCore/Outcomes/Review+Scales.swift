extension Review {
    /// Every scale score the review holds. The Facial Wrinkle Scale and symmetry are kept per region in
    /// `outcomes` (as they have always been written) and read from there; the rest is `scores`.
    public var scaleScores: [ScaleScore] {
        var scores: [ScaleScore] = []
        for outcome in outcomes {
            if let value = outcome.wrinklesAtRest {
                scores.append(ScaleScore(scale: "fws", item: "rest", region: outcome.region, value: value))
            }
            if let value = outcome.wrinklesAtMaximum {
                scores.append(ScaleScore(scale: "fws", item: "maximum", region: outcome.region, value: value))
            }
            if let symmetry = outcome.symmetry, let index = RegionOutcome.Symmetry.allCases.firstIndex(of: symmetry) {
                scores.append(ScaleScore(scale: "symmetry", item: "symmetry", region: outcome.region, value: index))
            }
        }
        return scores + self.scores
    }
}

extension Indication {
    /// The indication's catalogue key, matched from the concern text (records written before indications
    /// carried a key); `other-aesthetic` or `other-medical` when nothing matches.
    public var outcomeKey: String {
        let text = concern.lowercased()
        let words: [(String, String)] = kind == .medical
            ? [
                ("migraine", "chronic-migraine"), ("dystonia", "cervical-dystonia"), ("torticollis", "cervical-dystonia"),
                ("blepharospasm", "blepharospasm"), ("hemifacial", "hemifacial-spasm"), ("sialorrh", "sialorrhea"),
                ("drool", "sialorrhea"), ("hyperhidrosis", "axillary-hyperhidrosis"), ("sweat", "axillary-hyperhidrosis"),
                ("brux", "bruxism"), ("spastic", "spasticity"),
            ]
            : [
                ("glabell", "glabellar-lines"), ("forehead", "forehead-lines"), ("canthal", "lateral-canthal-lines"),
                ("crow", "lateral-canthal-lines"), ("upper face", "upper-face"), ("platysma", "platysma-bands"),
                ("masseter", "masseter-hypertrophy"), ("gummy", "gummy-smile"), ("perioral", "perioral-lines"),
                ("lip", "perioral-lines"), ("bunny", "bunny-lines"), ("nasal", "bunny-lines"), ("mouth corner", "mouth-corners"),
                ("downturned", "mouth-corners"), ("chin", "chin"), ("mentalis", "chin"), ("brow", "brow-asymmetry"),
            ]
        return words.first { text.contains($0.0) }?.1 ?? (kind == .medical ? OutcomeMeasures.otherMedical : OutcomeMeasures.otherAesthetic)
    }
}
