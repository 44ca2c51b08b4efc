namespace ReportParser;

/// <summary>
/// A top-level section of the report (一 … 六, or a numbered heading outside the template), with its
/// heading as printed, its paragraphs and its tables as printed.
/// </summary>
public sealed class ReportSection
{
    private readonly Lazy<IReadOnlyList<string>> _paragraphs;
    private readonly Lazy<IReadOnlyList<RawTable>> _tables;

    /// <summary>Creates the section; its paragraphs and tables are materialised on first use (most callers read neither).</summary>
    internal ReportSection(SectionKind kind, int number, string heading, SourceLocation location,
        Func<IReadOnlyList<string>> paragraphs, Func<IReadOnlyList<RawTable>> tables, int tableCount)
    {
        Kind = kind;
        Number = number;
        Heading = heading;
        Location = location;
        _paragraphs = new Lazy<IReadOnlyList<string>>(paragraphs);
        _tables = new Lazy<IReadOnlyList<RawTable>>(tables);
        TableCount = tableCount;
    }

    /// <summary>Which template section this is; <see cref="SectionKind.Unknown"/> for a heading outside the template.</summary>
    public SectionKind Kind { get; }

    /// <summary>The section key of TEMPLATE.md (Overview … OtherMatters), or Unknown.</summary>
    public string Key => Kind.ToString();

    /// <summary>The number printed before the heading (一 = 1).</summary>
    public int Number { get; }

    /// <summary>The heading line as printed.</summary>
    public string Heading { get; }

    /// <summary>Where the heading was read.</summary>
    public SourceLocation Location { get; }

    /// <summary>The section's paragraphs (running text; table text is in <see cref="Tables"/>).</summary>
    public IReadOnlyList<string> Paragraphs => _paragraphs.Value;

    /// <summary>The section's running text: its paragraphs joined by newlines.</summary>
    public string Text => string.Join('\n', Paragraphs);

    /// <summary>The section's tables as printed (raw cell text and locations), whether or not they are standard tables.</summary>
    public IReadOnlyList<RawTable> Tables => _tables.Value;

    /// <summary>The number of tables in the section (without materialising them).</summary>
    public int TableCount { get; }
}

/// <summary>A table as printed: rows of cells with their text and location, before any mapping onto the template.</summary>
public sealed class RawTable
{
    internal RawTable(IReadOnlyList<IReadOnlyList<RawCell>> rows, SourceLocation location)
    {
        Rows = rows;
        Location = location;
    }

    /// <summary>Rows in reading order; merged cells occupy one position and the positions they span are empty cells.</summary>
    public IReadOnlyList<IReadOnlyList<RawCell>> Rows { get; }

    /// <summary>Where the table's first row was read.</summary>
    public SourceLocation Location { get; }

    /// <summary>The cell texts, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Text => Rows.Select(r => (IReadOnlyList<string>)r.Select(c => c.Text).ToList()).ToList();
}

/// <summary>One cell of a <see cref="RawTable"/>.</summary>
/// <param name="Text">The cell text, trimmed; empty for a blank or spanned position.</param>
/// <param name="Location">Where the cell was read.</param>
public readonly record struct RawCell(string Text, SourceLocation Location);
