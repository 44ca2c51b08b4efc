using System.Globalization;

namespace ReportParser.Validation;

/// <summary>
/// One consistency rule (勾稽关系) over a parsed report. Rules read the model and report findings through
/// the context; they never throw.
/// </summary>
public interface IReportRule
{
    /// <summary>The rule key of TEMPLATE.md, e.g. <c>Requests.Balance</c>.</summary>
    string Key { get; }

    /// <summary>Checks the report.</summary>
    void Check(AnnualReport report, RuleContext context);
}

/// <summary>Receives a rule's findings.</summary>
public sealed class RuleContext
{
    private readonly Action<Diagnostic> _sink;

    internal RuleContext(Action<Diagnostic> sink) => _sink = sink;

    /// <summary>Reports a broken rule (a warning: the published figures are inconsistent).</summary>
    public void Broken(IReportRule rule, DiagnosticCode code, SourceLocation span, string message)
        => _sink(new Diagnostic(code, Severity.Warning, span, message) { Rule = rule.Key });

    /// <summary>Reports that a rule could not be checked because values it needs are not stated (info).</summary>
    public void NotCheckable(IReportRule rule, SourceLocation span, string message)
        => _sink(new Diagnostic(DiagnosticCode.RuleNotCheckable, Severity.Info, span, message) { Rule = rule.Key });

    internal static string N(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The rules the parser applies.</summary>
public static class ReportRules
{
    /// <summary>Every single-report rule of TEMPLATE.md, in table order.</summary>
    public static IReadOnlyList<IReportRule> Default { get; } = new IReportRule[]
    {
        new NonNegativeRule(),
        new RequestsRowTotalRule(),
        new RequestsOutcomeTotalRule(),
        new RequestsBalanceRule(),
        new ReviewLitigationGroupTotalRule(),
    };
}
