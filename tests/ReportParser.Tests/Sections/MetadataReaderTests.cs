using ReportParser.Diagnostics;

namespace ReportParser.Tests.Sections;

/// <summary>The document forms the metadata reading notes: letters, statistics periods shorter than a year, years that disagree.</summary>
public class MetadataReaderTests
{
    private const string Body = "\n一、总体情况\n\n本年度依法做好政府信息公开工作。\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n"
        + "四、政府信息公开行政复议、行政诉讼情况\n\n五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n\n无。\n";

    private static ReportParseResult Parse(string text) => Report.Parse(ReportSource.FromText(text));

    [Fact]
    public void A_report_written_as_a_letter_keeps_the_agency_and_notes_the_addressee()
    {
        var result = Parse("北山区生态环境局关于报送2022年度政府信息公开工作年度报告的函\n\n北山区人民政府办公室：\n\n现将我局年度报告报送你办。\n" + Body + "\n此函。\n\n北山区生态环境局\n2023年1月12日\n");
        result.Report.Metadata.Agency.Should().Be("北山区生态环境局");
        result.Report.Metadata.Year.Should().Be(2022);
        var d = result.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCode.LetterForm).Which;
        d.Severity.Should().Be(Severity.Info);
        d.Location.Line.Should().Be(1);
        d.Message.Should().Contain("北山区人民政府办公室");
    }

    [Fact]
    public void A_title_ending_in_a_letter_word_without_an_addressee_is_no_letter()
    {
        var result = Parse("北山区生态环境局关于报送2022年度政府信息公开工作年度报告的函\n" + Body);
        result.Diagnostics.Should().NotContain(x => x.Code == DiagnosticCode.LetterForm);
    }

    [Theory]
    [InlineData("所列数据的统计期限为2020年7月1日至12月31日。", 184)]
    [InlineData("本报告统计期限自2020年1月1日起至2020年6月30日止。", 182)]
    public void A_statistics_period_shorter_than_a_year_is_noted_with_its_days(string sentence, int days)
    {
        var result = Parse("云川新区政务服务局2020年政府信息公开工作年度报告\n\n" + sentence + "\n" + Body);
        result.Report.Metadata.Year.Should().Be(2020);
        var d = result.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCode.PartialPeriod).Which;
        d.Location.Line.Should().Be(3);
        d.Message.Should().Contain($"is {days} days");
        result.Diagnostics.Should().NotContain(x => x.Code == DiagnosticCode.YearDisagreement);
    }

    [Fact]
    public void A_calendar_year_period_of_the_titles_year_is_not_noted()
    {
        var result = Parse("平湖县农业农村局2023年政府信息公开工作年度报告\n\n统计期限自2023年1月1日起至2023年12月31日止。\n" + Body);
        result.Diagnostics.Should().NotContain(x => x.Code == DiagnosticCode.PartialPeriod || x.Code == DiagnosticCode.YearDisagreement);
    }

    [Fact]
    public void A_period_in_another_year_than_the_title_is_a_warning_and_the_titles_year_is_kept()
    {
        var result = Parse("平湖县农业农村局2023年政府信息公开工作年度报告\n\n统计期限自2022年1月1日起至2022年12月31日止。\n" + Body);
        result.Report.Metadata.Year.Should().Be(2023);
        var d = result.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCode.YearDisagreement).Which;
        d.Severity.Should().Be(Severity.Warning);
        d.Message.Should().Be("the title names 2023 but the statistics period is '2022年1月1日起至2022年12月31日'; the report year is kept as the title's 2023");
    }
}
