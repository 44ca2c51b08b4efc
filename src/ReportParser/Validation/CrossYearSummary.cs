using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReportParser.Export;

namespace ReportParser.Validation;

/// <summary>
/// The little a batch keeps of each report for the cross-report checks of <see cref="CrossYearChecks"/>: identity,
/// agency, year, content and table fingerprints, and table 三's 上年结转 and 结转下年度 rows. Built from the wide
/// values of <see cref="ReportCellKeys.Values"/>, so it can be rebuilt from a written <c>reports.csv</c>.
/// </summary>
/// <param name="Index">Position of the file in the batch's input enumeration (orders the findings).</param>
/// <param name="File">The file identity (path, or <c>archive.zip!entry</c>).</param>
/// <param name="Agency">发布机构, or null.</param>
/// <param name="Year">Report year, or null.</param>
/// <param name="ContentHash">A hash of the file's bytes, or null.</param>
/// <param name="TablesHash">A hash of the stated table values, or null when fewer than <see cref="MinNonZeroCells"/> are non-zero
/// (all-zero tables are common and prove no copying).</param>
/// <param name="CarriedOver">Table 三 row 二、上年结转, per applicant column (<see cref="ReportCellKeys.RequestColumns"/>); null = not stated.</param>
/// <param name="CarriedForward">Table 三 row 四、结转下年度继续办理, per applicant column.</param>
public sealed record CrossYearSummary(long Index, string File, string? Agency, int? Year, string? ContentHash, string? TablesHash,
    IReadOnlyList<decimal?> CarriedOver, IReadOnlyList<decimal?> CarriedForward)
{
    /// <summary>Table fingerprints need at least this many non-zero cells.</summary>
    public const int MinNonZeroCells = 3;

    /// <summary>Builds a summary from a report's wide values (aligned with <see cref="ReportCellKeys.All"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is not aligned with <see cref="ReportCellKeys.All"/>.</exception>
    public static CrossYearSummary FromValues(long index, string file, string? agency, int? year, string? contentHash, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != ReportCellKeys.All.Count) throw new ArgumentException($"expected {ReportCellKeys.All.Count} values, got {values.Count}", nameof(values));
        return new CrossYearSummary(index, file, string.IsNullOrWhiteSpace(agency) ? null : agency, year, string.IsNullOrEmpty(contentHash) ? null : contentHash,
            TablesHashOf(values), Row(values, "CarriedOver"), Row(values, "CarriedForward"));
    }

    /// <summary>A hex SHA-256 prefix (128 bits) of bytes: the content fingerprint written to <c>reports.csv</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
    public static string HashBytes(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The table fingerprint of wide values, or null when fewer than <see cref="MinNonZeroCells"/> cells are non-zero.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static string? TablesHashOf(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sb = new StringBuilder(8192);
        int nonZero = 0;
        for (int i = 0; i < values.Count && i < ReportCellKeys.All.Count; i++)
        {
            var v = values[i];
            if (string.IsNullOrEmpty(v)) continue;
            if (v.AsSpan().IndexOfAnyInRange('1', '9') >= 0) nonZero++; // invariant-culture numbers: non-zero iff a digit 1–9
            sb.Append(ReportCellKeys.All[i]).Append('=').Append(v).Append('\n');
        }
        return nonZero < MinNonZeroCells ? null : HashBytes(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static decimal?[] Row(IReadOnlyList<string?> values, string row)
    {
        var result = new decimal?[ReportCellKeys.RequestColumns.Count];
        for (int c = 0; c < result.Length; c++)
        {
            int i = ReportCellKeys.IndexOf($"Requests.{row}.{ReportCellKeys.RequestColumns[c]}");
            if (i >= 0 && values[i] is { Length: > 0 } v && decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) result[c] = d;
        }
        return result;
    }
}
