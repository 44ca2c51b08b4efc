using ReportParser.Pipeline;

namespace ReportParser.Tests.Pipeline;

public class DeadlineTests
{
    private static string Corpus(string relative) => Path.Combine(Paths.Corpus, relative);

    /// <summary>A rule that cancels the caller's token while the parse runs.</summary>
    private sealed class CancellingRule(CancellationTokenSource source) : IReportRule
    {
        public string Key => "Test.Cancel";

        public int Calls { get; private set; }

        public void Check(AnnualReport report, RuleContext context)
        {
            Calls++;
            source.Cancel();
        }
    }

    [Fact]
    public void The_steps_run_in_the_documented_order()
        => ParsePipeline.Steps.Select(s => s.Name).Should().Equal(
            "read input", "prepare crawled text", "apply limits", "split sections", "recover fused tables", "read metadata",
            "classify document", "detect template", "read tables", "read prose", "build report", "verify OCR cells", "validate", "quality checks");

    [Fact]
    public async Task A_cancelled_token_stops_the_parse_with_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var source = ReportSource.FromFile(Corpus("text/jiangchuan-nr-2023.txt"));
        FluentActions.Invoking(() => Report.Parse(source, null, cancelled.Token)).Should().Throw<OperationCanceledException>();
        await FluentActions.Awaiting(() => Report.ParseAsync(source, null, cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void A_token_cancelled_during_the_parse_stops_it_before_the_next_rule()
    {
        using var cts = new CancellationTokenSource();
        var first = new CancellingRule(cts);
        var second = new CancellingRule(cts);
        var options = ReportParserOptions.Default with { Rules = new IReportRule[] { first, second } };
        FluentActions.Invoking(() => Report.Parse(ReportSource.FromFile(Corpus("text/jiangchuan-nr-2023.txt")), options, cts.Token))
            .Should().Throw<OperationCanceledException>();
        first.Calls.Should().Be(1);
        second.Calls.Should().Be(0);
    }

    [Theory]
    [InlineData("pdf/qingshan-transport-2021-chromium.pdf")]
    [InlineData("html/portal-county-bureau-2021.html")]
    [InlineData("fused/crawled-2023-oneline.txt")]
    public void An_expired_budget_returns_the_report_with_one_time_budget_error(string file)
    {
        var options = ReportParserOptions.Default with { TimeBudget = TimeSpan.FromTicks(1) };
        var result = Report.Parse(ReportSource.FromFile(Corpus(file)), options);
        result.Report.Should().NotBeNull();
        result.Diagnostics.Where(d => d.Code == DiagnosticCode.LimitExceeded && d.Message.Contains("time budget", StringComparison.Ordinal))
            .Should().NotBeEmpty(string.Join("\n", result.Diagnostics));
        result.Report.Requests.Should().BeNull("no table is read after the budget ran out");
    }

    [Fact]
    public async Task ParseAsync_gives_the_same_report_as_Parse()
    {
        var source = ReportSource.FromFile(Corpus("fused/crawled-2019-signed.txt"));
        var sync = Report.Parse(source);
        var async = await Report.ParseAsync(source);
        ReportParser.Export.ReportJson.Serialize(async).Should().Be(ReportParser.Export.ReportJson.Serialize(sync));
    }
}
