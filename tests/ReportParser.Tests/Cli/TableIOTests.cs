using ReportParser.Batch.IO;

namespace ReportParser.Tests.Cli;

/// <summary>The output writers read back what they wrote, in every format, including quoting and several Parquet row groups.</summary>
public sealed class TableIOTests : IDisposable
{
    private readonly string _dir = BatchFixture.TempDir("tableio");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static readonly string[] Columns = { "file", "message", "value" };

    private static List<string[]> Rows() => Enumerable.Range(0, 10).Select(i => new[]
    {
        $"a.zip!报告/{i}.txt", i % 3 == 0 ? "他说：\"不对\", 行\n二" : i % 3 == 1 ? " leading space" : "", i.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).ToList();

    [Fact]
    public void Parquet_round_trips_over_several_row_groups()
    {
        var path = Path.Combine(_dir, "t.parquet");
        using (var w = new ParquetTableWriter(path, Columns, rowGroupSize: 3))
        {
            foreach (var r in Rows()) w.Write(r);
        }
        using var reader = new ParquetTableReader(path);
        reader.Columns.Should().Equal(Columns);
        reader.Rows().Should().BeEquivalentTo(Rows(), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Csv_quotes_what_needs_quoting_and_reads_back()
    {
        var path = Path.Combine(_dir, "t.csv");
        using (var w = new CsvTableWriter(path, Columns, excelBom: false))
        {
            foreach (var r in Rows()) w.Write(r);
        }
        var text = File.ReadAllText(path);
        text.Should().StartWith("file,message,value\na.zip!报告/0.txt,\"他说：\"\"不对\"\", 行\n二\",0\na.zip!报告/1.txt,\" leading space\",1\na.zip!报告/2.txt,,2\n");
        using var reader = new CsvTableReader(path);
        reader.Columns.Should().Equal(Columns);
        reader.Rows().Should().BeEquivalentTo(Rows(), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Jsonl_writes_one_object_per_line_with_nulls_for_empty_values()
    {
        var path = Path.Combine(_dir, "t.jsonl");
        using (var w = new JsonlTableWriter(path, Columns))
        {
            foreach (var r in Rows()) w.Write(r);
        }
        var lines = File.ReadAllLines(path);
        lines.Should().HaveCount(10);
        lines[2].Should().Be("{\"file\":\"a.zip!报告/2.txt\",\"message\":null,\"value\":\"2\"}");
        using var reader = new JsonlTableReader(path, Columns);
        reader.Rows().Should().BeEquivalentTo(Rows(), o => o.WithStrictOrdering());
    }
}
