using System.Text;

namespace ReportParser.Tests.Api;

public class ApiTests
{
    private static string Sample => Path.Combine(Paths.Corpus, "text", "000_b4f43ef4f0df1505.txt");

    [Fact]
    public void Readme_quick_start_works()
    {
        var result = Report.Parse(ReportSource.FromFile(Sample));
        AnnualReport report = result.Report;
        report.Metadata.Agency.Should().Be("郑州市生态环境局经开分局");
        report.Metadata.Year.Should().Be(2021);
        report.Metadata.Template.ToKey().Should().Be("2021");
        long? granted = report.Requests?.Granted.Total;
        granted.Should().BeNull("the sample's 予以公开 row carries six values: 总计 is not stated");
        report.ProactiveDisclosure!.LicensingDecisions.Should().Be(43);
        report.ProactiveDisclosure.FeesAmountTenThousandYuan.Should().Be(0m);
        ReportCell? cell = report.Requests?["Denied.StateSecret", "NaturalPerson"];
        cell!.Value.Should().Be(0m);
        cell.Raw.Should().Be("0");
        cell.Location.Should().Be(new SourceLocation(47, 20));
    }

    [Fact]
    public void Path_stream_bytes_and_string_sources_agree()
    {
        var bytes = File.ReadAllBytes(Sample);
        var a = Report.Parse(ReportSource.FromFile(Sample));
        using var stream = new MemoryStream(bytes);
        var b = Report.Parse(ReportSource.FromStream(stream, "s"));
        var c = Report.Parse(ReportSource.FromText(Encoding.UTF8.GetString(bytes)));
        foreach (var other in new[] { b, c })
        {
            other.Report.Tables.SelectMany(t => t.Cells).Select(x => (x.Key, x.Value))
                .Should().Equal(a.Report.Tables.SelectMany(t => t.Cells).Select(x => (x.Key, x.Value)));
            other.Diagnostics.Select(d => (d.Code, d.Location)).Should().Equal(a.Diagnostics.Select(d => (d.Code, d.Location)));
        }
    }

    [Fact]
    public void Parse_is_thread_safe()
    {
        var text = File.ReadAllText(Sample);
        var expected = Report.ParseText(text).Diagnostics.Count;
        Parallel.For(0, 64, _ => Report.ParseText(text).Diagnostics.Count.Should().Be(expected));
    }

    [Fact]
    public void Caller_mistakes_throw_and_documents_do_not()
    {
        FluentActions.Invoking(() => Report.Parse(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Report.ParseText("x", options: ReportParserOptions.Default with { MaxLines = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>();
        foreach (var doc in new[] { "", "   ", "\0\0\0", "随便一段文字", "一、总体情况\n三、", "\t\t\t\n\t" })
        {
            var r = Report.ParseText(doc);
            r.Report.Should().NotBeNull();
        }
    }

    [Fact]
    public void Empty_and_non_report_inputs_get_one_clear_error()
    {
        Report.Parse(ReportSource.FromBytes(Array.Empty<byte>(), "empty")).Diagnostics.Should().ContainSingle()
            .Which.Code.Should().Be(DiagnosticCode.EmptyInput);
        var notReport = Report.ParseText("今天天气很好。\n我们去公园散步。");
        notReport.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.NotAReport);
        notReport.HasErrors.Should().BeTrue();
        FluentActions.Invoking(() => notReport.ThrowIfErrors()).Should().Throw<ReportParseException>();
    }

    [Fact]
    public void Input_limits_give_a_diagnostic()
    {
        var r = Report.Parse(ReportSource.FromBytes(new byte[2048], "big"), ReportParserOptions.Default with { MaxInputBytes = 1024 });
        r.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCode.LimitExceeded);
        var lines = Report.ParseText(string.Join('\n', Enumerable.Repeat("一、总体情况", 50)), options: ReportParserOptions.Default with { MaxLines = 10 });
        lines.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded);
        var sample = File.ReadAllText(Sample);
        var cut = Report.ParseText(sample, options: ReportParserOptions.Default with { MaxTableCells = 100 });
        cut.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded && d.Severity == Severity.Error && d.Message.Contains("cut after"));
        cut.Report.Requests.Should().NotBeNull("the rest of the report is still returned");
        var few = Report.ParseText(sample, options: ReportParserOptions.Default with { MaxTables = 1 });
        few.Report.ProactiveDisclosure.Should().NotBeNull();
        few.Report.Requests.Should().BeNull();
        few.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded);
        var slow = Report.ParseText(sample, options: ReportParserOptions.Default with { TimeBudget = TimeSpan.FromTicks(1) });
        slow.Diagnostics.Should().Contain(d => d.Code == DiagnosticCode.LimitExceeded && d.Message.Contains("time budget"));
    }

    [Fact]
    public void Public_surface_is_the_reviewed_list()
    {
        var names = typeof(Report).Assembly.GetExportedTypes().Where(t => t.DeclaringType != typeof(ReportParser.Template.CellKeys) && t.DeclaringType?.DeclaringType != typeof(ReportParser.Template.CellKeys)).Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        names.Should().Equal(
            "ReportParser.AnnualReport",
            "ReportParser.ApplicantCounts",
            "ReportParser.Batch.ColumnNames",
            "ReportParser.Batch.ExportFolderException",
            "ReportParser.Batch.ExportFormat",
            "ReportParser.Batch.ExportOptions",
            "ReportParser.Batch.ExportProgress",
            "ReportParser.Batch.ExportSummary",
            "ReportParser.Batch.FileParseRunner",
            "ReportParser.Batch.InputEnumerator",
            "ReportParser.Batch.InputFile",
            "ReportParser.Batch.MergeOptions",
            "ReportParser.Batch.ParsedFile",
            "ReportParser.Batch.QualityReport",
            "ReportParser.Batch.ReportExporter",
            "ReportParser.Batch.Shard",
            "ReportParser.Batch.ShardMergeException",
            "ReportParser.BoundingBox",
            "ReportParser.CellMethod",
            "ReportParser.CellMethodText",
            "ReportParser.Diagnostic",
            "ReportParser.DiagnosticCategory",
            "ReportParser.DiagnosticCode",
            "ReportParser.Export.AgencyNames",
            "ReportParser.Export.CellLabels",
            "ReportParser.Export.CellRow",
            "ReportParser.Export.Codebook",
            "ReportParser.Export.CodebookEntry",
            "ReportParser.Export.ColumnType",
            "ReportParser.Export.ColumnTypes",
            "ReportParser.Export.DiagnosticRow",
            "ReportParser.Export.ExportTables",
            "ReportParser.Export.FileRow",
            "ReportParser.Export.IndicatorDefinition",
            "ReportParser.Export.IndicatorKind",
            "ReportParser.Export.IndicatorRow",
            "ReportParser.Export.IndicatorTerm",
            "ReportParser.Export.Indicators",
            "ReportParser.Export.Panel",
            "ReportParser.Export.PanelRow",
            "ReportParser.Export.ReportCellKeys",
            "ReportParser.Export.ReportFigures",
            "ReportParser.Export.ReportFingerprints",
            "ReportParser.Export.ReportJson",
            "ReportParser.Export.ReportJsonOptions",
            "ReportParser.Export.RowSchema",
            "ReportParser.Export.RowSchema`1",
            "ReportParser.Export.WideReportRow",
            "ReportParser.IPageOcr",
            "ReportParser.IReportRule",
            "ReportParser.OcrAlternative",
            "ReportParser.OcrBox",
            "ReportParser.OcrCharacter",
            "ReportParser.OcrImage",
            "ReportParser.OcrPage",
            "ReportParser.OcrRuling",
            "ReportParser.OcrWord",
            "ReportParser.OfficeConverter",
            "ReportParser.OutcomeCounts",
            "ReportParser.ProactiveDisclosureTable",
            "ReportParser.ProseStatement",
            "ReportParser.RawCell",
            "ReportParser.RawTable",
            "ReportParser.Report",
            "ReportParser.ReportCell",
            "ReportParser.ReportMetadata",
            "ReportParser.ReportParseException",
            "ReportParser.ReportParseResult",
            "ReportParser.ReportParserOptions",
            "ReportParser.ReportRow",
            "ReportParser.ReportSection",
            "ReportParser.ReportSource",
            "ReportParser.ReportStatus",
            "ReportParser.ReportStatusText",
            "ReportParser.ReportTable",
            "ReportParser.ReportTemplate",
            "ReportParser.RequestsTable",
            "ReportParser.ReviewLitigationTable",
            "ReportParser.RuleContext",
            "ReportParser.SectionKind",
            "ReportParser.SentenceFingerprint",
            "ReportParser.Severity",
            "ReportParser.SourceFormat",
            "ReportParser.SourceLocation",
            "ReportParser.TableFingerprint",
            "ReportParser.Template.CellDefinition",
            "ReportParser.Template.CellKeys",
            "ReportParser.Template.ColumnDefinition",
            "ReportParser.Template.RowDefinition",
            "ReportParser.Template.ShortNames",
            "ReportParser.Template.TableDefinition",
            "ReportParser.Template.TemplateSchema",
            "ReportParser.TemplateKeys",
            "ReportParser.Validation.BlankAsZero",
            "ReportParser.Validation.CrossReportFinding",
            "ReportParser.Validation.CrossYearChecks",
            "ReportParser.Validation.CrossYearSummary",
            "ReportParser.Validation.NonNegativeRule",
            "ReportParser.Validation.ProseTableRule",
            "ReportParser.Validation.QualityChecks",
            "ReportParser.Validation.ReportRules",
            "ReportParser.Validation.RequestsBalanceRule",
            "ReportParser.Validation.RequestsOutcomeTotalRule",
            "ReportParser.Validation.RequestsRowTotalRule",
            "ReportParser.Validation.ReviewLitigationGroupTotalRule",
            "ReportParser.ValueKind");
    }
}
