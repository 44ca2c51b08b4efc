namespace ReportParser.Batch;

/// <summary>The counts of an export or merge: files by status, rows written, diagnostics by code, time taken.</summary>
public sealed class ExportSummary
{
    private readonly Dictionary<ReportStatus, long> _byStatus = Enum.GetValues<ReportStatus>().ToDictionary(s => s, _ => 0L);
    private readonly Dictionary<string, long> _byCode = new(StringComparer.Ordinal);

    internal ExportSummary()
    {
    }

    /// <summary>Files listed in the files table.</summary>
    public long Files { get; internal set; }

    /// <summary>Rows of the cells table.</summary>
    public long Cells { get; internal set; }

    /// <summary>Rows of the reports table.</summary>
    public long Reports { get; internal set; }

    /// <summary>Rows of the diagnostics table, cross-report findings included.</summary>
    public long DiagnosticRows { get; internal set; }

    /// <summary>Cross-report findings (RP4006–RP4008) among <see cref="DiagnosticRows"/>.</summary>
    public long CrossReportFindings { get; internal set; }

    /// <summary>Files by status; every status is present.</summary>
    public IReadOnlyDictionary<ReportStatus, long> ByStatus => _byStatus;

    /// <summary>Diagnostic rows by code as printed (<c>RP4001</c>).</summary>
    public IReadOnlyDictionary<string, long> ByCode => _byCode;

    /// <summary>The time the run took.</summary>
    public TimeSpan Elapsed { get; internal set; }

    internal void Count(ReportStatus status) => _byStatus[status]++;

    internal void Code(string code) => _byCode[code] = _byCode.GetValueOrDefault(code) + 1;
}
