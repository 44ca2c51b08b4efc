using ReportParser.Template;

namespace ReportParser.Validation;

/// <summary>
/// The little a batch keeps of each report for the cross-report checks of <see cref="CrossYearChecks"/>: identity,
/// agency, year, content and table fingerprints, and table 三's 上年结转 and 结转下年度 rows. Built from the typed report
/// (<see cref="From"/>), or from the same typed fields read back from a written reports table.
/// </summary>
/// <param name="Index">Position of the file in the batch's input enumeration (orders the findings).</param>
/// <param name="File">The file identity (path, or <c>archive.zip!entry</c>).</param>
/// <param name="Agency">发布机构, or null.</param>
/// <param name="Year">Report year, or null.</param>
/// <param name="ContentHash">A fingerprint of the file's bytes, or null.</param>
/// <param name="TablesHash">A fingerprint of the stated table values, or null when too few are non-zero to prove copying.</param>
/// <param name="CarriedOver">Table 三 row 二、上年结转, per applicant column (<see cref="ApplicantColumns"/>); null = not stated.</param>
/// <param name="CarriedForward">Table 三 row 四、结转下年度继续办理, per applicant column.</param>
public sealed record CrossYearSummary(long Index, string File, string? Agency, int? Year, string? ContentHash, string? TablesHash,
    IReadOnlyList<decimal?> CarriedOver, IReadOnlyList<decimal?> CarriedForward)
{
    /// <summary>
    /// The sentences of the report's prose as fingerprints (digits ignored, so a sentence copied with new figures still
    /// matches), for the repetition check; empty when not known (e.g. a summary read back from a reports table).
    /// </summary>
    public IReadOnlyList<SentenceFingerprint> Sentences { get; init; } = Array.Empty<SentenceFingerprint>();

    /// <summary>Fingerprints of tables 三 and 四 with and without their total cells, for the copied-table check; empty when not known.</summary>
    public IReadOnlyList<TableFingerprint> TableFingerprints { get; init; } = Array.Empty<TableFingerprint>();

    /// <summary>The row key of 二、上年结转 in table 三.</summary>
    public const string CarriedOverRow = "CarriedOver";

    /// <summary>The row key of 四、结转下年度继续办理 in table 三.</summary>
    public const string CarriedForwardRow = "CarriedForward";

    /// <summary>The applicant column keys of table 三 (NaturalPerson … Total), in template order: the positions of <see cref="CarriedOver"/> and <see cref="CarriedForward"/>.</summary>
    public static IReadOnlyList<string> ApplicantColumns { get; } = TemplateSchema.RequestColumnArray.Select(c => c.Key).ToArray();

    /// <summary>The printed labels of <see cref="ApplicantColumns"/> (自然人 … 总计).</summary>
    internal static IReadOnlyList<string> ApplicantLabels { get; } = TemplateSchema.RequestColumnArray.Select(c => c.Label).ToArray();

    /// <summary>Builds the summary of a parsed report.</summary>
    /// <param name="index">The file's position in the batch.</param>
    /// <param name="file">The file identity.</param>
    /// <param name="report">The typed report.</param>
    /// <param name="contentHash">The fingerprint of the file's bytes, or null.</param>
    /// <param name="tablesHash">The fingerprint of the stated table values, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> or <paramref name="report"/> is null.</exception>
    public static CrossYearSummary From(long index, string file, AnnualReport report, string? contentHash, string? tablesHash)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Metadata;
        return new CrossYearSummary(index, file, string.IsNullOrWhiteSpace(m.Agency) ? null : m.Agency, m.Year,
            string.IsNullOrEmpty(contentHash) ? null : contentHash, string.IsNullOrEmpty(tablesHash) ? null : tablesHash,
            Row(report.Requests, CarriedOverRow), Row(report.Requests, CarriedForwardRow))
        {
            Sentences = SentenceFingerprint.Of(report),
            TableFingerprints = TableFingerprint.Of(report.Tables.SelectMany(t => t.Cells).Select(c => (c.Key, c.Value))),
        };
    }

    private static decimal?[] Row(RequestsTable? table, string row)
    {
        var result = new decimal?[ApplicantColumns.Count];
        var r = table?[row];
        if (r is null) return result;
        for (int c = 0; c < result.Length; c++) result[c] = r[ApplicantColumns[c]]?.Value;
        return result;
    }
}

