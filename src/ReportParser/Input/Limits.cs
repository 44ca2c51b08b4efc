using ReportParser.Diagnostics;

namespace ReportParser.Input;

/// <summary>Applies the document limits of <see cref="ReportParserOptions"/> to the blocks of any input.</summary>
internal static class Limits
{
    public static DocumentBlocks Apply(DocumentBlocks blocks, ReportParserOptions options, DiagnosticBag bag)
    {
        List<Block>? kept = null;
        int tables = 0;
        for (int i = 0; i < blocks.Blocks.Count; i++)
        {
            var b = blocks.Blocks[i];
            var replacement = b;
            if (b is TableBlock t)
            {
                tables++;
                if (tables > options.MaxTables)
                {
                    if (tables == options.MaxTables + 1)
                        bag.Error(DiagnosticCode.LimitExceeded, t.Location, $"the document has more than {options.MaxTables} tables; the rest were not read");
                    replacement = null;
                }
                else
                {
                    long cells = 0;
                    int rows = 0;
                    foreach (var r in t.Rows)
                    {
                        if (cells + r.Cells.Count > options.MaxTableCells) break;
                        cells += r.Cells.Count;
                        rows++;
                    }
                    if (rows < t.Rows.Count)
                    {
                        bag.Error(DiagnosticCode.LimitExceeded, t.Rows[rows].Location,
                            $"a table has more than {options.MaxTableCells:N0} cells; it was cut after {rows} rows");
                        replacement = new TableBlock(t.Rows.Take(rows).ToList(), t.Location);
                    }
                }
            }
            if (!ReferenceEquals(replacement, b) && kept is null) kept = blocks.Blocks.Take(i).ToList();
            if (kept is not null && replacement is not null) kept.Add(replacement);
        }
        return kept is null ? blocks : blocks with { Blocks = kept };
    }

    /// <summary>False (with an error diagnostic) when the document's time budget has run out.</summary>
    public static bool WithinBudget(System.Diagnostics.Stopwatch started, ReportParserOptions options, DiagnosticBag bag, string what)
    {
        if (started.Elapsed <= options.TimeBudget) return true;
        bag.Error(DiagnosticCode.LimitExceeded, SourceLocation.Unknown,
            $"the time budget of {options.TimeBudget.TotalSeconds:0.#} s ran out before {what} were read");
        return false;
    }
}
