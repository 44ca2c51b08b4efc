using System.Globalization;
using System.Text;
using ReportParser.Batch;
using static ReportParser.Tests.Cli.BatchFixture;

namespace ReportParser.Tests.Batch;

/// <summary>
/// Folders that once broke the batch: paths over the system's 4,096-byte limit, FIFOs, devices, link cycles, names
/// that are not UTF-8; each thing listed once with its reason, the good files beside it parsed, nothing hanging.
/// </summary>
public sealed class DiskInputTests : BatchInputTestBase
{
    public DiskInputTests()
        : base("disk")
    {
    }

    private void RequireLinuxShell()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "walking by handle (long paths, FIFOs, raw names) is what Linux needs; other systems use the managed walk");
        Skip.IfNot(File.Exists("/bin/sh"), "needs /bin/sh to make the folder");
    }

    [SkippableFact]
    public async Task A_path_longer_than_4096_bytes_is_walked_and_its_files_kept()
    {
        RequireLinuxShell();
        var name = new string('长', 80); // 240 bytes of UTF-8 per level, 20 levels: 4,800 bytes
        Write("top.txt", ReportBytes(1));
        File.WriteAllBytes(Path.Combine(Root, "deep.tmp"), ReportBytes(2));
        File.WriteAllBytes(Path.Combine(Root, "deep2.tmp"), ReportBytes(3));
        MakeDeep(Root, name, 20, ("deep.tmp", "deep.txt"), ("deep2.tmp", "z.txt"));
        var deepFolder = Root + string.Concat(Enumerable.Repeat("/" + name, 20));
        Encoding.UTF8.GetByteCount(deepFolder).Should().BeGreaterThan(4096);
        Write("zz-after.txt", ReportBytes(4));

        var rows = await Export(Root);
        rows.Select(r => r.File).Should().Equal(Path.Combine(Root, "top.txt"), Path.Combine(Root, "zz-after.txt"), deepFolder + "/deep.txt", deepFolder + "/z.txt");
        rows.Should().OnlyContain(r => r.Status == "parsed");
        // Such a file cannot be reopened by its path later, so it is read while the walk stands at it.
        new InputEnumerator([Root]).Enumerate().Single(i => i.File.EndsWith("/deep.txt", StringComparison.Ordinal)).Bytes.Should().Equal(ReportBytes(2));
    }

    /// <summary>Makes <paramref name="levels"/> nested folders by handle (a shell's cd gives up past the path limit) and moves files from the root into the deepest.</summary>
    private static void MakeDeep(string root, string name, int levels, params (string From, string To)[] moves)
    {
        var bytes = Encoding.UTF8.GetBytes(name + "\0");
        int fd = Native.openat(-100, Encoding.UTF8.GetBytes(root + "\0"), 0);
        fd.Should().BeGreaterThanOrEqualTo(0);
        for (int i = 0; i < levels; i++)
        {
            Native.mkdirat(fd, bytes, 0x1ED).Should().Be(0);
            int next = Native.openat(fd, bytes, 0);
            _ = Native.close(fd);
            fd = next;
            fd.Should().BeGreaterThanOrEqualTo(0);
        }
        foreach (var (from, to) in moves)
            Native.renameat(-100, Encoding.UTF8.GetBytes(Path.Combine(root, from) + "\0"), fd, Encoding.UTF8.GetBytes(to + "\0")).Should().Be(0);
        _ = Native.close(fd);
    }

    private static class Native
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        public static extern int openat(int dirfd, byte[] path, int flags);

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        public static extern int mkdirat(int dirfd, byte[] path, uint mode);

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        public static extern int renameat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath);

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);
    }

    [SkippableFact]
    public async Task Fifos_devices_and_link_cycles_are_listed_without_being_opened_and_nothing_hangs()
    {
        RequireLinuxShell();
        var a = Write("a.txt", ReportBytes(1));
        var b = Write(Path.Combine("sub", "b.txt"), ReportBytes(2));
        Shell("cd \"$1\" && mkfifo fifo && ln -s /dev/zero zero && ln -s . loop && ln -s .. sub/up && ln -s nowhere dangling && ln -s a.txt link.txt", Root);
        string P(string n) => Path.Combine(Root, n);

        var rows = await Export(Root);
        rows.Select(r => r.File).Should().Equal(P("a.txt"), P("dangling"), P("fifo"), P("link.txt"), P("loop"), P("sub/b.txt"), P("sub/up"), P("zero"));
        Only(rows, a).Status.Should().Be("parsed");
        Only(rows, b).Status.Should().Be("parsed");
        Only(rows, P("link.txt")).Status.Should().Be("parsed");
        Only(rows, P("fifo")).Should().Be(new Row(P("fifo"), "unreadable", "not a regular file (a FIFO)", ""));
        Only(rows, P("zero")).Should().Be(new Row(P("zero"), "unreadable", "not a regular file (a character device)", ""));
        Only(rows, P("dangling")).Should().Match<Row>(r => r.Status == "unreadable" && r.Reason.StartsWith("a link to nothing"));
        Only(rows, P("loop")).Should().Match<Row>(r => r.Status == "not-a-report" && r.Reason.StartsWith("a link to a folder already walked"));
        Only(rows, P("sub/up")).Status.Should().Be("not-a-report");

        // check and parse read their inputs the same way: they end too.
        var check = Task.Run(() => Run("check", Root));
        (await check.WaitAsync(TimeSpan.FromSeconds(120))).Err.Should().Contain("not a regular file (a FIFO)");
        var direct = new InputEnumerator(["/dev/zero", P("fifo")]).Enumerate().ToList();
        direct.Select(i => i.Reason).Should().Equal("not a regular file (a character device)", "not a regular file (a FIFO)");
    }

    [SkippableFact]
    public async Task A_fifo_swapped_in_after_the_folder_was_listed_is_refused_on_its_handle()
    {
        RequireLinuxShell();
        var path = Write("later.txt", ReportBytes(1));
        var item = new InputEnumerator([path]).Enumerate().Single();
        item.Path.Should().Be(path);
        Shell("cd \"$1\" && rm later.txt && mkfifo later.txt", Root);

        var read = await Task.Run(() => item.Read(1 << 20)).WaitAsync(TimeSpan.FromSeconds(30));
        read.Failure.Should().Be("not a regular file (a FIFO)");
        FluentActions.Invoking(item.ReadAllBytes).Should().Throw<IOException>().WithMessage("*not a regular file (a FIFO)");
        var outcome = ReportExporter.Process(item, new ExportOptions { Inputs = [path], OutputDirectory = Root });
        outcome.Status.Should().Be(ReportStatus.Unreadable);
        outcome.Reason.Should().Be("not a regular file (a FIFO)");
    }

    [SkippableFact]
    public async Task Two_names_that_are_not_utf8_stay_two_files_with_escaped_reversible_identities()
    {
        RequireLinuxShell();
        File.WriteAllBytes(Path.Combine(Root, "1.tmp"), ReportBytes(1));
        File.WriteAllBytes(Path.Combine(Root, "2.tmp"), ReportBytes(2));
        // GBK 报告 and a lone 0xFF: neither is UTF-8; .NET's own listing turns both into U+FFFD and loses them.
        Shell("cd \"$1\" && mv 1.tmp \"$(printf 'r\\261\\250\\270\\346.txt')\" && mv 2.tmp \"$(printf 'r\\377.txt')\" && printf x > 'pct%41.txt'", Root);

        var rows = await Export(Root);
        var prefix = Root + "/";
        rows.Select(r => r.File).Should().Equal(prefix + "pct%2541.txt", prefix + "r%B1%A8%B8%E6.txt", prefix + "r%FF.txt");
        Only(rows, prefix + "r%B1%A8%B8%E6.txt").Status.Should().Be("parsed");
        Only(rows, prefix + "r%FF.txt").Status.Should().Be("parsed");
        Unescape("r%B1%A8%B8%E6.txt").Should().Equal(new byte[] { (byte)'r', 0xB1, 0xA8, 0xB8, 0xE6, (byte)'.', (byte)'t', (byte)'x', (byte)'t' });
        Unescape("pct%2541.txt").Should().Equal(Utf8("pct%41.txt"));
        var items = new InputEnumerator([Root]).Enumerate().ToList();
        items.Single(i => i.File.EndsWith("r%FF.txt", StringComparison.Ordinal)).Bytes.Should().Equal(ReportBytes(2));
    }

    /// <summary>The documented reverse of the identity escape: each %XX back to its byte.</summary>
    private static byte[] Unescape(string identity)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < identity.Length; i++)
        {
            if (identity[i] == '%')
            {
                bytes.Add(byte.Parse(identity.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
                continue;
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(identity[i].ToString()));
        }
        return bytes.ToArray();
    }

    [SkippableFact]
    public async Task A_folder_that_cannot_be_read_is_a_row_and_no_reason_holds_an_absolute_path()
    {
        RequireLinuxShell();
        var good = Write("a.txt", ReportBytes(1));
        Write(Path.Combine("locked", "hidden.txt"), ReportBytes(2));
        Write("broken.zip", Encoding.ASCII.GetBytes("PK\x03\x04 not an archive"));
        Shell("chmod 000 \"$1/locked\"", Root);
        bool root = Directory.Exists(Path.Combine(Root, "locked")) && TryList(Path.Combine(Root, "locked"));
        var missing = Path.Combine(Root, "missing.txt");

        var rows = await Export(Root, missing);
        Only(rows, good).Status.Should().Be("parsed");
        if (!root)
            Only(rows, Path.Combine(Root, "locked")).Should().Be(new Row(Path.Combine(Root, "locked"), "unreadable", "cannot read the folder: permission denied", ""));
        Only(rows, missing).Reason.Should().Be("not found");
        rows.Should().OnlyContain(r => !r.Reason.Contains(Root) && !r.Reason.Contains("/tmp"));
        Reasons.WithoutPaths("Could not find file '/tmp/x/y 1.txt'. (see /var/log/a.log)").Should().Be("Could not find file '…/y 1.txt'. (see …/a.log)");
        Reasons.WithoutPaths("table 1/2, 本年 3/4, A/B/C").Should().Be("table 1/2, 本年 3/4, A/B/C");
        var parserFailure = ReportExporter.Process(new InputFile(0, "x.txt", "") { Bytes = ReportBytes(1) },
            new ExportOptions { Inputs = ["x.txt"], OutputDirectory = Root, Parse = (_, _) => throw new IOException($"Could not read '{Root}/x.txt'") });
        parserFailure.ToRow().Reason.Should().Be("the parser failed: IOException: Could not read '…/x.txt'");
        new InputEnumerator([Path.Combine(Root, "a.txt") + "\0b"]).Enumerate().Single().Reason.Should().Be("not found", "a NUL never shortens the path to another file");
    }

    private static bool TryList(string dir)
    {
        try
        {
            _ = Directory.GetFiles(dir);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [Fact]
    public void A_file_that_grows_or_vanishes_after_it_was_listed_is_read_no_further_than_the_limit()
    {
        var grows = Write("grows.txt", ReportBytes(1));
        var vanishes = Write("vanishes.txt", ReportBytes(2));
        var items = new InputEnumerator([grows, vanishes], maxEntryBytes: 100_000).Enumerate().ToList();
        File.WriteAllBytes(grows, new byte[300_000]);
        File.Delete(vanishes);

        var options = new ExportOptions { Inputs = [grows], OutputDirectory = Root, ParserOptions = ReportParserOptions.Default with { MaxInputBytes = 100_000 } };
        var grown = ReportExporter.Process(items[0], options);
        grown.Status.Should().Be(ReportStatus.Unreadable);
        grown.Reason.Should().Be("the file is 300,000 bytes, over the limit of 100,000");
        var gone = ReportExporter.Process(items[1], options);
        gone.Status.Should().Be(ReportStatus.Unreadable);
        gone.Reason.Should().Be("not found");
        items[0].ReadAllBytes().Length.Should().Be(100_001, "ReadAllBytes stops one byte past the limit, which the parser then refuses");
    }
}
