namespace ReportParser.Export;

/// <summary>
/// The columns of one export table, named once: the CSV, JSONL and Parquet writers take their header from
/// <see cref="Columns"/>, and reading a written table back (merging shard outputs) checks its header against it.
/// </summary>
public abstract class RowSchema
{
    private protected RowSchema(string name) => Name = name;

    /// <summary>The table's name, which is also its file name without extension: <c>files</c>, <c>cells</c>, <c>reports</c>, <c>diagnostics</c>.</summary>
    public string Name { get; }

    /// <summary>The precision of <see cref="ColumnType.Decimal"/> columns: 18 digits.</summary>
    public const int DecimalPrecision = 18;

    /// <summary>The scale of <see cref="ColumnType.Decimal"/> columns: 4 digits after the point (a value with more is rounded in Parquet).</summary>
    public const int DecimalScale = 4;

    /// <summary>The column names, in order.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The column names written with short names (<see cref="Template.ShortNames.ForColumn"/>), aligned with <see cref="Columns"/>.</summary>
    public IReadOnlyList<string> ShortColumns => Columns.Select(Template.ShortNames.ForColumn).ToList();

    /// <summary>The column types, aligned with <see cref="Columns"/>.</summary>
    public abstract IReadOnlyList<ColumnType> Types { get; }

    /// <summary>The position of a column in <see cref="Columns"/>, or -1.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="column"/> is null.</exception>
    public int IndexOf(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        for (int i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}

/// <summary>
/// The columns of an export table of <typeparamref name="TRow"/> rows, each with the function that gives a row's value
/// as text (an empty string or null is "no value"), in the manner of a CsvHelper class map:
/// <c>new RowSchema&lt;CellRow&gt;("cells").Map("file", r =&gt; r.File)</c>.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class RowSchema<TRow> : RowSchema
{
    private readonly List<string> _columns = new();
    private readonly List<ColumnType> _types = new();
    private readonly List<Action<TRow, string?[]>> _fills = new();

    /// <summary>Creates an empty schema; add columns with <c>Map</c> and <see cref="MapMany"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public RowSchema(string name)
        : base(name ?? throw new ArgumentNullException(nameof(name)))
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Columns => _columns;

    /// <inheritdoc />
    public override IReadOnlyList<ColumnType> Types => _types;

    /// <summary>Adds one <see cref="ColumnType.Text"/> column.</summary>
    /// <returns>This schema, to chain calls.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public RowSchema<TRow> Map(string column, Func<TRow, string?> value) => Map(column, ColumnType.Text, value);

    /// <summary>Adds one column of a type; the value is given as invariant-culture text (dates as <c>yyyy-MM-dd</c>).</summary>
    /// <returns>This schema, to chain calls.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public RowSchema<TRow> Map(string column, ColumnType type, Func<TRow, string?> value)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(value);
        int at = _columns.Count;
        _columns.Add(column);
        _types.Add(type);
        _fills.Add((row, fields) => fields[at] = value(row));
        return this;
    }

    /// <summary>Adds a run of columns whose values come as one list, aligned with <paramref name="columns"/> and <paramref name="types"/> (the cell columns of the wide reports table).</summary>
    /// <returns>This schema, to chain calls.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public RowSchema<TRow> MapMany(IReadOnlyList<string> columns, IReadOnlyList<ColumnType> types, Func<TRow, IReadOnlyList<string?>> values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != columns.Count) throw new ArgumentException("one type per column", nameof(types));
        int at = _columns.Count, count = columns.Count;
        _columns.AddRange(columns);
        _types.AddRange(types);
        _fills.Add((row, fields) =>
        {
            var v = values(row);
            for (int i = 0; i < count; i++) fields[at + i] = i < v.Count ? v[i] : null;
        });
        return this;
    }

    /// <summary>The row's values, aligned with <see cref="RowSchema.Columns"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public string?[] Fields(TRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var fields = new string?[_columns.Count];
        foreach (var fill in _fills) fill(row, fields);
        return fields;
    }
}
