using ReportParser.Sections;
using ReportParser.Validation;

namespace ReportParser.Pipeline.Steps;

/// <summary>
/// Reads the figures the running text states (<see cref="ProseReader"/>), links them to the cells they restate, and lets
/// them decide the fused runs the table's arithmetic left ambiguous (<see cref="ProseDecisions"/>): a run is decided only
/// when exactly one of its splits agrees with the text.
/// </summary>
internal sealed class ReadProseStep : IParseStep
{
    public string Name => "read prose";

    public void Run(ParseContext context)
    {
        if (context.Shape != DocumentShape.Report || context.Expired("the prose")) return;
        var exactColumns = context.Blocks.Format == SourceFormat.Text;
        context.Statements = ProseReader.Read(context.Split, context.Metadata?.Year, context.Template, exactColumns);
        if (context.OpenRuns.Count == 0 || context.Statements.Count == 0) return;
        var decisions = ProseDecisions.Decide(context.OpenRuns, context.Statements, TableOf);
        if (decisions.Count == 0) return;
        foreach (var finding in decisions.Select(d => d.Finding).Distinct()) context.Diagnostics.Add(finding);
        if (context.Proactive is { } p) context.Proactive = ProseDecisions.Apply(p, decisions, rows => new ProactiveDisclosureTable(p.Template, rows, p.Location));
        if (context.Requests is { } r) context.Requests = ProseDecisions.Apply(r, decisions, rows => new RequestsTable(r.Template, rows, r.Location));
        if (context.Review is { } v) context.Review = ProseDecisions.Apply(v, decisions, rows => new ReviewLitigationTable(v.Template, rows, v.Location));

        ReportTable? TableOf(string key) => key switch
        {
            "ProactiveDisclosure" => context.Proactive,
            "Requests" => context.Requests,
            "ReviewLitigation" => context.Review,
            _ => null,
        };
    }
}

/// <summary>The evaluators' checks of the report (<see cref="QualityChecks"/>), after the rules; category quality, never errors.</summary>
internal sealed class QualityStep : IParseStep
{
    public string Name => "quality checks";

    public void Run(ParseContext context)
    {
        if (context.Shape != DocumentShape.Report || context.Report is null) return;
        foreach (var d in QualityChecks.Check(context.Report)) context.Diagnostics.Add(d);
    }
}
