extension DashboardLanguage {
    /// The text in this language: `zh` or `en`.
    func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}
