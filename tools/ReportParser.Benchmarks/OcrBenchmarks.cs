using BenchmarkDotNet.Attributes;
using ReportParser.Ocr;
using UglyToad.PdfPig;

namespace ReportParser.Benchmarks;

/// <summary>
/// OCR speed: one 200-dpi scanned page (page 2 of corpus/scan/qingshan-transport-2021-scan200.pdf, the densest: table
/// 三 with 160 figures) through the engine, and the whole 3-page scan end to end. Needs the models
/// (tools/fetch-ocr-models.sh). <c>dotnet run -c Release --project tools/ReportParser.Benchmarks -- --filter '*Ocr*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class OcrBenchmarks
{
    private byte[] _scan = Array.Empty<byte>();
    private byte[] _page = Array.Empty<byte>();
    private double _pageWidth;
    private ReportParserOptions _options = ReportParserOptions.Default;

    [GlobalSetup]
    public void Setup()
    {
        if (PaddleOcr.Shared.Unavailable is { } why) throw new InvalidOperationException(why);
        _scan = File.ReadAllBytes(Path.Combine(RepoRoot(), "corpus", "scan", "qingshan-transport-2021-scan200.pdf"));
        using (var doc = PdfDocument.Open(_scan))
        {
            var image = doc.GetPage(2).GetImages().Single();
            _page = image.RawMemory.ToArray();
            _pageWidth = image.BoundingBox.Width;
        }
        _options = ReportParserOptions.Default with { Ocr = PaddleOcr.Shared, TimeBudget = TimeSpan.FromMinutes(10) };
        var page = Page();
        var result = EndToEndResult();
        if (page < 150 || result.Report.Requests is null) throw new InvalidOperationException($"the scan did not read: {page} words; {string.Join("; ", result.Diagnostics.Take(5))}");
        Console.WriteLine($"// page 2: {page} words");
    }

    [Benchmark(Description = "OCR one 200-dpi page")]
    public int Page() => PaddleOcr.Shared.Recognize(new OcrImage(_page, 2, _pageWidth), default).Words.Count;

    [Benchmark(Description = "Report.Parse, 3-page scan")]
    public int EndToEnd() => EndToEndResult().Diagnostics.Count;

    private ReportParseResult EndToEndResult() => Report.Parse(ReportSource.FromBytes(_scan, "scan200.pdf"), _options);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportParser.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ReportParser.sln not found above the benchmark binaries");
    }
}
