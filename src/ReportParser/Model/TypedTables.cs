namespace ReportParser;

/// <summary>The seven applicant columns of one table-三 row (申请人情况), as whole numbers; null when not stated.</summary>
public readonly struct ApplicantCounts
{
    private readonly ReportRow? _row;

    internal ApplicantCounts(ReportRow? row) => _row = row;

    /// <summary>The underlying row, with raw text and locations.</summary>
    public ReportRow? Row => _row;

    /// <summary>自然人.</summary>
    public long? NaturalPerson => _row?["NaturalPerson"]?.Count;

    /// <summary>商业企业.</summary>
    public long? Commercial => _row?["Commercial"]?.Count;

    /// <summary>科研机构.</summary>
    public long? Research => _row?["Research"]?.Count;

    /// <summary>社会公益组织.</summary>
    public long? PublicInterest => _row?["PublicInterest"]?.Count;

    /// <summary>法律服务机构.</summary>
    public long? LegalService => _row?["LegalService"]?.Count;

    /// <summary>其他 (other legal persons or organisations).</summary>
    public long? OtherOrg => _row?["OtherOrg"]?.Count;

    /// <summary>总计.</summary>
    public long? Total => _row?["Total"]?.Count;
}

/// <summary>Table 三, 收到和处理政府信息公开申请情况, with a typed property per template row.</summary>
public sealed class RequestsTable : ReportTable
{
    /// <summary>Creates the table.</summary>
    public RequestsTable(ReportTemplate template, IReadOnlyList<ReportRow> rows, SourceLocation span) : base("Requests", template, rows, span) { }

    private ApplicantCounts R(string key) => new(this[key]);

    /// <summary>一、本年新收政府信息公开申请数量.</summary>
    public ApplicantCounts NewRequests => R("NewRequests");
    /// <summary>二、上年结转政府信息公开申请数量.</summary>
    public ApplicantCounts CarriedOver => R("CarriedOver");
    /// <summary>（一）予以公开.</summary>
    public ApplicantCounts Granted => R("Granted");
    /// <summary>（二）部分公开.</summary>
    public ApplicantCounts PartiallyGranted => R("PartiallyGranted");
    /// <summary>（三）不予公开 1.属于国家秘密.</summary>
    public ApplicantCounts DeniedStateSecret => R("Denied.StateSecret");
    /// <summary>2.其他法律行政法规禁止公开.</summary>
    public ApplicantCounts DeniedProhibitedByLaw => R("Denied.ProhibitedByLaw");
    /// <summary>3.危及“三安全一稳定”.</summary>
    public ApplicantCounts DeniedEndangers => R("Denied.Endangers");
    /// <summary>4.保护第三方合法权益.</summary>
    public ApplicantCounts DeniedThirdParty => R("Denied.ThirdParty");
    /// <summary>5.属于三类内部事务信息.</summary>
    public ApplicantCounts DeniedInternalAffairs => R("Denied.InternalAffairs");
    /// <summary>6.属于四类过程性信息.</summary>
    public ApplicantCounts DeniedProcessInformation => R("Denied.ProcessInformation");
    /// <summary>7.属于行政执法案卷.</summary>
    public ApplicantCounts DeniedEnforcementCase => R("Denied.EnforcementCase");
    /// <summary>8.属于行政查询事项.</summary>
    public ApplicantCounts DeniedQueryMatter => R("Denied.QueryMatter");
    /// <summary>（四）无法提供 1.本机关不掌握相关政府信息.</summary>
    public ApplicantCounts UnableNotHeld => R("Unable.NotHeld");
    /// <summary>2.没有现成信息需要另行制作.</summary>
    public ApplicantCounts UnableNeedsCreation => R("Unable.NeedsCreation");
    /// <summary>3.补正后申请内容仍不明确.</summary>
    public ApplicantCounts UnableUnclear => R("Unable.Unclear");
    /// <summary>（五）不予处理 1.信访举报投诉类申请.</summary>
    public ApplicantCounts NotProcessedComplaint => R("NotProcessed.Complaint");
    /// <summary>2.重复申请.</summary>
    public ApplicantCounts NotProcessedDuplicate => R("NotProcessed.Duplicate");
    /// <summary>3.要求提供公开出版物.</summary>
    public ApplicantCounts NotProcessedPublication => R("NotProcessed.Publication");
    /// <summary>4.无正当理由大量反复申请.</summary>
    public ApplicantCounts NotProcessedExcessive => R("NotProcessed.Excessive");
    /// <summary>5.要求行政机关确认或重新出具已获取信息.</summary>
    public ApplicantCounts NotProcessedConfirmation => R("NotProcessed.Confirmation");
    /// <summary>（六）其他处理 as one row (2019 template, or a 2021 report printing the single row).</summary>
    public ApplicantCounts Other => R("Other");
    /// <summary>2021: （六）1.逾期不补正.</summary>
    public ApplicantCounts OtherNoCorrection => R("Other.NoCorrection");
    /// <summary>2021: （六）2.逾期未缴费.</summary>
    public ApplicantCounts OtherFeeUnpaid => R("Other.FeeUnpaid");
    /// <summary>2021: （六）3.其他.</summary>
    public ApplicantCounts OtherOther => R("Other.Other");
    /// <summary>（七）总计.</summary>
    public ApplicantCounts Total => R("Total");
    /// <summary>四、结转下年度继续办理.</summary>
    public ApplicantCounts CarriedForward => R("CarriedForward");
}

/// <summary>The five outcome columns of one table-四 group.</summary>
public readonly struct OutcomeCounts
{
    private readonly ReportTable _table;
    private readonly string _group;

    internal OutcomeCounts(ReportTable table, string group)
    {
        _table = table;
        _group = group;
    }

    private long? C(string k) => _table["Cases", _group + "." + k]?.Count;

    /// <summary>结果维持.</summary>
    public long? Upheld => C("Upheld");
    /// <summary>结果纠正.</summary>
    public long? Corrected => C("Corrected");
    /// <summary>其他结果.</summary>
    public long? Other => C("Other");
    /// <summary>尚未审结.</summary>
    public long? Pending => C("Pending");
    /// <summary>总计.</summary>
    public long? Total => C("Total");
}

/// <summary>Table 四, 行政复议、行政诉讼: one row <c>Cases</c> with three groups of five outcomes.</summary>
public sealed class ReviewLitigationTable : ReportTable
{
    /// <summary>Creates the table.</summary>
    public ReviewLitigationTable(ReportTemplate template, IReadOnlyList<ReportRow> rows, SourceLocation span) : base("ReviewLitigation", template, rows, span) { }

    /// <summary>行政复议.</summary>
    public OutcomeCounts Review => new(this, "Review");
    /// <summary>行政诉讼 未经复议直接起诉.</summary>
    public OutcomeCounts LitigationDirect => new(this, "Litigation.Direct");
    /// <summary>行政诉讼 复议后起诉.</summary>
    public OutcomeCounts LitigationAfterReview => new(this, "Litigation.AfterReview");
}

/// <summary>
/// Table 二, 主动公开政府信息情况. The rows and columns depend on the template (see TEMPLATE.md); the
/// typed properties return null for a cell the template does not have.
/// </summary>
public sealed class ProactiveDisclosureTable : ReportTable
{
    /// <summary>Creates the table.</summary>
    public ProactiveDisclosureTable(ReportTemplate template, IReadOnlyList<ReportRow> rows, SourceLocation span) : base("ProactiveDisclosure", template, rows, span) { }

    private long? C(string row, string col) => this[row, col]?.Count;

    /// <summary>2021: 规章 本年制发件数.</summary>
    public long? RegulationsIssued => C("Regulations", "Issued");
    /// <summary>2021: 规章 本年废止件数.</summary>
    public long? RegulationsRepealed => C("Regulations", "Repealed");
    /// <summary>2021: 规章 现行有效件数.</summary>
    public long? RegulationsInForce => C("Regulations", "InForce");
    /// <summary>2021: 行政规范性文件 本年制发件数.</summary>
    public long? NormativeDocumentsIssued => C("NormativeDocuments", "Issued");
    /// <summary>2021: 行政规范性文件 本年废止件数.</summary>
    public long? NormativeDocumentsRepealed => C("NormativeDocuments", "Repealed");
    /// <summary>2021: 行政规范性文件 现行有效件数.</summary>
    public long? NormativeDocumentsInForce => C("NormativeDocuments", "InForce");
    /// <summary>2019: 规章 本年新制作数量.</summary>
    public long? RegulationsNewlyMade => C("Regulations", "NewlyMade");
    /// <summary>2019: 规章 本年新公开数量.</summary>
    public long? RegulationsNewlyPublished => C("Regulations", "NewlyPublished");
    /// <summary>2019: 规章 对外公开总数量.</summary>
    public long? RegulationsTotalPublished => C("Regulations", "TotalPublished");
    /// <summary>2019: 规范性文件 本年新制作数量.</summary>
    public long? NormativeDocumentsNewlyMade => C("NormativeDocuments", "NewlyMade");
    /// <summary>2019: 规范性文件 本年新公开数量.</summary>
    public long? NormativeDocumentsNewlyPublished => C("NormativeDocuments", "NewlyPublished");
    /// <summary>2019: 规范性文件 对外公开总数量.</summary>
    public long? NormativeDocumentsTotalPublished => C("NormativeDocuments", "TotalPublished");
    /// <summary>行政许可 (本年)处理决定数量.</summary>
    public long? LicensingDecisions => C("Licensing", "Decisions");
    /// <summary>行政处罚 (本年)处理决定数量.</summary>
    public long? PenaltiesDecisions => C("Penalties", "Decisions");
    /// <summary>行政强制 (本年)处理决定数量.</summary>
    public long? EnforcementDecisions => C("Enforcement", "Decisions");
    /// <summary>2019: 其他对外管理服务事项 处理决定数量.</summary>
    public long? OtherServicesDecisions => C("OtherServices", "Decisions");
    /// <summary>2019: 上一年项目数量 of a row (Licensing, OtherServices, Penalties, Enforcement, Fees).</summary>
    public long? PreviousYear(string row) => C(row, "PreviousYear");
    /// <summary>2019: 本年增/减 of a row (signed).</summary>
    public long? Change(string row) => C(row, "Change");
    /// <summary>2021: 行政事业性收费 本年收费金额（万元）.</summary>
    public decimal? FeesAmountTenThousandYuan => this["Fees", "AmountTenThousandYuan"]?.Value;
    /// <summary>2019: 政府集中采购 采购项目数量.</summary>
    public long? CentralProcurementProjects => C("CentralProcurement", "Projects");
    /// <summary>2019: 政府集中采购 采购总金额 (unit as printed).</summary>
    public decimal? CentralProcurementAmount => this["CentralProcurement", "AmountYuan"]?.Value;
}
