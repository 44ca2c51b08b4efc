using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Validation;

namespace ReportParser.Pipeline.Steps;

/// <summary>Assembles the typed report from the stages' products.</summary>
internal sealed class BuildReportStep : IParseStep
{
    public string Name => "build report";

    public void Run(ParseContext context)
    {
        var meta = context.Metadata;
        var metadata = new ReportMetadata(meta?.Agency, meta?.Year, context.Template, meta?.PublishedOn, meta?.Title);
        var preamble = context.Split.Preamble.OfType<ParagraphBlock>().Select(p => p.Text).ToList();
        context.Report = new AnnualReport(metadata, preamble, context.Split.Sections.Select(s => s.ToModel()).ToList(), context.Proactive, context.Requests, context.Review)
        {
            Statements = context.Statements,
        };
    }
}

/// <summary>Checks the cells read by OCR against the template's equations (<see cref="OcrVerification"/>).</summary>
internal sealed class VerifyOcrCellsStep : IParseStep
{
    public string Name => "verify OCR cells";

    public void Run(ParseContext context)
    {
        if (context.Blocks.OcrCells.Count == 0) return;
        context.Report = OcrVerification.Verify(context.Report!, context.Blocks.OcrCells, context.Options, context.Diagnostics);
    }
}

/// <summary>Runs the options' rules over the report; a rule that throws is reported, not propagated.</summary>
internal sealed class ValidateStep : IParseStep
{
    public string Name => "validate";

    public void Run(ParseContext context)
    {
        var bag = context.Diagnostics;
        var rules = new RuleContext(bag.Add);
        foreach (var rule in context.Options.Rules ?? ReportRules.Default)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            try
            {
                rule.Check(context.Report!, rules);
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
            {
                bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, $"rule {rule.Key} failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
