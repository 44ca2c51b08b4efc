using BenchmarkDotNet.Attributes;
using ReportParser.Diagnostics;
using ReportParser.Input;
using UglyToad.PdfPig;

namespace ReportParser.Benchmarks;

/// <summary>
/// Our PDF input (words, rulings, tables, paragraphs) and the whole parse, next to PdfPig's bare word
/// extraction (<c>page.GetWords()</c> on every page) of the same file. Times are per document; divide by
/// the page count printed at setup for per-page figures.
/// </summary>
[MemoryDiagnoser]
public class PdfInputBenchmarks
{
    private byte[] _bytes = Array.Empty<byte>();

    [Params("qingshan-transport-2021-chromium.pdf", "qingshan-transport-2021-libreoffice.pdf", "baihe-county-gov-2019-chromium.pdf", "baihe-county-gov-2019-libreoffice.pdf")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = System.IO.File.ReadAllBytes(Path.Combine(RepoRoot(), "corpus", "pdf", File));
        // Verify: the variants read the same document; the parse finds all three tables without errors.
        int pages = PdfPigWords();
        var result = Report.Parse(ReportSource.FromBytes(_bytes, File));
        if (result.HasErrors || result.Report.Requests is null || result.Report.ProactiveDisclosure is null || result.Report.ReviewLitigation is null)
        {
            throw new InvalidOperationException($"{File} does not parse cleanly: {string.Join("; ", result.Diagnostics)}");
        }
        Console.WriteLine($"// {File}: {pages} pages");
    }

    [Benchmark(Baseline = true, Description = "PdfPig GetWords")]
    public int PdfPigWords()
    {
        using var doc = PdfDocument.Open(_bytes);
        int words = 0;
        foreach (var page in doc.GetPages()) words += page.GetWords().Count();
        return words == 0 ? 0 : doc.NumberOfPages;
    }

    [Benchmark(Description = "PdfInput (blocks)")]
    public int Blocks()
    {
        var bag = new DiagnosticBag();
        return PdfInput.Read(ReportSource.FromBytes(_bytes, File), ReportParserOptions.Default, bag).Blocks.Count;
    }

    [Benchmark(Description = "Report.Parse (end to end)")]
    public int EndToEnd() => Report.Parse(ReportSource.FromBytes(_bytes, File)).Diagnostics.Count;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "ReportParser.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ReportParser.sln not found above the benchmark binaries");
    }
}
