using ReportParser.Sections;
using ReportParser.Text;
using Sprache;

namespace ReportParser.Tests.Sections;

/// <summary>The figures of prose (quantity, unit, what it counts) and the conservative links to table cells.</summary>
public class ProseGrammarTests
{
    [Theory]
    [InlineData("859", 859)]
    [InlineData("1,234", 1234)]
    [InlineData("3.5", 3.5)]
    [InlineData("８５９", 859)]
    [InlineData("两", 2)]
    [InlineData("十二", 12)]
    [InlineData("一百零三", 103)]
    [InlineData("三千五百", 3500)]
    [InlineData("二万三千", 23000)]
    public void Quantity_reads_arabic_and_chinese_numbers(string text, double value)
        => ChineseSyntax.Quantity.End().Parse(text).Value.Should().Be((decimal)value);

    [Theory]
    [InlineData("二三")]
    [InlineData("百")]
    [InlineData("十十")]
    [InlineData("万万")]
    public void Malformed_chinese_counts_are_not_quantities(string text)
        => ChineseSyntax.CountValue(text).Should().BeNull();

    [Fact]
    public void A_clause_gives_each_figure_with_its_unit_and_words()
    {
        var f = ProseGrammar.Figures("涉及自然人80件、商业企业1件，占33.9%，收取行政事业性收费3.5万元");
        f.Select(x => (x.Value, x.Unit, x.Lead)).Should().Equal((80m, "件", "涉及自然人"), (1m, "件", "商业企业"), (33.9m, "%", "占"), (3.5m, "万元", "收取行政事业性收费"));
        f[0].Start.Should().Be(5);
    }

    [Theory]
    [InlineData("根据条例第四十九条")]
    [InlineData("依照第3条规定")]
    [InlineData("推进一件事一次办")]
    [InlineData("大家一起研究")]
    [InlineData("行政规范性文件77132470312件")]
    public void Ordinals_words_and_fused_runs_are_not_figures(string clause)
        => ProseGrammar.Figures(clause).Should().BeEmpty();

    private static ProseStatement Read(string sentence, SectionKind section = SectionKind.Overview, int year = 2023, ReportTemplate template = ReportTemplate.V2021)
    {
        var split = new SplitDocument(Array.Empty<ReportParser.Input.Block>(), new[]
        {
            new SplitSection(section, 1, "一、总体情况", new SourceLocation(1, 1), new ReportParser.Input.Block[] { new ReportParser.Input.ParagraphBlock(sentence, new SourceLocation(3, 1)) }),
        });
        return ProseReader.Read(split, year, template, exactColumns: true).Last();
    }

    [Theory]
    [InlineData("全年共受理政府信息公开申请859件", "NewRequests", "Requests.NewRequests.Total")]
    [InlineData("2023年，本机关新收政府信息公开申请12件", "NewRequests", "Requests.NewRequests.Total")]
    [InlineData("全年共受理政府信息公开申请859件，其中予以公开258件", "Granted", "Requests.Granted.Total")]
    [InlineData("全年共受理政府信息公开申请859件，部分公开6件", "PartiallyGranted", "Requests.PartiallyGranted.Total")]
    [InlineData("本年度共办结政府信息公开申请80件", "Handled", "Requests.Total.Total")]
    [InlineData("本年度发布行政规范性文件6条", "NormativeDocumentsIssued", "ProactiveDisclosure.NormativeDocuments.Issued")]
    [InlineData("全年作出行政处罚决定217起", "Penalties", "ProactiveDisclosure.Penalties.Decisions")]
    [InlineData("因政府信息公开被申请行政复议7件", "Reviews", "ReviewLitigation.Cases.Review.Total")]
    [InlineData("收取行政事业性收费12.5万元", "Fees", "ProactiveDisclosure.Fees.AmountTenThousandYuan")]
    public void Unambiguous_statements_are_linked_to_their_cell(string sentence, string topic, string key)
    {
        var s = Read(sentence);
        s.Topic.Should().Be(topic);
        s.Restates.Should().Equal(key);
    }

    [Fact]
    public void Lawsuits_restate_both_litigation_groups()
        => Read("因政府信息公开被提起行政诉讼3件").Restates.Should().Equal("ReviewLitigation.Cases.Litigation.Direct.Total", "ReviewLitigation.Cases.Litigation.AfterReview.Total");

    [Fact]
    public void Received_requests_may_also_count_the_carried_over_ones()
        => Read("全年共受理政府信息公开申请859件").OrRestates.Should().Equal("Requests.NewRequests.Total", "Requests.CarriedOver.Total");

    [Theory]
    [InlineData("共受理政府信息公开申请859件")] // no year named: may be cumulative
    [InlineData("2023年，区政府办代表区政府受理政府信息公开申请17件")] // a part of the agency
    [InlineData("全年共受理申请859件")] // not said to be information-disclosure requests
    [InlineData("全年通过网络申请20件")] // one channel
    [InlineData("其中：予以公开及部分公开42件")] // two rows together
    [InlineData("清理并集中发布现行有效行政规范性文件393件")] // in force, not issued
    [InlineData("全年办理行政复议案件1234件")] // not about information disclosure
    [InlineData("公示行政处罚信息217条")] // publicised items, not decisions
    [InlineData("依申请公开信息数142条")]
    [InlineData("累计受理政府信息公开申请3000件")]
    [InlineData("按时办结率100%")]
    public void Ambiguous_statements_are_kept_but_not_linked(string sentence)
    {
        var s = Read(sentence);
        s.IsLinked.Should().BeFalse(s.Topic);
        s.Text.Should().Be(sentence.Trim());
    }

    [Fact]
    public void A_statement_keeps_its_text_number_unit_and_location()
    {
        var s = Read("全年共受理政府信息公开申请859件，占33.9%");
        (s.Quantity, s.Unit, s.Counts, s.Section).Should().Be((33.9m, "%", "占", "Overview"));
        s.Location.Should().Be(new SourceLocation(3, 20));
    }
}
