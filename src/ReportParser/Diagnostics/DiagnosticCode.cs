using System.ComponentModel;

namespace ReportParser;

/// <summary>
/// Stable diagnostic codes, numbered by pipeline stage: RP1xxx input, RP2xxx sections and metadata,
/// RP3xxx tables, RP4xxx validation rules, RP5xxx the evaluators' quality checks (category
/// <see cref="DiagnosticCategory.Quality"/>). Codes are never renumbered; retired ones are marked obsolete.
/// </summary>
public enum DiagnosticCode
{
    /// <summary>The input is empty or holds only white space.</summary>
    [Description("empty input")] EmptyInput = 1001,

    /// <summary>The input is binary data, not text.</summary>
    [Description("binary input")] BinaryInput = 1002,

    /// <summary>No byte-order mark and not valid UTF-8: decoded as GB18030.</summary>
    [Description("decoded as GB18030")] EncodingFallback = 1003,

    /// <summary>The input holds byte sequences that are invalid in the detected encoding.</summary>
    [Description("invalid bytes for encoding")] InvalidBytes = 1004,

    /// <summary>The input exceeds a configured limit; the rest was not read.</summary>
    [Description("input limit reached")] LimitExceeded = 1005,

    /// <summary>The input format is recognised but not supported by this build.</summary>
    [Description("unsupported format")] UnsupportedFormat = 1006,

    /// <summary>The input could not be read (I/O failure, corrupt container).</summary>
    [Description("unreadable input")] Unreadable = 1007,

    /// <summary>The declared encoding was used to decode the input.</summary>
    [Description("declared encoding used")] DeclaredEncoding = 1008,

    /// <summary>A PDF without a text layer (a scan): OCR is needed before it can be parsed.</summary>
    [Description("no text layer, OCR needed")] NoTextLayer = 1020,

    /// <summary>A PDF encrypted with a user password: it cannot be opened without the password.</summary>
    [Description("encrypted PDF")] PdfEncrypted = 1021,

    /// <summary>A value of a PDF table without ruling lines stands between two column headers: it was read into no cell.</summary>
    [Description("value between column headers")] ValueBetweenColumns = 1022,

    /// <summary>A page without a text layer was read by OCR (info); its cells carry method <c>ocr</c> and a confidence.</summary>
    [Description("read by OCR")] ReadByOcr = 1025,

    /// <summary>A cell read by OCR was corrected by the template's equations: the only reading among its uncertain characters' alternatives that makes every equation hold.</summary>
    [Description("OCR cell corrected by the rules")] OcrCellCorrected = 1023,

    /// <summary>A cell read by OCR that the equations could not confirm (uncertain characters, or in a broken equation and no other): not stated, its candidates listed.</summary>
    [Description("OCR cell not confirmed")] OcrCellUnconfirmed = 1024,

    /// <summary>The file's name says one format, its content another; the content is followed.</summary>
    [Description("name and content disagree")] ExtensionMismatch = 1009,

    /// <summary>A required section of the template was not found.</summary>
    [Description("missing section")] MissingSection = 2001,

    /// <summary>A section heading uses an accepted variant of the template's wording.</summary>
    [Description("heading variant")] HeadingVariant = 2002,

    /// <summary>A section heading was recognised despite a typo.</summary>
    [Description("heading typo")] HeadingTypo = 2003,

    /// <summary>A numbered heading that is not part of the template; its section is kept.</summary>
    [Description("unknown heading")] UnknownHeading = 2004,

    /// <summary>The same section heading appears twice.</summary>
    [Description("duplicated section")] DuplicateSection = 2005,

    /// <summary>Sections are numbered or ordered differently from the template.</summary>
    [Description("section out of order")] SectionOutOfOrder = 2006,

    /// <summary>The template could not be decided with confidence.</summary>
    [Description("template uncertain")] TemplateUncertain = 2010,

    /// <summary>The year and the table labels point at different templates.</summary>
    [Description("template and year disagree")] TemplateMismatch = 2011,

    /// <summary>The report year could not be found.</summary>
    [Description("year not found")] YearNotFound = 2012,

    /// <summary>The publishing agency could not be found.</summary>
    [Description("agency not found")] AgencyNotFound = 2013,

    /// <summary>The document uses a pre-2019 (legacy) layout: sections and raw tables only.</summary>
    [Description("legacy format")] LegacyFormat = 2014,

    /// <summary>The document does not look like a disclosure annual report.</summary>
    [Description("not a report")] NotAReport = 2015,

    /// <summary>The report is written as a letter (关于报送…年度报告的函, an addressee, 此函); read as the report it carries.</summary>
    [Description("report written as a letter")] LetterForm = 2016,

    /// <summary>The statistics period the report states is shorter than a calendar year: its figures cover that period only.</summary>
    [Description("statistics period shorter than a year")] PartialPeriod = 2017,

    /// <summary>The report's text names another year than its title for the period it covers; the title's year is kept.</summary>
    [Description("title and text name other years")] YearDisagreement = 2018,

    /// <summary>A table the template requires was not found in its section.</summary>
    [Description("missing table")] MissingTable = 3001,

    /// <summary>A table row whose label matches no template row.</summary>
    [Description("unknown row")] UnknownRow = 3002,

    /// <summary>A template row appears twice; the first occurrence is kept.</summary>
    [Description("duplicated row")] DuplicateRow = 3003,

    /// <summary>A row label that belongs to another block of the table; its values are not used.</summary>
    [Description("row in wrong block")] RowInWrongBlock = 3004,

    /// <summary>A column header deviates from the template (misspelled, unexpected or missing).</summary>
    [Description("header deviates")] HeaderDeviation = 3005,

    /// <summary>A column header is printed twice.</summary>
    [Description("duplicated header")] DuplicateHeader = 3006,

    /// <summary>A row carries fewer values than the template has columns.</summary>
    [Description("fewer values than columns")] FewerValues = 3007,

    /// <summary>A row carries more values than the template has columns; the extra ones are ignored.</summary>
    [Description("more values than columns")] MoreValues = 3008,

    /// <summary>A cell holds text that is not a number of the expected kind.</summary>
    [Description("unparsable value")] UnparsableValue = 3009,

    /// <summary>A cell holds a placeholder (—, /, 无): read as not stated.</summary>
    [Description("placeholder read as not stated")] Placeholder = 3010,

    /// <summary>A template row is absent from the table; its cells are not stated.</summary>
    [Description("missing row")] MissingRow = 3011,

    /// <summary>A row label differs from the template's wording but was recognised.</summary>
    [Description("row label variant")] RowLabelVariant = 3012,

    /// <summary>A row is numbered differently from the template.</summary>
    [Description("enumerator mismatch")] EnumeratorMismatch = 3013,

    /// <summary>A number was written with full-width digits, separators or a unit and normalised.</summary>
    [Description("number normalised")] NumberNormalized = 3015,

    /// <summary>A 2021 report prints the single 2019 （六）其他处理 row.</summary>
    [Description("single other-processing row")] SingleOtherRow = 3017,

    /// <summary>Table cells were recovered by splitting a run of fused digits.</summary>
    [Description("cells recovered from fused run")] FusedRunRecovered = 3020,

    /// <summary>A fused run of digits admits several splits; its cells are left not stated.</summary>
    [Description("ambiguous fused run")] FusedRunAmbiguous = 3021,

    /// <summary>The search over a fused run hit its bound.</summary>
    [Description("fused run search bounded")] FusedRunBound = 3022,

    /// <summary>A fused run left ambiguous by the table's arithmetic is decided by a figure the report's text states: exactly one of its splits agrees.</summary>
    [Description("cell decided by the text")] CellDecidedByProse = 3040,

    /// <summary>Requests.Balance: new + carried over ≠ total + carried forward.</summary>
    [Description("Requests.Balance")] RequestsBalance = 4001,

    /// <summary>Requests.RowTotal: 总计 ≠ the sum of the applicant columns.</summary>
    [Description("Requests.RowTotal")] RequestsRowTotal = 4002,

    /// <summary>Requests.OutcomeTotal: （七）总计 ≠ the sum of the outcome rows.</summary>
    [Description("Requests.OutcomeTotal")] RequestsOutcomeTotal = 4003,

    /// <summary>ReviewLitigation.GroupTotal: a group's 总计 ≠ the sum of its four outcomes.</summary>
    [Description("ReviewLitigation.GroupTotal")] ReviewLitigationGroupTotal = 4004,

    /// <summary>Values.NonNegative: a count or amount is negative or not whole.</summary>
    [Description("Values.NonNegative")] ValuesNonNegative = 4005,

    /// <summary>CrossYear.CarryOver: carried over ≠ last year's carried forward (batch check).</summary>
    [Description("CrossYear.CarryOver")] CrossYearCarryOver = 4006,

    /// <summary>CrossReport.Duplicate: the same report appears twice in a batch (identical bytes, or the same agency, year and table values).</summary>
    [Description("CrossReport.Duplicate")] DuplicateReport = 4007,

    /// <summary>CrossReport.CopiedTables: a report's table values are identical to another agency's or year's report (batch check).</summary>
    [Description("CrossReport.CopiedTables")] CopiedTables = 4008,

    /// <summary>Prose.Table: a figure the report's text states differs from the table cell it restates.</summary>
    [Description("Prose.Table")] ProseDisagrees = 4020,

    /// <summary>A rule could not be checked because a value it needs is not stated.</summary>
    [Description("rule not checkable")] RuleNotCheckable = 4090,

    /// <summary>With <c>--blank-as-zero</c>: a rule broken when the report's blank cells are read as 0 (a warning about an assumption, not about the published figures).</summary>
    [Description("broken if blanks are 0")] BlankAsZeroBroken = 4091,

    /// <summary>With <c>--blank-as-zero</c>: a rule not checkable as published holds when the report's blank cells are read as 0 (info).</summary>
    [Description("holds if blanks are 0")] BlankAsZeroHolds = 4092,

    /// <summary>Quality.Timeliness: the report was published after its deadline (条例 第四十九条).</summary>
    [Description("Quality.Timeliness")] PublishedLate = 5001,

    /// <summary>Quality.Timeliness: the publication date, or whether the agency is a government or a department, is not known.</summary>
    [Description("Quality.Timeliness not checkable")] TimelinessNotCheckable = 5002,

    /// <summary>Quality.Completeness: sections of the template are absent.</summary>
    [Description("Quality.Completeness sections")] SectionsIncomplete = 5010,

    /// <summary>Quality.Completeness: tables of the template are absent.</summary>
    [Description("Quality.Completeness tables")] TablesIncomplete = 5011,

    /// <summary>Quality.Completeness: a report on 2021 or later uses the 2019 template.</summary>
    [Description("Quality.Completeness template")] OutdatedTemplate = 5012,

    /// <summary>Quality.Repetition: more than half of the prose repeats the same agency's previous report (batch check).</summary>
    [Description("Quality.Repetition prose")] RepeatedProse = 5020,

    /// <summary>Quality.Repetition: a table's figures equal another agency's report except for its totals (batch check).</summary>
    [Description("Quality.Repetition table")] CopiedTableChangedTotals = 5021,

    /// <summary>Quality.Substance: a section the evaluators read is too short or holds only boilerplate.</summary>
    [Description("Quality.Substance")] ThinSection = 5030,
}
