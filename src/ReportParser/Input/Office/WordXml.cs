using System.Xml;
using System.Xml.Linq;

namespace ReportParser.Input.Office;

/// <summary>
/// Loads a WordprocessingML part (document, numbering, styles) into LINQ to XML in one streaming pass,
/// leaving out what <see cref="DocxWalker"/> and <see cref="DocxNumbering"/> never read: section, table
/// and grid properties, bookmarks, proofing and permission marks, every run property but w:vanish, every
/// paragraph property but w:pStyle and w:numPr, revision-session ids (w:rsid*), w14 paragraph ids,
/// namespace declarations, comments, processing instructions and the whitespace between elements (the
/// whitespace inside w:t is kept). Element nesting deeper than <see cref="OfficePackage.MaxXmlDepth"/>
/// throws <see cref="XmlDepthException"/> while reading, before the deep part is built.
/// </summary>
/// <remarks>
/// Hand-written over <see cref="XmlReader"/> rather than <c>XDocument.Load</c> because the load was the
/// bottleneck of the DOCX input: Word writes a w:rsid attribute set and a full w:rPr on every run, and
/// the tree of those was most of the 1–3 MB a 10 KB document allocated. Measured with
/// <c>tools/ReportParser.Benchmarks --filter '*OfficeInput*'</c>; the figures are in the README.
/// </remarks>
internal static class WordXml
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Loads the part's root element; null for a part with no element.</summary>
    /// <exception cref="XmlDepthException">The part nests elements too deep.</exception>
    /// <exception cref="XmlException">The part is not well-formed XML.</exception>
    public static XElement? Load(Stream stream, ReportParserOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxInputBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(stream, settings);
        var open = new Stack<XElement>();
        XElement? root = null;
        bool more = reader.Read();
        while (more)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth > OfficePackage.MaxXmlDepth) throw new XmlDepthException();
                    var parent = open.Count > 0 ? open.Peek() : null;
                    if (parent is not null && Omitted(parent, reader))
                    {
                        reader.Skip();
                        more = !reader.EOF;
                        continue;
                    }
                    var element = ReadElement(reader);
                    if (parent is null) root ??= element;
                    else parent.Add(element);
                    if (!reader.IsEmptyElement) open.Push(element);
                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (open.Count > 0) open.Peek().Add(reader.Value);
                    break;
                case XmlNodeType.Whitespace:
                    if (open.Count > 0 && open.Peek().Name.LocalName == "t") open.Peek().Add(reader.Value);
                    break;
            }
            more = reader.Read();
        }
        return root;
    }

    /// <summary>The element at the reader with the attributes kept; the reader stays on the element.</summary>
    private static XElement ReadElement(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (KeepAttribute(reader)) element.Add(new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value));
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return element;
    }

    private static bool KeepAttribute(XmlReader reader)
    {
        var name = reader.LocalName;
        if (reader.NamespaceURI == "http://www.w3.org/2000/xmlns/" || name == "xmlns") return false;
        return !name.StartsWith("rsid", StringComparison.Ordinal) && name is not ("paraId" or "textId");
    }

    /// <summary>Whether the element at the reader, a child of <paramref name="parent"/>, is left out with its content.</summary>
    private static bool Omitted(XElement parent, XmlReader reader)
    {
        if (reader.NamespaceURI != W) return false;
        var name = reader.LocalName;
        if (parent.Name.NamespaceName == W)
        {
            switch (parent.Name.LocalName)
            {
                case "rPr":
                    return name != "vanish";
                case "pPr":
                    return name is not ("pStyle" or "numPr");
            }
        }
        return name is "sectPr" or "tblPr" or "tblGrid" or "proofErr" or "bookmarkStart" or "bookmarkEnd"
            or "lastRenderedPageBreak" or "permStart" or "permEnd" or "commentRangeStart" or "commentRangeEnd";
    }
}
