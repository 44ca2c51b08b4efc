using ReportParser.Ocr;
using Xunit.Abstractions;

namespace ReportParser.Tests.Ocr;

public class OcrSmoke(ITestOutputHelper output)
{
    [SkippableFact]
    public void Smoke()
    {
        Skip.IfNot(File.Exists("/tmp/ocrimg/qs-2.png"));
        PaddleOcr.Shared.Recognize(new OcrImage(File.ReadAllBytes("/tmp/ocrimg/qs-3.png"), 2, 595), default);
        var ocr = PaddleOcr.Shared;
        Skip.If(ocr.Unavailable is not null, ocr.Unavailable);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var page = ocr.Recognize(new OcrImage(File.ReadAllBytes("/tmp/ocrimg/qs-2.png"), 2, 595), default);
        output.WriteLine($"{sw.ElapsedMilliseconds} ms {page.Error} words {page.Words.Count} rulings {page.Rulings.Count}");
        foreach (var w in page.Words) output.WriteLine($"{w.Box.Left:0} {w.Box.Top:0} {w.Box.Right:0} {w.Box.Bottom:0} {w.Text} {w.Characters.Min(c => c.Confidence):0.000}");
        foreach (var r in page.Rulings.Take(40)) output.WriteLine($"{r}");
    }
}
