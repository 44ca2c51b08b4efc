using System.Text;

namespace ReportParser.Tests.Robustness;

/// <summary>
/// Seeded mutations of a document's bytes: truncation, byte flips, deleted and duplicated lines, shuffled
/// cells, inserted junk tables, wrong encodings, binary garbage. The same seed gives the same mutants, so a
/// failure reproduces from its name.
/// </summary>
internal static class Mutator
{
    public static readonly string[] Kinds =
    {
        "truncate", "flip-bytes", "delete-lines", "duplicate-lines", "shuffle-cells", "junk-table", "mojibake", "garbage", "swap-digits", "splice",
    };

    /// <summary>A stable 32-bit hash (FNV-1a) for seeding.</summary>
    public static int Seed(string s)
    {
        unchecked
        {
            uint h = 2166136261;
            foreach (var c in s) { h ^= c; h *= 16777619; }
            return (int)(h & 0x7FFFFFFF);
        }
    }

    public static byte[] Mutate(byte[] original, string kind, Random rnd)
    {
        switch (kind)
        {
            case "truncate":
                return original[..rnd.Next(0, original.Length + 1)];
            case "flip-bytes":
            {
                var b = (byte[])original.Clone();
                int n = rnd.Next(1, 40);
                for (int i = 0; i < n && b.Length > 0; i++) b[rnd.Next(b.Length)] = (byte)rnd.Next(256);
                return b;
            }
            case "garbage":
            {
                var b = new byte[rnd.Next(0, 20000)];
                rnd.NextBytes(b);
                return b;
            }
            case "splice":
            {
                // The first part of the document followed by its own tail from elsewhere.
                if (original.Length < 2) return original;
                int a = rnd.Next(original.Length), c = rnd.Next(original.Length);
                return original[..a].Concat(original[c..]).ToArray();
            }
        }

        // Line-level mutations work on text (binary formats get garbled, which is fine: they must not crash either).
        var text = Encoding.UTF8.GetString(original);
        var lines = text.Split('\n').ToList();
        switch (kind)
        {
            case "delete-lines":
                for (int i = rnd.Next(1, 10); i > 0 && lines.Count > 0; i--) lines.RemoveAt(rnd.Next(lines.Count));
                break;
            case "duplicate-lines":
                for (int i = rnd.Next(1, 10); i > 0 && lines.Count > 0; i--)
                {
                    int at = rnd.Next(lines.Count);
                    lines.Insert(rnd.Next(lines.Count), lines[at]);
                }
                break;
            case "shuffle-cells":
                for (int i = rnd.Next(1, 8); i > 0 && lines.Count > 0; i--)
                {
                    int at = rnd.Next(lines.Count);
                    var cells = lines[at].Split('\t');
                    lines[at] = string.Join('\t', cells.OrderBy(_ => rnd.Next()));
                }
                break;
            case "junk-table":
            {
                var junk = new StringBuilder();
                int rows = rnd.Next(1, 30), cols = rnd.Next(1, 40);
                string[] words = { "总计", "自然人", "行政许可", "第二十条第（五）项", "予以公开", "—", "1.5", "-7", "９９", "x", "三、本年度办理结果", "行政复议" };
                for (int r = 0; r < rows; r++)
                {
                    for (int c = 0; c < cols; c++)
                    {
                        if (c > 0) junk.Append('\t');
                        junk.Append(rnd.Next(3) == 0 ? words[rnd.Next(words.Length)] : rnd.Next(0, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                    junk.Append('\n');
                }
                lines.Insert(rnd.Next(lines.Count + 1), junk.ToString());
                break;
            }
            case "mojibake":
                return Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(original));
            case "swap-digits":
            {
                var chars = text.ToCharArray();
                for (int i = 0; i < chars.Length; i++)
                {
                    if (char.IsAsciiDigit(chars[i]) && rnd.Next(4) == 0) chars[i] = "0123456789９一—-./"[rnd.Next(16)];
                }
                return Encoding.UTF8.GetBytes(chars);
            }
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }
}
