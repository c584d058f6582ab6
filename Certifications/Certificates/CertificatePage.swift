import XinyuCore

/// A certificate as a printable A4 page (issue #16): zh-Hans with the English line below each part, a print
/// stylesheet that fits one page, nothing fetched and no script. `xinyu certs print` writes it and
/// `GET /certificates/{no}` serves it.
public struct CertificatePage: Sendable {
    public var view: CertificateView
    /// Where the public verification lives, e.g. `https://xinyu.example.cn` (the page shows `…/verify/CODE`); nil
    /// shows the path alone.
    public var verifyBase: String?

    /// A page.
    public init(view: CertificateView, verifyBase: String?) {
        self.view = view
        self.verifyBase = verifyBase
    }

    static let style = """
        @page{size:A4 portrait;margin:0}
        *{box-sizing:border-box}
        html,body{margin:0;background:#eee}
        body{font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun",serif;color:#1a1a1a}
        .sheet{width:210mm;height:296mm;margin:8mm auto;padding:22mm 20mm 18mm;background:#fff;position:relative;\
        overflow:hidden;border:1px solid #ccc}
        .frame{position:absolute;inset:10mm;border:3px double #8a1c1c;pointer-events:none}
        h1{text-align:center;font-size:26pt;letter-spacing:.3em;margin:6mm 0 1mm;color:#8a1c1c}
        .en{display:block;font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:9pt;letter-spacing:0;color:#555;\
        font-weight:normal}
        h1 .en{font-size:12pt;margin-top:1mm}
        .level{text-align:center;font-size:20pt;margin:8mm 0 10mm}
        table{width:100%;border-collapse:collapse;font-size:13pt}
        th{width:38%;text-align:left;vertical-align:top;padding:3mm 2mm;border-bottom:1px solid #ddd;font-weight:normal}
        td{padding:3mm 2mm;border-bottom:1px solid #ddd}
        .verify{margin-top:10mm;padding:4mm;border:1px solid #bbb;font-size:11pt}
        .verify code{font-family:"DejaVu Sans Mono",monospace;font-size:13pt;letter-spacing:.05em;display:block}
        .verify p code{font-size:10pt;letter-spacing:0;word-break:break-all}
        .stamp{margin-top:8mm;padding:3mm;border:2px solid #b00020;color:#b00020;font-size:13pt;text-align:center}
        .sign{position:absolute;left:20mm;right:20mm;bottom:24mm;display:flex;justify-content:space-between;font-size:12pt}
        @media print{html,body{background:#fff}.sheet{margin:0;border:none;height:296mm;page-break-after:avoid}}
        """

    /// The page as HTML.
    public func render() -> String {
        let v = view
        let e = Self.escape
        func row(_ zh: String, _ en: String, _ value: String, _ valueEn: String? = nil) -> String {
            "<tr><th>\(e(zh))<span class=\"en\">\(e(en))</span></th><td>\(e(value))"
                + (valueEn.map { "<span class=\"en\">\(e($0))</span>" } ?? "") + "</td></tr>\n"
        }
        let levelZh = "\(v.level.rawValue) 级"
        var html = """
            <!DOCTYPE html>
            <html lang="zh-Hans"><head><meta charset="utf-8">
            <title>\(e("心理健康教育教师证书 \(v.number)"))</title>
            <style>\(Self.style)</style></head><body>
            <main class="sheet"><div class="frame"></div>
            <h1>心理健康教育教师证书<span class="en">Certificate of Mental-Health Education Teacher</span></h1>
            <p class="level">\(e(levelZh))<span class="en">Level \(v.level.rawValue)</span></p>
            <table>

            """
        html += row("姓名", "Name", v.name)
        html += row("学校", "School", v.schoolName)
        html += row("等级", "Level", levelZh, "Level \(v.level.rawValue)")
        html += row("发证日期", "Date of issue", Self.chineseDate(v.issued), v.issued.description)
        html += row(
            v.status == .expired ? "有效期至（已过期）" : "本期有效期至", "Current cycle ends",
            Self.chineseDate(v.cycleEnd), v.cycleEnd.description)
        html += row("证书编号", "Award number", v.number)
        html += "</table>\n"
        if let code = v.code {
            let path = "/verify/\(code)"
            let address = (verifyBase.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "") + path
            html += """
                <div class="verify">验证码 <span class="en">Verification code</span><code>\(e(VerificationCode.grouped(code)))</code>
                <p>验证地址 <span class="en">Verify at</span><code>\(e(address))</code></p></div>

                """
        }
        switch v.status {
        case .revoked:
            let on = v.revocation.map { Day(date: $0.at) }
            html +=
                "<div class=\"stamp\">本证书已撤销" + (on.map { "（\(Self.chineseDate($0))）" } ?? "")
                + "<span class=\"en\">This certificate has been revoked" + (on.map { " on \($0)" } ?? "") + ".</span></div>\n"
        case .expired:
            html += "<div class=\"stamp\">本证书已过期<span class=\"en\">This certificate has expired.</span></div>\n"
        case .expiring, .valid:
            break
        }
        html += """
            <div class="sign"><span>发证机关（盖章）<span class="en">Issuing authority (seal)</span></span>\
            <span>日期 <span class="en">Date</span></span></div>
            </main></body></html>

            """
        return html
    }

    /// `2026年6月1日`.
    public static func chineseDate(_ d: Day) -> String { "\(d.year)年\(d.month)月\(d.day)日" }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
