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
