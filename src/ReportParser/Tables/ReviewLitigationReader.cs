using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Template;

namespace ReportParser.Tables;

/// <summary>
/// Reads table 四 (行政复议、行政诉讼): header rows name the three groups and their five outcomes; the
/// first row of values below them is the single data row.
/// </summary>
internal static class ReviewLitigationReader
{
    public static ReportTable Read(IReadOnlyList<GridRow> rows, ReportTemplate template, SourceLocation span, DiagnosticBag bag)
    {
        var def = TemplateSchema.Review;
        var builder = new TableBuilder(def, bag);
        var row = def.Rows[0];

        int data = -1;
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Cells.Count(c => ValueParser.Parse(c.Text).Kind == ParsedKind.Number) >= 3) { data = i; break; }
        }
        if (data < 0) return WithoutValues(rows, builder, row, template, span, bag);

        // Outcome headers (结果维持 … 总计) in grid-column order give the 15 positions.
        var outcome = new List<(int Column, int Outcome, GridCell Cell)>();
        for (int r = 0; r < data; r++)
        {
            var cells = rows[r].Cells;
            for (int i = 0; i < cells.Count; i++)
            {
                int k = Array.FindIndex(TemplateSchema.OutcomeLabels, l => LabelText.Compare(cells[i].Text, l).Fit == LabelText.Fit.Exact);
                if (k >= 0) outcome.Add((i, k, cells[i]));
            }
        }
        outcome.Sort((a, b) => a.Column.CompareTo(b.Column));
        int[]? positions = null;
        bool distinct = outcome.Select(o => o.Column).Distinct().Count() == outcome.Count;
        if (outcome.Count == 15 && distinct)
        {
            positions = outcome.Select(o => o.Column).ToArray();
            for (int k = 0; k < 15; k++)
            {
                if (outcome[k].Outcome != k % 5)
                {
                    bag.Warning(DiagnosticCode.HeaderDeviation, outcome[k].Cell.Location,
                        $"table 四 column {k + 1} is headed '{outcome[k].Cell.Text}', the template has '{TemplateSchema.OutcomeLabels[k % 5]}' there", outcome[k].Cell.Text);
                }
            }
        }
        else if (data > 0)
        {
            bag.Warning(DiagnosticCode.HeaderDeviation, rows[0].Location,
                $"table 四 header names {outcome.Count} outcome columns, the template has 15; values are read in order", rows[0].RawText);
        }

        var grid = rows[data];
        int labelEnd = RowValues.LastLabelIndex(grid.Cells);
        builder.BeginRow(row, RowValues.LabelOf(grid.Cells), grid.Location, grid.RawText);
        RowValues.Map(builder, row, grid, labelEnd, positions, bag);

        for (int i = data + 1; i < rows.Count; i++)
        {
            if (rows[i].Cells.Any(c => ValueParser.Parse(c.Text).Kind == ParsedKind.Number))
            {
                bag.Warning(DiagnosticCode.UnknownRow, rows[i].Location, "table 四 has a second row of values; it was not read", rows[i].RawText);
            }
        }
        return Finish(builder, template, span);
    }

    /// <summary>
    /// A table 四 with no row of values: when its whole header is printed, the row was printed with no values (every
    /// cell not stated, a warning); else the table could not be read (an error).
    /// </summary>
    private static ReportTable WithoutValues(IReadOnlyList<GridRow> rows, TableBuilder builder, RowDefinition row, ReportTemplate template, SourceLocation span, DiagnosticBag bag)
    {
        if (rows.Count > 0 && OutcomeHeaders(rows, rows.Count) == 15)
        {
            var last = rows[^1];
            builder.BeginRow(row, "", last.Location, last.RawText);
            bag.Warning(DiagnosticCode.FewerValues, last.Location, "table 四 prints its 15 column headers but no values under them; all 15 cells not stated", last.RawText);
        }
        else
        {
            bag.Error(DiagnosticCode.MissingTable, span, "table 四 has no row of values; its 15 cells could not be read");
        }
        return Finish(builder, template, span);
    }

    /// <summary>How many cells of the rows before <paramref name="end"/> are exactly an outcome header (结果维持 … 总计).</summary>
    private static int OutcomeHeaders(IReadOnlyList<GridRow> rows, int end)
    {
        int n = 0;
        for (int r = 0; r < end; r++)
        {
            foreach (var c in rows[r].Cells)
            {
                if (Array.Exists(TemplateSchema.OutcomeLabels, l => LabelText.Compare(c.Text, l).Fit == LabelText.Fit.Exact)) n++;
            }
        }
        return n;
    }

    private static ReportTable Finish(TableBuilder builder, ReportTemplate template, SourceLocation span)
    {
        var t = builder.Build(template, span, reportMissingRows: false);
        return new ReviewLitigationTable(template, t.Rows, span);
    }
}
