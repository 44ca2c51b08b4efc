// The Table.Row.Column keys of TEMPLATE.md as constants, one per cell of both templates.
// Kept equal to TemplateSchema by a test (every constant is a schema key and every schema key has a constant).

namespace ReportParser.Template;

/// <summary>
/// Every <c>Table.Row.Column</c> cell key of TEMPLATE.md as a constant, for compile-time checked look-ups:
/// <c>report.Cell(CellKeys.Requests.Granted.Total)</c>. Row keys with a dot are joined
/// (<c>Denied.StateSecret</c> → <c>DeniedStateSecret</c>), as in the typed tables;
/// the （七）总计 row is <c>TotalRow</c> (a class cannot hold a member of its own name); table 四's groups are classes.
/// </summary>
public static class CellKeys
{
    /// <summary>表二 主动公开政府信息情况.</summary>
    public static class ProactiveDisclosure
    {
        /// <summary>规章.</summary>
        public static class Regulations
        {
            /// <summary>本年制发件数 (2021 template only).</summary>
            public const string Issued = "ProactiveDisclosure.Regulations.Issued";
            /// <summary>本年废止件数 (2021 template only).</summary>
            public const string Repealed = "ProactiveDisclosure.Regulations.Repealed";
            /// <summary>现行有效件数 (2021 template only).</summary>
            public const string InForce = "ProactiveDisclosure.Regulations.InForce";
            /// <summary>本年新制作数量 (2019 template only).</summary>
            public const string NewlyMade = "ProactiveDisclosure.Regulations.NewlyMade";
            /// <summary>本年新公开数量 (2019 template only).</summary>
            public const string NewlyPublished = "ProactiveDisclosure.Regulations.NewlyPublished";
            /// <summary>对外公开总数量 (2019 template only).</summary>
            public const string TotalPublished = "ProactiveDisclosure.Regulations.TotalPublished";
        }
        /// <summary>行政规范性文件.</summary>
        public static class NormativeDocuments
        {
            /// <summary>本年制发件数 (2021 template only).</summary>
            public const string Issued = "ProactiveDisclosure.NormativeDocuments.Issued";
            /// <summary>本年废止件数 (2021 template only).</summary>
            public const string Repealed = "ProactiveDisclosure.NormativeDocuments.Repealed";
            /// <summary>现行有效件数 (2021 template only).</summary>
            public const string InForce = "ProactiveDisclosure.NormativeDocuments.InForce";
            /// <summary>本年新制作数量 (2019 template only).</summary>
            public const string NewlyMade = "ProactiveDisclosure.NormativeDocuments.NewlyMade";
            /// <summary>本年新公开数量 (2019 template only).</summary>
            public const string NewlyPublished = "ProactiveDisclosure.NormativeDocuments.NewlyPublished";
            /// <summary>对外公开总数量 (2019 template only).</summary>
            public const string TotalPublished = "ProactiveDisclosure.NormativeDocuments.TotalPublished";
        }
        /// <summary>行政许可.</summary>
        public static class Licensing
        {
            /// <summary>本年处理决定数量 (both templates).</summary>
            public const string Decisions = "ProactiveDisclosure.Licensing.Decisions";
            /// <summary>上一年项目数量 (2019 template only).</summary>
            public const string PreviousYear = "ProactiveDisclosure.Licensing.PreviousYear";
            /// <summary>本年增/减 (2019 template only).</summary>
            public const string Change = "ProactiveDisclosure.Licensing.Change";
        }
        /// <summary>行政处罚.</summary>
        public static class Penalties
        {
            /// <summary>本年处理决定数量 (both templates).</summary>
            public const string Decisions = "ProactiveDisclosure.Penalties.Decisions";
            /// <summary>上一年项目数量 (2019 template only).</summary>
            public const string PreviousYear = "ProactiveDisclosure.Penalties.PreviousYear";
            /// <summary>本年增/减 (2019 template only).</summary>
            public const string Change = "ProactiveDisclosure.Penalties.Change";
        }
        /// <summary>行政强制.</summary>
        public static class Enforcement
        {
            /// <summary>本年处理决定数量 (both templates).</summary>
            public const string Decisions = "ProactiveDisclosure.Enforcement.Decisions";
            /// <summary>上一年项目数量 (2019 template only).</summary>
            public const string PreviousYear = "ProactiveDisclosure.Enforcement.PreviousYear";
            /// <summary>本年增/减 (2019 template only).</summary>
            public const string Change = "ProactiveDisclosure.Enforcement.Change";
        }
        /// <summary>行政事业性收费.</summary>
        public static class Fees
        {
            /// <summary>本年收费金额（单位：万元） (2021 template only).</summary>
            public const string AmountTenThousandYuan = "ProactiveDisclosure.Fees.AmountTenThousandYuan";
            /// <summary>上一年项目数量 (2019 template only).</summary>
            public const string PreviousYear = "ProactiveDisclosure.Fees.PreviousYear";
            /// <summary>本年增/减 (2019 template only).</summary>
            public const string Change = "ProactiveDisclosure.Fees.Change";
        }
        /// <summary>其他对外管理服务事项.</summary>
        public static class OtherServices
        {
            /// <summary>上一年项目数量 (2019 template only).</summary>
            public const string PreviousYear = "ProactiveDisclosure.OtherServices.PreviousYear";
            /// <summary>本年增/减 (2019 template only).</summary>
            public const string Change = "ProactiveDisclosure.OtherServices.Change";
            /// <summary>处理决定数量 (2019 template only).</summary>
            public const string Decisions = "ProactiveDisclosure.OtherServices.Decisions";
        }
        /// <summary>政府集中采购.</summary>
        public static class CentralProcurement
        {
            /// <summary>采购项目数量 (2019 template only).</summary>
            public const string Projects = "ProactiveDisclosure.CentralProcurement.Projects";
            /// <summary>采购总金额 (2019 template only).</summary>
            public const string AmountYuan = "ProactiveDisclosure.CentralProcurement.AmountYuan";
        }
    }
    /// <summary>表三 收到和处理政府信息公开申请情况.</summary>
    public static class Requests
    {
        /// <summary>本年新收政府信息公开申请数量.</summary>
        public static class NewRequests
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.NewRequests.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.NewRequests.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.NewRequests.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.NewRequests.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.NewRequests.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.NewRequests.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.NewRequests.Total";
        }
        /// <summary>上年结转政府信息公开申请数量.</summary>
        public static class CarriedOver
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.CarriedOver.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.CarriedOver.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.CarriedOver.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.CarriedOver.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.CarriedOver.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.CarriedOver.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.CarriedOver.Total";
        }
        /// <summary>予以公开.</summary>
        public static class Granted
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Granted.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Granted.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Granted.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Granted.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Granted.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Granted.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Granted.Total";
        }
        /// <summary>部分公开（区分处理的，只计这一情形，不计其他情形）.</summary>
        public static class PartiallyGranted
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.PartiallyGranted.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.PartiallyGranted.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.PartiallyGranted.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.PartiallyGranted.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.PartiallyGranted.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.PartiallyGranted.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.PartiallyGranted.Total";
        }
        /// <summary>属于国家秘密.</summary>
        public static class DeniedStateSecret
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Denied.StateSecret.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Denied.StateSecret.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Denied.StateSecret.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Denied.StateSecret.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Denied.StateSecret.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Denied.StateSecret.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Denied.StateSecret.Total";
        }
        /// <summary>其他法律行政法规禁止公开.</summary>
        public static class DeniedProhibitedByLaw
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Denied.ProhibitedByLaw.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Denied.ProhibitedByLaw.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Denied.ProhibitedByLaw.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Denied.ProhibitedByLaw.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Denied.ProhibitedByLaw.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Denied.ProhibitedByLaw.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Denied.ProhibitedByLaw.Total";
        }
        /// <summary>危及“三安全一稳定”.</summary>
        public static class DeniedEndangers
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Denied.Endangers.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Denied.Endangers.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Denied.Endangers.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Denied.Endangers.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Denied.Endangers.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Denied.Endangers.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Denied.Endangers.Total";
        }
        /// <summary>保护第三方合法权益.</summary>
        public static class DeniedThirdParty
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Denied.ThirdParty.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Denied.ThirdParty.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Denied.ThirdParty.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Denied.ThirdParty.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Denied.ThirdParty.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Denied.ThirdParty.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Denied.ThirdParty.Total";
        }
        /// <summary>属于三类内部事务信息.</summary>
        public static class DeniedInternalAffairs
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Denied.InternalAffairs.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Denied.InternalAffairs.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Denied.InternalAffairs.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Denied.InternalAffairs.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Denied.InternalAffairs.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Denied.InternalAffairs.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Denied.InternalAffairs.Total";
        }
        /// <summary>属于四类过程性信息.</summary>
        public static class DeniedProcessInformation
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Denied.ProcessInformation.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Denied.ProcessInformation.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Denied.ProcessInformation.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Denied.ProcessInformation.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Denied.ProcessInformation.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Denied.ProcessInformation.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Denied.ProcessInformation.Total";
        }
        /// <summary>属于行政执法案卷.</summary>
        public static class DeniedEnforcementCase
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Denied.EnforcementCase.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Denied.EnforcementCase.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Denied.EnforcementCase.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Denied.EnforcementCase.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Denied.EnforcementCase.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Denied.EnforcementCase.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Denied.EnforcementCase.Total";
        }
        /// <summary>属于行政查询事项.</summary>
        public static class DeniedQueryMatter
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Denied.QueryMatter.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Denied.QueryMatter.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Denied.QueryMatter.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Denied.QueryMatter.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Denied.QueryMatter.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Denied.QueryMatter.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Denied.QueryMatter.Total";
        }
        /// <summary>本机关不掌握相关政府信息.</summary>
        public static class UnableNotHeld
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Unable.NotHeld.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Unable.NotHeld.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Unable.NotHeld.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Unable.NotHeld.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Unable.NotHeld.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Unable.NotHeld.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Unable.NotHeld.Total";
        }
        /// <summary>没有现成信息需要另行制作.</summary>
        public static class UnableNeedsCreation
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Unable.NeedsCreation.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Unable.NeedsCreation.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Unable.NeedsCreation.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Unable.NeedsCreation.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Unable.NeedsCreation.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Unable.NeedsCreation.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Unable.NeedsCreation.Total";
        }
        /// <summary>补正后申请内容仍不明确.</summary>
        public static class UnableUnclear
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Unable.Unclear.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Unable.Unclear.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Unable.Unclear.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Unable.Unclear.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Unable.Unclear.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Unable.Unclear.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Unable.Unclear.Total";
        }
        /// <summary>信访举报投诉类申请.</summary>
        public static class NotProcessedComplaint
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.NotProcessed.Complaint.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.NotProcessed.Complaint.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.NotProcessed.Complaint.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.NotProcessed.Complaint.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.NotProcessed.Complaint.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.NotProcessed.Complaint.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.NotProcessed.Complaint.Total";
        }
        /// <summary>重复申请.</summary>
        public static class NotProcessedDuplicate
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.NotProcessed.Duplicate.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.NotProcessed.Duplicate.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.NotProcessed.Duplicate.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.NotProcessed.Duplicate.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.NotProcessed.Duplicate.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.NotProcessed.Duplicate.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.NotProcessed.Duplicate.Total";
        }
        /// <summary>要求提供公开出版物.</summary>
        public static class NotProcessedPublication
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.NotProcessed.Publication.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.NotProcessed.Publication.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.NotProcessed.Publication.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.NotProcessed.Publication.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.NotProcessed.Publication.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.NotProcessed.Publication.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.NotProcessed.Publication.Total";
        }
        /// <summary>无正当理由大量反复申请.</summary>
        public static class NotProcessedExcessive
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.NotProcessed.Excessive.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.NotProcessed.Excessive.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.NotProcessed.Excessive.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.NotProcessed.Excessive.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.NotProcessed.Excessive.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.NotProcessed.Excessive.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.NotProcessed.Excessive.Total";
        }
        /// <summary>要求行政机关确认或重新出具已获取信息.</summary>
        public static class NotProcessedConfirmation
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.NotProcessed.Confirmation.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.NotProcessed.Confirmation.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.NotProcessed.Confirmation.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.NotProcessed.Confirmation.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.NotProcessed.Confirmation.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.NotProcessed.Confirmation.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.NotProcessed.Confirmation.Total";
        }
        /// <summary>申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请.</summary>
        public static class OtherNoCorrection
        {
            /// <summary>自然人 (2021 template only).</summary>
            public const string NaturalPerson = "Requests.Other.NoCorrection.NaturalPerson";
            /// <summary>商业企业 (2021 template only).</summary>
            public const string Commercial = "Requests.Other.NoCorrection.Commercial";
            /// <summary>科研机构 (2021 template only).</summary>
            public const string Research = "Requests.Other.NoCorrection.Research";
            /// <summary>社会公益组织 (2021 template only).</summary>
            public const string PublicInterest = "Requests.Other.NoCorrection.PublicInterest";
            /// <summary>法律服务机构 (2021 template only).</summary>
            public const string LegalService = "Requests.Other.NoCorrection.LegalService";
            /// <summary>其他 (2021 template only).</summary>
            public const string OtherOrg = "Requests.Other.NoCorrection.OtherOrg";
            /// <summary>总计 (2021 template only).</summary>
            public const string Total = "Requests.Other.NoCorrection.Total";
        }
        /// <summary>申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请.</summary>
        public static class OtherFeeUnpaid
        {
            /// <summary>自然人 (2021 template only).</summary>
            public const string NaturalPerson = "Requests.Other.FeeUnpaid.NaturalPerson";
            /// <summary>商业企业 (2021 template only).</summary>
            public const string Commercial = "Requests.Other.FeeUnpaid.Commercial";
            /// <summary>科研机构 (2021 template only).</summary>
            public const string Research = "Requests.Other.FeeUnpaid.Research";
            /// <summary>社会公益组织 (2021 template only).</summary>
            public const string PublicInterest = "Requests.Other.FeeUnpaid.PublicInterest";
            /// <summary>法律服务机构 (2021 template only).</summary>
            public const string LegalService = "Requests.Other.FeeUnpaid.LegalService";
            /// <summary>其他 (2021 template only).</summary>
            public const string OtherOrg = "Requests.Other.FeeUnpaid.OtherOrg";
            /// <summary>总计 (2021 template only).</summary>
            public const string Total = "Requests.Other.FeeUnpaid.Total";
        }
        /// <summary>其他.</summary>
        public static class OtherOther
        {
            /// <summary>自然人 (2021 template only).</summary>
            public const string NaturalPerson = "Requests.Other.Other.NaturalPerson";
            /// <summary>商业企业 (2021 template only).</summary>
            public const string Commercial = "Requests.Other.Other.Commercial";
            /// <summary>科研机构 (2021 template only).</summary>
            public const string Research = "Requests.Other.Other.Research";
            /// <summary>社会公益组织 (2021 template only).</summary>
            public const string PublicInterest = "Requests.Other.Other.PublicInterest";
            /// <summary>法律服务机构 (2021 template only).</summary>
            public const string LegalService = "Requests.Other.Other.LegalService";
            /// <summary>其他 (2021 template only).</summary>
            public const string OtherOrg = "Requests.Other.Other.OtherOrg";
            /// <summary>总计 (2021 template only).</summary>
            public const string Total = "Requests.Other.Other.Total";
        }
        /// <summary>总计.</summary>
        public static class TotalRow
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.Total.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.Total.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.Total.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.Total.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.Total.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.Total.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.Total.Total";
        }
        /// <summary>结转下年度继续办理.</summary>
        public static class CarriedForward
        {
            /// <summary>自然人 (both templates).</summary>
            public const string NaturalPerson = "Requests.CarriedForward.NaturalPerson";
            /// <summary>商业企业 (both templates).</summary>
            public const string Commercial = "Requests.CarriedForward.Commercial";
            /// <summary>科研机构 (both templates).</summary>
            public const string Research = "Requests.CarriedForward.Research";
            /// <summary>社会公益组织 (both templates).</summary>
            public const string PublicInterest = "Requests.CarriedForward.PublicInterest";
            /// <summary>法律服务机构 (both templates).</summary>
            public const string LegalService = "Requests.CarriedForward.LegalService";
            /// <summary>其他 (both templates).</summary>
            public const string OtherOrg = "Requests.CarriedForward.OtherOrg";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "Requests.CarriedForward.Total";
        }
        /// <summary>其他处理.</summary>
        public static class Other
        {
            /// <summary>自然人 (2019 template only).</summary>
            public const string NaturalPerson = "Requests.Other.NaturalPerson";
            /// <summary>商业企业 (2019 template only).</summary>
            public const string Commercial = "Requests.Other.Commercial";
            /// <summary>科研机构 (2019 template only).</summary>
            public const string Research = "Requests.Other.Research";
            /// <summary>社会公益组织 (2019 template only).</summary>
            public const string PublicInterest = "Requests.Other.PublicInterest";
            /// <summary>法律服务机构 (2019 template only).</summary>
            public const string LegalService = "Requests.Other.LegalService";
            /// <summary>其他 (2019 template only).</summary>
            public const string OtherOrg = "Requests.Other.OtherOrg";
            /// <summary>总计 (2019 template only).</summary>
            public const string Total = "Requests.Other.Total";
        }
    }
    /// <summary>表四 政府信息公开行政复议、行政诉讼情况 (one row, <c>Cases</c>).</summary>
    public static class ReviewLitigation
    {
        /// <summary>行政复议.</summary>
        public static class Review
        {
            /// <summary>结果维持 (both templates).</summary>
            public const string Upheld = "ReviewLitigation.Cases.Review.Upheld";
            /// <summary>结果纠正 (both templates).</summary>
            public const string Corrected = "ReviewLitigation.Cases.Review.Corrected";
            /// <summary>其他结果 (both templates).</summary>
            public const string Other = "ReviewLitigation.Cases.Review.Other";
            /// <summary>尚未审结 (both templates).</summary>
            public const string Pending = "ReviewLitigation.Cases.Review.Pending";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "ReviewLitigation.Cases.Review.Total";
        }
        /// <summary>行政诉讼 未经复议直接起诉.</summary>
        public static class LitigationDirect
        {
            /// <summary>结果维持 (both templates).</summary>
            public const string Upheld = "ReviewLitigation.Cases.Litigation.Direct.Upheld";
            /// <summary>结果纠正 (both templates).</summary>
            public const string Corrected = "ReviewLitigation.Cases.Litigation.Direct.Corrected";
            /// <summary>其他结果 (both templates).</summary>
            public const string Other = "ReviewLitigation.Cases.Litigation.Direct.Other";
            /// <summary>尚未审结 (both templates).</summary>
            public const string Pending = "ReviewLitigation.Cases.Litigation.Direct.Pending";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "ReviewLitigation.Cases.Litigation.Direct.Total";
        }
        /// <summary>行政诉讼 复议后起诉.</summary>
        public static class LitigationAfterReview
        {
            /// <summary>结果维持 (both templates).</summary>
            public const string Upheld = "ReviewLitigation.Cases.Litigation.AfterReview.Upheld";
            /// <summary>结果纠正 (both templates).</summary>
            public const string Corrected = "ReviewLitigation.Cases.Litigation.AfterReview.Corrected";
            /// <summary>其他结果 (both templates).</summary>
            public const string Other = "ReviewLitigation.Cases.Litigation.AfterReview.Other";
            /// <summary>尚未审结 (both templates).</summary>
            public const string Pending = "ReviewLitigation.Cases.Litigation.AfterReview.Pending";
            /// <summary>总计 (both templates).</summary>
            public const string Total = "ReviewLitigation.Cases.Litigation.AfterReview.Total";
        }
    }
}
