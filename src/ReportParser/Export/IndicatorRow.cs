using System.Globalization;

namespace ReportParser.Export;

/// <summary>One indicator of one report, the row of the <c>indicators</c> table (docs/indicators.md).</summary>
/// <param name="File">The report's file identity.</param>
/// <param name="Agency">发布机构, when found.</param>
/// <param name="AgencyId">The stable id of the normalised agency name (<see cref="AgencyNames.Id"/>), or null without an agency.</param>
/// <param name="Year">The report year, when found.</param>
/// <param name="Template">The report's template.</param>
/// <param name="Indicator">The indicator's name (<see cref="Indicators.All"/>).</param>
/// <param name="Value">The value (a ratio rounded to <see cref="Indicators.Decimals"/> decimals, or a count); null with <paramref name="Reason"/>.</param>
/// <param name="Numerator">The numerator (for a sum or difference, the value), null when a term is not stated.</param>
/// <param name="Denominator">The denominator of a ratio, null when a term is not stated or the indicator has none.</param>
/// <param name="SmallN">1 when fewer than 30 requests were received, 0 when at least 30, null when not stated.</param>
/// <param name="Reason">Why the value is null (<c>not stated: key, …</c>, <c>denominator is 0</c>, <c>not in the 2019 template</c>, …); empty when it is not.</param>
public sealed record IndicatorRow(string File, string? Agency, string? AgencyId, int? Year, ReportTemplate Template, string Indicator,
    decimal? Value, decimal? Numerator, decimal? Denominator, int? SmallN, string Reason)
{
    /// <summary>The columns of the <c>indicators</c> table: <c>file,agency,agency_id,year,template,indicator,value,numerator,denominator,small_n,reason</c>.</summary>
    public static RowSchema<IndicatorRow> Schema { get; } = new RowSchema<IndicatorRow>("indicators")
        .Map("file", r => r.File)
        .Map("agency", r => r.Agency)
        .Map("agency_id", r => r.AgencyId)
        .Map("year", ColumnType.Int32, r => r.Year?.ToString(CultureInfo.InvariantCulture))
        .Map("template", r => r.Template.ToKey())
        .Map("indicator", r => r.Indicator)
        .Map("value", ColumnType.Decimal, r => Indicators.Format(r.Value))
        .Map("numerator", ColumnType.Decimal, r => Indicators.Format(r.Numerator))
        .Map("denominator", ColumnType.Decimal, r => Indicators.Format(r.Denominator))
        .Map("small_n", ColumnType.Int32, r => r.SmallN?.ToString(CultureInfo.InvariantCulture))
        .Map("reason", r => r.Reason);
}
