using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReportParser.Export;

/// <summary>What <see cref="ReportJson"/> writes besides the report itself.</summary>
public sealed record ReportJsonOptions
{
    /// <summary>Full output: messages and excerpts included.</summary>
    public static ReportJsonOptions Default { get; } = new();

    /// <summary>Corpus form: diagnostics as code, severity, rule and location only, so wording can change freely.</summary>
    public static ReportJsonOptions Corpus { get; } = new() { IncludeMessages = false, IncludeSource = false };

    /// <summary>Include diagnostic messages and excerpts.</summary>
    public bool IncludeMessages { get; init; } = true;

    /// <summary>Include the source name.</summary>
    public bool IncludeSource { get; init; } = true;

    /// <summary>Include the sections' text.</summary>
    public bool IncludeSectionText { get; init; } = true;
}

/// <summary>
/// Writes a parse result as JSON with the keys of TEMPLATE.md, in a stable order, indented, with Chinese
/// text unescaped.
/// </summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises one result to a string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Serialize(ReportParseResult result, ReportJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var ms = new MemoryStream();
        Write(ms, result, options);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Writes one result to a stream.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Stream stream, ReportParseResult result, ReportJsonOptions? options = null, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        options ??= ReportJsonOptions.Default;
        using var w = new Utf8JsonWriter(stream, WriterOptions with { Indented = indented });
        WriteResult(w, result, options);
        w.Flush();
    }

    private static void WriteResult(Utf8JsonWriter w, ReportParseResult result, ReportJsonOptions o)
    {
        var r = result.Report;
        w.WriteStartObject();
        if (o.IncludeSource) w.WriteString("Source", result.Source);
        w.WriteStartObject("Metadata");
        w.WriteString("Agency", r.Metadata.Agency);
        if (r.Metadata.Year is int y) w.WriteNumber("Year", y); else w.WriteNull("Year");
        w.WriteString("Template", r.Metadata.Template.ToKey());
        w.WriteString("PublishedOn", r.Metadata.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("Title", r.Metadata.Title);
        w.WriteEndObject();

        w.WriteStartArray("Sections");
        foreach (var s in r.Sections)
        {
            w.WriteStartObject();
            w.WriteString("Key", s.Key);
            w.WriteNumber("Number", s.Number);
            w.WriteString("Heading", s.Heading);
            WriteSpan(w, s.Location);
            if (o.IncludeSectionText) w.WriteString("Text", s.Text);
            int tables = s.TableCount;
            if (tables > 0) w.WriteNumber("Tables", tables);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        WriteTable(w, "ProactiveDisclosure", r.ProactiveDisclosure);
        WriteTable(w, "Requests", r.Requests);
        WriteTable(w, "ReviewLitigation", r.ReviewLitigation);
        WriteStatements(w, r.Statements, o);

        w.WriteStartArray("Diagnostics");
        foreach (var d in result.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("Code", d.CodeText);
            w.WriteString("Severity", d.SeverityText);
            if (d.Category == DiagnosticCategory.Quality) w.WriteString("Category", "quality");
            if (d.Rule is not null) w.WriteString("Rule", d.Rule);
            WriteSpan(w, d.Location);
            if (o.IncludeMessages)
            {
                w.WriteString("Message", d.Message);
                if (d.Excerpt is not null) w.WriteString("Excerpt", d.Excerpt);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter w, string name, ReportTable? table)
    {
        if (table is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        foreach (var row in table.Rows)
        {
            w.WriteStartObject(row.Key);
            w.WriteString("Label", row.Label);
            foreach (var c in row.Cells)
            {
                if (c.Raw is null && c.Location.IsUnknown)
                {
                    w.WriteNull(c.Column);
                    continue;
                }
                w.WriteStartObject(c.Column);
                if (c.Value is decimal v) w.WriteNumber("Value", v); else w.WriteNull("Value");
                w.WriteString("Raw", c.Raw);
                WriteSpan(w, c.Location);
                if (c.Method is not null) w.WriteString("Method", c.Method);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The figures of the running text: linked ones with their topic and cells; in corpus form without the sentence.</summary>
    private static void WriteStatements(Utf8JsonWriter w, IReadOnlyList<ProseStatement> statements, ReportJsonOptions o)
    {
        w.WriteStartArray("Statements");
        foreach (var s in statements)
        {
            w.WriteStartObject();
            w.WriteString("Section", s.Section);
            w.WriteNumber("Quantity", s.Quantity);
            w.WriteString("Unit", s.Unit);
            w.WriteString("Counts", s.Counts);
            if (s.Topic is not null) w.WriteString("Topic", s.Topic);
            if (s.IsLinked)
            {
                w.WriteStartArray("Restates");
                foreach (var k in s.Restates) w.WriteStringValue(k);
                w.WriteEndArray();
            }
            if (s.OrRestates.Count > 0)
            {
                w.WriteStartArray("OrRestates");
                foreach (var k in s.OrRestates) w.WriteStringValue(k);
                w.WriteEndArray();
            }
            WriteSpan(w, s.Location);
            if (o.IncludeMessages) w.WriteString("Text", s.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteSpan(Utf8JsonWriter w, SourceLocation s)
    {
        if (s.Page is int p) w.WriteNumber("Page", p);
        if (s.Line > 0)
        {
            w.WriteNumber("Line", s.Line);
            w.WriteNumber("Column", s.Column);
        }
        if (s.Table is int t)
        {
            w.WriteNumber("Table", t);
            if (s.GridRow is int gr) w.WriteNumber("GridRow", gr);
            if (s.GridColumn is int gc) w.WriteNumber("GridColumn", gc);
        }
        if (s.Box is { } b)
        {
            w.WriteStartArray("Box");
            w.WriteNumberValue(Math.Round(b.Left, 1));
            w.WriteNumberValue(Math.Round(b.Bottom, 1));
            w.WriteNumberValue(Math.Round(b.Right, 1));
            w.WriteNumberValue(Math.Round(b.Top, 1));
            w.WriteEndArray();
        }
    }
}
