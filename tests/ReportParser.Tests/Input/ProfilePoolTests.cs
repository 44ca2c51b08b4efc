using ReportParser.Input.Office;

namespace ReportParser.Tests.Input;

public class ProfilePoolTests
{
    [Fact]
    public void A_profile_given_back_usable_is_reused_and_a_broken_one_is_deleted()
    {
        var first = ProfilePool.Rent();
        var second = ProfilePool.Rent();
        Assert.NotEqual(first, second); // two conversions side by side never share a profile
        Assert.True(Directory.Exists(first));
        Assert.Contains($"reportparser-lo-profiles-{Environment.ProcessId}", first, StringComparison.Ordinal);

        ProfilePool.Return(second, usable: false);
        Assert.False(Directory.Exists(second));

        ProfilePool.Return(first, usable: true);
        var again = ProfilePool.Rent();
        Assert.Equal(first, again);
        ProfilePool.Return(again, usable: true);
    }

    [Fact]
    public void The_profiles_of_a_process_that_no_longer_runs_are_removed()
    {
        // A pid above the kernel's largest (4,194,304 on 64-bit Linux) never runs.
        var orphan = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "reportparser-lo-profiles-99999999", "1")).Parent!.FullName;
        ProfilePool.DeleteOrphans();
        Assert.False(Directory.Exists(orphan));
        var mine = ProfilePool.Rent();
        ProfilePool.DeleteOrphans();
        Assert.True(Directory.Exists(mine));
        ProfilePool.Return(mine, usable: true);
    }

    [SkippableFact]
    public void Conversions_in_a_row_give_the_same_document()
    {
        Skip.IfNot(OfficeTwinTests.LibreOfficeInstalled, "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui");
        var doc = File.ReadAllBytes(Path.Combine(Paths.Corpus, "doc", "qingshan-transport-2021.doc"));
        var first = Report.Parse(ReportSource.FromBytes(doc, "a.doc"));
        var second = Report.Parse(ReportSource.FromBytes(doc, "b.doc")); // on the profile the first one left
        Assert.False(first.HasErrors, string.Join("; ", first.Diagnostics));
        Assert.Equal(first.Report.Requests?.NewRequests.Total, second.Report.Requests?.NewRequests.Total);
        Assert.NotNull(second.Report.Requests?.NewRequests.Total);
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
    }
}
