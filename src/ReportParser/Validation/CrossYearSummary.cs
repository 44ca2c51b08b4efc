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
            TableFingerprints = TableFingerprint.Of(report),
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

/// <summary>One sentence of a report's prose: a 64-bit hash of its text (white space dropped, digits read as one mark) and its length.</summary>
/// <param name="Hash">FNV-1a hash of the normalised sentence.</param>
/// <param name="Length">Characters of the normalised sentence.</param>
public readonly record struct SentenceFingerprint(ulong Hash, int Length)
{
    /// <summary>Sentences shorter than this (normalised) are not kept: 一是, 无, headings prove nothing.</summary>
    public const int MinLength = 10;

    /// <summary>At most this many sentences are kept per report.</summary>
    public const int MaxSentences = 5000;

    /// <summary>The sentences of every section's running text, table text left out.</summary>
    internal static SentenceFingerprint[] Of(AnnualReport report)
    {
        var result = new List<SentenceFingerprint>();
        foreach (var section in report.Sections)
        {
            foreach (var sentence in QualityChecks.Sentences(QualityChecks.Prose(section)))
            {
                if (Of(sentence) is { } f) result.Add(f);
                if (result.Count >= MaxSentences) return result.ToArray();
            }
        }
        return result.ToArray();
    }

    /// <summary>The fingerprint of one sentence, or null when it is too short.</summary>
    public static SentenceFingerprint? Of(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ulong h = 14695981039346656037UL;
        int n = 0;
        bool inDigits = false;
        foreach (char raw in sentence)
        {
            if (char.IsWhiteSpace(raw)) continue;
            bool digit = raw is >= '0' and <= '9' or >= '０' and <= '９' or '.' && inDigits;
            if (digit && inDigits) continue;
            inDigits = digit;
            char c = digit ? '#' : raw;
            h = (h ^ c) * 1099511628211UL;
            n++;
        }
        return n < MinLength ? null : new SentenceFingerprint(h, n);
    }
}

/// <summary>A standard table's fingerprints: of its detail cells (every stated cell but the totals) and of all its stated cells.</summary>
/// <param name="Table">The table key (Requests, ReviewLitigation).</param>
/// <param name="Detail">Hash of the detail cells, or null when fewer than <see cref="MinNonZeroDetail"/> are non-zero (nothing to prove copying).</param>
/// <param name="Full">Hash of every stated cell.</param>
public sealed record TableFingerprint(string Table, string? Detail, string Full)
{
    /// <summary>The detail cells need at least this many non-zero values to show a copy.</summary>
    public const int MinNonZeroDetail = 3;

    internal static TableFingerprint[] Of(AnnualReport report)
    {
        var result = new List<TableFingerprint>(2);
        if (report.Requests is { } r) result.Add(Of(r, c => c.Row == "Total" || c.Column == "Total"));
        if (report.ReviewLitigation is { } v) result.Add(Of(v, c => c.Column.EndsWith(".Total", StringComparison.Ordinal)));
        return result.ToArray();
    }

    private static TableFingerprint Of(ReportTable table, Func<ReportCell, bool> isTotal)
    {
        var detail = new System.Text.StringBuilder();
        var full = new System.Text.StringBuilder();
        int nonZero = 0;
        foreach (var c in table.Cells)
        {
            if (c.Value is not decimal v) continue;
            var line = c.Key + "=" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n";
            full.Append(line);
            if (isTotal(c)) continue;
            detail.Append(line);
            if (v != 0) nonZero++;
        }
        return new TableFingerprint(table.Key, nonZero >= MinNonZeroDetail ? Hash(detail.ToString()) : null, Hash(full.ToString()));
    }

    private static string Hash(string s)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s)).AsSpan(0, 16));
}
