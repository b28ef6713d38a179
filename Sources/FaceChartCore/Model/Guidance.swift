/// How the needle was guided to a point's target.
public enum Guidance: String, Codable, CaseIterable, Sendable {
    /// Surface anatomy and palpation.
    case landmark
    /// Electromyography through the injecting needle.
    case emg
    /// Electrical stimulation of the muscle.
    case electricalStimulation
    /// Ultrasound imaging.
    case ultrasound

    /// `landmark`, `EMG`, `electrical stimulation`, `ultrasound`.
    public var name: String {
        switch self {
        case .landmark: "landmark"
        case .emg: "EMG"
        case .electricalStimulation: "electrical stimulation"
        case .ultrasound: "ultrasound"
        }
    }

    /// A tag for point lists, at most four characters: `lmk`, `EMG`, `stim`, `US`.
    public var abbreviation: String {
        switch self {
        case .landmark: "lmk"
        case .emg: "EMG"
        case .electricalStimulation: "stim"
        case .ultrasound: "US"
        }
    }

    /// The guidance after `guidance` in the order none, landmark, EMG, stimulation, ultrasound, none.
    public static func next(after guidance: Guidance?) -> Guidance? {
        guard let guidance else { return allCases.first }
        let index = allCases.firstIndex(of: guidance)! + 1
        return index < allCases.count ? allCases[index] : nil
    }
}
