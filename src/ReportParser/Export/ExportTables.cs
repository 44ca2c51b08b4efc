namespace ReportParser.Export;

/// <summary>The tables a batch export writes.</summary>
public static class ExportTables
{
    /// <summary><c>files</c>, <c>cells</c>, <c>reports</c>, <c>diagnostics</c>: the tables written file by file, in the order they are written and merged.</summary>
    public static IReadOnlyList<RowSchema> All { get; } = [FileRow.Schema, CellRow.Schema, WideReportRow.Schema, DiagnosticRow.Schema];

    /// <summary><c>indicators</c> and <c>panel</c>: computed from the <c>reports</c> rows, by an export and again by a merge (never merged from the shards).</summary>
    public static IReadOnlyList<RowSchema> Derived { get; } = [IndicatorRow.Schema, PanelRow.Schema];

    /// <summary><see cref="All"/> then <see cref="Derived"/>: every table of an output folder, as the codebook lists them.</summary>
    public static IReadOnlyList<RowSchema> Written { get; } = All.Concat(Derived).ToList();
}
