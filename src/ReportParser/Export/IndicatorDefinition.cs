using ReportParser.Template;

namespace ReportParser.Export;

/// <summary>One term of an indicator formula: a <c>Table.Row.Column</c> key of TEMPLATE.md, added or subtracted.</summary>
/// <param name="Key">The cell key.</param>
/// <param name="Sign">+1 or −1.</param>
/// <param name="Group">The documented name of the group of rows the term belongs to (<c>ΣRequests.Denied.*.Total</c>), or null.</param>
public readonly record struct IndicatorTerm(string Key, int Sign, string? Group = null);

/// <summary>How an indicator's value follows from its numerator and denominator.</summary>
public enum IndicatorKind
{
    /// <summary>value = numerator / denominator; null when the denominator is 0.</summary>
    Ratio,

    /// <summary>value = numerator (a sum or difference of cells); no denominator.</summary>
    Sum,

    /// <summary>A difference between this report and the same agency's report of the year before; computed over the batch (numerator = the value, no denominator).</summary>
    CrossYear,
}

/// <summary>
/// A named indicator of the <c>indicators</c> table: its name, group, kind and formula in TEMPLATE.md keys, per
/// template (a formula is null for a template that lacks its cells). See <see cref="Indicators"/> and docs/indicators.md.
/// </summary>
public sealed class IndicatorDefinition
{
    private readonly Func<ReportTemplate, IReadOnlyList<IndicatorTerm>?> _numerator;
    private readonly Func<ReportTemplate, IReadOnlyList<IndicatorTerm>?>? _denominator;

    internal IndicatorDefinition(string name, string group, string meaning, IndicatorKind kind,
        Func<ReportTemplate, IReadOnlyList<IndicatorTerm>?> numerator, Func<ReportTemplate, IReadOnlyList<IndicatorTerm>?>? denominator = null, string? formula = null)
    {
        Name = name;
        Group = group;
        Meaning = meaning;
        Kind = kind;
        _numerator = numerator;
        _denominator = denominator;
        _formula = formula;
    }

    private readonly string? _formula;

    /// <summary>The name in the <c>indicator</c> column: lower-case ASCII, stable across versions.</summary>
    public string Name { get; }

    /// <summary>The group the documentation lists it under (disclosure, outcomes, refusals, …).</summary>
    public string Group { get; }

    /// <summary>What the indicator measures, in a sentence.</summary>
    public string Meaning { get; }

    /// <summary>Ratio, sum or cross-year difference.</summary>
    public IndicatorKind Kind { get; }

    /// <summary>The numerator's terms for a template, or null when the template has no such cells.</summary>
    public IReadOnlyList<IndicatorTerm>? Numerator(ReportTemplate template) => Supported(template) ? _numerator(template) : null;

    /// <summary>The denominator's terms for a template; null for a sum, or when the template has no such cells.</summary>
    public IReadOnlyList<IndicatorTerm>? Denominator(ReportTemplate template) => _denominator is not null && Supported(template) ? _denominator(template) : null;

    /// <summary>The template's name for a template that the formula covers; false for legacy or unknown reports, which have no standard tables.</summary>
    public static bool Supported(ReportTemplate template) => template is ReportTemplate.V2019 or ReportTemplate.V2021;

    /// <summary>The formula as documented, in TEMPLATE.md keys (for a template whose terms differ, both forms).</summary>
    public string Formula()
    {
        if (_formula is not null) return _formula;
        var f2021 = Text(ReportTemplate.V2021);
        var f2019 = Text(ReportTemplate.V2019);
        if (f2021 == f2019) return f2021;
        if (_numerator(ReportTemplate.V2019) is null) return f2021 + " (2021 template only)";
        return $"2021: {f2021}; 2019: {f2019}";
    }

    private string Text(ReportTemplate t)
    {
        var n = _numerator(t);
        if (n is null) return "";
        var d = _denominator?.Invoke(t);
        return d is null ? Sum(n) : $"({Sum(n)}) / ({Sum(d)})";
    }

    private static string Sum(IReadOnlyList<IndicatorTerm> terms)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < terms.Count; i++)
        {
            var g = terms[i].Group;
            if (g is not null && i > 0 && terms[i - 1].Group == g) continue;
            if (i > 0) sb.Append(terms[i].Sign < 0 ? " − " : " + ");
            else if (terms[i].Sign < 0) sb.Append("− ");
            sb.Append(g ?? terms[i].Key);
        }
        return sb.ToString();
    }
}
