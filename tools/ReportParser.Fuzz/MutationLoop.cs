using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReportParser.Fuzz;

/// <summary>Counters of a mutation run.</summary>
internal sealed class MutationStats
{
    public long Executions { get; set; }
    public int Crashes { get; set; }
    public int DistinctCrashes { get; set; }
    public int Hangs { get; set; }
    public int PoolSize { get; set; }
    public TimeSpan Elapsed { get; set; }
    public TimeSpan Slowest { get; set; }
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Executions / Elapsed.TotalSeconds : 0;

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Executions} execs in {Elapsed.TotalSeconds:F0} s ({PerSecond:F1}/s), {Crashes} crashes ({DistinctCrashes} distinct), {Hangs} hangs, pool {PoolSize}, slowest parse {Slowest.TotalMilliseconds:F0} ms");
}

/// <summary>
/// A coverage-blind fuzzing loop for machines without AFL: stacks 1–8 havoc-style mutations (bit and byte
/// flips, interesting bytes, dictionary tokens, deletions, duplications, truncations, splices and crossovers
/// between seeds, broken UTF-8 sequences) on a seed, parses the result and records every exception (a crash)
/// and every parse exceeding the hang budget. As cheap feedback, a mutant whose set of diagnostic codes has not
/// been seen before joins the seed pool. Findings are written to the output directory; the input being parsed
/// is kept in <c>current.bin</c> so that a process-killing failure (stack overflow) can still be recovered.
/// </summary>
internal sealed class MutationLoop
{
    private const int MaxPool = 400;
    private const int MaxInput = 1 << 20;

    private static readonly string[] Tokens =
    {
        "\t", "\n", "\r\n", "\r", " ", "　", "\t\t\t\t", "0", "1", "-1", "99999999999999999999", "１２", "９", "一", "—", "-", "/", ".", "％", "%",
        "一、", "二、", "三、", "四、", "五、", "六、", "（一）", "（二）", "（三）", "1.", "2.",
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
        "政府信息公开工作年度报告", "2021年度", "二〇二一年", "2022年1月20日", "发布机构", "发文日期",
        "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "予以公开", "总计", "合计", "自然人",
        "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "结转下年度继续办理",
        "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "本年制发件数", "本年废止件数", "现行有效件数",
        "行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "未经复议直接起诉", "复议后起诉",
        "第二十条第（一）项", "第二十条第（五）项", "第二十一条",
        "<html>", "<table>", "<tr><td>", "</td></tr>", "%PDF-1.7\n", "\uFEFF", "\u2F00", "\u2F06", "\u3000",
    };

    private static readonly byte[] InterestingBytes = { 0x00, 0x09, 0x0A, 0x0D, 0x20, 0x30, 0x39, 0x7F, 0x80, 0xBF, 0xC0, 0xE3, 0xEF, 0xFE, 0xFF };

    private static readonly byte[][] BrokenUtf8 =
    {
        new byte[] { 0xE4 }, new byte[] { 0xE4, 0xB8 }, new byte[] { 0xC0, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
        new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xFE, 0xFF }, new byte[] { 0x81, 0x30 },
    };

    private readonly List<byte[]> _pool;
    private readonly int _originalSeeds;
    private readonly Random _rnd;
    private readonly TimeSpan _hangBudget;
    private readonly string _outDir;
    private readonly HashSet<string> _signatures = new(StringComparer.Ordinal);
    private readonly HashSet<string> _crashKinds = new(StringComparer.Ordinal);
    private readonly byte[][] _tokenBytes = Tokens.Select(Encoding.UTF8.GetBytes).ToArray();

    public MutationLoop(List<byte[]> seeds, int seed, TimeSpan hangBudget, string outDir)
    {
        _pool = new List<byte[]>(seeds);
        _originalSeeds = seeds.Count;
        _rnd = new Random(seed);
        _hangBudget = hangBudget;
        _outDir = outDir;
    }

    public MutationStats Run(TimeSpan duration, TextWriter log)
    {
        var stats = new MutationStats();
        var clock = Stopwatch.StartNew();
        var nextReport = TimeSpan.FromSeconds(10);
        var current = Path.Combine(_outDir, "current.bin");
        while (clock.Elapsed < duration)
        {
            var input = Mutant();
            File.WriteAllBytes(current, input);
            var sw = Stopwatch.StartNew();
            var task = Task.Run(() => Target.Parse(input));
            bool finished;
            try
            {
                finished = task.Wait(_hangBudget);
            }
            catch (AggregateException ex)
            {
                finished = true;
                RecordCrash(input, ex.InnerException ?? ex, stats, log);
            }
            stats.Executions++;
            if (sw.Elapsed > stats.Slowest) stats.Slowest = sw.Elapsed;
            if (!finished)
            {
                stats.Hangs++;
                var name = Save("hang", input);
                log.WriteLine($"HANG  > {_hangBudget.TotalSeconds} s: {name} ({input.Length} bytes)");
                // The parse cannot be aborted; it keeps a core busy. Stop before hung parses starve the loop.
                if (stats.Hangs >= 3)
                {
                    log.WriteLine("three hangs: stopping");
                    break;
                }
            }
            else if (task.IsCompletedSuccessfully && input.Length <= MaxInput && _signatures.Add(task.Result))
            {
                if (_pool.Count < MaxPool) _pool.Add(input);
                else _pool[_originalSeeds + _rnd.Next(MaxPool - _originalSeeds)] = input;
            }
            if (clock.Elapsed >= nextReport)
            {
                stats.Elapsed = clock.Elapsed;
                stats.PoolSize = _pool.Count;
                log.WriteLine(stats.Summary());
                nextReport += TimeSpan.FromSeconds(10);
            }
        }
        File.Delete(current);
        stats.Elapsed = clock.Elapsed;
        stats.PoolSize = _pool.Count;
        stats.DistinctCrashes = _crashKinds.Count;
        return stats;
    }

    private void RecordCrash(byte[] input, Exception ex, MutationStats stats, TextWriter log)
    {
        stats.Crashes++;
        var trace = new StackTrace(ex, false);
        var top = trace.GetFrames().Take(3).Select(f => f.GetMethod() is { } m ? $"{m.DeclaringType?.Name}.{m.Name}" : "?");
        var kind = $"{ex.GetType().Name} at {string.Join(" < ", top)}";
        if (_crashKinds.Add(kind))
        {
            var name = Save("crash", input);
            File.WriteAllText(Path.ChangeExtension(name, ".txt"), ex.ToString());
            log.WriteLine($"CRASH {kind}: {name} ({input.Length} bytes)");
            log.WriteLine(ex.ToString());
        }
    }

    private string Save(string prefix, byte[] input)
    {
        var hash = Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant();
        var path = Path.Combine(_outDir, $"{prefix}-{hash}.bin");
        File.WriteAllBytes(path, input);
        return path;
    }

    private byte[] Mutant()
    {
        var data = new List<byte>(_pool[_rnd.Next(_pool.Count)]);
        int steps = 1 << _rnd.Next(4); // 1, 2, 4 or 8 stacked mutations
        for (int s = 0; s < steps; s++) Apply(data);
        if (data.Count > MaxInput) data.RemoveRange(MaxInput, data.Count - MaxInput);
        return data.ToArray();
    }

    private void Apply(List<byte> d)
    {
        int n = d.Count;
        switch (_rnd.Next(14))
        {
            case 0 when n > 0: // flip a bit
                d[_rnd.Next(n)] ^= (byte)(1 << _rnd.Next(8));
                break;
            case 1 when n > 0: // random byte
                d[_rnd.Next(n)] = (byte)_rnd.Next(256);
                break;
            case 2 when n > 0: // interesting byte
                d[_rnd.Next(n)] = InterestingBytes[_rnd.Next(InterestingBytes.Length)];
                break;
            case 3: // insert a dictionary token
            case 4:
                d.InsertRange(_rnd.Next(n + 1), _tokenBytes[_rnd.Next(_tokenBytes.Length)]);
                break;
            case 5 when n > 0: // overwrite with a dictionary token
            {
                var t = _tokenBytes[_rnd.Next(_tokenBytes.Length)];
                int at = _rnd.Next(n);
                for (int i = 0; i < t.Length && at + i < n; i++) d[at + i] = t[i];
                break;
            }
            case 6 when n > 1: // delete a range
            {
                int at = _rnd.Next(n), len = 1 + _rnd.Next(Math.Min(n - at, _rnd.Next(2) == 0 ? 16 : 2048));
                d.RemoveRange(at, Math.Min(len, n - at));
                break;
            }
            case 7 when n > 1: // duplicate a range, possibly many times
            {
                int at = _rnd.Next(n), len = 1 + _rnd.Next(Math.Min(n - at, 512));
                len = Math.Min(len, n - at);
                var chunk = d.GetRange(at, len);
                int times = _rnd.Next(4) == 0 ? _rnd.Next(2, 200) : 1;
                int to = _rnd.Next(n + 1);
                for (int i = 0; i < times && d.Count < MaxInput; i++) d.InsertRange(to, chunk);
                break;
            }
            case 8 when n > 0: // truncate
            {
                int at = _rnd.Next(n);
                d.RemoveRange(at, n - at);
                break;
            }
            case 9: // splice: this head with the tail of another seed
            {
                var other = _pool[_rnd.Next(_pool.Count)];
                int cut = _rnd.Next(n + 1), from = _rnd.Next(other.Length + 1);
                d.RemoveRange(cut, n - cut);
                d.AddRange(other.AsSpan(from).ToArray());
                break;
            }
            case 10: // crossover: insert a range of another seed
            {
                var other = _pool[_rnd.Next(_pool.Count)];
                if (other.Length == 0) break;
                int from = _rnd.Next(other.Length), len = 1 + _rnd.Next(Math.Min(other.Length - from, 4096));
                d.InsertRange(_rnd.Next(n + 1), other.AsSpan(from, len).ToArray());
                break;
            }
            case 11: // broken or surprising encoding bytes
                d.InsertRange(_rnd.Next(n + 1), BrokenUtf8[_rnd.Next(BrokenUtf8.Length)]);
                break;
            case 12 when n > 0: // random bytes
            {
                var junk = new byte[1 + _rnd.Next(64)];
                _rnd.NextBytes(junk);
                d.InsertRange(_rnd.Next(n + 1), junk);
                break;
            }
            case 13 when n > 0: // swap a digit for another digit-like character
            {
                int at = _rnd.Next(n);
                for (int i = 0; i < 256 && at < n; i++, at++)
                {
                    if (d[at] is >= (byte)'0' and <= (byte)'9')
                    {
                        d[at] = (byte)"0123456789"[_rnd.Next(10)];
                        if (_rnd.Next(3) == 0) d.InsertRange(at, _tokenBytes[_rnd.Next(_tokenBytes.Length)]);
                        break;
                    }
                }
                break;
            }
            default:
                d.InsertRange(_rnd.Next(n + 1), _tokenBytes[_rnd.Next(_tokenBytes.Length)]);
                break;
        }
    }
}
