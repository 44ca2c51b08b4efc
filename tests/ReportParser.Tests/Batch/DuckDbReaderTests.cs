using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using ReportParser.Batch;
using ReportParser.Export;
using ReportParser.Tests.Cli;

namespace ReportParser.Tests.Batch;

/// <summary>
/// An independent reader, DuckDB (the npm package <c>@duckdb/node-api</c>, pinned), reads the Parquet tables of an export of
/// corpus/text: column types, row counts and a sum match what the library computed. Skips with the reason when node or
/// npm is missing or the package cannot be installed.
/// </summary>
public sealed class DuckDbReaderTests : IDisposable
{
    private const string Package = "@duckdb/node-api@1.5.6-r.1";
    private readonly string _dir = BatchFixture.TempDir("duckdb");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Output) Run(string file, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) p.Kill(entireProcessTree: true);
        return (p.HasExited ? p.ExitCode : -1, output.Result + error.Result);
    }

    /// <summary>A folder with the package installed (kept between runs in the temp folder, keyed by the pinned version), or a skip.</summary>
    private static string InstallDuckDb()
    {
        var tools = Path.Combine(Path.GetTempPath(), "reportparser-duckdb-" + Package.Split('@')[^1]);
        if (File.Exists(Path.Combine(tools, "node_modules", "@duckdb", "node-api", "package.json"))) return tools;
        Directory.CreateDirectory(tools);
        try
        {
            Skip.If(Run("node", tools, "--version").Code != 0, "needs node on PATH");
            var (code, output) = Run("npm", tools, "install", "--no-save", "--no-audit", "--no-fund", Package);
            Skip.If(code != 0, $"npm could not install {Package}: {output.Trim()}");
        }
        catch (Win32Exception ex)
        {
            Skip.If(true, $"needs node and npm on PATH: {ex.Message}");
        }
        return tools;
    }

    private const string Script = """
        import { DuckDBInstance } from '@duckdb/node-api';
        const dir = process.argv[2];
        const con = await (await DuckDBInstance.create(':memory:')).connect();
        const one = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJson();
        const out = { counts: {}, types: {} };
        for (const t of ['files', 'cells', 'reports', 'diagnostics']) out.counts[t] = (await one(`SELECT count(*) AS n FROM '${dir}/${t}.parquet'`))[0].n;
        for (const r of await one(`DESCRIBE SELECT * FROM '${dir}/reports.parquet'`)) out.types[r.column_name] = r.column_type;
        for (const r of await one(`DESCRIBE SELECT * FROM '${dir}/cells.parquet'`)) out.types['cells.' + r.column_name] = r.column_type;
        out.sum = (await one(`SELECT sum("Requests.NewRequests.Total") AS s FROM '${dir}/reports.parquet'`))[0].s;
        out.amount = (await one(`SELECT sum("ProactiveDisclosure.Fees.AmountTenThousandYuan") AS s FROM '${dir}/reports.parquet'`))[0].s;
        console.log(JSON.stringify(out));
        """;

    [SkippableFact]
    public async Task DuckDB_reads_the_typed_Parquet_tables_with_the_library_s_figures()
    {
        var tools = InstallDuckDb();
        var inputs = new[] { Path.Combine(Paths.Corpus, "text") };
        var outDir = Path.Combine(_dir, "out");
        var summary = await ReportExporter.ExportAsync(new ExportOptions { Inputs = inputs, OutputDirectory = outDir, Format = ExportFormat.Parquet, Jobs = 2 });
        summary.Reports.Should().BePositive();

        decimal expected = 0, amount = 0;
        foreach (var file in Directory.EnumerateFiles(inputs[0], "*.txt", SearchOption.AllDirectories))
        {
            var cells = CellRow.From(Report.Parse(ReportSource.FromFile(file))).ToList();
            expected += cells.Where(c => c is { Table: "Requests", Row: "NewRequests", Column: "Total" }).Sum(c => c.Value ?? 0);
            amount += cells.Where(c => c is { Table: "ProactiveDisclosure", Row: "Fees", Column: "AmountTenThousandYuan" }).Sum(c => c.Value ?? 0);
        }
        expected.Should().BePositive("the fixtures state new requests");

        var script = Path.Combine(tools, "read-export.mjs");
        File.WriteAllText(script, Script);
        var (code, output) = Run("node", tools, script, outDir);
        code.Should().Be(0, output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var types = root.GetProperty("types");
        types.GetProperty("Requests.NewRequests.Total").GetString().Should().Be("BIGINT");
        types.GetProperty("ProactiveDisclosure.Fees.AmountTenThousandYuan").GetString().Should().Be("DECIMAL(18,4)");
        types.GetProperty("year").GetString().Should().Be("INTEGER");
        types.GetProperty("published_on").GetString().Should().Be("DATE");
        types.GetProperty("agency").GetString().Should().Be("VARCHAR");
        types.GetProperty("cells.value").GetString().Should().Be("DECIMAL(18,4)");
        var counts = root.GetProperty("counts");
        long Count(string t) => long.Parse(counts.GetProperty(t).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Count("files").Should().Be(summary.Files);
        Count("cells").Should().Be(summary.Cells);
        Count("reports").Should().Be(summary.Reports);
        Count("diagnostics").Should().Be(summary.DiagnosticRows);
        decimal.Parse(root.GetProperty("sum").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(expected);
        decimal.Parse(root.GetProperty("amount").GetString() ?? "0", System.Globalization.CultureInfo.InvariantCulture).Should().Be(amount);
    }
}
