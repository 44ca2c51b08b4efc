namespace ReportParser;

/// <summary>
/// A figure the report states in its running text (sections 一 to 四): <c>全年共受理政府信息公开申请859件</c>,
/// <c>予以公开258件</c>, <c>占33.9%</c>. Every statement the prose grammar reads is kept; those whose meaning is
/// unambiguous are linked to the table cells they restate (<see cref="Restates"/>) and checked against them.
/// </summary>
/// <param name="Section">The section key (Overview, Requests, …) the sentence is in.</param>
/// <param name="Text">The sentence as printed.</param>
/// <param name="Quantity">The number as read (Chinese numerals converted).</param>
/// <param name="Unit">The unit as printed: 件, 条, 起, 万元, 元, %, 个, 次, 篇, 项, 宗, 份, 人次.</param>
/// <param name="Counts">What the number counts: the words before it in its clause, as printed.</param>
/// <param name="Location">Where the number was read.</param>
public sealed record ProseStatement(string Section, string Text, decimal Quantity, string Unit, string Counts, SourceLocation Location)
{
    /// <summary>
    /// The figure the statement restates, as a name (NewRequests, Handled, Granted, PartiallyGranted, Reviews,
    /// Lawsuits, RegulationsIssued, NormativeDocumentsIssued, Licensing, Penalties, Fees), or null when the statement
    /// is not linked.
    /// </summary>
    public string? Topic { get; init; }

    /// <summary>The <c>Table.Row.Column</c> keys whose sum the statement restates; empty when not linked.</summary>
    public IReadOnlyList<string> Restates { get; init; } = Array.Empty<string>();

    /// <summary>
    /// A second reading of the same words, when the wording allows one (共受理申请 N 件 may count 本年新收 only, or
    /// 本年新收 + 上年结转): the statement agrees with the table when either reading does. Empty when there is one reading.
    /// </summary>
    public IReadOnlyList<string> OrRestates { get; init; } = Array.Empty<string>();

    /// <summary>True when the statement is linked to table cells.</summary>
    public bool IsLinked => Restates.Count > 0;

    /// <summary>The quantity in the unit of the cells it restates (元 → 万元 for fees); the quantity itself otherwise.</summary>
    public decimal CellQuantity => Unit == "元" && Topic == "Fees" ? Quantity / 10000m : Quantity;
}
