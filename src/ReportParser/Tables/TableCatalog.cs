using ReportParser.Template;

namespace ReportParser.Tables;

/// <summary>A column of a standard table: key, template label, accepted variants, value kind.</summary>
internal sealed record ColumnDefinition(string Key, string Label, ValueKind Kind, params string[] Aliases);

/// <summary>
/// A row of a standard table: key, template label, and where it sits. <see cref="Group"/> is the
/// enclosing label (不予公开 …) for sub-rows; <see cref="Block"/> the 第二十条 item for table 二.
/// <see cref="Number"/> is the enumerator the template prints before the label (一, （二）, 3 …).
/// </summary>
internal sealed record RowDefinition(string Key, string Label, ColumnDefinition[] Columns, string? Group = null, string? Block = null, string? Number = null, params string[] Aliases);

/// <summary>A standard table of one template.</summary>
internal sealed record TableDefinition(string Key, ReportTemplate Template, RowDefinition[] Rows)
{
    public RowDefinition? Row(string key) => Array.Find(Rows, r => r.Key == key);
}

/// <summary>The rows and columns of tables 二, 三 and 四 of both templates (TEMPLATE.md).</summary>
internal static class TemplateSchema
{
    public const string ProactiveDisclosure = "ProactiveDisclosure";
    public const string Requests = "Requests";
    public const string ReviewLitigation = "ReviewLitigation";

    // ---- Table 二, 2021 ----
    private static readonly ColumnDefinition[] Docs2021 =
    {
        new("Issued", "本年制发件数", ValueKind.Count),
        new("Repealed", "本年废止件数", ValueKind.Count),
        new("InForce", "现行有效件数", ValueKind.Count),
    };
    private static readonly ColumnDefinition[] Decisions2021 = { new("Decisions", "本年处理决定数量", ValueKind.Count, "处理决定数量") };
    private static readonly ColumnDefinition[] Fees2021 = { new("AmountTenThousandYuan", "本年收费金额（单位：万元）", ValueKind.Amount, "本年收费金额") };

    public static readonly TableDefinition Proactive2021 = new(ProactiveDisclosure, ReportTemplate.V2021, new RowDefinition[]
    {
        new("Regulations", "规章", Docs2021, Block: "一"),
        new("NormativeDocuments", "行政规范性文件", Docs2021, Block: "一", Aliases: new[] { "规范性文件" }),
        new("Licensing", "行政许可", Decisions2021, Block: "五"),
        new("Penalties", "行政处罚", Decisions2021, Block: "六"),
        new("Enforcement", "行政强制", Decisions2021, Block: "六"),
        new("Fees", "行政事业性收费", Fees2021, Block: "八"),
    });

    // ---- Table 二, 2019 ----
    private static readonly ColumnDefinition[] Docs2019 =
    {
        new("NewlyMade", "本年新制作数量", ValueKind.Count, "本年新制作"),
        new("NewlyPublished", "本年新公开数量", ValueKind.Count, "本年新公开"),
        new("TotalPublished", "对外公开总数量", ValueKind.Count, "对外公开总数"),
    };
    private static readonly ColumnDefinition[] Items2019 =
    {
        new("PreviousYear", "上一年项目数量", ValueKind.Count),
        new("Change", "本年增/减", ValueKind.SignedCount, "本年增减", "本年增加/减少"),
        new("Decisions", "处理决定数量", ValueKind.Count, "本年处理决定数量"),
    };
    private static readonly ColumnDefinition[] Fees2019 =
    {
        new("PreviousYear", "上一年项目数量", ValueKind.Count),
        new("Change", "本年增/减", ValueKind.SignedCount, "本年增减"),
    };
    private static readonly ColumnDefinition[] Procurement2019 =
    {
        new("Projects", "采购项目数量", ValueKind.Count),
        new("AmountYuan", "采购总金额", ValueKind.Amount),
    };

    public static readonly TableDefinition Proactive2019 = new(ProactiveDisclosure, ReportTemplate.V2019, new RowDefinition[]
    {
        new("Regulations", "规章", Docs2019, Block: "一"),
        new("NormativeDocuments", "规范性文件", Docs2019, Block: "一", Aliases: new[] { "行政规范性文件" }),
        new("Licensing", "行政许可", Items2019, Block: "五"),
        new("OtherServices", "其他对外管理服务事项", Items2019, Block: "五"),
        new("Penalties", "行政处罚", Items2019, Block: "六"),
        new("Enforcement", "行政强制", Items2019, Block: "六"),
        new("Fees", "行政事业性收费", Fees2019, Block: "八"),
        new("CentralProcurement", "政府集中采购", Procurement2019, Block: "九"),
    });

    // ---- Table 三 ----
    public static readonly ColumnDefinition[] RequestColumns =
    {
        new("NaturalPerson", "自然人", ValueKind.Count),
        new("Commercial", "商业企业", ValueKind.Count),
        new("Research", "科研机构", ValueKind.Count),
        new("PublicInterest", "社会公益组织", ValueKind.Count),
        new("LegalService", "法律服务机构", ValueKind.Count),
        new("OtherOrg", "其他", ValueKind.Count),
        new("Total", "总计", ValueKind.Count, "合计"),
    };

    private const string Denied = "不予公开";
    private const string Unable = "无法提供";
    private const string NotProcessed = "不予处理";
    private const string OtherGroup = "其他处理";

    private static RowDefinition[] RequestRows(bool v2021)
    {
        var c = RequestColumns;
        var rows = new List<RowDefinition>
        {
            new("NewRequests", "本年新收政府信息公开申请数量", c, Number: "一"),
            new("CarriedOver", "上年结转政府信息公开申请数量", c, Number: "二"),
            new("Granted", "予以公开", c, Number: "（一）"),
            new("PartiallyGranted", "部分公开（区分处理的，只计这一情形，不计其他情形）", c, Number: "（二）", Aliases: new[] { "部分公开" }),
            new("Denied.StateSecret", "属于国家秘密", c, Denied, Number: "1"),
            new("Denied.ProhibitedByLaw", "其他法律行政法规禁止公开", c, Denied, Number: "2"),
            new("Denied.Endangers", "危及“三安全一稳定”", c, Denied, Number: "3"),
            new("Denied.ThirdParty", "保护第三方合法权益", c, Denied, Number: "4"),
            new("Denied.InternalAffairs", "属于三类内部事务信息", c, Denied, Number: "5"),
            new("Denied.ProcessInformation", "属于四类过程性信息", c, Denied, Number: "6"),
            new("Denied.EnforcementCase", "属于行政执法案卷", c, Denied, Number: "7"),
            new("Denied.QueryMatter", "属于行政查询事项", c, Denied, Number: "8"),
            new("Unable.NotHeld", "本机关不掌握相关政府信息", c, Unable, Number: "1"),
            new("Unable.NeedsCreation", "没有现成信息需要另行制作", c, Unable, Number: "2"),
            new("Unable.Unclear", "补正后申请内容仍不明确", c, Unable, Number: "3"),
            new("NotProcessed.Complaint", "信访举报投诉类申请", c, NotProcessed, Number: "1"),
            new("NotProcessed.Duplicate", "重复申请", c, NotProcessed, Number: "2"),
            new("NotProcessed.Publication", "要求提供公开出版物", c, NotProcessed, Number: "3"),
            new("NotProcessed.Excessive", "无正当理由大量反复申请", c, NotProcessed, Number: "4"),
            new("NotProcessed.Confirmation", "要求行政机关确认或重新出具已获取信息", c, NotProcessed, Number: "5"),
        };
        if (v2021)
        {
            rows.Add(new("Other.NoCorrection", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", c, OtherGroup, Number: "1"));
            rows.Add(new("Other.FeeUnpaid", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", c, OtherGroup, Number: "2"));
            rows.Add(new("Other.Other", "其他", c, OtherGroup, Number: "3"));
        }
        else
        {
            rows.Add(new("Other", "其他处理", c, Number: "（六）"));
        }
        rows.Add(new("Total", "总计", c, Number: "（七）", Aliases: new[] { "合计" }));
        rows.Add(new("CarriedForward", "结转下年度继续办理", c, Number: "四"));
        return rows.ToArray();
    }

    public static readonly TableDefinition Requests2021 = new(Requests, ReportTemplate.V2021, RequestRows(true));
    public static readonly TableDefinition Requests2019 = new(Requests, ReportTemplate.V2019, RequestRows(false));

    /// <summary>The single 2019 （六）其他处理 row, accepted in 2021 reports with a warning.</summary>
    public static readonly RowDefinition SingleOtherRow = Requests2019.Row("Other")!;

    /// <summary>Groups of table 三 sub-rows, by their label.</summary>
    public static readonly (string Label, string Number)[] RequestGroups =
    {
        (Denied, "（三）"), (Unable, "（四）"), (NotProcessed, "（五）"), (OtherGroup, "（六）"),
    };

    // ---- Table 四 ----
    public static readonly string[] OutcomeKeys = { "Upheld", "Corrected", "Other", "Pending", "Total" };
    public static readonly string[] OutcomeLabels = { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" };
    public static readonly string[] GroupKeys = { "Review", "Litigation.Direct", "Litigation.AfterReview" };

    public static readonly ColumnDefinition[] ReviewColumns = GroupKeys
        .SelectMany(g => OutcomeKeys.Select((k, i) => new ColumnDefinition($"{g}.{k}", OutcomeLabels[i], ValueKind.Count)))
        .ToArray();

    public static readonly TableDefinition Review = new(ReviewLitigation, ReportTemplate.Unknown, new[] { new RowDefinition("Cases", "", ReviewColumns) });

    public static TableDefinition ProactiveFor(ReportTemplate t) => t == ReportTemplate.V2019 ? Proactive2019 : Proactive2021;

    public static TableDefinition RequestsFor(ReportTemplate t) => t == ReportTemplate.V2019 ? Requests2019 : Requests2021;
}
