using System.Globalization;

namespace ReportParser.Validation;

/// <summary>
/// <c>Prose.Table</c>: every figure of the running text linked to table cells (<see cref="ProseStatement.Restates"/>)
/// equals the cells' value (their sum, for 行政诉讼 over both groups). A disagreement is a warning naming both numbers
/// and both locations; a statement whose cells are not stated, or not linked at all, is not judged.
/// </summary>
public sealed class ProseTableRule : IReportRule
{
    /// <inheritdoc />
    public string Key => "Prose.Table";

    /// <inheritdoc />
    public void Check(AnnualReport report, RuleContext context)
    {
        foreach (var s in report.Statements)
        {
            if (!s.IsLinked) continue;
            var cells = s.Restates.Select(report.Cell).ToList();
            if (cells.Any(c => c?.Value is null)) continue;
            decimal table = cells.Sum(c => c!.Value!.Value);
            if (Agrees(s.CellQuantity, table)) continue;
            var or = s.OrRestates.Select(report.Cell).ToList();
            // The second reading: when its cells are not stated the statement is not judged, since it may mean that reading.
            if (or.Count > 0 && (or.Any(c => c?.Value is null) || Agrees(s.CellQuantity, or.Sum(c => c!.Value!.Value)))) continue;
            var where = string.Join("; ", cells.Select(c => $"{c!.Key} {N(c.Value!.Value)} at {c.Location}"));
            if (or.Count > 0) where += $"; nor {string.Join(" + ", or.Select(c => $"{c!.Key} {N(c.Value!.Value)}"))} = {N(or.Sum(c => c!.Value!.Value))}";
            context.Broken(this, DiagnosticCode.ProseDisagrees, s.Location,
                $"the text states {s.Counts}{N(s.Quantity)}{s.Unit} ({s.Location}) but the table gives {N(table)} ({where})");
        }
    }

    /// <summary>Equal, or equal at the precision the less precise of the two is printed with (12.3 万元 and 123,456 元).</summary>
    internal static bool Agrees(decimal prose, decimal table)
    {
        if (prose == table) return true;
        int scale = Math.Min(Scale(prose), Scale(table));
        return Math.Round(prose, scale, MidpointRounding.AwayFromZero) == Math.Round(table, scale, MidpointRounding.AwayFromZero)
               && (Scale(prose) != Scale(table));
    }

    private static int Scale(decimal d) => (decimal.GetBits(d)[3] >> 16) & 0xFF;

    private static string N(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
