using System.Globalization;

namespace ReportParser.Sections;

/// <summary>
/// Links a prose figure to the table cells it restates, conservatively: the words just before the number must end
/// with the figure's noun (予以公开, 行政复议, 规范性文件 …), the clause must hold the figure's verb where one is needed,
/// the unit must be one the cell counts in, and words that change the meaning (上年结转, 累计, 现行有效, 按时, 公示,
/// 网络, 自然人 …) leave the figure unlinked. A figure that is not linked is kept, never judged.
/// </summary>
internal sealed class ProseLinks
{
    private readonly string[] _periodWords;
    private readonly ReportTemplate _template;

    public ProseLinks(int? year, ReportTemplate template)
    {
        _template = template;
        var words = new List<string> { "本年", "全年", "新收", "今年", "年内" };
        if (year is int y) words.Add(y.ToString(CultureInfo.InvariantCulture) + "年");
        _periodWords = words.ToArray();
    }

    /// <summary>Words after the noun that do not change what is counted: 予以公开的申请共计 …</summary>
    private static readonly string[] Fillers = { "共计", "合计", "总计", "总数", "数量", "件数", "案件", "共", "计", "为", "达", "数", "的", "约", "了", "是" };

    /// <summary>Words anywhere in the figure's words that make any link unsafe.</summary>
    private static readonly string[] Never = { "分别", "累计", "以来", "截至", "截止", "同比", "增长", "下降", "减少", "增加", "上年", "去年", "比例", "平均", "其他", "以上", "以下", "超过", "不足", "约" };

    private static readonly string[] RequestNoise = { "网络", "信函", "当面", "邮寄", "传真", "邮件", "电话", "线上", "线下", "自然人", "法人", "企业", "机构", "组织", "主动", "信访", "咨询", "行政复议", "诉讼", "许可", "审批", "政务服务", "结转", "继续办理" };

    private static readonly string[] ActNoise = { "公开", "公示", "公布", "信息", "受理", "立案", "申请", "网上", "清单", "目录", "听证", "复议", "诉讼", "撤销", "双公示" };

    private static readonly string[] DocumentNoise = { "现行", "有效", "清理", "废止", "修订", "修改", "备案", "审查", "审核", "解读", "征求", "起草", "草案", "制度", "失效", "宣布" };

    /// <summary>The statement, with its topic and cells when its words link it unambiguously.</summary>
    public ProseStatement Link(ProseStatement s, ProseFigure f, string clause, string sentence, SectionKind section)
    {
        var lead = Compact(f.Lead);
        if (lead.Length == 0 || ContainsAny(lead, Never)) return s;
        var (topic, keys) = Decide(lead, f.Unit, clause, sentence, section);
        if (topic is null) return s;
        var or = topic == "NewRequests" && !lead.Contains("新收", StringComparison.Ordinal)
            ? new[] { "Requests.NewRequests.Total", "Requests.CarriedOver.Total" }
            : Array.Empty<string>();
        return s with { Topic = topic, Restates = keys, OrRestates = or };
    }

    private (string? Topic, string[] Keys) Decide(string lead, string unit, string clause, string sentence, SectionKind section)
    {
        var core = StripFillers(lead);
        if (!WholeActor(lead)) return (null, Array.Empty<string>());
        bool requests = unit == "件" && !ContainsAny(sentence, "主动公开") && (sentence.Contains("申请", StringComparison.Ordinal) || section == SectionKind.Requests);
        if (requests && RequestTopic(core, lead, sentence) is { } r) return r;
        if (unit is "件" or "起" && CaseTopic(core, lead, sentence, section) is { } c) return c;
        if (unit is "件" or "条" or "个" or "份" && DocumentTopic(core, lead) is { } d) return d;
        if (unit is "件" or "起" or "宗" or "项" && DecisionTopic(core, lead) is { } a) return a;
        return FeeTopic(core, unit) ?? (null, Array.Empty<string>());
    }

    /// <summary>行政事业性收费 in 万元 or 元 (2021 template: 本年收费金额).</summary>
    private (string?, string[])? FeeTopic(string core, string unit)
        => unit is "万元" or "元" && _template == ReportTemplate.V2021 && (core.EndsWith("行政事业性收费", StringComparison.Ordinal) || core.EndsWith("行政事业性收费金额", StringComparison.Ordinal))
            ? ("Fees", new[] { "ProactiveDisclosure.Fees.AmountTenThousandYuan" })
            : null;

    /// <summary>新收 (with the year named and no carry-over in the sentence), handled, granted, partially granted.</summary>
    private (string, string[])? RequestTopic(string core, string lead, string sentence)
    {
        if (ContainsAny(lead, RequestNoise) && !lead.Contains("新收", StringComparison.Ordinal)) return null;
        if (IsNewRequests(core, lead, sentence)) return ("NewRequests", new[] { "Requests.NewRequests.Total" });
        if (ContainsAny(lead, "办结", "办理完毕", "答复完毕", "处理完毕", "已答复") && !ContainsAny(lead, "按时", "按期", "逾期", "延期", "未办结", "尚未", "正在", "率"))
            return ("Handled", new[] { "Requests.Total.Total" });
        bool partial = core.EndsWith("部分公开", StringComparison.Ordinal);
        if (partial && !ContainsAny(lead, "予以公开", "全部公开", "同意公开", "不予")) return ("PartiallyGranted", new[] { "Requests.PartiallyGranted.Total" });
        if (!partial && (core.EndsWith("予以公开", StringComparison.Ordinal) || core.EndsWith("同意公开", StringComparison.Ordinal) || core.EndsWith("全部公开", StringComparison.Ordinal))
            && !ContainsAny(lead, "部分", "不予", "依申请"))
            return ("Granted", new[] { "Requests.Granted.Total" });
        return null;
    }

    private bool IsNewRequests(string core, string lead, string sentence)
    {
        if (!(core.EndsWith("申请", StringComparison.Ordinal) || core.EndsWith("申请件", StringComparison.Ordinal))) return false;
        if (!ContainsAny(lead, "收到", "受理", "接收", "接到", "新收", "收悉", "登记")) return false;
        if (!ContainsAny(lead, "信息公开", "公开申请", "依申请")) return false;
        if (ContainsAny(lead, "办结", "答复", "办理", "处理", "予以", "不予", "转办")) return false;
        // 共收到申请 counts the year's requests only when the sentence names the year (and may include 上年结转: see OrRestates).
        return lead.Contains("新收", StringComparison.Ordinal) || ContainsAny(sentence, _periodWords);
    }

    /// <summary>政府信息公开 行政复议 and 行政诉讼 cases (table 四's group totals).</summary>
    private static (string, string[])? CaseTopic(string core, string lead, string sentence, SectionKind section)
    {
        if (section != SectionKind.ReviewLitigation && !sentence.Contains("信息公开", StringComparison.Ordinal)) return null;
        if (ContainsAny(lead, "维持", "纠正", "审结", "结果", "败诉", "胜诉", "撤诉", "驳回", "直接起诉", "复议后", "结转")) return null;
        bool review = core.EndsWith("行政复议", StringComparison.Ordinal) || core.EndsWith("行政复议申请", StringComparison.Ordinal);
        bool lawsuit = core.EndsWith("行政诉讼", StringComparison.Ordinal);
        if (review && !lead.Contains("诉讼", StringComparison.Ordinal)) return ("Reviews", new[] { "ReviewLitigation.Cases.Review.Total" });
        if (lawsuit && !lead.Contains("复议", StringComparison.Ordinal))
            return ("Lawsuits", new[] { "ReviewLitigation.Cases.Litigation.Direct.Total", "ReviewLitigation.Cases.Litigation.AfterReview.Total" });
        return null;
    }

    /// <summary>规章 and 行政规范性文件 made or issued this year (table 二's first block).</summary>
    private (string, string[])? DocumentTopic(string core, string lead)
    {
        bool regulations = core.EndsWith("规章", StringComparison.Ordinal);
        bool normative = core.EndsWith("规范性文件", StringComparison.Ordinal);
        if (!regulations && !normative || ContainsAny(lead, DocumentNoise)) return null;
        if (normative && ContainsAny(lead, "规章")) return null; // 规章和规范性文件共8件: a sum of two rows
        string row = regulations ? "Regulations" : "NormativeDocuments";
        string topic = regulations ? "RegulationsIssued" : "NormativeDocumentsIssued";
        if (_template == ReportTemplate.V2021 && ContainsAny(lead, "制发", "制定", "出台", "印发", "发布", "新制定", "新出台"))
            return (topic, new[] { $"ProactiveDisclosure.{row}.Issued" });
        if (_template == ReportTemplate.V2019 && ContainsAny(lead, "制发", "制定", "制作", "出台") && !ContainsAny(lead, "公开", "发布", "印发"))
            return (topic, new[] { $"ProactiveDisclosure.{row}.NewlyMade" });
        return null;
    }

    /// <summary>行政许可 and 行政处罚 decisions made this year (本年处理决定数量).</summary>
    private static (string, string[])? DecisionTopic(string core, string lead)
    {
        if (ContainsAny(lead, ActNoise)) return null;
        bool acted = ContainsAny(lead, "作出", "做出", "办理", "办结", "处理", "查处", "实施", "决定");
        if (!acted) return null;
        if (core.EndsWith("行政许可", StringComparison.Ordinal) || core.EndsWith("行政许可决定", StringComparison.Ordinal))
            return ("Licensing", new[] { "ProactiveDisclosure.Licensing.Decisions" });
        if (core.EndsWith("行政处罚", StringComparison.Ordinal) || core.EndsWith("行政处罚决定", StringComparison.Ordinal))
            return ("Penalties", new[] { "ProactiveDisclosure.Penalties.Decisions" });
        return null;
    }

    /// <summary>The verbs and nouns a figure's words may start with once the actor is named.</summary>
    private static readonly string[] Starts =
    {
        "收到", "受理", "接收", "接到", "新收", "收悉", "登记", "办结", "办理", "答复", "处理", "予以公开", "同意公开", "全部公开", "部分公开",
        "被申请", "申请", "发生", "提起", "涉及", "制发", "制定", "出台", "印发", "发布", "新制定", "新出台", "制作", "作出", "做出", "查处", "实施", "决定",
        "收取", "行政", "规章", "规范性文件", "政府信息", "因政府信息公开", "信息公开",
    };

    /// <summary>Words naming the year, the whole agency or jurisdiction, or joining clauses: an actor the table covers.</summary>
    private readonly string[] _actorWords = { "全年", "本年度", "本年", "今年", "年内", "当年", "全区", "全县", "全市", "全省", "全州", "全旗", "全局", "全委", "全厅",
        "本机关", "本单位", "本部门", "本局", "本委", "本厅", "本办", "本中心", "本级", "我局", "我委", "我厅", "我办", "我单位", "我部门", "我机关", "我区", "我县",
        "我市", "我省", "我中心", "其中", "共计", "合计", "总计", "一共", "共", "依法", "已", "均", "另有", "另", "被", "同时", "此外", "以及", "和", "及", "度", "全部", "对" };

    /// <summary>
    /// True when the words before the figure's verb or noun name no actor, or only the year, the whole agency or its
    /// jurisdiction (全县, 本机关): 区政府办代表区政府受理 … counts a part of what the table may cover, and is not linked.
    /// </summary>
    private bool WholeActor(string lead)
    {
        int at = -1;
        foreach (var w in Starts)
        {
            int i = lead.IndexOf(w, StringComparison.Ordinal);
            if (i >= 0 && (at < 0 || i < at)) at = i;
        }
        if (at < 0) return false;
        var prefix = lead[..at];
        foreach (var y in _periodWords) prefix = prefix.Replace(y, "", StringComparison.Ordinal);
        bool again = true;
        while (again && prefix.Length > 0)
        {
            again = false;
            foreach (var w in _actorWords)
            {
                if (!prefix.StartsWith(w, StringComparison.Ordinal)) continue;
                prefix = prefix[w.Length..];
                again = true;
                break;
            }
        }
        return !prefix.Any(c => c is >= '\u4E00' and <= '\u9FFF');
    }

    private static string StripFillers(string lead)
    {
        bool again = true;
        while (again && lead.Length > 0)
        {
            again = false;
            foreach (var f in Fillers)
            {
                if (lead.Length > f.Length && lead.EndsWith(f, StringComparison.Ordinal))
                {
                    lead = lead[..^f.Length];
                    again = true;
                    break;
                }
            }
        }
        return lead;
    }

    private static string Compact(string s)
    {
        int kept = 0;
        foreach (char c in s) if (Kept(c)) kept++;
        if (kept == s.Length) return s;
        return string.Create(kept, s, static (span, text) =>
        {
            int k = 0;
            foreach (char c in text) if (Kept(c)) span[k++] = c;
        });
    }

    private static bool Kept(char c) => !char.IsWhiteSpace(c) && c is not ('“' or '”' or '"');

    private static bool ContainsAny(string s, params ReadOnlySpan<string> words)
    {
        foreach (var w in words) if (s.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }
}
