namespace ReportParser.Tests;

/// <summary>Locations of the repository's corpus and of ../shared beside the repository.</summary>
internal static class Paths
{
    /// <summary>The MemberData row a theory over ../shared files yields when ../shared is absent; the test skips on it.</summary>
    public const string SharedAbsent = "(../shared absent)";

    public static string RepoRoot { get; } = FindRoot();

    public static string Corpus => Path.Combine(RepoRoot, "corpus");

    /// <summary>../shared beside the repository, or null when absent (tests that need it skip).</summary>
    public static string? Shared
    {
        get
        {
            var p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(p) ? p : null;
        }
    }

    /// <summary>Why a test that reads ../shared is skipped when it is absent.</summary>
    public static string SharedAbsentReason { get; } =
        $"needs ../shared beside the repository ({Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"))}): real published reports are not part of the repository";

    /// <summary>
    /// The file or folder <paramref name="parts"/> under ../shared; skips the running test (SkippableFact/SkippableTheory)
    /// with the reason when ../shared or that entry is absent.
    /// </summary>
    public static string RequireShared(params string[] parts)
    {
        var shared = Shared;
        Skip.If(shared is null, SharedAbsentReason);
        var path = Path.Combine(new[] { shared! }.Concat(parts).ToArray());
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"needs {path}, absent from ../shared");
        return path;
    }

    /// <summary>Skips the running test when <paramref name="row"/> is the <see cref="SharedAbsent"/> sentinel.</summary>
    public static void SkipIfSentinel(string row) => Skip.If(row == SharedAbsent, SharedAbsentReason);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportParser.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ReportParser.sln not found above the test binaries");
    }
}
