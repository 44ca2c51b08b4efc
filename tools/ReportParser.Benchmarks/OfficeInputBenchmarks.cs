using BenchmarkDotNet.Attributes;
using ReportParser.Diagnostics;
using ReportParser.Input;
using ReportParser.Input.Office;

namespace ReportParser.Benchmarks;

/// <summary>
/// The office inputs: DOCX and XLSX read directly (blocks only, and the whole parse), per document, beside
/// the underlying libraries' bare work on the same bytes (the baseline, so the Ratio column is ours over
/// theirs): for DOCX, the OpenXml SDK opening the package and an XmlReader reading every node of the main
/// part; for workbooks, ExcelDataReader reading every cell of every sheet. Files per second = 1 s / mean.
/// <c>--filter '*OfficeInput*'</c>.
/// </summary>
[MemoryDiagnoser]
public class OfficeInputBenchmarks
{
    private byte[] _bytes = Array.Empty<byte>();

    [Params("docx/qingshan-transport-2021.docx", "docx/qingshan-transport-2021-merged.docx", "docx/portal-county-bureau-2021.docx", "xlsx/qingshan-transport-2021.xlsx", "xls/qingshan-transport-2021.xls")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = System.IO.File.ReadAllBytes(Path.Combine(RepoRoot(), "corpus", File));
        var result = Report.Parse(ReportSource.FromBytes(_bytes, File));
        if (result.HasErrors || result.Report.Requests is null)
        {
            throw new InvalidOperationException($"{File} does not parse cleanly: {string.Join("; ", result.Diagnostics)}");
        }
    }

    [Benchmark(Baseline = true, Description = "bare library (package + every XML node or cell)")]
    public long Bare() => BareWork.Run(File.EndsWith(".docx", StringComparison.Ordinal) ? "docx" : "workbook", _bytes);

    [Benchmark(Description = "input (blocks)")]
    public int Blocks()
    {
        var bag = new DiagnosticBag();
        return InputReader.Read(ReportSource.FromBytes(_bytes, File), ReportParserOptions.Default, bag).Blocks.Count;
    }

    [Benchmark(Description = "Report.Parse (end to end)")]
    public int EndToEnd() => Report.Parse(ReportSource.FromBytes(_bytes, File)).Diagnostics.Count;

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "ReportParser.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ReportParser.sln not found above the benchmark binaries");
    }
}

/// <summary>
/// A DOC read through LibreOffice (one soffice start and conversion per document, the cost that
/// dominates): seconds per file. Needs soffice; <c>--filter '*Conversion*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ConversionBenchmarks
{
    private byte[] _bytes = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        if (LibreOfficeConverter.Locate(null) is null) throw new InvalidOperationException("soffice is not installed");
        _bytes = System.IO.File.ReadAllBytes(Path.Combine(OfficeInputBenchmarks.RepoRoot(), "corpus", "doc", "qingshan-transport-2021.doc"));
    }

    [Benchmark(Description = "DOC via LibreOffice (end to end)")]
    public int Doc() => Report.Parse(ReportSource.FromBytes(_bytes, "qingshan-transport-2021.doc")).Diagnostics.Count;
}
