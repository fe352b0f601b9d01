package dev.selftune.report;

/** The report page's stylesheet, inlined so the page needs no other file. */
final class HtmlStyle {
    private HtmlStyle() { }

    static final String CSS = """
            :root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --soft:#f6f8fa; --green:#1a7f37; --red:#cf222e;
                    --mono: ui-monospace, SFMono-Regular, "JetBrains Mono", Menlo, Consolas, "Liberation Mono", monospace; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #eef1f4; color: var(--fg);
                   font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1180px; margin: 0 auto; padding: 28px 24px 40px; }
            header, section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px; margin-bottom: 18px; }
            .brand { font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
            h1 { margin: 4px 0 14px; font-size: 22px; font-weight: 600; word-break: break-all; }
            h1 code { font-family: var(--mono); font-size: 20px; }
            h3 code { font-size: 13px; }
            h2 { margin: 0 0 10px; font-size: 17px; font-weight: 600; }
            h3 { margin: 18px 0 6px; font-size: 13px; font-weight: 600; }
            code, .id, .tf { font-family: var(--mono); font-size: 12.5px; }
            .meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px 24px; margin: 0; }
            .meta div { border-left: 3px solid var(--line); padding-left: 10px; }
            .meta dt { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
            .meta dd { margin: 0; font-weight: 500; }
            .decision { border-left: 6px solid var(--muted); }
            .decision.swap { border-left-color: var(--green); background: #f4fbf6; }
            .decision.keep { border-left-color: #8c959f; background: #fafbfc; }
            .decision .label { font-size: 12px; text-transform: uppercase; letter-spacing: .08em; font-weight: 700; color: var(--muted); }
            .decision.swap .label { color: var(--green); }
            .headline { font-size: 17px; margin: 6px 0 8px; }
            .decision p { margin: 6px 0; }
            .counts { display: flex; gap: 22px; margin-top: 12px; color: var(--muted); }
            .counts b { color: var(--fg); font-size: 18px; margin-right: 4px; }
            .hint { color: var(--muted); font-size: 13px; margin: 0 0 10px; }
            .hint span { margin-left: 12px; white-space: nowrap; }
            svg.chart { display: block; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; }
            th { text-align: left; font-weight: 600; color: var(--muted); font-size: 12px; border-bottom: 2px solid var(--line); padding: 6px 10px; white-space: nowrap; }
            td { border-bottom: 1px solid #eaeef2; padding: 6px 10px; vertical-align: top; }
            tbody tr:nth-child(even) { background: var(--soft); }
            .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            .note { color: var(--muted); }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 11.5px; font-weight: 600; }
            .badge.ok { background: #dafbe1; color: var(--green); }
            .badge.bad { background: #ffebe9; color: var(--red); }
            .reject { border: 1px solid #ffcecb; border-left: 4px solid var(--red); border-radius: 6px; padding: 10px 14px; margin: 10px 0; background: #fffafa; }
            .rhead { display: flex; gap: 14px; align-items: baseline; flex-wrap: wrap; }
            .rhead .id { font-weight: 700; }
            .rhead .hint { margin: 0; }
            .reason { margin: 6px 0; }
            pre { font-family: var(--mono); font-size: 12px; line-height: 1.45; margin: 0; overflow: auto; }
            pre.cx { background: var(--soft); border: 1px solid #eaeef2; border-radius: 6px; padding: 8px 10px; white-space: pre-wrap; }
            .code { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
            .code.one { grid-template-columns: 1fr; }
            .code > div { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; min-width: 0; }
            .code .caption { background: var(--soft); border-bottom: 1px solid var(--line); padding: 5px 10px; font-family: var(--mono); font-size: 12px; font-weight: 600; }
            .code pre { padding: 8px 10px; max-height: 640px; }
            .code pre span { display: block; }
            .code pre .add { background: #dafbe1; }
            .code pre .del { background: #ffebe9; text-decoration: line-through; text-decoration-color: #cf222e80; }
            footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 8px; }
            """;
}
