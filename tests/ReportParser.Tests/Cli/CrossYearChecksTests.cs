using ReportParser.Export;
using ReportParser.Validation;

namespace ReportParser.Tests.Cli;

/// <summary>The cross-report checks over hand-made summaries.</summary>
public class CrossYearChecksTests
{
    private static CrossYearSummary Summary(long index, string file, string? agency, int? year, string hash, decimal? carriedOverNp, decimal? carriedForwardNp, int seed)
    {
        var values = new decimal?[ReportCellKeys.All.Count];
        values[ReportCellKeys.IndexOf("Requests.NewRequests.NaturalPerson")] = seed + 1;
        values[ReportCellKeys.IndexOf("Requests.Granted.NaturalPerson")] = seed + 2;
        values[ReportCellKeys.IndexOf("Requests.Total.NaturalPerson")] = seed + 3;
        values[ReportCellKeys.IndexOf("Requests.CarriedOver.NaturalPerson")] = carriedOverNp;
        values[ReportCellKeys.IndexOf("Requests.CarriedForward.NaturalPerson")] = carriedForwardNp;
        var carriedOver = new decimal?[CrossYearSummary.ApplicantColumns.Count];
        var carriedForward = new decimal?[CrossYearSummary.ApplicantColumns.Count];
        carriedOver[0] = carriedOverNp;
        carriedForward[0] = carriedForwardNp;
        return new CrossYearSummary(index, file, agency, year, hash, ReportFingerprints.Tables(values), carriedOver, carriedForward);
    }

    [Fact]
    public void Carry_over_mismatch_is_reported_on_the_later_year()
    {
        var findings = CrossYearChecks.Check(new[]
        {
            Summary(1, "b-2022.txt", "某 局", 2022, "h2", 4, 0, 20),
            Summary(0, "a-2021.txt", "某局", 2021, "h1", 0, 5, 10),
            Summary(2, "c-2023.txt", "某局", 2023, "h3", 0, 9, 30),
        });
        findings.Should().HaveCount(1);
        findings[0].File.Should().Be("b-2022.txt");
        findings[0].Diagnostic.Code.Should().Be(DiagnosticCode.CrossYearCarryOver);
        findings[0].Diagnostic.Rule.Should().Be("CrossYear.CarryOver");
        findings[0].Diagnostic.Severity.Should().Be(Severity.Warning);
        findings[0].Diagnostic.Message.Should().Be("二、上年结转 of 2022 differs from 四、结转下年度继续办理 of 2021 in a-2021.txt: 自然人 4 ≠ 5");
    }

    [Fact]
    public void Not_stated_values_and_other_agencies_are_not_compared()
    {
        CrossYearChecks.Check(new[]
        {
            Summary(0, "a.txt", "甲局", 2021, "h1", null, 5, 10),
            Summary(1, "b.txt", "乙局", 2022, "h2", 4, null, 20),
            Summary(2, "c.txt", "甲局", 2022, "h3", null, null, 30),
            Summary(3, "d.txt", null, 2022, "h4", 1, 1, 40),
        }).Should().BeEmpty();
    }

    [Fact]
    public void Identical_bytes_and_identical_tables_are_duplicates_or_copies()
    {
        var findings = CrossYearChecks.Check(new[]
        {
            Summary(0, "a.txt", "甲局", 2021, "same", 0, 0, 10),
            Summary(1, "a-again.txt", "甲局", 2021, "same", 0, 0, 10),
            Summary(2, "a.html", "甲局", 2021, "other-bytes", 0, 0, 10),
            Summary(3, "b.txt", "乙局", 2021, "b-bytes", 0, 0, 10),
            Summary(4, "c.txt", "丙局", 2021, "c-bytes", 0, 0, 11),
        });
        findings.Select(f => (f.File, f.Diagnostic.Code)).Should().Equal(
            ("a-again.txt", DiagnosticCode.DuplicateReport),
            ("a.html", DiagnosticCode.DuplicateReport),
            ("b.txt", DiagnosticCode.CopiedTables));
        findings[0].Diagnostic.Message.Should().Be("the same report as a.txt: the files are byte for byte identical");
        findings[2].Diagnostic.Message.Should().Contain("a.txt (甲局, 2021)").And.Contain("another agency");
    }

    [Fact]
    public void Tables_with_few_non_zero_cells_prove_no_copying()
    {
        var values = Enumerable.Repeat((decimal?)0m, ReportCellKeys.All.Count).ToArray();
        ReportFingerprints.Tables(values).Should().BeNull();
        values[0] = 1;
        values[1] = 2;
        ReportFingerprints.Tables(values).Should().BeNull();
        values[2] = 3;
        ReportFingerprints.Tables(values).Should().NotBeNull();
        values[3] = null;
        ReportFingerprints.Tables(values).Should().NotBe(ReportFingerprints.Tables(values.Select((v, i) => i == 3 ? 0m : v).ToArray()), "a not-stated cell differs from a zero");
    }
}
