using System.Text;
using ReportParser.Diagnostics;
using ReportParser.Input.Html;

namespace ReportParser.Input.Office;

/// <summary>
/// Reads MIME HTML (.mht, .mhtml: Word's and browsers' single-file web pages): the first text/html part
/// is decoded (quoted-printable or base64, then its charset, else the charset its markup declares) and
/// read by the HTML input. Other parts (images, styles) are ignored.
/// </summary>
internal static class MhtInput
{
    public static DocumentBlocks Read(ReportSource source, ReportParserOptions options, DiagnosticBag bag)
    {
        var empty = new DocumentBlocks(source.Name, SourceFormat.Mhtml, Array.Empty<Block>());
        var bytes = source.Bytes;
        if (bytes is null || bytes.Length == 0)
        {
            bag.Error(DiagnosticCode.EmptyInput, SourceLocation.Unknown, "the input is empty (0 bytes)");
            return empty;
        }
        var raw = Encoding.Latin1.GetString(bytes);
        var (headers, body) = SplitHeaders(raw, 0);
        var part = FindHtml(headers, body, 0);
        if (part is null)
        {
            bag.Error(DiagnosticCode.Unreadable, SourceLocation.Unknown, "the MIME HTML file holds no text/html part; not parsed");
            return empty;
        }
        var (partHeaders, partBody) = part.Value;
        var data = Decode(Header(partHeaders, "Content-Transfer-Encoding"), partBody);
        var declared = TextDecoder.ByName(Parameter(Header(partHeaders, "Content-Type"), "charset")) ?? TextDecoder.ByName(HtmlCharset.Sniff(data));
        var html = TextDecoder.Decode(data, bag, declared);
        if (html is null) return empty;
        var blocks = HtmlInput.Read(ReportSource.FromHtml(html, source.Name), options, bag);
        return blocks with { Format = SourceFormat.Mhtml };
    }

    /// <summary>The first text/html part: the body itself, or a part of a multipart body (searched two levels deep).</summary>
    private static (string Headers, string Body)? FindHtml(string headers, string body, int depth)
    {
        var type = Header(headers, "Content-Type") ?? "text/html";
        if (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) return (headers, body);
        if (!type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || depth > 2) return null;
        var boundary = Parameter(type, "boundary");
        if (string.IsNullOrEmpty(boundary)) return null;
        var marker = "--" + boundary;
        int at = body.IndexOf(marker, StringComparison.Ordinal);
        while (at >= 0)
        {
            int start = at + marker.Length;
            if (start + 1 < body.Length && body[start] == '-' && body[start + 1] == '-') break; // closing boundary
            int next = body.IndexOf(marker, start, StringComparison.Ordinal);
            var part = next < 0 ? body[start..] : body[start..next];
            var (h, b) = SplitHeaders(part.TrimStart('\r', '\n', ' ', '\t'), 0);
            if (FindHtml(h, b, depth + 1) is { } found) return found;
            at = next;
        }
        return null;
    }

    /// <summary>Headers (up to the first blank line) and the body after them.</summary>
    private static (string Headers, string Body) SplitHeaders(string text, int from)
    {
        int crlf = text.IndexOf("\r\n\r\n", from, StringComparison.Ordinal);
        int lf = text.IndexOf("\n\n", from, StringComparison.Ordinal);
        if (crlf >= 0 && (lf < 0 || crlf < lf)) return (text[from..crlf], text[(crlf + 4)..]);
        if (lf >= 0) return (text[from..lf], text[(lf + 2)..]);
        return (text[from..], "");
    }

    /// <summary>A header's value, continuation lines unfolded.</summary>
    private static string? Header(string headers, string name)
    {
        var lines = headers.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) continue;
            var sb = new StringBuilder(lines[i][(name.Length + 1)..].Trim());
            for (int j = i + 1; j < lines.Length && lines[j].Length > 0 && lines[j][0] is ' ' or '\t'; j++) sb.Append(' ').Append(lines[j].Trim());
            return sb.ToString();
        }
        return null;
    }

    private static string? Parameter(string? value, string name)
    {
        if (value is null) return null;
        foreach (var piece in value.Split(';'))
        {
            var p = piece.Trim();
            if (!p.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)) continue;
            return p[(name.Length + 1)..].Trim().Trim('"', '\'');
        }
        return null;
    }

    private static byte[] Decode(string? encoding, string body)
    {
        var e = encoding?.Trim().ToLowerInvariant();
        if (e == "base64") return DecodeBase64(body);
        if (e == "quoted-printable") return DecodeQuotedPrintable(body);
        return Encoding.Latin1.GetBytes(body);
    }

    /// <summary>Base64 with line breaks and stray characters dropped and the padding repaired; the raw text when it still does not decode.</summary>
    private static byte[] DecodeBase64(string body)
    {
        var sb = new StringBuilder(body.Length);
        foreach (var c in body) if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=') sb.Append(c);
        var s = sb.ToString();
        int pad = s.IndexOf('=', StringComparison.Ordinal);
        if (pad >= 0) s = s[..pad];
        s = s.PadRight((s.Length + 3) / 4 * 4, '=');
        return Convert.TryFromBase64String(s, new byte[s.Length], out _) ? Convert.FromBase64String(s) : Encoding.Latin1.GetBytes(body);
    }

    /// <summary>Quoted-printable: <c>=XX</c> escapes and soft line breaks; anything else is kept as it is.</summary>
    private static byte[] DecodeQuotedPrintable(string body)
    {
        var output = new List<byte>(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '=' && i + 1 < body.Length)
            {
                if (body[i + 1] == '\n') { i++; continue; }
                if (body[i + 1] == '\r' && i + 2 < body.Length && body[i + 2] == '\n') { i += 2; continue; }
                if (i + 2 < body.Length && Uri.IsHexDigit(body[i + 1]) && Uri.IsHexDigit(body[i + 2]))
                {
                    output.Add((byte)((Convert.ToInt32(body[i + 1].ToString(), 16) << 4) | Convert.ToInt32(body[i + 2].ToString(), 16)));
                    i += 2;
                    continue;
                }
            }
            output.Add((byte)c);
        }
        return output.ToArray();
    }
}
