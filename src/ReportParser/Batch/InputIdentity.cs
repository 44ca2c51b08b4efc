using System.Globalization;
using System.Text;

namespace ReportParser.Batch;

/// <summary>
/// Builds the identities of <see cref="InputFile.File"/> so that two inputs never share one and each can be traced
/// back: <c>path</c> for a file on disk, <c>path!entry</c> for an archive entry, <c>path!inner.zip!entry</c> one level
/// down, and <c>entry#2</c>, <c>entry#3</c> … for the second and later entries of one archive with the same name.
/// In every part, <c>%</c>, <c>!</c>, <c>#</c>, control characters and each byte that is not valid text in the
/// name's encoding are written as <c>%XX</c> (the byte in two upper-case hexadecimal digits; a character as its UTF-8
/// bytes), as in a URL. Undoing the escapes gives back the name's bytes (file names on disk) or its text (entry names).
/// </summary>
internal static class InputIdentity
{
    /// <summary>Separates an archive from its entry.</summary>
    public const char Separator = '!';

    /// <summary>Numbers a repeated entry name.</summary>
    public const char Repeat = '#';

    private static bool NeedsEscape(Rune r) => r.Value is '%' or Separator or Repeat or < 0x20 or 0x7F;

    /// <summary>A name given as text (a path argument, a decoded entry name), escaped.</summary>
    public static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAny("%!#") && !HasControl(text)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var r in text.EnumerateRunes()) Append(sb, r);
        return sb.ToString();
    }

    /// <summary>
    /// A name given as bytes that should be UTF-8 (a file name on Linux): valid sequences as text, every other byte as
    /// <c>%XX</c>. <paramref name="valid"/> says whether the name was valid UTF-8 throughout.
    /// </summary>
    public static string EscapeUtf8(ReadOnlySpan<byte> bytes, out bool valid)
    {
        valid = true;
        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var r, out int used) == System.Buffers.OperationStatus.Done)
            {
                Append(sb, r);
            }
            else
            {
                valid = false;
                used = 1;
                AppendByte(sb, bytes[0]);
            }
            bytes = bytes[used..];
        }
        return sb.ToString();
    }

    /// <summary>Appends one character, escaped when it must be.</summary>
    public static void Append(StringBuilder sb, Rune r)
    {
        if (!NeedsEscape(r))
        {
            sb.Append(r.ToString());
            return;
        }
        Span<byte> utf8 = stackalloc byte[4];
        int n = r.EncodeToUtf8(utf8);
        foreach (var b in utf8[..n]) AppendByte(sb, b);
    }

    /// <summary>Appends one byte as <c>%XX</c>.</summary>
    public static void AppendByte(StringBuilder sb, byte b) => sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));

    private static bool HasControl(string text)
    {
        foreach (var c in text) if (c < 0x20 || c == 0x7F) return true;
        return false;
    }

    /// <summary>The identity of an entry (already escaped) of an archive (already escaped).</summary>
    public static string Entry(string archive, string entry) => archive + Separator + entry;

    /// <summary>The <paramref name="occurrence"/>th (from 1) entry of one archive named <paramref name="name"/>.</summary>
    public static string Numbered(string name, int occurrence)
        => occurrence <= 1 ? name : name + Repeat + occurrence.ToString(CultureInfo.InvariantCulture);
}
