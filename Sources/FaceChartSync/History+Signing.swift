import Foundation

extension History {
    /// The practice's list of chair keys, shared through the remote: `ssh-keygen` checks commit
    /// signatures against it.
    static let signersFile = ".facechart/allowed-signers"

    /// Signs this chair's commits with the ssh key at `path` (its private half, or `.pub`), and adds
    /// its public half to the practice's list under this chair's name.
    public func useSigningKey(_ path: String) throws(SyncError) {
        let publicPath = path.hasSuffix(".pub") ? path : path + ".pub"
        guard let publicKey = FileManager.default.contents(atPath: publicPath)
            .map({ String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }),
            publicKey.hasPrefix("ssh-") || publicKey.hasPrefix("ecdsa-")
        else { throw SyncError("\(publicPath) is not an ssh public key.") }
        let fields = publicKey.split(separator: " ").prefix(2).joined(separator: " ")
        let principal = "\(chair())@facechart.invalid"
        let line = "\(principal) namespaces=\"git\" \(fields)\n"
        let listPath = root + "/" + Self.signersFile
        mkdir(root + "/.facechart", 0o700)
        let current = FileManager.default.contents(atPath: listPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if !current.contains(fields) {
            try FileWriting.replace(listPath, with: Array((current + line).utf8))
        }
        for (key, value) in [
            ("gpg.format", "ssh"), ("user.signingkey", publicPath), ("commit.gpgsign", "true"),
            ("gpg.ssh.allowedSignersFile", listPath),
        ] {
            try git.run(["config", "--local", key, value])
        }
        try withLock { () throws(SyncError) in _ = try commit([Checkpoint(.saved)], paths: [Self.signersFile]) }
    }
}
