import Crypto
import Foundation

/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name always gives the same UUID, so the same
/// record exports to the same bytes.
public enum StableUUID {
    /// The RFC 9562 namespace for URLs, `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
    public static let urlNamespace: [UInt8] = [
        0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8,
    ]

    /// The RFC 9562 namespace for domain names, `6ba7b810-9dad-11d1-80b4-00c04fd430c8`.
    public static let dnsNamespace: [UInt8] = [
        0x6B, 0xA7, 0xB8, 0x10, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8,
    ]

    /// FaceChart's own namespace: the version-5 UUID of the URL `https://facechart.invalid/records`.
    public static let recordNamespace: [UInt8] = bytes(namespace: urlNamespace, name: "https://facechart.invalid/records")

    /// The version-5 UUID of `name` in `namespace`, lowercase with hyphens.
    public static func v5(namespace: [UInt8], name: String) -> String {
        format(bytes(namespace: namespace, name: name))
    }

    /// The version-5 UUID of a record path such as `patient/abc/session/def`, in FaceChart's namespace.
    public static func record(_ path: String) -> String { v5(namespace: recordNamespace, name: path) }

    private static func bytes(namespace: [UInt8], name: String) -> [UInt8] {
        var hash = Array(Insecure.SHA1.hash(data: namespace + Array(name.utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        return hash
    }

    private static func format(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { String(format: "%02x", $0) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }
}
