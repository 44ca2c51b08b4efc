using ReportParser.Cli.Batch;

namespace ReportParser.Tests.Cli;

/// <summary>How a parse result becomes a files.csv status.</summary>
public class FileStatusTests
{
    [Theory]
    [InlineData("pdf/scanned-image-only.pdf", "RP1020")]
    [InlineData("pdf/encrypted-userpw.pdf", "RP1021")]
    public void A_pdf_that_cannot_be_read_is_unreadable_with_the_reason(string file, string code)
    {
        var (status, reason) = BatchExporter.Classify(Report.ParseFile(Path.Combine(Paths.Corpus, file)));
        status.Should().Be(FileStatus.Unreadable);
        reason.Should().StartWith(code);
    }

    [Fact]
    public void Statuses_of_the_text_corpus()
    {
        BatchExporter.Classify(Report.ParseFile(Path.Combine(Paths.Corpus, "text", "jiangchuan-nr-2023.txt"))).Status.Should().Be(FileStatus.Parsed);
        BatchExporter.Classify(Report.ParseFile(Path.Combine(Paths.Corpus, "fused", "title-only-2020.txt"))).Status.Should().Be(FileStatus.ParsedWithErrors);
        BatchExporter.Classify(Report.ParseFile(Path.Combine(Paths.Corpus, "pdf", "not-a-report.pdf"))).Status.Should().Be(FileStatus.NotAReport);
    }
}
