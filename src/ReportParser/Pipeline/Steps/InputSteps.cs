using ReportParser.Input;
using ReportParser.Sections;

namespace ReportParser.Pipeline.Steps;

/// <summary>Reads the source into blocks with the input its content calls for (text, HTML, PDF).</summary>
internal sealed class ReadInputStep : IParseStep
{
    public string Name => "read input";

    public void Run(ParseContext context)
    {
        context.Blocks = InputReader.Read(context.Source, context.Options, context.Diagnostics, context.ExtendBudget, context.Deadline);
        context.Cancellation.ThrowIfCancellationRequested();
    }
}

/// <summary>
/// Crawled plain text without table grids: portal chrome blanked and headings printed inside a paragraph cut
/// out, so the section split sees them. Marks the document as a candidate for fused-table recovery.
/// </summary>
internal sealed class PrepareCrawledTextStep : IParseStep
{
    public string Name => "prepare crawled text";

    public void Run(ParseContext context)
    {
        if (!CrawledTextCleaner.Applies(context.Blocks)) return;
        context.MayHoldFusedTables = true;
        context.Blocks = InlineHeadings.Prepare(context.Blocks);
    }
}

/// <summary>Applies the table-count and table-size limits of the options.</summary>
internal sealed class ApplyLimitsStep : IParseStep
{
    public string Name => "apply limits";

    public void Run(ParseContext context) => context.Blocks = Limits.Apply(context.Blocks, context.Options, context.Diagnostics);
}
