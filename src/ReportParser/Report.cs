using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Sections;
using ReportParser.Tables;
using ReportParser.Validation;

namespace ReportParser;

/// <summary>
/// The entry point: <c>Report.Parse(ReportSource.FromFile(path))</c>. Stateless and thread-safe.
/// Malformed documents never throw; what is wrong with them is in the result's diagnostics.
/// </summary>
public static class Report
{
    /// <summary>Parses one document.</summary>
    /// <param name="source">The document.</param>
    /// <param name="options">Options, or null for <see cref="ReportParserOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public static ReportParseResult Parse(ReportSource source, ReportParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ReportParserOptions.Default;
        options.Validate();
        var bag = new DiagnosticBag();
        var blocks = InputReader.Read(source, options, bag);
        return Build(source.Name, blocks, options, bag);
    }

    /// <summary>Parses a file.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReportParseResult ParseFile(string path, ReportParserOptions? options = null)
        => Parse(ReportSource.FromFile(path), options);

    /// <summary>Parses plain text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ReportParseResult ParseText(string text, string name = "text", ReportParserOptions? options = null)
        => Parse(ReportSource.FromText(text, name), options);

    internal static ReportParseResult Build(string name, DocumentBlocks blocks, ReportParserOptions options, DiagnosticBag bag)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        blocks = Tables.Fused.FusedText.Restructure(blocks, bag);
        blocks = Limits.Apply(blocks, options, bag);
        var split = SectionSplitter.Split(blocks.Blocks, bag);
        var meta = MetadataReader.Read(split, blocks);
        bool looksLikeReport = split.Sections.Count > 0 || blocks.Blocks.OfType<TableBlock>().Any() || meta.Title is not null;
        var template = ReportTemplate.Unknown;
        ProactiveDisclosureTable? proactive = null;
        RequestsTable? requests = null;
        ReviewLitigationTable? review = null;

        if (blocks.Blocks.Count == 0)
        {
            if (!bag.HasErrors) bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the document holds no text");
        }
        else if (!looksLikeReport)
        {
            bag.Error(DiagnosticCode.NotAReport, SourceLocation.Unknown, "no report title, no template section heading and no table: this is not a disclosure annual report");
        }
        else
        {
            MetadataReader.ReportMissing(meta, bag);
            SectionSplitter.ReportMissing(split, bag);
            bool bodyMissing = split.Sections.Count == 0 && !blocks.Blocks.OfType<TableBlock>().Any() && meta.Year is >= 2019;
            template = bodyMissing ? ReportTemplate.Unknown : TemplateDetector.Detect(blocks, meta.Year, meta.TitleSpan, bag);
            if (options.ExpectedYear is int ey && meta.Year is int y && ey != y)
            {
                bag.Warning(DiagnosticCode.TemplateMismatch, meta.TitleSpan, $"the report is on {y}, expected {ey}");
            }
            if (bodyMissing)
            {
                bag.Error(DiagnosticCode.MissingTable, meta.TitleSpan,
                    "the document holds a report title but no section and no table (the report itself was probably published as an attachment); no value was read");
            }
            if (template is ReportTemplate.V2019 or ReportTemplate.V2021 && Limits.WithinBudget(started, options, bag, "the tables"))
            {
                var tables = TableLocator.Collect(split.Sections, split.Preamble);
                proactive = ReadTable(split, tables, SectionKind.ProactiveDisclosure, "二", bag, (rows, span) => (ProactiveDisclosureTable)ProactiveDisclosureReader.Read(rows, template, span, bag));
                requests = ReadTable(split, tables, SectionKind.Requests, "三", bag, (rows, span) => (RequestsTable)RequestsReader.Read(rows, template, span, bag));
                review = ReadTable(split, tables, SectionKind.ReviewLitigation, "四", bag, (rows, span) => (ReviewLitigationTable)ReviewLitigationReader.Read(rows, template, span, bag));
            }
        }

        var metadata = new ReportMetadata(meta.Agency, meta.Year, template, meta.PublishedOn, meta.Title);
        var preamble = split.Preamble.OfType<ParagraphBlock>().Select(p => p.Text).ToList();
        var report = new AnnualReport(metadata, preamble, split.Sections, proactive, requests, review);

        var ctx = new RuleContext(bag.Add);
        foreach (var rule in options.Rules)
        {
            try
            {
                rule.Check(report, ctx);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, $"rule {rule.Key} failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
        return new ReportParseResult(name, report, bag.Items.ToList());
    }

    private static T? ReadTable<T>(SplitDocument split, Dictionary<SectionKind, (List<GridRow> Rows, SourceLocation Location)> tables, SectionKind kind,
        string number, DiagnosticBag bag, Func<List<GridRow>, SourceLocation, T> read)
        where T : class
    {
        if (!tables.TryGetValue(kind, out var found))
        {
            var section = split.Sections.FirstOrDefault(s => s.Kind == kind);
            bag.Error(DiagnosticCode.MissingTable, section?.Location,
                $"table {number} ({kind}) was not found{(section is null ? "" : " in its section")}; its values could not be read");
            return null;
        }
        return read(found.Rows, found.Location);
    }
}
