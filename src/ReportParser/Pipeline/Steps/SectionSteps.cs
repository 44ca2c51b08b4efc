using ReportParser.Diagnostics;
using ReportParser.Sections;

namespace ReportParser.Pipeline.Steps;

/// <summary>Splits the blocks into the preamble and the numbered sections.</summary>
internal sealed class SplitSectionsStep : IParseStep
{
    public string Name => "split sections";

    public void Run(ParseContext context)
    {
        // When fused tables may be recovered from the split, its findings are listed after theirs.
        var bag = context.MayHoldFusedTables ? new DiagnosticBag() : context.Diagnostics;
        context.Split = SectionSplitter.Split(context.Blocks.Blocks, bag);
        if (!ReferenceEquals(bag, context.Diagnostics)) context.HeldDiagnostics.AddRange(bag.Items);
    }
}

/// <summary>Finds the title, agency, year and publication date.</summary>
internal sealed class ReadMetadataStep : IParseStep
{
    public string Name => "read metadata";

    public void Run(ParseContext context) => context.Metadata = MetadataReader.Read(context.Split, context.Blocks);
}

/// <summary>
/// Decides what the document is (empty, not a report, a title without its body, a report) and reports
/// what a report lacks: metadata fields and template sections.
/// </summary>
internal sealed class ClassifyDocumentStep : IParseStep
{
    public string Name => "classify document";

    public void Run(ParseContext context)
    {
        var bag = context.Diagnostics;
        context.Shape = Classify(context);
        switch (context.Shape)
        {
            case DocumentShape.Empty:
                if (!bag.HasErrors) bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the document holds no text");
                return;
            case DocumentShape.NotAReport:
                bag.Error(DiagnosticCode.NotAReport, SourceLocation.Unknown, "no report title, no template section heading and no table: this is not a disclosure annual report");
                return;
        }
        MetadataReader.ReportMissing(context.Metadata!, bag);
        SectionSplitter.ReportMissing(context.Split, bag);
    }

    private static DocumentShape Classify(ParseContext context)
    {
        var blocks = context.Blocks.Blocks;
        if (blocks.Count == 0) return DocumentShape.Empty;
        bool hasTable = blocks.Any(b => b is Input.TableBlock);
        bool hasSection = context.Split.Sections.Count > 0;
        if (!hasSection && !hasTable && context.Metadata!.Title is null) return DocumentShape.NotAReport;
        return !hasSection && !hasTable && context.Metadata!.Year is >= 2019 ? DocumentShape.TitleOnly : DocumentShape.Report;
    }
}

/// <summary>Decides the template from the labels and the year; checks the expected year; a title-only page has no template.</summary>
internal sealed class DetectTemplateStep : IParseStep
{
    public string Name => "detect template";

    public void Run(ParseContext context)
    {
        if (context.Shape is not (DocumentShape.Report or DocumentShape.TitleOnly)) return;
        var meta = context.Metadata!;
        var bag = context.Diagnostics;
        if (context.Shape == DocumentShape.Report)
        {
            context.Template = TemplateDetector.Detect(context.Blocks, meta.Year, meta.TitleSpan, bag);
        }
        if (context.Options.ExpectedYear is int expected && meta.Year is int year && expected != year)
        {
            bag.Warning(DiagnosticCode.TemplateMismatch, meta.TitleSpan, $"the report is on {year}, expected {expected}");
        }
        if (context.Shape == DocumentShape.TitleOnly)
        {
            bag.Error(DiagnosticCode.MissingTable, meta.TitleSpan,
                "the document holds a report title but no section and no table (the report itself was probably published as an attachment); no value was read");
        }
    }
}
