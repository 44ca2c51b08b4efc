using System.Text;

namespace ReportParser.Text;

/// <summary>Character helpers shared by all stages: white space, full-width forms, comparison keys.</summary>
internal static class TextUtil
{
    /// <summary>White space as publishers use it: ASCII, tab, no-break space, ideographic space, zero-width.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000' or '\u200B' or '\uFEFF' or '\u2002' or '\u2003' or '\u2009' or '\r' or '\n' or '\f' or '\v';

    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s)
    {
        int a = 0, b = s.Length;
        while (a < b && IsSpace(s[a])) a++;
        while (b > a && IsSpace(s[b - 1])) b--;
        return s[a..b];
    }

    public static string Trim(string s) => Trim(s.AsSpan()).ToString();

    /// <summary>Maps full-width ASCII (Ｕ+FF01–FF5E) to half-width; leaves everything else.</summary>
    public static char Narrow(char c)
    {
        if (c >= '\uFF01' && c <= '\uFF5E') return (char)(c - 0xFEE0);
        if (c == '\u3000') return ' ';
        return c;
    }

    /// <summary>Removes white space and narrows full-width forms; for label display and matching.</summary>
    public static string Compact(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (IsSpace(c)) continue;
            sb.Append(Narrow(c));
        }
        return sb.ToString();
    }

    /// <summary>
    /// The comparison key of a label: only ideographs and digits, Arabic digits written as Chinese
    /// numerals (so 4类 matches 四类), 政务 read as 政府. Punctuation, brackets, quotes and spaces vanish.
    /// </summary>
    public static string Key(string s)
    {
        if (s.Length <= 64 && KeyCache.TryGetValue(s, out var cached)) return cached;
        var key = ComputeKey(s);
        if (s.Length <= 64 && _keyCacheSize < 50_000 && KeyCache.TryAdd(s, key)) Interlocked.Increment(ref _keyCacheSize);
        return key;
    }

    private static int _keyCacheSize;

    // Labels repeat across rows and documents: the catalog's and the common printed ones are computed once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> KeyCache = new(StringComparer.Ordinal);

    private static string ComputeKey(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var raw in s)
        {
            var c = Narrow(CjkCompat.Map(raw));
            if (c >= '0' && c <= '9') { sb.Append("〇一二三四五六七八九"[c - '0']); continue; }
            if (IsIdeograph(c)) sb.Append(c);
        }
        return sb.Replace("政务", "政府").ToString();
    }

    /// <summary>True when the text holds at least one ideograph (labels do; numbers never).</summary>
    public static bool HasIdeograph(string s)
    {
        foreach (var c in s) if (c >= '\u2E80' && c <= '\u9FFF') return true;
        return false;
    }

    public static bool IsIdeograph(char c) => (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || c == '〇';

    /// <summary>Levenshtein distance, bounded: returns <paramref name="max"/>+1 as soon as it is exceeded.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (cur[j] < rowMin) rowMin = cur[j];
            }
            if (rowMin > max) return max + 1;
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}

/// <summary>Maps look-alike code points (Kangxi radicals, CJK radical supplement) to unified ideographs.</summary>
internal static class CjkCompat
{
    // The common ones seen in PDF text layers; the full tables are large, these cover report vocabulary.
    private static readonly Dictionary<char, char> Table = Build();

    private static Dictionary<char, char> Build()
    {
        var pairs = "⼀一⼁丨⼂丶⼃丿⼄乙⼅亅⼆二⼇亠⼈人⼉儿⼊入⼋八⼌冂⼍冖⼎冫⼏几⼐凵⼑刀⼒力⼓勹⼔匕⼕匚⼖匸⼗十⼘卜⼙卩⼚厂⼛厶⼜又⼝口⼞囗⼟土⼠士⼡夂⼢夊⼣夕⼤大⼥女⼦子⼧宀⼨寸⼩小⼪尢⼫尸⼬屮⼭山⼮巛⼯工⼰己⼱巾⼲干⼳幺⼴广⼵廴⼶廾⼷弋⼸弓⼹彐⼺彡⼻彳⼼心⼽戈⼾戶⼿手⽀支⽁攴⽂文⽃斗⽄斤⽅方⽆无⽇日⽈曰⽉月⽊木⽋欠⽌止⽍歹⽎殳⽏毋⽐比⽑毛⽒氏⽓气⽔水⽕火⽖爪⽗父⽘爻⽙爿⽚片⽛牙⽜牛⽝犬⽞玄⽟玉⽠瓜⽡瓦⽢甘⽣生⽤用⽥田⽦疋⽧疒⽨癶⽩白⽪皮⽫皿⽬目⽭矛⽮矢⽯石⽰示⽱禸⽲禾⽳穴⽴立⽵竹⽶米⽷糸⽸缶⽹网⽺羊⽻羽⽼老⽽而⽾耒⽿耳⾀聿⾁肉⾂臣⾃自⾄至⾅臼⾆舌⾇舛⾈舟⾉艮⾊色⾋艸⾌虍⾍虫⾎血⾏行⾐衣⾑襾⾒見⾓角⾔言⾕谷⾖豆⾗豕⾘豸⾙貝⾚赤⾛走⾜足⾝身⾞車⾟辛⾠辰⾡辵⾢邑⾣酉⾤釆⾥里⾦金⾧長⾨門⾩阜⾪隶⾫隹⾬雨⾭青⾮非⾯面⾰革⾱韋⾲韭⾳音⾴頁⾵風⾶飛⾷食⾸首⾹香⾺馬⾻骨⾼高⿁鬼⿂魚⿃鳥⿄鹵⿅鹿⿆麥⿇麻⿈黃⿉黍⿊黑⿋黹⿌黽⿍鼎⿎鼓⿏鼠⿐鼻⿑齊⿒齒⿓龍⿔龜⿕龠⺠民⻔门⻅见⻆角⻓长⻘青⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻨麦⻩黄⻬齐⻮齿⻰龙⻳龟⺟母⺁厂⺇几⺈𠂊⺊卜⺋㔾⺎兀⺏尣⺐尢⺑𡯂⺒巳⺓幺⺔彑⺛旡⺝月⺞歺⺟母⺠民⺢水⺣灬⺤爫⺥爫⺦丬⺨犭⺩王⺪疋⺫罒⺬示⺭礻⺮竹⺯糸⺰纟⺱罓⺲罒⺳网⺴罒⺵罒⺶羊⺷羊⺸羊⺹耂⺺肀⺻聿⺼月⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻕门⻖阝⻗雨⻙韦⻚页⻞风⻟飠⻠饣⻡飠⻢马⻤鬼⻧卤⻨麦⻩黄⻪黾⻫齐⻭齿⻯龙⻱龟";
        var d = new Dictionary<char, char>();
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(pairs);
        var list = new List<string>();
        while (e.MoveNext()) list.Add((string)e.Current);
        for (int i = 0; i + 1 < list.Count; i += 2)
        {
            if (list[i].Length == 1 && list[i + 1].Length == 1) d.TryAdd(list[i][0], list[i + 1][0]);
        }
        return d;
    }

    public static char Map(char c) => c >= '\u2E80' && c <= '\u2FDF' && Table.TryGetValue(c, out var m) ? m : c;

    /// <summary>Maps every look-alike in <paramref name="s"/>; returns the same instance when there is none.</summary>
    public static string Normalize(string s)
    {
        int i = 0;
        while (i < s.Length && !(s[i] >= '\u2E80' && s[i] <= '\u2FDF')) i++;
        if (i == s.Length) return s;
        var chars = s.ToCharArray();
        for (; i < chars.Length; i++) chars[i] = Map(chars[i]);
        return new string(chars);
    }
}
