using ReportParser.Export;
using ReportParser.Input.Html;
using ReportParser.Tests.Corpus;

namespace ReportParser.Tests.Bounds;

/// <summary>The limits do not touch normal reports: every corpus document parses the same with them lifted.</summary>
public class NormalReportTests
{
    private static readonly ReportParserOptions Lifted = ReportParserOptions.Default with
    {
        MaxCellsPerRow = int.MaxValue,
        MaxDocumentCells = int.MaxValue,
        MaxHtmlDepth = int.MaxValue,
        MaxHtmlElements = int.MaxValue,
    };

    public static TheoryData<string> Documents() => CorpusTests.Documents();

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Paths.Corpus, "*.htm*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_corpus_document_parses_the_same_with_the_new_limits_lifted(string relative)
    {
        var path = Path.Combine(Paths.Corpus, relative);
        var withLimits = ReportJson.Serialize(Report.ParseFile(path), ReportJsonOptions.Corpus);
        var lifted = ReportJson.Serialize(Report.ParseFile(path, Lifted), ReportJsonOptions.Corpus);
        withLimits.Should().Be(lifted);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_corpus_page_nests_less_than_a_tenth_of_the_default_depth_and_has_less_than_a_tenth_of_the_default_elements(string path)
    {
        var html = File.ReadAllText(path);
        var limited = HtmlDepth.Limit(html, ReportParserOptions.Default.MaxHtmlDepth / 10, ReportParserOptions.Default.MaxHtmlElements / 10);
        (limited.FirstTooDeep, limited.FirstTooMany).Should().Be((-1, -1));
        ReferenceEquals(limited.Html, html).Should().BeTrue();
    }
}
