namespace ReportParser.Tests;

/// <summary>Locations of the repository's corpus and of ../shared beside the repository.</summary>
internal static class Paths
{
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

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportParser.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ReportParser.sln not found above the test binaries");
    }
}
