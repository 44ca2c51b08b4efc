using System.CommandLine;
using System.Globalization;

namespace ReportParser.Cli.Commands;

/// <summary>
/// The options of <see cref="ReportParserOptions"/> a user may want, as command-line options shared by parse, check and
/// export: the input limits, the time budget and the expected year. Unset options keep the library defaults.
/// </summary>
internal sealed class ParserOptionSet
{
    private static readonly ReportParserOptions Defaults = ReportParserOptions.Default;

    private readonly Option<long?> _maxInputBytes = new("--max-input-bytes")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Inputs (and archive entries) larger than this many bytes are not parsed (default {Defaults.MaxInputBytes}). Example: --max-input-bytes 10000000"),
        HelpName = "BYTES",
    };

    private readonly Option<int?> _maxLines = new("--max-lines")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"At most this many lines of a document are read (default {Defaults.MaxLines}). Example: --max-lines 100000"),
        HelpName = "N",
    };

    private readonly Option<int?> _maxTableCells = new("--max-table-cells")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"A table with more cells is cut to its first rows (default {Defaults.MaxTableCells}). Example: --max-table-cells 20000"),
        HelpName = "N",
    };

    private readonly Option<int?> _maxTables = new("--max-tables")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"At most this many tables of a document are read (default {Defaults.MaxTables}). Example: --max-tables 50"),
        HelpName = "N",
    };

    private readonly Option<double?> _timeBudget = new("--time-budget")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Seconds the parser may spend on one document before it stops reading it, with an error diagnostic (default {Defaults.TimeBudget.TotalSeconds}). Example: --time-budget 10"),
        HelpName = "SECONDS",
    };

    private readonly Option<int?> _maxPdfPages = new("--max-pdf-pages")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"At most this many pages of a PDF are read (default {Defaults.MaxPdfPages}). Example: --max-pdf-pages 100"),
        HelpName = "N",
    };

    private readonly Option<int?> _expectedYear = new("--expected-year")
    {
        Description = "Warn about a report whose year differs (default: no check). Example: --expected-year 2021",
        HelpName = "YEAR",
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _maxInputBytes, _maxLines, _maxTableCells, _maxTables, _timeBudget, _maxPdfPages, _expectedYear }) command.Options.Add(o);
    }

    /// <summary>The parser options the command line asks for, or an error message naming the bad option.</summary>
    public (ReportParserOptions? Options, string? Error) Read(ParseResult result)
    {
        var o = Defaults;
        if (result.GetValue(_maxInputBytes) is long bytes)
        {
            if (bytes < 1) return (null, "--max-input-bytes must be at least 1");
            o = o with { MaxInputBytes = bytes };
        }
        if (result.GetValue(_maxLines) is int lines)
        {
            if (lines < 1) return (null, "--max-lines must be at least 1");
            o = o with { MaxLines = lines };
        }
        if (result.GetValue(_maxTableCells) is int cells)
        {
            if (cells < 1) return (null, "--max-table-cells must be at least 1");
            o = o with { MaxTableCells = cells };
        }
        if (result.GetValue(_maxTables) is int tables)
        {
            if (tables < 1) return (null, "--max-tables must be at least 1");
            o = o with { MaxTables = tables };
        }
        if (result.GetValue(_timeBudget) is double seconds)
        {
            if (!(seconds > 0) || seconds > TimeSpan.MaxValue.TotalSeconds / 2) return (null, "--time-budget must be a positive number of seconds");
            o = o with { TimeBudget = TimeSpan.FromSeconds(seconds) };
        }
        if (result.GetValue(_maxPdfPages) is int pages)
        {
            if (pages < 1) return (null, "--max-pdf-pages must be at least 1");
            o = o with { MaxPdfPages = pages };
        }
        if (result.GetValue(_expectedYear) is int year)
        {
            if (year is < 1900 or > 2200) return (null, "--expected-year must be a year such as 2021");
            o = o with { ExpectedYear = year };
        }
        return (o, null);
    }
}
