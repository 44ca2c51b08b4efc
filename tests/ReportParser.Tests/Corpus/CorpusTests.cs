using ReportParser.Export;

namespace ReportParser.Tests.Corpus;

/// <summary>
/// Every document in corpus/ parses to exactly its reviewed expected JSON (report plus diagnostics as
/// code, severity, rule and location). Set REPORTPARSER_ACCEPT=1 to rewrite the expected files, then
/// review the diff.
/// </summary>
public class CorpusTests
{
    private static readonly string[] Extensions = { ".txt", ".html", ".htm", ".pdf", ".md" };

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

    /// <summary>The documents whose spans count lines of the file itself (a PDF's lines are those of its text layer).</summary>
    public static TheoryData<string> LineDocuments()
    {
        var data = new TheoryData<string>();
        foreach (var row in (IEnumerable<object[]>)Documents())
        {
            if (!((string)row[0]).EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) data.Add((string)row[0]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_parses_to_its_expected_json(string relative)
    {
        var path = Path.Combine(Paths.Corpus, relative);
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

    [Theory]
    [MemberData(nameof(LineDocuments))]
    public void Every_span_lies_inside_the_document(string relative)
    {
        var path = Path.Combine(Paths.Corpus, relative);
        var result = Report.ParseFile(path);
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
