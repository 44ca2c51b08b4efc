#!/usr/bin/env python3
"""Writes the HTML sources of the PDF fixtures (corpus/pdf/src/*.html) and their tab-separated text twins
(corpus/pdf/*.txt) from one description, so both carry exactly the same values. Deterministic (fixed seed).
Usage: tools/pdf-fixture-sources.py [REPO_ROOT]"""
import os, random, sys, html

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
src_dir = os.path.join(root, "corpus", "pdf", "src")
txt_dir = os.path.join(root, "corpus", "pdf")
os.makedirs(src_dir, exist_ok=True)


def C(text, rs=1, cs=1):
    return (str(text), rs, cs)


def expand(rows):
    """Rows of (text, rowspan, colspan) cells -> grid of strings; a merged cell's text sits at its top-left position."""
    grid, taken = [], {}
    for r, row in enumerate(rows):
        line, c = [], 0
        for text, rs, cs in row:
            while (r, c) in taken:
                line.append(""); c += 1
            line.append(text)
            for dr in range(rs):
                for dc in range(cs):
                    if dr or dc:
                        taken[(r + dr, c + dc)] = True
            c += 1
            for dc in range(1, cs):
                line.append(""); c += 1
        while (r, c) in taken:
            line.append(""); c += 1
        grid.append(line)
    return grid


class Distinct:
    def __init__(self, seed, lo, hi):
        self.rng = random.Random(seed); self.used = set(); self.lo = lo; self.hi = hi

    def __call__(self, lo=None, hi=None):
        while True:
            v = self.rng.randint(lo or self.lo, hi or self.hi)
            if v not in self.used:
                self.used.add(v); return v


def requests_table(num, numerals, other_rows, sparse=False):
    """Table 三 with consistent totals: 总计 = row sum; (七)总计 = outcome sum; new + carried = total + forward.
    sparse: a publisher that leaves zeros blank; requests come from natural persons, one row also from 商业企业,
    and most outcome rows are zero (printed with no values at all)."""
    groups = [("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                                 "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
              ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
              ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                                 "5.要求行政机关确认或重新出具已获取信息"])]
    if sparse:
        picks = iter([[num(1, 30)] + [0] * 5, [num(1, 40), 0, 0, 0, 0, 0], [num(1, 40), num(1, 40), 0, 0, 0, 0],
                      [num(1, 40), 0, 0, 0, 0, 0]] + [[0] * 6] * 6 + [[num(1, 40)] + [0] * 5] + [[0] * 6] * 40)
        six = lambda: next(picks)
    else:
        def six():
            return [num() for _ in range(6)]
    cell = (lambda v: C("" if v == 0 else v)) if sparse else C
    vals = lambda values: [cell(v) for v in values] + [cell(sum(values))]
    outcome_rows = []  # (cells before values, values)
    granted, partial = six(), six()
    outcomes = [granted, partial]
    body = []
    n_outcome = 2 + sum(len(g[1]) for g in groups) + (len(other_rows) if other_rows else 1) + 1
    body.append([C("三、本年度办理结果", rs=n_outcome), C("（一）予以公开", cs=2)] + vals(granted))
    body.append([C("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", cs=2)] + vals(partial))
    for head, items in groups:
        for i, item in enumerate(items):
            v = six(); outcomes.append(v)
            body.append(([C(head, rs=len(items))] if i == 0 else []) + [C(item)] + vals(v))
    if other_rows:
        for i, item in enumerate(other_rows):
            v = six(); outcomes.append(v)
            body.append(([C("（六）其他处理", rs=len(other_rows))] if i == 0 else []) + [C(item)] + vals(v))
    else:
        v = six(); outcomes.append(v)
        body.append([C("（六）其他处理", cs=2)] + vals(v))
    total = [sum(col) for col in zip(*outcomes)]
    body.append([C("（七）总计", cs=2)] + vals(total))
    forward = [0] * 6 if sparse else six()
    carried = [num(1, 12)] + [0] * 5 if sparse else six()
    new = [t + f - c for t, f, c in zip(total, forward, carried)]
    head = [[C("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=3), C("申请人情况", cs=7)],
            [C("自然人", rs=2), C("法人或其他组织", cs=5), C("总计", rs=2)],
            [C("商业企业"), C("科研机构"), C("社会公益组织"), C("法律服务机构"), C("其他")]]
    rows = head + [[C("一、本年新收政府信息公开申请数量", cs=3)] + vals(new),
                   [C("二、上年结转政府信息公开申请数量", cs=3)] + vals(carried)] + body + \
           [[C("四、结转下年度继续办理", cs=3)] + vals(forward)]
    return rows


def vals(six):
    return [C(v) for v in six] + [C(sum(six))]


def review_table(num):
    groups = []
    for _ in range(3):
        g = [num(1, 60) for _ in range(4)]
        groups.append(g + [sum(g)])
    labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [[C("行政复议", cs=5), C("行政诉讼", cs=10)],
            [C(l, rs=2) for l in labels] + [C("未经复议直接起诉", cs=5), C("复议后起诉", cs=5)],
            [C(l) for l in labels] * 2,
            [C(v) for g in groups for v in g]]


def proactive_2021(num):
    return [[C("第二十条第（一）项", cs=4)],
            [C("信息内容"), C("本年制发件数"), C("本年废止件数"), C("现行有效件数")],
            [C("规章"), C(num(1, 40)), C(num(1, 40)), C(num(41, 90))],
            [C("行政规范性文件"), C(num(1, 40)), C(num(1, 40)), C(num(41, 90))],
            [C("第二十条第（五）项", cs=4)],
            [C("信息内容"), C("本年处理决定数量", cs=3)],
            [C("行政许可"), C(num(1000, 9000), cs=3)],
            [C("第二十条第（六）项", cs=4)],
            [C("信息内容"), C("本年处理决定数量", cs=3)],
            [C("行政处罚"), C(num(100, 999), cs=3)],
            [C("行政强制"), C(num(100, 999), cs=3)],
            [C("第二十条第（八）项", cs=4)],
            [C("信息内容"), C("本年收费金额（单位：万元）", cs=3)],
            [C("行政事业性收费"), C("37.4520", cs=3)]]


def proactive_2019(num):
    def block(title, header, rows):
        out = [[C(title, cs=4)], [C(h) for h in header] + [C("")] * (4 - len(header))]
        for label, values in rows:
            out.append([C(label)] + [C(v) for v in values] + [C("")] * (3 - len(values)))
        return out
    return (block("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
                  [("规章", [num(1, 40), num(1, 40), num(41, 99)]), ("规范性文件", [num(1, 40), num(1, 40), num(41, 99)])]) +
            block("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                  [("行政许可", [num(41, 99), num(1, 40), num(1000, 9000)]), ("其他对外管理服务事项", [num(41, 99), num(1, 40), num(1000, 9000)])]) +
            block("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                  [("行政处罚", [num(41, 99), num(1, 40), num(100, 999)]), ("行政强制", [num(41, 99), num(1, 40), num(100, 999)])]) +
            block("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"],
                  [("行政事业性收费", [num(1, 40), num(1, 40)])]) +
            block("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"],
                  [("政府集中采购", [num(41, 99), "1286.5"])]))


OVERVIEW = [
    "（一）主动公开情况",
    "{agency}坚持以公开为常态、不公开为例外，围绕交通基础设施建设、道路运输管理、公共交通服务等重点领域，通过门户网站、政务新媒体和政务服务大厅及时发布政策文件、项目信息和办事指南。全年通过门户网站主动公开政府信息{a}条，政务新媒体发布信息{b}条，召开新闻发布会{c}场。",
    "（二）依申请公开情况",
    "严格执行依申请公开受理、审查、答复等各环节的工作规范，统一答复格式，做到依法依规、按时答复。全年共收到政府信息公开申请，均在法定期限内办结，未发生逾期答复的情况。",
    "（三）政府信息管理",
    "建立健全政府信息公开属性源头认定机制，公文拟制时同步明确公开属性；对历年制发的规范性文件开展清理，及时公布清理结果，确保公开的信息准确、完整、有效。",
    "（四）平台建设和监督保障",
    "持续优化门户网站政府信息公开专栏，规范栏目设置；将政务公开工作纳入年度绩效考核，开展业务培训{d}次，参训人员{e}人次，政务公开工作水平进一步提升。",
]

PROBLEMS = [
    "（一）存在的主要问题",
    "一是政策解读的形式还不够丰富，图解、视频等解读方式运用较少；二是基层政务公开标准化规范化建设仍需加强。",
    "（二）改进措施",
    "一是丰富解读形式，提升解读质量；二是加强业务培训和工作指导，推动基层政务公开标准化规范化建设走深走实。",
]

CSS = """
@page { size: A4; margin: 22mm 20mm 20mm 20mm;
  @top-center { content: "{header}"; font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-size: 9pt; }
  @bottom-center { content: "— " counter(page) " —"; font-family: sans-serif; font-size: 10pt; } }
body { font-family: 仿宋_GB2312, FangSong, "WenQuanYi Zen Hei", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.5; }
h1 { font-family: 方正小标宋简体, "WenQuanYi Zen Hei", "Noto Serif CJK SC", serif; font-size: 18pt; text-align: center; font-weight: normal; }
h2 { font-family: 黑体, SimHei, "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-size: 14pt; font-weight: normal; margin: 14pt 0 6pt 0; }
p { text-indent: 2em; margin: 0 0 4pt 0; text-align: justify; }
p.sub { font-family: 楷体_GB2312, KaiTi, "WenQuanYi Zen Hei", "Noto Serif CJK SC", serif; }
p.right { text-align: right; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt 0; font-size: 9pt; }
table.ruled td { border: 0.75pt solid #000; padding: 3pt 2pt; text-align: center; vertical-align: middle; }
table.plain td { border: none; padding: 4pt 2pt; text-align: center; vertical-align: middle; }
"""


def table_html(rows, cls, border):
    out = [f'<table class="{cls}" border="{border}" cellspacing="0" cellpadding="3">']
    for row in rows:
        cells = []
        for text, rs, cs in row:
            a = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            cells.append(f"<td{a}>{html.escape(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def write(name, agency, year, tables, plain_proactive, published, plain_requests=False):
    num = Distinct(sum(map(ord, name)) + year, 10, 999)
    words = {k: num() for k in "abcde"}
    words["agency"] = agency
    title = f"{agency}{year}年政府信息公开工作年度报告"
    body_html, body_txt = [], []

    def para(text, cls=None):
        body_html.append(f'<p{" class=%s" % cls if cls else ""}>{html.escape(text)}</p>')
        body_txt.append(text)

    def heading(text):
        body_html.append(f"<h2>{html.escape(text)}</h2>")
        body_txt.append(text)

    def table(rows, plain=False):
        body_html.append(table_html(rows, "plain" if plain else "ruled", 0 if plain else 1))
        body_txt.append("\n".join("\t".join(r) for r in expand(rows)))

    body_html.append(f"<h1>{html.escape(title)}</h1>")
    body_txt.append(title)
    para(f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定编制。报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。")
    heading("一、总体情况")
    for i, t in enumerate(OVERVIEW):
        para(t.format(**words), "sub" if i % 2 == 0 else None)
    heading("二、主动公开政府信息情况")
    table(tables[0], plain=plain_proactive)
    heading("三、收到和处理政府信息公开申请情况")
    table(tables[1], plain=plain_requests)
    heading("四、政府信息公开行政复议、行政诉讼情况")
    table(tables[2])
    heading("五、存在的主要问题及改进情况")
    for i, t in enumerate(PROBLEMS):
        para(t, "sub" if i % 2 == 0 else None)
    heading("六、其他需要报告的事项")
    para(f"本机关{year}年度未收取信息处理费。")
    para(agency, "right")
    para(published, "right")

    css = CSS.replace("{header}", f"{agency}政府信息公开工作年度报告")
    doc = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>{css}</style>
</head>
<body>
{chr(10).join(body_html)}
</body>
</html>
"""
    with open(os.path.join(src_dir, name + ".html"), "w", encoding="utf-8") as f:
        f.write(doc)
    with open(os.path.join(txt_dir, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(body_txt) + "\n")


num21 = Distinct(2021, 10, 400)
write("qingshan-transport-2021", "青山市交通运输局", 2021,
      [proactive_2021(num21), requests_table(num21, None, ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                                                           "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                                                           "3.其他"]), review_table(num21)],
      plain_proactive=False, published="2022年1月20日")
num19 = Distinct(2019, 10, 400)
write("baihe-county-gov-2019", "白河县人民政府办公室", 2019,
      [proactive_2019(num19), requests_table(num19, None, None), review_table(num19)],
      plain_proactive=True, published="2020年1月15日")
num21s = Distinct(2121, 10, 400)
write("songlin-market-2021-sparse", "松林县市场监督管理局", 2021,
      [proactive_2021(num21s), requests_table(num21s, None, ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                                                             "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                                                             "3.其他"], sparse=True), review_table(num21s)],
      plain_proactive=False, published="2022年1月25日", plain_requests=True)
