using System.Globalization;

namespace ReportParser.Export;

/// <summary>
/// One parsed report as one row, the row of the wide <c>reports</c> table: metadata, status, diagnostic counts,
/// fingerprints, then one value per <c>Table.Row.Column</c> key of <see cref="ReportCellKeys.All"/>.
/// </summary>
/// <param name="File">The file's identity.</param>
/// <param name="Source">The entry path inside an archive; empty otherwise.</param>
/// <param name="Agency">发布机构, when found.</param>
/// <param name="Year">The report year, when found.</param>
/// <param name="Template">The report's template.</param>
/// <param name="PublishedOn">The publication date, when printed.</param>
/// <param name="Title">The title, when found.</param>
/// <param name="Status">The file's status (<see cref="ReportStatus.Parsed"/> or <see cref="ReportStatus.ParsedWithErrors"/>).</param>
/// <param name="Errors">Error diagnostics.</param>
/// <param name="Warnings">Warning diagnostics.</param>
/// <param name="Infos">Info diagnostics.</param>
/// <param name="Sha256">The content fingerprint (<see cref="ReportFingerprints.Content"/>), when the bytes are known.</param>
/// <param name="TablesHash">The table fingerprint (<see cref="ReportFingerprints.Tables"/>), or null.</param>
/// <param name="Values">The cell values aligned with <see cref="ReportCellKeys.All"/>; null when not stated or not in the report's template.</param>
public sealed record WideReportRow(string File, string Source, string? Agency, int? Year, ReportTemplate Template, DateOnly? PublishedOn, string? Title,
    ReportStatus Status, int Errors, int Warnings, int Infos, string? Sha256, string? TablesHash, IReadOnlyList<decimal?> Values)
{
    /// <summary>
    /// The columns of the <c>reports</c> table: <c>file,source,agency,year,template,published_on,title,status,errors,warnings,infos,sha256,tables_hash,prose_sentences</c>,
    /// then every key of <see cref="ReportCellKeys.All"/>.
    /// </summary>
    public static RowSchema<WideReportRow> Schema { get; } = new RowSchema<WideReportRow>("reports")
        .Map("file", r => r.File)
        .Map("source", r => r.Source)
        .Map("agency", r => r.Agency)
        .Map("year", ColumnType.Int32, r => r.Year?.ToString(CultureInfo.InvariantCulture))
        .Map("template", r => r.Template.ToKey())
        .Map("published_on", ColumnType.Date, r => r.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .Map("title", r => r.Title)
        .Map("status", r => r.Status.ToText())
        .Map("errors", ColumnType.Int32, r => r.Errors.ToString(CultureInfo.InvariantCulture))
        .Map("warnings", ColumnType.Int32, r => r.Warnings.ToString(CultureInfo.InvariantCulture))
        .Map("infos", ColumnType.Int32, r => r.Infos.ToString(CultureInfo.InvariantCulture))
        .Map("sha256", r => r.Sha256)
        .Map("tables_hash", r => r.TablesHash)
        .Map("prose_sentences", r => r.ProseSentences)
        .MapMany(ReportCellKeys.All, ReportCellKeys.All.Select(k => ColumnTypes.Of(ReportParser.Template.TemplateSchema.Cell(k).Column.Kind)).ToList(), r => new FormattedValues(r.Values));

    /// <summary>
    /// The fingerprints of the prose's sentences (<see cref="SentenceFingerprint.Format"/>), for the batch repetition check
    /// after a shard merge; null when not computed.
    /// </summary>
    public string? ProseSentences { get; init; }

    /// <summary>The number of metadata columns before the cell columns.</summary>
    public static int MetadataColumnCount => Schema.Columns.Count - ReportCellKeys.All.Count;

    /// <summary>Builds the row of a parsed report, computing both fingerprints.</summary>
    /// <param name="file">The file's identity.</param>
    /// <param name="source">The entry path inside an archive, or empty.</param>
    /// <param name="result">The parse result.</param>
    /// <param name="bytes">The file's bytes, for the content fingerprint.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static WideReportRow From(string file, string source, ReportParseResult result, ReadOnlySpan<byte> bytes)
        => From(file, source, result, ReportFingerprints.Content(bytes));

    /// <summary>The row of a parsed report whose content fingerprint (<see cref="ReportFingerprints.Content"/>) is already known.</summary>
    internal static WideReportRow From(string file, string source, ReportParseResult result, string content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(result);
        int errors = 0, warnings = 0, infos = 0;
        foreach (var d in result.Diagnostics)
        {
            switch (d.Severity)
            {
                case Severity.Error: errors++; break;
                case Severity.Warning: warnings++; break;
                default: infos++; break;
            }
        }
        var m = result.Report.Metadata;
        var values = ReportCellKeys.Numbers(result.Report);
        return new WideReportRow(file, source, m.Agency, m.Year, m.Template, m.PublishedOn, m.Title, result.Status, errors, warnings, infos,
            content, ReportFingerprints.Tables(values), values)
        {
            ProseSentences = SentenceFingerprint.Format(SentenceFingerprint.Of(result.Report)),
        };
    }

    /// <summary>The values as invariant-culture text, formatted as they are read.</summary>
    private sealed class FormattedValues(IReadOnlyList<decimal?> values) : IReadOnlyList<string?>
    {
        public string? this[int index] => values[index]?.ToString(CultureInfo.InvariantCulture);

        public int Count => values.Count;

        public IEnumerator<string?> GetEnumerator()
        {
            for (int i = 0; i < values.Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
