namespace ReportParser.Template;

/// <summary>A column of a standard table: its key (TEMPLATE.md), the label the template prints, accepted variants and the kind of value.</summary>
public sealed class ColumnDefinition
{
    internal ColumnDefinition(string key, string label, ValueKind kind, params string[] aliases)
    {
        Key = key;
        Label = label;
        Kind = kind;
        Aliases = aliases;
    }

    /// <summary>Column key, e.g. <c>NaturalPerson</c>.</summary>
    public string Key { get; }

    /// <summary>The label as the template prints it, e.g. 自然人.</summary>
    public string Label { get; }

    /// <summary>Count, signed count or amount.</summary>
    public ValueKind Kind { get; }

    /// <summary>Other labels publishers print for the column, accepted as the same column.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Key} ({Label})";
}

/// <summary>
/// A row of a standard table: key, template label, and where it sits. <see cref="Group"/> is the
/// enclosing label (不予公开 …) for sub-rows; <see cref="Block"/> the 第二十条 item for table 二.
/// <see cref="Number"/> is the enumerator the template prints before the label (一, （二）, 3 …).
/// </summary>
public sealed class RowDefinition
{
    internal RowDefinition(string key, string label, ColumnDefinition[] columns, string? group = null, string? block = null, string? number = null, params string[] aliases)
    {
        Key = key;
        Label = label;
        Columns = columns;
        Group = group;
        Block = block;
        Number = number;
        Aliases = aliases;
    }

    /// <summary>Row key, e.g. <c>Denied.StateSecret</c>.</summary>
    public string Key { get; }

    /// <summary>The label as the template prints it (without its enumerator).</summary>
    public string Label { get; }

    /// <summary>The row's columns in template order.</summary>
    public IReadOnlyList<ColumnDefinition> Columns { get; }

    /// <summary>The enclosing group label (不予公开, 无法提供, 不予处理, 其他处理) for table-三 sub-rows, otherwise null.</summary>
    public string? Group { get; }

    /// <summary>The 第二十条 item (一, 五, 六, 八, 九) a table-二 row belongs to, otherwise null.</summary>
    public string? Block { get; }

    /// <summary>The enumerator printed before the label (一, （二）, 3 …), when the template prints one.</summary>
    public string? Number { get; }

    /// <summary>Other labels publishers print for the row, accepted as the same row.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Key} ({Label})";
}

/// <summary>A standard table of one template: its key and its rows in template order.</summary>
public sealed class TableDefinition
{
    internal TableDefinition(string key, ReportTemplate template, RowDefinition[] rows)
    {
        Key = key;
        Template = template;
        Rows = rows;
    }

    /// <summary>Table key: <c>ProactiveDisclosure</c>, <c>Requests</c> or <c>ReviewLitigation</c>.</summary>
    public string Key { get; }

    /// <summary>The template; <see cref="ReportTemplate.Unknown"/> for table 四, which both templates share.</summary>
    public ReportTemplate Template { get; }

    /// <summary>Rows in template order.</summary>
    public IReadOnlyList<RowDefinition> Rows { get; }

    /// <summary>The row of a key, or null.</summary>
    public RowDefinition? Row(string key)
    {
        foreach (var r in Rows) if (r.Key == key) return r;
        return null;
    }

    /// <summary>Every <c>Table.Row.Column</c> key of the table, in template order.</summary>
    public IEnumerable<string> CellKeys => Rows.SelectMany(r => r.Columns.Select(c => $"{Key}.{r.Key}.{c.Key}"));

    /// <inheritdoc />
    public override string ToString() => $"{Key} ({Template.ToKey()})";
}

/// <summary>One cell of the schema: the table, row and column definitions a <c>Table.Row.Column</c> key names.</summary>
/// <param name="Table">The table.</param>
/// <param name="Row">The row.</param>
/// <param name="Column">The column.</param>
public sealed record CellDefinition(TableDefinition Table, RowDefinition Row, ColumnDefinition Column)
{
    /// <summary><c>Table.Row.Column</c>.</summary>
    public string Key => $"{Table.Key}.{Row.Key}.{Column.Key}";

    /// <summary>The templates that have this cell.</summary>
    public IReadOnlyList<ReportTemplate> Templates => TemplateSchema.TemplatesOf(Key);
}

/// <summary>
/// The rows and columns of tables 二, 三 and 四 of both national templates (TEMPLATE.md), named once: the
/// table readers, the rules, the typed tables and every export read their keys and labels from here.
/// Read-only. For compile-time keys use <c>CellKeys</c>.
/// </summary>
public static class TemplateSchema
{
    /// <summary>Table key of table 二.</summary>
    public const string ProactiveDisclosure = "ProactiveDisclosure";

    /// <summary>Table key of table 三.</summary>
    public const string Requests = "Requests";

    /// <summary>Table key of table 四.</summary>
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

    /// <summary>Table 二 of the 2021 template.</summary>
    public static readonly TableDefinition Proactive2021 = new(ProactiveDisclosure, ReportTemplate.V2021, new RowDefinition[]
    {
        new("Regulations", "规章", Docs2021, block: "一"),
        new("NormativeDocuments", "行政规范性文件", Docs2021, block: "一", aliases: new[] { "规范性文件" }),
        new("Licensing", "行政许可", Decisions2021, block: "五"),
        new("Penalties", "行政处罚", Decisions2021, block: "六"),
        new("Enforcement", "行政强制", Decisions2021, block: "六"),
        new("Fees", "行政事业性收费", Fees2021, block: "八"),
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

    /// <summary>Table 二 of the 2019 template.</summary>
    public static readonly TableDefinition Proactive2019 = new(ProactiveDisclosure, ReportTemplate.V2019, new RowDefinition[]
    {
        new("Regulations", "规章", Docs2019, block: "一"),
        new("NormativeDocuments", "规范性文件", Docs2019, block: "一", aliases: new[] { "行政规范性文件" }),
        new("Licensing", "行政许可", Items2019, block: "五"),
        new("OtherServices", "其他对外管理服务事项", Items2019, block: "五"),
        new("Penalties", "行政处罚", Items2019, block: "六"),
        new("Enforcement", "行政强制", Items2019, block: "六"),
        new("Fees", "行政事业性收费", Fees2019, block: "八"),
        new("CentralProcurement", "政府集中采购", Procurement2019, block: "九"),
    });

    // ---- Table 三 ----
    /// <summary>The seven applicant columns of table 三 (自然人 … 总计), in template order.</summary>
    public static IReadOnlyList<ColumnDefinition> RequestColumns => RequestColumnArray;

    internal static readonly ColumnDefinition[] RequestColumnArray =
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
        var c = RequestColumnArray;
        var rows = new List<RowDefinition>
        {
            new("NewRequests", "本年新收政府信息公开申请数量", c, number: "一"),
            new("CarriedOver", "上年结转政府信息公开申请数量", c, number: "二"),
            new("Granted", "予以公开", c, number: "（一）"),
            new("PartiallyGranted", "部分公开（区分处理的，只计这一情形，不计其他情形）", c, number: "（二）", aliases: new[] { "部分公开" }),
            new("Denied.StateSecret", "属于国家秘密", c, Denied, number: "1"),
            new("Denied.ProhibitedByLaw", "其他法律行政法规禁止公开", c, Denied, number: "2"),
            new("Denied.Endangers", "危及“三安全一稳定”", c, Denied, number: "3"),
            new("Denied.ThirdParty", "保护第三方合法权益", c, Denied, number: "4"),
            new("Denied.InternalAffairs", "属于三类内部事务信息", c, Denied, number: "5"),
            new("Denied.ProcessInformation", "属于四类过程性信息", c, Denied, number: "6"),
            new("Denied.EnforcementCase", "属于行政执法案卷", c, Denied, number: "7"),
            new("Denied.QueryMatter", "属于行政查询事项", c, Denied, number: "8"),
            new("Unable.NotHeld", "本机关不掌握相关政府信息", c, Unable, number: "1"),
            new("Unable.NeedsCreation", "没有现成信息需要另行制作", c, Unable, number: "2"),
            new("Unable.Unclear", "补正后申请内容仍不明确", c, Unable, number: "3"),
            new("NotProcessed.Complaint", "信访举报投诉类申请", c, NotProcessed, number: "1"),
            new("NotProcessed.Duplicate", "重复申请", c, NotProcessed, number: "2"),
            new("NotProcessed.Publication", "要求提供公开出版物", c, NotProcessed, number: "3"),
            new("NotProcessed.Excessive", "无正当理由大量反复申请", c, NotProcessed, number: "4"),
            new("NotProcessed.Confirmation", "要求行政机关确认或重新出具已获取信息", c, NotProcessed, number: "5"),
        };
        if (v2021)
        {
            rows.Add(new("Other.NoCorrection", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", c, OtherGroup, number: "1"));
            rows.Add(new("Other.FeeUnpaid", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", c, OtherGroup, number: "2"));
            rows.Add(new("Other.Other", "其他", c, OtherGroup, number: "3"));
        }
        else
        {
            rows.Add(new("Other", "其他处理", c, number: "（六）"));
        }
        rows.Add(new("Total", "总计", c, number: "（七）", aliases: new[] { "合计" }));
        rows.Add(new("CarriedForward", "结转下年度继续办理", c, number: "四"));
        return rows.ToArray();
    }

    /// <summary>Table 三 of the 2021 template.</summary>
    public static readonly TableDefinition Requests2021 = new(Requests, ReportTemplate.V2021, RequestRows(true));
    /// <summary>Table 三 of the 2019 template.</summary>
    public static readonly TableDefinition Requests2019 = new(Requests, ReportTemplate.V2019, RequestRows(false));

    /// <summary>The single 2019 （六）其他处理 row, accepted in 2021 reports with a warning.</summary>
    internal static readonly RowDefinition SingleOtherRow = Requests2019.Row("Other")!;

    /// <summary>Groups of table 三 sub-rows, by their label.</summary>
    internal static readonly (string Label, string Number)[] RequestGroups =
    {
        (Denied, "（三）"), (Unable, "（四）"), (NotProcessed, "（五）"), (OtherGroup, "（六）"),
    };

    // ---- Table 四 ----
    internal static readonly string[] OutcomeKeys = { "Upheld", "Corrected", "Other", "Pending", "Total" };
    internal static readonly string[] OutcomeLabels = { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" };
    internal static readonly string[] GroupKeys = { "Review", "Litigation.Direct", "Litigation.AfterReview" };

    /// <summary>The printed names of table 四's groups, in the order of <see cref="GroupKeys"/>.</summary>
    internal static readonly string[] GroupLabels = { "行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉" };

    /// <summary>The fifteen columns of table 四's one row <c>Cases</c>: three groups (<c>Review</c>, <c>Litigation.Direct</c>, <c>Litigation.AfterReview</c>) of five outcomes.</summary>
    public static IReadOnlyList<ColumnDefinition> ReviewColumns => ReviewColumnArray;

    internal static readonly ColumnDefinition[] ReviewColumnArray = GroupKeys
        .SelectMany(g => OutcomeKeys.Select((k, i) => new ColumnDefinition($"{g}.{k}", OutcomeLabels[i], ValueKind.Count)))
        .ToArray();

    /// <summary>Table 四, shared by both templates.</summary>
    public static readonly TableDefinition Review = new(ReviewLitigation, ReportTemplate.Unknown, new[] { new RowDefinition("Cases", "", ReviewColumnArray) });

    /// <summary>Table 二 of a template (2021 for anything but 2019).</summary>
    public static TableDefinition ProactiveFor(ReportTemplate t) => t == ReportTemplate.V2019 ? Proactive2019 : Proactive2021;

    /// <summary>Table 三 of a template (2021 for anything but 2019).</summary>
    public static TableDefinition RequestsFor(ReportTemplate t) => t == ReportTemplate.V2019 ? Requests2019 : Requests2021;

    /// <summary>The tables of a template (2019 or 2021) in template order: 二, 三, 四.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The template is not 2019 or 2021.</exception>
    public static IReadOnlyList<TableDefinition> TablesOf(ReportTemplate template) => template switch
    {
        ReportTemplate.V2019 => new[] { Proactive2019, Requests2019, Review },
        ReportTemplate.V2021 => new[] { Proactive2021, Requests2021, Review },
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "only the 2019 and 2021 templates have standard tables"),
    };

    private static readonly Dictionary<string, (CellDefinition Cell, List<ReportTemplate> Templates)> Cells = BuildCells();

    private static Dictionary<string, (CellDefinition, List<ReportTemplate>)> BuildCells()
    {
        var cells = new Dictionary<string, (CellDefinition, List<ReportTemplate>)>(StringComparer.Ordinal);
        foreach (var table in new[] { Proactive2021, Proactive2019, Requests2021, Requests2019, Review })
        {
            var templates = table.Template == ReportTemplate.Unknown ? new[] { ReportTemplate.V2021, ReportTemplate.V2019 } : new[] { table.Template };
            foreach (var row in table.Rows)
            {
                foreach (var column in row.Columns)
                {
                    var key = $"{table.Key}.{row.Key}.{column.Key}";
                    if (!cells.TryGetValue(key, out var entry))
                    {
                        entry = (new CellDefinition(table, row, column), new List<ReportTemplate>());
                        cells[key] = entry;
                    }
                    foreach (var t in templates) if (!entry.Item2.Contains(t)) entry.Item2.Add(t);
                }
            }
        }
        return cells;
    }

    /// <summary>Every <c>Table.Row.Column</c> key of both templates, once, in table order (二 2021, 二 2019, 三 2021, 三 2019, 四), rows and columns in template order: the cell columns of the wide reports table.</summary>
    public static IReadOnlyList<string> AllCellKeys { get; } = Cells.Keys.ToList();

    /// <summary>The definition of a <c>Table.Row.Column</c> key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No template has the key.</exception>
    public static CellDefinition Cell(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Cells.TryGetValue(key, out var e) ? e.Cell : throw new KeyNotFoundException($"'{key}' is not a cell key of the 2019 or 2021 template (see TEMPLATE.md)");
    }

    /// <summary>The definition of a key, or false when no template has it.</summary>
    public static bool TryGetCell(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CellDefinition? cell)
    {
        cell = key is not null && Cells.TryGetValue(key, out var e) ? e.Cell : null;
        return cell is not null;
    }

    /// <summary>The templates that have a key (empty when none has).</summary>
    public static IReadOnlyList<ReportTemplate> TemplatesOf(string key)
        => key is not null && Cells.TryGetValue(key, out var e) ? e.Templates : Array.Empty<ReportTemplate>();
}
