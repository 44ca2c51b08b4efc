using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Sections;
using ReportParser.Tables;
using ReportParser.Tables.Fused;
using ReportParser.Validation;

namespace ReportParser.Pipeline.Steps;

/// <summary>
/// Crawled text whose table cells were fused into digit runs: the rows are recognised in sections 二, 三
/// and 四, split by the template's arithmetic, and put in place as table grids (<see cref="FusedTableRecovery"/>).
/// Then the section split's held findings are listed.
/// </summary>
internal sealed class RecoverFusedTablesStep : IParseStep
{
    public string Name => "recover fused tables";

    public void Run(ParseContext context)
    {
        if (context.MayHoldFusedTables && !context.Expired("the fused tables")) Recover(context);
        foreach (var d in context.HeldDiagnostics) context.Diagnostics.Add(d);
        context.HeldDiagnostics.Clear();
    }

    private static void Recover(ParseContext context)
    {
        var template = TemplateDetector.FromText(context.Blocks.Blocks);
        try
        {
            if (FusedTableRecovery.Recover(context.Blocks, context.Split, template, context.Diagnostics, context.Deadline) is { } recovered)
            {
                context.Blocks = recovered.Blocks;
                context.Split = recovered.Split;
                foreach (var (table, row) in recovered.Ambiguous)
                {
                    var splits = row.Kept.Select(k => k.Select(c => new CandidateCell(c.Text, c.Offset, c.Value)).ToArray()).ToList();
                    context.OpenRuns.Add(new OpenRun(table, row.Def.Key, row.Run, row.RunSpan, splits));
                }
            }
        }
        catch (OperationCanceledException) when (!context.Cancellation.IsCancellationRequested)
        {
            // The time budget ran out while the runs were being split: the tables stay unread, and Expired says so.
            context.Expired("the fused tables");
        }
    }
}

/// <summary>Locates tables 二, 三 and 四 and reads each onto the template's rows and columns.</summary>
internal sealed class ReadTablesStep : IParseStep
{
    public string Name => "read tables";

    public void Run(ParseContext context)
    {
        if (context.Shape != DocumentShape.Report || context.Template is not (ReportTemplate.V2019 or ReportTemplate.V2021)) return;
        if (context.Expired("the tables")) return;
        var template = context.Template;
        var bag = context.Diagnostics;
        var tables = TableLocator.Collect(context.Split.Sections, context.Split.Preamble);
        context.Proactive = Read(context, tables, SectionKind.ProactiveDisclosure, "二", (rows, at) => (ProactiveDisclosureTable)ProactiveDisclosureReader.Read(rows, template, at, bag));
        context.Requests = Read(context, tables, SectionKind.Requests, "三", (rows, at) => (RequestsTable)RequestsReader.Read(rows, template, at, bag));
        context.Review = Read(context, tables, SectionKind.ReviewLitigation, "四", (rows, at) => (ReviewLitigationTable)ReviewLitigationReader.Read(rows, template, at, bag));
    }

    private static T? Read<T>(ParseContext context, Dictionary<SectionKind, (List<GridRow> Rows, SourceLocation Location)> tables, SectionKind kind,
        string number, Func<List<GridRow>, SourceLocation, T> read)
        where T : class
    {
        if (tables.TryGetValue(kind, out var found)) return read(found.Rows, found.Location);
        var section = context.Split.Sections.FirstOrDefault(s => s.Kind == kind);
        context.Diagnostics.Error(DiagnosticCode.MissingTable, section?.Location ?? SourceLocation.Unknown,
            $"table {number} ({kind}) was not found{(section is null ? "" : " in its section")}; its values could not be read");
        return null;
    }
}
