namespace ReportParser.Export;

/// <summary>The four tables a batch export writes, in the order they are written and merged.</summary>
public static class ExportTables
{
    /// <summary><c>files</c>, <c>cells</c>, <c>reports</c>, <c>diagnostics</c>.</summary>
    public static IReadOnlyList<RowSchema> All { get; } = [FileRow.Schema, CellRow.Schema, WideReportRow.Schema, DiagnosticRow.Schema];
}
