using System.Globalization;

namespace ReportParser.Export;

/// <summary>
/// One table cell as a flat record, the row of <c>cells.csv</c>:
/// <c>file,agency,year,template,table,row,column,value,raw,line</c> (plus page where known).
/// </summary>
/// <param name="File">The source name.</param>
/// <param name="Agency">发布机构.</param>
/// <param name="Year">Report year.</param>
/// <param name="Template">Template key.</param>
/// <param name="Table">Table key.</param>
/// <param name="Row">Row key.</param>
/// <param name="Column">Column key.</param>
/// <param name="Value">The value in invariant culture, empty when not stated.</param>
/// <param name="Raw">The printed text.</param>
/// <param name="Line">Line of the cell, when known.</param>
/// <param name="Page">Page of the cell, when known.</param>
public sealed record CellRecord(string File, string? Agency, int? Year, string Template, string Table, string Row, string Column, string Value, string? Raw, int? Line, int? Page)
{
    /// <summary>Projects every cell of every standard table of a result, in template order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static IEnumerable<CellRecord> From(ReportParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var m = result.Report.Metadata;
        foreach (var t in result.Report.Tables)
        {
            foreach (var c in t.Cells)
            {
                yield return new CellRecord(result.Source, m.Agency, m.Year, m.Template.ToKey(), c.Table, c.Row, c.Column,
                    c.Value?.ToString(CultureInfo.InvariantCulture) ?? "", c.Raw, c.Location is { Line: > 0 } s ? s.Line : null, c.Location?.Page);
            }
        }
    }
}
