using System.Text;

namespace ReportParser.Batch;

/// <summary>
/// Decodes zip entry names that lack the UTF-8 flag: as UTF-8 when the bytes are valid UTF-8 (archives made on Linux
/// or macOS), otherwise as GB18030 (archives made on Chinese Windows, whose names are in the ANSI code page GBK).
/// Names with the UTF-8 flag are decoded as UTF-8 by <see cref="System.IO.Compression.ZipArchive"/> itself.
/// </summary>
internal sealed class ZipNameEncoding : Encoding
{
    public static readonly ZipNameEncoding Instance = new();

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding Gb18030;

    static ZipNameEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030");
    }

    private static Encoding For(byte[] bytes, int index, int count)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes, index, count);
            return StrictUtf8;
        }
        catch (DecoderFallbackException)
        {
            return Gb18030;
        }
    }

    public override int GetByteCount(char[] chars, int index, int count) => UTF8.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
        => UTF8.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetCharCount(byte[] bytes, int index, int count) => For(bytes, index, count).GetCharCount(bytes, index, count);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        => For(bytes, byteIndex, byteCount).GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    public override string GetString(byte[] bytes, int index, int count) => For(bytes, index, count).GetString(bytes, index, count);

    public override int GetMaxByteCount(int charCount) => UTF8.GetMaxByteCount(charCount);

    public override int GetMaxCharCount(int byteCount) => UTF8.GetMaxCharCount(byteCount);
}
