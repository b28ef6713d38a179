import FaceChartAssets
import Foundation
import Mustache

/// The patient's page as a Mustache template: the one shipped in `assets/print/aftercare.mustache`,
/// or the clinic's own from `templates/aftercare.mustache` in the data folder. Values are always
/// HTML-escaped: a template that could write record text unescaped is refused.
public struct AftercareTemplate: Sendable {
    /// Where a clinic's own template goes, inside the data folder.
    public static let overridePath = "templates/aftercare.mustache"
    /// The shipped template, inside the assets bundle.
    public static let bundledPath = "print/aftercare.mustache"

    /// Where the template came from: the bundled path or the data-folder path.
    public let origin: String
    let template: MustacheTemplate

    /// Parses `text`; `origin` names it in messages.
    public init(text: String, origin: String) throws(PrintError) {
        for (tag, what) in [("{{{", "{{{...}}}"), ("{{&", "{{&...}}"), ("{{=", "a delimiter change"), ("{{%", "a pragma")]
        where text.contains(tag) {
            throw PrintError("\(origin): \(what) is not allowed; write values as {{name}} so that they are escaped")
        }
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw PrintError("\(origin), line \(error.context.lineNumber): the template does not parse (\(error.error))")
        } catch {
            throw PrintError("\(origin): the template does not parse (\(error))")
        }
        self.origin = origin
    }

    /// The clinic's template when the data folder has one, else the shipped one.
    public static func load(dataFolder: String?) throws(PrintError) -> AftercareTemplate {
        if let dataFolder, let bytes = try DataFolderFile.read(overridePath, in: dataFolder) {
            guard let text = String(data: bytes, encoding: .utf8) else {
                throw PrintError("\(overridePath) in the data folder is not UTF-8 text")
            }
            return try AftercareTemplate(text: text, origin: overridePath)
        }
        return try bundled()
    }

    /// The shipped template.
    public static func bundled() throws(PrintError) -> AftercareTemplate {
        do {
            let bytes = try BundledAssets.data(at: bundledPath)
            return try AftercareTemplate(text: String(decoding: bytes, as: UTF8.self), origin: bundledPath)
        } catch let error as PrintError {
            throw error
        } catch {
            throw PrintError("FaceChart's own data is damaged: \(error)")
        }
    }

    /// The page's HTML for `values` (see `AftercareValues`).
    func render(_ values: [String: Any]) -> String { template.render(values) }
}
