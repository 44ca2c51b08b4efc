using ReportParser.Ocr;

namespace ReportParser.Tests.Ocr;

/// <summary>The hand-written parts of the OCR pipeline on small synthetic inputs: no models needed.</summary>
public class OcrPipelineTests
{
    private static GreyImage Blank(int w, int h)
    {
        var px = new byte[w * h];
        Array.Fill(px, (byte)255);
        return new GreyImage(w, h, px);
    }

    [Fact]
    public void Db_boxes_are_the_components_of_the_thresholded_map_grown_by_the_unclip_distance()
    {
        int w = 64, h = 32;
        var map = new float[w * h];
        for (int y = 10; y < 14; y++) for (int x = 8; x < 28; x++) map[y * w + x] = 0.9f;   // a text line
        for (int y = 20; y < 22; y++) for (int x = 40; x < 44; x++) map[y * w + x] = 0.35f; // faint: mean below the box threshold
        var boxes = TextDetector.Boxes(map, w, h, 2, 2, 128, 64);
        boxes.Should().ContainSingle();
        var b = boxes[0];
        // 20 × 4 component, unclip distance 20·4·1.6 / (2·24) ≈ 2.67 map pixels, ×2 to image pixels.
        b.Left.Should().Be((int)Math.Floor((8 - 2.6667) * 2));
        b.Right.Should().Be((int)Math.Ceiling((28 + 2.6667) * 2));
        b.Top.Should().Be((int)Math.Floor((10 - 2.6667) * 2));
        b.Bottom.Should().Be((int)Math.Ceiling((14 + 2.6667) * 2));
    }

    [Fact]
    public void Rulings_are_long_ink_runs_and_text_strokes_are_not()
    {
        var img = Blank(200, 100);
        for (int x = 10; x < 190; x++) { img.Pixels[30 * 200 + x] = 0; img.Pixels[31 * 200 + x] = 0; } // a 2-px horizontal line
        for (int y = 5; y < 95; y++) img.Pixels[y * 200 + 50] = 100;                                  // a grey vertical line
        for (int x = 100; x < 115; x++) img.Pixels[60 * 200 + x] = 0;                                 // a short stroke (text)
        var rulings = PageGeometry.FindRulings(img, 40);
        rulings.Should().HaveCount(2);
        rulings.Should().ContainSingle(r => r.Horizontal).Which.Should().Be(new OcrRuling(true, 30.5f, 10, 190));
        rulings.Should().ContainSingle(r => !r.Horizontal).Which.Should().Be(new OcrRuling(false, 50, 5, 95));
    }

    [Fact]
    public void A_rotation_turns_the_page_clockwise_about_its_centre_and_fills_white()
    {
        var img = Blank(201, 101);
        for (int x = 0; x < 201; x++) img.Pixels[50 * 201 + x] = 0; // a horizontal line through the centre
        var turned = img.Transform(1, 90);
        turned.Width.Should().Be(201);
        turned.Height.Should().Be(101);
        // A quarter turn makes the line vertical through the centre: dark on column 100, white beside it and in the corners.
        for (int y = 5; y < 96; y++) turned[100, y].Should().BeLessThan(8, $"row {y} of the turned line");
        turned[90, 50].Should().Be(255);
        turned[110, 50].Should().Be(255);
        turned[0, 0].Should().Be(255);
        // Sloped a little: 2° clockwise lowers the right end by tan 2° × 100 ≈ 3.5 pixels.
        var sloped = img.Transform(1, 2);
        Darkest(sloped, 190).Should().BeInRange(53, 54);
        Darkest(sloped, 10).Should().BeInRange(46, 47);
    }

    private static int Darkest(GreyImage img, int x) => Enumerable.Range(0, img.Height).MinBy(y => img[x, y]);

    [Fact]
    public void Scaling_halves_the_page_and_averages_neighbouring_pixels()
    {
        var img = Blank(8, 4);
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) img.Pixels[y * 8 + x] = 0; // left half black
        var half = img.Transform(0.5, 0);
        half.Width.Should().Be(4);
        half.Height.Should().Be(2);
        half[0, 0].Should().Be(0);
        half[1, 1].Should().Be(0);
        half[2, 0].Should().Be(255);
        half[3, 1].Should().Be(255);
    }

    [Fact]
    public void A_region_is_resized_into_a_tensor_row_by_row_with_the_given_scale_and_offset()
    {
        var img = Blank(10, 10);
        for (int x = 0; x < 10; x++) img.Pixels[2 * 10 + x] = 0; // row 2 black
        var tensor = new float[2 * 6];
        Array.Fill(tensor, 99f);
        img.ResizeRegion(0, 2, 10, 2, 4, 2, tensor, 6, 1 / 127.5f, -1f);
        tensor[..4].Should().AllSatisfy(v => v.Should().BeApproximately(-1f, 1e-5f));   // the black row → −1
        tensor[6..10].Should().AllSatisfy(v => v.Should().BeApproximately(1f, 1e-5f));  // the white row → +1
        tensor[4].Should().Be(99f);                                                   // past the width: untouched
        tensor[11].Should().Be(99f);
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(-0.8)]
    [InlineData(0)]
    public void The_skew_of_text_lines_is_found_from_the_projection_profile(double degrees)
    {
        var img = Blank(800, 600);
        double tan = Math.Tan(degrees * Math.PI / 180);
        for (int line = 0; line < 12; line++)
        {
            for (int x = 50; x < 750; x++)
            {
                if (x % 20 > 14) continue; // gaps between "characters"
                int y0 = 60 + line * 40 + (int)Math.Round(x * tan);
                for (int y = y0; y < y0 + 12; y++) img.Pixels[y * 800 + x] = 0;
            }
        }
        PageGeometry.EstimateSkew(img).Should().BeApproximately(degrees, 0.15);
    }

    [Theory]
    [InlineData(215, 40, 45, true)]
    [InlineData(200, 120, 110, true)]
    [InlineData(30, 30, 30, false)]
    [InlineData(128, 128, 128, false)]
    [InlineData(90, 20, 20, false)] // dark: red over black ink prints dark, and is kept
    public void Seal_red_is_strongly_red_and_not_dark(int r, int g, int b, bool red)
        => GreyImage.IsSealRed(r, g, b).Should().Be(red);

    [Fact]
    public void Words_split_at_spaces_and_wide_gaps_and_keep_their_characters()
    {
        OcrCharacter C(char v, float l, float r, float p = 0.99f) => new(v, p, l, r, Array.Empty<OcrAlternative>());
        var chars = new List<OcrCharacter> { C('1', 0, 8), C('2', 10, 18), C(' ', 20, 24), C('3', 26, 34), C('4', 80, 88, 0.5f) };
        var words = new List<OcrWord>();
        WordSplitter.Split(chars, new TextBox(0, 0, 100, 20), words);
        words.Select(w => w.Text).Should().Equal("12", "3", "4");
        words[2].Characters[0].Confidence.Should().Be(0.5f);
    }

    [Fact]
    public void Resolution_is_brought_to_150_to_300_dpi()
    {
        PaddleOcr.ResolutionScale(827, 595.3).Should().BeApproximately(200.0 / 100, 0.01);   // 100 dpi → 200
        PaddleOcr.ResolutionScale(1654, 595.3).Should().Be(1);                              // 200 dpi
        PaddleOcr.ResolutionScale(4961, 595.3).Should().BeApproximately(300.0 / 600, 0.01); // 600 dpi → 300
    }
}

public class CtcDecodingTests
{
    [Fact]
    public void Greedy_ctc_drops_blanks_and_repeats_and_keeps_each_characters_probability_and_alternatives()
    {
        // Classes: blank, '1', '7', '9', space. Steps: 1 1 blank 1 7(0.55, 1 at 0.4) blank.
        string[] names = { "", "1", "7", "9", " " };
        float[][] steps =
        {
            new[] { 0.1f, 0.8f, 0.05f, 0.05f, 0f },
            new[] { 0.05f, 0.9f, 0.03f, 0.02f, 0f },
            new[] { 0.9f, 0.05f, 0.03f, 0.02f, 0f },
            new[] { 0.1f, 0.85f, 0.03f, 0.02f, 0f },
            new[] { 0.02f, 0.4f, 0.55f, 0.03f, 0f },
            new[] { 0.95f, 0.02f, 0.02f, 0.01f, 0f },
        };
        var flat = steps.SelectMany(x => x).ToArray();
        var chars = TextRecognizer.Decode(flat, 6, 5, 100, 4, names);
        string.Concat(chars.Select(c => c.Value)).Should().Be("117");
        chars[0].Confidence.Should().Be(0.9f);      // the best of its two steps
        chars[0].Left.Should().Be(100);
        chars[0].Right.Should().Be(108);
        chars[2].Confidence.Should().Be(0.55f);
        chars[2].Alternatives[0].Should().Be(new OcrAlternative('1', 0.4f));
        chars[2].Alternatives.Select(a => a.Value).Should().NotContain('7');
    }
}
