namespace ReportParser.Tests.Input;

/// <summary>The generated sample page (../shared/corpus/generated/sample-2021.html) against its expected values (skipped, with the reason, when ../shared is absent).</summary>
public class HtmlSampleTests
{
    private static string Sample(string name) => Paths.RequireShared("corpus", "generated", name);

    [SkippableFact]
    public void Sample_page_gives_every_expected_value()
        => SampleExpectations.AssertEveryValue(Sample("sample-2021.html"), Sample("sample-2021.expected.json"));

    [SkippableFact]
    public void Export_of_the_sample_page_lists_the_expected_numbers()
        => SampleExpectations.AssertExportedNumbers(Sample("sample-2021.html"), Sample("sample-2021.expected.json"));
}
