import XinyuCore

/// Chinese names and titles for the synthetic district (invented; no real person or school).
enum Names {
    static let surnames = Array(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞辉建宇浩晨欣怡婷雪琳颖佳慧思雨梓萱子涵一诺欣妍文博俊杰志强海燕春梅晓东丹丽君蕾莉青松岚")
    static let places = ["大良", "容桂", "伦教", "勒流", "陈村", "北滘", "乐从", "龙江", "杏坛", "均安", "桂城", "九江", "西樵", "丹灶", "狮山", "大沥", "里水"]
    static let providers = [
        "佛山市顺德区教师发展中心", "广东省中小学心理健康教育指导中心", "华南师范大学心理学院",
        "佛山市教育局继续教育中心", "广东第二师范学院",
    ]
    static let publicTitles = [
        "师德师风与法治教育专题", "教师职业道德规范解读", "未成年人保护法与学校安全", "教育政策法规专题研修",
        "新时代教师心理健康与职业幸福感", "校园安全与应急处置",
    ]
    static let professionalTitles = [
        "课堂教学设计与实施", "学生发展指导与生涯规划", "班主任工作实务", "大单元教学设计",
        "作业设计与评价改革", "信息技术与学科教学融合", "家校共育沟通技巧", "学习困难学生的识别与帮扶",
    ]
    static let electiveTitles = ["书法与教师基本功", "阅读素养提升", "教师摄影与微课制作", "音乐欣赏与情绪调适", "运动与健康生活"]
    static let cpdTitles = [
        "学生心理危机识别与干预", "团体心理辅导技术", "心理健康课程设计与实施", "家庭教育指导中的心理学",
        "校园欺凌预防与处置", "积极心理学在班级管理中的应用",
    ]
    static let wholeStaffMentalTitles = [
        "全员心理健康教育培训：学生情绪识别", "全员心理健康教育培训：心理危机预警",
        "全员心理健康教育培训：师生沟通", "全员心理健康教育培训：考试焦虑应对",
    ]
    static let wholeStaffTitles = ["校本研修：课堂观察与评课", "校本研修：教学反思写作", "校本研修：作业设计", "校本研修：班级文化建设"]

    static func person(_ r: inout SeededRandom) -> String {
        var s = String(r.pick(surnames)) + String(r.pick(given))
        if r.chance(0.6) { s += String(r.pick(given)) }
        return s
    }

    static func schoolName(stage: Stage, number: Int) -> String {
        switch stage {
        case .primary: "第\(number)小学"
        case .junior: "第\(number)初级中学"
        case .senior: "第\(number)高级中学"
        case .nineYear: "第\(number)九年一贯制学校"
        case .complete: "第\(number)完全中学"
        case .special: "第\(number)特殊教育学校"
        }
    }
}
