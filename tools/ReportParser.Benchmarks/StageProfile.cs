using System.Globalization;
using System.Runtime.InteropServices;
using ReportParser.Batch;
using ReportParser.Export;
using ReportParser.Pipeline;
using ReportParser.Pipeline.Steps;
using ReportParser.Validation;

namespace ReportParser.Benchmarks;

/// <summary>
/// Where a parse spends its time, step by step: each pipeline step (and each rule of the validate step, and the export
/// rows of <c>cells.csv</c>, <c>reports.csv</c> and <c>diagnostics.csv</c>) timed in the process CPU time with its
/// allocations, over every file given, after a warm-up. CPU time is not inflated by other processes, so the
/// shares hold on a loaded machine. Not BenchmarkDotNet: the steps are not public and one run must time all of them.
/// <c>dotnet run -c Release --project tools/ReportParser.Benchmarks -- --stages [--rounds N] FILE|DIR...</c>.
/// </summary>
internal static class StageProfile
{
    private sealed class Tally
    {
        public double CpuSeconds;
        public long Bytes;
    }

    public static void Run(string[] args)
    {
        int rounds = 20;
        var paths = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds") rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] != "--stages") paths.Add(args[i]);
        }
        var files = paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".tsv", StringComparison.Ordinal))
                : new[] { p })
            .Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine("no input files");
            return;
        }

        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var order = new List<string>();
        // Warm-up rounds compile every path at tier 1 before the timed rounds.
        for (int r = 0; r < 3; r++) foreach (var f in files) Once(f.Name, f.Bytes, null, null);
        for (int r = 0; r < rounds; r++) foreach (var f in files) Once(f.Name, f.Bytes, tallies, order);

        double total = order.Sum(k => tallies[k].CpuSeconds);
        long reports = (long)files.Count * rounds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} files x {rounds} rounds; CPU per file {total / reports * 1000:0.000} ms ({reports / total:N0} files per CPU-second), allocated per file {order.Sum(k => tallies[k].Bytes) / (double)reports / 1024:0.0} KB"));
        Console.WriteLine($"{"step",-34} {"ms/file",9} {"share",7} {"KB/file",9}");
        foreach (var k in order)
        {
            var t = tallies[k];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{k,-34} {t.CpuSeconds / reports * 1000,9:0.0000} {t.CpuSeconds / total,7:P1} {t.Bytes / (double)reports / 1024,9:0.0}"));
        }
    }

    private static void Once(string name, byte[] bytes, Dictionary<string, Tally>? tallies, List<string>? order)
    {
        var source = ReportSource.FromBytes(bytes, name);
        using var context = new ParseContext(source, ReportParserOptions.Default, CancellationToken.None);
        foreach (var step in ParsePipeline.Steps)
        {
            if (step is ValidateStep)
            {
                // Rule by rule, as the step runs them.
                var rules = new RuleContext(context.Diagnostics.Add);
                foreach (var rule in ReportRules.Default) Time("validate: " + rule.Key, () => rule.Check(context.Report!, rules), tallies, order);
                continue;
            }
            Time(step.Name, () => step.Run(context), tallies, order);
        }
        var result = new ReportParseResult(source.Name, context.Report!, context.Diagnostics.Items.ToList());
        if (result.Status is ReportStatus.NotAReport or ReportStatus.Unreadable) return;
        List<CellRow> cells = new();
        WideReportRow? wide = null;
        List<DiagnosticRow> diagnostics = new();
        Time("export: cell rows", () => cells.AddRange(CellRow.From(name, "", result.Report, false)), tallies, order);
        Time("export: report row", () => wide = WideReportRow.From(name, "", result, bytes), tallies, order);
        Time("export: diagnostic rows", () => diagnostics.AddRange(result.Diagnostics.Select(d => new DiagnosticRow(name, d))), tallies, order);
        Time("export: row fields", () =>
        {
            foreach (var c in cells) CellRow.Schema.Fields(c);
            foreach (var d in diagnostics) DiagnosticRow.Schema.Fields(d);
            WideReportRow.Schema.Fields(wide!);
        }, tallies, order);
    }

    private static void Time(string key, Action action, Dictionary<string, Tally>? tallies, List<string>? order)
    {
        if (tallies is null)
        {
            action();
            return;
        }
        long bytes0 = GC.GetTotalAllocatedBytes(true);
        double cpu0 = CpuSeconds();
        action();
        double cpu = CpuSeconds() - cpu0;
        long bytes = GC.GetTotalAllocatedBytes(true) - bytes0;
        if (!tallies.TryGetValue(key, out var t))
        {
            tallies[key] = t = new Tally();
            order!.Add(key);
        }
        t.CpuSeconds += cpu;
        t.Bytes += bytes;
    }

    /// <summary>
    /// The process's CPU time, every thread's (Linux <c>CLOCK_PROCESS_CPUTIME_ID</c>, to the nanosecond; elsewhere the
    /// runtime's coarser figure): the PDF and workbook inputs read on a thread of their own, so the calling thread's
    /// time would miss them. Other processes on the machine do not count in it.
    /// </summary>
    internal static double CpuSeconds()
    {
        if (OperatingSystem.IsLinux() && NativeMethods.clock_gettime(2, out var ts) == 0) return ts.Seconds + ts.Nanoseconds / 1e9;
        return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }

    private static class NativeMethods
    {
        [StructLayout(LayoutKind.Sequential)]
        public struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = false)]
        public static extern int clock_gettime(int clock, out Timespec time);
    }
}
