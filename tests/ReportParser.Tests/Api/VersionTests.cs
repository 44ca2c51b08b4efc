using System.Reflection;
using System.Text.RegularExpressions;

namespace ReportParser.Tests.Api;

/// <summary>
/// The assemblies carry the version derived from git tags (MinVer) and the commit they were built from, which
/// <c>reportparser --version</c> prints.
/// </summary>
public class VersionTests
{
    private static readonly Regex SemVerWithCommit = new(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?\+[0-9a-f]{40}$");

    private static string Informational(Assembly assembly)
        => assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
           ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no informational version");

    [SkippableFact]
    public void The_library_and_the_tool_carry_the_tag_version_and_the_commit()
    {
        var git = Path.Combine(Paths.RepoRoot, ".git");
        Skip.IfNot(Directory.Exists(git) || File.Exists(git), "built outside a git checkout: there is no commit to carry");
        var library = Informational(typeof(Report).Assembly);
        library.Should().MatchRegex(SemVerWithCommit.ToString());
        library.Should().NotStartWith("0.1.0", "the version comes from git tags, not a fixed number");
        library.Should().NotStartWith("1.0.0+", "1.0.0 is the SDK's default when no version is computed");
        Informational(Assembly.Load("ReportParser.Cli")).Should().Be(library);

        // The file version is the same major.minor.patch (MinVer keeps the assembly version at major.0.0.0).
        var file = typeof(Report).Assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()!.Version;
        file.Should().EndWith(".0");
        library.Should().StartWith(file[..file.LastIndexOf('.')]);
    }
}
