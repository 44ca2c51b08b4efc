namespace ReportParser.Export;

/// <summary>The prose around the generated tables of docs/indicators.md.</summary>
internal static class IndicatorDocs
{
    public const string Intro = """
        # Indicators and the panel

        Generated from the definitions in code (`Indicators.ToMarkdown()`). Every export writes `indicators.csv`
        (`.jsonl`, `.parquet` in those formats, a sheet of the xlsx workbook) and `panel.csv` beside the other tables;
        `merge` computes both again from the merged `reports` rows, so a merge of shards equals a single run.

        ## indicators

        One row per parsed report and indicator: first every per-report indicator of each report, in input order; then the
        cross-year indicators of each report, in input order (they need the whole batch; a `--shard` run writes only the
        per-report rows, and `merge` writes all of them).

        | column | type | meaning |
        |---|---|---|
        | `file` | text | the report's file identity, as in `reports` |
        | `agency` | text | 发布机构 as found |
        | `agency_id` | text | stable id of the normalised agency name (see [Panel](#panel)); empty without an agency |
        | `year` | int32 | the report year |
        | `template` | text | `2019`, `2021` (or `legacy`, `unknown`: every value null) |
        | `indicator` | text | the indicator's name (below) |
        | `value` | decimal(18,4) | ratio: numerator / denominator, rounded to 4 decimals (half away from zero); sum: the numerator; null with `reason` |
        | `numerator` | decimal(18,4) | the numerator's sum (exact); null when one of its cells is not stated |
        | `denominator` | decimal(18,4) | the denominator's sum (exact); null when one of its cells is not stated, or for a sum |
        | `small_n` | int32 | 1 when requests received (`Requests.NewRequests.Total + Requests.CarriedOver.Total`) are fewer than 30, 0 otherwise; null when not stated |
        | `reason` | text | why `value` is null, else empty: `not stated: KEY, KEY…` (every unstated cell of the formula), `denominator is 0`, `not in the 2019 template`, `a legacy report has no standard tables`, `no report of year N−1 for this agency`, … |

        **A blank is never read as 0.** Every cell of a formula must be stated for the value to be given; a sum over a
        group of rows (`ΣRequests.Denied.*.Total`, the eight 不予公开 rows) needs every row of the group. The 总计 column is
        used as printed (never the sum of the applicant columns), so a report that leaves 总计 blank has null rates with
        the reason. Column sums, blank-as-zero readings and other denominators can be computed from `reports`.

        Keys are those of TEMPLATE.md (`Table.Row.Column`); table 四 keys read
        `ReviewLitigation.Cases.Group.Outcome`. Where the templates differ (其他处理: one row in 2019, three in 2021; 规章 and
        规范性文件 columns) the formula is given per template; an indicator a template cannot give is null with `not in the
        2019 template`.

        """;

    public const string Outro = """

        Notes:
        - `disclosure_rate` uses （七）总计, the requests handled this year; `disclosure_rate_received` uses the requests
          received (本年新收 + 上年结转), which also counts those carried forward unhandled.
        - `review_correction_closed` excludes the reviews still pending (尚未审结): `Total − Pending`.
        - `dispute_conversion` counts a case that was reviewed and then sued twice, as the template does.
        - Cross-year indicators take the same agency's report of year N−1 chosen for the panel (below); the reason says
          when there is none (`no report of year N−1 for this agency`), when the agency or year was not found, or when a
          cell of either year is not stated.

        ## Panel

        `panel.csv` (`.jsonl`, `.parquet`; a sheet of the xlsx workbook): one row per agency and year, for the reports
        whose agency and year were found.

        - **`agency_id`**: `ag_` and 12 hex digits of the SHA-256 of the normalised agency name (`agency_key`): full-width
          characters as half-width (Unicode NFKC), white space removed, `人民政府` read as `政府`, a report title left in
          the name (`…2021年政务信息公开工作年度报告`, with 政府 or 政务) and a `发布机构：`/`来源：` label removed, ASCII in
          lower case. The agency itself comes from the report: the title's prefix before the year, else the line above the
          title, else the page's 发布机构 field (the crawler's metadata). The id depends only on the name, so it is the same
          in every run, shard and version while these rules hold.
        - **Duplicates** (two or more reports of one `agency_id` and `year`, e.g. the HTML page and the PDF of one
          report): the panel keeps one, by this rule, in order: status `parsed` before `parsed-with-errors`; fewer error
          diagnostics; more of the panel's indicators stated; earlier in input order. `reports` counts the agency-year's
          reports and `duplicates` lists the files left out (` | ` between them); every report keeps its rows in
          `reports` and `indicators`.
        - **Year-on-year change** (`…_yoy`): this year's value minus the value of the same `agency_id`'s panel row of the
          year before; null when either is null or there is no such row.

        | column | type | meaning |
        |---|---|---|
        | `agency_id`, `agency_key` | text | the id and the normalised name |
        | `agency` | text | the name as the kept report prints it |
        | `year`, `template` | int32, text | the report year and template |
        | `file` | text | the kept report |
        | `reports` | int32 | reports of this agency and year (1 when no duplicate) |
        | `duplicates` | text | the other reports' files, left out |
        | `small_n` | int32 | as in `indicators` |
        | each panel indicator, then `…_yoy` for each | decimal(18,4) | the value as in `indicators` (`requests_received`, `disclosure_rate`, `granted_rate`, `disclosure_rate_received`, `disclosure_rate_merits`, `backlog_rate`, `review_correction_rate`, `review_correction_closed`, `litigation_loss_rate_direct`, `dispute_conversion`, `carryover_gap`) |
        """;
}
