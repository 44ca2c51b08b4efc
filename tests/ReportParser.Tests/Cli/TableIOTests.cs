using ReportParser.Batch.IO;
using ReportParser.Export;

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

    private static readonly ColumnType[] Types = { ColumnType.Text, ColumnType.Text, ColumnType.Int64 };

    private static List<string[]> Rows() => Enumerable.Range(0, 10).Select(i => new[]
    {
        $"a.zip!报告/{i}.txt", i % 3 == 0 ? "他说：\"不对\", 行\n二" : i % 3 == 1 ? " leading space" : "", i.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).ToList();

    [Fact]
    public void Parquet_round_trips_over_several_row_groups()
    {
        var path = Path.Combine(_dir, "t.parquet");
        using (var w = new ParquetTableWriter(path, Columns, Types, rowGroupSize: 3))
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
        using (var w = new JsonlTableWriter(path, Columns, Types))
        {
            foreach (var r in Rows()) w.Write(r);
        }
        var lines = File.ReadAllLines(path);
        lines.Should().HaveCount(10);
        lines[2].Should().Be("{\"file\":\"a.zip!报告/2.txt\",\"message\":null,\"value\":2}");
        using var reader = new JsonlTableReader(path, Columns);
        reader.Rows().Should().BeEquivalentTo(Rows(), o => o.WithStrictOrdering());
    }

    private static readonly string[] TypedColumns = { "count", "amount", "year", "day", "text" };

    private static readonly ColumnType[] TypedTypes = { ColumnType.Int64, ColumnType.Decimal, ColumnType.Int32, ColumnType.Date, ColumnType.Text };

    private static readonly string[][] TypedRows =
    {
        new[] { "120", "12.5", "2021", "2022-01-31", "甲" },
        new[] { "", "", "", "", "" },
        new[] { "-3", "0.0001", "2019", "2020-02-29", "b" },
    };

    [Fact]
    public async Task Parquet_stores_each_schema_type_and_reads_it_back_as_the_same_text()
    {
        var path = Path.Combine(_dir, "typed.parquet");
        using (var w = new ParquetTableWriter(path, TypedColumns, TypedTypes, rowGroupSize: 2))
        {
            foreach (var r in TypedRows) w.Write(r);
        }
        using (var reader = new ParquetTableReader(path))
        {
            reader.Types.Should().Equal(TypedTypes);
            reader.Rows().Should().BeEquivalentTo(TypedRows, o => o.WithStrictOrdering());
        }
        await using var stream = File.OpenRead(path);
        await using var raw = await Parquet.ParquetReader.CreateAsync(stream);
        var fields = raw.Schema.GetDataFields();
        fields[0].ClrType.Should().Be<long>();
        fields[1].Should().BeOfType<Parquet.Schema.DecimalDataField>().Which.Scale.Should().Be(4);
        fields[2].ClrType.Should().Be<int>();
    }

    [Fact]
    public void Parquet_writes_null_for_a_count_that_is_not_whole()
    {
        var path = Path.Combine(_dir, "odd.parquet");
        using (var w = new ParquetTableWriter(path, TypedColumns, TypedTypes, rowGroupSize: 10))
        {
            w.Write(new[] { "1.5", "1.23456", "2021", "2022-13-01", "x" });
            w.Write(new[] { "7.0", "3.00", "2021", "2022-01-01", "y" });
        }
        using var reader = new ParquetTableReader(path);
        reader.Rows().Should().BeEquivalentTo(new[]
        {
            new[] { "", "1.2346", "2021", "", "x" },
            new[] { "7", "3", "2021", "2022-01-01", "y" },
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Jsonl_writes_numeric_columns_as_numbers_as_printed_and_reads_them_back()
    {
        var path = Path.Combine(_dir, "typed.jsonl");
        using (var w = new JsonlTableWriter(path, TypedColumns, TypedTypes))
        {
            foreach (var r in TypedRows) w.Write(r);
        }
        var lines = File.ReadAllLines(path);
        lines[0].Should().Be("{\"count\":120,\"amount\":12.5,\"year\":2021,\"day\":\"2022-01-31\",\"text\":\"甲\"}");
        lines[1].Should().Be("{\"count\":null,\"amount\":null,\"year\":null,\"day\":null,\"text\":null}");
        using var reader = new JsonlTableReader(path, TypedColumns);
        reader.Rows().Should().BeEquivalentTo(TypedRows, o => o.WithStrictOrdering());
    }
}
