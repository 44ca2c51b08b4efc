namespace ReportParser.Reporting;

/// <summary>The page's inline style sheet and its one small script (sorting and filtering the files table). Nothing is loaded from elsewhere.</summary>
internal static class PageAssets
{
    public const string Css = """
        :root{--fg:#1d2330;--muted:#5b6474;--line:#d5dae3;--bg:#f6f7f9;--accent:#2f5d9f;--bad:#c62828;--badbg:#fde7e7;--warn:#b26a00;--warnbg:#fff3d6;--split:#5e35b1;--splitbg:#ede7f6;--ocrbg:#e0f2f1;--ocr:#00796b}
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg);font-size:14px;line-height:1.45}
        header.top{background:#1f3b63;color:#fff;padding:14px 24px}
        header.top h1{margin:0;font-size:20px;font-weight:600}
        header.top p{margin:4px 0 0;color:#c9d6ea;font-size:13px}
        nav.top{display:flex;gap:18px;padding:8px 24px;background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:2}
        nav.top a{color:var(--accent);text-decoration:none;font-weight:500}
        main{max-width:1280px;margin:0 auto;padding:12px 24px 48px}
        section{margin:18px 0}
        h2{font-size:18px;margin:22px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
        h3{font-size:15px;margin:16px 0 6px}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
        .card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 12px}
        .card .n{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
        .card .k{color:var(--muted);font-size:12px}
        .grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:14px;align-items:start;margin:14px 0}
        .panel{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 12px;overflow-x:auto}
        table{border-collapse:collapse;background:#fff}
        th,td{border:1px solid var(--line);padding:3px 7px;vertical-align:middle}
        th{background:#eef1f6;font-weight:600;text-align:center}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        table.plain td:first-child{text-align:left}
        .muted{color:var(--muted)}
        .chart{max-width:100%;height:auto;font-family:inherit}
        .chart .title{font-size:13px;font-weight:600;fill:var(--fg)}
        .chart .label{font-size:11px;fill:var(--muted)}
        .chart .value{font-size:11px;fill:var(--fg)}
        .chart .empty{font-size:12px;fill:var(--muted)}
        .chart .bar{fill:var(--accent)}
        .chart .bar.sev-error{fill:var(--bad)}.chart .bar.sev-warning{fill:#e0a100}.chart .bar.sev-info{fill:#7d8da8}
        .chart .axis{stroke:var(--line)}
        .filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:6px 0 8px}
        .filters input[type=search]{padding:4px 8px;min-width:260px;border:1px solid var(--line);border-radius:4px}
        .filters select{padding:3px 6px}
        table.files{width:100%}
        table.files th{cursor:pointer;user-select:none;white-space:nowrap}
        table.files th[aria-sort=ascending]::after{content:" ▲"}
        table.files th[aria-sort=descending]::after{content:" ▼"}
        table.files td:nth-child(2){word-break:break-all}
        table.files td:nth-child(1),table.files td:nth-child(4),table.files td:nth-child(n+8){text-align:right;font-variant-numeric:tabular-nums}
        table.files td:nth-child(7){white-space:nowrap;font-size:12px}
        table.files tr[data-s=parsed-with-errors] td:nth-child(7){color:var(--bad);font-weight:600}
        table.files tr[data-s=unreadable] td:nth-child(7){color:#fff;background:#3e2723}
        table.files tr[data-s=not-a-report] td:nth-child(7){color:#455a64;background:#eceff1}
        table.files tr[data-s=parsed] td:nth-child(7){color:#1b5e20}
        .st{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px;white-space:nowrap}
        .st-parsed{background:#e3f3e6;color:#1b5e20}.st-parsed-with-errors{background:var(--badbg);color:var(--bad)}
        .st-not-a-report{background:#eceff1;color:#455a64}.st-unreadable{background:#3e2723;color:#fff}
        .detail{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 16px 16px;margin:16px 0;scroll-margin-top:48px}
        .detail h2{border:0;margin:8px 0}
        .detail .meta{color:var(--muted);margin:0 0 8px}
        .back{font-size:13px}
        table.tpl{margin:6px 0 14px;font-size:13px}
        table.tpl thead th{white-space:nowrap}
        table.tpl thead th.lab{white-space:normal;max-width:360px}
        table.tpl th.lab,table.tpl td.lab{text-align:left;font-weight:normal;background:#fafbfc}
        table.tpl th.blk{text-align:left;background:#e6ebf3}
        table.tpl td.c{text-align:right;font-variant-numeric:tabular-nums;min-width:52px;position:relative}
        td.c sup{color:var(--bad);font-weight:600;margin-left:2px}
        td.ns,.legend .ns{background:repeating-linear-gradient(45deg,#f3f4f6,#f3f4f6 4px,#e5e7eb 4px,#e5e7eb 8px);color:var(--muted)}
        td.brk,.legend .brk{background:var(--badbg);color:var(--bad);font-weight:700;outline:2px solid var(--bad);outline-offset:-2px}
        td.term,.legend .term{box-shadow:inset 0 0 0 2px var(--bad)}
        td.term:not(.brk){background:#fff8f8}
        td.fused,.legend .fused{background:var(--splitbg);color:var(--split)}
        td.carry,.legend .carry{background:var(--warnbg);color:var(--warn);outline:2px dashed var(--warn);outline-offset:-2px}
        td.ocr,.legend .ocr{background:var(--ocrbg);color:var(--ocr)}
        td.c[title]{cursor:help}
        .legend{display:flex;flex-wrap:wrap;gap:12px;margin:4px 0 10px;font-size:12px}
        .legend span.sw{display:inline-block;width:26px;height:16px;vertical-align:middle;margin-right:4px;border:1px solid var(--line)}
        ol.notes{padding-left:22px;margin:6px 0}
        ol.notes li{margin:0 0 8px}
        .code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;background:#eef1f6;padding:0 4px;border-radius:3px}
        .sev-error{color:var(--bad);font-weight:600}.sev-warning{color:var(--warn);font-weight:600}.sev-info{color:var(--muted)}
        .eq{display:flex;flex-wrap:wrap;gap:4px;align-items:center;margin-top:4px;font-size:12px}
        .eq .t{border:2px solid var(--bad);border-radius:3px;padding:0 5px;background:#fff8f8;white-space:nowrap}
        .eq .t.tot{background:var(--badbg);font-weight:700}
        .eq .ns{border-style:dashed}
        .eq .op{font-weight:700;color:var(--muted)}
        .eq .res{font-weight:700}
        table.diag{font-size:12px;width:100%}
        table.diag td{vertical-align:top}
        table.years td.c{text-align:right;font-variant-numeric:tabular-nums;min-width:64px}
        table.years td.carry{background:var(--warnbg);color:var(--warn);font-weight:700;outline:2px dashed var(--warn);outline-offset:-2px}
        .note{background:#fff;border-left:4px solid var(--accent);padding:6px 10px;margin:8px 0;color:var(--muted)}
        @media screen{
          .detail{display:none}
          .detail:target{display:block}
          body:has(.detail:target) main>section:not(.detail){display:none}
        }
        @media print{
          body{background:#fff;font-size:11px}
          nav.top,.filters,.back{display:none}
          header.top{background:#fff;color:#000;border-bottom:2px solid #000}
          header.top p{color:#333}
          .panel,.card,.detail{border-color:#999;break-inside:avoid}
          .detail{display:block;break-before:page}
          table{break-inside:auto}
          tr{break-inside:avoid}
          a{color:inherit;text-decoration:none}
          td.brk,td.term,td.fused,td.carry,td.ocr,td.ns{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }
        """;

    /// <summary>Sorts the files table by a clicked column and filters it by text and status; the shown count is kept in #shown.</summary>
    public const string Script = """
        (function(){
          var t=document.getElementById('files');if(!t)return;
          var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
          var q=document.getElementById('q'),st=document.getElementById('status'),br=document.getElementById('breaks'),shown=document.getElementById('shown');
          function apply(){var s=q.value.trim().toLowerCase(),v=st.value,b=br.checked,n=0;
            rows.forEach(function(r){var ok=(!s||r.textContent.toLowerCase().indexOf(s)>=0)&&(!v||r.dataset.s===v)&&(!b||r.cells[9].textContent!=='0');r.hidden=!ok;if(ok)n++;});
            shown.textContent=n.toLocaleString('en-US');}
          [q,st,br].forEach(function(e){e.addEventListener('input',apply);e.addEventListener('change',apply);});
          Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){th.addEventListener('click',function(){
            var asc=th.getAttribute('aria-sort')!=='ascending',num=th.classList.contains('num');
            Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h){h.removeAttribute('aria-sort');});
            th.setAttribute('aria-sort',asc?'ascending':'descending');
            rows.sort(function(a,b){var x=a.cells[i].dataset.v||a.cells[i].textContent,y=b.cells[i].dataset.v||b.cells[i].textContent;
              var c=num?(parseFloat(x)||0)-(parseFloat(y)||0):x.localeCompare(y,'zh');return asc?c:-c;});
            rows.forEach(function(r){body.appendChild(r);});});});
          apply();
        })();
        """;
}
