using ReportParser.Text;

namespace ReportParser;

/// <summary>One sentence of a report's prose: a 64-bit hash of its text (white space dropped, digits read as one mark) and its length.</summary>
/// <param name="Hash">FNV-1a hash of the normalised sentence.</param>
/// <param name="Length">Characters of the normalised sentence.</param>
public readonly record struct SentenceFingerprint(ulong Hash, int Length)
{
    /// <summary>Sentences shorter than this (normalised) are not kept: 一是, 无, headings prove nothing.</summary>
    public const int MinLength = 10;

    /// <summary>At most this many sentences are kept per report.</summary>
    public const int MaxSentences = 2000;

    /// <summary>The fingerprints as one text, <c>hash:length</c> tokens separated by spaces (the <c>prose_sentences</c> column of the reports table).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sentences"/> is null.</exception>
    public static string Format(IEnumerable<SentenceFingerprint> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return string.Join(' ', sentences.Select(f => f.Hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + ":" + f.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Reads <see cref="Format"/>'s text back; malformed tokens are skipped.</summary>
    public static SentenceFingerprint[] ParseList(string? text)
    {
        if (string.IsNullOrEmpty(text)) return Array.Empty<SentenceFingerprint>();
        var result = new List<SentenceFingerprint>();
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = token.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && ulong.TryParse(token.AsSpan(0, colon), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var h)
                && int.TryParse(token.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                result.Add(new SentenceFingerprint(h, n));
        }
        return result.ToArray();
    }

    /// <summary>The sentences of every section's running text, table text left out.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static SentenceFingerprint[] Of(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = new List<SentenceFingerprint>();
        foreach (var section in report.Sections)
        {
            foreach (var sentence in ProseText.Sentences(ProseText.Prose(section)))
            {
                if (Of(sentence) is { } f) result.Add(f);
                if (result.Count >= MaxSentences) return result.ToArray();
            }
        }
        return result.ToArray();
    }

    /// <summary>The fingerprint of one sentence, or null when it is too short.</summary>
    public static SentenceFingerprint? Of(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ulong h = 14695981039346656037UL;
        int n = 0;
        bool inDigits = false;
        foreach (char raw in sentence)
        {
            if (char.IsWhiteSpace(raw)) continue;
            bool digit = raw is >= '0' and <= '9' or >= '０' and <= '９' || (raw == '.' && inDigits);
            if (digit && inDigits) continue;
            inDigits = digit;
            char c = digit ? '#' : raw;
            h = (h ^ c) * 1099511628211UL;
            n++;
        }
        return n < MinLength ? null : new SentenceFingerprint(h, n);
    }
}

/// <summary>A standard table's fingerprints: of its detail cells (every stated cell but the totals) and of all its stated cells.</summary>
/// <param name="Table">The table key (Requests, ReviewLitigation).</param>
/// <param name="Detail">Hash of the detail cells, or null when fewer than <see cref="MinNonZeroDetail"/> are non-zero (nothing to prove copying).</param>
/// <param name="Full">Hash of every stated cell.</param>
public sealed record TableFingerprint(string Table, string? Detail, string Full)
{
    /// <summary>The detail cells need at least this many non-zero values to show a copy.</summary>
    public const int MinNonZeroDetail = 3;

    /// <summary>The fingerprints of tables 三 and 四 from their stated cells, as <c>Table.Row.Column</c> keys and values (order does not matter).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> is null.</exception>
    public static TableFingerprint[] Of(IEnumerable<(string Key, decimal? Value)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var byTable = cells.Where(c => c.Value.HasValue)
            .GroupBy(c => c.Key[..Math.Max(0, c.Key.IndexOf('.', StringComparison.Ordinal))], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Key, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var result = new List<TableFingerprint>(2);
        foreach (var table in new[] { "Requests", "ReviewLitigation" })
        {
            if (byTable.TryGetValue(table, out var list)) result.Add(Of(table, list));
        }
        return result.ToArray();
    }

    /// <summary>A total cell: table 三's 总计 column and （七）总计 row, table 四's group totals.</summary>
    private static bool IsTotal(string key)
        => key.StartsWith("Requests.Total.", StringComparison.Ordinal) || key.EndsWith(".Total", StringComparison.Ordinal);

    private static TableFingerprint Of(string table, List<(string Key, decimal? Value)> cells)
    {
        var detail = new System.Text.StringBuilder();
        var full = new System.Text.StringBuilder();
        int nonZero = 0;
        foreach (var (key, value) in cells)
        {
            decimal v = value!.Value;
            var line = key + "=" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n";
            full.Append(line);
            if (IsTotal(key)) continue;
            detail.Append(line);
            if (v != 0) nonZero++;
        }
        return new TableFingerprint(table, nonZero >= MinNonZeroDetail ? Hash(detail.ToString()) : null, Hash(full.ToString()));
    }

    private static string Hash(string s)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s)).AsSpan(0, 16));
}
