using System.Globalization;
using Parquet;
using Parquet.Schema;
using ReportParser.Export;

namespace ReportParser.Batch.IO;

/// <summary>
/// One Parquet column of a <see cref="ColumnType"/>: its field, a buffer of the values of the open row group, and the
/// conversion between the invariant text the schema gives and the typed value, both ways. A value the type cannot hold
/// (a count that is not whole, a number past the type's range) is written as null; the cells table keeps the printed text.
/// </summary>
internal abstract class ParquetColumn
{
    public abstract DataField Field { get; }

    public abstract void Add(string? text);

    public abstract void Flush(ParquetRowGroupWriter group);

    public abstract string?[] Read(ParquetRowGroupReader group, long count);

    /// <summary>The column a writer makes for a schema column.</summary>
    public static ParquetColumn Create(string name, ColumnType type) => type switch
    {
        ColumnType.Int32 => Create(new DataField<int?>(name)),
        ColumnType.Int64 => Create(new DataField<long?>(name)),
        ColumnType.Decimal => Create(new DecimalDataField(name, RowSchema.DecimalPrecision, RowSchema.DecimalScale, isNullable: true)),
        ColumnType.Date => Create(new DataField<DateOnly?>(name)),
        _ => Create(new DataField<string>(name, true)),
    };

    /// <summary>The column for a field, as written or as read from a file's schema.</summary>
    public static ParquetColumn Create(DataField field) => TypeOf(field) switch
    {
        ColumnType.Int32 => new Typed<int>(field, Int32, i => i.ToString(CultureInfo.InvariantCulture)),
        ColumnType.Int64 => new Typed<long>(field, Int64, i => i.ToString(CultureInfo.InvariantCulture)),
        ColumnType.Decimal => new Typed<decimal>(field, Decimal, FormatDecimal),
        ColumnType.Date => new Typed<DateOnly>(field, Date, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => new Text(field),
    };

    /// <summary>The column type of a field (<see cref="ColumnType.Text"/> for strings and any type the schema has no name for).</summary>
    public static ColumnType TypeOf(DataField field)
    {
        var t = field.ClrType;
        if (t == typeof(int)) return ColumnType.Int32;
        if (t == typeof(long)) return ColumnType.Int64;
        if (t == typeof(decimal)) return ColumnType.Decimal;
        return t == typeof(DateOnly) ? ColumnType.Date : ColumnType.Text;
    }

    /// <summary>The options a reader needs to read dates as <see cref="DateOnly"/>.</summary>
    public static ParquetOptions ReaderOptions { get; } = new() { UseDateOnlyTypeForDates = true };

    private static int? Int32(string s) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static long? Int64(string s)
    {
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
        // A whole number printed with a decimal point ("12.0") is still a count.
        return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;
    }

    private static readonly decimal DecimalLimit = 99_999_999_999_999.9999m;

    private static decimal? Decimal(string s)
    {
        if (!decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return null;
        d = Math.Round(d, RowSchema.DecimalScale, MidpointRounding.AwayFromZero);
        return Math.Abs(d) <= DecimalLimit ? d : null;
    }

    private static DateOnly? Date(string s) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A decimal read back without the trailing zeros of the fixed scale (12.5000 → 12.5).</summary>
    private static string FormatDecimal(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private sealed class Typed<T>(DataField dataField, Func<string, T?> parse, Func<T, string> format) : ParquetColumn
        where T : struct
    {
        private readonly DataField _field = dataField;
        private readonly List<T?> _values = new();

        public override DataField Field => _field;

        public override void Add(string? text) => _values.Add(string.IsNullOrEmpty(text) ? null : parse(text));

        public override void Flush(ParquetRowGroupWriter group)
        {
            group.WriteAsync<T>(_field, _values.ToArray().AsMemory(), null).GetAwaiter().GetResult();
            _values.Clear();
        }

        public override string?[] Read(ParquetRowGroupReader group, long count)
        {
            var values = new T?[count];
            group.ReadAsync<T>(_field, values.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return Array.ConvertAll(values, v => v is T x ? format(x) : null);
        }
    }

    private sealed class Text(DataField dataField) : ParquetColumn
    {
        private readonly DataField _field = dataField;
        private readonly List<string?> _values = new();

        public override DataField Field => _field;

        public override void Add(string? text) => _values.Add(string.IsNullOrEmpty(text) ? null : text);

        public override void Flush(ParquetRowGroupWriter group)
        {
            group.WriteAsync(_field, _values!, null).GetAwaiter().GetResult();
            _values.Clear();
        }

        public override string?[] Read(ParquetRowGroupReader group, long count)
        {
            var values = new string?[count];
            group.ReadAsync(_field, values.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return values;
        }
    }
}
