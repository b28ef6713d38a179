import Foundation

/// A person who charts, signs, reviews or corrects records: an identifier that stays the same when the
/// display name is corrected, and an optional role such as "nurse injector".
public struct Clinician: Hashable, Codable, Sendable, CustomStringConvertible {
    public var id: RecordID
    /// The name as shown on records, e.g. "Dr Ada Example".
    public var name: String
    /// What the person is, e.g. "nurse injector" or "neurologist"; `nil` when not recorded.
    public var role: String?

    public init(id: RecordID, name: String, role: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
    }

    /// A clinician known only by name (typed in a form, or read from a format-1 file): the identifier is
    /// derived from the name's letters and digits, so the same name always gives the same identifier.
    public init(name: String, role: String? = nil) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        self.init(id: Self.identifier(forName: trimmed), name: trimmed, role: role)
    }

    /// `dr-ada-example` for "Dr Ada Example", `dr-makela` for "Dr Mäkelä"; `clinician` when the name
    /// has no letter or digit that folds to ASCII.
    public static func identifier(forName name: String) -> RecordID {
        var slug = ""
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        for scalar in folded.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return RecordID(String(slug.prefix(64))) ?? RecordID("clinician")!
    }

    /// Why the record is not usable, or `nil`.
    public var problem: ValidationError? {
        name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .emptyField("The clinician's name") : nil
    }

    /// The name, with the role when there is one: "Dr Ada Example (dermatologist)".
    public var description: String { role.map { "\(name) (\($0))" } ?? name }
}
