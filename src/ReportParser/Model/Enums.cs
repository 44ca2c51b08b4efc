namespace ReportParser;

/// <summary>The national template a report follows.</summary>
public enum ReportTemplate
{
    /// <summary>Could not be decided.</summary>
    Unknown = 0,

    /// <summary>Free format under the 2008 regulation (report years 2008–2018): sections and raw tables only.</summary>
    Legacy = 1,

    /// <summary>国办公开办函〔2019〕60号, report years 2019 and 2020.</summary>
    V2019 = 2019,

    /// <summary>国办公开办函〔2021〕30号, report years 2021 onward.</summary>
    V2021 = 2021,
}

/// <summary>The six sections of the template (and unknown ones the document adds).</summary>
public enum SectionKind
{
    /// <summary>一、总体情况.</summary>
    Overview,

    /// <summary>二、主动公开政府信息情况.</summary>
    ProactiveDisclosure,

    /// <summary>三、收到和处理政府信息公开申请情况.</summary>
    Requests,

    /// <summary>四、政府信息公开行政复议、行政诉讼情况.</summary>
    ReviewLitigation,

    /// <summary>五、存在的主要问题及改进情况.</summary>
    Problems,

    /// <summary>六、其他需要报告的事项.</summary>
    OtherMatters,

    /// <summary>A numbered heading outside the template; kept with its content.</summary>
    Unknown,
}

/// <summary>What kind of number a cell holds.</summary>
public enum ValueKind
{
    /// <summary>A whole number ≥ 0.</summary>
    Count,

    /// <summary>A whole number that may be negative (the 2019 本年增/减 columns).</summary>
    SignedCount,

    /// <summary>A decimal amount ≥ 0 (fees, procurement).</summary>
    Amount,
}

/// <summary>Template keys as written in JSON and CSV.</summary>
public static class TemplateKeys
{
    /// <summary>The key of a template: <c>2019</c>, <c>2021</c>, <c>legacy</c> or <c>unknown</c>.</summary>
    public static string ToKey(this ReportTemplate template) => template switch
    {
        ReportTemplate.V2019 => "2019",
        ReportTemplate.V2021 => "2021",
        ReportTemplate.Legacy => "legacy",
        _ => "unknown",
    };
}
