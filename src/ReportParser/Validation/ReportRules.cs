namespace ReportParser.Validation;

/// <summary>The rules the parser applies.</summary>
public static class ReportRules
{
    /// <summary>Every single-report rule of TEMPLATE.md, in table order, then the text against the tables (<see cref="ProseTableRule"/>).</summary>
    public static IReadOnlyList<IReportRule> Default { get; } = new IReportRule[]
    {
        new NonNegativeRule(),
        new RequestsRowTotalRule(),
        new RequestsOutcomeTotalRule(),
        new RequestsBalanceRule(),
        new ReviewLitigationGroupTotalRule(),
        new ProseTableRule(),
    };
}
