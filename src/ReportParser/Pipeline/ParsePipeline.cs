using ReportParser.Pipeline.Steps;

namespace ReportParser.Pipeline;

/// <summary>
/// The parse as an ordered list of named steps over one <see cref="ParseContext"/>: input, crawled-text
/// preparation, limits, sections, fused-table recovery, metadata, classification, template, tables, prose, report,
/// OCR cell verification, rules, quality checks. Each stage's code lives in its own namespace; this list is the only place that orders them.
/// </summary>
internal static class ParsePipeline
{
    /// <summary>The steps, in order.</summary>
    public static IReadOnlyList<IParseStep> Steps { get; } = new IParseStep[]
    {
        new ReadInputStep(),
        new PrepareCrawledTextStep(),
        new ApplyLimitsStep(),
        new SplitSectionsStep(),
        new RecoverFusedTablesStep(),
        new ReadMetadataStep(),
        new ClassifyDocumentStep(),
        new DetectTemplateStep(),
        new ReadTablesStep(),
        new ReadProseStep(),
        new BuildReportStep(),
        new VerifyOcrCellsStep(),
        new ValidateStep(),
        new QualityStep(),
    };

    /// <summary>Runs every step. Throws <see cref="OperationCanceledException"/> only when the caller's token fires.</summary>
    public static ReportParseResult Run(ReportSource source, ReportParserOptions options, CancellationToken cancellation)
    {
        using var context = new ParseContext(source, options, cancellation);
        foreach (var step in Steps)
        {
            cancellation.ThrowIfCancellationRequested();
            step.Run(context);
        }
        return new ReportParseResult(source.Name, context.Report!, context.Diagnostics.Items.ToList());
    }
}
