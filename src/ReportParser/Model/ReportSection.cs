using ReportParser.Input;

namespace ReportParser;

/// <summary>
/// A top-level section of the report (一 … 六, or a numbered heading outside the template), with its
/// heading as printed, its paragraphs and the raw grids of its tables.
/// </summary>
public sealed class ReportSection
{
    internal ReportSection(SectionKind kind, int number, string heading, SourceLocation span, IReadOnlyList<Block> blocks)
    {
        Kind = kind;
        Number = number;
        Heading = heading;
        Location = span;
        Blocks = blocks;
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

    /// <summary>The section's blocks (paragraphs and tables) after its heading.</summary>
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>The section's paragraphs.</summary>
    public IEnumerable<string> Paragraphs => Blocks.OfType<ParagraphBlock>().Select(p => p.Text);

    /// <summary>The section's running text: its paragraphs joined by newlines.</summary>
    public string Text => string.Join('\n', Paragraphs);

    /// <summary>The section's tables as raw text grids.</summary>
    public IEnumerable<IReadOnlyList<IReadOnlyList<string>>> RawTables
        => Blocks.OfType<TableBlock>().Select(t => (IReadOnlyList<IReadOnlyList<string>>)t.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Text).ToList()).ToList());
}
