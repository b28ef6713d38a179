import Foundation

/// Turns a printed record's HTML into PDF or PNG with headless Chromium, when it is installed.
public struct ChromiumRenderer: Sendable {
    /// Names tried on PATH, in order, when FACECHART_CHROMIUM does not name a program.
    public static let programNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The browser program.
    public var executable: String
    /// The longest a render may take before it is abandoned.
    public var timeout: TimeInterval = 120

    public init(executable: String) { self.executable = executable }

    /// The Chromium named by FACECHART_CHROMIUM, else the first of `programNames` on PATH; `nil` when
    /// there is none.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChromiumRenderer? {
        if let named = environment["FACECHART_CHROMIUM"], !named.isEmpty {
            return FileManager.default.isExecutableFile(atPath: named) ? ChromiumRenderer(executable: named) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in programNames {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return ChromiumRenderer(executable: folder + "/" + name)
            }
        }
        return nil
    }

    /// What to render.
    public enum Output: Sendable {
        case pdf
        /// A picture of the pages laid one under another, `width` by `height` CSS pixels.
        case png(width: Int, height: Int)

        var isPDF: Bool {
            if case .pdf = self { return true }
            return false
        }
    }

    /// Renders `html` and returns the PDF or PNG bytes. The page and the browser profile live in a
    /// private temporary folder that is removed afterwards.
    public func render(html: String, as output: Output) throws(PrintError) -> Data {
        let folder = try PrivateFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Chromium picks the picture's format from the file's extension.
        let page = folder + "/record.html", result = folder + (output.isPDF ? "/result.pdf" : "/result.png")
        try PrivateFiles.write(Data(html.utf8), to: page)
        var arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--user-data-dir=\(folder)/profile", "--hide-scrollbars",
        ]
        switch output {
        case .pdf:
            arguments += ["--no-pdf-header-footer", "--print-to-pdf=\(result)"]
        case .png(let width, let height):
            arguments += ["--screenshot=\(result)", "--window-size=\(width),\(height)"]
        }
        arguments.append(URL(fileURLWithPath: page).absoluteString)
        try run(arguments)
        guard let bytes = FileManager.default.contents(atPath: result), !bytes.isEmpty else {
            throw PrintError("Chromium (\(executable)) wrote nothing: open the HTML file in a browser and print it from there")
        }
        return bytes
    }

    private func run(_ arguments: [String]) throws(PrintError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw PrintError("Chromium (\(executable)) could not be started: open the HTML file in a browser and print it from there")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw PrintError("Chromium took longer than \(Int(timeout)) s and was stopped: open the HTML file in a browser and print it")
        }
        guard process.terminationStatus == 0 else {
            throw PrintError("Chromium failed (exit status \(process.terminationStatus)): open the HTML file in a browser and print it")
        }
    }
}

/// Files that hold patient data: mode 0600, written whole or not at all.
public enum PrivateFiles {
    /// Writes `data` to `path` through a temporary file beside it, mode 0600, then renames it into place.
    public static func write(_ data: Data, to path: String) throws(PrintError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.facechart-tmp-\(UUID().uuidString)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw PrintError("\(path) cannot be written (\(String(cString: strerror(errno))))") }
        var failed = false
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 {
                    failed = true
                    return
                }
                offset += written
            }
        }
        if fsync(descriptor) != 0 { failed = true }
        close(descriptor)
        guard !failed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PrintError("\(path) cannot be written (\(reason))")
        }
    }

    /// A new folder only this user can enter, under TMPDIR (or /tmp).
    static func temporaryFolder() throws(PrintError) -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/facechart-print-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw PrintError("no private temporary folder could be made under \(base)") }
        return String(cString: made)
    }
}
