namespace ReportParser.Ocr;

/// <summary>Skew estimation and ruling-line detection on a grey page image.</summary>
internal static class PageGeometry
{
    /// <summary>Pixels darker than this can belong to a ruling line.</summary>
    private const byte RulingInk = 176;

    /// <summary>The largest skew corrected, in degrees.</summary>
    public const double MaxSkew = 3;

    /// <summary>
    /// The skew of the text lines in degrees (positive: lines fall to the right), from the projection profile
    /// of the ink: the angle at which the ink, projected along it, gives the sharpest row profile.
    /// </summary>
    public static double EstimateSkew(GreyImage image)
    {
        int step = Math.Max(1, image.Width / 800);
        var xs = new List<int>();
        var ys = new List<int>();
        for (int y = 0; y < image.Height; y += step)
        {
            for (int x = 0; x < image.Width; x += step)
            {
                if (image.Pixels[y * image.Width + x] < GreyImage.Ink)
                {
                    xs.Add(x);
                    ys.Add(y);
                }
            }
        }
        if (xs.Count < 200) return 0;
        double best = 0, bestScore = double.MinValue;
        int offset = (int)(image.Width * 0.06 / step) + 2;
        int bins = image.Height / step + 2 * offset;
        var profile = new int[bins];
        for (double a = -MaxSkew; a <= MaxSkew + 1e-9; a += 0.1)
        {
            double score = Sharpness(xs, ys, Math.Tan(a * Math.PI / 180), step, profile, offset);
            if (score > bestScore)
            {
                bestScore = score;
                best = a;
            }
        }
        return Math.Round(best, 1);
    }

    private static double Sharpness(List<int> xs, List<int> ys, double tan, int step, int[] profile, int offset)
    {
        Array.Clear(profile);
        for (int i = 0; i < xs.Count; i++)
        {
            int bin = (int)Math.Round((ys[i] - xs[i] * tan) / step) + offset;
            if (bin >= 0 && bin < profile.Length) profile[bin]++;
        }
        double sum = 0;
        foreach (var v in profile) sum += (double)v * v;
        return sum;
    }

    /// <summary>
    /// Horizontal and vertical ruling lines: runs of ink at least <paramref name="minLength"/> pixels long
    /// (gaps of two pixels bridged), runs on neighbouring rows or columns merged into one line.
    /// </summary>
    public static List<OcrRuling> FindRulings(GreyImage image, int minLength)
    {
        var result = new List<OcrRuling>();
        Collect(image, true, minLength, result);
        Collect(image, false, minLength, result);
        return result;
    }

    private static void Collect(GreyImage image, bool horizontal, int minLength, List<OcrRuling> result)
    {
        int lines = horizontal ? image.Height : image.Width, length = horizontal ? image.Width : image.Height;
        var open = new List<(double Sum, int Count, int From, int To, int Last)>();
        for (int i = 0; i < lines; i++)
        {
            var runs = Runs(image, horizontal, i, length, minLength);
            var next = new List<(double Sum, int Count, int From, int To, int Last)>();
            foreach (var (from, to) in runs)
            {
                int match = open.FindIndex(o => o.Last >= i - 1 && o.From < to && from < o.To);
                if (match >= 0)
                {
                    var o = open[match];
                    open.RemoveAt(match);
                    next.Add((o.Sum + i, o.Count + 1, Math.Min(o.From, from), Math.Max(o.To, to), i));
                }
                else
                {
                    next.Add((i, 1, from, to, i));
                }
            }
            foreach (var o in open)
            {
                if (o.Last >= i - 1) next.Add(o);
                else Emit(o);
            }
            open = next;
        }
        foreach (var o in open) Emit(o);

        void Emit((double Sum, int Count, int From, int To, int Last) o)
        {
            // A thick bar is a filled area, not a ruling.
            if (o.Count <= 8) result.Add(new OcrRuling(horizontal, (float)(o.Sum / o.Count), o.From, o.To));
        }
    }

    private static List<(int From, int To)> Runs(GreyImage image, bool horizontal, int line, int length, int minLength)
    {
        var runs = new List<(int, int)>();
        int start = -1, lastInk = -10;
        var px = image.Pixels;
        int w = image.Width;
        for (int j = 0; j < length; j++)
        {
            // Lighter than text ink: a thin ruling, rotated and JPEG-compressed, is grey.
            bool ink = px[horizontal ? line * w + j : j * w + line] < RulingInk;
            if (!ink) continue;
            if (j - lastInk > 3)
            {
                if (start >= 0 && lastInk - start + 1 >= minLength) runs.Add((start, lastInk + 1));
                start = j;
            }
            lastInk = j;
        }
        if (start >= 0 && lastInk - start + 1 >= minLength) runs.Add((start, lastInk + 1));
        return runs;
    }
}
