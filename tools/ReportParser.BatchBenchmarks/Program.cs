// End-to-end throughput of `reportparser export` on generated text reports: parse, validate, write the four CSV
// tables. A plain timed run (not BenchmarkDotNet): one pass over many files is the measurement.
//
//   dotnet run -c Release --project tools/ReportParser.BatchBenchmarks -- [--files 10000] [--jobs 2] [--format csv]
//
// Reports files/second and the peak resident memory of the process (VmHWM), measured after the inputs are written.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ReportParser.Batch;
using ReportParser.Batch.IO;
using ReportParser.Export;

int files = 10_000, jobs = Environment.ProcessorCount;
var format = ExportFormat.Csv;
for (int i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--files": files = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--jobs": jobs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--format": format = Enum.Parse<ExportFormat>(args[++i], ignoreCase: true); break;
    }
}

var root = FindRoot();
var baseText = File.ReadAllText(Path.Combine(root, "corpus", "text", "000_b4f43ef4f0df1505.txt"));
var work = Path.Combine(Path.GetTempPath(), "rp-batch-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
var input = Path.Combine(work, "in");
var output = Path.Combine(work, "out");
Directory.CreateDirectory(input);
var cell = new Regex(@"(?<=^|\t)(\d+)(?=\t|$)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
for (int i = 0; i < files; i++)
{
    // Numbers varied per file; 100 agencies over 100 years, so the cross-year check has pairs to compare.
    string agency = "第" + string.Concat((i % 100).ToString("00", CultureInfo.InvariantCulture).Select(d => "〇一二三四五六七八九"[d - '0'])) + "测试局";
    var text = baseText.Replace("郑州市生态环境局经开分局", agency).Replace("2021年政务", $"{1900 + i / 100}年政务");
    text = cell.Replace(text, m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + i % 997).ToString(CultureInfo.InvariantCulture));
    var dir = Path.Combine(input, (i / 1000).ToString("00", CultureInfo.InvariantCulture));
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, $"r{i:00000}.txt"), text);
}
Console.WriteLine($"generated {files:N0} reports in {input}");
if (args.Contains("--stages"))
{
    // Where the time goes, single-threaded, over the first 1,000 files.
    var sample = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(1000).Select(File.ReadAllBytes).ToList();
    using var nullCells = new CsvTableWriter("/dev/null", CellRow.Schema.Columns, false);
    using var nullReports = new CsvTableWriter("/dev/null", WideReportRow.Schema.Columns, false);
    using var nullDiags = new CsvTableWriter("/dev/null", DiagnosticRow.Schema.Columns, false);
    foreach (var stage in new[] { "parse", "parse+project", "parse+project+write", "parse", "parse+project", "parse+project+write" })
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var b in sample)
        {
            if (stage == "parse") ReportParser.Report.Parse(ReportParser.ReportSource.FromBytes(b, "x"));
            else
            {
                var o = ReportExporter.Process(new InputFile(0, "x", "") { Bytes = b }, new ExportOptions { Inputs = Array.Empty<string>(), OutputDirectory = "" });
                if (stage.EndsWith("write", StringComparison.Ordinal))
                {
                    foreach (var c in o.Cells) nullCells.Write(CellRow.Schema.Fields(c));
                    foreach (var d in o.Diagnostics) nullDiags.Write(DiagnosticRow.Schema.Fields(d));
                    nullReports.Write(WideReportRow.Schema.Fields(o.Report!));
                }
            }
        }
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage}: {sample.Count / used.TotalSeconds:N0} files per CPU-second"));
    }
}
GC.Collect();
long before = PeakRss();

var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var watch = Stopwatch.StartNew();
ExportSummary totals;
{
    var options = new ExportOptions { Inputs = new[] { input }, OutputDirectory = output, Jobs = jobs, Format = format };
    if (args.Contains("--no-parse"))
    {
        // The pipeline's own cost: every file "parses" to the same cached result.
        var cached = ReportParser.Report.ParseText(baseText, "cached");
        options = options with { Parse = (_, _) => cached };
    }
    var lines = new Progress<ExportProgress>(p => { if (p.Done % 1000 == 0) Console.Error.WriteLine($"progress: {p.Done:N0}/{p.Total:N0} files"); });
    totals = ReportExporter.ExportAsync(options, lines).GetAwaiter().GetResult();
}
watch.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
long peak = PeakRss();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"files {totals.Files:N0} (parsed {totals.ByStatus[ReportParser.ReportStatus.Parsed]:N0}, with errors {totals.ByStatus[ReportParser.ReportStatus.ParsedWithErrors]:N0}), cells {totals.Cells:N0}, diagnostics {totals.DiagnosticRows:N0} (cross-report {totals.CrossReportFindings:N0})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"jobs {jobs}, processors {Environment.ProcessorCount}, format {format}: {watch.Elapsed.TotalSeconds:0.00} s, {totals.Files / watch.Elapsed.TotalSeconds:N0} files/s, peak RSS {peak / 1048576.0:0} MB (before the run {before / 1048576.0:0} MB), GC heap now {GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / 1048576.0:0} MB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CPU {cpu.TotalSeconds:0.00} s = {totals.Files / cpu.TotalSeconds:N0} files per CPU-second (the rate on {jobs} uncontended cores is at most {jobs} times that)"));
Directory.Delete(work, recursive: true);

static long PeakRss()
{
    try
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
    }
    catch (IOException) { }
    return Process.GetCurrentProcess().PeakWorkingSet64;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportParser.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("ReportParser.sln not found");
}
