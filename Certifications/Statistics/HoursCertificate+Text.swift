import XinyuCore

extension HoursCertificate {
    /// The trainings as a table (and CSV): number, date, training, provider, tier, category, hours.
    public func table(_ lang: ReportLanguage) -> TextTable {
        TextTable(
            headers: [
                lang.pick("序号", "No."), lang.pick("日期", "Date"), lang.pick("培训项目", "Training"),
                lang.pick("主办单位", "Provider"), lang.pick("级别", "Tier"), lang.pick("类别", "Category"),
                lang.pick("学时", "Hours"),
            ],
            rows: lines.enumerated().map { i, l in
                [
                    String(i + 1), l.date.description, l.title, l.provider ?? "",
                    HoursStatistics.tierName(String(l.tier), lang), HoursStatistics.categoryName(l.category, lang),
                    l.hours.description,
                ]
            },
            numeric: [0, 6])
    }

    /// The certificate as printed text: heading, who and which year, the trainings, the totals, whether the
    /// year's minimums are met, and the signature lines.
    public func text(_ lang: ReportLanguage, rules: QuotaRules) -> String {
        let h = { (c: XinyuCore.Category) in (hoursByCategory[c.rawValue] ?? .zero).description }
        let ce = rules.continuingEducation
        var out = lang.pick("学时证明", "Certificate of training hours") + "\n\n"
        out +=
            lang.pick(
                "兹证明 \(name)（教师编号 \(teacher)，\(schoolName)）在 \(year) 学年（\(first) 至 \(last)）参加继续教育培训，经认定的学时如下：",
                "This certifies that \(name) (teacher \(teacher), \(schoolName)) attended the following continuing-education "
                    + "training in school year \(year) (\(first) to \(last)), with these counted hours:") + "\n\n"
        out += table(lang).rendered() + "\n"
        out +=
            lang.pick(
                "合计：公需 \(h(.public)) 学时，专业 \(h(.professional)) 学时，选修 \(h(.elective)) 学时，"
                    + "共 \(total) 学时；专业培训 \(sessions) 次。",
                "Totals: public \(h(.public)) h, professional \(h(.professional)) h, elective \(h(.elective)) h, "
                    + "\(total) h in all; \(sessions) professional session\(sessions == 1 ? "" : "s").") + "\n"
        let minimum = lang.pick(
            "本学年要求：合计 \(ce.yearMinimumHours) 学时（公需 \(ce.minimum(.public))、"
                + "专业 \(ce.minimum(.professional))、选修 \(ce.minimum(.elective))）",
            "The year's minimum: \(ce.yearMinimumHours) h (public \(ce.minimum(.public)), professional "
                + "\(ce.minimum(.professional)), elective \(ce.minimum(.elective)))")
        out +=
            minimum
            + lang.pick(
                meetsHours ? "，已达标。" : "，未达标，尚缺 \(missing.words(.zh, sessions: false))。",
                meetsHours ? ": met." : ": not met; missing \(missing.words(.en, sessions: false)).") + "\n\n"
        out +=
            lang.pick(
                "填表人：____________    审核人：____________    学校（盖章）：____________    "
                    + "日期：______年____月____日",
                "Prepared by: ____________    Checked by: ____________    School (seal): ____________    "
                    + "Date: ____________")
            + "\n"
        return out
    }
}
