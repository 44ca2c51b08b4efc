namespace ReportParser.Tests.Architecture;

public class LayerTests
{
    private static IEnumerable<(string Relative, string Text)> SourceFiles()
    {
        var src = Path.Combine(Paths.RepoRoot, "src");
        foreach (var f in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(src, f).Replace('\\', '/');
            if (rel.Contains("/obj/", StringComparison.Ordinal) || rel.Contains("/bin/", StringComparison.Ordinal)) continue;
            yield return (rel, File.ReadAllText(f));
        }
    }

    [Fact]
    public void Every_source_file_uses_only_the_layers_it_may()
    {
        var files = SourceFiles().ToList();
        files.Should().HaveCountGreaterThan(60, "the scan must see the library and the tool");
        var violations = files.SelectMany(f => LayerMap.Violations(f.Relative, f.Text)).ToList();
        violations.Should().BeEmpty();
    }

    [Fact]
    public void Every_folder_of_the_library_has_a_layer()
    {
        var layers = SourceFiles().Select(f => LayerMap.LayerOf(f.Relative)).Distinct().ToList();
        layers.Should().OnlyContain(l => LayerMap.Allowed.ContainsKey(l), "a new folder needs its edges in LayerMap.Allowed");
        layers.Should().Contain(new[] { LayerMap.Floor, "Input", "Sections", "Tables", "Validation", "Export", "Pipeline", "Facade", "Cli", "Ocr" });
    }

    [Theory]
    [InlineData("ReportParser/Validation/Rules.cs", "using ReportParser.Tables;\nnamespace ReportParser.Validation;", "Tables")]
    [InlineData("ReportParser.Ocr/PaddleOcr.cs", "namespace ReportParser.Ocr;\nusing ReportParser.Input;", "Input")]
    [InlineData("ReportParser/Input/PdfInput.cs", "namespace ReportParser.Input;\nusing ReportParser.Ocr;", "Ocr")]
    [InlineData("ReportParser/Export/ReportJson.cs", "namespace ReportParser.Export;\nclass A { object X = Input.TextInput.Read(\"\", \"\"); }", "Input")]
    [InlineData("ReportParser/Input/TextInput.cs", "namespace ReportParser.Input;\nusing ReportParser.Sections;", "Sections")]
    [InlineData("ReportParser/Model/AnnualReport.cs", "namespace ReportParser;\nusing ReportParser.Input;", "Input")]
    [InlineData("ReportParser/Template/TemplateSchema.cs", "namespace ReportParser.Template;\nclass A { void M() => Tables.TableLocator.Collect(null!, null!); }", "Tables")]
    [InlineData("ReportParser/Tables/RowValues.cs", "namespace ReportParser.Tables;\nclass A { void M() => Report.Parse(null!); }", "Facade")]
    [InlineData("ReportParser.Cli/Commands/CheckCommand.cs", "namespace ReportParser.Cli;\nusing ReportParser.Tables;", "Tables")]
    public void A_backward_edge_is_a_violation(string path, string text, string usedLayer)
    {
        LayerMap.Violations(path, text).Should().ContainSingle().Which.Should().Contain($"uses {usedLayer}");
    }

    [Theory]
    [InlineData("ReportParser/Tables/RowValues.cs", "namespace ReportParser.Tables;\nusing ReportParser.Sections;\nusing ReportParser.Input;\nusing ReportParser.Template;")]
    [InlineData("ReportParser/Validation/Rules.cs", "namespace ReportParser.Validation;\n// Tables.TableLocator is mentioned in a comment only\nclass A { string s = \"Tables.X\"; }")]
    [InlineData("ReportParser/Pipeline/Steps/TableSteps.cs", "using ReportParser.Tables.Fused;\nnamespace ReportParser.Pipeline.Steps;")]
    [InlineData("ReportParser/Model/AnnualReport.cs", "namespace ReportParser;\nclass A { int n = report.Tables.Count; }")]
    public void Allowed_edges_comments_and_strings_are_not_violations(string path, string text)
    {
        LayerMap.Violations(path, text).Should().BeEmpty();
    }
}
