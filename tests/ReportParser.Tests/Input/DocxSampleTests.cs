namespace ReportParser.Tests.Input;

/// <summary>The generated sample's DOCX twin (../shared/corpus/generated/sample-2021.docx) against the expected values of the sample.</summary>
public class DocxSampleTests
{
    private static string Sample(string name) => Paths.RequireShared("corpus", "generated", name);

    [SkippableFact]
    public void Sample_docx_gives_every_expected_value()
    {
        var result = SampleExpectations.AssertEveryValue(Sample("sample-2021.docx"), Sample("sample-2021.expected.json"));
        result.Report.Metadata.Agency.Should().Be(Report.ParseFile(Sample("sample-2021.html")).Report.Metadata.Agency);
    }

    [SkippableFact]
    public void Export_of_the_sample_docx_lists_the_expected_numbers()
        => SampleExpectations.AssertExportedNumbers(Sample("sample-2021.docx"), Sample("sample-2021.expected.json"));
}
