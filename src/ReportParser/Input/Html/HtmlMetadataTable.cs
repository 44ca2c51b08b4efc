using ReportParser.Text;

namespace ReportParser.Input.Html;

/// <summary>
/// Recognises the metadata table that government portals print above a document (索引号, 发布机构,
/// 发文日期/成文日期, 文号 …) and harvests its label/value pairs. Such a table is not a report table.
/// </summary>
internal static class HtmlMetadataTable
{
    /// <summary>Labels as printed → the key stored in <see cref="DocumentBlocks.Metadata"/> (null: recognised, not kept).</summary>
    private static readonly Dictionary<string, string?> Labels = new(StringComparer.Ordinal)
    {
        ["索引号"] = "索引号",
        ["发布机构"] = "发布机构",
        ["发文机关"] = "发布机构",
        ["发布单位"] = "发布机构",
        ["信息来源"] = "发布机构",
        ["发文日期"] = "发文日期",
        ["发布日期"] = "发文日期",
        ["公开日期"] = "发文日期",
        ["成文日期"] = "成文日期",
        ["生成日期"] = "成文日期",
        ["文号"] = "文号",
        ["发文字号"] = "文号",
        ["主题分类"] = null,
        ["分类"] = null,
        ["组配分类"] = null,
        ["体裁分类"] = null,
        ["关键词"] = null,
        ["主题词"] = null,
        ["时效"] = null,
        ["有效性"] = null,
        ["名称"] = null,
        ["文件下载"] = null,
        ["公开方式"] = null,
        ["公开范围"] = null,
    };

    public static bool TryHarvest(HtmlTableGrid grid, Dictionary<string, string> metadata)
        => TryHarvest(grid.Rows.Select(r => (IReadOnlyList<string>)r.Select(c => c.Text).ToList()).ToList(), metadata);

    /// <summary>The same for a grid of cell texts (tables of other inputs, e.g. DOCX).</summary>
    public static bool TryHarvest(IReadOnlyList<IReadOnlyList<string>> rows, Dictionary<string, string> metadata)
    {
        int hits = 0;
        foreach (var row in rows)
        {
            foreach (var c in row) if (Label(c, out _, out _)) hits++;
        }
        if (hits < 2) return false;
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Count; i++)
            {
                if (!Label(row[i], out var key, out var inline)) continue;
                var value = inline;
                if (value.Length == 0)
                {
                    for (int j = i + 1; j < row.Count; j++)
                    {
                        if (row[j].Length == 0) continue;
                        if (!Label(row[j], out _, out _)) value = row[j];
                        break;
                    }
                }
                if (key is not null && value.Length > 0) metadata.TryAdd(key, value);
            }
        }
        return true;
    }

    /// <summary>True when the text is a metadata label, alone ("发布机构", "发布机构：") or with its value ("文号：X").</summary>
    private static bool Label(string text, out string? key, out string value)
    {
        key = null;
        value = "";
        if (text.Length == 0 || text.Length > 60) return false;
        var t = text.Trim();
        int colon = t.IndexOfAny(new[] { ':', '：' });
        var label = TextUtil.Compact(colon >= 0 ? t[..colon] : t).Trim('【', '】', '[', ']');
        if (!Labels.TryGetValue(label, out key)) return false;
        if (colon >= 0) value = TextUtil.Trim(t[(colon + 1)..]);
        return true;
    }
}
