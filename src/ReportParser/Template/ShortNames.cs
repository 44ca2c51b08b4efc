namespace ReportParser.Template;

/// <summary>
/// The short column names of the cell keys (<c>Requests.NewRequests.NaturalPerson</c> → <c>req_new_np</c>): ASCII, lower
/// case, at most 32 characters, unique, safe as Stata, R and SQL identifiers. Built deterministically from one
/// abbreviation per key part (table, row, column), so a new key gets a name without a hand-written list; a part
/// without an abbreviation is used in lower case.
/// </summary>
public static class ShortNames
{
    /// <summary>The longest short name.</summary>
    public const int MaxLength = 32;

    private static readonly Dictionary<string, string> Tables = new(StringComparer.Ordinal)
    {
        [TemplateSchema.ProactiveDisclosure] = "pd",
        [TemplateSchema.Requests] = "req",
        [TemplateSchema.ReviewLitigation] = "rl",
    };

    private static readonly Dictionary<string, string> Parts = new(StringComparer.Ordinal)
    {
        // 二 rows and columns
        ["NormativeDocuments"] = "normdocs", ["OtherServices"] = "othersvc", ["CentralProcurement"] = "procurement",
        ["InForce"] = "inforce", ["AmountTenThousandYuan"] = "amount_wan", ["NewlyMade"] = "made", ["NewlyPublished"] = "published",
        ["TotalPublished"] = "total_published", ["PreviousYear"] = "prev_year", ["AmountYuan"] = "amount",
        // 三 rows
        ["NewRequests"] = "new", ["CarriedOver"] = "carried_over", ["PartiallyGranted"] = "partial", ["StateSecret"] = "secret",
        ["ProhibitedByLaw"] = "prohibited", ["ThirdParty"] = "third_party", ["InternalAffairs"] = "internal", ["ProcessInformation"] = "process",
        ["EnforcementCase"] = "enf_case", ["QueryMatter"] = "query", ["NotHeld"] = "not_held", ["NeedsCreation"] = "create",
        ["NotProcessed"] = "notproc", ["NoCorrection"] = "no_correction", ["FeeUnpaid"] = "fee_unpaid", ["CarriedForward"] = "carried_fwd",
        // 三 columns
        ["NaturalPerson"] = "np", ["Commercial"] = "com", ["Research"] = "res", ["PublicInterest"] = "pub", ["LegalService"] = "legal", ["OtherOrg"] = "oth_org",
        // 四
        ["Cases"] = "", ["Litigation"] = "lit", ["AfterReview"] = "after_review",
    };

    private static readonly Dictionary<string, string> ByKey = TemplateSchema.AllCellKeys.ToDictionary(k => k, Build, StringComparer.Ordinal);

    /// <summary>The short name of a cell key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No template has the key.</exception>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ByKey.TryGetValue(key, out var s) ? s : throw new KeyNotFoundException($"'{key}' is not a cell key of the 2019 or 2021 template (see TEMPLATE.md)");
    }

    /// <summary>The short name of an export column: <see cref="Of"/> for a cell key, the column itself for any other column.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="column"/> is null.</exception>
    public static string ForColumn(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return ByKey.TryGetValue(column, out var s) ? s : column;
    }

    private static string Build(string key)
    {
        var parts = key.Split('.');
        var names = new List<string> { Tables.TryGetValue(parts[0], out var t) ? t : parts[0].ToLowerInvariant() };
        for (int i = 1; i < parts.Length; i++)
        {
            var p = Parts.TryGetValue(parts[i], out var a) ? a : parts[i].ToLowerInvariant();
            if (p.Length > 0) names.Add(p);
        }
        return string.Join('_', names);
    }
}
