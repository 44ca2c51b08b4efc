using ReportParser.Ocr;

namespace ReportParser.Tests.Ocr;

/// <summary>The OCR engine for the tests, and the options that turn it on; tests skip with the reason when its models are not installed.</summary>
internal static class OcrEngine
{
    public static PaddleOcr Engine => PaddleOcr.Shared;

    public static ReportParserOptions Options => ReportParserOptions.Default with { Ocr = Engine, TimeBudget = TimeSpan.FromMinutes(5) };

    public static void RequireModels() => Skip.If(Engine.Unavailable is not null, Engine.Unavailable);

    public static string ScanDir => Path.Combine(Paths.Corpus, "scan");
}
