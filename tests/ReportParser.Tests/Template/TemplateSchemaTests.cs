using System.Reflection;
using ReportParser.Template;

namespace ReportParser.Tests.Template;

public class TemplateSchemaTests
{
    private static List<string> Constants(Type t)
        => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(t.GetNestedTypes().SelectMany(Constants)).ToList();

    [Fact]
    public void Every_CellKeys_constant_is_a_schema_key_and_every_schema_key_has_one()
    {
        var constants = Constants(typeof(CellKeys));
        constants.Should().OnlyHaveUniqueItems();
        constants.Should().BeEquivalentTo(TemplateSchema.AllCellKeys);
        TemplateSchema.AllCellKeys.Should().HaveCount(226);
    }

    [Fact]
    public void The_schema_keys_are_the_hand_written_template_keys()
    {
        // TemplateKeyLists holds the keys copied by hand from TEMPLATE.md.
        foreach (var row in TemplateKeyLists.RequestRows2021)
        {
            foreach (var column in TemplateKeyLists.ApplicantColumns)
            {
                var key = $"Requests.{row}.{column}";
                TemplateSchema.Cell(key).Templates.Should().Contain(ReportTemplate.V2021, key);
            }
        }
        TemplateSchema.Cell(CellKeys.Requests.Other.Total).Templates.Should().Equal(ReportTemplate.V2019);
        TemplateSchema.Cell(CellKeys.Requests.OtherFeeUnpaid.NaturalPerson).Templates.Should().Equal(ReportTemplate.V2021);
        TemplateSchema.Cell(CellKeys.ReviewLitigation.LitigationAfterReview.Pending).Templates.Should().Equal(ReportTemplate.V2021, ReportTemplate.V2019);
        var fees = TemplateSchema.Cell(CellKeys.ProactiveDisclosure.Fees.AmountTenThousandYuan);
        fees.Row.Label.Should().Be("行政事业性收费");
        fees.Column.Label.Should().Be("本年收费金额（单位：万元）");
        fees.Column.Kind.Should().Be(ValueKind.Amount);
    }

    [Fact]
    public void An_unknown_key_throws_with_the_key_in_the_message()
    {
        var act = () => TemplateSchema.Cell("Requests.Granted.Totl");
        act.Should().Throw<KeyNotFoundException>().WithMessage("*Requests.Granted.Totl*");
        TemplateSchema.TryGetCell("Requests.Granted.Totl", out _).Should().BeFalse();
        var report = Report.ParseText("x").Report;
        ((Action)(() => report.Cell("Nope"))).Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void A_report_cell_is_found_by_its_typed_key()
    {
        var path = Path.Combine(Paths.Corpus, "text", "jiangchuan-nr-2023.txt");
        var report = Report.Parse(ReportSource.FromFile(path)).Report;
        report.Cell(CellKeys.Requests.NewRequests.Total)!.Value.Should().Be(report.Requests!.NewRequests.Total);
        report.Value(CellKeys.Requests.Granted.NaturalPerson).Should().Be(report.Requests.Granted.NaturalPerson);
        report.Cell(CellKeys.Requests.Other.Total).Should().BeNull("the 2021 template has no single （六） row");
    }
}
