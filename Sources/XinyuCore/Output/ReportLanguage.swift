/// The language of a printed report, certificate or notice: Chinese (zh-Hans, the default) or English.
public enum ReportLanguage: String, Sendable, Codable, CaseIterable {
    case zh, en

    /// The text in this language.
    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    /// The HTML `lang` attribute.
    public var htmlLang: String { self == .zh ? "zh-Hans" : "en" }

    /// `zh` or `en` as written (also `zh-Hans`, `zh-CN`, `en-US`…); nil otherwise.
    public init?(code: String) {
        let c = code.lowercased()
        if c == "zh" || c.hasPrefix("zh-") {
            self = .zh
        } else if c == "en" || c.hasPrefix("en-") {
            self = .en
        } else {
            return nil
        }
    }
}
