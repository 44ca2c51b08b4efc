using System.IO.Hashing;
using System.Text;
using ReportParser.Batch;

namespace ReportParser.Tests.Cli;

/// <summary>
/// Zip entry names as 7-Zip and Windows Explorer on Chinese Windows show them: the UTF-8 flag, then the Info-ZIP
/// Unicode path field, then (archives made on Unix) valid UTF-8, otherwise GBK; bytes that decode to nothing escaped.
/// </summary>
public class ZipNameEncodingTests
{
    private const byte Dos = 0, Unix = 3;

    [Fact]
    public void Flagged_names_are_read_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("报告/平潭县2021年.txt");
        ZipNameEncoding.Decode(bytes, 0x800, Dos, default).Should().Be("报告/平潭县2021年.txt");
    }

    [Fact]
    public void Gbk_names_without_the_flag_are_read_as_gbk()
    {
        var bytes = BatchFixture.Gb18030.GetBytes("报告/平潭县2021年.txt");
        Encoding.UTF8.GetString(bytes).Should().NotBe("报告/平潭县2021年.txt");
        ZipNameEncoding.Decode(bytes, 0, Dos, default).Should().Be("报告/平潭县2021年.txt");
        ZipNameEncoding.Decode(bytes, 0, Unix, default).Should().Be("报告/平潭县2021年.txt");
    }

    [Fact]
    public void A_gbk_name_that_happens_to_be_valid_utf8_is_gbk_in_an_archive_made_on_windows()
    {
        // "鍏抽棴" in GBK is the UTF-8 of "关闭": a Windows archiver wrote GBK, so it reads as 鍏抽棴, as Explorer shows it.
        var bytes = Encoding.UTF8.GetBytes("关闭.txt");
        ZipNameEncoding.Decode(bytes, 0, Dos, default).Should().Be("鍏抽棴.txt");
        ZipNameEncoding.Decode(bytes, 0, Unix, default).Should().Be("关闭.txt");
    }

    [Fact]
    public void The_unicode_path_field_wins_over_the_code_page_when_its_checksum_matches()
    {
        var raw = Encoding.ASCII.GetBytes("_____.txt");
        var unicode = Encoding.UTF8.GetBytes("年度报告.txt");
        byte[] Field(uint crc)
        {
            var f = new byte[4 + 5 + unicode.Length];
            BitConverter.GetBytes((ushort)0x7075).CopyTo(f, 0);
            BitConverter.GetBytes((ushort)(5 + unicode.Length)).CopyTo(f, 2);
            f[4] = 1;
            BitConverter.GetBytes(crc).CopyTo(f, 5);
            unicode.CopyTo(f, 9);
            return f;
        }
        ZipNameEncoding.Decode(raw, 0, Dos, Field(Crc32.HashToUInt32(raw))).Should().Be("年度报告.txt");
        ZipNameEncoding.Decode(raw, 0, Dos, Field(Crc32.HashToUInt32(raw) ^ 1)).Should().Be("_____.txt", "a stale field (the name was changed since) is ignored");
    }

    [Fact]
    public void Bytes_that_decode_to_nothing_and_reserved_characters_are_escaped()
    {
        ZipNameEncoding.Decode(new byte[] { (byte)'a', 0xFF, (byte)'b' }, 0, Dos, default).Should().Be("a%FFb");
        ZipNameEncoding.Decode(new byte[] { (byte)'a', 0xFF, (byte)'b' }, 0x800, Dos, default).Should().Be("a%FFb");
        ZipNameEncoding.Decode(Encoding.ASCII.GetBytes("a.zip!b%c#d.txt"), 0, Dos, default).Should().Be("a.zip%21b%25c%23d.txt");
    }

    [Fact]
    public void Ascii_names_are_unchanged()
    {
        ZipNameEncoding.Decode(Encoding.ASCII.GetBytes("dir/a-1.txt"), 0, Dos, default).Should().Be("dir/a-1.txt");
    }
}
