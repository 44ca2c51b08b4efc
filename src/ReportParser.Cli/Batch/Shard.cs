using System.Globalization;
using System.Text;

namespace ReportParser.Cli.Batch;

/// <summary>
/// <c>--shard K/N</c>: the K-th of N deterministic parts of the inputs. A file belongs to shard
/// <c>1 + FNV-1a-64(identity) mod N</c>, where the identity is the file's name in files.csv with <c>\</c> read as
/// <c>/</c>; so every file is in exactly one shard, whatever the machine or the order the shards run in.
/// </summary>
internal readonly record struct Shard(int K, int N)
{
    public static Shard All => new(1, 1);

    public bool IsAll => N == 1;

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

    public bool Contains(string identity) => IsAll || (int)(Hash(identity) % (ulong)N) == K - 1;

    public static ulong Hash(string identity)
    {
        ulong h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(identity.Replace('\\', '/')))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return h;
    }

    public override string ToString() => $"{K}/{N}";
}
