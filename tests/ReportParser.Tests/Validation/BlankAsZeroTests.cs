using ReportParser.Batch;
using ReportParser.Tests.Cli;
using ReportParser.Tests.Export;
using ReportParser.Validation;

namespace ReportParser.Tests.Validation;

/// <summary>The blank-as-zero view adds a marking column and re-checked rules (RP4091, RP4092); it never replaces a value or a finding.</summary>
public sealed class BlankAsZeroTests : IDisposable
{
    private readonly string _root = BatchFixture.TempDir("blank-zero");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Rules_not_checkable_as_published_hold_or_break_with_blanks_read_as_zero()
    {
        var seed = Report.ParseText(BatchFixture.BaseText, "seed.txt");
        var views = BlankAsZero.Recheck(seed.Report, seed.Diagnostics);
        views.Select(d => (d.Code, d.Severity, d.Rule)).Should().Equal(
            (DiagnosticCode.BlankAsZeroHolds, Severity.Info, "Requests.RowTotal"),
            (DiagnosticCode.BlankAsZeroHolds, Severity.Info, "Requests.OutcomeTotal"),
            (DiagnosticCode.BlankAsZeroHolds, Severity.Info, "Requests.Balance"));
        views[0].Message.Should().Be("Requests.RowTotal holds with the 7 blank cell(s) read as 0 (not checkable as published)");
        seed.Report.Value("Requests.NewRequests.Total").Should().BeNull("the view never replaces a value");
        BlankAsZero.Assume(seed.Report).Value("Requests.NewRequests.Total").Should().Be(0);
        BlankAsZero.Assume(seed.Report).Value("ProactiveDisclosure.Penalties.Decisions").Should().BeNull("a missing row is not a blank cell");

        var requests = IndicatorFixture.Requests();
        requests[12] = requests[12][..6]; // 无法提供 本机关不掌握: 总计 (6) left blank
        var text = IndicatorFixture.Text("甲市乙局", 2021, requests, IndicatorFixture.Review(), [3, 1, 20], [5, 2, 40]);
        var blank = Report.ParseText(text, "blank.txt");
        var broken = BlankAsZero.Recheck(blank.Report, blank.Diagnostics);
        broken.Should().OnlyContain(d => d.Code == DiagnosticCode.BlankAsZeroBroken && d.Severity == Severity.Warning && d.Message.StartsWith("with the 1 blank cell(s) read as 0: "));
        broken.Select(d => d.Rule).Should().BeEquivalentTo("Requests.RowTotal", "Requests.OutcomeTotal");
        var full = Report.ParseText(IndicatorFixture.Text("甲市乙局", 2021, IndicatorFixture.Requests(), IndicatorFixture.Review(), [3, 1, 20], [5, 2, 40]));
        BlankAsZero.Recheck(full.Report, full.Diagnostics).Should().BeEmpty("a report without blank cells has no view");
    }

    [Fact]
    public async Task The_export_marks_assumed_zeros_and_adds_the_view_only_when_asked()
    {
        var input = Path.Combine(_root, "seed.txt");
        File.WriteAllText(input, BatchFixture.BaseText);
        var plain = Path.Combine(_root, "plain");
        var view = Path.Combine(_root, "view");
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [input], OutputDirectory = plain });
        await ReportExporter.ExportAsync(new ExportOptions { Inputs = [input], OutputDirectory = view, BlankAsZero = true });

        var cells = BatchFixture.Read(view, "cells");
        var assumed = cells.Skip(1).Where(r => BatchFixture.Column(cells, r, "assumed_zero") == "1").ToList();
        assumed.Should().HaveCount(7);
        assumed.Should().OnlyContain(r => BatchFixture.Column(cells, r, "column") == "Total" && BatchFixture.Column(cells, r, "value") == "");
        BatchFixture.Read(plain, "cells").Skip(1).Select(r => r.Last()).Should().OnlyContain(v => v == "");
        BatchFixture.Read(view, "reports").Should().BeEquivalentTo(BatchFixture.Read(plain, "reports"), o => o.WithStrictOrdering());
        BatchFixture.Read(view, "indicators").Should().BeEquivalentTo(BatchFixture.Read(plain, "indicators"), o => o.WithStrictOrdering());

        var before = BatchFixture.Read(plain, "diagnostics");
        var after = BatchFixture.Read(view, "diagnostics");
        after.Take(before.Count).Should().BeEquivalentTo(before, o => o.WithStrictOrdering(), "the parser's findings are kept");
        after.Skip(before.Count).Select(r => r[1]).Should().Equal("RP4092", "RP4092", "RP4092");
    }
}
