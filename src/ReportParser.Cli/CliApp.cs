using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;
using ReportParser.Cli.Commands;

namespace ReportParser.Cli;

/// <summary>
/// The console tool: the root command <c>reportparser</c> composing the verbs of <see cref="Commands"/>, each in its own
/// file. Exit codes (<see cref="ExitCodes"/>): 0 success, 1 a document has errors (check) or an input is unreadable (export),
/// 2 a usage error or an unreadable input (parse, check), 3 the run did not finish (an internal failure included).
/// </summary>
internal static class CliApp
{
    public const string Name = "reportparser";

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var context = new CliContext(stdout ?? Console.Out, stderr ?? Console.Error, stderr is null) { CommandLine = [Name, .. args] };
        var root = Build(context, out var version);

        var result = root.Parse(args);
        var errors = result.Errors.Select(e => e.Message).ToList();
        var unknown = UnknownOptions.Find(result);
        if (unknown.Count > 0) errors = unknown;
        if (errors.Count > 0 && !result.GetValue(version))
        {
            foreach (var e in errors) context.Error.WriteLine(e);
            var verb = result.CommandResult.Command == root ? "" : " " + result.CommandResult.Command.Name;
            context.Error.WriteLine($"Run 'reportparser{verb} --help' for usage.");
            return ExitCodes.UsageOrIo;
        }
        try
        {
            return result.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false })
                .GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never exit 1 (what "finished, some input unreadable" means) for a run that broke.
            context.Error.WriteLine($"reportparser: internal failure, the run did not finish: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.NotFinished;
        }
    }

    /// <summary>The root command. Built as a plain command named <c>reportparser</c>, so help says the tool's name rather than the assembly's.</summary>
    internal static Command Build(CliContext context, out Option<bool> version)
    {
        var root = new Command(Name, "reportparser: read 政府信息公开工作年度报告 (government information-disclosure annual reports) into typed, validated data.\n" +
            "Exit codes: 0 success; 1 check: a document has an error-level diagnostic, export: finished, but some input file is unreadable, timed out or crashed " +
            "(listed in files.csv); 2 usage error, or an input that cannot be read (parse, check); 3 the run did not finish (an output cannot be written, " +
            "cancelled, no worker process can start, an internal failure).\n" +
            "Examples:\n  reportparser parse report.txt\n  reportparser check reports/ archive.zip\n  reportparser export reports/ archive.zip --out out/\n" +
            "  reportparser export reports/ --out out/shard-3 --shard 3/8 && reportparser merge out/shard-* --out out/all\n" +
            "  reportparser report out/all   (rebuild out/all/report.html)\n" +
            "See docs/cli.md and docs/scale-out.md.");
        root.Options.Add(new HelpOption());
        var versionOption = new Option<bool>("--version") { Description = "Print the version and commit, e.g. 'reportparser 0.2.0 (commit 3f2a1b2)'." };
        root.Options.Add(versionOption);
        version = versionOption;
        root.Subcommands.Add(ParseCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(Workers.WorkerMain.Create());
        root.SetAction(pr =>
        {
            if (pr.GetValue(versionOption))
            {
                context.Output.WriteLine(VersionText(typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion));
                return ExitCodes.Ok;
            }
            return context.Usage("", "a verb is required: parse, check, export, merge or report");
        });
        return root;
    }

    /// <summary><c>reportparser 0.2.0-alpha.0.5 (commit 3f2a1b2)</c> from an informational version <c>0.2.0-alpha.0.5+3f2a1b2…</c>.</summary>
    internal static string VersionText(string? informationalVersion)
    {
        var text = string.IsNullOrWhiteSpace(informationalVersion) ? "unknown" : informationalVersion.Trim();
        int plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0) return $"{Name} {text}";
        var version = text[..plus];
        var metadata = text[(plus + 1)..];
        // MinVer and SourceLink put the commit last among the build metadata (a.b+sha, or a.b+build.sha).
        var commit = metadata.Split('.').LastOrDefault(p => p.Length >= 7 && p.All(char.IsAsciiHexDigit));
        return commit is null ? $"{Name} {version} ({metadata})" : $"{Name} {version} (commit {commit[..7]})";
    }
}
