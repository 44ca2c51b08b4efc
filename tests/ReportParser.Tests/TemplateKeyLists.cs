namespace ReportParser.Tests;

/// <summary>
/// The 2021 template's keys written out by hand (TEMPLATE.md), for tests that map externally produced expected
/// values onto the model: the lists are independent of the catalog under test.
/// </summary>
internal static class TemplateKeyLists
{
    public static readonly string[] ApplicantColumns = { "NaturalPerson", "Commercial", "Research", "PublicInterest", "LegalService", "OtherOrg", "Total" };

    public static readonly Dictionary<string, string> ApplicantColumnByLabel = new()
    {
        ["自然人"] = "NaturalPerson", ["商业企业"] = "Commercial", ["科研机构"] = "Research", ["社会公益组织"] = "PublicInterest",
        ["法律服务机构"] = "LegalService", ["其他"] = "OtherOrg", ["总计"] = "Total",
    };

    /// <summary>Table 三's rows of the 2021 template, in printed order.</summary>
    public static readonly string[] RequestRows2021 =
    {
        "NewRequests", "CarriedOver", "Granted", "PartiallyGranted",
        "Denied.StateSecret", "Denied.ProhibitedByLaw", "Denied.Endangers", "Denied.ThirdParty", "Denied.InternalAffairs",
        "Denied.ProcessInformation", "Denied.EnforcementCase", "Denied.QueryMatter",
        "Unable.NotHeld", "Unable.NeedsCreation", "Unable.Unclear",
        "NotProcessed.Complaint", "NotProcessed.Duplicate", "NotProcessed.Publication", "NotProcessed.Excessive", "NotProcessed.Confirmation",
        "Other.NoCorrection", "Other.FeeUnpaid", "Other.Other", "Total", "CarriedForward",
    };

    /// <summary>Table 四's fifteen columns in printed order.</summary>
    public static readonly string[] ReviewColumns =
    {
        "Review.Upheld", "Review.Corrected", "Review.Other", "Review.Pending", "Review.Total",
        "Litigation.Direct.Upheld", "Litigation.Direct.Corrected", "Litigation.Direct.Other", "Litigation.Direct.Pending", "Litigation.Direct.Total",
        "Litigation.AfterReview.Upheld", "Litigation.AfterReview.Corrected", "Litigation.AfterReview.Other", "Litigation.AfterReview.Pending", "Litigation.AfterReview.Total",
    };
}
