using ReportParser.Export;
using ReportParser.Validation;

namespace ReportParser.Batch;

/// <summary>What a worker hands the writer for one file: its typed output rows, no parsed model.</summary>
internal sealed class FileOutcome
{
    public required InputFile Item { get; init; }

    public ReportStatus Status { get; set; }

    public string Reason { get; set; } = "";

    public long? Bytes { get; set; }

    /// <summary>The SHA-256 of the file's bytes (lower-case hex), when they were read.</summary>
    public string? Sha256 { get; set; }

    public int Errors { get; set; }

    public int Warnings { get; set; }

    public int Infos { get; set; }

    public List<CellRow> Cells { get; } = new();

    public List<DiagnosticRow> Diagnostics { get; } = new();

    public WideReportRow? Report { get; set; }

    public CrossYearSummary? Summary { get; set; }

    /// <summary>The files row; the reason without absolute paths (a system or converter message may name one).</summary>
    public FileRow ToRow() => new(Item.File, Status, Reasons.WithoutPaths(Reason), Item.Source, Item.Index, Bytes, Cells.Count, Errors, Warnings, Infos);
}
