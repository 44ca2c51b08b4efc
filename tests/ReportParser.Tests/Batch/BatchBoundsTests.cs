using System.Text;
using ReportParser.Batch;

namespace ReportParser.Tests.Batch;

/// <summary>
/// The hostile inputs that once cost gigabytes, now through the batch (enumerator and per-file processing): each is
/// refused or cut by a limit before it is allocated, with its diagnostic, and the allocation of the whole step stays
/// within a bound (measured on the calling thread, where the enumerator and the parse run here).
/// </summary>
public sealed class BatchBoundsTests : BatchInputTestBase
{
    private const long MiB = 1024 * 1024;

    public BatchBoundsTests()
        : base("bounds")
    {
    }

    private static long Allocated(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static ExportOptions Options(string input) => new() { Inputs = [input], OutputDirectory = "unused" };

    [Fact]
    public void A_small_zip_holding_a_64_MiB_row_of_tabs_is_cut_at_the_row_limit_within_a_bounded_allocation()
    {
        var tabs = new byte[64 * MiB - 2];
        for (int i = 0; i < tabs.Length; i += 2) { tabs[i] = (byte)'1'; tabs[i + 1] = (byte)'\t'; }
        var zipBytes = RawZip.Build([new RawEntry("good.txt", ReportBytes(1)), new RawEntry("tabs.txt", tabs) { Deflate = true }]);
        zipBytes.Length.Should().BeLessThan(400_000);
        var zip = Write("tabs.zip", zipBytes);
        tabs = null;

        var outcomes = new List<FileOutcome>();
        long allocated = Allocated(() =>
        {
            foreach (var item in new InputEnumerator([zip]).Enumerate()) outcomes.Add(ReportExporter.Process(item, Options(zip)));
        });

        outcomes.Select(o => o.Item.Source).Should().Equal("good.txt", "tabs.txt");
        outcomes[0].Status.Should().Be(ReportStatus.Parsed);
        outcomes[1].Diagnostics.Should().Contain(d => d.Diagnostic.Code == DiagnosticCode.LimitExceeded && d.Diagnostic.Message.Contains("more than 1,000 cells"));
        // The entry (64 MiB) and its decoded text (128 MiB) are needed; the 32 Mi cells would be gigabytes.
        allocated.Should().BeLessThan(600 * MiB);
    }

    [Fact]
    public void A_page_of_colspan_1000_cells_in_a_zip_stays_within_the_cell_limits_and_a_bounded_allocation()
    {
        var sb = new StringBuilder("<html><body><p>一、总体情况</p>");
        for (int t = 0; t < 120; t++)
        {
            sb.Append("<table>");
            for (int r = 0; r < 10; r++)
            {
                sb.Append("<tr>");
                for (int c = 0; c < 40; c++) sb.Append("<td colspan=1000>1</td>");
                sb.Append("</tr>");
            }
            sb.Append("</table>");
        }
        var page = Encoding.UTF8.GetBytes(sb.Append("</body></html>").ToString());
        page.Length.Should().BeInRange(1_000_000, 1_200_000);
        var zip = Write("spans.zip", RawZip.Build([new RawEntry("spans.html", page) { Deflate = true }]));

        FileOutcome? outcome = null;
        long allocated = Allocated(() => outcome = ReportExporter.Process(new InputEnumerator([zip]).Enumerate().Single(), Options(zip)));

        outcome!.Diagnostics.Should().Contain(d => d.Diagnostic.Code == DiagnosticCode.LimitExceeded && d.Diagnostic.Message.Contains("more than 1,000,000 cells in all"));
        allocated.Should().BeLessThan(1024 * MiB);
    }

    [SkippableFact]
    public void A_link_to_dev_zero_and_a_stream_that_claims_less_than_it_holds_cost_no_more_than_the_limit()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/dev/zero"), "needs /dev/zero");
        var link = Path.Combine(Root, "zero.txt");
        File.CreateSymbolicLink(link, "/dev/zero");
        long allocated = Allocated(() =>
        {
            var item = new InputEnumerator([link]).Enumerate().Single();
            item.Reason.Should().Be("not a regular file (a character device)");
            ReportExporter.Process(item, Options(link)).Status.Should().Be(ReportStatus.Unreadable);
            // An InputFile made by hand still reads /dev/zero only as a regular file would be read: it is refused.
            new InputFile(0, "zero", "") { Path = "/dev/zero" }.Read(64 * MiB).Failure.Should().Be("not a regular file (a character device)");
        });
        allocated.Should().BeLessThan(8 * MiB);

        var liar = new ReportParser.Tests.Bounds.LazyStream(200 * MiB, claimed: 10);
        allocated = Allocated(() => RegularFile.Read(liar, 64 * MiB).Failure.Should().Be("the file holds more than 67,108,864 bytes, the limit"));
        liar.Served.Should().Be(64 * MiB + 1);
        allocated.Should().BeLessThan(200 * MiB);
    }
}
