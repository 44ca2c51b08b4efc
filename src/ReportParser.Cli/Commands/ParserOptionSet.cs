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

    private readonly Option<int?> _maxCellsPerRow = new("--max-cells-per-row")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"A table row keeps at most this many cells (default {Defaults.MaxCellsPerRow}). Example: --max-cells-per-row 200"),
        HelpName = "N",
    };

    private readonly Option<int?> _maxDocumentCells = new("--max-document-cells")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"At most this many table cells of a document are read (default {Defaults.MaxDocumentCells}). Example: --max-document-cells 200000"),
        HelpName = "N",
    };

    private readonly Option<int?> _maxHtmlDepth = new("--max-html-depth")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"HTML elements nested deeper are read as if their tags were absent (default {Defaults.MaxHtmlDepth}). Example: --max-html-depth 200"),
        HelpName = "N",
    };

    private readonly Option<int?> _maxHtmlElements = new("--max-html-elements")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"An HTML page keeps at most this many elements (default {Defaults.MaxHtmlElements}). Example: --max-html-elements 50000"),
        HelpName = "N",
    };

    private readonly Option<string?> _converter = new("--converter")
    {
        Description = "How DOC, WPS, ET, ODT, ODS and RTF files are converted before reading: soffice (LibreOffice headless, the default) or none (such files are listed unreadable with the reason). Example: --converter none",
        HelpName = "soffice|none",
    };

    private readonly Option<string?> _soffice = new("--soffice")
    {
        Description = "Path of LibreOffice's soffice program (default: found on PATH and in the usual install folders). Example: --soffice /opt/libreoffice/program/soffice",
        HelpName = "PATH",
    };

    private readonly Option<double?> _conversionTimeout = new("--conversion-timeout")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Seconds one conversion may take before LibreOffice is stopped (default {Defaults.ConversionTimeout.TotalSeconds}). Example: --conversion-timeout 60"),
        HelpName = "SECONDS",
    };

    private readonly Option<int?> _expectedYear = new("--expected-year")
    {
        Description = "Warn about a report whose year differs (default: no check). Example: --expected-year 2021",
        HelpName = "YEAR",
    };

    private readonly Option<bool> _noOcr = new("--no-ocr")
    {
        Description = "Do not OCR scanned PDF pages and image files (by default pages without a text layer are read by OCR when the OCR models are installed); such files are then listed unreadable with the reason 'needs OCR'. Example: --no-ocr",
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var o in new Option[]
                 {
                     _maxInputBytes, _maxLines, _maxTableCells, _maxTables, _maxCellsPerRow, _maxDocumentCells, _maxHtmlDepth, _maxHtmlElements,
                     _timeBudget, _maxPdfPages, _expectedYear, _converter, _soffice, _conversionTimeout, _noOcr,
                 })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>The parser options the command line asks for, or an error message naming the bad option.</summary>
    public (ReportParserOptions? Options, string? Error) Read(ParseResult result)
    {
        var o = Defaults;
        string? error = null;
        if (result.GetValue(_maxInputBytes) is long bytes)
        {
            if (bytes < 1) return (null, "--max-input-bytes must be at least 1");
            o = o with { MaxInputBytes = bytes };
        }
        o = Count(result, _maxLines, o, (x, n) => x with { MaxLines = n }, ref error);
        o = Count(result, _maxTableCells, o, (x, n) => x with { MaxTableCells = n }, ref error);
        o = Count(result, _maxTables, o, (x, n) => x with { MaxTables = n }, ref error);
        o = Count(result, _maxCellsPerRow, o, (x, n) => x with { MaxCellsPerRow = n }, ref error);
        o = Count(result, _maxDocumentCells, o, (x, n) => x with { MaxDocumentCells = n }, ref error);
        o = Count(result, _maxHtmlDepth, o, (x, n) => x with { MaxHtmlDepth = n }, ref error);
        o = Count(result, _maxHtmlElements, o, (x, n) => x with { MaxHtmlElements = n }, ref error);
        o = Count(result, _maxPdfPages, o, (x, n) => x with { MaxPdfPages = n }, ref error);
        o = Seconds(result, _timeBudget, o, (x, t) => x with { TimeBudget = t }, ref error);
        o = Seconds(result, _conversionTimeout, o, (x, t) => x with { ConversionTimeout = t }, ref error);
        if (error is not null) return (null, error);
        if (result.GetValue(_expectedYear) is int year)
        {
            if (year is < 1900 or > 2200) return (null, "--expected-year must be a year such as 2021");
            o = o with { ExpectedYear = year };
        }
        switch (result.GetValue(_converter)?.ToLowerInvariant())
        {
            case null or "soffice" or "libreoffice": break;
            case "none": o = o with { Converter = OfficeConverter.None }; break;
            default: return (null, "--converter must be soffice or none");
        }
        if (result.GetValue(_soffice) is { Length: > 0 } path) o = o with { ConverterPath = path };
        if (!result.GetValue(_noOcr)) o = o with { Ocr = ReportParser.Ocr.PaddleOcr.Shared };
        return (o, null);
    }

    private static ReportParserOptions Count(ParseResult result, Option<int?> option, ReportParserOptions o, Func<ReportParserOptions, int, ReportParserOptions> set, ref string? error)
    {
        if (result.GetValue(option) is not int n) return o;
        if (n >= 1) return set(o, n);
        error ??= $"{option.Name} must be at least 1";
        return o;
    }

    private static ReportParserOptions Seconds(ParseResult result, Option<double?> option, ReportParserOptions o, Func<ReportParserOptions, TimeSpan, ReportParserOptions> set, ref string? error)
    {
        if (result.GetValue(option) is not double seconds) return o;
        if (seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2) return set(o, TimeSpan.FromSeconds(seconds));
        error ??= $"{option.Name} must be a positive number of seconds";
        return o;
    }
}
