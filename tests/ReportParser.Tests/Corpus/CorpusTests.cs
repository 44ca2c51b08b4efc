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
                     // Scans are read with OCR on and checked against their born-digital twins (Ocr/ScanFixtureTests).
                     .Where(f => !Path.GetRelativePath(Paths.Corpus, f).Replace('\\', '/').StartsWith("scan/", StringComparison.Ordinal))
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

    /// <summary>
    /// The documents whose locations count lines of the file itself, or (DOCX) its paragraphs; the lines of PDF and
    /// the other binary formats are those of their text layer or sheet and are checked by their input tests.
    /// </summary>
    public static TheoryData<string> LineDocuments()
    {
        var data = new TheoryData<string>();
        foreach (var row in (IEnumerable<object[]>)Documents())
        {
            var ext = Path.GetExtension((string)row[0]).ToLowerInvariant();
            if (ext == ".docx" || !Binary.Contains(ext)) data.Add((string)row[0]);
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(LineDocuments))]
    public void Every_span_lies_inside_the_document(string relative)
    {
        var path = Path.Combine(Paths.Corpus, relative);
        SkipWithoutConverter(path);
        var result = Report.ParseFile(path);
        // A DOCX location's line is the paragraph's index in body order; elsewhere the line of the file.
        int lines = Path.GetExtension(path).Equals(".docx", StringComparison.OrdinalIgnoreCase) ? DocxParagraphs(path) : File.ReadAllText(path).Split('\n').Length;
        lines.Should().BePositive();
        foreach (var c in result.Report.Tables.SelectMany(t => t.Cells))
        {
            if (c.Location is { Line: > 0 } s) s.Line.Should().BeLessThanOrEqualTo(lines, c.Key);
        }
        foreach (var d in result.Diagnostics) d.Location.Line.Should().BeLessThanOrEqualTo(lines, d.ToString());
    }

    private static int DocxParagraphs(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return System.Text.RegularExpressions.Regex.Count(reader.ReadToEnd(), "<w:p[ >]");
    }

    internal static string ExpectedPath(string document)
        => Path.Combine(Path.GetDirectoryName(document)!, Path.GetFileNameWithoutExtension(document) + ".expected.json");
}
