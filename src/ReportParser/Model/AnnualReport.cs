using ReportParser.Template;

namespace ReportParser;

/// <summary>What the report says about itself.</summary>
/// <param name="Agency">发布机构: the publishing agency, usually the title's prefix before the year.</param>
/// <param name="Year">The year reported on.</param>
/// <param name="Template">The template the report follows.</param>
/// <param name="PublishedOn">The publication date, when printed.</param>
/// <param name="Title">The report's title line.</param>
public sealed record ReportMetadata(string? Agency, int? Year, ReportTemplate Template, DateOnly? PublishedOn, string? Title);

/// <summary>
/// A parsed 政府信息公开工作年度报告: metadata, sections and the three standard tables. Parts the
/// document lacks are null (tables) or absent (sections), and the diagnostics say why.
/// </summary>
public sealed class AnnualReport
{
    internal AnnualReport(ReportMetadata metadata, IReadOnlyList<string> preamble, IReadOnlyList<ReportSection> sections,
        ProactiveDisclosureTable? proactive, RequestsTable? requests, ReviewLitigationTable? review)
    {
        Metadata = metadata;
        Preamble = preamble;
        Sections = sections;
        ProactiveDisclosure = proactive;
        Requests = requests;
        ReviewLitigation = review;
    }

    /// <summary>Agency, year, template, publication date, title.</summary>
    public ReportMetadata Metadata { get; }

    /// <summary>Paragraphs before section 一 (title, agency, preface).</summary>
    public IReadOnlyList<string> Preamble { get; }

    /// <summary>Sections in document order, including headings outside the template.</summary>
    public IReadOnlyList<ReportSection> Sections { get; }

    /// <summary>Table 二, or null when it could not be found.</summary>
    public ProactiveDisclosureTable? ProactiveDisclosure { get; }

    /// <summary>Table 三, or null when it could not be found.</summary>
    public RequestsTable? Requests { get; }

    /// <summary>Table 四, or null when it could not be found.</summary>
    public ReviewLitigationTable? ReviewLitigation { get; }

    /// <summary>The standard tables that were found, in template order.</summary>
    public IEnumerable<ReportTable> Tables
    {
        get
        {
            if (ProactiveDisclosure is not null) yield return ProactiveDisclosure;
            if (Requests is not null) yield return Requests;
            if (ReviewLitigation is not null) yield return ReviewLitigation;
        }
    }

    /// <summary>
    /// The cell of a <c>Table.Row.Column</c> key (use the constants of <see cref="CellKeys"/>): null when the
    /// table was not found or the report's template has no such cell. Its value is null when not stated.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No template has the key (a typo): see TEMPLATE.md.</exception>
    public ReportCell? Cell(string key)
    {
        var def = TemplateSchema.Cell(key);
        var table = def.Table.Key switch
        {
            TemplateSchema.ProactiveDisclosure => (ReportTable?)ProactiveDisclosure,
            TemplateSchema.Requests => Requests,
            _ => ReviewLitigation,
        };
        return table?[def.Row.Key, def.Column.Key];
    }

    /// <summary>The value of a <c>Table.Row.Column</c> key, or null when not stated (see <see cref="Cell(string)"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No template has the key.</exception>
    public decimal? Value(string key) => Cell(key)?.Value;

    /// <summary>
    /// The figures the running text of sections 一 to 四 states (<c>予以公开258件</c>), in document order; those that
    /// restate a table cell carry its key (<see cref="ProseStatement.Restates"/>), the others are kept unjudged.
    /// </summary>
    public IReadOnlyList<ProseStatement> Statements { get; internal set; } = Array.Empty<ProseStatement>();

    /// <summary>The first section of a kind, or null.</summary>
    public ReportSection? Section(SectionKind kind) => Sections.FirstOrDefault(s => s.Kind == kind);
}
