namespace ReportParser;

/// <summary>The input formats the library reads.</summary>
public enum SourceFormat
{
    /// <summary>Plain text (tables as tab-separated lines, or fused runs).</summary>
    Text,

    /// <summary>An HTML page or fragment.</summary>
    Html,

    /// <summary>A PDF file.</summary>
    Pdf,

    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>A Word document in Office Open XML (.docx), as Word, WPS and LibreOffice write it.</summary>
    Docx,

    /// <summary>An Excel workbook in Office Open XML (.xlsx).</summary>
    Xlsx,

    /// <summary>A Word 97–2003 binary document (.doc, an OLE2 compound file); read through a converter.</summary>
    Doc,

    /// <summary>An Excel 97–2003 binary workbook (.xls, an OLE2 compound file).</summary>
    Xls,

    /// <summary>A WPS Writer document (.wps, an OLE2 compound file); read through a converter.</summary>
    Wps,

    /// <summary>A WPS Spreadsheets workbook (.et, an OLE2 compound file).</summary>
    Et,

    /// <summary>An OpenDocument text (.odt); read through a converter.</summary>
    Odt,

    /// <summary>An OpenDocument spreadsheet (.ods); read through a converter.</summary>
    Ods,

    /// <summary>A Rich Text Format document (.rtf); read through a converter.</summary>
    Rtf,

    /// <summary>A MIME HTML archive (.mht, .mhtml, Word's single-file web page): its HTML part is read as HTML.</summary>
    Mhtml,

    /// <summary>An image file (PNG, JPEG, TIFF, WebP or GIF, detected by content): a page photo or scan, read by OCR when <see cref="ReportParserOptions.Ocr"/> is set.</summary>
    Image,
}
