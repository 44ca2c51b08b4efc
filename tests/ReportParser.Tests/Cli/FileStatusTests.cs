namespace ReportParser.Tests.Cli;

/// <summary>How a parse result decides its status (the files table's status column).</summary>
public class FileStatusTests
{
    [Theory]
    [InlineData("pdf/scanned-image-only.pdf", "RP1020")]
    [InlineData("pdf/encrypted-userpw.pdf", "RP1021")]
    public void A_pdf_that_cannot_be_read_is_unreadable_with_the_reason(string file, string code)
    {
        var result = Report.ParseFile(Path.Combine(Paths.Corpus, file));
        result.Status.Should().Be(ReportStatus.Unreadable);
        result.StatusReason.Should().StartWith(code);
    }

    [Fact]
    public void Statuses_of_the_text_corpus()
    {
        var parsed = Report.ParseFile(Path.Combine(Paths.Corpus, "text", "jiangchuan-nr-2023.txt"));
        parsed.Status.Should().Be(ReportStatus.Parsed);
        parsed.StatusReason.Should().BeNull();
        var withErrors = Report.ParseFile(Path.Combine(Paths.Corpus, "fused", "title-only-2020.txt"));
        withErrors.Status.Should().Be(ReportStatus.ParsedWithErrors);
        withErrors.StatusReason.Should().MatchRegex(@"^\d+ error\(s\); first: RP\d{4} ");
        Report.ParseFile(Path.Combine(Paths.Corpus, "pdf", "not-a-report.pdf")).Status.Should().Be(ReportStatus.NotAReport);
        var empty = Report.Parse(ReportSource.FromBytes(Array.Empty<byte>(), "empty"));
        empty.Status.Should().Be(ReportStatus.NotAReport);
        empty.StatusReason.Should().StartWith("RP1001 ");
    }

    [Fact]
    public void Status_words_are_the_files_table_words_and_read_back()
    {
        Enum.GetValues<ReportStatus>().Select(s => s.ToText()).Should().Equal("parsed", "parsed-with-errors", "not-a-report", "unreadable", "timeout", "crashed");
        ReportStatusText.All.Should().Equal("parsed", "parsed-with-errors", "not-a-report", "unreadable", "timeout", "crashed");
        ReportStatusText.TryParse("crashed", out var crashed).Should().BeTrue();
        crashed.Should().Be(ReportStatus.Crashed);
        ReportStatusText.TryParse("not-a-report", out var s).Should().BeTrue();
        s.Should().Be(ReportStatus.NotAReport);
        ReportStatusText.TryParse("Parsed", out _).Should().BeFalse("the words are lower case");
    }
}
