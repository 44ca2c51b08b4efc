using System.CommandLine;
using System.CommandLine.Parsing;

namespace ReportParser.Cli.Commands;

/// <summary>
/// Refuses a token that looks like an option but is none of the command's (System.CommandLine would otherwise take
/// <c>--jbos</c> as an input file), suggesting the closest option name by edit distance: <c>--jbos</c> → <c>--jobs</c>.
/// A file whose name starts with <c>-</c> can be given as <c>./-name</c>.
/// </summary>
internal static class UnknownOptions
{
    /// <summary>The error messages for the unknown options of a parse, empty when there are none.</summary>
    public static List<string> Find(ParseResult result)
    {
        var messages = new List<string>();
        var command = result.CommandResult.Command;
        var tokens = result.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)
            .Concat(result.UnmatchedTokens);
        foreach (var token in tokens)
        {
            if (!LooksLikeOption(token)) continue;
            var name = token.Split('=', 2)[0];
            var suggestion = Closest(name, Names(command));
            messages.Add(suggestion is null
                ? $"unknown option '{name}' for 'reportparser {Verb(command)}'"
                : $"unknown option '{name}' for 'reportparser {Verb(command)}'; did you mean {suggestion}?");
        }
        return messages;
    }

    private static string Verb(Command command) => command.Parents.OfType<Command>().Any() ? command.Name : "";

    private static bool LooksLikeOption(string token)
        => token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]) && token[1] != '.' && token != "--";

    private static IEnumerable<string> Names(Command command)
    {
        for (Symbol? s = command; s is Command c; s = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var o in c.Options)
            {
                if (o.Hidden) continue;
                yield return o.Name;
                foreach (var a in o.Aliases) yield return a;
            }
        }
    }

    /// <summary>The name nearest to <paramref name="token"/>, when it is close enough to be a typo (at most a third of the letters differ).</summary>
    internal static string? Closest(string token, IEnumerable<string> names)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var n in names.Where(n => n.StartsWith("--", StringComparison.Ordinal) == token.StartsWith("--", StringComparison.Ordinal)).Distinct())
        {
            int d = Distance(token, n);
            if (d < bestDistance)
            {
                best = n;
                bestDistance = d;
            }
        }
        int letters = token.TrimStart('-').Length;
        return best is not null && bestDistance <= Math.Max(1, letters / 3) ? best : null;
    }

    /// <summary>Levenshtein distance, with a swap of two neighbouring letters counted as one edit (<c>jbos</c> ↔ <c>jobs</c>).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
