using System.Globalization;
using System.Text;

namespace ReportParser.Batch;

/// <summary>
/// The K-th of N deterministic parts of a batch's inputs. A file belongs to shard <c>1 + FNV-1a-64(identity) mod N</c>,
/// where the identity is the file's name in the files table with <c>\</c> read as <c>/</c>; so every file is in exactly
/// one shard, whatever the machine or the order the shards run in.
/// </summary>
/// <param name="K">The part, 1 ≤ K ≤ N.</param>
/// <param name="N">The number of parts.</param>
public readonly record struct Shard(int K, int N)
{
    /// <summary>The whole batch: part 1 of 1.</summary>
    public static Shard All => new(1, 1);

    /// <summary>True when the shard is the whole batch (N ≤ 1, which includes the default value).</summary>
    public bool IsAll => N <= 1;

    /// <summary>Reads <c>K/N</c>; an empty or null text is <see cref="All"/>.</summary>
    /// <param name="text">The text, e.g. <c>2/8</c>.</param>
    /// <param name="shard">The shard read, or <see cref="All"/>.</param>
    /// <param name="error">Why the text was refused, or empty.</param>
    /// <returns>False when the text is not <c>K/N</c> with 1 ≤ K ≤ N.</returns>
    public static bool TryParse(string? text, out Shard shard, out string error)
    {
        shard = All;
        error = "";
        if (string.IsNullOrWhiteSpace(text)) return true;
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            error = $"--shard expects K/N, e.g. 2/8; got '{text}'";
            return false;
        }
        if (n < 1 || k < 1 || k > n)
        {
            error = $"--shard K/N needs 1 ≤ K ≤ N; got '{text}'";
            return false;
        }
        shard = new Shard(k, n);
        return true;
    }

    /// <summary>True when the file with this identity belongs to the shard.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="identity"/> is null.</exception>
    public bool Contains(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return IsAll || (int)(Hash(identity) % (ulong)N) == K - 1;
    }

    /// <summary>FNV-1a-64 of the identity's UTF-8 bytes, with <c>\</c> read as <c>/</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="identity"/> is null.</exception>
    public static ulong Hash(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ulong h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(identity.Replace('\\', '/')))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return h;
    }

    /// <summary><c>K/N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{K}/{N}");
}
