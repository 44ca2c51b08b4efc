using ReportParser.Ocr;

namespace ReportParser.Tests.Ocr;

/// <summary>Without its models the engine says so and how to install them, and a scan keeps the "needs OCR" error with that reason.</summary>
public class OcrWithoutModelsTests
{
    [Fact]
    public void An_engine_without_models_says_they_are_not_installed_and_how_to_install_them()
    {
        using var engine = new PaddleOcr(Path.Combine(Path.GetTempPath(), "no-ocr-models-" + Guid.NewGuid().ToString("N")));
        engine.Unavailable.Should().Contain("not installed").And.Contain("tools/fetch-ocr-models.sh").And.Contain("REPORTPARSER_OCR_MODELS");
        engine.Recognize(new OcrImage(new byte[] { 1, 2, 3 }, 1, null), default).Error.Should().Be(engine.Unavailable);
        var result = Report.ParseFile(Path.Combine(Paths.Corpus, "pdf", "scanned-image-only.pdf"), ReportParserOptions.Default with { Ocr = engine });
        var d = result.Diagnostics.Single(x => x.Code == DiagnosticCode.NoTextLayer);
        d.Message.Should().Contain("needs OCR").And.Contain("not installed");
        result.Status.Should().Be(ReportStatus.Unreadable);
    }

    [Fact]
    public void Without_an_engine_an_image_file_needs_ocr()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Paths.Corpus, "scan", "baihe-county-gov-2019-long150.png"));
        var result = Report.Parse(ReportSource.FromBytes(bytes, "page.png"));
        result.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCode.NoTextLayer).Which.Message.Should().Contain("PNG image").And.Contain("needs OCR");
        result.Status.Should().Be(ReportStatus.Unreadable);
    }

    [SkippableFact]
    public void Undecodable_image_bytes_give_an_error_not_an_exception()
    {
        OcrEngine.RequireModels();
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3 };
        var result = Report.Parse(ReportSource.FromBytes(bytes, "broken.png"), OcrEngine.Options);
        result.Diagnostics.Should().Contain(x => x.Code == DiagnosticCode.NoTextLayer && x.Message.Contains("could not", StringComparison.Ordinal));
    }
}
