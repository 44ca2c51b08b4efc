using System.Globalization;

namespace ReportParser.Export;

/// <summary>
/// What the indicators and the panel read of one report: identity, agency, year, template, status and the cell values,
/// taken from the fields of a <c>reports</c> row (<see cref="WideReportRow.Schema"/>), so an export and a merge of its
/// shards (which reads the rows back) compute the same figures.
/// </summary>
public sealed class ReportFigures
{
    private static readonly int FileColumn = WideReportRow.Schema.IndexOf("file");
    private static readonly int AgencyColumn = WideReportRow.Schema.IndexOf("agency");
    private static readonly int YearColumn = WideReportRow.Schema.IndexOf("year");
    private static readonly int TemplateColumn = WideReportRow.Schema.IndexOf("template");
    private static readonly int StatusColumn = WideReportRow.Schema.IndexOf("status");
    private static readonly int ErrorsColumn = WideReportRow.Schema.IndexOf("errors");

    private readonly IReadOnlyList<string?> _fields;

    private ReportFigures(IReadOnlyList<string?> fields, long position)
    {
        _fields = fields;
        Position = position;
        File = fields[FileColumn] ?? "";
        Agency = string.IsNullOrWhiteSpace(fields[AgencyColumn]) ? null : fields[AgencyColumn];
        AgencyId = AgencyNames.Id(Agency);
        Year = int.TryParse(fields[YearColumn], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y) ? y : null;
        Template = fields[TemplateColumn] switch { "2019" => ReportTemplate.V2019, "2021" => ReportTemplate.V2021, "legacy" => ReportTemplate.Legacy, _ => ReportTemplate.Unknown };
        Status = fields[StatusColumn] ?? "";
        Errors = int.TryParse(fields[ErrorsColumn], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : 0;
    }

    /// <summary>The figures of a <c>reports</c> row's fields, aligned with <see cref="WideReportRow.Schema"/>'s columns.</summary>
    /// <param name="fields">The row's fields.</param>
    /// <param name="position">The row's position in the reports table (input order).</param>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null.</exception>
    /// <exception cref="ArgumentException">The row has not the schema's number of fields.</exception>
    public static ReportFigures FromFields(IReadOnlyList<string?> fields, long position)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count != WideReportRow.Schema.Columns.Count) throw new ArgumentException($"a reports row has {WideReportRow.Schema.Columns.Count} fields, not {fields.Count}", nameof(fields));
        return new ReportFigures(fields, position);
    }

    /// <summary>The figures of a reports row.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public static ReportFigures From(WideReportRow row, long position) => new(WideReportRow.Schema.Fields(row ?? throw new ArgumentNullException(nameof(row))), position);

    /// <summary>The row's position in the reports table.</summary>
    public long Position { get; }

    /// <summary>The file identity.</summary>
    public string File { get; }

    /// <summary>发布机构, or null.</summary>
    public string? Agency { get; }

    /// <summary>The stable id of the normalised agency name, or null without an agency.</summary>
    public string? AgencyId { get; }

    /// <summary>The report year, or null.</summary>
    public int? Year { get; }

    /// <summary>The template.</summary>
    public ReportTemplate Template { get; }

    /// <summary>The status word (<c>parsed</c>, <c>parsed-with-errors</c>).</summary>
    public string Status { get; }

    /// <summary>The number of error diagnostics.</summary>
    public int Errors { get; }

    /// <summary>The value of a cell key; null when not stated, not in the template, or not a cell key.</summary>
    public decimal? Value(string key)
    {
        int i = ReportCellKeys.IndexOf(key);
        if (i < 0) return null;
        var text = _fields[WideReportRow.MetadataColumnCount + i];
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
