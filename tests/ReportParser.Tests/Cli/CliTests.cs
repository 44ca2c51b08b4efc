using System.Text.Json;
using ReportParser.Cli;

namespace ReportParser.Tests.Cli;

public class CliTests
{
    private static string Sample => Path.Combine(Paths.Corpus, "text", "000_b4f43ef4f0df1505.txt");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Export_writes_every_cell_of_the_sample()
    {
        var dir = Directory.CreateTempSubdirectory("rp-export-").FullName;
        try
        {
            var (code, _, err) = Run("export", Sample, "--out", dir);
            code.Should().Be(0, err);
            var lines = File.ReadAllLines(Path.Combine(dir, "cells.csv"));
            lines[0].Should().Be("file,agency,year,template,table,row,column,value,raw,line,source,page,label,unit,assumed_zero,method,confidence");
            var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
            rows.Count(r => r[4] == "Requests").Should().Be(25 * 7);
            rows.Count(r => r[4] == "ReviewLitigation").Should().Be(15);
            rows.Count(r => r[4] == "ProactiveDisclosure").Should().Be(10);
            rows.Should().OnlyContain(r => r[1] == "郑州市生态环境局经开分局" && r[2] == "2021" && r[3] == "2021");
            string Value(string table, string row, string col) => rows.Single(r => r[4] == table && r[5] == row && r[6] == col)[7];
            Value("ProactiveDisclosure", "Licensing", "Decisions").Should().Be("43");
            Value("ProactiveDisclosure", "Penalties", "Decisions").Should().Be("");
            Value("ProactiveDisclosure", "Enforcement", "Decisions").Should().Be("");
            Value("ProactiveDisclosure", "Fees", "AmountTenThousandYuan").Should().Be("0");
            Value("Requests", "NewRequests", "Total").Should().Be("");
            Value("Requests", "Denied.ThirdParty", "Total").Should().Be("0");
            rows.Where(r => r[4] == "Requests" && r[7] != "").Should().OnlyContain(r => r[7] == "0");
            rows.Count(r => r[4] == "Requests" && r[7] == "").Should().Be(7);
            rows.Where(r => r[4] == "ReviewLitigation").Should().OnlyContain(r => r[7] == "0" && r[9] == "75");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Check_names_every_broken_rule_and_exits_by_severity()
    {
        var (code, output, _) = Run("check", Path.Combine(Paths.Corpus, "text", "jiangchuan-nr-2023-broken-rules.txt"));
        code.Should().Be(0, "rule failures are warnings");
        foreach (var rule in new[] { "Requests.Balance", "Requests.RowTotal", "Requests.OutcomeTotal", "ReviewLitigation.GroupTotal", "Values.NonNegative" })
            output.Should().Contain(" " + rule + ": ");
        output.Should().Contain("line 58, col 25: warning RP4001 Requests.Balance: column 法律服务机构");

        var bad = Path.Combine(Path.GetTempPath(), $"rp-empty-{Guid.NewGuid():N}.txt");
        File.WriteAllText(bad, "");
        try
        {
            Run("check", bad).Code.Should().Be(1);
        }
        finally
        {
            File.Delete(bad);
        }
        Run("check", "/nonexistent/file.txt").Code.Should().Be(2);
        Run("frobnicate").Code.Should().Be(2);
    }

    [Fact]
    public void Parse_writes_indented_json_with_template_keys_and_unescaped_chinese()
    {
        var (code, output, _) = Run("parse", Sample);
        code.Should().Be(0);
        output.Should().Contain("\"Agency\": \"郑州市生态环境局经开分局\"");
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("Metadata").GetProperty("Template").GetString().Should().Be("2021");
        root.GetProperty("ProactiveDisclosure").GetProperty("Licensing").GetProperty("Decisions").GetProperty("Value").GetDecimal().Should().Be(43);
        root.GetProperty("Requests").GetProperty("Denied.StateSecret").GetProperty("NaturalPerson").GetProperty("Raw").GetString().Should().Be("0");
        root.GetProperty("Diagnostics")[0].GetProperty("Code").GetString().Should().Be("RP2003");
    }
}
