using System.CommandLine;

namespace ReportParser.Cli.Commands;

/// <summary>The inputs argument every verb but merge takes, read through <see cref="ReportParser.Batch.InputEnumerator"/>.</summary>
internal static class InputsArgument
{
    public const string Description =
        "Report files, folders (searched recursively, in ordinal path order) and .zip archives (GBK/GB18030 entry names are decoded; " +
        "zips inside zips are expanded one level). Formats may be mixed; each file's format is detected from its content.";

    public static Argument<string[]> Create() => new("inputs") { Description = Description, Arity = ArgumentArity.OneOrMore };
}
