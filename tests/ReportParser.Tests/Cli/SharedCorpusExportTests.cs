using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Cli;

/// <summary>
/// <c>reportparser export ../shared/corpus</c>: every file there listed exactly once, no crash; three shards merged give
/// the same files.csv and cells.csv, rows in the same order. Skipped, with the reason, when ../shared is absent.
/// </summary>
public sealed class SharedCorpusExportTests : IDisposable
{
    private readonly string _root = TempDir("shared");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [SkippableFact]
    public void Export_lists_every_corpus_file_once_and_shards_merge_to_the_same_tables()
    {
        var corpus = Paths.RequireShared("corpus");
        var all = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var single = Path.Combine(_root, "single");
        var (code, output, err) = Run("export", corpus, "--out", single, "--progress", "none");
        code.Should().BeOneOf(new[] { 0, 1 }, err);
        output.Should().Contain($"exported {all.Count} file(s)");
        var files = Read(single, "files");
        files.Skip(1).Select(r => r[0]).Should().Equal(all, "each file once, in ordinal path order");
        files.Skip(1).Should().OnlyContain(r => r[1] == "parsed" || r[1] == "parsed-with-errors" || r[1] == "not-a-report" || r[1] == "unreadable");
        files.Skip(1).Where(r => r[1] is "unreadable" or "not-a-report").Should().OnlyContain(r => r[2].Length > 0, "a reason is given");
        code.Should().Be(files.Any(r => r[1] == "unreadable") ? 1 : 0);

        var shards = new List<string>();
        for (int k = 1; k <= 3; k++)
        {
            var dir = Path.Combine(_root, $"shard{k}");
            var (c, _, e) = Run("export", corpus, "--out", dir, "--shard", $"{k}/3", "--progress", "none", "-q");
            c.Should().BeOneOf(new[] { 0, 1 }, e);
            shards.Add(dir);
        }
        shards.SelectMany(s => Read(s, "files").Skip(1).Select(r => r[0])).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(all);

        var merged = Path.Combine(_root, "merged");
        var (mc, _, me) = Run("merge", shards[2], shards[0], shards[1], "--out", merged, "-q");
        mc.Should().Be(0, me);
        File.ReadAllText(Path.Combine(merged, "files.csv")).Should().Be(File.ReadAllText(Path.Combine(single, "files.csv")));
        File.ReadAllText(Path.Combine(merged, "cells.csv")).Should().Be(File.ReadAllText(Path.Combine(single, "cells.csv")));
        File.ReadAllText(Path.Combine(merged, "diagnostics.csv")).Should().Be(File.ReadAllText(Path.Combine(single, "diagnostics.csv")));
    }
}
