using System.Globalization;

namespace ReportParser.Export;

/// <summary>One agency and year, the row of the <c>panel</c> table (docs/indicators.md, "Panel").</summary>
/// <param name="AgencyId">The stable id of the normalised agency name.</param>
/// <param name="AgencyKey">The normalised agency name.</param>
/// <param name="Agency">The agency as the kept report prints it.</param>
/// <param name="Year">The report year.</param>
/// <param name="Template">The kept report's template.</param>
/// <param name="File">The kept report's file identity.</param>
/// <param name="Reports">The reports of this agency and year.</param>
/// <param name="Duplicates">The files of the other reports of this agency and year, left out, joined by <c> | </c>.</param>
/// <param name="SmallN">As in the indicators table.</param>
/// <param name="Values">The values of <see cref="Panel.Columns"/>, aligned.</param>
/// <param name="Changes">The year-on-year changes of <see cref="Panel.Columns"/>, aligned; null without a previous year or a value.</param>
public sealed record PanelRow(string AgencyId, string AgencyKey, string? Agency, int Year, ReportTemplate Template, string File, int Reports, string Duplicates,
    int? SmallN, IReadOnlyList<decimal?> Values, IReadOnlyList<decimal?> Changes)
{
    /// <summary>The columns of the <c>panel</c> table: <c>agency_id,agency_key,agency,year,template,file,reports,duplicates,small_n</c>, each of <see cref="Panel.Columns"/>, then each with <c>_yoy</c>.</summary>
    public static RowSchema<PanelRow> Schema { get; } = new RowSchema<PanelRow>("panel")
        .Map("agency_id", r => r.AgencyId)
        .Map("agency_key", r => r.AgencyKey)
        .Map("agency", r => r.Agency)
        .Map("year", ColumnType.Int32, r => r.Year.ToString(CultureInfo.InvariantCulture))
        .Map("template", r => r.Template.ToKey())
        .Map("file", r => r.File)
        .Map("reports", ColumnType.Int32, r => r.Reports.ToString(CultureInfo.InvariantCulture))
        .Map("duplicates", r => r.Duplicates)
        .Map("small_n", ColumnType.Int32, r => r.SmallN?.ToString(CultureInfo.InvariantCulture))
        .MapMany(Panel.Columns, Panel.Columns.Select(_ => ColumnType.Decimal).ToList(), r => r.Values.Select(Indicators.Format).ToList())
        .MapMany(Panel.Columns.Select(c => c + "_yoy").ToList(), Panel.Columns.Select(_ => ColumnType.Decimal).ToList(), r => r.Changes.Select(Indicators.Format).ToList());
}
