using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReportParser.Export;

/// <summary>
/// The two fingerprints of the wide <c>reports</c> table: <c>sha256</c> (of the file's bytes) and <c>tables_hash</c> (of
/// the stated table values), which the cross-report checks compare to find duplicates and copied tables.
/// </summary>
public static class ReportFingerprints
{
    /// <summary>A table fingerprint needs at least this many non-zero cells: all-zero tables are common and prove no copying.</summary>
    public const int MinNonZeroCells = 3;

    /// <summary>A hex SHA-256 prefix (128 bits) of bytes: the <c>sha256</c> column.</summary>
    public static string Content(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..(ContentDigits / 2)]);
    }

    /// <summary>The whole SHA-256 of bytes in lower-case hex (the manifest's); <see cref="Content"/> is its first <see cref="ContentDigits"/> digits.</summary>
    internal static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The hex digits of <see cref="Content"/>: a prefix of <see cref="Sha256"/>.</summary>
    internal const int ContentDigits = 32;

    /// <summary>
    /// The <c>tables_hash</c> of a report's values aligned with <see cref="ReportCellKeys.All"/> (see
    /// <see cref="ReportCellKeys.Values(AnnualReport)"/>): a hash of <c>key=value</c> lines of the stated cells, or null when
    /// fewer than <see cref="MinNonZeroCells"/> of them are non-zero.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static string? Tables(IReadOnlyList<decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sb = new StringBuilder(8192);
        int nonZero = 0;
        for (int i = 0; i < values.Count && i < ReportCellKeys.All.Count; i++)
        {
            if (values[i] is not decimal v) continue;
            if (v != 0) nonZero++;
            sb.Append(ReportCellKeys.All[i]).Append('=').Append(v.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return nonZero < MinNonZeroCells ? null : Content(Encoding.UTF8.GetBytes(sb.ToString()));
    }
}
