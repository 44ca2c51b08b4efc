using ReportParser.Export;

namespace ReportParser.Tests.Corpus;

/// <summary>
/// Every document in corpus/ parses to exactly its reviewed expected JSON (report plus diagnostics as
/// code, severity, rule and location). Set REPORTPARSER_ACCEPT=1 to rewrite the expected files, then
/// review the diff.
/// </summary>
public class CorpusTests
{
    private static readonly string[] Extensions = { ".txt", ".html", ".htm", ".pdf", ".md", ".docx", ".xlsx", ".xls", ".doc", ".odt", ".ods", ".rtf", ".mht", ".wps", ".et" };

    /// <summary>Binary formats: spans are paragraph indexes or sheet rows, not lines of the file.</summary>
    private static readonly string[] Binary = { ".pdf", ".docx", ".xlsx", ".xls", ".doc", ".odt", ".ods", ".rtf", ".wps", ".et" };

    /// <summary>Formats read through LibreOffice: skipped when it is not installed.</summary>
    private static readonly string[] Converted = { ".doc", ".odt", ".ods", ".rtf", ".wps" };

    private static void SkipWithoutConverter(string path)
        => Skip.If(Converted.Contains(Path.GetExtension(path).ToLowerInvariant()) && ReportParser.Input.Office.LibreOfficeConverter.Locate(null) is null,
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui");

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Paths.Corpus, "*", SearchOption.AllDirectories)
                     .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Paths.Corpus, f).Replace('\\', '/'));
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void Document_parses_to_its_expected_json(string relative)
    {
        var path = Path.Combine(Paths.Corpus, relative);
        SkipWithoutConverter(path);
        var expectedPath = ExpectedPath(path);
        var result = Report.ParseFile(path);
        var actual = ReportJson.Serialize(result, ReportJsonOptions.Corpus).Replace("\r\n", "\n") + "\n";
        if (Environment.GetEnvironmentVariable("REPORTPARSER_ACCEPT") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }
        File.Exists(expectedPath).Should().BeTrue($"{relative} needs {Path.GetFileName(expectedPath)} beside it");
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        actual.Should().Be(expected, $"{relative} must parse to its reviewed expected JSON");
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void Every_span_lies_inside_the_document(string relative)
    {
        var path = Path.Combine(Paths.Corpus, relative);
        SkipWithoutConverter(path);
        var result = Report.ParseFile(path);
        if (Path.GetExtension(path).Equals(".docx", StringComparison.OrdinalIgnoreCase))
        {
            // A DOCX location's line is the paragraph's index in body order.
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            var xml = reader.ReadToEnd();
            int paragraphs = System.Text.RegularExpressions.Regex.Count(xml, "<w:p[ >]");
            foreach (var c in result.Report.Tables.SelectMany(t => t.Cells))
            {
                if (c.Location is { Line: > 0 } s) s.Line.Should().BeLessThanOrEqualTo(paragraphs, c.Key);
            }
            return;
        }
        if (Binary.Contains(Path.GetExtension(path).ToLowerInvariant())) return;
        int lines = File.ReadAllText(path).Split('\n').Length;
        foreach (var c in result.Report.Tables.SelectMany(t => t.Cells))
        {
            if (c.Location is { Line: > 0 } s) s.Line.Should().BeLessThanOrEqualTo(lines, c.Key);
        }
        foreach (var d in result.Diagnostics) d.Location.Line.Should().BeLessThanOrEqualTo(lines, d.ToString());
    }

    internal static string ExpectedPath(string document)
        => Path.Combine(Path.GetDirectoryName(document)!, Path.GetFileNameWithoutExtension(document) + ".expected.json");
}
