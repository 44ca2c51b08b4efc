using System.Text;
using ReportParser.Batch;

namespace ReportParser.Tests.Cli;

/// <summary>Zip entry names without the UTF-8 flag: UTF-8 when valid, otherwise GB18030 (GBK archives from Chinese Windows).</summary>
public class ZipNameEncodingTests
{
    [Fact]
    public void Valid_utf8_names_are_read_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("报告/平潭县2021年.txt");
        ZipNameEncoding.Instance.GetString(bytes).Should().Be("报告/平潭县2021年.txt");
    }

    [Fact]
    public void Other_names_are_read_as_gb18030()
    {
        var bytes = BatchFixture.Gb18030.GetBytes("报告/平潭县2021年.txt");
        Encoding.UTF8.GetString(bytes).Should().NotBe("报告/平潭县2021年.txt");
        ZipNameEncoding.Instance.GetString(bytes).Should().Be("报告/平潭县2021年.txt");
        ZipNameEncoding.Instance.GetCharCount(bytes, 0, bytes.Length).Should().Be("报告/平潭县2021年.txt".Length);
    }

    [Fact]
    public void Ascii_names_are_unchanged()
    {
        ZipNameEncoding.Instance.GetString(Encoding.ASCII.GetBytes("dir/a-1.txt")).Should().Be("dir/a-1.txt");
    }
}
