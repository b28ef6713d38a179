import Foundation

/// The clinic's details printed on every sheet, read from `clinic.json` in the data folder. Every
/// member is optional; a missing file prints a sheet without clinic details.
public struct ClinicSettings: Hashable, Codable, Sendable {
    /// The file's name inside the data folder.
    public static let fileName = "clinic.json"

    public var name: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var website: String?
    /// Who to call out of hours, or when the clinic is closed.
    public var urgentContact: String?
    /// The URI that FHIR identifiers of this clinic's records are issued under (FHIR `Identifier.system`
    /// prefix). Set it so that two clinics' records never share identifiers.
    public var identifierSystem: String?

    public init(
        name: String? = nil, address: String? = nil, phone: String? = nil, email: String? = nil,
        website: String? = nil, urgentContact: String? = nil, identifierSystem: String? = nil
    ) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
        self.urgentContact = urgentContact
        self.identifierSystem = identifierSystem
    }

    /// Whether any contact detail is set.
    public var hasContact: Bool {
        [name, address, phone, email, website, urgentContact].contains { !($0 ?? "").isEmpty }
    }

    /// Reads the settings from JSON; unknown members are refused, so that a typing error is not ignored.
    public init(json: Data) throws(PrintError) {
        do {
            let object = try JSONSerialization.jsonObject(with: json)
            guard let members = object as? [String: Any] else {
                throw PrintError("\(Self.fileName) must hold one JSON object")
            }
            let known = Set(["name", "address", "phone", "email", "website", "urgentContact", "identifierSystem"])
            if let unknown = members.keys.sorted().first(where: { !known.contains($0) }) {
                throw PrintError("\(Self.fileName): unknown setting \"\(unknown)\" (known: \(known.sorted().joined(separator: ", ")))")
            }
            for (key, value) in members where !(value is String) {
                throw PrintError("\(Self.fileName): \"\(key)\" must be text")
            }
            self = try JSONDecoder().decode(ClinicSettings.self, from: json)
        } catch let error as PrintError {
            throw error
        } catch {
            throw PrintError("\(Self.fileName) is not valid JSON")
        }
    }

    /// The settings in `dataFolder`, or empty settings when the file does not exist.
    public static func load(dataFolder: String) throws(PrintError) -> ClinicSettings {
        guard let bytes = try DataFolderFile.read(fileName, in: dataFolder) else { return ClinicSettings() }
        return try ClinicSettings(json: bytes)
    }
}

/// Why a sheet or an export could not be made, worded for the user.
public struct PrintError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Small settings files that a clinic keeps in its data folder.
enum DataFolderFile {
    /// The largest settings or template file read (anything larger is not one).
    static let maximumBytes = 1 << 20

    /// The bytes of `relativePath` in `folder`; `nil` when there is no such file. A path that is not a
    /// regular file, or is too large, is refused by name.
    static func read(_ relativePath: String, in folder: String) throws(PrintError) -> Data? {
        let path = (folder as NSString).appendingPathComponent(relativePath)
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw PrintError("\(relativePath) in the data folder cannot be read")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw PrintError("\(relativePath) in the data folder is not a regular file")
        }
        guard Int(status.st_size) <= maximumBytes else {
            throw PrintError("\(relativePath) in the data folder is larger than 1 MB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PrintError("\(relativePath) in the data folder cannot be read")
        }
        return data
    }
}
