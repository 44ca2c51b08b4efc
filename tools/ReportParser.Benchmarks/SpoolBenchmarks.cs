using BenchmarkDotNet.Attributes;
using ReportParser.Batch.IO;
using ReportParser.Export;

namespace ReportParser.Benchmarks;

/// <summary>
/// What resumable outputs cost a Parquet export: its tables are spooled as plain CSV while the run lasts (so the journal
/// can cut them back and continue them) and written as Parquet at the end. Compares writing the cells rows of the seed
/// report (repeated) straight to Parquet (the baseline) with spooling them to CSV and converting. <c>--filter '*Spool*'</c>.
/// </summary>
[MemoryDiagnoser]
public class SpoolBenchmarks
{
    private List<string?[]> _rows = new();
    private string _dir = "";

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(OfficeInputBenchmarks.RepoRoot(), "corpus", "text", "000_b4f43ef4f0df1505.txt");
        var result = Report.Parse(ReportSource.FromFile(path));
        var cells = CellRow.From("a/000.txt", "", result.Report).Select(c => CellRow.Schema.Fields(c).ToArray()).ToList();
        if (cells.Count == 0) throw new InvalidOperationException("the seed report has no cells");
        _rows = Enumerable.Range(0, Rows).Select(i => cells[i % cells.Count]).ToList();
        _dir = Path.Combine(Path.GetTempPath(), "rp-spool-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_dir);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Baseline = true, Description = "Parquet written directly")]
    public long Direct()
    {
        var path = Path.Combine(_dir, "direct.parquet");
        using (var w = new ParquetTableWriter(path, CellRow.Schema.Columns, CellRow.Schema.Types, 50_000))
        {
            foreach (var r in _rows) w.Write(r);
        }
        return new FileInfo(path).Length;
    }

    [Benchmark(Description = "CSV spool, flushed per 20 rows, then Parquet")]
    public long Spooled()
    {
        var spool = Path.Combine(_dir, "spool.csv");
        using (var w = new CsvTableWriter(spool, CellRow.Schema.Columns, excelBom: false, CellRow.Schema.Types))
        {
            for (int i = 0; i < _rows.Count; i++)
            {
                w.Write(_rows[i]);
                if (i % 20 == 19) w.Flush();
            }
        }
        var path = Path.Combine(_dir, "spooled.parquet");
        using (var reader = new CsvTableReader(spool))
        using (var w = new ParquetTableWriter(path, CellRow.Schema.Columns, CellRow.Schema.Types, 50_000))
        {
            foreach (var r in reader.Rows()) w.Write(r);
        }
        return new FileInfo(path).Length;
    }
}
