using System.Text.RegularExpressions;
using ReportParser.Export;
using ReportParser.Template;

namespace ReportParser.Tests.Export;

/// <summary>The codebook and the short names: generated from the template definition, checked against it and against TEMPLATE.md.</summary>
public sealed partial class CodebookTests
{
    private static List<CodebookEntry> Cells => Codebook.Entries.Where(e => e.Table == "reports" && e.Templates.Length > 0).ToList();

    [Fact]
    public void Lists_every_cell_key_of_the_template_schema_once_in_order()
    {
        Cells.Select(e => e.Column).Should().Equal(TemplateSchema.AllCellKeys);
        Codebook.Entries.Should().HaveCount(ExportTables.Written.Sum(t => t.Columns.Count));
        Codebook.Entries.Where(e => e.Table == "files").Select(e => e.Column).Should().Equal(FileRow.Schema.Columns);
    }

    [Fact]
    public void Describes_counts_amounts_and_the_crosswalk()
    {
        var byKey = Cells.ToDictionary(e => e.Column);
        var granted = byKey["Requests.Granted.Total"];
        granted.ShortName.Should().Be("req_granted_total");
        granted.Type.Should().Be(ColumnType.Int64);
        granted.Unit.Should().Be("件");
        granted.Templates.Should().Be("both");
        granted.RowLabel.Should().Be("予以公开");
        granted.ColumnLabel.Should().Be("总计");
        granted.Crosswalk.Should().StartWith("comparable");
        var fees = byKey["ProactiveDisclosure.Fees.AmountTenThousandYuan"];
        (fees.Type, fees.Unit, fees.Templates).Should().Be((ColumnType.Decimal, "万元", "2021"));
        byKey["ProactiveDisclosure.CentralProcurement.AmountYuan"].Unit.Should().StartWith("as printed");
        byKey["ProactiveDisclosure.Fees.PreviousYear"].Crosswalk.Should().Contain("fee items");
        byKey["Requests.Other.Total"].Templates.Should().Be("2019");
        byKey["Requests.Other.Total"].Crosswalk.Should().Contain("Requests.Other.*");
        byKey["Requests.Other.FeeUnpaid.NaturalPerson"].Templates.Should().Be("2021");
        byKey["Requests.Denied.StateSecret.Total"].RowLabel.Should().Be("不予公开 属于国家秘密");
        byKey["ReviewLitigation.Cases.Litigation.AfterReview.Corrected"].ColumnLabel.Should().Be("行政诉讼 复议后起诉 结果纠正");
        Codebook.Entries.Single(e => e.Table == "reports" && e.Column == "published_on").Type.Should().Be(ColumnType.Date);
    }

    [Fact]
    public void Short_names_are_unique_short_lower_case_ascii_identifiers()
    {
        var names = TemplateSchema.AllCellKeys.Select(ShortNames.Of).ToList();
        names.Should().OnlyHaveUniqueItems();
        names.Should().OnlyContain(n => n.Length <= ShortNames.MaxLength && ShortName().IsMatch(n));
        var metadata = WideReportRow.Schema.Columns.Take(WideReportRow.MetadataColumnCount);
        names.Intersect(metadata).Should().BeEmpty();
        ShortNames.Of("Requests.NewRequests.NaturalPerson").Should().Be("req_new_np");
        ShortNames.Of("ReviewLitigation.Cases.Review.Corrected").Should().Be("rl_review_corrected");
        ShortNames.Of("ProactiveDisclosure.Regulations.Issued").Should().Be("pd_regulations_issued");
        ShortNames.Of("Requests.NotProcessed.Confirmation.OtherOrg").Should().Be("req_notproc_confirmation_oth_org");
        FluentActions.Invoking(() => ShortNames.Of("Requests.Nothing.Total")).Should().Throw<KeyNotFoundException>();
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ShortName();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [SkippableFact]
    public void Matches_the_keys_of_TEMPLATE_md()
    {
        var text = File.ReadAllText(Paths.RequireShared("TEMPLATE.md"));
        int from = text.IndexOf("## Table 二", StringComparison.Ordinal), to = text.IndexOf("## Consistency rules", StringComparison.Ordinal);
        from.Should().BePositive();
        var tables = text[from..to];

        // Every key part TEMPLATE.md names in the table sections, and no other, makes up the codebook's keys.
        var documented = Backticked().Matches(tables).SelectMany(m => m.Groups[1].Value.Split('.')).Where(p => p != "*").ToHashSet(StringComparer.Ordinal);
        var coded = Cells.SelectMany(e => e.Column.Split('.').Skip(1)).ToHashSet(StringComparer.Ordinal);
        coded.Should().BeEquivalentTo(documented);

        // Table 三 key for key: every documented row times every documented column.
        int requests = tables.IndexOf("## Table 三", StringComparison.Ordinal), review = tables.IndexOf("## Table 四", StringComparison.Ordinal);
        var section = tables[requests..review];
        var columnsText = section[..section.IndexOf("Rows", StringComparison.Ordinal)];
        var columns = Backticked().Matches(columnsText).Select(m => m.Groups[1].Value).ToList();
        var rows = section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => Backticked().Match(l).Groups[1].Value).ToList();
        rows.Should().HaveCount(26);
        var expected = rows.SelectMany(r => columns.Select(c => $"Requests.{r}.{c}"));
        Cells.Select(e => e.Column).Where(k => k.StartsWith("Requests.", StringComparison.Ordinal)).Should().BeEquivalentTo(expected);
    }

    [SkippableFact]
    public void Matches_tables_two_and_four_of_TEMPLATE_md_key_for_key_with_their_templates()
    {
        var text = File.ReadAllText(Paths.RequireShared("TEMPLATE.md"));
        int two = text.IndexOf("## Table 二", StringComparison.Ordinal), three = text.IndexOf("## Table 三", StringComparison.Ordinal);
        int four = text.IndexOf("## Table 四", StringComparison.Ordinal), rules = text.IndexOf("## Consistency rules", StringComparison.Ordinal);
        var section = text[two..three];
        int split = section.IndexOf("2019 template:", StringComparison.Ordinal);
        split.Should().BePositive();

        // Table 二: every row key of a line times its columns ("same" repeats the line above), per template.
        var expected = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (part, template) in new[] { (section[..split], "2021"), (section[split..], "2019") })
        {
            var columns = new List<string>();
            foreach (var line in part.Split('\n').Where(l => l.StartsWith('|') && l.Contains('`')))
            {
                var cells = line.Split('|');
                var rowKeys = Backticked().Matches(cells[2]).Select(m => m.Groups[1].Value).ToList();
                if (!cells[4].TrimStart().StartsWith("same", StringComparison.Ordinal)) columns = Backticked().Matches(cells[4]).Select(m => m.Groups[1].Value).ToList();
                foreach (var key in rowKeys.SelectMany(r => columns.Select(c => $"ProactiveDisclosure.{r}.{c}")))
                {
                    if (!expected.TryGetValue(key, out var set)) expected[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                    set.Add(template);
                }
            }
        }
        expected.Should().HaveCount(29);
        var coded = Cells.Where(e => e.Column.StartsWith("ProactiveDisclosure.", StringComparison.Ordinal)).ToDictionary(e => e.Column, e => e.Templates);
        coded.Keys.Should().BeEquivalentTo(expected.Keys);
        foreach (var (key, set) in expected) coded[key].Should().Be(set.Count == 2 ? "both" : set.Single(), key);

        // Table 四: the three groups times the five outcomes TEMPLATE.md names, in both templates.
        var review = text[four..rules];
        var outcomes = new[] { "Upheld", "Corrected", "Other", "Pending", "Total" };
        outcomes.Should().OnlyContain(o => review.Contains($"`{o}`", StringComparison.Ordinal) || review.Contains($"`Review.{o}`", StringComparison.Ordinal));
        var groups = new[] { "Review", "Litigation.Direct", "Litigation.AfterReview" };
        groups.Should().OnlyContain(g => review.Contains($"`{g}", StringComparison.Ordinal));
        var keys = groups.SelectMany(g => outcomes.Select(o => $"ReviewLitigation.Cases.{g}.{o}"));
        Cells.Where(e => e.Column.StartsWith("ReviewLitigation.", StringComparison.Ordinal)).Select(e => (e.Column, e.Templates))
            .Should().BeEquivalentTo(keys.Select(k => (k, "both")));
    }

    [Fact]
    public void Cells_carry_the_template_labels_and_units_of_the_codebook()
    {
        CellLabels.Label("Requests", "Granted", "Total").Should().Be("予以公开 / 总计");
        CellLabels.Label("ReviewLitigation", "Cases", "Litigation.AfterReview.Corrected").Should().Be("行政诉讼 复议后起诉 结果纠正");
        CellLabels.Of("ProactiveDisclosure", "Fees", "AmountTenThousandYuan")!.Value.Unit.Should().Be("万元");
        CellLabels.Label("Requests", "Nothing", "Total").Should().BeNull();
        foreach (var e in Cells)
        {
            var parts = TemplateSchema.Cell(e.Column);
            CellLabels.Label(parts.Table.Key, parts.Row.Key, parts.Column.Key).Should().Be(CellLabels.Join(e.RowLabel, e.ColumnLabel));
            CellLabels.Of(parts.Table.Key, parts.Row.Key, parts.Column.Key)!.Value.Unit.Should().Be(e.Unit);
        }
        var result = Report.ParseText(ReportParser.Tests.Cli.BatchFixture.BaseText, "seed.txt");
        var cell = CellRow.From(result).First(c => c.Row == "Denied.StateSecret" && c.Column == "NaturalPerson");
        var fields = CellRow.Schema.Fields(cell);
        CellRow.Schema.Columns.Skip(12).Take(3).Should().Equal("label", "unit", "assumed_zero");
        fields.Skip(12).Take(3).Should().Equal("不予公开 属于国家秘密 / 自然人", "件", null);
    }

    [Fact]
    public void Docs_codebook_md_is_the_generated_text()
    {
        var path = Path.Combine(Paths.RepoRoot, "docs", "codebook.md");
        var generated = Codebook.ToMarkdown();
        if (Environment.GetEnvironmentVariable("REPORTPARSER_ACCEPT") == "1") File.WriteAllText(path, generated);
        File.ReadAllText(path).Should().Be(generated, "docs/codebook.md is generated; run the tests with REPORTPARSER_ACCEPT=1 to rewrite it");
    }
}
