using System.Globalization;
using System.IO.Compression;
using System.Text;
using ReportParser.Export;
using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Cli;

/// <summary>
/// The batch export over a generated archive of a few hundred files: report variants in a folder, in a zip with GBK
/// entry names, in a zip nested in it, plus broken files; every file listed once, exactly the expected cells, the
/// cross-report findings, and shard outputs merged equal to the single run.
/// </summary>
public sealed class ExportArchiveTests : IDisposable
{
    private readonly string _root = TempDir("archive");
    private readonly string _plain;
    private readonly string _zip;
    private readonly string _missing;
    /// <summary>Every input file: identity, bytes (null when it never reaches the parser), the expected status or null when the parser decides.</summary>
    private readonly List<(string File, string Source, byte[]? Bytes, string? Status)> _expected = new();

    public ExportArchiveTests()
    {
        _plain = Path.Combine(_root, "plain");
        Directory.CreateDirectory(Path.Combine(_plain, "sub"));
        _zip = Path.Combine(_root, "年报2021.zip");
        _missing = Path.Combine(_root, "no-such-file.txt");

        // Folder: 150 variants (some in a sub-folder, some GB18030-encoded), an exact copy, and broken files; listed in ordinal path order.
        var plainFiles = new SortedDictionary<string, (byte[] Bytes, string? Status)>(StringComparer.Ordinal);
        for (int i = 1; i <= 150; i++)
        {
            var text = Variant(Agency(i), 2021, i);
            var bytes = i % 10 == 0 ? Gb18030.GetBytes(text) : Utf8(text);
            plainFiles[Path.Combine(_plain, i % 3 == 0 ? "sub" : "", $"r{i:000}.txt")] = (bytes, null);
        }
        plainFiles[Path.Combine(_plain, "zz-copy-of-r001.txt")] = (plainFiles[Path.Combine(_plain, "r001.txt")].Bytes, null);
        plainFiles[Path.Combine(_plain, "empty.txt")] = (Array.Empty<byte>(), "not-a-report");
        plainFiles[Path.Combine(_plain, "garbage.bin")] = (Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251)).ToArray(), "not-a-report");
        plainFiles[Path.Combine(_plain, "notes.txt")] = (Utf8("会议纪要\n今天讨论了办公用品采购。\n"), "not-a-report");
        plainFiles[Path.Combine(_plain, "broken.zip")] = (Encoding.ASCII.GetBytes("PK\x03\x04 this is not really an archive"), "unreadable");
        plainFiles[Path.Combine(_plain, "truncated.txt")] = (Utf8(Variant("截断局", 2021, 400)[..2500]), null);
        // Cross-year: 甲局 2021 carries forward 301 (offset), 2022 says 302 were carried over: a finding. 乙局 agrees: none.
        plainFiles[Path.Combine(_plain, "y-甲局-2021.txt")] = (Utf8(Variant("甲局", 2021, 301)), null);
        plainFiles[Path.Combine(_plain, "y-甲局-2022.txt")] = (Utf8(Variant("甲局", 2022, 302)), null);
        plainFiles[Path.Combine(_plain, "y-乙局-2021.txt")] = (Utf8(Variant("乙局", 2021, 303)), null);
        plainFiles[Path.Combine(_plain, "y-乙局-2022.txt")] = (Utf8(Variant("乙局", 2022, 304, carriedOver: 303)), null);
        foreach (var (path, (bytes, _)) in plainFiles) File.WriteAllBytes(path, bytes);
        foreach (var (path, (bytes, status)) in plainFiles.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            _expected.Add((path, "", status is "unreadable" ? null : bytes, status));

        // Archive: 100 variants under GBK names, a copy of r010's tables under another agency, an empty folder entry,
        // and a nested archive with 20 variants, an empty archive and an archive nested too deep.
        var outer = new List<(string Name, byte[] Bytes, string? Status)>();
        for (int i = 151; i <= 250; i++)
            outer.Add(($"{(i % 2 == 0 ? "报告/" : "")}平潭县第{i}局{2021}年政府信息公开工作年度报告.txt", Utf8(Variant(Agency(i), 2021, i)), null));
        outer.Add(("丙局抄写的报告.txt", Utf8(Variant("丙局", 2021, 10)), null));
        var inner = new List<(string Name, byte[] Bytes, string? Status)>();
        for (int i = 251; i <= 270; i++) inner.Add(($"内层/第{i}号.txt", Utf8(Variant(Agency(i), 2021, i)), null));
        inner.Add(("更深.zip", GbkZip(new[] { ("不会展开.txt", Utf8(Variant("深层局", 2021, 999))) }), "not-a-report"));
        outer.Add(("嵌套.zip", GbkZip(inner.Select(e => (e.Name, e.Bytes))), null));
        outer.Add(("空的.zip", GbkZip(Array.Empty<(string, byte[])>()), "not-a-report"));
        File.WriteAllBytes(_zip, GbkZip(outer.Select(e => (e.Name, e.Bytes))));
        foreach (var (name, bytes, status) in outer)
        {
            if (name == "嵌套.zip")
            {
                foreach (var (n, b, s) in inner) _expected.Add(($"{_zip}!嵌套.zip!{n}", $"嵌套.zip!{n}", s is null ? b : null, s));
            }
            else if (name == "空的.zip")
            {
                _expected.Add(($"{_zip}!空的.zip", "空的.zip", null, status));
            }
            else
            {
                _expected.Add(($"{_zip}!{name}", name, bytes, status));
            }
        }
        _expected.Add((_missing, "", null, "unreadable"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string[] Inputs => new[] { _plain, _zip, _missing };

    private string Export(string name, params string[] extra)
    {
        var outDir = Path.Combine(_root, name);
        var (code, _, err) = Run(new[] { "export" }.Concat(Inputs).Concat(new[] { "--out", outDir, "--progress", "none" }).Concat(extra).ToArray());
        code.Should().Be(extra.Contains("--shard") ? code : 1, "the missing input and broken.zip are unreadable; stderr: " + err);
        code.Should().BeOneOf(new[] { 0, 1 }, err);
        return outDir;
    }

    [Fact]
    public void The_fixture_archive_really_has_GBK_names_without_the_UTF8_flag()
    {
        var bytes = File.ReadAllBytes(_zip);
        var name = "丙局抄写的报告.txt";
        bytes.AsSpan().IndexOf(Gb18030.GetBytes(name)).Should().BeGreaterThan(0);
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(name)).Should().Be(-1);
        // General-purpose flag of the first local header: bit 11 (UTF-8) clear.
        (BitConverter.ToUInt16(bytes, 6) & 0x800).Should().Be(0);
        _expected.Count.Should().BeGreaterThan(280);
    }

    [Fact]
    public void Files_csv_lists_every_input_file_exactly_once_in_input_order_with_its_status()
    {
        var dir = Export("all");
        var files = Read(dir, "files");
        files[0].Take(3).Should().Equal("file", "status", "reason");
        var rows = files.Skip(1).ToList();
        rows.Select(r => r[0]).Should().Equal(_expected.Select(e => e.File), "every file once, in enumeration order");
        rows.Select(r => long.Parse(r[4], CultureInfo.InvariantCulture)).Should().Equal(Enumerable.Range(0, _expected.Count).Select(i => (long)i));
        foreach (var (row, exp) in rows.Zip(_expected))
        {
            Column(files, row, "source").Should().Be(exp.Source, exp.File);
            if (exp.Status is not null) row[1].Should().Be(exp.Status, exp.File);
            else row[1].Should().BeOneOf("parsed", "parsed-with-errors");
            if (row[1] is "unreadable" or "not-a-report") row[2].Should().NotBeEmpty(exp.File);
        }
        rows.Single(r => r[0] == _missing)[2].Should().Be("not found");
        rows.Single(r => r[0].EndsWith("更深.zip", StringComparison.Ordinal))[2].Should().Contain("nested more than one level");
        rows.Single(r => r[0].EndsWith("空的.zip", StringComparison.Ordinal))[2].Should().Be("the archive holds no files");
        rows.Single(r => r[0].EndsWith("broken.zip", StringComparison.Ordinal))[2].Should().StartWith("corrupt or unreadable archive");
    }

    [Fact]
    public void Cells_csv_holds_exactly_the_cells_of_parsing_each_file_alone()
    {
        var dir = Export("cells");
        var expected = new List<string[]>();
        foreach (var (file, source, bytes, status) in _expected)
        {
            if (bytes is null || status is not null) continue;
            var r = Report.Parse(ReportSource.FromBytes(bytes, file));
            foreach (var c in CellRow.From(r))
            {
                expected.Add(new[] { c.File, c.Agency ?? "", c.Year?.ToString(CultureInfo.InvariantCulture) ?? "", c.Template.ToKey(), c.Table, c.Row, c.Column,
                    c.Value?.ToString(CultureInfo.InvariantCulture) ?? "", c.Raw ?? "", c.Line?.ToString(CultureInfo.InvariantCulture) ?? "", source,
                    c.Page?.ToString(CultureInfo.InvariantCulture) ?? "", CellLabels.Label(c.Table, c.Row, c.Column) ?? "", CellLabels.Of(c.Table, c.Row, c.Column)?.Unit ?? "", "", c.Method.ToKey(), c.Confidence?.ToString("0.####", CultureInfo.InvariantCulture) ?? "" });
            }
        }
        var cells = Read(dir, "cells");
        cells[0].Should().Equal("file", "agency", "year", "template", "table", "row", "column", "value", "raw", "line", "source", "page", "label", "unit", "assumed_zero", "method", "confidence");
        expected.Count.Should().BeGreaterThan(270 * 100);
        cells.Skip(1).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());

        // The varied numbers arrive: 予以公开 自然人 is the fixture's value raised by the variant's offset.
        var baseValue = Report.ParseText(BaseText).Report.Requests!.Granted.NaturalPerson!.Value;
        string Granted(string file) => cells.Single(c => c[0] == file && c[4] == "Requests" && c[5] == "Granted" && c[6] == "NaturalPerson")[7];
        Granted(Path.Combine(_plain, "r001.txt")).Should().Be((baseValue + 1).ToString(CultureInfo.InvariantCulture));
        Granted(Path.Combine(_plain, "r010.txt")).Should().Be((baseValue + 10).ToString(CultureInfo.InvariantCulture), "a GB18030-encoded file");
        Granted($"{_zip}!报告/平潭县第152局2021年政府信息公开工作年度报告.txt").Should().Be((baseValue + 152).ToString(CultureInfo.InvariantCulture));
        Granted($"{_zip}!嵌套.zip!内层/第260号.txt").Should().Be((baseValue + 260).ToString(CultureInfo.InvariantCulture));
        cells.Where(c => c[0] == $"{_zip}!嵌套.zip!内层/第260号.txt").Should().OnlyContain(c => c[10] == "嵌套.zip!内层/第260号.txt" && c[1] == Agency(260));
    }

    [Fact]
    public void Reports_and_diagnostics_carry_the_cross_report_findings()
    {
        var dir = Export("cross");
        var reports = Read(dir, "reports");
        reports[0].Should().Contain("Requests.CarriedOver.NaturalPerson");
        reports.Skip(1).Select(r => r[0]).Should().OnlyHaveUniqueItems();
        var r5 = reports.Single(r => r[0] == Path.Combine(_plain, "r005.txt"));
        Column(reports, r5, "agency").Should().Be(Agency(5));
        Column(reports, r5, "year").Should().Be("2021");

        var diags = Read(dir, "diagnostics");
        diags[0].Should().Equal("file", "code", "severity", "rule", "message", "location");
        var cross = diags.Skip(1).Where(d => d[1] is "RP4006" or "RP4007" or "RP4008").ToList();
        cross.Select(d => (d[0], d[1], d[3])).Should().Equal(
            (Path.Combine(_plain, "y-甲局-2022.txt"), "RP4006", "CrossYear.CarryOver"),
            (Path.Combine(_plain, "zz-copy-of-r001.txt"), "RP4007", "CrossReport.Duplicate"),
            ($"{_zip}!丙局抄写的报告.txt", "RP4008", "CrossReport.CopiedTables"));
        cross[0][4].Should().Contain("y-甲局-2021.txt").And.Contain("302 ≠ 301");
        cross[1][4].Should().Contain("r001.txt");
        cross[2][4].Should().Contain("r010.txt").And.Contain(Agency(10));
        // The batch quality check: each agency's 2022 prose repeats its 2021 prose (the variants share their text).
        var repeated = diags.Skip(1).Where(d => d[1] is "RP5020" or "RP5021").ToList();
        repeated.Select(d => (d[0], d[1], d[3])).Should().Equal(
            (Path.Combine(_plain, "y-乙局-2022.txt"), "RP5020", "Quality.Repetition"),
            (Path.Combine(_plain, "y-甲局-2022.txt"), "RP5020", "Quality.Repetition"));
        repeated[0][4].Should().Contain("y-乙局-2021.txt");
        repeated[1][4].Should().Contain("y-甲局-2021.txt");
        // Cross-report findings come after every per-file diagnostic, ordered by file.
        var all = diags.Skip(1).Where(d => d[1] is "RP4006" or "RP4007" or "RP4008" or "RP5020" or "RP5021").ToList();
        all.Should().HaveCount(5);
        diags.Skip(1).TakeLast(5).Should().BeEquivalentTo(all, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Three_shards_cover_every_file_once_and_merge_to_the_single_run()
    {
        var single = Export("single");
        var shards = Enumerable.Range(1, 3).Select(k => Export($"shard{k}", "--shard", $"{k}/3")).ToList();
        var shardFiles = shards.SelectMany(s => Read(s, "files").Skip(1).Select(r => r[0])).ToList();
        shardFiles.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(_expected.Select(e => e.File));
        shards.Should().OnlyContain(s => Read(s, "files").Count > 50, "the hash spreads files over the shards");

        var merged = Path.Combine(_root, "merged");
        var (code, _, err) = Run(new[] { "merge" }.Concat(shards.AsEnumerable().Reverse()).Concat(new[] { "--out", merged }).ToArray());
        code.Should().Be(0, err);
        foreach (var t in ExportTables.Written.Select(t => t.Name))
        {
            File.ReadAllText(Path.Combine(merged, t + ".csv")).Should().Be(File.ReadAllText(Path.Combine(single, t + ".csv")), t);
        }
    }

    [Fact]
    public void Output_does_not_depend_on_the_number_of_jobs()
    {
        var one = Export("j1", "--jobs", "1");
        var four = Export("j4", "--jobs", "4");
        foreach (var t in ExportTables.Written.Select(t => t.Name))
        {
            File.ReadAllBytes(Path.Combine(four, t + ".csv")).Should().Equal(File.ReadAllBytes(Path.Combine(one, t + ".csv")), t);
        }
    }

    [Fact]
    public void Parquet_and_jsonl_shards_merge_to_the_csv_of_the_single_run()
    {
        var single = Export("csv-single");
        var parquet = Export("pq1", "--shard", "1/2", "--format", "parquet");
        var jsonl = Export("pq2", "--shard", "2/2", "--format", "jsonl");
        File.Exists(Path.Combine(parquet, "cells.parquet")).Should().BeTrue();
        File.Exists(Path.Combine(jsonl, "cells.jsonl")).Should().BeTrue();
        var merged = Path.Combine(_root, "mixed-merged");
        var (code, _, err) = Run("merge", parquet, jsonl, "--out", merged, "--format", "csv");
        code.Should().Be(0, err);
        foreach (var t in ExportTables.Written.Select(t => t.Name))
        {
            File.ReadAllText(Path.Combine(merged, t + ".csv")).Should().Be(File.ReadAllText(Path.Combine(single, t + ".csv")), t);
        }
    }

    [Fact]
    public void Excel_bom_starts_each_csv_with_a_byte_order_mark()
    {
        var dir = Export("bom", "--excel-bom");
        foreach (var t in ExportTables.Written.Select(t => t.Name)) File.ReadAllBytes(Path.Combine(dir, t + ".csv")).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var plain = Export("nobom");
        File.ReadAllBytes(Path.Combine(plain, "files.csv")).Take(4).Should().Equal("file"u8.ToArray());
        Read(dir, "files").Skip(1).Select(r => r[0]).Should().Equal(Read(plain, "files").Skip(1).Select(r => r[0]));
    }
}
