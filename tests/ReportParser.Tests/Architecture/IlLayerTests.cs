using System.Reflection;
using System.Reflection.Emit;

namespace ReportParser.Tests.Architecture;

/// <summary>
/// The namespace edges of the export layers: <c>Export</c> reads only the floor (the model, the diagnostics, the template
/// catalog), never the batch machinery or the stages; the cross-report checks in <c>Validation</c> work on typed data and
/// do not reach into <c>Export</c>. Every type a method signature, field or method body names is checked.
/// </summary>
public class IlLayerTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    [Fact]
    public void Export_depends_only_on_the_floor()
    {
        var allowed = new[] { "ReportParser", "ReportParser.Export", "ReportParser.Template" };
        var used = UsedNamespaces("ReportParser.Export");
        used.Should().NotBeEmpty();
        used.Should().OnlyContain(ns => allowed.Contains(ns), "Export must not depend on " + string.Join(", ", used.Except(allowed)));
        used.Should().NotContain("ReportParser.Batch");
        used.Should().Contain("ReportParser.Template", "ReportCellKeys reads the template schema: the scanner sees body references");
    }

    [Fact]
    public void Cross_report_checks_do_not_read_export_rows()
    {
        var used = UsedNamespaces("ReportParser.Validation", t => t.Name.StartsWith("CrossYear", StringComparison.Ordinal) || t.Name == "CrossReportFinding");
        used.Should().Contain("ReportParser");
        used.Should().NotContain("ReportParser.Export").And.NotContain("ReportParser.Batch");
    }

    [Fact]
    public void The_scanner_sees_the_batch_use_of_export()
        => UsedNamespaces("ReportParser.Batch").Should().Contain("ReportParser.Export").And.Contain("ReportParser.Validation");

    [Theory]
    [InlineData("Input")]
    [InlineData("Sections")]
    [InlineData("Tables")]
    [InlineData("Validation")]
    [InlineData("Export")]
    [InlineData("Pipeline")]
    [InlineData("Batch")]
    [InlineData("Reporting")]
    [InlineData("Template")]
    [InlineData("Text")]
    [InlineData("Diagnostics")]
    public void Compiled_code_of_a_layer_names_only_types_of_the_layers_it_may(string layer)
    {
        // The source map's edges, checked again on what the compiler emitted (signatures, fields, method bodies).
        var floor = new[] { "ReportParser", "ReportParser.Template", "ReportParser.Text", "ReportParser.Diagnostics" };
        var own = LayerMap.Allowed[floor.Contains("ReportParser." + layer) ? LayerMap.Floor : layer].Select(l => "ReportParser." + l);
        var used = typeof(Report).Assembly.GetTypes().Select(t => t.Namespace).Where(n => n is not null && (n == "ReportParser." + layer || n.StartsWith("ReportParser." + layer + ".", StringComparison.Ordinal)))
            .Distinct().SelectMany(n => UsedNamespaces(n!)).Select(FirstLevel).ToHashSet();
        used.Should().NotBeEmpty();
        used.Should().OnlyContain(n => floor.Contains(n) || n == "ReportParser." + layer || own.Contains(n), $"{layer} may use only the floor and {string.Join(", ", own)}");
    }

    private static string FirstLevel(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length <= 2 ? ns : parts[0] + "." + parts[1];
    }

    private static HashSet<string> UsedNamespaces(string ns, Func<Type, bool>? filter = null)
    {
        var assembly = typeof(Report).Assembly;
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(t => t.Namespace == ns && (filter is null || filter(t.DeclaringType ?? t))))
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var f in type.GetFields(all)) Add(result, f.FieldType, assembly);
            foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (m is MethodInfo mi) Add(result, mi.ReturnType, assembly);
                foreach (var p in m.GetParameters()) Add(result, p.ParameterType, assembly);
                foreach (var member in BodyReferences(m)) Add(result, member as Type ?? member.DeclaringType, assembly);
            }
        }
        return result;
    }

    private static void Add(HashSet<string> result, Type? type, Assembly assembly)
    {
        if (type is null) return;
        if (type.HasElementType)
        {
            Add(result, type.GetElementType(), assembly);
            return;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var a in type.GetGenericArguments()) Add(result, a, assembly);
        }
        if (type.IsGenericParameter || type.Assembly != assembly) return;
        var outer = type;
        while (outer.DeclaringType is not null) outer = outer.DeclaringType;
        if (outer.Namespace is { } n && !n.StartsWith("System", StringComparison.Ordinal) && !outer.Name.StartsWith('<')) result.Add(n);
    }

    /// <summary>The fields, methods and types a method body names, by stepping through its IL.</summary>
    private static IEnumerable<MemberInfo> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            int size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                MemberInfo? member = null;
                try
                {
                    member = module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                }
                if (member is not null) yield return member;
            }
            i += size;
        }
    }
}
