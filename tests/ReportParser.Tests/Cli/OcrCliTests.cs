using ReportParser.Cli;
using ReportParser.Tests.Ocr;

namespace ReportParser.Tests.Cli;

/// <summary>The console tool reads scans by OCR unless --no-ocr is given; then files.csv says the file needs OCR.</summary>
public class OcrCliTests
{
    private static string Smudged => Path.Combine(OcrEngine.ScanDir, "qingshan-transport-2021-smudged-digit.pdf");

    private static (int Code, string Err, string Dir) Export(params string[] extra)
    {
        var dir = Directory.CreateTempSubdirectory("rp-ocr-").FullName;
        var e = new StringWriter();
        int code = CliApp.Run(new[] { "export", Smudged, "--out", dir }.Concat(extra).ToArray(), new StringWriter(), e);
        return (code, e.ToString(), dir);
    }

    [Fact]
    public void With_no_ocr_a_scan_is_unreadable_and_needs_ocr()
    {
        var (_, err, dir) = Export("--no-ocr");
        try
        {
            var files = File.ReadAllLines(Path.Combine(dir, "files.csv"));
            files.Should().HaveCount(2, err);
            files[1].Should().Contain(",unreadable,").And.Contain("RP1020").And.Contain("needs OCR").And.Contain("OCR is off");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [SkippableFact]
    public void By_default_a_scan_is_read_by_ocr_and_cells_csv_says_how_each_cell_was_read()
    {
        OcrEngine.RequireModels();
        var (_, err, dir) = Export();
        try
        {
            var files = File.ReadAllLines(Path.Combine(dir, "files.csv"));
            files[1].Should().NotContain(",unreadable,", err);
            var cells = File.ReadAllLines(Path.Combine(dir, "cells.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            var corrected = cells.Single(r => r[5] == "Unable.NotHeld" && r[6] == "NaturalPerson");
            corrected[7].Should().Be("99");
            corrected[^2].Should().Be("ocr-corrected");
            decimal.Parse(corrected[^1], System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(0m, 0.9m);
            cells.Where(r => r[7] != "").Select(r => r[r.Length - 2]).Distinct().Should().BeSubsetOf(new[] { "ocr", "ocr-corrected" });
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
